"""Look up which resolved entity a character span of a document belongs to."""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

from graphbuild.model import Entity, Mention


@dataclass
class EntityIndex:
    """The entities of one document, searchable by source character offsets.

    Relation, quote and event extractors use it to turn a token or span of the parse
    into an entity id (after `ParsedDocument.source()` has mapped the offsets).
    """

    entities: tuple[Entity, ...]

    def __post_init__(self) -> None:
        spans = sorted((m.start, m.end, e.id, m) for e in self.entities for m in e.mentions)
        self._spans = spans
        self._starts = [s[0] for s in spans]
        self._by_id = {e.id: e for e in self.entities}

    def at(self, start: int, end: int) -> str | None:
        """The id of the entity whose mention overlaps [start, end) most, or None."""
        best, best_overlap = None, 0
        i = bisect_right(self._starts, end)
        for s, e, eid, _ in self._spans[max(0, i - 64) : i]:
            overlap = min(e, end) - max(s, start)
            if overlap > best_overlap:
                best, best_overlap = eid, overlap
        return best

    def mention_at(self, start: int, end: int) -> Mention | None:
        """The mention overlapping [start, end) most, or None."""
        best, best_overlap = None, 0
        i = bisect_right(self._starts, end)
        for s, e, _, m in self._spans[max(0, i - 64) : i]:
            overlap = min(e, end) - max(s, start)
            if overlap > best_overlap:
                best, best_overlap = m, overlap
        return best

    def get(self, entity_id: str) -> Entity:
        return self._by_id[entity_id]

    def __iter__(self):
        return iter(self.entities)
