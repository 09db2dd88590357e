"""GraphModel → Dataset: the output contract, from hand-built models (no spaCy)."""
from __future__ import annotations

import pytest
from rdflib import Literal, URIRef

from graphbuild.errors import OntologyError, OutputError
from graphbuild.model import (
    Participant,
    Relation,
)
from graphbuild.rdf.build import to_dataset
from graphbuild.vocab import DCTERMS, GB, ITSRDF, NIF, ORG, RDF, SCHEMA, SEM, SKOS
from tests.helpers.models import (
    BASE,
    realistic_model,
)


def union(ds):
    from rdflib import Graph

    g = Graph()
    for s, p, o, _ in ds.quads((None, None, None, None)):
        g.add((s, p, o))
    return g


def test_standard_triples_are_asserted():
    g = union(to_dataset(realistic_model(), BASE))
    assert len(list(g.subject_objects(ORG.headOf))) == 1
    assert {str(o) for o in g.objects(None, SCHEMA.jobTitle)} >= {"Secretary of State", "General"}
    assert len(list(g.subject_objects(SEM.hasPlace))) == 2
    assert len(list(g.subject_objects(SEM.hasActor))) == 3
    assert Literal("2020-01-07", datatype=URIRef(str(RDF)[:0] + "http://www.w3.org/2001/XMLSchema#date")) in set(
        g.objects(None, SEM.hasTimeStamp))
    assert len(set(g.subjects(RDF.type, SCHEMA.Person))) == 3
    assert len(set(g.subjects(RDF.type, SEM.Actor))) == 4
    assert len(set(g.subjects(RDF.type, SCHEMA.Event))) == 2
    assert len(set(g.subjects(RDF.type, SCHEMA.Quotation))) == 2
    assert set(g.objects(None, SKOS.altLabel)) >= {Literal("Qasem Soleimani")}
    assert len(set(g.subjects(RDF.type, ORG.Membership))) == 1
    assert len(set(g.subjects(RDF.type, GB.MergeStep))) == 3


def test_one_named_graph_per_document_plus_cross_graph():
    ds = to_dataset(realistic_model(), BASE)
    names = {str(c.identifier) for c in ds.graphs() if len(c)}
    assert len(names) == 3 and BASE + "graph/cross-document" in names


def test_mentions_point_into_the_text():
    model = realistic_model()
    g = union(to_dataset(model, BASE))
    texts = {str(g.value(c, DCTERMS.identifier)): str(g.value(c, NIF.isString)) for c in g.subjects(RDF.type, NIF.Context)}
    phrases = list(g.subjects(RDF.type, NIF.Phrase))
    assert len(phrases) == sum(len(e.mentions) for e in model.entities) + 2
    for m in phrases:
        ctx = g.value(m, NIF.referenceContext)
        text = texts[str(g.value(ctx, DCTERMS.identifier))]
        start, end = int(g.value(m, NIF.beginIndex)), int(g.value(m, NIF.endIndex))
        assert text[start:end] == str(g.value(m, NIF.anchorOf))
        assert g.value(m, ITSRDF.taIdentRef) is not None


def test_deterministic_dataset():
    a = sorted(to_dataset(realistic_model(), BASE).quads((None, None, None, None)))
    b = sorted(to_dataset(realistic_model(), BASE).quads((None, None, None, None)))
    assert a == b


def test_unknown_strings_raise_ontology_error_when_the_record_is_made():
    from dataclasses import replace

    model = realistic_model()
    makers = (lambda: replace(model.entities[0], kind="Organisation"),
              lambda: Relation("person:salami", "headof", "org:irgc", ()),
              lambda: Participant("victum", "person:salami"),
              lambda: replace(model.events[0], kind="Stampeed"))
    for make in makers:
        with pytest.raises(OntologyError, match="not declared in the ontology"):
            make()


def test_bad_references_raise_output_error():
    from dataclasses import replace

    model = realistic_model()
    m = model.entities[0].mentions[0]
    shifted = replace(m, start=m.start + 1)
    for bad in (replace(model, relations=(Relation("person:nobody", "headOf", "org:irgc", ()),)),
                replace(model, entities=(replace(model.entities[0], mentions=(shifted,)),) + model.entities[1:])):
        with pytest.raises(OutputError):
            to_dataset(bad, BASE)


def test_contract_corrections_countries_publisher_rules():
    """Countries are schema:Country, the publisher is a node, a rule is a prov:Plan that a
    run (prov:Activity) followed; the model reads back unchanged (kind Place)."""
    from dataclasses import replace

    from graphbuild.rdf.read import _Index, _Reader
    from graphbuild.rdf.serialize import to_quads
    from graphbuild.vocab import PROV, RDFS

    model = realistic_model()
    iran_linked = replace(model.entities[6], same_as=("https://sws.geonames.org/130758/",))  # GeoNames: Iran
    model = replace(model, entities=model.entities[:6] + (iran_linked,) + model.entities[7:])
    g = union(to_dataset(model, BASE))
    countries = {str(g.value(c, RDFS.label)) for c in g.subjects(RDF.type, SCHEMA.Country)}
    assert countries == {"US", "Iran"}  # a nationality's object; a GeoNames country (Kerman is a city)
    assert all((c, RDF.type, SCHEMA.Place) in g for c in g.subjects(RDF.type, SCHEMA.Country))
    assert all(isinstance(o, URIRef) for o in g.objects(None, SCHEMA.nationality))
    publishers = set(g.objects(None, DCTERMS.publisher))
    assert publishers and all(isinstance(p, URIRef) for p in publishers)
    assert {str(g.value(p, RDFS.label)) for p in publishers} == {"ITV News", "RFE/RL"}
    rules = set(g.subjects(RDF.type, GB.Rule))
    assert rules and all((r, RDF.type, PROV.Plan) in g and (r, RDF.type, PROV.Activity) not in g for r in rules)
    for run in set(g.objects(None, PROV.wasGeneratedBy)):
        assert (run, RDF.type, PROV.Activity) in g
        assert g.value(g.value(run, PROV.qualifiedAssociation), PROV.hadPlan) in rules
    back = _Reader(_Index(to_quads(to_dataset(model, BASE)))).model()
    assert {e.kind for e in back.entities if e.label in ("US", "Iran")} == {"Place"}
    assert {d.source for d in back.documents} == {"ITV News", "RFE/RL"}
