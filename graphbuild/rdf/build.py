"""GraphModel → pyoxigraph quads (and an rdflib Dataset for API users), per the output
contract of DESIGN.md.

`to_quads` is the build path: pyoxigraph terms straight from the model, sorted once
(`rdf.quads.QuadSet`); `to_dataset` wraps the same quads in an rdflib Dataset for
readers and tests that want rdflib's API.

One named graph per document (named by the document's IRI): its nif:Context +
schema:NewsArticle, its mentions (nif:Phrase with offsets into `Document.text` exactly as
given), the spans facts were read from, and every fact whose evidence lies in it (the
relation triple itself, its gb:Assertion with gb:Evidence, memberships, quotations, event
evidence). One more graph (`iri.cross_graph_iri`) holds what belongs to no single document:
entity and event nodes (types, labels, titles, places, times, actors, counts, merges).

Node shapes (all IRIs minted by `graphbuild.iri`; no blank nodes):
- fact with evidence: `?fact gb:evidence ?ev . ?ev prov:wasDerivedFrom ?span ;
  gb:rule "..." ; gb:confidence 0.8 ; prov:wasGeneratedBy ?run` (the run followed the rule, a
  prov:Plan: `rdf/provenance.py`)
- relation `s p o`: the triple itself plus `?a a gb:Assertion, rdf:Statement ;
  rdf:subject s ; rdf:predicate p ; rdf:object o ; gb:evidence ...`
- participant: `?event sem:hasActor ?x ; gb:victim ?x` (role property and sem:hasActor)
- time: `?event sem:hasTimeStamp "2020-01-07"^^xsd:date ; sem:hasTime ?t . ?t a sem:Time ;
  rdfs:label "on Tuesday" ; gb:timeType "date" ; sem:hasTimeStamp ...` (intervals:
  sem:hasBeginTimeStamp / sem:hasEndTimeStamp)
- a country (`rdf/countries.py`) is typed gb:Country, schema:Country besides its Place classes;
  a publisher is a node: `?doc dcterms:publisher ?p . ?p a dcterms:Agent ; rdfs:label "ITV News"`
- count: `?event gb:count ?c . ?c a gb:Count ; gb:countKind "dead" ; gb:countValue 56 ;
  gb:qualifier "at least"`
Unknown kinds/predicates/roles raise OntologyError; references to unknown ids or offsets
outside a document raise OutputError (both are bugs upstream that must not reach a file).
"""
from __future__ import annotations

import pyoxigraph as ox
from rdflib import Dataset

from graphbuild import iri
from graphbuild.errors import OutputError
from graphbuild.model import Document, Evidence, GraphModel, Mention, MergeStep
from graphbuild.rdf.countries import COUNTRY_KIND, country_ids
from graphbuild.rdf.events import TIME_TYPES, add_events
from graphbuild.rdf.ox_vocab import (
    DCTERMS, GB, GEO, ITSRDF, NIF, ORG, OWL, PROV, RDF, RDFS, SCHEMA, SKOS, classes_of, property_of, rule_plan_of,
)
from graphbuild.rdf.quads import QuadSet
from graphbuild.rdf.terms import Literal, decimal_literal, index_literal, named, plain_literal, rdflib_term, to_rdflib
from graphbuild.vocab import XSD

Node = ox.NamedNode | ox.Literal
Triple = tuple[Node, Node, Node]


