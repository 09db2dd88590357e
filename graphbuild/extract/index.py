"""Look up which resolved entity a character span of a document belongs to."""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

from graphbuild.model import Entity, Mention


@dataclass
class EntityIndex:
    """The entities of one document, searchable by source character offsets.

    `DocumentView` (the relation extractors' view) and the events stage use it to turn
    a token or span of the parse into an entity id (after `ParsedDocument.source()` has
    mapped the offsets).
    """

    entities: tuple[Entity, ...]

    def __post_init__(self) -> None:
        spans = sorted((m.start, m.end, e.id, m) for e in self.entities for m in e.mentions)
        self._spans = spans
        self._starts = [s[0] for s in spans]
        self._by_id = {e.id: e for e in self.entities}
        # Spans are sorted by start, so only those starting less than the longest
        # mention before `start` can reach into a query span: a short window to scan.
        self._longest = max((s[1] - s[0] for s in spans), default=0)

    def _near(self, start: int, end: int) -> list[tuple[int, int, str, Mention]]:
        lo = bisect_right(self._starts, start - self._longest)
        return self._spans[max(0, lo - 1) : bisect_right(self._starts, end)]

    def at(self, start: int, end: int) -> str | None:
        """The id of the entity whose mention overlaps [start, end) most, or None."""
        best, best_overlap = None, 0
        for s, e, eid, _ in self._near(start, end):
            overlap = min(e, end) - max(s, start)
            if overlap > best_overlap:
                best, best_overlap = eid, overlap
        return best

    def mention_at(self, start: int, end: int) -> Mention | None:
        """The mention overlapping [start, end) most, or None."""
        best, best_overlap = None, 0
        for s, e, _, m in self._near(start, end):
            overlap = min(e, end) - max(s, start)
            if overlap > best_overlap:
                best, best_overlap = m, overlap
        return best

    def get(self, entity_id: str) -> Entity:
        return self._by_id[entity_id]

    def __iter__(self):
        return iter(self.entities)
