"""Event merging: one node for a happening, whether one document or several report it.

`merge_events` takes every event with its scope (document id, or GLOBAL for an existing
graph) and its entity references already rewritten to global ids, and joins events that
are the same happening (see `score_events`): across documents, and within one document
when the parts of one happening were left as separate nodes. It runs after place linking
so that containment (Baghdad in Iraq) is known. Ids of pinned (existing) events are kept;
new ones are "event/<kind>/<normalized descriptive label>", made unique deterministically.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from functools import cache

from rdflib.namespace import RDFS

from graphbuild.errors import GraphbuildError
from graphbuild.lexicon.calendar import MONTHS
from graphbuild.model import Event, MergeStep, TimeValue, strongest_factuality
from graphbuild.resolve.event_compat import (
    Containment, conflicts, is_plural, most_specific_places, signals, sorted_times, specificity,
)
from graphbuild.resolve.event_blocking import candidate_pairs
from graphbuild.resolve.event_groups import Groups
from graphbuild.resolve.facts import sorted_evidence, sorted_mentions, sorted_merges
from graphbuild.resolve.scopes import GLOBAL, entity_key, unique_key
from graphbuild.vocab import entity_classes, local_name, ontology_graph

# Weights of the agreeing facts; a pair needs MIN_SIGNALS of them, one of them an ANCHOR
# (what the events are about, where or when: never the trigger word or class alone), and
# nothing conflicting.
KIND_SCORE = 0.55
SIGNAL_WEIGHTS = {"place": 0.2, "date": 0.2, "participants": 0.15, "lemma": 0.3, "class": 0.1, "story": 0.0}
ANCHORS = frozenset({"place", "date", "participants"})
# Two documents tell one story when they name at least this many of the same entities;
# there the same class named by the same trigger word is one event ("the strike" in two
# articles about the strike), anywhere else it is not ("a delay" in two stories).
STORY_MIN = 2
MIN_SIGNALS = 2
ROOT_KIND = "Event"  # the unspecific class: equal classes say nothing when both are it
AGENT_ROLES = ("agent", "speaker")
# Roles read as "<class> of <X>" (a target is not what the event is "of": an air strike).
OF_ROLES = ("victim", "patient")


def event_key(kind: str, label: str) -> str:
    """The global id key of an event: "event/" + its `entity_key`."""
    return "event/" + entity_key(kind, label)


@cache
def _class_chain(kind: str) -> frozenset[str]:
    """The kind and the local names of its super-classes (empty if not in the ontology)."""
    try:
        return frozenset(local_name(c) for c in entity_classes(kind))
    except (GraphbuildError, ValueError, KeyError):
        return frozenset({kind})


def kinds_compatible(a: str, b: str) -> bool:
    """Same class, or one a sub-class of the other."""
    return a == b or a in _class_chain(b) or b in _class_chain(a)


@cache
def class_label(kind: str) -> str:
    """The ontology's rdfs:label of an event class (the kind itself when it has none)."""
    try:
        label = ontology_graph().value(entity_classes(kind)[0], RDFS.label)
    except (GraphbuildError, ValueError, KeyError):
        label = None
    return str(label) if label else kind


def score_events(a: Event, b: Event, up: Containment, same_scope: bool = False,
                 same_story: bool = False, plural: Callable[[Event], bool] = is_plural) -> tuple[str, float] | None:
    """(rule, score) when `a` and `b` are one happening, else None. Nothing may conflict
    (kind, place, time, victim, Statement, plural vs singular), at least MIN_SIGNALS facts
    must agree, and one of them must be an anchor: a shared participant, place or date,
    or, in two documents of one story (`same_story`, see STORY_MIN), the same class (or
    one class and a sub-class of it) named by the same trigger word. A trigger word alone ("a delay" in two stories) never is.
    (`same_scope` is kept for callers; the rule is the same within and across documents.)
    `plural`: `is_plural`, or a clustering's lookup of it."""
    if conflicts(a, b, up, kinds_compatible, plural):
        return None
    found = signals(a, b, up)
    same_class = a.kind == b.kind and a.kind != ROOT_KIND
    if same_class and ("participants" in found or (same_story and "lemma" in found)):
        found.append("class")  # "X was arrested" / "X was detained": the same arrest of X
        if same_story and not ANCHORS.intersection(found):
            found.append("story")
    elif same_story and "lemma" in found and a.kind != b.kind and kinds_compatible(a.kind, b.kind):
        found.append("story")  # one story's "killing" (Killing) and "killed" (Death): one class holds the other
    if len(found) < MIN_SIGNALS or not (ANCHORS | {"story"}).intersection(found):
        return None
    score = min(1.0, KIND_SCORE + sum(SIGNAL_WEIGHTS[f] for f in found))
    return "+".join(["kind", *found]), round(score, 3)


