"""Containment from the form of two place names of one document (`geo_names`, through
`geo.link_places`), over hand-built models with invented names."""
from __future__ import annotations

from tests.unit.test_geo_containment import contained, place


def test_a_town_in_the_unit_named_after_it():
    # "Varnow is the seat of Varnow Province; the Province of Kelt lies to the north of Kelt."
    f = contained([place("a", "Varnow"), place("b", "Varnow Province", at=20), place("c", "Kelt", at=40),
                   place("d", "Province of Kelt", at=60)])
    assert "name-unit" in f[("Varnow", "Varnow Province")]
    assert "name-unit" in f[("Kelt", "Province of Kelt")]
    assert ("Varnow Province", "Varnow") not in f


def test_a_facility_named_after_its_place():
    # "Flights from Varnow International Airport and trains from Varnow Central Station ..."
    f = contained([place("a", "Varnow"), place("b", "Varnow International Airport", at=20),
                   place("c", "Varnow Central Station", at=40), place("d", "Varnow River", at=60)])
    assert "name-facility" in f[("Varnow International Airport", "Varnow")]
    assert ("Varnow Central Station", "Varnow") in f
    assert ("Varnow River", "Varnow") not in f  # a river crosses borders: no facility


def test_no_unit_contains_a_country_or_its_namesake():
    # "Luxembourg Province" (Belgium) holds no part of the country Luxembourg.
    f = contained([place("a", "Luxembourg"), place("b", "Luxembourg Province", at=20),
                   place("c", "Belgium", at=40)])
    assert ("Luxembourg", "Luxembourg Province") not in f


def test_names_in_different_documents_say_nothing():
    f = contained([place("a", "Varnow"), place("b", "Varnow Province", doc="d2", at=20)])
    assert ("Varnow", "Varnow Province") not in f
