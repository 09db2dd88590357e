"""Events into RDF: the event part of the builder in `rdf/build.py` (types, place, times
with their stamps, actors with their roles, counts, factuality), all in the cross-document
graph. A factuality value names the ontology's gb:Factuality individual whose label it is
("reported" → gb:Reported)."""
from __future__ import annotations

import pyoxigraph as ox

from graphbuild import iri
from graphbuild.errors import OntologyError
from graphbuild.model import Event, TimeValue
from graphbuild import vocab
from graphbuild.rdf.ox_vocab import GB, PROV, RDF, RDFS, SEM, role_of
from graphbuild.rdf.terms import Literal, as_ox, count_literal, named
from graphbuild.vocab import XSD

TIME_TYPES = ("date", "gMonthDay", "gYearMonth", "gYear")


def factuality_term(value: str):
    """The gb:Factuality individual of a model factuality value (OntologyError if none)."""
    return vocab.GB[value.capitalize()]


def _time(b, event: ox.NamedNode, event_id: str, t: TimeValue) -> None:
    """`event`'s time node and stamps (on the event too, so a plain query finds them)."""
    if t.datatype not in TIME_TYPES:
        raise OntologyError("GB101", datatype=t.datatype, event_id=event_id, time_types=TIME_TYPES)
    dt, c = XSD[t.datatype], b.cross
    node = named(iri.time_iri(b.base, t.text, t.value, t.datatype, t.end, t.doc_id, t.start, t.stop))
    b.add(c, event, SEM.hasTime, node)
    b.add(c, node, RDF.type, SEM.Time)
    b.add(c, node, RDFS.label, Literal(t.text))
    b.add(c, node, GB.timeType, Literal(t.datatype))
    stamps = [(SEM.hasTimeStamp, t.value)] if t.end is None else [
        (SEM.hasBeginTimeStamp, t.value), (SEM.hasEndTimeStamp, t.end)]
    for prop, value in stamps:
        if value is not None:
            for s in (event, node):  # on the event too: a plain query finds it
                b.add(c, s, prop, Literal(value, datatype=dt))
    if t.doc_id is not None and t.start is not None and t.stop is not None:
        b.add(c, node, PROV.wasDerivedFrom, b.span(t.doc_id, t.start, t.stop))
    elif t.doc_id is not None:
        b.add(c, node, GB.documentId, Literal(t.doc_id))

def add_events(b) -> None:
    """Every event of the builder's model: types, label, place, times, actors, counts,
    mentions, evidence and merge steps, in the cross-document graph."""
    c = b.cross
    for v in b.model.events:
        node = b.event(v.id)
        b.typed_node(node, v.id, v.kind, v.label)
        b.add(c, node, GB.factuality, as_ox(factuality_term(v.factuality)))
        for place in v.places:
            b.add(c, node, SEM.hasPlace, b.entity(place))
        for t in v.times:
            _time(b, node, v.id, t)
        for p in v.participants:
            actor = b.entity(p.entity)
            b.add(c, node, SEM.hasActor, actor)
            b.add(c, node, role_of(p.role), actor)
        _counts(b, node, v)
        b.mentions(node, v.mentions)
        for ev in v.evidence:
            b.evidence(node, ev)
        b.merges(node, v.id, v.merges)

def _counts(b, node: ox.NamedNode, v: Event) -> None:
    c = b.cross
    for n in v.counts:
        count = named(iri.count_iri(b.base, v.id, n.kind, n.value, n.qualifier))
        b.add(c, node, GB.count, count)
        b.add(c, count, RDF.type, GB.Count)
        b.add(c, count, GB.countKind, Literal(n.kind))
        b.add(c, count, GB.countValue, count_literal(n.value))
        if n.qualifier is not None:
            b.add(c, count, GB.qualifier, Literal(n.qualifier))
        for ev in n.evidence:
            b.evidence(count, ev)
