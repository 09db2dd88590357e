"""A graph this tool wrote (TriG, Turtle, N-Triples, N-Quads, JSON-LD) → GraphModel.

The inverse of `build.to_dataset`: `to_dataset(read_model(written))` gives the same
triples (tuples come back sorted; `Document.path` and `GraphModel.meta` are not in the
graph). Everything is read from the union of the graphs, so graph.ttl serves as well as
graph.trig. Used by incremental builds (`--into`) and `graphbuild render`.
"""
from __future__ import annotations

from collections import defaultdict
from datetime import date
from pathlib import Path

import pyoxigraph as ox
from rdflib import URIRef

from graphbuild.errors import InputError, OntologyError
from graphbuild.model import (
    Count, Document, Entity, Event, EventLink, Evidence, GraphModel, Membership, Mention, MergeStep,
    Participant, Quote, Relation, TimeValue,
)
from graphbuild.vocab import (
    DCTERMS, GB, GEO, ITSRDF, NIF, ORG, OWL, PROV, RDF, RDFS, SCHEMA, SEM, SKOS, kind_for, model_name,
    role_properties,
)

FORMATS = {".trig": ox.RdfFormat.TRIG, ".ttl": ox.RdfFormat.TURTLE, ".nt": ox.RdfFormat.N_TRIPLES,
           ".nq": ox.RdfFormat.N_QUADS, ".jsonld": ox.RdfFormat.JSON_LD}


class _Index:
    """subject → predicate → objects over the union of all graphs (IRIs and literals)."""

    def __init__(self, quads):
        self.out: dict[str, dict[str, list]] = defaultdict(lambda: defaultdict(list))
        self.by_type: dict[str, set[str]] = defaultdict(set)
        seen = set()
        for q in quads:
            t = q.triple
            if t in seen:
                continue
            seen.add(t)
            s, p, o = t.subject, t.predicate.value, t.object
            if isinstance(s, ox.BlankNode) or isinstance(o, ox.BlankNode):
                raise OntologyError("GB103")
            self.out[s.value][p].append(o)
            if p == str(RDF.type):
                self.by_type[o.value].add(s.value)

    def all(self, s: str, p) -> list:
        return self.out.get(s, {}).get(str(p), [])

    def iris(self, s: str, p) -> list[str]:
        return sorted(o.value for o in self.all(s, p) if isinstance(o, ox.NamedNode))

    def strs(self, s: str, p) -> list[str]:
        return sorted(o.value for o in self.all(s, p) if isinstance(o, ox.Literal))

    def one(self, s: str, p, default=None):
        values = self.all(s, p)
        return values[0].value if values else default

    def typed(self, cls) -> list[str]:
        return sorted(self.by_type.get(str(cls), ()))


def _int(value) -> int | None:
    return None if value is None else int(value)


def _float(value) -> float | None:
    return None if value is None else float(value)


