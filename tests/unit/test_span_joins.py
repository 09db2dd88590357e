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
