"""extract.span_joins: names joined over a surname particle, organizations found by the
noun in apposition to them (sentences written for these tests, invented names)."""
from __future__ import annotations

import pytest

from graphbuild.analyze import analyze
from graphbuild.extract.mentions import find_mentions
from graphbuild.model import Document
from graphbuild.nlp import parse
from tests.unit.test_mentions_helpers import parsed_with


def test_a_name_the_model_ended_on_a_particle_runs_on_to_the_surname(nlp):
    text = "Council chair Greta von der Hollen thanked the delegates."
    p = parsed_with(nlp, text, [("Greta von der", "PERSON"), ("Hollen", "GPE")])
    found = {m.text: m.label for m in find_mentions(p)}
    assert found == {"Greta von der Hollen": "PERSON"}


def test_a_particle_inside_a_name_is_left_alone(nlp):
    text = "Marco van Basten-Ruiz met Ana de Souza in Porto."
    p = parsed_with(nlp, text, [("Marco van Basten-Ruiz", "PERSON"), ("Ana de Souza", "PERSON"), ("Porto", "GPE")])
    assert {m.text for m in find_mentions(p)} == {"Marco van Basten-Ruiz", "Ana de Souza", "Porto"}


@pytest.mark.parametrize("text, name", [
    ("The lawsuit was filed by the rights group Open Reach, whose director spoke to reporters.", "Open Reach"),
    ("Its rival, the software firm Quill Harbor, declined to comment.", "Quill Harbor"),
])
def test_a_proper_name_in_apposition_to_an_organization_noun_is_an_organization(nlp, text, name):
    kinds = {e.label: e.kind for e in analyze(parse(nlp, Document("x", text))).entities}
    assert kinds.get(name) == "Organization"


def test_a_persons_name_beside_a_noun_of_people_is_no_organization(nlp):
    kinds = {e.label: e.kind for e in analyze(parse(nlp, Document("x", "Her lawyer, Tomas Ruhl, said the appeal "
                                                                     "would be filed on Monday."))).entities}
    assert kinds.get("Tomas Ruhl") == "Person"


def _kinds(nlp, text: str) -> dict[str, str]:
    return {e.label: e.kind for e in analyze(parse(nlp, Document("x", text))).entities}


@pytest.mark.parametrize("text, name", [
    ("Hackers hit Danish shipping firm Halvorsen Line on Monday.", "Halvorsen Line"),
    ("Halvorsen Line, one of Norway's largest shipping companies, said its systems were down.", "Halvorsen Line"),
    ("He joined from Austrian club Sturm Kalden on a four-year contract.", "Sturm Kalden"),
])
def test_a_name_a_noun_says_is_an_organization_is_one(nlp, text, name):
    assert _kinds(nlp, text).get(name) == "Organization"


def test_the_title_of_a_work_is_no_entity(nlp):
    kinds = _kinds(nlp, "Her last album, Southern Rivers, topped the charts in Sweden.")
    assert "Southern Rivers" not in kinds and kinds.get("Sweden") == "Place"


@pytest.mark.parametrize("name", ["Premier League", "Major League Baseball"])
def test_an_organization_opening_with_a_title_word_keeps_it(nlp, name):
    assert _kinds(nlp, f"The {name} said on Friday that the season would start in August.").get(name) == "Organization"


def test_a_clubs_first_word_tagged_a_place_is_the_club(nlp):
    kinds = _kinds(nlp, "Osei joined from Austrian club Sturm Kalden. He scored nine goals for Sturm last season.")
    assert kinds.get("Sturm Kalden") == "Organization" and "Sturm" not in kinds


@pytest.mark.parametrize("text, person", [
    ("A spokesman for the company, Tom Reedley, said the plant would reopen.", "Tom Reedley"),
    ('"We need more nurses," said union President Ana Rulova.', "Ana Rulova"),
])
def test_a_person_beside_an_organization_noun_stays_a_person(nlp, text, person):
    kinds = _kinds(nlp, text)
    assert kinds.get(person) == "Person" and "President" not in kinds

