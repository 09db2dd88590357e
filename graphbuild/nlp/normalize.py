"""Text normalization for the parser, with a map back to the input's offsets.

spaCy matches and tags worse on a BOM, zero-width characters or no-break spaces, so the
parser sees a normalized copy. Every normalized offset maps back to the input text, so
mentions still index the document exactly as the input gave it.
"""
from __future__ import annotations

from dataclasses import dataclass

# Replaced one-for-one (offsets unchanged).
_SPACES = dict.fromkeys(map(ord, "\u00a0\u2007\u202f\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2008\u2009\u200a\u3000"), " ")
_SPACES.update({ord("\r"): "\n", ord("\u2028"): "\n", ord("\u2029"): "\n", ord("\t"): " "})
# Removed (offsets shift; recorded in the map).
_DROP = frozenset("\ufeff\u200b\u200c\u200d\u2060\u00ad")


@dataclass(frozen=True)
class OffsetMap:
    """Maps offsets of the normalized text back to the source text.

    `removed` holds the source offsets of dropped characters, sorted; a normalized offset
    `i` maps to `i + (number of dropped characters before the i-th kept one)`.
    """

    removed: tuple[int, ...] = ()

    def to_source(self, i: int) -> int:
        """The source offset of normalized offset `i` (an end offset maps likewise)."""
        for r in self.removed:  # sorted; each dropped char at or before i shifts it
            if r <= i:
                i += 1
            else:
                break
        return i


def normalize(text: str) -> tuple[str, OffsetMap]:
    """The text as the parser should see it, and the map back to `text`'s offsets."""
    removed = tuple(i for i, ch in enumerate(text) if ch in _DROP)
    if removed:
        text = "".join(ch for ch in text if ch not in _DROP)
    return text.translate(_SPACES), OffsetMap(removed)
