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


# -- directions and place-only head nouns --------------------------------------------

def test_a_name_a_direction_is_measured_from_is_a_place(nlp):
    kinds = _kinds(nlp, "The camp lies about 40 miles southwest of Dallow, past the old mill.",
                   [("Dallow", "ORG")])
    assert kinds["Dallow"] == "Place"


def test_a_direction_from_a_name_tagged_person_makes_it_a_place(nlp):
    kinds = _kinds(nlp, "The trail runs from south of Brennick to the lake.", [("Brennick", "PERSON")])
    assert kinds["Brennick"] == "Place"


def test_a_direction_in_a_name_or_of_an_amount_is_no_place_cue(nlp):
    kinds = _kinds(nlp, "Analysts at North of England Holdings said shares rose north of $40.",
                   [("North of England Holdings", "ORG")])
    assert kinds["North of England Holdings"] == "Organization"


def test_a_name_ending_in_a_place_only_noun_is_no_person(nlp):
    kinds = _kinds(nlp, "Climbers crossed Tarvik Glacier and reached Wendell Ames Drive at dusk.",
                   [("Tarvik Glacier", "PERSON"), ("Wendell Ames Drive", "PERSON")])
    assert kinds["Tarvik Glacier"] == "Place" and kinds["Wendell Ames Drive"] == "Place"


def test_surnames_that_are_place_words_stay_persons(nlp):
    kinds = _kinds(nlp, "Ricki Lake and Damon Hill met Bruce Arena in the studio.",
                   [("Ricki Lake", "PERSON"), ("Damon Hill", "PERSON"), ("Bruce Arena", "PERSON")])
    assert kinds == {"Ricki Lake": "Person", "Damon Hill": "Person", "Bruce Arena": "Person"}


def test_the_head_of_a_lake_is_a_place_not_an_organization(nlp):
    kinds = _kinds(nlp, "The river flows a short distance to the head of Lake Orvenna.", [("Lake Orvenna", "GPE")])
    assert kinds["Lake Orvenna"] == "Place"


# -- a name before an organization's noun (`extract.descriptor_cues`) -----------------

def test_a_name_before_an_organization_noun_is_an_organization(nlp):
    kinds = _kinds(nlp, "She ran for the centrist Varnello party and won.", [("Varnello", "PERSON")])
    assert kinds["Varnello"] == "Organization"


def test_a_place_or_a_full_personal_name_before_such_a_noun_stays_what_it_is(nlp):
    kinds = _kinds(nlp, "The Texas company hired Tom Varley of the Tom Varley group.",
                   [("Texas", "GPE"), ("Tom Varley", "PERSON")])
    assert kinds["Texas"] == "Place" and kinds["Tom Varley"] == "Person"