class _Reader:
    def __init__(self, ix: _Index):
        self.ix = ix
        self.doc_ids = {c: ix.one(c, DCTERMS.identifier) for c in ix.typed(NIF.Context)}
        self.events = {v: ix.one(v, DCTERMS.identifier) for v in ix.typed(GB.Event)}
        skip = set(self.doc_ids) | set(self.events) | set(ix.typed(SCHEMA.Quotation))
        self.entities = {s: ix.one(s, DCTERMS.identifier) for s, props in ix.out.items()
                         if str(DCTERMS.identifier) in props and s not in skip}
        self.ids = {**self.entities, **self.events}
        self.mentions: dict[str, list[Mention]] = defaultdict(list)
        for m in ix.typed(NIF.Phrase):
            doc_id, start, end = self.span(m)
            sentence = ix.iris(m, NIF.sentence)
            s0, s1 = self.span(sentence[0])[1:] if sentence else (start, end)
            mention = Mention(doc_id, start, end, ix.one(m, NIF.anchorOf), ix.one(m, GB.nerLabel),
                              s0, s1, ix.one(m, GB.rule, "ner"))
            for target in ix.iris(m, ITSRDF.taIdentRef):
                self.mentions[target].append(mention)

    def span(self, node: str) -> tuple[str, int, int]:
        ctx = self.ix.iris(node, NIF.referenceContext)
        if not ctx or ctx[0] not in self.doc_ids:
            raise OntologyError("GB102", node=node)
        return self.doc_ids[ctx[0]], int(self.ix.one(node, NIF.beginIndex)), int(self.ix.one(node, NIF.endIndex))

    def evidence(self, owner: str) -> tuple[Evidence, ...]:
        out = []
        for ev in self.ix.iris(owner, GB.evidence):
            doc_id, start, end = self.span(self.ix.iris(ev, PROV.wasDerivedFrom)[0])
            out.append(Evidence(doc_id, start, end, self.ix.one(ev, GB.rule), float(self.ix.one(ev, GB.confidence))))
        return tuple(sorted(out, key=repr))

    def merges(self, owner: str) -> tuple[MergeStep, ...]:
        ix = self.ix
        steps = [MergeStep(ix.one(m, GB.surface), ix.one(m, GB.documentId), ix.one(m, GB.rule), float(ix.one(m, GB.score)))
                 for m in ix.iris(owner, GB.mergeStep)]
        return tuple(sorted(steps, key=repr))

    def own_mentions(self, node: str) -> tuple[Mention, ...]:
        return tuple(sorted(self.mentions.get(node, ()), key=lambda m: (m.doc_id, m.start, m.end, m.label, m.rule)))

    def kind(self, node: str) -> str:
        # gb:Country is RDF-only (rdf/countries.py): a country's model kind is Place.
        return kind_for(URIRef(t) for t in self.ix.iris(node, RDF.type) if t != str(GB.Country))

    def publisher(self, doc: str) -> str | None:
        """The publisher's name: the label of the dcterms:publisher node (a literal in old graphs)."""
        values = self.ix.all(doc, DCTERMS.publisher)
        if not values:
            return None
        return self.ix.one(values[0].value, RDFS.label) if isinstance(values[0], ox.NamedNode) else values[0].value

    def documents(self) -> tuple[Document, ...]:
        ix, out = self.ix, []
        for c, doc_id in self.doc_ids.items():
            published = ix.one(c, SCHEMA.datePublished)
            out.append(Document(doc_id, ix.one(c, NIF.isString), ix.one(c, DCTERMS.title),
                                date.fromisoformat(published) if published else None,
                                ix.one(c, SCHEMA.url), self.publisher(c)))
        return tuple(sorted(out, key=lambda d: d.id))

    def entity_list(self) -> tuple[Entity, ...]:
        ix, out = self.ix, []
        for node, entity_id in self.entities.items():
            out.append(Entity(
                entity_id, self.kind(node), ix.one(node, RDFS.label), tuple(ix.strs(node, SKOS.altLabel)),
                self.own_mentions(node), tuple(ix.strs(node, SCHEMA.jobTitle)), tuple(ix.iris(node, OWL.sameAs)),
                _float(ix.one(node, GEO.lat)), _float(ix.one(node, GEO.long)), self.merges(node)))
        return tuple(sorted(out, key=lambda e: e.id))

    def time(self, node: str) -> TimeValue:
        ix = self.ix
        value = ix.one(node, SEM.hasTimeStamp) or ix.one(node, SEM.hasBeginTimeStamp)
        doc_id, start, stop = ix.one(node, GB.documentId), None, None
        source = ix.iris(node, PROV.wasDerivedFrom)
        if source:
            doc_id, start, stop = self.span(source[0])
        return TimeValue(ix.one(node, RDFS.label), value, ix.one(node, GB.timeType), ix.one(node, SEM.hasEndTimeStamp),
                         doc_id, start, stop)

    def event_list(self) -> tuple[Event, ...]:
        ix, out = self.ix, []
        roles = sorted(role_properties())
        for node, event_id in self.events.items():
            participants = [Participant(model_name(r), self.entities[a]) for r in roles for a in ix.iris(node, r)]
            counts = [Count(ix.one(c, GB.countKind), int(ix.one(c, GB.countValue)), ix.one(c, GB.qualifier),
                            self.evidence(c)) for c in ix.iris(node, GB.count)]
            out.append(Event(
                event_id, self.kind(node), ix.one(node, RDFS.label), self.own_mentions(node),
                tuple(sorted(self.entities[p] for p in ix.iris(node, SEM.hasPlace))),
                tuple(sorted((self.time(t) for t in ix.iris(node, SEM.hasTime)), key=repr)),
                tuple(sorted(participants, key=repr)), tuple(sorted(counts, key=repr)),
                self.evidence(node), self.merges(node)))
        return tuple(sorted(out, key=lambda v: v.id))

    def statements(self) -> tuple[tuple[Relation, ...], tuple[EventLink, ...]]:
        ix, relations, links = self.ix, [], []
        for a in ix.typed(GB.Assertion):
            s, p, o = ix.iris(a, RDF.subject)[0], ix.iris(a, RDF.predicate)[0], ix.iris(a, RDF.object)[0]
            name = model_name(URIRef(p))
            if s in self.events:
                links.append(EventLink(self.events[s], name, self.events[o], self.evidence(a)))
            else:
                relations.append(Relation(self.entities[s], name, self.entities[o], self.evidence(a)))
        return tuple(sorted(relations, key=repr)), tuple(sorted(links, key=repr))

    def membership_list(self) -> tuple[Membership, ...]:
        ix, out = self.ix, []
        for m in ix.typed(ORG.Membership):
            role = ix.one(ix.iris(m, ORG.role)[0], RDFS.label)
            out.append(Membership(self.entities[ix.iris(m, ORG.member)[0]],
                                  self.entities[ix.iris(m, ORG.organization)[0]], role, self.evidence(m)))
        return tuple(sorted(out, key=repr))

    def quote_list(self) -> tuple[Quote, ...]:
        ix, out = self.ix, []
        for q in ix.typed(SCHEMA.Quotation):
            doc_id, start, end = self.span(ix.iris(q, PROV.wasDerivedFrom)[0])
            speaker = ix.iris(q, SCHEMA.creator)
            out.append(Quote(ix.one(q, DCTERMS.identifier), self.entities[speaker[0]] if speaker else None,
                             ix.one(q, SCHEMA.text), doc_id, start, end, self.evidence(q)))
        return tuple(sorted(out, key=lambda q: (q.doc_id, q.start, q.id)))

    def model(self) -> GraphModel:
        relations, links = self.statements()
        return GraphModel(self.documents(), self.entity_list(), relations, self.membership_list(),
                          self.event_list(), links, self.quote_list())


def read_quads(path: Path) -> list[ox.Quad]:
    path = Path(path)
    fmt = FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise InputError("GB275", str(path), suffix=path.suffix or "this", formats=", ".join(FORMATS))
    try:
        return list(ox.parse(path=str(path), format=fmt))
    except (SyntaxError, ValueError, OSError) as err:
        raise InputError("GB276", str(path), reason=err) from err


def read_model(path: Path) -> GraphModel:
    """The GraphModel of a graph file written by graphbuild (see the module docstring)."""
    try:
        return _Reader(_Index(read_quads(path))).model()
    except (KeyError, IndexError, TypeError) as err:
        raise InputError("GB277", str(path), reason=err) from err


__all__ = ["read_model", "read_quads"]
