"""The one US state of a document as the container of its other places
(`resolve.document_state` through `geo.link_places`; hand-built models)."""
from __future__ import annotations

from tests.unit.test_geo_containment import contained, place


def test_a_document_naming_one_state_places_its_other_places_there():
    f = contained([place("a", "Wobegon Creek"), place("b", "Montana", at=20), place("c", "United States", at=40),
                   place("d", "Pacific Ocean", at=60), place("e", "Houston", at=80)])
    assert f[("Wobegon Creek", "Montana")] == {"document-state"}
    assert ("United States", "Montana") not in f  # a country
    assert ("Pacific Ocean", "Montana") not in f  # a sea
    assert ("Houston", "Montana") not in f  # GeoNames has it in Texas only


def test_no_document_state_when_two_states_are_named():
    f = contained([place("a", "Wobegon Creek"), place("b", "Montana", at=20), place("c", "Idaho", at=40)])
    assert not any(a == "Wobegon Creek" for a, _ in f)


def test_a_place_known_only_in_capitals_takes_the_gazetteers_spelling():
    from graphbuild.model import Document, GraphModel
    from graphbuild.resolve.geo import link_places
    model = GraphModel(documents=(Document("d1", "x" * 100),),
                       entities=(place("a", "SAO PAULO"), place("b", "Brazil", at=20), place("c", "Recife", at=40),
                                 place("d", "PERU", at=60)))
    labels = {e.id: (e.label, e.alt_labels) for e in link_places(model).entities}
    assert labels["a"] == ("São Paulo", ("SAO PAULO",)) and labels["c"][0] == "Recife"
    assert labels["d"][0] == "Peru"  # a short name in capitals too
