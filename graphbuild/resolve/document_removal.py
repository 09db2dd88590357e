"""Removing documents' contributions from a resolved model (before they are added again).

`drop_documents(model, doc_ids)` is how a re-run article replaces its old contribution
instead of doubling it (`cross_doc.merge_models` calls it on the pinned graph).
"""
from __future__ import annotations

from dataclasses import replace

from graphbuild.model import Entity, Event, GraphModel
from graphbuild.names import normalize


def drop_documents(model: GraphModel, doc_ids: set[str]) -> GraphModel:
    """`model` without the contribution of the documents `doc_ids`: their mentions,
    merge steps, evidence, times and quotes. A node left without mentions disappears
    together with every fact that refers to it; a fact left without evidence too."""
    if not doc_ids or not any(d.id in doc_ids for d in model.documents):
        return model
    entities = [e for e in (_drop_entity(e, doc_ids) for e in model.entities) if e is not None]
    kept = {e.id for e in entities}
    events = [v for v in (_drop_event(v, doc_ids, kept) for v in model.events) if v is not None]
    kept_events = {v.id for v in events}

    def ev(items):
        return tuple(x for x in items if x.doc_id not in doc_ids)

    relations = [replace(r, evidence=ev(r.evidence)) for r in model.relations
                 if r.subject in kept and r.object in kept]
    memberships = [replace(m, evidence=ev(m.evidence)) for m in model.memberships
                   if m.member in kept and m.organization in kept]
    links = [replace(x, evidence=ev(x.evidence)) for x in model.event_links
             if x.subject in kept_events and x.object in kept_events]
    quotes = [replace(q, speaker=q.speaker if q.speaker in kept else None)
              for q in model.quotes if q.doc_id not in doc_ids]
    return replace(
        model,
        documents=tuple(d for d in model.documents if d.id not in doc_ids),
        entities=tuple(entities),
        events=tuple(events),
        relations=tuple(r for r in relations if r.evidence),
        memberships=tuple(m for m in memberships if m.evidence),
        event_links=tuple(x for x in links if x.evidence),
        quotes=tuple(quotes),
    )


def _drop_entity(e: Entity, doc_ids: set[str]) -> Entity | None:
    mentions = tuple(m for m in e.mentions if m.doc_id not in doc_ids)
    if e.mentions and not mentions:  # (nodes never mentioned, e.g. gazetteer countries, stay)
        return None
    merges = tuple(s for s in e.merges if s.doc_id not in doc_ids)
    # An alternative name survives while a remaining mention or merge step still shows it.
    seen = {normalize(m.text) for m in mentions} | {normalize(s.surface) for s in merges}
    alts = tuple(a for a in e.alt_labels if normalize(a) in seen)
    return replace(e, mentions=mentions, merges=merges, alt_labels=alts)


def _drop_event(v: Event, doc_ids: set[str], kept: set[str]) -> Event | None:
    mentions = tuple(m for m in v.mentions if m.doc_id not in doc_ids)
    if not mentions:
        return None
    counts = tuple(c for c in v.counts if not c.evidence or any(e.doc_id not in doc_ids for e in c.evidence))
    return replace(
        v,
        mentions=mentions,
        places=tuple(p for p in v.places if p in kept),
        participants=tuple(p for p in v.participants if p.entity in kept),
        times=tuple(t for t in v.times if t.doc_id not in doc_ids),
        counts=counts,
        evidence=tuple(x for x in v.evidence if x.doc_id not in doc_ids),
        merges=tuple(s for s in v.merges if s.doc_id not in doc_ids),
    )


__all__ = ["drop_documents"]