def merge_events(
    items: Sequence[tuple[str, Event]],
    pinned_ids: set[str],
    up: Containment | None = None,
    entity_labels: Mapping[str, str] | None = None,
    stories: Mapping[str, frozenset[str]] | None = None,
) -> tuple[list[Event], dict[tuple[str, str], str]]:
    """Merged events and the map (scope, local id) -> global id. `up` maps a place id to
    the places containing it; `entity_labels` names entities in descriptive labels;
    `stories` maps a document id to the (global) entities it names."""
    up = up or {}
    names = entity_labels or {}
    ordered = sorted(items, key=lambda t: (t[0], t[1].id))
    groups, joined_by = cluster_events(ordered, up, stories)
    taken = set(pinned_ids)
    planned = []
    for group in groups:
        events = [ordered[i][1] for i in group]
        merged = merge_group(events, up, names)
        pinned = sorted(ordered[i][1].id for i in group if ordered[i][0] == GLOBAL)
        planned.append((group, merged, pinned))
    planned.sort(key=lambda p: (_id_key(p[0], p[1], ordered), ordered[p[0][0]][0], ordered[p[0][0]][1].id))
    out: list[Event] = []
    mapping: dict[tuple[str, str], str] = {}
    for group, merged, pinned in planned:
        gid = pinned[0] if pinned else unique_key(_id_key(group, merged, ordered), taken)
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


def _id_key(group: Sequence[int], merged: Event, ordered: Sequence[tuple[str, Event]]) -> str:
    """The id key of a new merged event: kind + the trigger word of its first document.
    Not the descriptive label, nor a vote over all documents: adding an article later
    (`--into`) must give the ids that building all articles at once gives."""
    first = min(ordered[i][0] for i in group)
    return event_key(merged.kind, _trigger([ordered[i][1] for i in group if ordered[i][0] == first]))


def cluster_events(
    ordered: Sequence[tuple[str, Event]], up: Containment | None = None,
    stories: Mapping[str, frozenset[str]] | None = None,
) -> tuple[list[list[int]], dict[int, tuple[str, float]]]:
    """Groups of indices into `ordered` that are one event, and the rule that joined
    each member. Best pairs first (see `score_events`), and a group joins another only
    when kinds and number agree across them and most pairs across them do not conflict
    (`event_groups.Groups.conflict`); two events of an existing graph (scope GLOBAL) are never joined."""
    up = up or {}
    one_story = _story_test(ordered, stories or {})
    flags = {id(event): is_plural(event) for _, event in ordered}

    def plural(event: Event) -> bool:
        return flags[id(event)]

    pairs = []
    for i, j in candidate_pairs(ordered, up, one_story):
        (si, a), (sj, b) = ordered[i], ordered[j]
        if si == sj == GLOBAL:
            continue
        found = score_events(a, b, up, same_scope=si == sj, same_story=one_story(i, j), plural=plural)
        if found:
            pairs.append((-found[1], i, j, found[0]))
    pairs.sort()
    clusters = Groups(ordered, up, kinds_compatible, plural)
    for pair in pairs:
        clusters.join(pair)
    return sorted(sorted(g) for g in clusters.groups.values()), clusters.joined_by


def _story_test(ordered: Sequence[tuple[str, Event]], stories: Mapping[str, frozenset[str]]) -> Callable[[int, int], bool]:
    """`one_story(i, j)`: `_one_story` of events i and j of `ordered`, kept per pair of
    document sets (most events have one document, so the pairs of documents repeat)."""
    docs = [frozenset(m.doc_id for m in event.mentions) for _, event in ordered]
    known: dict[tuple[frozenset[str], frozenset[str]], bool] = {}

    def one_story(i: int, j: int) -> bool:
        key = (docs[i], docs[j])
        if key not in known:
            known[key] = _one_story(ordered[i][1], ordered[j][1], stories)
        return known[key]

    return one_story


