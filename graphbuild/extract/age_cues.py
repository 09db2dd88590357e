"""A name with an age in commas after it is a person's: "Dumont, 51, served as health
minister", "Ortega, 61, denies all charges", whatever the model tagged ("Dumont" as a
town). News writes an age that way of people only. Read-only over the text;
`kind_cues.find_kind_cues` weighs the cue.
"""
from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from graphbuild.model import KindCue, Mention

AGE_APPOSITION = "age-apposition"
# ", 51," or ", 51 years old," right after the name; the year of an address or a score
# has more digits or no second comma.
_AGE = re.compile(r", (\d{1,3})(?: years old)?,")
MIN_AGE, MAX_AGE = 1, 115


def age_cues(text: str, mentions: Sequence[Mention], weight: float) -> Iterator[KindCue]:
    """Person cues for the mentions that an age in commas follows (source text)."""
    for m in mentions:
        if (age := _AGE.match(text, m.end)) is not None and MIN_AGE <= int(age.group(1)) <= MAX_AGE:
            yield KindCue(m.start, m.end, "Person", AGE_APPOSITION, weight)
