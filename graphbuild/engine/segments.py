"""Long documents, analysed segment by segment so that memory stays bounded.

A spaCy Doc costs about 1 KB per token and the analysis of one Doc looks at all of it,
so a document longer than SEGMENT_CHARS characters is cut at paragraph breaks (else line
breaks, else spaces) into segments of at most SEGMENT_CHARS. Each segment is parsed and
analysed alone as a temporary document (`<id>#segment-<n>`); only its compact model
survives it. The segment models, their offsets moved to the whole document's, are then
combined by the cross-document resolution (the same actor or event in two segments is
one node) and given back the document's own id, so offsets, NIF spans and provenance
index the input text exactly as for a short document. Shorter documents never come here.

What a segment cannot see: within-document rules across a segment boundary (a bare
surname whose full name is only in an earlier segment joins it by the cross-document
rules instead, which are stricter).
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from graphbuild.model import Document, Evidence, GraphModel, Mention, MergeStep, TimeValue

SEGMENT_CHARS = 100_000  # a segment's Doc and analysis stay under ~150 MB


def segment_bounds(text: str, limit: int = SEGMENT_CHARS) -> list[tuple[int, int]]:
    """[start, end) of the segments of `text` (one segment when it is short enough)."""
    from graphbuild.nlp.parse import chunk_bounds

    return chunk_bounds(text, limit)


def _segment_id(document_id: str, n: int) -> str:
    return f"{document_id}#segment-{n:06d}"


def analyze_segmented(document: Document, analyze_part: Callable[[Document], GraphModel],
                      limit: int = SEGMENT_CHARS) -> GraphModel:
    """The one-document model of `document`, analysed segment by segment with
    `analyze_part` (a segment's Document in, its one-document model out)."""
    from graphbuild.resolve.cross_doc import merge_documents

    bounds = segment_bounds(document.text, limit)
    if len(bounds) == 1:
        return analyze_part(document)
    parts = []
    for n, (start, end) in enumerate(bounds):
        segment = replace(document, id=_segment_id(document.id, n), text=document.text[start:end])
        parts.append(_shifted(analyze_part(segment), start))
    merged = merge_documents(parts)
    return _renamed(merged, document, {p.documents[0].id for p in parts})


def _shifted(model: GraphModel, offset: int) -> GraphModel:
    """`model` with every offset moved by `offset` (segment -> document offsets)."""
    if not offset:
        return model
    return _mapped(model, lambda doc_id: doc_id, offset)


def _renamed(model: GraphModel, document: Document, segment_ids: set[str]) -> GraphModel:
    """`model` (of the segments) as the model of `document`: segment ids become the
    document's id, quotes numbered again in text order."""
    out = _mapped(model, lambda doc_id: document.id if doc_id in segment_ids else doc_id, 0)
    quotes = sorted(out.quotes, key=lambda q: (q.start, q.end, q.id))
    return replace(out, documents=(document,),
                   quotes=tuple(replace(q, id=f"q{i}") for i, q in enumerate(quotes, 1)))


def _mapped(model: GraphModel, doc: Callable[[str], str], offset: int) -> GraphModel:
    """Every record of `model` with doc ids mapped by `doc` and offsets moved by `offset`."""

    def mention(m: Mention) -> Mention:
        return replace(m, doc_id=doc(m.doc_id), start=m.start + offset, end=m.end + offset,
                       sentence_start=m.sentence_start + offset, sentence_end=m.sentence_end + offset)

    def evidence(items: tuple[Evidence, ...]) -> tuple[Evidence, ...]:
        return tuple(replace(e, doc_id=doc(e.doc_id), start=e.start + offset, end=e.end + offset) for e in items)

    def merges(items: tuple[MergeStep, ...]) -> tuple[MergeStep, ...]:
        return tuple(replace(s, doc_id=doc(s.doc_id)) for s in items)

    def time(t: TimeValue) -> TimeValue:
        return replace(t, doc_id=doc(t.doc_id) if t.doc_id is not None else None,
                       start=t.start + offset if t.start is not None else None,
                       stop=t.stop + offset if t.stop is not None else None)

    return replace(
        model,
        entities=tuple(replace(e, mentions=tuple(map(mention, e.mentions)), merges=merges(e.merges))
                       for e in model.entities),
        relations=tuple(replace(r, evidence=evidence(r.evidence)) for r in model.relations),
        memberships=tuple(replace(m, evidence=evidence(m.evidence)) for m in model.memberships),
        events=tuple(replace(v, mentions=tuple(map(mention, v.mentions)), times=tuple(map(time, v.times)),
                             counts=tuple(replace(c, evidence=evidence(c.evidence)) for c in v.counts),
                             evidence=evidence(v.evidence), merges=merges(v.merges)) for v in model.events),
        event_links=tuple(replace(k, evidence=evidence(k.evidence)) for k in model.event_links),
        quotes=tuple(replace(q, doc_id=doc(q.doc_id), start=q.start + offset, end=q.end + offset,
                             evidence=evidence(q.evidence)) for q in model.quotes),
    )