class _Builder:
    def __init__(self, model: GraphModel, base: str):
        self.model, self.base = model, base
        self.cross = named(iri.cross_graph_iri(base))
        # A list, not a set: QuadSet de-duplicates (hashing pyoxigraph terms here would cost
        # a call into Rust per term of every statement). Flat (graph, s, p, o, graph, ...):
        # no tuple per quad (`QuadSet.from_flat`).
        self.quads: list[Node] = []
        self.docs: dict[str, Document] = {}
        for doc in model.documents:
            if doc.id in self.docs:
                raise OutputError("GB411", id=doc.id)
            self.docs[doc.id] = doc
        # Minted once: every fact looks its ends up here (and so checks they exist).
        self.doc_iris = {d: named(iri.document_iri(base, d)) for d in self.docs}
        self.entities = {e.id: named(iri.entity_iri(base, e.id)) for e in model.entities}
        self.events = {e.id: named(iri.event_iri(base, e.id)) for e in model.events}
        self.countries = country_ids(model)
        self.spans: dict[tuple, ox.NamedNode] = {}  # (doc, start, end, class) already added -> node
        self.plans: set[tuple[ox.NamedNode, str]] = set()  # (graph, rule) whose run is described

    # ---- helpers -------------------------------------------------------------------------
    def add(self, graph: ox.NamedNode, s: Node, p: Node, o: Node) -> None:
        """One quad; every term is pyoxigraph's already (vocabulary terms via OxNamespace)."""
        self.quads.extend((graph, s, p, o))

    def doc_iri(self, doc_id: str) -> ox.NamedNode:
        if doc_id not in self.doc_iris:
            raise OutputError("GB407", kind="document", id=doc_id)
        return self.doc_iris[doc_id]

    def entity(self, entity_id: str) -> ox.NamedNode:
        if entity_id not in self.entities:
            raise OutputError("GB407", kind="entity", id=entity_id)
        return self.entities[entity_id]

    def event(self, event_id: str) -> ox.NamedNode:
        if event_id not in self.events:
            raise OutputError("GB407", kind="event", id=event_id)
        return self.events[event_id]

    def node(self, node_id: str) -> ox.NamedNode:
        return self.event(node_id) if node_id in self.events else self.entity(node_id)

    def span(self, doc_id: str, start: int, end: int, cls: ox.NamedNode | None = None) -> ox.NamedNode:
        """A nif:String over doc[start:end] in the document's graph."""
        seen = (doc_id, start, end, cls)
        node = self.spans.get(seen)
        if node is not None:  # a sentence is the span of each of its mentions: add it once
            return node
        graph, text = self.doc_iri(doc_id), self.docs[doc_id].text
        if not 0 <= start <= end <= len(text):
            raise OutputError("GB408", start=start, end=end, doc_id=doc_id, length=len(text))
        node = self.spans[seen] = named(iri.span_iri(self.base, doc_id, start, end))
        for t in (NIF.String, cls) if cls else (NIF.String,):
            self.add(graph, node, RDF.type, t)
        self.offsets(graph, node, start, end, text[start:end])
        return node

    def offsets(self, graph: ox.NamedNode, node: ox.NamedNode, start: int, end: int, anchor: str) -> None:
        """`node` is the text `anchor` at start-end of the document (context) `graph`."""
        # One call for the four quads (this runs for every mention and span).
        self.quads.extend((graph, node, NIF.beginIndex, index_literal(start),
                           graph, node, NIF.endIndex, index_literal(end),
                           graph, node, NIF.anchorOf, Literal(anchor),
                           graph, node, NIF.referenceContext, graph))

    def evidence(self, owner: ox.NamedNode, ev: Evidence) -> ox.NamedNode:
        graph = self.doc_iri(ev.doc_id)
        node = named(iri.evidence_iri(self.base, owner.value, ev.doc_id, ev.start, ev.end, ev.rule, ev.confidence))
        self.add(graph, owner, GB.evidence, node)
        self.add(graph, node, RDF.type, GB.Evidence)
        self.add(graph, node, PROV.wasDerivedFrom, self.span(ev.doc_id, ev.start, ev.end))
        self.add(graph, node, GB.rule, Literal(ev.rule))
        self.add(graph, node, GB.confidence, decimal_literal(ev.confidence))
        run, plan = rule_plan_of(self.base, ev.rule)
        self.add(graph, node, PROV.wasGeneratedBy, run)
        if (graph, ev.rule) not in self.plans:  # the run's description, once per graph
            self.plans.add((graph, ev.rule))
            for triple in plan:
                self.add(graph, *triple)
        return node

    def fact_graphs(self, evidence: tuple[Evidence, ...]) -> list[ox.NamedNode]:
        return sorted({self.doc_iri(e.doc_id) for e in evidence}, key=lambda n: n.value) or [self.cross]

    def mentions(self, target: ox.NamedNode, mentions: tuple[Mention, ...]) -> None:
        """The mentions of one entity or event (its IRI's text read once for all)."""
        value = target.value
        for m in mentions:
            self.mention(target, m, value)

    def mention(self, target: ox.NamedNode, m: Mention, target_value: str) -> None:
        doc_id, start, end = m.doc_id, m.start, m.end
        graph, text = self.doc_iri(doc_id), self.docs[doc_id].text
        if not 0 <= start < end <= len(text) or text[start:end] != m.text:
            raise OutputError("GB409", text=m.text, start=start, end=end, doc_id=doc_id, found=text[start:end])
        node = named(iri.mention_iri(self.base, doc_id, start, end, target_value))
        sentence = self.span(doc_id, m.sentence_start, m.sentence_end, NIF.Sentence)
        # One call for its nine quads (a million at 1M triples); labels and rules are few
        # values, their literals shared.
        self.quads.extend((graph, node, RDF.type, NIF.Phrase,
                           graph, node, NIF.beginIndex, index_literal(start),
                           graph, node, NIF.endIndex, index_literal(end),
                           graph, node, NIF.anchorOf, ox.Literal(m.text),
                           graph, node, NIF.referenceContext, graph,
                           graph, node, ITSRDF.taIdentRef, target,
                           graph, node, NIF.sentence, sentence,
                           graph, node, GB.nerLabel, plain_literal(m.label),
                           graph, node, GB.rule, plain_literal(m.rule)))

    def merges(self, owner: ox.NamedNode, owner_id: str, steps: tuple[MergeStep, ...]) -> None:
        for step in steps:
            node = named(iri.merge_iri(self.base, owner_id, step.surface, step.doc_id, step.rule, step.score))
            self.add(self.cross, owner, GB.mergeStep, node)
            for t in (GB.MergeStep, PROV.Activity):
                self.add(self.cross, node, RDF.type, t)
            self.add(self.cross, node, GB.surface, Literal(step.surface))
            self.add(self.cross, node, GB.documentId, Literal(step.doc_id))
            self.add(self.cross, node, GB.rule, Literal(step.rule))
            self.add(self.cross, node, GB.score, decimal_literal(step.score))

    def typed_node(self, node: ox.NamedNode, node_id: str, kind: str, label: str) -> None:
        """An entity or event node's classes, identifier and label (cross-document graph)."""
        for cls in classes_of(COUNTRY_KIND if node_id in self.countries else kind):
            self.add(self.cross, node, RDF.type, cls)
        self.add(self.cross, node, DCTERMS.identifier, Literal(node_id))
        self.add(self.cross, node, RDFS.label, Literal(label))

    # ---- model parts ---------------------------------------------------------------------
    def documents(self) -> None:
        for doc in self.docs.values():
            g = self.doc_iri(doc.id)
            # No nif:beginIndex/endIndex on the Context itself: consumers take every node with
            # offsets for a span of some context, and the Context has none.
            for t in (NIF.Context, NIF.String, SCHEMA.NewsArticle):
                self.add(g, g, RDF.type, t)
            self.add(g, g, DCTERMS.identifier, Literal(doc.id))
            self.add(g, g, NIF.isString, Literal(doc.text))
            if doc.title is not None:
                self.add(g, g, DCTERMS.title, Literal(doc.title))
            if doc.published is not None:
                self.add(g, g, SCHEMA.datePublished, Literal(doc.published.isoformat(), datatype=XSD.date))
            if doc.url is not None:
                self.add(g, g, SCHEMA.url, Literal(doc.url, datatype=XSD.anyURI))
            if doc.source is not None:  # dcterms:publisher ranges over agents: a node, not a literal
                publisher = named(iri.publisher_iri(self.base, doc.source))
                self.add(g, g, DCTERMS.publisher, publisher)
                self.add(g, publisher, RDF.type, DCTERMS.Agent)
                self.add(g, publisher, RDFS.label, Literal(doc.source))

    def entities_(self) -> None:
        c = self.cross
        for e in self.model.entities:
            node = self.entity(e.id)
            self.typed_node(node, e.id, e.kind, e.label)
            for alt in e.alt_labels:
                self.add(c, node, SKOS.altLabel, Literal(alt))
            for title in e.titles:
                self.add(c, node, SCHEMA.jobTitle, Literal(title))
            for same in e.same_as:
                self.add(c, node, OWL.sameAs, _external_iri(same, e.id))
            if e.lat is not None:
                self.add(c, node, GEO.lat, decimal_literal(e.lat))
            if e.long is not None:
                self.add(c, node, GEO.long, decimal_literal(e.long))
            self.mentions(node, e.mentions)
            self.merges(node, e.id, e.merges)

    def statements(self, subject: ox.NamedNode, predicate: str, obj: ox.NamedNode, evidence: tuple[Evidence, ...]) -> None:
        prop = property_of(predicate)
        node = named(iri.assertion_iri(self.base, subject.value, prop.value, obj.value))
        for g in self.fact_graphs(evidence):
            self.add(g, subject, prop, obj)
            for t in (GB.Assertion, RDF.Statement):
                self.add(g, node, RDF.type, t)
            self.add(g, node, RDF.subject, subject)
            self.add(g, node, RDF.predicate, prop)
            self.add(g, node, RDF.object, obj)
        for ev in evidence:
            self.evidence(node, ev)

    def memberships(self) -> None:
        for m in self.model.memberships:
            member, org = self.entity(m.member), self.entity(m.organization)
            node = named(iri.membership_iri(self.base, m.member, m.organization, m.role))
            role = named(iri.role_iri(self.base, m.role))
            for g in self.fact_graphs(m.evidence):
                self.add(g, node, RDF.type, ORG.Membership)
                self.add(g, node, ORG.member, member)
                self.add(g, node, ORG.organization, org)
                self.add(g, node, ORG.role, role)
                self.add(g, role, RDF.type, ORG.Role)
                self.add(g, role, RDFS.label, Literal(m.role))
                self.add(g, member, ORG.memberOf, org)
            for ev in m.evidence:
                self.evidence(node, ev)

    def quotes(self) -> None:
        for q in self.model.quotes:
            graph = self.doc_iri(q.doc_id)
            node = named(iri.quote_iri(self.base, q.id, q.doc_id, q.start, q.end))
            self.add(graph, node, RDF.type, SCHEMA.Quotation)
            self.add(graph, node, DCTERMS.identifier, Literal(q.id))
            self.add(graph, node, SCHEMA.text, Literal(q.text))
            self.add(graph, node, PROV.wasDerivedFrom, self.span(q.doc_id, q.start, q.end))
            if q.speaker is not None:
                self.add(graph, node, SCHEMA.creator, self.entity(q.speaker))
            for ev in q.evidence:
                self.evidence(node, ev)

    def build(self) -> QuadSet:
        self.documents()
        self.entities_()
        for r in self.model.relations:
            self.statements(self.entity(r.subject), r.predicate, self.entity(r.object), r.evidence)
        self.memberships()
        add_events(self)
        for link in self.model.event_links:
            self.statements(self.event(link.subject), link.predicate, self.event(link.object), link.evidence)
        self.quotes()
        flat, self.quads = self.quads, []
        return QuadSet.from_flat(flat)


def _external_iri(value: str, owner: str) -> ox.NamedNode:
    try:
        return ox.NamedNode(value)
    except ValueError as err:
        raise OutputError("GB410", value=value, owner=owner, reason=err) from err


def to_quads(model: GraphModel, base_iri: str) -> QuadSet:
    """The RDF of `model`, sorted: one named graph per document plus one of cross-document facts."""
    return _Builder(model, iri.check_base(base_iri)).build()


def to_dataset(model: GraphModel, base_iri: str) -> Dataset:
    """The same RDF as an rdflib Dataset (prefixes bound), for callers that want rdflib's API."""
    return to_rdflib(to_quads(model, base_iri))


__all__ = ["TIME_TYPES", "decimal_literal", "rdflib_term", "to_dataset", "to_quads", "to_rdflib"]
