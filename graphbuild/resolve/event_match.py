"""Cross-document event merging: one node for an event reported by several documents.

`merge_events` takes every event with its scope (document id, or GLOBAL for an existing
graph) and its entity references already rewritten to global ids, and joins events of
different documents that are the same happening. Ids of pinned (existing) events are
kept; new ones are "event/<kind>/<normalized label>", made unique deterministically.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from graphbuild.model import Event, MergeStep
from graphbuild.resolve.names import normalize

GLOBAL = ""


def event_key(kind: str, label: str) -> str:
    """The global id key of an event."""
    return f"event/{kind.casefold()}/{normalize(label) or label.strip().casefold()}"


def merge_events(
    items: Sequence[tuple[str, Event]], pinned_ids: set[str]
) -> tuple[list[Event], dict[tuple[str, str], str]]:
    """Merged events and the map (scope, local id) -> global id."""
    from graphbuild.resolve.cross_doc import sorted_merges, unique_key

    ordered = sorted(items, key=lambda t: (t[0], t[1].id))
    groups, joined_by = cluster_events(ordered)
    taken = set(pinned_ids)
    planned = []
    for group in groups:
        events = [ordered[i][1] for i in group]
        merged = merge_group(events)
        pinned = sorted(ordered[i][1].id for i in group if ordered[i][0] == GLOBAL)
        planned.append((group, merged, pinned))
    planned.sort(key=lambda p: (event_key(p[1].kind, p[1].label), ordered[p[0][0]][0], ordered[p[0][0]][1].id))
    out: list[Event] = []
    mapping: dict[tuple[str, str], str] = {}
    for group, merged, pinned in planned:
        gid = pinned[0] if pinned else unique_key(event_key(merged.kind, merged.label), taken)
        taken.add(gid)
        steps = list(merged.merges)
        for i in group:
            scope, event = ordered[i]
            mapping[(scope, event.id)] = gid
            if scope != GLOBAL:
                rule, score = joined_by.get(i, ("seed", 1.0))
                steps.append(MergeStep(event.label, scope, rule, round(score, 3)))
        out.append(Event(**{**merged.__dict__, "id": gid, "merges": sorted_merges(steps)}))
    return out, mapping


def cluster_events(ordered: Sequence[tuple[str, Event]]) -> tuple[list[list[int]], dict[int, tuple[str, float]]]:
    """Groups of indices into `ordered` that are one event, and the rule that joined
    each member."""
    return [[i] for i in range(len(ordered))], {}


def merge_group(events: Sequence[Event]) -> Event:
    """One event with the union of what `events` carry; conflicting counts are all kept
    (each with its own evidence)."""
    from graphbuild.resolve.cross_doc import sorted_evidence, sorted_mentions

    votes: Counter[str] = Counter()
    labels: Counter[str] = Counter()
    for v in events:
        votes[v.kind] += max(1, len(v.mentions))
        labels[v.label] += max(1, len(v.mentions))
    kind = min(votes, key=lambda k: (-votes[k], k))
    label = min(labels, key=lambda lab: (-labels[lab], -len(lab), lab))
    times = {t for v in events for t in v.times}
    counts = {c for v in events for c in v.counts}
    return Event(
        id=events[0].id,
        kind=kind,
        label=label,
        mentions=sorted_mentions(m for v in events for m in v.mentions),
        places=tuple(sorted({p for v in events for p in v.places})),
        times=tuple(sorted(times, key=lambda t: (t.value or "", t.text, t.doc_id or "", t.start or -1, repr(t)))),
        participants=tuple(sorted({p for v in events for p in v.participants}, key=lambda p: (p.entity, p.role))),
        counts=tuple(sorted(counts, key=lambda c: (c.kind, c.value, c.qualifier or "", repr(c.evidence)))),
        evidence=sorted_evidence(e for v in events for e in v.evidence),
        merges=tuple(s for v in events for s in v.merges),
    )
