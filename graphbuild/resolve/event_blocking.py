"""Which pairs of events cross-document clustering scores: those that share a block key.

`score_events` joins a pair only when MIN_SIGNALS (2) of place, date, participants,
trigger lemma and class agree, one of them a place, date or participant, so every pair it
can join shares a trigger lemma, a participant, or a place (the same place or one
containing the other, i.e. an element of both places' containment closures), or else a
date together with the class (keyed by equal values: a day inside the other's interval
with nothing else shared is not scored). Scoring only the pairs that
share such a key gives the clusters that scoring all n^2 pairs gives.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence

from graphbuild.model import Event
from graphbuild.resolve.event_compat import REPORTING_KINDS, Containment, trigger_stems


def _block_keys(event: Event, up: Containment) -> set[tuple[str, str]]:
    """The keys of `event` (its containing places aside, `_containing`): two events that
    `score_events` can join share one."""
    keys = {("lemma", s) for s in trigger_stems(event)}
    keys.update(("day", event.kind, t.value) for t in event.times if t.value)  # date + class
    keys.update(("actor", p.entity) for p in event.participants)
    keys.update(("place", place) for place in event.places)
    return keys


def _containing(event: Event, up: Containment) -> set[tuple[str, str]]:
    """The place keys of the places containing `event`'s places. Two places agree when
    equal or nested, never for sharing a container (a shooting in Ohio and one in Texas):
    so such a key pairs its events only with those located at that place itself."""
    return {("place", q) for place in event.places for q in up.get(place, ())}


def candidate_pairs(ordered: Sequence[tuple[str, Event]], up: Containment,
                    one_story: Callable[[int, int], bool] | None = None) -> list[tuple[int, int]]:
    """The index pairs i < j of `ordered` that share a block key, or where one is located
    at a place containing the other's, sorted: every pair `score_events` can join
    (blocking instead of all n^2 pairs; same result).

    A pair that shares a trigger lemma and no other key can only join with a date (both
    state one), a place (both name one) or in one story (`one_story(i, j)`; every such
    pair when it is None): the trigger is never an anchor. Common triggers ("killed")
    make blocks of thousands over a corpus, most of their pairs lemma-only and unanchored."""
    blocks: dict[tuple[str, str], list[int]] = defaultdict(list)
    lemmas: dict[tuple[str, str], list[int]] = defaultdict(list)
    inside: dict[tuple[str, str], list[int]] = defaultdict(list)
    for i, (_, event) in enumerate(ordered):
        if event.kind not in REPORTING_KINDS:
            for key in _block_keys(event, up):
                (lemmas if key[0] == "lemma" else blocks)[key].append(i)
            for key in _containing(event, up):
                inside[key].append(i)
    found: set[tuple[int, int]] = set()
    for members in blocks.values():
        for n, i in enumerate(members):
            found.update((i, j) for j in members[n + 1:])
    for key, within in inside.items():  # a country's events with those in its towns, not town with town
        for i in blocks.get(key, ()):
            found.update((min(i, j), max(i, j)) for j in within if j != i)
    dated = [any(t.value for t in event.times) for _, event in ordered]
    placed = [bool(event.places) for _, event in ordered]
    for members in lemmas.values():
        for n, i in enumerate(members):
            for j in members[n + 1:]:
                if (i, j) not in found and ((dated[i] and dated[j]) or (placed[i] and placed[j])
                                            or one_story is None or one_story(i, j)):
                    found.add((i, j))
    return sorted(found)


__all__ = ["candidate_pairs"]
