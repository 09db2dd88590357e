"""Containment read through unit nouns and clause ends (`place_phrases.place_chain`,
`places._comma_pairs`, through `relations_stage`; hand-built entities)."""
from __future__ import annotations

import pytest

from tests.unit.test_place_phrases import contained


def test_chain_goes_on_after_a_unit_noun(nlp):
    f = contained(nlp, "Velmora is a town in the province of Ardesco in the Tarvine region of northern Italy.")
    assert ("Ardesco", "Tarvine") in f
    assert ("Tarvine", "Italy") in f


def test_city_state_pair_before_a_clause_joined_by_and(nlp):
    f = contained(nlp, "The chain has one shop in Sacramento, California, and another one abroad.")
    assert ("Sacramento", "California") in f


@pytest.mark.parametrize("text", [
    "The tour visited Portugal, Spain, and France.",
    "The firm has plants in Leeds, Bradford, Halifax and Wakefield.",
    "The company has offices in Leeds, Bradford and Hull.",  # a comma pair, then a list
    # names the model left untagged (or tagged as no place) still make a list
    "Its offices are in Harrogate, Leeds, Ripon, Selby and York.",
    "The company has depots in Leeds, Bradford, Halifax, Dewsbury and Wakefield.",
    "Crews were sent to Ostrava, Brno, Zlin, Kolin, and Pilsen.",
])
def test_a_list_of_places_is_no_containment(nlp, text):
    assert not contained(nlp, text)


@pytest.mark.parametrize("text, pair", [
    ("Flooding hit Kahului, Maui County, Hawaii, and nearby towns.", ("Maui County", "Hawaii")),
    ("The town lies in Lowell County, Nebraska and has a school.", ("Lowell County", "Nebraska")),
])
def test_a_chain_before_and_a_lowercase_word_is_no_list(nlp, text, pair):
    assert pair in contained(nlp, text)
