"""Cross-document resolution: one-document models in, one model with global ids out.

`merge_documents(models)` clusters the entities of all documents (one node per
real-world actor), merges events reported by several documents, rewrites every
reference (relations, memberships, events, quotes, event links) to the global ids, and
unions what the merged nodes carry. Global ids are deterministic keys (`scopes.entity_key`) from which
`iri.py` mints IRIs: the same input always gives the same ids, whatever the input order.

This module only orchestrates: ids and scopes are in `scopes`, fact sorting and merging in
`facts`, entity clustering in `entity_match`, event joining in `event_match`, gazetteer
links in `geo`, removal of re-added documents in `document_removal`.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from graphbuild.model import Correction, Event, GraphModel, Membership, Participant, Quote, Relation
from graphbuild.resolve.corrections import constrain
from graphbuild.resolve.document_removal import drop_documents
from graphbuild.resolve.entity_match import cluster_entities, document_rank
from graphbuild.resolve.event_compat import containment, continent_containment
from graphbuild.resolve.event_match import merge_events
from graphbuild.resolve.facts import merge_links, merge_memberships, merge_relation_list
from graphbuild.resolve.geo import country_code, link_places
from graphbuild.resolve.geo_containment import GUESSED_RULES, TRANSITIVE
from graphbuild.resolve.kinds import role_votes
from graphbuild.resolve.scopes import GLOBAL, ScopedEntity, scope_of, scope_of_model
from graphbuild.resolve.unnamed_match import hold_unnamed, is_unnamed, join_unnamed, restore_unnamed, unnamed_nodes
from graphbuild.vocab import UNNAMED_ACTOR


def merge_documents(models: Sequence[GraphModel], corrections: Sequence[Correction] = ()) -> GraphModel:
    """One GraphModel with global ids from one-document models (document-local ids).

    A document id seen twice keeps only its last model, so re-running an article
    replaces its contribution instead of doubling it.
    """
    return merge_models(models, corrections=corrections)


def merge_models(models: Sequence[GraphModel], pinned: GraphModel | None = None,
                 corrections: Sequence[Correction] = ()) -> GraphModel:
    """Merge `models` (each one-document, local ids) with the already-global `pinned`
    model, whose ids are kept: its entities and events anchor the clusters they join.
    `corrections` constrain the clustering (`resolve.corrections`); whether each matched
    anything is in the result's `meta` ("correction", "KEY applied|unmatched")."""
    inputs, pinned = _inputs(models, pinned)
    all_models = ([pinned] if pinned else []) + inputs
    scoped = [ScopedEntity(scope_of(m), e) for m in inputs for e in m.entities]
    pinned_entities = [ScopedEntity(GLOBAL, e) for e in (pinned.entities if pinned else ())]
    roles = {(scope_of_model(m, pinned), entity_id): votes
             for m in all_models for entity_id, votes in role_votes(m).items()}
    unnamed = [s for s in pinned_entities + scoped if is_unnamed(s)]
    items, constraints = constrain([s for s in pinned_entities + scoped if not is_unnamed(s)], corrections)
    entities, entity_map = cluster_entities(items, inputs, pinned, roles, constraints)
    rank = document_rank(all_models)  # pinned documents too: --into ranks as a batch build
    unnamed_entities, unnamed_map = unnamed_nodes(unnamed, rank, {e.id for e in entities})
    entities, entity_map = entities + unnamed_entities, {**entity_map, **unnamed_map}
    outcome = {("correction", f"{k} {'applied' if hit else 'unmatched'}") for k, hit in constraints.applied.items()}

    def ent(scope: str, local: str | None) -> str | None:
        # None for a reference to no known entity: the fact holding it is dropped.
        return None if local is None else entity_map.get((scope, local))

    documents = {d.id: d for m in all_models for d in m.documents}
    # Places first: event joining needs to know which place contains which.
    linked = link_places(replace(
        _entity_facts(all_models, pinned, ent),
        documents=tuple(documents[k] for k in sorted(documents)),
        entities=tuple(sorted(entities, key=lambda e: e.id)),
        meta=tuple(sorted({kv for m in all_models for kv in m.meta} | outcome)),
    ))
    scoped_events, held = hold_unnamed([(scope_of_model(m, pinned), _rewrite_event_refs(v, scope_of_model(m, pinned), ent))
                                        for m in all_models for v in m.events], set(unnamed_map.values()))
    events, event_map = merge_events(
        scoped_events,
        pinned_ids={v.id for v in pinned.events} if pinned else set(),
        up=_event_containment(linked),
        entity_labels={e.id: e.label for e in linked.entities if e.kind != UNNAMED_ACTOR},
        stories=_stories(all_models, pinned, ent),
    )
    links = []
    for model in all_models:
        scope = scope_of_model(model, pinned)
        for link in model.event_links:
            subject, obj = event_map.get((scope, link.subject)), event_map.get((scope, link.object))
            if subject and obj:
                links.append(replace(link, subject=subject, object=obj))
    events = restore_unnamed(events, event_map, held)
    joined = join_unnamed(replace(linked, events=tuple(sorted(events, key=lambda v: v.id))), rank)
    return replace(joined, event_links=merge_links(links))


