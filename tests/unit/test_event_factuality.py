"""Event factuality: read from the parse (negation, modal and conditional heads, plans and
the future, reporting), stated in the RDF, read back, shown by `explain`, and honoured by
the example queries (only asserted and reported events count as happened). Sentences of
our own."""
from __future__ import annotations

from dataclasses import replace

import pytest

from graphbuild.model import FACTUALITY, HAPPENED, strongest_factuality


@pytest.mark.parametrize("text, word, expected", [
    ("Gunmen killed the mayor of Springfield on Monday.", "killed", "asserted"),
    ("Police said he was arrested in Denver on Friday.", "arrested", "reported"),
    ("According to officials, the suspect was arrested in Denver.", "arrested", "reported"),
    ("The alleged attack took place in Lyon on Monday.", "attack", "reported"),
    ("He did not attend the funeral in Lyon.", "attend", "negated"),
    ("She denied killing her neighbour.", "killing", "negated"),
    ("The senator refused to resign.", "resign", "negated"),
    ("There was no agreement between the two companies.", "agreement", "negated"),
    ("It is illegal to assassinate a foreign leader.", "assassinate", "hypothetical"),
    ("The storm could delay the launch.", "delay", "hypothetical"),
    ("The union threatened to strike.", "strike", "hypothetical"),
    ("If the talks fail, the nurses will strike.", "strike", "hypothetical"),
    ("A possible merger was discussed.", "merger", "hypothetical"),
    ("The two presidents will meet in Oslo next week.", "meet", "future"),
    ("Acme plans to acquire Beta Corp.", "acquire", "future"),
    ("The minister is expected to resign.", "resign", "future"),
    ("The government will hold an election in May.", "election", "future"),
    ("The upcoming election will be close.", "election", "future"),
    ("No one was injured in the blaze.", "injured", "negated"),
    ("Nobody was killed when the bridge collapsed.", "killed", "negated"),
    ("None of the miners were hurt.", "hurt", "negated"),
    ("No passengers were hurt, the airline said.", "hurt", "negated"),
    ("One miner was hurt.", "hurt", "asserted"),
    ("A federal judge blocked the merger of the two grocers.", "merger", "negated"),
])
def test_factuality_from_the_parse(nlp, text, word, expected):
    from graphbuild.extract.event_factuality import factuality

    doc = nlp(text)
    trigger = next(t for t in doc if t.text == word)
    assert factuality(trigger) == expected


def test_a_subject_is_not_qualified_by_its_verb(nlp):
    from graphbuild.extract.event_factuality import factuality

    doc = nlp("The strike could delay the release.")
    assert factuality(doc[1]) == "asserted"  # the strike happened; the delay is what "could" be


def test_strongest_reading_wins():
    assert strongest_factuality(["negated", "reported"]) == "reported"
    assert strongest_factuality(["future", "asserted"]) == "asserted"
    assert strongest_factuality([]) == "asserted"
    assert HAPPENED == {"asserted", "reported"}


def test_every_value_is_declared_in_the_ontology():
    from rdflib.namespace import RDF, RDFS

    from graphbuild.rdf.events import factuality_term
    from graphbuild.vocab import GB, ontology_graph

    g = ontology_graph()
    declared = {str(g.value(i, RDFS.label)): i for i in g.subjects(RDF.type, GB.Factuality)}
    assert set(declared) == set(FACTUALITY)
    for value in FACTUALITY:
        assert str(factuality_term(value)) == str(declared[value])
        happened = g.value(declared[value], GB.countsAsHappened)
        assert happened.toPython() is (value in HAPPENED)


def test_events_stage_carries_factuality(nlp):
    from datetime import date

    from graphbuild.analyze import analyze
    from graphbuild.model import Document
    from graphbuild.nlp import parse

    text = ("Police arrested John Smith in Denver on Monday. "
            "Mary Jones will meet the governor in Boston on Friday. "
            "Peter Brown did not attend the ceremony in Chicago.")
    model = analyze(parse(nlp, Document(id="t", text=text, published=date(2021, 3, 2))))
    by_kind = {e.kind: e.factuality for e in model.events}
    assert by_kind["Arrest"] == "asserted"
    assert by_kind["Meeting"] == "future"
    assert by_kind["Ceremony"] == "negated"


def test_a_stated_day_after_publication_is_future(nlp):
    from datetime import date

    from graphbuild.analyze import analyze
    from graphbuild.model import Document
    from graphbuild.nlp import parse

    text = "The summit in Geneva is on March 20, 2021."
    after = analyze(parse(nlp, Document(id="t", text=text, published=date(2021, 3, 2))))
    before = analyze(parse(nlp, Document(id="t", text=text, published=date(2021, 4, 2))))
    assert [e.factuality for e in after.events] == ["future"]
    assert [e.factuality for e in before.events] == ["asserted"]


def _with_factualities():
    from tests.helpers.models import realistic_model

    model = realistic_model()
    first, second = model.events[:2]
    return replace(model, events=(replace(first, factuality="negated"), second) + model.events[2:])


def test_rdf_states_and_reads_back_factuality(tmp_path):
    from graphbuild.rdf.build import to_dataset
    from graphbuild.rdf.read import read_model
    from graphbuild.vocab import GB
    from tests.helpers.models import BASE

    model = _with_factualities()
    ds = to_dataset(model, BASE)
    values = {str(o) for _, _, o, _ in ds.quads((None, GB.factuality, None, None))}
    assert values == {str(GB.Negated), str(GB.Asserted)}
    path = tmp_path / "graph.trig"
    path.write_text(ds.serialize(format="trig"), encoding="utf-8")
    back = {v.label: v.factuality for v in read_model(path).events}
    assert back == {v.label: v.factuality for v in model.events}


def test_example_queries_count_only_what_happened(tmp_path):
    import pyoxigraph as ox

    from graphbuild.rdf.build import to_dataset
    from graphbuild.store import examples
    from graphbuild.vocab import prefixes
    from tests.helpers.models import BASE

    model = _with_factualities()
    negated = model.events[0]
    store = ox.Store()
    store.load(to_dataset(model, BASE).serialize(format="trig").encode(), ox.RdfFormat.TRIG)
    head = "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in prefixes().items())
    rows = list(store.query(head + examples.text("events"), use_default_graph_as_union=True))
    labels = {r["event"].value for r in rows}
    assert negated.label not in labels and labels  # the negated event is not listed; the others are


def test_explain_says_whether_an_event_happened():
    from graphbuild.resolve.explain import explain, explain_nodes

    model = _with_factualities()
    negated = model.events[0]
    found = [e for e in explain_nodes(model, negated.label) if e.node_id == negated.id]
    assert found and found[0].factuality == "negated" and found[0].happened is False
    assert any("factuality: negated (not stated as having happened)" in line for line in explain(model, negated.label))
