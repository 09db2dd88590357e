"""Place descriptions as kind evidence (`extract.place_cues` through `find_kind_cues`):
what the text calls a town or a street is a place, whatever the model tagged."""
from __future__ import annotations

from graphbuild.extract.kind_cues import find_kind_cues
from graphbuild.extract.mentions import find_mentions
from graphbuild.resolve.within_doc import resolve_entities
from tests.unit.test_entity_evidence import _parsed


def _kinds(nlp, text, ents):
    p = _parsed(nlp, text, ents)
    mentions = find_mentions(p)
    return {e.label: e.kind for e in resolve_entities(p, mentions, tuple(find_kind_cues(p, mentions)))}


def test_a_town_tagged_org_is_a_place(nlp):
    kinds = _kinds(nlp, "Brackwell is a small market town in Dorvale County.",
                   [("Brackwell", "ORG"), ("Dorvale County", "GPE")])
    assert kinds["Brackwell"] == "Place"


def test_a_street_named_after_a_person_is_a_place(nlp):
    kinds = _kinds(nlp, "Harold Mebbin Drive is a road in the north of Castlemoor.",
                   [("Harold Mebbin Drive", "PERSON"), ("Castlemoor", "GPE")])
    assert kinds["Harold Mebbin Drive"] == "Place"


def test_an_appositive_river_is_a_place(nlp):
    kinds = _kinds(nlp, "They sailed up the Oskeny, a river of the northern plains, in 1820.",
                   [("Oskeny", "PERSON")])
    assert kinds["Oskeny"] == "Place"


def test_a_city_councillor_stays_a_person(nlp):
    kinds = _kinds(nlp, "Jane Roebuck is a city councillor in Castlemoor.",
                   [("Jane Roebuck", "PERSON"), ("Castlemoor", "GPE")])
    assert kinds["Jane Roebuck"] == "Person"


def test_a_name_before_a_place_noun_is_a_place(nlp):
    kinds = _kinds(nlp, "The farm lies in the Varnesse region of the north.", [("Varnesse", "PERSON")])
    assert kinds["Varnesse"] == "Place"


def test_a_town_is_no_surname_of_the_person_named_after_it(nlp):
    text = "Varnow is a town in Lower Prussia. The poet Albert von Varnow was born in the town."
    kinds = _kinds(nlp, text, [("Varnow", "PERSON"), ("Lower Prussia", "GPE"), ("Albert von Varnow", "PERSON")])
    assert kinds["Varnow"] == "Place" and kinds["Albert von Varnow"] == "Person"


def test_a_town_comma_its_province_comma_its_country_is_a_place(nlp):
    text = "The Brisco Freeway runs through Tallenby, Alberta, Canada, past two lakes."
    kinds = _kinds(nlp, text, [("Tallenby", "ORG"), ("Alberta", "GPE"), ("Canada", "GPE")])
    assert kinds["Tallenby"] == "Place"


def test_a_list_of_towns_ending_in_a_country_is_no_chain(nlp):
    text = "The tour visited Marla Quint, Alberta, Canada and Mexico."
    kinds = _kinds(nlp, text, [("Marla Quint", "PERSON"), ("Alberta", "GPE"), ("Canada", "GPE"), ("Mexico", "GPE")])
    assert kinds["Marla Quint"] == "Person"
