"""Name normalization and blocking keys for cross-document entity resolution.

Pure string functions, no spaCy: `normalize` is the canonical comparable form of a name
(accents, case, possessives, dotted acronyms folded), `fold` adds transliteration
folding for comparing names written in Latin script from Arabic or Persian
("Qassem"/"Qasem", "Mohammed"/"Mohammad", "al-Assad"/"Assad"), and `blocking_keys`
gives the cheap keys under which two names are compared at all.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Apostrophe-like characters folded to "'" before possessives are stripped.
_APOSTROPHES = "\u2019\u2018\u02bc\u02bb`\u00b4"
_POSSESSIVE = re.compile(r"(?:'s|')$")
_INNER_POSSESSIVE = re.compile(r"(?<=\w)'s\b")
_DOTTED_ACRONYM = re.compile(r"\b(?:[A-Za-z]\.){2,}(?![A-Za-z])")
_NON_WORD = re.compile(r"[^\w\s-]+")
_SPACES = re.compile(r"\s+")

# Leading articles that never distinguish two names.
ARTICLES = frozenset({"the"})
# Arabic/Persian name particles: "al-Assad", "el-Sisi", "bin Salman" compare as their
# remainder. Hyphenated or separate, in the transliterations news agencies use.
PARTICLES = frozenset({"al", "el", "ul", "ad", "ar", "as", "ash", "at", "az", "an", "ibn", "bin", "abu", "abd"})
# Particles that are dropped only when attached by a hyphen or followed by a longer
# name; "bin" and "abu" carry meaning ("bin Laden"), so they stay in the surname key.
_DROPPABLE_PARTICLES = frozenset({"al", "el", "ul", "ad", "ar", "as", "ash", "at", "az", "an"})
# Transliteration variants of vowels and consonant clusters (regex, replacement),
# applied in order to a lowercase word: doubled letters single, ou/oo→u, ee→i, e→a
# inside Arabic-derived names is too aggressive, so only the endings and clusters that
# vary between agencies are folded.
_TRANSLIT = (
    (re.compile(r"([a-z])\1+"), r"\1"),  # Qassem → Qasem, Hassan → Hasan
    (re.compile(r"ou|oo"), "u"),  # Youssef → Yusef, Mahmoud → Mahmud
    (re.compile(r"ee|ie(?=[^a-z]|$)"), "i"),
    (re.compile(r"(?<=[a-z])e(?=[dmnr]\b)"), "a"),  # Mohammed → Mohammad, Qassem → Qassam
    (re.compile(r"(?<=[a-z])ei"), "ai"),  # Hossein → Hossain
    (re.compile(r"^moh?am+[ae]d"), "muhamad"),  # Mohamed/Muhammad/Mohammad
    (re.compile(r"^muham+[ae]d"), "muhamad"),
    (re.compile(r"kh"), "k"),
    (re.compile(r"q"), "k"),
    (re.compile(r"dh"), "d"),
    (re.compile(r"th"), "t"),
    (re.compile(r"y"), "i"),
    (re.compile(r"w"), "u"),
    (re.compile(r"o"), "u"),
)


def strip_accents(text: str) -> str:
    """`text` without combining marks ("Pérez" → "Perez")."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@lru_cache(maxsize=1 << 16)  # pure; cross-document resolution asks for the same names again and again
def normalize(name: str) -> str:
    """The comparable form of a name: accents and case folded, a trailing possessive
    and a leading article dropped, dotted acronyms joined ("U.S." → "us"), punctuation
    other than hyphens removed, whitespace collapsed. Stable: the id keys use it."""
    text = strip_accents(name)
    for ch in _APOSTROPHES:
        text = text.replace(ch, "'")
    text = text.strip()
    text = _POSSESSIVE.sub("", text)
    text = _INNER_POSSESSIVE.sub("", text)  # "Iran's Revolutionary Guard" -> "Iran Revolutionary Guard"
    text = _DOTTED_ACRONYM.sub(lambda m: m.group(0).replace(".", ""), text)
    text = _NON_WORD.sub(" ", text.casefold())
    words = _SPACES.sub(" ", text).strip(" -").split(" ")
    while len(words) > 1 and words[0] in ARTICLES:
        words = words[1:]
    return " ".join(w for w in words if w)


def tokens(name: str) -> list[str]:
    """The words of the normalized name, hyphenated particles split off ("al-assad" →
    ["al", "assad"]); other hyphenated words stay whole."""
    out: list[str] = []
    for word in normalize(name).split(" "):
        head, sep, rest = word.partition("-")
        if sep and head in PARTICLES and rest:
            out.extend([head, rest])
        elif word:
            out.append(word)
    return out


@lru_cache(maxsize=1 << 16)
def fold_word(word: str) -> str:
    """One word folded across common transliterations ("qassem" → "kasam")."""
    for pattern, repl in _TRANSLIT:
        word = pattern.sub(repl, word)
    return word


def name_words(name: str) -> list[str]:
    """Tokens without droppable particles ("Bashar al-Assad" → ["bashar", "assad"])."""
    words = tokens(name)
    kept = [w for w in words if w not in _DROPPABLE_PARTICLES]
    return kept or words


def fold(name: str) -> str:
    """The transliteration-folded form of a whole name, particles dropped."""
    return " ".join(fold_word(w) for w in name_words(name))


def surname(name: str) -> str:
    """The folded last word of a person's name ("" for an empty name)."""
    words = name_words(name)
    return fold_word(words[-1]) if words else ""


def acronym(name: str) -> str:
    """The initials of a multi-word name's capitalized content words ("Islamic
    Revolutionary Guards Corps" → "irgc"); "" for a single word."""
    words = [w for w in re.split(r"[\s-]+", strip_accents(name)) if w]
    words = [w for w in words if w[:1].isupper()]
    if len(words) < 2:
        return ""
    return "".join(w[0] for w in words).casefold()


def is_acronym(surface: str) -> bool:
    """Whether `surface` is written as an acronym: "IRGC", "U.S.", "UN"."""
    compact = surface.replace(".", "").strip()
    return 2 <= len(compact) <= 8 and compact.isalpha() and compact.isupper()


def blocking_keys(name: str, kind: str) -> set[str]:
    """Keys under which `name` is compared with other names of the same kind: the
    folded full name, the folded surname (people), the acronym of the name or the name
    as an acronym (organizations and places)."""
    keys = {"f:" + fold(name)}
    words = name_words(name)
    if kind == "Person" and words:
        keys.add("s:" + surname(name))
    if is_acronym(name):
        keys.add("a:" + normalize(name).replace(" ", ""))
    else:
        initials = acronym(name)
        if initials:
            keys.add("a:" + initials)
    return keys
