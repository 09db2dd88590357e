"""Whether two organizations' names are one organization's, beyond exact and acronym
matches (`resolve.scoring` tries those first): a legal form dropped ("Walt Disney Co." /
"Walt Disney Company", cleanco), spaces dropped ("United Healthcare" /
"UnitedHealthcare"), a one-word short form ("Disney"), a partial name with the same
head word, a close spelling (rapidfuzz). Country modifiers must agree ("Iran's Foreign
Ministry" is not "Iraq's").
"""
from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import lru_cache

from rapidfuzz import fuzz

from graphbuild.lexicon.name_forms import org_short_forms, without_legal_form
from graphbuild.lexicon.name_variants import fold_word
from graphbuild.names import normalize

ORG_FUZZY_SIMILARITY = 0.9
# Words that never distinguish one organization's name from another's.
ORG_STOPWORDS = frozenset({"of", "the", "for", "and", "s", "de", "la"})
# A one-word name and the one organization it shortens ("Disney" / "Walt Disney Co.");
# with rival organizations it shortens, it needs context to pass.
SHORT_FORM_SCORE = 0.86
AMBIGUOUS_SHORT_FORM_SCORE = 0.7
COMPACT_SCORE = 0.95
LEGAL_FORM_SCORE = 0.95
PARTIAL_SCORE = 0.9


def content_words(label: str) -> tuple[list[str], set[str]]:
    """Folded content words of an organization name with country modifiers split off
    ("Iran's Revolutionary Guard" -> ["revolutionary", "guard"], {"IR"}); plural -s
    dropped so "Guards" matches "Guard"."""
    words, countries = _content_words(label)
    return list(words), set(countries)


# The name functions below are asked for both names of every candidate pair: kept per name.
@lru_cache(maxsize=1 << 16)
def _content_words(label: str) -> tuple[tuple[str, ...], frozenset[str]]:
    from graphbuild.resolve.geo import country_code

    words, countries = [], set()
    for w in normalize(label).split(" "):
        code = country_code(w) if w[:1].isalpha() and len(w) > 3 else None
        if code:
            countries.add(code)
        elif w not in ORG_STOPWORDS:
            words.append(fold_word(w[:-1] if len(w) > 3 and w.endswith("s") and not w.endswith("ss") else w))
    return tuple(words), frozenset(countries)


@lru_cache(maxsize=1 << 16)
def _plain(name: str) -> str:
    return normalize(without_legal_form(name))


@lru_cache(maxsize=1 << 16)
def compact(name: str) -> str:
    """The normalized name without its legal form, spaces, hyphens and a leading "the"."""
    words = normalize(without_legal_form(name)).split()
    return "".join(words[1:] if len(words) > 1 and words[0] == "the" else words).replace("-", "")


def short_forms_index(forms: Sequence[str]) -> dict[str, set[str]]:
    """Short form -> the compact names of `forms` (organizations' names) it shortens."""
    shorts: dict[str, set[str]] = {}
    for form in forms:
        for short in org_short_forms(form):
            shorts.setdefault(short, set()).add(compact(form))
    return shorts


def _short_form(xs: Sequence[str], ys: Sequence[str], rivals: Mapping[str, frozenset[str]]) -> tuple[str, float] | None:
    for x in xs:
        short = normalize(x)
        if " " not in short and any(short in org_short_forms(y) for y in ys):
            ambiguous = len(rivals.get(short, frozenset())) > 1
            return ("short-form", AMBIGUOUS_SHORT_FORM_SCORE if ambiguous else SHORT_FORM_SCORE)
    return None


def org_names_match(xs: Sequence[str], ys: Sequence[str],
                    rivals: Mapping[str, frozenset[str]]) -> tuple[str, float] | None:
    """(rule, score) when the names `xs` and `ys` of two organizations name one, else
    None; `rivals` maps a short form to the organizations it could shorten."""
    if {_plain(f) for f in xs} & {_plain(f) for f in ys}:
        return ("legal-form", LEGAL_FORM_SCORE)
    if {compact(f) for f in xs} & {compact(f) for f in ys}:
        return ("compact-name", COMPACT_SCORE)
    found = _short_form(xs, ys, rivals) or _short_form(ys, xs, rivals)
    if found:
        return found
    best: tuple[str, float] | None = None
    for x in xs:
        for y in ys:
            wx, cx = _content_words(x)
            wy, cy = _content_words(y)
            if cx and cy and not (cx & cy):
                continue  # "Iran's Foreign Ministry" is not "Iraq's Foreign Ministry"
            short, long = (wx, wy) if len(wx) <= len(wy) else (wy, wx)
            if len(short) >= 2 and set(short) <= set(long) and short[-1] in long:
                best = max(best or ("", 0), ("partial-name", PARTIAL_SCORE), key=lambda t: t[1])
            elif len(wx) == len(wy) and wx:
                r = fuzz.ratio(" ".join(wx), " ".join(wy)) / 100
                if r >= ORG_FUZZY_SIMILARITY:
                    best = max(best or ("", 0), ("fuzzy-name", r), key=lambda t: t[1])
    return best


__all__ = ["compact", "content_words", "org_names_match", "short_forms_index"]
