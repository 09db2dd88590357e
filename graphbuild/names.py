"""Names of people, organizations and places as strings: no spaCy, shared by extract
and resolve (word lists in `graphbuild.lexicon`).

- Possessives: `POSSESSIVE` ends a mention's surface ("Soleimani's", "Reuters'", never
  the bare apostrophe of "Iran'"); `strip_possessive` drops it. `normalize` and title
  reading drop any trailing apostrophe (`ANY_POSSESSIVE`).
- Initials: `initials` of a name's words (`name_initials` of its capitalized ones) (small words skipped, "IRGC" of "Islamic
  Revolutionary Guards Corps"); `acronym` is the blocking form (capitalized words only,
  lowercase); `initialled_name` ("D. Fleming").
- Titles: `split_title`, `name_of`, `expand_title`, `preceding_title`, `is_honorific`,
  `is_title_noun`.
- Comparable forms for cross-document matching: `normalize` (accents, case,
  possessives, dotted acronyms folded), `fold` (doubled letters and particles:
  "Qassem"/"Qasem", "al-Assad"/"Assad"), `phonetic` (jellyfish Metaphone keys) and
  `blocking_keys` (the cheap keys under which two names are compared at all).
- Name variants (`lexicon.name_variants`): whether two spellings are one name's
  ("Gaddafi"/"Qadhafi" yes, "Ted"/"Tad" no) from sound keys and spelling similarity.
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache

from graphbuild.lexicon.name_variants import fold_word, phonetic_word
from graphbuild.lexicon.roles import MODIFIERS as TITLE_MODIFIERS
from graphbuild.lexicon.titles import ABBREVIATIONS, ADDRESS_FORMS, HONORIFICS, TITLE_JOINERS, TITLE_NOUNS
from graphbuild.lexicon.words import ACRONYM_SKIP, ARTICLES, DROPPABLE_PARTICLES, PARTICLES

# A possessive ending a name ("Soleimani's", "Reuters'").
POSSESSIVE = re.compile(r"(?:['’]s|(?<=s)['’])$")
# Any trailing apostrophe, with or without s ("Iran's", "Iran'").
ANY_POSSESSIVE = re.compile(r"['’]s?$")
# Apostrophe-like characters folded to "'" before possessives are stripped.
_APOSTROPHES = "\u2019\u2018\u02bc\u02bb`\u00b4"
_INNER_POSSESSIVE = re.compile(r"(?<=\w)'s\b")
_DOTTED_ACRONYM = re.compile(r"\b(?:[A-Za-z]\.){2,}(?![A-Za-z])")
_NON_WORD = re.compile(r"[^\w\s-]+")
_SPACES = re.compile(r"\s+")

def strip_accents(text: str) -> str:
    """`text` without combining marks ("Pérez" → "Perez")."""
    if text.isascii():  # NFKD leaves ASCII as it is and ASCII has no combining marks
        return text
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
    text = ANY_POSSESSIVE.sub("", text)
    text = _INNER_POSSESSIVE.sub("", text)  # "Iran's Revolutionary Guard" -> "Iran Revolutionary Guard"
    text = undot(text)
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


def name_words(name: str) -> list[str]:
    """Tokens without droppable particles ("Bashar al-Assad" → ["bashar", "assad"])."""
    return list(_name_words(name))


@lru_cache(maxsize=1 << 16)  # asked for both names of every candidate pair
def _name_words(name: str) -> tuple[str, ...]:
    words = tokens(name)
    kept = [w for w in words if w not in DROPPABLE_PARTICLES]
    return tuple(kept or words)


def phonetic(name: str) -> str:
    """The sound key of a name: its words' keys, particles dropped."""
    return " ".join(phonetic_word(w) for w in name_words(name))


def fold(name: str) -> str:
    """The transliteration-folded form of a whole name, particles dropped."""
    return " ".join(fold_word(w) for w in name_words(name))


def surname(name: str) -> str:
    """The sound key of the last word of a person's name ("" for an empty name): the
    blocking key under which spelling variants of a surname meet."""
    words = name_words(name)
    return phonetic_word(fold_word(words[-1])) if words else ""


