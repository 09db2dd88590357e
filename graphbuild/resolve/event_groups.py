"""Greedy grouping of event reports into happenings, for `event_match.cluster_events`.

Pairs are offered best first; two groups join when every pair across them agrees in
class and number, no two events of one document across them state different times, and
the pairs free of any conflict (place, time, victims; `event_compat.conflicts`) are a
strict majority. Two events of an existing graph (scope GLOBAL) never join.
"""
from __future__ import annotations

from collections.abc import Callable, Sequence

from graphbuild.model import Event
from graphbuild.resolve.event_compat import Containment, conflicts, event_times_compatible, is_plural
from graphbuild.resolve.scopes import GLOBAL


class Groups:
    """Greedy union of compatible groups of events (`ordered`: (scope, event) pairs),
    joined pair by pair with `join`; `kinds_ok(a, b)` says whether two classes can name
    one event."""

    def __init__(self, ordered: Sequence[tuple[str, Event]], up: Containment,
                 kinds_ok: Callable[[str, str], bool], plural: Callable[[Event], bool] = is_plural):
        self.ordered, self.up, self.kinds_ok, self.plural_of = ordered, up, kinds_ok, plural
        self.group_of = {i: i for i in range(len(ordered))}
        self.groups: dict[int, list[int]] = {i: [i] for i in range(len(ordered))}
        self.joined_by: dict[int, tuple[str, float]] = {}
        self.plural = [plural(event) for _, event in ordered]
        # Pair x < y as x * n + y -> 1 (conflict) + 2 (same-document time conflict): ints, not
        # tuples, as a corpus's groups check millions of pairs.
        self.checked: dict[int, int] = {}
        self.pinned = {i: scope == GLOBAL for i, (scope, _) in enumerate(ordered)}  # a group holds a GLOBAL event
        # Groups only grow and keep the smaller id, so (id, size) names one group's members:
        # two that were found apart stay apart until one of them grows (pairs come in bulk).
        self.apart: set[tuple[int, int, int, int]] = set()

    def _pair(self, x: int, y: int) -> tuple[bool, bool]:
        """Whether events x and y conflict, and whether they are of one document and state
        different times; asked again at every join attempt, so kept."""
        key = x * len(self.ordered) + y if x < y else y * len(self.ordered) + x
        found = self.checked.get(key)
        if found is None:
            (sa, a), (sb, b) = self.ordered[x], self.ordered[y]
            bad = conflicts(a, b, self.up, self.kinds_ok, self.plural_of)
            found = self.checked[key] = bad + 2 * (bad and sa == sb and not event_times_compatible(a, b))
        return bool(found & 1), bool(found & 2)

    def conflict(self, gi: int, gj: int) -> bool:
        """Whether groups `gi` and `gj` must stay apart: some pair across them differs in
        class or in number (plural vs singular), or two events of one document state
        different times (the article itself told them apart), or the pairs free of conflict
        (place, time, victims) are not a strict majority. A majority across documents, not
        every pair: one report's stray date or a victim named two ways must not keep a
        story's event in pieces, while groups that as often disagree as agree stay apart."""
        ga, gb, ordered = self.groups[gi], self.groups[gj], self.ordered
        if self.plural[ga[0]] != self.plural[gb[0]]:  # a group is all plural or all singular
            return True
        kinds_a, kinds_b = {ordered[x][1].kind for x in ga}, {ordered[y][1].kind for y in gb}
        if any(not self.kinds_ok(a, b) for a in kinds_a for b in kinds_b):
            return True
        allowed = (len(ga) * len(gb) - 1) // 2  # conflicting pairs tolerated: fewer than half
        bad = 0
        for x in ga:
            for y in gb:
                conflict, same_document_times = self._pair(x, y)
                bad += conflict
                if same_document_times or bad > allowed:
                    return True
        return False

    def join(self, pair: tuple) -> bool:
        neg, i, j, rule = pair
        gi, gj = self.group_of[i], self.group_of[j]
        if gi == gj:
            return False
        if self.pinned[gi] and self.pinned[gj]:
            return False
        a, b = (gi, len(self.groups[gi])), (gj, len(self.groups[gj]))
        state = (*a, *b) if a < b else (*b, *a)
        if state in self.apart:
            return False
        if self.conflict(gi, gj):
            self.apart.add(state)
            return False
        keep, gone = min(gi, gj), max(gi, gj)
        self.pinned[keep] = self.pinned.pop(gone) or self.pinned[keep]
        moved = self.groups.pop(gone)
        self.groups[keep].extend(moved)
        for k in moved:
            self.group_of[k] = keep
        self.joined_by.setdefault(i, (rule, -neg))
        self.joined_by.setdefault(j, (rule, -neg))
        return True
