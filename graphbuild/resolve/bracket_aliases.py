"""Short names a text defines in brackets: "the Bank of Korea (BOK)", "the National
Institute of Civil Defense (Indeci)", "the Federal Motor Transport Authority (KBA)".
The bracket says the short name is the long one's, whatever its letters spell (an
abbreviation of another language's name, or a syllable acronym), so the two are one
entity. Read-only over the mentions and the text.
"""
from __future__ import annotations

import re
from collections.abc import Sequence

from graphbuild.lexicon.name_forms import in_gazetteer
from graphbuild.model import Mention

_OPEN = re.compile(r"\s*\(\s*")
_CLOSE = re.compile(r"\s*\)")
# One word, a capital first, two to ten letters ("BOK", "Indeci", "NFF"); at least two
# capitals or one word of a longer name's size: a short name, not a common word.
_SHORT = re.compile(r"[A-Z][A-Za-z&]{1,9}")


def bracketed_short_names(text: str, mentions: Sequence[Mention]) -> dict[tuple[int, int], tuple[int, int]]:
    """(start, end) of each short name in brackets -> (start, end) of the name of two or
    more words right before the bracket (no person's, no place's name)."""
    ordered = sorted(mentions, key=lambda m: (m.start, m.end))
    out = {}
    for long, short in zip(ordered, ordered[1:]):
        if long.label in ("PERSON", "GPE", "LOC") or len(long.text.split()) < 2 or short.label in ("GPE", "LOC"):
            continue
        opened = _OPEN.fullmatch(text, long.end, short.start)
        if opened is None or _CLOSE.match(text, short.end) is None or not _SHORT.fullmatch(short.text):
            continue
        if sum(c.isupper() for c in short.text) < 2 and len(short.text) < 4 or in_gazetteer(short.text):
            continue
        out[(short.start, short.end)] = (long.start, long.end)
    return out
