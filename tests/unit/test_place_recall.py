"""Containment and home read from more phrasings (`place_phrases`, `places`,
`origin_phrases` through `relations_stage`, hand-built entities), and the kind cues of
births and of "X, Region" (`birth_cues`, `place_cues.comma_region_cues`). Invented names."""
from __future__ import annotations

from tests.helpers.extract import stage_facts
from tests.unit.test_place_cues import _kinds
from tests.unit.test_place_phrases import contained


def test_a_chain_after_at_is_read(nlp):
    f = contained(nlp, "Brida Hollen was born at Brandon in Manitoba and grew up in Varnes.")
    assert ("Brandon", "Manitoba") in f


def test_a_part_of_a_province_is_in_the_province(nlp):
    f = contained(nlp, "Castelmoro is a town in the far western part of the Province of Velatri in the Marenza "
                       "region of central Italy.")
    assert ("the Province of Velatri", "Marenza") in f
    assert ("the Province of Velatri", "Italy") in f


def test_and_before_a_verb_ends_the_clause_not_a_list(nlp):
    f = contained(nlp, "Dale Forsyth is a singer from Brandon, Manitoba and went to school in Toronto.")
    assert ("Brandon", "Manitoba") in f


def test_a_town_comma_a_county(nlp):
    f = contained(nlp, "In 1850 he moved to Brandon, Marlow County and opened a store.")
    assert ("Brandon", "Marlow County") in f


def test_a_building_in_a_city_without_article(nlp):
    f = contained(nlp, "The band played two nights at Kelver Arena in London last May.")
    assert ("Kelver Arena", "London") in f


def test_a_person_from_a_town_lives_there(nlp):
    f = stage_facts(nlp, "Orla Venn is a folk singer from Tarnow, Poland.")
    assert ("Orla Venn", "homeLocation", "Tarnow") in f


def test_a_person_from_a_country_has_no_home_edge(nlp):
    f = stage_facts(nlp, "Orla Venn is a folk singer from Poland.")
    assert not any(p == "homeLocation" for _, p, _ in f)


def test_who_is_born_is_a_person(nlp):
    kinds = _kinds(nlp, "Tamsin Orrery (born 3 May 1960 in Corvale) is a painter.",
                   [("Tamsin Orrery", "ORG"), ("Corvale", "GPE")])
    assert kinds["Tamsin Orrery"] == "Person"


def test_where_one_is_born_is_a_place(nlp):
    kinds = _kinds(nlp, "Edda Pell was born in Hobraken in 1931.", [("Edda Pell", "PERSON"), ("Hobraken", "ORG")])
    assert kinds["Hobraken"] == "Place"


def test_a_name_comma_a_county_is_a_place(nlp):
    kinds = _kinds(nlp, "He moved to Ashcombe, Marlow County in 1850.", [("Ashcombe", "ORG"), ("Marlow County", "GPE")])
    assert kinds["Ashcombe"] == "Place"


def test_a_person_comma_a_state_stays_a_person(nlp):
    kinds = _kinds(nlp, "The letter came from Jane Roebuck, Ohio, last week.",
                   [("Jane Roebuck", "PERSON"), ("Ohio", "GPE")])
    assert kinds["Jane Roebuck"] == "Person"


def test_place_words_in_a_name_vote_place():
    from graphbuild.lexicon.name_forms import name_votes

    assert name_votes("Orvik Glacier")["Place"] > 0
    assert name_votes("Lake Tavro")["Place"] > 0
    assert name_votes("Mount Ostrel")["Place"] > 0
    assert not name_votes("Mount Ostrel Hospital")["Place"]  # a hospital's name: an organization
    assert name_votes("Mount Ostrel Hospital")["Organization"] > 0


def test_an_institute_comma_a_city_stays_an_organization(nlp):
    kinds = _kinds(nlp, "She was a fellow of the Orvane Institute, Berlin, in 2008.",
                   [("Orvane Institute", "ORG"), ("Berlin", "GPE")])
    assert kinds["Orvane Institute"] == "Organization"


def test_a_name_before_a_country_that_opens_a_clause_stays_unplaced(nlp):
    kinds = _kinds(nlp, "Inspired by the brilliant Darvin Opalka, India claimed three early wickets.",
                   [("Darvin Opalka", "FAC"), ("India", "GPE")])
    assert kinds["Darvin Opalka"] != "Place"