def _event_containment(model: GraphModel) -> dict[str, frozenset[str]]:
    """Which place holds which, for event joining: the model's containedInPlace relations,
    countries in their continents, and every gazetteer-linked place (`event_compat`)."""
    places = [(e.id, e.label) for e in model.entities if e.kind == "Place"]
    extra, continents = continent_containment(places)
    located = {e.id for e in model.entities if e.same_as} | continents
    return containment([r for r in model.relations if _stated_containment(r)] + extra, located=located)


# Containment rules that state no whereabouts of their own (see `_stated_containment`).
INFERRED_CONTAINMENT = GUESSED_RULES | {TRANSITIVE}


def _stated_containment(relation: Relation) -> bool:
    """Whether a relation counts for event joining: not a containment guessed from the
    document's one country (`geo_containment`, rule "document-country"), nor a closure
    edge (which `containment` recomputes from the edges kept). A guess would make a
    place of unknown whereabouts 'located', so two reports of one event naming a street
    and a city would look disjoint and be kept apart."""
    return not relation.evidence or any(ev.rule not in INFERRED_CONTAINMENT for ev in relation.evidence)


def _stories(all_models: Sequence[GraphModel], pinned: GraphModel | None, ent) -> dict[str, frozenset[str]]:
    """document id -> the global ids of the entities it mentions (for event_match's story
    rule), countries left out: two reports naming the same countries are not one story."""
    out: dict[str, set[str]] = {}
    for m in all_models:
        scope = scope_of_model(m, pinned)
        for e in m.entities:
            if (e.kind == "Place" and country_code(e.label)) or e.kind == UNNAMED_ACTOR:
                continue
            gid = ent(scope, e.id)
            if gid:
                for mention in e.mentions:
                    out.setdefault(mention.doc_id, set()).add(gid)
    return {d: frozenset(v) for d, v in out.items()}


def _inputs(models: Sequence[GraphModel], pinned: GraphModel | None) -> tuple[list[GraphModel], GraphModel | None]:
    """The one-document models to merge (the last one of each document id) and the pinned
    model without those documents (re-added documents replace their old contribution)."""
    latest: dict[str, GraphModel] = {}
    for model in models:
        latest[scope_of(model)] = model
    new_docs = {d for d in latest if d != GLOBAL}
    pinned = drop_documents(pinned, new_docs) if pinned is not None else None
    inputs = [m for d, m in sorted(latest.items()) if d != GLOBAL]
    if GLOBAL in latest:  # a multi-document model passed as input: treat as pinned
        pinned = latest[GLOBAL] if pinned is None else merge_models([latest[GLOBAL]], pinned)
    return inputs, pinned


def _entity_facts(all_models: Sequence[GraphModel], pinned: GraphModel | None, ent) -> GraphModel:
    """Relations, memberships and quotes of `all_models` with global entity ids (`ent`);
    a fact naming an entity that no cluster holds is dropped."""
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
    return GraphModel(
        relations=merge_relation_list([r for r in relations if r.subject and r.object]),
        memberships=merge_memberships([m for m in memberships if m.member and m.organization]),
        quotes=tuple(sorted(set(quotes), key=lambda q: (q.doc_id, q.start, q.end, q.id))),
    )


def _rewrite_event_refs(event: Event, scope: str, ent) -> Event:
    places = (ent(scope, p) for p in event.places)
    participants = (Participant(p.role, ent(scope, p.entity)) for p in event.participants)
    return replace(
        event,
        places=tuple(dict.fromkeys(p for p in places if p)),
        participants=tuple(dict.fromkeys(p for p in participants if p.entity)),
    )
