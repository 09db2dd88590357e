"""Kind cues read from the words right after a name:
- an age in commas makes a person: "Dumont, 51, served as health minister", "Ortega, 61,
  denies all charges", whatever the model tagged ("Dumont" as a town); news writes an
  age that way of people only;
- "-based", "-born", "-headquartered" make a place: "Pune-based GreenLoop", "the
  Enugu-born forward" (the model tags "Pune" an organization).
Read-only over the text; `kind_cues.find_kind_cues` weighs the cues.
"""
from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from graphbuild.model import KindCue, Mention

AGE_APPOSITION = "age-apposition"
PLACE_BEFORE_BASED = "place-before-based"
# ", 51," or ", 51 years old," right after the name; the year of an address or a score
# has more digits or no second comma.
_AGE = re.compile(r", (\d{1,3})(?: years old)?,")
MIN_AGE, MAX_AGE = 1, 115
# Written onto a place's name, never a person's or a company's ("Google-backed" is left out).
LOCATED_SUFFIX = re.compile(r"-(?:based|born|headquartered|bred|raised)\b")


def after_name_cues(text: str, mentions: Sequence[Mention], weight: float) -> Iterator[KindCue]:
    """Person cues for the mentions an age in commas follows, Place cues for those a
    "-based" follows (source text)."""
    for m in mentions:
        if (age := _AGE.match(text, m.end)) is not None and MIN_AGE <= int(age.group(1)) <= MAX_AGE:
            yield KindCue(m.start, m.end, "Person", AGE_APPOSITION, weight)
        elif LOCATED_SUFFIX.match(text, m.end):
            yield KindCue(m.start, m.end, "Place", PLACE_BEFORE_BASED, weight)
