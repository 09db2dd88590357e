"""containedInPlace and homeLocation."""
from __future__ import annotations

from tests.unit.test_roles import facts, run


def test_city_comma_country(nlp):
    m = run(nlp, "People paid tribute to General Qassem Soleimani in his hometown of Kerman, Iran.")
    f = facts(m)
    assert ("Kerman", "containedInPlace", "Iran") in f
    assert ("Qassem Soleimani", "homeLocation", "Kerman") in f


def test_list_of_countries_is_no_containment(nlp):
    assert not facts(run(nlp, "Troops left Iran, Iraq, and Syria."))


def test_possessive_capital(nlp):
    assert ("Damascus", "containedInPlace", "Syria") in facts(run(nlp, "They met in Syria's capital, Damascus, on Monday."))


def test_the_capital_uses_country_data(nlp):
    m = run(nlp, "Crowds in Iran filled the streets of the capital, Tehran, to mourn.")
    assert ("Tehran", "containedInPlace", "Iran") in facts(m)


def test_the_capital_without_the_country_in_the_text(nlp):
    assert not facts(run(nlp, "Crowds filled the streets of the capital, Tehran, to mourn."))


def test_building_in_city(nlp):
    assert ("the Azadi Tower", "containedInPlace", "Tehran") in facts(run(nlp, "Crowds gathered at the Azadi Tower in Tehran."))


def test_organization_in_city_is_no_containment(nlp):
    assert not facts(run(nlp, "He is head of the Seafarers Assistance Program in Mombasa."))


def test_headline_pair_is_no_containment(nlp):
    assert not facts(run(nlp, "Soleimani Mourned As Tehran, Washington Trade Threats"))
