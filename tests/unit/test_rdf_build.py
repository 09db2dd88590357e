"""GraphModel → Dataset: the output contract, from hand-built models (no spaCy)."""
from __future__ import annotations

from datetime import date

import pytest
from rdflib import Literal, URIRef

from graphbuild.errors import OntologyError, OutputError
from graphbuild.model import (
    Count, Document, Entity, Event, EventLink, Evidence, GraphModel, Membership, Mention, MergeStep,
    Participant, Quote, Relation, TimeValue,
)
from graphbuild.rdf.build import to_dataset
from graphbuild.vocab import DCTERMS, GB, ITSRDF, NIF, ORG, RDF, SCHEMA, SEM, SKOS

BASE = "https://w3id.org/graphbuild/id/"
TEXT_A = ("Iran's Revolutionary Guard chief Hossein Salami spoke in Kerman on Tuesday.\n"
          "A stampede killed at least 56 people at the funeral of General Qassem Soleimani.\n"
          "\"We will take revenge,\" Salami said.")
TEXT_B = "US Secretary of State Mike Pompeo said Qasem Soleimani was killed in Baghdad on Friday."


def _m(doc: str, text: str, needle: str, label: str, occurrence: int = 0) -> Mention:
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(needle, start + 1)
    s0 = text.rfind("\n", 0, start) + 1
    s1 = text.find("\n", start)
    return Mention(doc, start, start + len(needle), needle, label, s0, len(text) if s1 < 0 else s1)


def _ev(doc: str, text: str, needle: str, rule: str = "test-rule", conf: float = 0.8) -> Evidence:
    m = _m(doc, text, needle, "X")
    return Evidence(doc, m.sentence_start, m.sentence_end, rule, conf)


def realistic_model() -> GraphModel:
    a, b = "itv-news", "rferl"
    docs = (
        Document(a, TEXT_A, title="Stampede at funeral", published=date(2020, 1, 7), url="https://itv.com/x?a=1&b=2",
                 source="ITV News"),
        Document(b, TEXT_B, title=None, published=date(2020, 1, 7), source="RFE/RL"),
    )
    ents = (
        Entity("org:irgc", "Organization", "Islamic Revolutionary Guards Corps", ("Revolutionary Guard",),
               (_m(a, TEXT_A, "Revolutionary Guard", "ORG"),),
               merges=(MergeStep("Revolutionary Guard", a, "acronym", 0.9),)),
        Entity("person:salami", "Person", "Hossein Salami", ("Salami",),
               (_m(a, TEXT_A, "Hossein Salami", "PERSON"), _m(a, TEXT_A, "Salami", "PERSON", 1)), titles=("chief",)),
        Entity("person:soleimani", "Person", "Qassem Soleimani", ("Qasem Soleimani",),
               (_m(a, TEXT_A, "Qassem Soleimani", "PERSON"), _m(b, TEXT_B, "Qasem Soleimani", "PERSON")),
               titles=("General",),
               merges=(MergeStep("Qasem Soleimani", b, "transliteration", 0.93),)),
        Entity("person:pompeo", "Person", "Mike Pompeo", (), (_m(b, TEXT_B, "Mike Pompeo", "PERSON"),),
               titles=("Secretary of State",)),
        Entity("place:kerman", "Place", "Kerman", (), (_m(a, TEXT_A, "Kerman", "GPE"),),
               same_as=("https://sws.geonames.org/128234/",), lat=30.28321, long=57.07879),
        Entity("place:baghdad", "Place", "Baghdad", (), (_m(b, TEXT_B, "Baghdad", "GPE"),), lat=33.34058, long=44.40088),
        Entity("place:iran", "Place", "Iran", (), (_m(a, TEXT_A, "Iran", "GPE"),)),
        Entity("place:us", "Place", "US", (), (_m(b, TEXT_B, "US", "GPE"),)),
    )
    stampede = Event(
        "event:stampede", "Event", "stampede", (_m(a, TEXT_A, "stampede", "EVENT"),), places=("place:kerman",),
        times=(TimeValue("on Tuesday", "2020-01-07", "date", doc_id=a, start=TEXT_A.index("on Tuesday"),
                         stop=TEXT_A.index("on Tuesday") + 10),),
        participants=(Participant("victim", "person:soleimani"),),
        counts=(Count("dead", 56, "at least", (_ev(a, TEXT_A, "56"),)),),
        evidence=(_ev(a, TEXT_A, "stampede", "trigger", 0.7),),
    )
    killing = Event(
        "event:killing", "Event", "killed", (_m(b, TEXT_B, "killed", "EVENT"),), places=("place:baghdad",),
        times=(TimeValue("on Friday", "2020-01-03", "date", doc_id=b),
               TimeValue("that weekend", "2020-01-04", "date", end="2020-01-05"),
               TimeValue("sometime", None, "gYear")),
        participants=(Participant("patient", "person:soleimani"), Participant("agent", "place:us")),
        evidence=(_ev(b, TEXT_B, "killed"),),
        merges=(MergeStep("killed", b, "same-type", 1.0),),
    )
    return GraphModel(
        documents=docs, entities=ents,
        relations=(Relation("person:salami", "headOf", "org:irgc", (_ev(a, TEXT_A, "Salami"),)),
                   Relation("place:kerman", "containedInPlace", "place:iran", ()),
                   Relation("person:pompeo", "nationality", "place:us", (_ev(b, TEXT_B, "Pompeo", conf=1.0),))),
        memberships=(Membership("person:salami", "org:irgc", "chief", (_ev(a, TEXT_A, "chief"),)),),
        events=(stampede, killing),
        event_links=(EventLink("event:killing", "causes", "event:stampede", ()),),
        quotes=(Quote("q1", "person:salami", "We will take revenge,", a, TEXT_A.index("We"),
                      TEXT_A.index("We") + len("We will take revenge,"), (_ev(a, TEXT_A, "revenge", "quote", 0.9),)),
                Quote("q2", None, "was killed", b, TEXT_B.index("was killed"), TEXT_B.index("was killed") + 10)),
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
