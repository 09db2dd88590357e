"""Kind cues read from the words right around a name:
- an age in commas makes a person: "Dumont, 51, served as health minister", "Ortega, 61,
  denies all charges", whatever the model tagged ("Dumont" as a town); news writes an
  age that way of people only;
- "-based", "-born", "-headquartered" make a place: "Pune-based GreenLoop", "the
  Enugu-born forward" (the model tags "Pune" an organization);
- a byline makes a person: "By Tunde Adeyemi" on a line of its own;
- a party in brackets right after a name shaped like a personal one makes a person:
  "Terje Halleland (Progress Party)", "Ann Roe (R-Texas)"; a party is said of its
  members so (the model tags the whole "Terje Halleland (Progress Party" an ORG).
Read-only over the text; `kind_cues.find_kind_cues` weighs the cues.
"""
from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from graphbuild.lexicon.name_forms import shaped_like_person
from graphbuild.model import KindCue, Mention

AGE_APPOSITION = "age-apposition"
PLACE_BEFORE_BASED = "place-before-based"
# ", 51," or ", 51 years old," right after the name; the year of an address or a score
# has more digits or no second comma.
_AGE = re.compile(r", (\d{1,3})(?: years old)?,")
MIN_AGE, MAX_AGE = 1, 115
# A party after a name: "(Progress Party)", "(Conservative Party)", "(R-Texas)", "(D-Calif.)".
_PARTY_BRACKET = re.compile(r" ?\((?:(?:[A-Z][\w'’.-]*|of|the|and) ){1,5}Party\)| ?\([RDI]-[A-Z][A-Za-z.]+(?: [A-Z][A-Za-z.]+)?\)")
PARTY_BRACKET = "party-bracketed"
# Written onto a place's name, never a person's or a company's ("Google-backed" is left out).
LOCATED_SUFFIX = re.compile(r"-(?:based|born|headquartered|bred|raised)\b")


def after_name_cues(text: str, mentions: Sequence[Mention], weight: float) -> Iterator[KindCue]:
    """Person cues for the mentions an age in commas or a bracketed party follows, Place
    cues for those a "-based" follows (source text)."""
    for m in mentions:
        if (age := _AGE.match(text, m.end)) is not None and MIN_AGE <= int(age.group(1)) <= MAX_AGE:
            yield KindCue(m.start, m.end, "Person", AGE_APPOSITION, weight)
        elif LOCATED_SUFFIX.match(text, m.end):
            yield KindCue(m.start, m.end, "Place", PLACE_BEFORE_BASED, weight)
        elif _PARTY_BRACKET.match(text, m.end) and shaped_like_person(m.text, surname_may_be_a_place=True):
            yield KindCue(m.start, m.end, "Person", PARTY_BRACKET, weight)


# "By Tunde Adeyemi" on a line of its own, maybe with the writer's post or a second
# writer after it ("By Yoon Da-eun, staff reporter", "By A and B").
_BYLINE_BEFORE = re.compile(r"[ \t]*(?:By|BY)[ \t]+(?:[^\n]*?(?:,| and| AND) )?")
BYLINE = "byline"


def _byline_rest(text: str, end: int) -> bool:
    """What follows a byline's name on its line: nothing, the writer's post after a comma,
    another writer after "and" or the agency's name (no verb: "By then Roe had left" is a
    sentence)."""
    stop = text.find("\n", end)
    rest = text[end:stop if stop >= 0 else len(text)].strip()
    words = rest.split()
    return (not rest or rest.startswith(",") or rest.casefold().startswith("and ")
            or (len(words) <= 4 and all(w[:1].isupper() for w in words)))  # "By X Associated Press"


def byline_cues(text: str, mentions: Sequence[Mention], weight: float) -> Iterator[KindCue]:
    """Person cues for the names of a byline shaped like a personal name: a writer is a
    person, whatever the model tagged ("By Tunde Adeyemi" as an ORG; "By Reuters" is an
    agency's credit)."""
    for m in mentions:
        name = m.text.title() if m.text.isupper() else m.text  # "By NIKO SURYADI"
        if not shaped_like_person(name, surname_may_be_a_place=True):
            continue
        line_start = text.rfind("\n", 0, m.start) + 1
        if _BYLINE_BEFORE.fullmatch(text, line_start, m.start) and _byline_rest(text, m.end):
            yield KindCue(m.start, m.end, "Person", BYLINE, weight)
