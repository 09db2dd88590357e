"""Unnamed participants of events ("a gunman", "police", "the victims") are gb:UnnamedActor
nodes: grouped by head noun and number within an article, joined across articles only
through a shared event. Sentences of our own, real spaCy model."""
from __future__ import annotations

import pytest

from graphbuild.model import Document
from graphbuild.vocab import SCHEMA, SEM, UNNAMED_ACTOR, entity_classes


@pytest.fixture(scope="module")
def analyzed(nlp):
    from graphbuild.analyze import analyze
    from graphbuild.nlp import parse

    return lambda text, doc_id="t": analyze(parse(nlp, Document(id=doc_id, text=text)))


def _unnamed(model) -> dict[str, list[str]]:
    return {e.label: [m.text for m in e.mentions] for e in model.entities if e.kind == UNNAMED_ACTOR}


def _roles(model) -> set[tuple[str, str]]:
    labels = {e.id: e.label for e in model.entities}
    return {(p.role, labels[p.entity]) for v in model.events for p in v.participants}


def test_the_class_is_an_actor_but_no_person_or_organization():
    classes = set(entity_classes(UNNAMED_ACTOR))
    assert SEM.Actor in classes
    assert not classes & {SCHEMA.Person, SCHEMA.Organization, SCHEMA.Place}


def test_a_gunman_and_the_gunman_are_one_node_with_both_roles(analyzed):
    model = analyzed("A gunman shot two employees at an office in Troy on Friday. "
                     "Police arrested the gunman hours later.")
    found = _unnamed(model)
    assert found["gunman"] == ["gunman", "gunman"]
    assert {("agent", "gunman"), ("victim", "employees"), ("patient", "gunman"), ("agent", "police")} <= _roles(model)


def test_singular_and_plural_heads_are_different_groups(analyzed):
    found = _unnamed(analyzed("Two men robbed a bank in Leeds on Monday. Police arrested a man on Tuesday."))
    assert "men" in found and "man" in found


def test_an_argument_whose_phrase_names_someone_is_that_person(analyzed):
    model = analyzed("Police arrested the opposition leader Ann Varga in Leeds on Monday.")
    assert "leader" not in _unnamed(model)
    assert ("patient", "Ann Varga") in _roles(model)


def test_things_are_no_actors(analyzed):
    assert not _unnamed(analyzed("A storm damaged the car and the house in Leeds on Monday."))


def test_a_noun_modifier_is_no_actor(analyzed):
    assert "police" not in _unnamed(analyzed("A gunman shot a police car in Leeds on Monday."))


def test_across_articles_only_a_shared_event_joins_them(analyzed):
    from graphbuild.resolve.cross_doc import merge_documents

    a = analyzed("A gunman shot two employees at an office in Troy on 5 May 2023.", "a")
    b = analyzed("A gunman shot two employees in Troy on 5 May 2023, police said.", "b")
    c = analyzed("A gunman robbed a bank in Leeds on 9 June 2023.", "c")
    merged = merge_documents([a, b, c])
    gunmen = sorted(sorted(m.doc_id for m in e.mentions) for e in merged.entities
                    if e.kind == UNNAMED_ACTOR and e.label == "gunman")
    assert gunmen == [["a", "b"], ["c"]]


def test_a_place_before_the_noun_only_says_where_they_are_from(analyzed):
    model = analyzed("A Michigan man shot two employees in Troy on Friday. The man's car was found later.")
    assert _unnamed(model)["man"] == ["man", "man"]
    assert ("agent", "man") in _roles(model)


def test_another_indefinite_mention_is_not_the_same_one(analyzed):
    found = _unnamed(analyzed("A man shot a woman in Leeds on Monday. Another man was injured."))
    assert found["man"] == ["man"]


def test_the_rdf_types_them_as_actors_and_conforms(analyzed):
    from graphbuild.rdf.build import to_dataset
    from graphbuild.rdf.validate import validate
    from graphbuild.resolve.cross_doc import merge_documents
    from graphbuild.vocab import GB, RDF
    from tests.helpers.models import BASE

    model = merge_documents([analyzed("A gunman shot two employees at an office in Troy on Friday.")])
    ds = to_dataset(model, BASE)
    typed = {s for s, _, _, _ in ds.quads((None, RDF.type, GB.UnnamedActor, None))}
    assert len(typed) == 2
    def types(node) -> set:
        return {o for _, _, o, _ in ds.quads((node, RDF.type, None, None))}

    assert all(SEM.Actor in types(s) and SCHEMA.Person not in types(s) for s in typed)
    assert validate(ds).conforms
