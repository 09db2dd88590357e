"""A place is no one's victim or patient: "killed a Kansas farmer" names no victim Kansas,
"arrested a California woman" no arrested California; an opponent or a destination may be
a place ("beat India"). Sentences of our own, real spaCy model."""
from __future__ import annotations

import pytest

from graphbuild.model import Document


@pytest.fixture(scope="module")
def roles_of(nlp):
    from graphbuild.analyze import analyze
    from graphbuild.nlp import parse

    def run(text: str, trigger: str) -> set[tuple[str, str, str]]:
        model = analyze(parse(nlp, Document(id="t", text=text)))
        entities = {e.id: e for e in model.entities}
        return {(p.role, entities[p.entity].label, entities[p.entity].kind)
                for v in model.events if trigger in v.label for p in v.participants}

    return run


def test_a_place_modifying_the_victim_is_no_victim(roles_of):
    assert not {r for r in roles_of("A tornado killed a Kansas farmer on Monday.", "killed") if r[2] == "Place"}


def test_a_place_modifying_the_arrested_is_not_arrested(roles_of):
    found = roles_of("Police in Texas arrested a California woman on Friday.", "arrested")
    assert not {r for r in found if r[0] in ("victim", "patient") and r[2] == "Place"}


def test_a_country_beaten_in_a_match_is_still_the_opponent(roles_of):
    found = roles_of("Australia beat India in Ahmedabad on Sunday.", "beat")
    assert ("patient", "India", "Place") in found


def test_the_holder_of_a_role_is_the_name_after_it_not_the_employer_before_it(roles_of):
    found = roles_of("Former Varnholt chairman Per Ekdahl, who founded the firm in 1991, welcomed the offer on Monday.",
                     "welcomed")
    assert ("agent", "Per Ekdahl", "Person") in found and not {r for r in found if "Varnholt" in r[1]}


def test_a_datelines_agency_takes_part_in_no_event(roles_of):
    text = "Strike ends at port\n\nSAO PAULO (AP) - Dockworkers agreed a new contract on Friday with the operators."
    assert not {r for r in roles_of(text, "agreed") if r[1] == "AP"}
