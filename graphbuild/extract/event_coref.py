"""Within-document event coreference: the mentions of one event become one node.

Greedy, in text order: a mention joins the latest cluster whose kind is compatible
(equal or one subsumes the other; a generic trigger only joins clusters of its own
lemma) and whose arguments do not conflict (different dates, different places,
different victims, one told as past and one as future: "debuted on Monday" and "will be
released next year"). Statements never merge: every "said" is its own act. Part of the events stage (one
document's mentions, spaCy-free records); events across documents are matched in
`resolve.event_match`.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from graphbuild.model import TimeValue


@dataclass
class EventRecord:
    """What coreference needs to know of one event mention."""

    kind: str
    lemma: str
    places: set[str] = field(default_factory=set)  # entity ids
    times: list[TimeValue] = field(default_factory=list)
    undergoers: set[str] = field(default_factory=set)  # entity ids, or "lemma:people" for other nouns
    agents: set[str] = field(default_factory=set)
    plural: bool = False  # "attacks" names several events: it joins only plural mentions
    harm: bool = False  # killings, deaths, attacks: one event only when the victims agree
    tense: str | None = None  # "past" or "future" when the mention's verb says so


@dataclass
class _Cluster:
    members: list[int]
    kind: str
    lemmas: set[str]
    places: set[str]
    times: list[TimeValue]
    undergoers: set[str]
    agents: set[str]
    plural: bool
    tenses: set[str] = field(default_factory=set)


def _range(t: TimeValue) -> tuple[str, str] | None:
    if t.value is None or t.datatype != "date":
        return None
    return t.value, t.end or t.value


def times_conflict(a: list[TimeValue], b: list[TimeValue]) -> bool:
    """True when both have known dates and no range of one overlaps a range of the other."""
    ra = [r for r in map(_range, a) if r]
    rb = [r for r in map(_range, b) if r]
    if not ra or not rb:
        return False
    return not any(x[0] <= y[1] and y[0] <= x[1] for x in ra for y in rb)


def cluster_events(records: list[EventRecord], compatible: Callable[[str, str], bool], generic: str,
                   never_merge: Callable[[str], bool],
                   same_place: Callable[[set[str], set[str]], bool] = lambda a, b: bool(a & b)) -> list[list[int]]:
    """Clusters (lists of indexes into `records`, in text order) of coreferent mentions."""
    clusters: list[_Cluster] = []
    for i, r in enumerate(records):
        target = None
        if not never_merge(r.kind):
            for c in reversed(clusters):
                if _fits(r, c, compatible, generic, never_merge, same_place):
                    target = c
                    break
        if target is None:
            clusters.append(_Cluster([i], r.kind, {r.lemma}, set(r.places), list(r.times), set(r.undergoers),
                                     set(r.agents), r.plural, {r.tense} - {None}))
            continue
        if r.tense:
            target.tenses.add(r.tense)
        target.members.append(i)
        target.lemmas.add(r.lemma)
        if target.kind == generic:
            target.kind = r.kind
        target.places |= r.places
        target.times += r.times
        target.undergoers |= r.undergoers
        target.agents |= r.agents
    return [c.members for c in clusters]


def _fits(r: EventRecord, c: _Cluster, compatible, generic: str, never_merge, same_place) -> bool:
    if never_merge(c.kind) or r.plural != c.plural:
        return False
    if r.harm and bool(r.undergoers) != bool(c.undergoers):
        return False
    if r.kind == generic or c.kind == generic:
        if r.lemma not in c.lemmas:
            return False
    elif not compatible(r.kind, c.kind):
        return False
    if r.places and c.places and not same_place(r.places, c.places):
        return False
    if times_conflict(r.times, c.times):
        return False
    if r.tense and c.tenses and r.tense not in c.tenses:
        return False
    if r.undergoers and c.undergoers and not (r.undergoers & c.undergoers):
        return False
    if r.agents and c.agents and not (r.agents & c.agents):
        return False
    return True