def _one_story(a: Event, b: Event, stories: Mapping[str, frozenset[str]]) -> bool:
    """Whether a document of `a` and another document of `b` tell one story (STORY_MIN
    shared entities). By documents, not scopes: an existing graph's events keep theirs."""
    empty: frozenset[str] = frozenset()
    docs_a, docs_b = {m.doc_id for m in a.mentions}, {m.doc_id for m in b.mentions}
    return any(x != y and len(stories.get(x, empty) & stories.get(y, empty)) >= STORY_MIN
               for x in sorted(docs_a) for y in sorted(docs_b))


def merge_group(events: Sequence[Event], up: Containment | None = None,
                entity_labels: Mapping[str, str] | None = None) -> Event:
    """One event with the union of what `events` carry: the most specific kind, place
    (the contained one) and time first; conflicting counts are all kept (each with its
    own evidence); a descriptive label (see `describe`)."""

    up = up or {}
    kinds = {v.kind for v in events}
    # The most specific kind: one no other kind of the group is a sub-class of.
    specific = sorted(k for k in kinds if not any(k != o and k in _class_chain(o) for o in kinds))
    votes: Counter[str] = Counter()
    for v in events:
        if v.kind in specific:
            votes[v.kind] += max(1, len(v.mentions))
    kind = min(votes, key=lambda k: (-votes[k], k))
    counts = {c for v in events for c in v.counts}
    merged = Event(
        id=events[0].id,
        kind=kind,
        label=_trigger(events),
        mentions=sorted_mentions(m for v in events for m in v.mentions),
        places=most_specific_places((p for v in events for p in v.places), up),
        times=sorted_times(t for v in events for t in v.times),
        participants=tuple(sorted({p for v in events for p in v.participants}, key=lambda p: (p.entity, p.role))),
        counts=tuple(sorted(counts, key=lambda c: (c.kind, c.value, c.qualifier or "", repr(c.evidence)))),
        evidence=sorted_evidence(e for v in events for e in v.evidence),
        merges=tuple(s for v in events for s in v.merges),
        factuality=strongest_factuality(v.factuality for v in events),
    )
    return Event(**{**merged.__dict__, "label": describe(merged, entity_labels or {})})


def _trigger(events: Sequence[Event]) -> str:
    """The most frequent trigger text of the events' mentions (longest, then alphabetical)."""
    words: Counter[str] = Counter(m.text.casefold() for v in events for m in v.mentions)
    if not words:
        words = Counter(v.label for v in events)
    return min(words, key=lambda w: (-words[w], -len(w), w))


def _date_text(t: TimeValue) -> str | None:
    if not t.value:
        return None
    if t.datatype == "gMonthDay":
        try:
            return f"on {MONTHS[int(t.value[2:4]) - 1]} {int(t.value[5:7])}"
        except (ValueError, IndexError):
            return None
    if t.datatype == "date":
        return f"on {t.value}" if not t.end or t.end == t.value else f"between {t.value} and {t.end}"
    return f"in {t.value}"


def describe(event: Event, entity_labels: Mapping[str, str]) -> str:
    """A descriptive, deterministic label: "<class> of <victim> in <place> on <date>"
    (or "by <agent>" when no victim is known); "<class>: <trigger>" when nothing is."""
    name = entity_labels.get
    parts = [class_label(event.kind)]
    victims = sorted(filter(None, (name(p.entity) for p in event.participants if p.role in OF_ROLES)))
    agents = sorted(filter(None, (name(p.entity) for p in event.participants if p.role in AGENT_ROLES)))
    if victims:
        parts.append(f"of {victims[0]}")
    elif agents:
        parts.append(f"by {agents[0]}")
    places = sorted(filter(None, map(name, event.places)))
    if places:
        parts.append(f"in {places[0]}")
    known = [t for t in event.times if t.value]
    if known:
        best = min(known, key=lambda t: (specificity(t), t.value or "", t.end or ""))
        when = _date_text(best)
        if when:
            parts.append(when)
    if len(parts) == 1:
        parts.append(f"({event.label})")
    return " ".join(parts)
