"""read_model is the inverse of to_dataset: written graph → model → the same triples."""
from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from graphbuild.errors import InputError
from graphbuild.model import (
    Document,
    Entity,
    Evidence,
    GraphModel,
    Mention,
    MergeStep,
    Relation,
)
from graphbuild.rdf.build import to_dataset
from graphbuild.rdf.read import read_model
from graphbuild.rdf.serialize import to_quads, write_outputs
from tests.helpers.models import BASE, hostile_model, realistic_model


def triples(model: GraphModel) -> set:
    return {q.triple for q in to_quads(to_dataset(model, BASE))}


def quads(model: GraphModel) -> set:
    return set(to_quads(to_dataset(model, BASE)))


@pytest.mark.parametrize("fmt", ["trig", "ttl", "nt", "jsonld"])
def test_round_trip_realistic(tmp_path, fmt):
    model = realistic_model()
    path = write_outputs(to_dataset(model, BASE), tmp_path, [fmt])[fmt]
    back = read_model(path)
    assert quads(back) == quads(model)
    assert {e.id for e in back.entities} == {e.id for e in model.entities}
    assert back.documents[0].text == model.documents[0].text


def test_round_trip_hostile(tmp_path):
    model = hostile_model()
    path = write_outputs(to_dataset(model, BASE), tmp_path, ["trig"])["trig"]
    assert quads(read_model(path)) == quads(model)


def test_not_a_graph_is_an_input_error(tmp_path):
    bad = tmp_path / "graph.trig"
    bad.write_text("this is not trig")
    with pytest.raises(InputError):
        read_model(bad)
    with pytest.raises(InputError):
        read_model(tmp_path / "graph.csv")


NAMES = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), min_size=1, max_size=12)


@st.composite
def models(draw):
    text = draw(st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), min_size=4, max_size=40))
    doc = Document(draw(NAMES), text, title=draw(st.none() | NAMES))
    ents = []
    for i in range(draw(st.integers(1, 3))):
        start = draw(st.integers(0, len(text) - 1))
        end = draw(st.integers(start + 1, len(text)))
        m = Mention(doc.id, start, end, text[start:end], "PERSON", 0, len(text))
        ents.append(Entity(f"{draw(NAMES)}#{i}", draw(st.sampled_from(["Person", "Organization", "Place"])),
                           draw(NAMES), tuple(draw(st.lists(NAMES, max_size=2))), (m,),
                           tuple(draw(st.lists(NAMES, max_size=2))),
                           lat=draw(st.none() | st.floats(-90, 90)),
                           merges=(MergeStep(draw(NAMES), doc.id, "exact", draw(st.floats(0, 1))),)))
    rels = ()
    if len(ents) > 1:
        conf = draw(st.floats(0, 1))
        rels = (Relation(ents[0].id, "worksFor", ents[1].id, (Evidence(doc.id, 0, len(text), "dep", conf),)),)
    return GraphModel(documents=(doc,), entities=tuple(ents), relations=rels)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(models())
def test_round_trip_property(tmp_path_factory, model):
    out = tmp_path_factory.mktemp("rt")
    path = write_outputs(to_dataset(model, BASE), out, ["trig"])["trig"]
    assert quads(read_model(path)) == quads(model)
