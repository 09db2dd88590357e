"""Cross-document resolution: one-document models in, one model with global ids out.

`merge_documents(models)` clusters the entities of all documents (one node per
real-world actor), merges events reported by several documents, rewrites every
reference (relations, memberships, events, quotes, event links) to the global ids, and
unions what the merged nodes carry. Global ids are deterministic keys such as
"person/qassem soleimani" (kind + "/" + normalized canonical label) from which `iri.py`
mints IRIs: the same input always gives the same ids, whatever the input order.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from operator import attrgetter

from graphbuild.model import (
    Entity,
    Event,
    EventLink,
    Evidence,
    GraphModel,
    Membership,
    MergeStep,
    Mention,
    Participant,
    Quote,
    Relation,
)
from graphbuild.resolve.kinds import role_votes
from graphbuild.resolve.names import normalize

# A node of the merge: (scope, id). Scope is the document id for document-local ids,
# "" for ids that are already global (an existing graph being added to).
NodeRef = tuple[str, str]
GLOBAL = ""


@dataclass(frozen=True)
class ScopedEntity:
    """An entity of one input model with the scope its id is local to."""

    scope: str
    entity: Entity

    @property
    def ref(self) -> NodeRef:
        return (self.scope, self.entity.id)


def scope_of(model: GraphModel) -> str:
    """The scope of a model's ids: its document's id for a one-document model, GLOBAL
    for a model that holds several documents (already resolved)."""
    return model.documents[0].id if len(model.documents) == 1 else GLOBAL


def entity_key(kind: str, label: str) -> str:
    """The global id key of an entity: kind + "/" + normalized label."""
    return f"{kind.casefold()}/{normalize(label) or label.strip().casefold()}"


def merge_documents(models: Sequence[GraphModel]) -> GraphModel:
    """One GraphModel with global ids from one-document models (document-local ids).

    A document id seen twice keeps only its last model, so re-running an article
    replaces its contribution instead of doubling it.
    """
    return merge_models(models)


def merge_models(models: Sequence[GraphModel], pinned: GraphModel | None = None) -> GraphModel:
    """Merge `models` (each one-document, local ids) with the already-global `pinned`
    model, whose ids are kept: its entities and events anchor the clusters they join."""
    from graphbuild.resolve.entity_match import cluster_entities
    from graphbuild.resolve.event_match import merge_events

    latest: dict[str, GraphModel] = {}
    for model in models:
        latest[scope_of(model)] = model
    new_docs = {d for d in latest if d != GLOBAL}
    pinned = _without_documents(pinned, new_docs) if pinned is not None else None
    inputs = [m for d, m in sorted(latest.items()) if d != GLOBAL]
    if GLOBAL in latest:  # a multi-document model passed as input: treat as pinned
        pinned = latest[GLOBAL] if pinned is None else merge_models([latest[GLOBAL]], pinned)

    scoped = [ScopedEntity(scope_of(m), e) for m in inputs for e in m.entities]
    pinned_entities = [ScopedEntity(GLOBAL, e) for e in (pinned.entities if pinned else ())]
    roles = {(GLOBAL if m is pinned else scope_of(m), entity_id): votes
             for m in ([pinned] if pinned else []) + inputs for entity_id, votes in role_votes(m).items()}
    entities, entity_map = cluster_entities(pinned_entities + scoped, inputs, pinned, roles)

    def ent(scope: str, local: str | None) -> str | None:
        # None for a reference to no known entity: the fact holding it is dropped.
        return None if local is None else entity_map.get((scope, local))

    all_models = ([pinned] if pinned else []) + inputs
    relations: list[Relation] = []
    memberships: list[Membership] = []
    quotes: list[Quote] = []
    for model in all_models:
        scope = scope_of_model(model, pinned)
        for r in model.relations:
            relations.append(replace(r, subject=ent(scope, r.subject), object=ent(scope, r.object)))
        for m in model.memberships:
            memberships.append(replace(m, member=ent(scope, m.member), organization=ent(scope, m.organization)))
        for q in model.quotes:
            quote_id = q.id if scope == GLOBAL else f"quote/{q.doc_id}/{q.id}"
            quotes.append(replace(q, id=quote_id, speaker=ent(scope, q.speaker)))
    relations = [r for r in relations if r.subject and r.object]
    memberships = [m for m in memberships if m.member and m.organization]

    documents = {d.id: d for m in all_models for d in m.documents}
    meta = sorted({kv for m in all_models for kv in m.meta})
    from graphbuild.resolve.event_compat import containment
    from graphbuild.resolve.geo import link_places

    # Places first: event joining needs to know which place contains which.
    linked = link_places(GraphModel(
        documents=tuple(documents[k] for k in sorted(documents)),
        entities=tuple(sorted(entities, key=lambda e: e.id)),
        relations=merge_relation_list(relations),
        memberships=_merge_memberships(memberships),
        quotes=tuple(sorted(set(quotes), key=lambda q: (q.doc_id, q.start, q.end, q.id))),
        meta=tuple(meta),
    ))
    events, event_map = merge_events(
        [(GLOBAL if m is pinned else scope_of(m), _rewrite_event_refs(v, scope_of_model(m, pinned), ent))
         for m in all_models for v in m.events],
        pinned_ids={v.id for v in pinned.events} if pinned else set(),
        up=containment(linked.relations),
        entity_labels={e.id: e.label for e in linked.entities},
    )

    def evt(scope: str, local: str) -> str | None:
        return event_map.get((scope, local))

    links: list[EventLink] = []
    for model in all_models:
        scope = scope_of_model(model, pinned)
        for link in model.event_links:
            links.append(replace(link, subject=evt(scope, link.subject), object=evt(scope, link.object)))
    links = [x for x in links if x.subject and x.object]
    return replace(linked, events=tuple(sorted(events, key=lambda v: v.id)), event_links=_merge_links(links))


def scope_of_model(model: GraphModel, pinned: GraphModel | None) -> str:
    return GLOBAL if model is pinned else scope_of(model)


def _rewrite_event_refs(event: Event, scope: str, ent) -> Event:
    places = (ent(scope, p) for p in event.places)
    participants = (Participant(p.role, ent(scope, p.entity)) for p in event.participants)
    return replace(
        event,
        places=tuple(dict.fromkeys(p for p in places if p)),
        participants=tuple(dict.fromkeys(p for p in participants if p.entity)),
    )


def _without_documents(model: GraphModel, doc_ids: set[str]) -> GraphModel:
    """`model` with every contribution of the documents `doc_ids` removed (they are
    about to be re-added): their mentions, evidence, quotes; nodes left with no mention
    and facts left with no evidence disappear."""
    from graphbuild.resolve.incremental import drop_documents

    return drop_documents(model, doc_ids)


def sorted_evidence(items: Iterable[Evidence]) -> tuple[Evidence, ...]:
    return tuple(sorted(set(items), key=lambda e: (e.doc_id, e.start, e.end, e.rule, e.confidence)))


def sorted_mentions(items: Iterable[Mention]) -> tuple[Mention, ...]:
    return tuple(sorted(set(items), key=lambda m: (m.doc_id, m.start, m.end, m.label, m.rule, m.text)))


def sorted_merges(items: Iterable[MergeStep]) -> tuple[MergeStep, ...]:
    return tuple(sorted(set(items), key=lambda s: (s.doc_id, s.surface, s.rule, s.score)))


def merge_relation_list(items: list[Relation]) -> tuple[Relation, ...]:
    """Relations with the same (subject, predicate, object) as one, evidence unioned;
    reflexive ones (made so by a merge) dropped."""
    return _merge_facts(items, Relation, ("subject", "predicate", "object"), ("subject", "object"))


def _merge_memberships(items: list[Membership]) -> tuple[Membership, ...]:
    return _merge_facts(items, Membership, ("member", "organization", "role"), ("member", "organization"))


def _merge_links(items: list[EventLink]) -> tuple[EventLink, ...]:
    return _merge_facts(items, EventLink, ("subject", "predicate", "object"), ("subject", "object"))


def _merge_facts(items, make, fields: tuple[str, str, str], ends: tuple[str, str]) -> tuple:
    """`make(*fields, evidence)` per distinct `fields`, evidence unioned, sorted; facts
    whose `ends` are one node (made so by a merge: an artifact, not a fact) dropped."""
    key, pair = attrgetter(*fields), attrgetter(*ends)
    grouped: dict[tuple[str, str, str], list[Evidence]] = defaultdict(list)
    for x in items:
        a, b = pair(x)
        if a != b:
            grouped[key(x)].extend(x.evidence)
    return tuple(make(*k, sorted_evidence(ev)) for k, ev in sorted(grouped.items()))


def canonical_label(entities: Sequence[Entity]) -> str:
    """The most complete, most frequent form among the labels of `entities`: most words
    first, then most mentions, then alphabetical (for determinism)."""
    weight: Counter[str] = Counter()
    for e in entities:
        weight[e.label] += max(1, len(e.mentions))
    return min(weight, key=lambda lab: (-len(normalize(lab).split()), -weight[lab], lab))


def unique_key(key: str, taken: set[str]) -> str:
    """`key`, or `key` + " #n" with the smallest n >= 2 not in `taken`."""
    if key not in taken:
        return key
    n = 2
    while f"{key} #{n}" in taken:
        n += 1
    return f"{key} #{n}"
