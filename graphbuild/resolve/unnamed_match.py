"""Unnamed actors across documents ("a gunman", "police": `vocab.UNNAMED_ACTOR`).

Contract: `unnamed_nodes(items, rank, taken)` gives each unnamed actor its global id
without clustering by label (two articles' "a man" are not one man); a pinned node keeps
its id. `join_unnamed(model)` then joins two unnamed actors only through a shared event:
participants of one (merged) event, in the same kind of role (agent, or undergoer) and
with the same label, are one node. Same input, same ids and merges.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from graphbuild.model import Entity, Event, GraphModel, MergeStep, Participant
from graphbuild.resolve.scopes import GLOBAL, NodeRef, ScopedEntity, entity_key, unique_key
from graphbuild.vocab import UNNAMED_ACTOR

AGENT_ROLES = frozenset({"agent"})
RULE = "shared-event"


def is_unnamed(item: ScopedEntity) -> bool:
    return item.entity.kind == UNNAMED_ACTOR


def unnamed_nodes(items: Sequence[ScopedEntity], rank: dict[str, tuple[str, str]],
                  taken: set[str]) -> tuple[list[Entity], dict[NodeRef, str]]:
    """Global unnamed-actor entities and the map (scope, local id) -> global id."""
    out, mapping = [], {}
    for s in sorted(items, key=lambda s: (rank.get(s.scope, ("9999", s.scope)), s.ref)):
        gid = s.entity.id if s.scope == GLOBAL else unique_key(entity_key(UNNAMED_ACTOR, s.entity.label), taken)
        taken.add(gid)
        mapping[s.ref] = gid
        out.append(replace(s.entity, id=gid, merges=s.entity.merges or (MergeStep(s.entity.label, s.scope, "seed", 1.0),)))
    return out, mapping


def join_unnamed(model: GraphModel, rank: dict[str, tuple[str, str]]) -> GraphModel:
    """`model` with the unnamed actors that share an event (module docstring) joined."""
    unnamed = {e.id: e for e in model.entities if e.kind == UNNAMED_ACTOR}
    parent = {i: i for i in unnamed}

    def find(i: str) -> str:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    order = {i: (min(rank.get(m.doc_id, ("9999", m.doc_id)) for m in e.mentions), i) for i, e in unnamed.items()}
    for v in model.events:
        groups: dict[tuple[bool, str], list[str]] = {}
        for p in v.participants:
            if p.entity in unnamed:
                groups.setdefault((p.role in AGENT_ROLES, unnamed[p.entity].label), []).append(p.entity)
        for ids in groups.values():
            for other in ids[1:]:
                a, b = sorted((find(ids[0]), find(other)), key=order.get)
                parent[b] = a
    moved = {i: find(i) for i in unnamed if find(i) != i}
    if not moved:
        return model
    kept: dict[str, Entity] = {}
    for i in sorted(unnamed, key=order.get):
        root = find(i)
        e = unnamed[i]
        if root == i:
            kept[i] = e
        else:
            r = kept[root]
            steps = tuple(MergeStep(e.label, m.doc_id, RULE, 1.0) for m in e.mentions[:1])
            kept[root] = replace(r, mentions=tuple(sorted(set(r.mentions + e.mentions), key=_at)), merges=r.merges + steps)
    entities = tuple(kept.get(e.id, e) for e in model.entities if e.id not in moved)
    events = tuple(replace(v, participants=tuple(dict.fromkeys(
        Participant(p.role, moved.get(p.entity, p.entity)) for p in v.participants))) for v in model.events)
    return replace(model, entities=entities, events=events)


def _at(m) -> tuple:
    return (m.doc_id, m.start, m.end, m.text)


def hold_unnamed(events: Sequence[tuple[str, Event]], unnamed: set[str]
                 ) -> tuple[list[tuple[str, Event]], dict[tuple[str, str], tuple[Participant, ...]]]:
    """The scoped `events` without their unnamed participants (global ids in `unnamed`),
    and those participants by (scope, event id): event joining never reads them (two
    reports' "a gunman" are two nodes, which would keep their events apart)."""
    bare, held = [], {}
    for scope, v in events:
        mine = tuple(p for p in v.participants if p.entity in unnamed)
        if mine:
            held[(scope, v.id)] = mine
            v = replace(v, participants=tuple(p for p in v.participants if p.entity not in unnamed))
        bare.append((scope, v))
    return bare, held


def restore_unnamed(events: Sequence[Event], event_map: dict[tuple[str, str], str],
                    held: dict[tuple[str, str], tuple[Participant, ...]]) -> list[Event]:
    """`events` (merged) with the participants `hold_unnamed` held back."""
    extra: dict[str, list[Participant]] = {}
    for ref in sorted(held):
        if (gid := event_map.get(ref)) is not None:
            extra.setdefault(gid, []).extend(held[ref])
    return [replace(v, participants=tuple(dict.fromkeys(v.participants + tuple(extra[v.id])))) if v.id in extra else v
            for v in events]
