"""containedInPlace and homeLocation: `places.find_places` alone, over hand-built entities."""
from __future__ import annotations

from graphbuild.extract.places import find_places
from tests.helpers.extract import relation_facts, view_of


def places_of(nlp, text: str) -> set[tuple[str, str, str]]:
    view = view_of(nlp, text)
    return relation_facts(view, find_places(view))


def test_city_comma_country(nlp):
    f = places_of(nlp, "People paid tribute to General Qassem Soleimani in his hometown of Kerman, Iran.")
    assert ("Kerman", "containedInPlace", "Iran") in f
    assert ("Qassem Soleimani", "homeLocation", "Kerman") in f


def test_list_of_countries_is_no_containment(nlp):
    assert not places_of(nlp, "Troops left Iran, Iraq, and Syria.")


def test_possessive_capital(nlp):
    assert ("Damascus", "containedInPlace", "Syria") in places_of(nlp, "They met in Syria's capital, Damascus, on Monday.")


def test_the_capital_uses_country_data(nlp):
    f = places_of(nlp, "Crowds in Iran filled the streets of the capital, Tehran, to mourn.")
    assert ("Tehran", "containedInPlace", "Iran") in f


def test_the_capital_without_the_country_in_the_text(nlp):
    assert not places_of(nlp, "Crowds filled the streets of the capital, Tehran, to mourn.")


def test_building_in_city(nlp):
    assert ("the Azadi Tower", "containedInPlace", "Tehran") in places_of(nlp, "Crowds gathered at the Azadi Tower in Tehran.")


def test_organization_in_city_is_no_containment(nlp):
    assert not places_of(nlp, "He is head of the Seafarers Assistance Program in Mombasa.")


def test_headline_pair_is_no_containment(nlp):
    assert not places_of(nlp, "Soleimani Mourned As Tehran, Washington Trade Threats")


def test_dateline_city_in_state(nlp):
    f = places_of(nlp, "SAN JOSE, California (AP) — Apple said on Monday it would build a plant.")
    assert ("SAN JOSE", "containedInPlace", "California") in f


def test_ap_state_abbreviation_is_a_region(nlp):
    assert ("Altoona", "containedInPlace", "Pa.") in places_of(nlp, "He was detained in Altoona, Pa., on Monday.")


def test_building_comma_city(nlp):
    assert ("Harlow Arena", "containedInPlace", "London") in places_of(nlp, "Fans met at Harlow Arena, London.")