def acronym(name: str) -> str:
    """The initials of a multi-word name's capitalized content words ("Islamic
    Revolutionary Guards Corps" → "irgc", "U.S. Navy" → "usn"); "" for a single word."""
    words = [w for w in re.split(r"[\s-]+", strip_accents(name)) if w]
    words = [w for w in words if w[:1].isupper()]
    if len(words) < 2:
        return ""
    # A dotted acronym inside the name gives all its letters: "U.S. Navy" is "usn", not "un".
    return "".join(w.replace(".", "") if _DOTTED_ACRONYM.fullmatch(w) else w[0] for w in words).casefold()


def is_acronym(surface: str) -> bool:
    """Whether `surface` is written as an acronym: "IRGC", "U.S.", "UN"."""
    compact = surface.replace(".", "").strip()
    return 2 <= len(compact) <= 8 and compact.isalpha() and compact.isupper()


def blocking_keys(name: str, kind: str) -> set[str]:
    """Keys under which `name` is compared with other names of the same kind: the
    folded full name, the folded surname (people), the acronym of the name or the name
    as an acronym (organizations and places)."""
    keys = {"f:" + fold(name), "p:" + phonetic(name)}
    words = name_words(name)
    if kind == "Person" and words:
        keys.add("s:" + surname(name))
    if kind == "Person" and len(words) >= 3:  # "Lucía Ferrández Ortega" is also written "Lucía Ferrández"
        keys.add("f:" + " ".join(fold_word(w) for w in words[:-1]))
    if is_acronym(name):
        keys.add("a:" + normalize(name).replace(" ", ""))
    else:
        initials = acronym(name)
        if initials:
            keys.add("a:" + initials)
    return keys


def strip_possessive(text: str) -> str:
    """`text` without a possessive ending (`POSSESSIVE`)."""
    return POSSESSIVE.sub("", text)


def undot(text: str) -> str:
    """Dotted acronyms joined: "U.S. forces" -> "US forces"."""
    return _DOTTED_ACRONYM.sub(lambda m: m.group(0).replace(".", ""), text)


def initials(words: Iterable[str], letters_only: bool = False) -> str:
    """The uppercase first letters of `words`, small words (`ACRONYM_SKIP`) skipped;
    with `letters_only`, words that start with no letter too."""
    return "".join(w[0] for w in words if w.casefold() not in ACRONYM_SKIP and (not letters_only or w[:1].isalpha())).upper()


def name_initials(name: str) -> str:
    """The initials of a name's capitalized words ("UAW" of "United Auto Workers union":
    lowercase words are no part of its acronym)."""
    return initials([w for w in re.findall(r"[\w'’]+", name.replace("-", " ")) if not w[:1].islower()])


def expand_title(title: str) -> str | None:
    """The title as a job title: abbreviations written out ("Gen." → "General"), None
    for a bare form of address ("Mr")."""
    words = title.split()
    if len(words) == 1 and _key(words[0]) in ADDRESS_FORMS:
        return None
    return " ".join(ABBREVIATIONS.get(_key(w), w) if w.endswith(".") or _key(w) in ABBREVIATIONS and len(w) <= 4
                    else w for w in words)


def _key(word: str) -> str:
    return word.rstrip(".").casefold()


def is_honorific(word: str) -> bool:
    return _key(word) in HONORIFICS


def is_title_noun(word: str) -> bool:
    return _key(word) in TITLE_NOUNS


def shouted(name: str) -> bool:
    """Written all in capitals though no acronym ("COLUMBUS" of a dateline, "NEW YORK"):
    no lowercase letter, and two words or a word of five letters or more."""
    words = [w for w in name.split() if w.isalpha()]
    return not any(c.islower() for c in name) and (len(words) >= 2 or any(len(w) >= 5 for w in words))


def split_title(name: str) -> tuple[tuple[str, ...], str]:
    """Leading honorifics of `name` and the rest ("General Qassem Soleimani" →
    (("General",), "Qassem Soleimani")). A name is never stripped to nothing."""
    words = name.split()
    titles = []
    while len(words) > 1 and is_honorific(words[0]) and words[1][:1].isupper():
        titles.append(words.pop(0))
    return tuple(titles), " ".join(words)


_CAPITALIZED = re.compile(r"[A-Z][\w.’'-]*")


# A word that ends a sentence: a whole word and its full stop ("Guilin."), no abbreviation ("Gen.", "U.S.").
_SENTENCE_END = re.compile(r"[\w'’-]*[a-z]{3}[.!?]|\S*[!?]")


