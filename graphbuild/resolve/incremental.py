"""Adding documents to an existing, already resolved graph.

`merge_into(existing, new_models)`: the existing nodes keep their ids (so their IRIs)
and gain the new mentions; a document already in `existing` that comes again replaces
its old contribution, so re-adding an unchanged article changes nothing.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

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
    return merge_models(fresh, pinned=existing, corrections=corrections)


def _content(document: Document) -> Document:
    return replace(document, path=None)
