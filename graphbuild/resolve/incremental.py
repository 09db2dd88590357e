"""Adding documents to an existing, already resolved graph.

`merge_into(existing, new_models)`: the existing nodes keep their ids (so their IRIs)
and gain the new mentions; a document already in `existing` that comes again replaces
its old contribution, so re-adding an unchanged article changes nothing.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import fields, replace

from graphbuild.model import Correction, Document, GraphModel
from graphbuild.resolve.cross_doc import merge_models


def merge_into(existing: GraphModel, new_models: Sequence[GraphModel], corrections: Sequence[Correction] = (),
               refresh: bool = False) -> GraphModel:
    """`existing` (global ids) with the one-document `new_models` resolved into it, under
    `corrections`. `refresh`: documents already in `existing` are resolved again too
    (a new correction touches them), instead of being skipped as unchanged."""
    # A document already in the graph with the same text and metadata gives the same
    # analysis: skipping it keeps re-runs byte-identical (merge steps included).
    # `path` (where it was read from this time) is not part of what the graph stores.
    known = {_content(d) for d in existing.documents}
    fresh = [m for m in new_models
             if refresh or not (len(m.documents) == 1 and _content(m.documents[0]) in known)]
    if not fresh:
        return existing
    merged = merge_models(fresh, pinned=existing, corrections=corrections)
    return keep_records(existing, merged) if refresh else merged


def keep_records(old: GraphModel, new: GraphModel) -> GraphModel:
    """`new` where a node that differs from its namesake in `old` only in how it was
    merged (its merge steps, and an entity's label and alternative labels, which depend on
    the order the documents were resolved in) is the old node: re-resolving documents for
    a correction leaves the record of the nodes it does not change as it was. (An event's
    label names its place and actors, so a changed label is a change.)"""
    before = {("e", e.id): e for e in old.entities} | {("v", v.id): v for v in old.events}

    def kept(tag: str, node):
        was = before.get((tag, node.id))
        if was is None:
            return node
        record = {"merges": was.merges}
        if tag == "e":
            record |= {"label": was.label, "alt_labels": was.alt_labels}
        return was if _canonical(replace(node, **record)) == _canonical(was) else node

    return replace(new, entities=tuple(kept("e", e) for e in new.entities),
                   events=tuple(kept("v", v) for v in new.events))


def _content(document: Document) -> Document:
    return replace(document, path=None)


def _canonical(node):
    """`node` with its tuples in one order (a graph read back sorts them)."""
    return replace(node, **{f.name: tuple(sorted(v, key=repr)) for f in fields(node)
                            if isinstance(v := getattr(node, f.name), tuple)})
