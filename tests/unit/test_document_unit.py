"""A document's one first-level unit of a country as the container of its other places
(`document_unit`, through `geo.link_places`), over hand-built models."""
from __future__ import annotations

from tests.unit.test_geo_containment import contained, place


def test_places_of_a_lead_in_its_one_province():
    # "Varnow is a hamlet in Alberta, Canada. ... the Kessel Creek flows past Varnow."
    f = contained([place("a", "Varnow"), place("b", "Alberta", at=20), place("c", "Canada", at=40),
                   place("d", "Kessel Creek", at=60)])
    assert "document-unit" in f[("Kessel Creek", "Alberta")]
    assert ("Canada", "Alberta") not in f  # a country is no part of its unit


def test_no_document_unit_with_two_units_or_a_foreign_city():
    two = contained([place("a", "Varnow"), place("b", "Alberta", at=20), place("c", "Ontario", at=40)])
    assert ("Varnow", "Alberta") not in two and ("Varnow", "Ontario") not in two
    # GeoNames knows Marseille in France only: no place of Alberta.
    far = contained([place("a", "Marseille"), place("b", "Alberta", at=20), place("c", "Canada", at=40)])
    assert ("Marseille", "Alberta") not in far


def test_a_city_state_holds_no_other_city():
    # Berlin is a German Land and the capital: Munich, a city, lies not in it; a park may.
    f = contained([place("a", "Munich"), place("b", "Berlin", at=20), place("c", "Germany", at=40),
                   place("d", "Varnow Park", at=60)])
    assert ("Munich", "Berlin") not in f
    assert "document-unit" in f[("Varnow Park", "Berlin")]