def preceding_title(text: str, start: int, max_words: int = 5) -> str | None:
    """The capitalized title phrase ending just before offset `start` of `text`, when it
    holds a title noun or honorific ("... said Secretary of State |Mike Pompeo" →
    "Secretary of State"), else None."""
    words = re.findall(r"\S+", text[max(0, start - 80):start].split("\n")[-1])
    taken: list[str] = []
    for word in reversed(words):
        if len(taken) >= max_words or (taken and _SENTENCE_END.fullmatch(word) and not is_honorific(word)):
            break  # "... the city of Guilin. Premier Li Qiang": the title starts the sentence
        bare = word.strip(",;:")
        if bare != word and taken:
            break
        if _CAPITALIZED.fullmatch(bare) or (taken and bare in TITLE_JOINERS):
            taken.insert(0, bare)
            if bare != word:
                break
        else:
            break
    # The title starts at its first title word or at a modifier right before one
    # ("Defence Secretary"); a sentence-initial "But" or a possessive "Iran's" is no part,
    # a sentence-initial title modifier is ("Interior Minister X said").
    opens = len(taken) == len(words) or words[-len(taken) - 1][-1:] in ".!?\"”:"
    first = next((i for i, w in enumerate(taken) if _in_title(w) or
                  (i + 1 < len(taken) and is_title_noun(taken[i + 1]) and not ANY_POSSESSIVE.search(w)
                   and not (i == 0 and opens and w.casefold() not in TITLE_MODIFIERS))), None)
    if first is None:
        return None
    taken = taken[first:]
    # "Foreign Minister Ana Vel and Governor |Tim Ray": a title after "and" that follows
    # words of no title (another person's name) is a title of its own; "President and
    # Chief Executive", "Secretary of Health and Human Services" stay whole.
    for k in range(len(taken) - 2, 0, -1):
        if taken[k] in ("and", "&") and any(_in_title(w) for w in taken[k + 1:]) and any(
                not (_in_title(w) or w in TITLE_JOINERS or w.casefold() in TITLE_MODIFIERS) for w in taken[:k]):
            taken = taken[k + 1:]
            break
    last = taken[-1]
    joined = next((i for i, w in enumerate(taken) if w in TITLE_JOINERS), None)
    if _in_title(last) or (joined is not None and 0 < joined and len(taken) - joined - 1 in (1, 2)):
        return " ".join(taken)
    return None


def whole_titles(text: str, start: int, titles: tuple[str, ...]) -> tuple[str, ...]:
    """The `titles` a mention at `start` of `text` opens with, read on before it when the
    mention's span cut the title short ("Senate Majority |Leader Tom Roe|" gives
    "Majority Leader")."""
    if not titles:
        return titles
    head = " ".join(titles)
    window = text[max(0, start - 100):start]  # preceding_title reads 80 characters back
    longer = preceding_title(f"{window}{head} ", len(window) + len(head) + 1)
    return (longer,) if longer and longer.endswith(head) and longer != head else titles


def _in_title(word: str) -> bool:
    return is_title_noun(word) or is_honorific(word)


_INITIALLED = re.compile(r"(?:[A-Z]\.\s*){1,3}[A-Z][a-z][\w'’-]+")


def initialled_name(name: str) -> bool:
    """A name written with initials before a surname ("D. Fleming", "A.J. Smith"): the
    way people, not organizations or places, are written."""
    return bool(_INITIALLED.fullmatch(name.strip()))


# Degrees and credentials written after a personal name ("Jane Roe, MD", "Jane Roe, M.
# D., M. B. A."): part of the mention, not of the name.
_CREDENTIAL_RUN = (r"(?:\s*,\s*(?:M\.?\s?D|Ph\.?\s?D|M\.?\s?B\.?\s?A|D\.?\s?D\.?\s?S|R\.?\s?N|J\.?\s?D|"
                         r"Esq|M\.?\s?P\.?\s?H|D\.?\s?O)\.?(?![\w.]))+")
CREDENTIALS = re.compile(_CREDENTIAL_RUN + "$")
CREDENTIALS_AFTER = re.compile(_CREDENTIAL_RUN)


def name_of(surface: str) -> tuple[tuple[str, ...], str]:
    """Titles and the bare name of a mention's text: honorifics and a leading "the"
    removed, a possessive and trailing credentials ("MD") dropped, whitespace collapsed."""
    text = " ".join(surface.split())
    text = CREDENTIALS.sub("", POSSESSIVE.sub("", text))
    if text.lower().startswith("the ") and len(text) > 4:
        text = text[4:]
    return split_title(text)
