"""Parsed documents with hand-built entities (one per spaCy NER span) for the unit tests
of single extractors, and the read-only view the extractors take."""
from __future__ import annotations

from graphbuild.extract.view import DocumentView
from graphbuild.model import Document, Entity, GraphModel, Mention
from graphbuild.nlp import ParsedDocument, parse

KIND = {"PERSON": "Person", "ORG": "Organization", "GPE": "Place", "LOC": "Place", "FAC": "Place"}


def build_model(nlp, text: str, doc_id: str = "t") -> tuple[ParsedDocument, GraphModel]:
    """A ParsedDocument and a model with one entity per spaCy entity span."""
    parsed = parse(nlp, Document(doc_id, text))
    ents = []
    for e in parsed.doc.ents:
        if e.label_ in KIND:
            s, t = parsed.source(e.start_char, e.end_char)
            ss, st = parsed.source(e.sent.start_char, e.sent.end_char)
            mention = Mention(doc_id, s, t, text[s:t], e.label_, ss, st)
            ents.append(Entity(f"e{len(ents) + 1}", KIND[e.label_], e.text, mentions=(mention,)))
    return parsed, GraphModel(documents=(parsed.document,), entities=tuple(ents))


def view_of(nlp, text: str) -> DocumentView:
    """The view an extractor reads: the parse of `text` and its hand-built entities."""
    parsed, model = build_model(nlp, text)
    return DocumentView(parsed, model.entities)


def relation_facts(view: DocumentView, records) -> set[tuple[str, str, str]]:
    """(subject label, predicate, object label) of FoundRelation records."""
    return {(view.label(r.subject), r.predicate, view.label(r.object)) for r in records}


def stage_facts(nlp, text: str) -> set[tuple[str, str, str]]:
    """(subject label, predicate, object label) of the relations the relations stage adds
    to the hand-built entities of `text`."""
    from graphbuild.extract.relations_stage import relations_stage

    parsed, model = build_model(nlp, text)
    m = relations_stage(parsed, model)
    label = {e.id: e.label for e in m.entities}
    return {(label[r.subject], r.predicate, label[r.object]) for r in m.relations}
