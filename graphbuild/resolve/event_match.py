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


# Scores: a shared kind alone is not enough; it takes two agreeing facts (place, date,
# participants) of the three, or all present facts agreeing with a close label.
KIND_SCORE = 0.55
PLACE_BONUS = 0.2
DATE_BONUS = 0.2
PARTICIPANT_BONUS = 0.15
LABEL_BONUS = 0.3  # the same trigger for the same kind of happening, nothing contradicting
EVENT_THRESHOLD = 0.85
GENERIC_KINDS = frozenset({"Event"})
# Speech acts recur in every article ("said", "told"): their trigger alone says nothing.
REPORTING_KINDS = frozenset({"Statement"})


def kinds_compatible(a: str, b: str) -> bool:
    return a == b or a in GENERIC_KINDS or b in GENERIC_KINDS


def _days(event: Event) -> set[str]:
    """Month-day keys of the event's known dates ("01-07")."""
    out = set()
    for t in event.times:
        if t.value and t.datatype in ("date", "gMonthDay"):
            out.add(t.value[-5:])
    return out


def _full_dates(event: Event) -> set[str]:
    return {t.value for t in event.times if t.value and t.datatype == "date"}


def dates_compatible(a: Event, b: Event) -> bool:
    """No known date of one contradicts the other (unknown dates are compatible)."""
    da, db = _days(a), _days(b)
    if da and db and not (da & db):
        return False
    fa, fb = _full_dates(a), _full_dates(b)
    return not (fa and fb and not (fa & fb))


def places_compatible(a: Event, b: Event) -> bool:
    return not (a.places and b.places and not set(a.places) & set(b.places))


def score_events(a: Event, b: Event) -> tuple[str, float] | None:
    """(rule, score) when two events of different documents are one happening."""
    if not kinds_compatible(a.kind, b.kind) or not dates_compatible(a, b) or not places_compatible(a, b):
        return None
    score, reasons = KIND_SCORE, ["kind"]
    if set(a.places) & set(b.places):
        score, reasons = score + PLACE_BONUS, reasons + ["place"]
    if _days(a) & _days(b):
        score, reasons = score + DATE_BONUS, reasons + ["date"]
    if {p.entity for p in a.participants} & {p.entity for p in b.participants}:
        score, reasons = score + PARTICIPANT_BONUS, reasons + ["participants"]
    if normalize(a.label) == normalize(b.label) and a.kind not in REPORTING_KINDS:
        score, reasons = score + LABEL_BONUS, reasons + ["label"]
    score = min(1.0, score)
    return ("+".join(reasons), round(score, 3)) if score >= EVENT_THRESHOLD else None


def cluster_events(ordered: Sequence[tuple[str, Event]]) -> tuple[list[list[int]], dict[int, tuple[str, float]]]:
    """Groups of indices into `ordered` that are one event, and the rule that joined
    each member: best pairs first, never two events of one document, every pair in a
    group compatible."""
    pairs = []
    for i in range(len(ordered)):
        for j in range(i + 1, len(ordered)):
            (si, a), (sj, b) = ordered[i], ordered[j]
            if si == sj:
                continue
            found = score_events(a, b)
            if found:
                pairs.append((-found[1], i, j, found[0]))
    pairs.sort()
    group_of = {i: i for i in range(len(ordered))}
    groups: dict[int, list[int]] = {i: [i] for i in range(len(ordered))}
    joined_by: dict[int, tuple[str, float]] = {}
    for neg, i, j, rule in pairs:
        gi, gj = group_of[i], group_of[j]
        if gi == gj:
            continue
        ga, gb = groups[gi], groups[gj]
        if {ordered[k][0] for k in ga} & {ordered[k][0] for k in gb}:
            continue
        if any(score_events(ordered[x][1], ordered[y][1]) is None and not _compatible(ordered[x][1], ordered[y][1])
               for x in ga for y in gb):
            continue
        keep, gone = min(gi, gj), max(gi, gj)
        groups[keep].extend(groups.pop(gone))
        for k in groups[keep]:
            group_of[k] = keep
        joined_by.setdefault(i, (rule, -neg))
        joined_by.setdefault(j, (rule, -neg))
    return sorted(sorted(g) for g in groups.values()), joined_by


def _compatible(a: Event, b: Event) -> bool:
    return kinds_compatible(a.kind, b.kind) and dates_compatible(a, b) and places_compatible(a, b)


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
