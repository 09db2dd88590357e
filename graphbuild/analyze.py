"""Per-document analysis: a ParsedDocument in, a one-document GraphModel out.

The core stages find mentions and resolve them into entities within the document; the
extension stages in `STAGES` each take the document's model so far and return it with
their additions (relations, quotes, events). Ids in the result are document-local;
`resolve.cross_doc` makes them global.
"""
from __future__ import annotations

from collections.abc import Callable

from graphbuild.extract.context import CorpusContext, corpus_context
from graphbuild.model import GraphModel
from graphbuild.nlp import ParsedDocument

Stage = Callable[[ParsedDocument, GraphModel], GraphModel]


def _stages() -> list[Stage]:
    # Imported here so that a worker process pays the import once, on first use.
    from graphbuild.extract.events_stage import events_stage
    from graphbuild.extract.relations_stage import referring_stage, relations_stage

    stages: list[Stage] = [relations_stage, events_stage, referring_stage]
    return stages


def analyze(parsed: ParsedDocument, context: CorpusContext = CorpusContext()) -> GraphModel:
    """The one-document model of `parsed`: entities with mentions, then every stage's
    additions."""
    from graphbuild.extract.kind_cues import find_kind_cues
    from graphbuild.extract.mentions import find_mentions
    from graphbuild.resolve.within_doc import resolve_entities

    mentions = find_mentions(parsed, context)
    entities = resolve_entities(parsed, mentions, tuple(find_kind_cues(parsed, mentions)))
    model = GraphModel(documents=(parsed.document,), entities=tuple(entities))
    for stage in _stages():
        model = stage(parsed, model)
    return model


__all__ = ["CorpusContext", "Stage", "analyze", "corpus_context"]
