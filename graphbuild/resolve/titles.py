"""Honorifics and title nouns: general English knowledge for names of people.

`split_title` separates the titles in front of a name ("Gen. Qassem Soleimani" →
("Gen.",), "Qassem Soleimani"); `preceding_title` reads a capitalized title phrase
written just before a name ("Secretary of State Mike Pompeo").
"""
from __future__ import annotations

import re

# Forms of address and ranks written before a name (compared without a final dot).
HONORIFICS = frozenset("""
mr mrs ms miss mx dr prof sir dame lord lady madam mister
gen general lt col colonel maj major capt captain cmdr commander adm admiral sgt sergeant
cpl corporal pvt brig brigadier marshal field
president vice prime minister secretary chancellor governor senator sen rep representative
congressman congresswoman mayor judge justice ambassador ayatollah imam sheikh shaikh
king queen prince princess emperor pope cardinal bishop archbishop rev reverend father
pastor rabbi chairman chairwoman chief deputy director minister premier supreme leader
coach manager officer inspector detective agent st saint
""".split())
# Nouns that head a title phrase ("Defence Secretary", "Supreme Leader",
# "Secretary of State"): a capitalized neighbour of one of these is part of a title.
TITLE_NOUNS = frozenset("""
secretary minister leader president chairman chairwoman chair director general commander
chief governor senator ambassador spokesman spokeswoman spokesperson mayor premier
chancellor king queen prince judge justice officer head deputy correspondent editor
reporter coach captain manager ayatollah
""".split())
# Small words allowed inside a title phrase ("Secretary of State").
TITLE_JOINERS = frozenset({"of", "for", "the", "and", "on"})


# Forms of address: honorifics, but no job title (schema:jobTitle).
ADDRESS_FORMS = frozenset("mr mrs ms miss mx mister madam sir dame".split())
# Abbreviated ranks and offices written out, so "Gen." and "General" are one title.
ABBREVIATIONS = {"gen": "General", "lt": "Lieutenant", "col": "Colonel", "maj": "Major", "capt": "Captain",
                 "cmdr": "Commander", "adm": "Admiral", "sgt": "Sergeant", "cpl": "Corporal", "pvt": "Private",
                 "brig": "Brigadier", "sen": "Senator", "rep": "Representative", "gov": "Governor",
                 "pres": "President", "prof": "Professor", "rev": "Reverend", "insp": "Inspector"}


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


def split_title(name: str) -> tuple[tuple[str, ...], str]:
    """Leading honorifics of `name` and the rest ("General Qassem Soleimani" →
    (("General",), "Qassem Soleimani")). A name is never stripped to nothing."""
    words = name.split()
    titles = []
    while len(words) > 1 and is_honorific(words[0]) and words[1][:1].isupper():
        titles.append(words.pop(0))
    return tuple(titles), " ".join(words)


_CAPITALIZED = re.compile(r"[A-Z][\w.’'-]*")


def preceding_title(text: str, start: int, max_words: int = 5) -> str | None:
    """The capitalized title phrase ending just before offset `start` of `text`, when it
    holds a title noun or honorific ("... said Secretary of State |Mike Pompeo" →
    "Secretary of State"), else None."""
    words = re.findall(r"\S+", text[max(0, start - 80):start].split("\n")[-1])
    taken: list[str] = []
    for word in reversed(words):
        if len(taken) >= max_words:
            break
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
    # ("Defence Secretary"); a sentence-initial "But" or a possessive "Iran's" is no part.
    opens = len(taken) == len(words) or words[-len(taken) - 1][-1:] in ".!?\"”:"
    first = next((i for i, w in enumerate(taken) if _in_title(w) or
                  (i + 1 < len(taken) and is_title_noun(taken[i + 1]) and not _POSSESSIVE.search(w)
                   and not (i == 0 and opens))), None)
    if first is None:
        return None
    taken = taken[first:]
    last = taken[-1]
    joined = next((i for i, w in enumerate(taken) if w in TITLE_JOINERS), None)
    if _in_title(last) or (joined is not None and 0 < joined and len(taken) - joined - 1 in (1, 2)):
        return " ".join(taken)
    return None


_POSSESSIVE = re.compile(r"['’]s?$")


def _in_title(word: str) -> bool:
    return is_title_noun(word) or is_honorific(word)


_INITIALLED = re.compile(r"(?:[A-Z]\.\s*){1,3}[A-Z][a-z][\w'’-]+")


def initialled_name(name: str) -> bool:
    """A name written with initials before a surname ("D. Fleming", "A.J. Smith"): the
    way people, not organizations or places, are written."""
    return bool(_INITIALLED.fullmatch(name.strip()))
