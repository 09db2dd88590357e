"""Containment the gazetteers state between one document's places (`geo_containment`),
over hand-built models: GeoNames US states and counties, ISO 3166-2 subdivisions, the
document's only country, and the closure per document."""
from __future__ import annotations

from graphbuild.model import Document, Entity, GraphModel, Mention, Relation
from graphbuild.resolve.geo import link_places


def place(eid: str, label: str, doc: str = "d1", at: int = 0) -> Entity:
    return Entity(eid, "Place", label, mentions=(Mention(doc, at, at + len(label), label, "GPE", 0, 80),))


def contained(entities: list[Entity], relations: tuple[Relation, ...] = ()) -> dict[tuple[str, str], set[str]]:
    model = GraphModel(documents=(Document("d1", "x" * 100), Document("d2", "y" * 100)),
                       entities=tuple(entities), relations=relations)
    out = link_places(model)
    label = {e.id: e.label for e in out.entities}
    return {(label[r.subject], label[r.object]): {ev.rule for ev in r.evidence}
            for r in out.relations if r.predicate == "containedInPlace"}


def test_subdivision_in_its_country():
    f = contained([place("a", "Tasmania"), place("b", "Australia", at=20), place("c", "Japan", at=40)])
    assert "iso3166-2" in f[("Tasmania", "Australia")]
    assert ("Tasmania", "Japan") not in f


def test_us_county_and_city_in_their_state():
    f = contained([place("a", "Coös County"), place("b", "New Hampshire", at=20), place("c", "Houston", at=40),
                   place("d", "Texas", at=60), place("e", "United States", at=80)])
    assert "geonames" in f[("Coös County", "New Hampshire")]
    assert ("Houston", "Texas") in f
    assert ("Coös County", "United States") in f


def test_a_city_in_the_one_document_country_geonames_has_it_in():
    f = contained([place("a", "Marseille"), place("b", "France", at=20), place("c", "Lake Wobegon", at=40),
                   place("d", "Canada", at=60)])
    assert ("Marseille", "France") in f and ("Marseille", "Canada") not in f
    assert not any(a == "Lake Wobegon" for a, _ in f)  # a name no gazetteer has stays free


def test_closure_stays_in_its_document():
    ev = lambda doc: (Mention(doc, 0, 1, "x", "GPE", 0, 10),)  # noqa: E731
    a, b = place("a", "Northville"), place("b", "Greyshire", doc="d2")
    c = Entity("c", "Place", "Eastmark", mentions=ev("d1") + ev("d2"))
    from graphbuild.model import Evidence
    rels = (Relation("a", "containedInPlace", "c", (Evidence("d1", 0, 10, "place-comma", 0.8),)),
            Relation("c", "containedInPlace", "b", (Evidence("d2", 0, 10, "place-comma", 0.8),)))
    f = contained([a, b, c], rels)
    assert ("Northville", "Greyshire") not in f  # the two edges come from two documents


def test_a_document_naming_one_country_places_its_other_places_there():
    f = contained([place("a", "Lake Wobegon"), place("b", "Norway", at=20), place("c", "Europe", at=40),
                   place("d", "Baltic Sea", at=60), place("e", "Marseille", at=80)])
    assert f[("Lake Wobegon", "Norway")] == {"document-country"}
    assert ("Europe", "Norway") not in f  # a continent
    assert ("Baltic Sea", "Norway") not in f  # a sea
    assert ("Marseille", "Norway") not in f  # GeoNames has it in France only


def test_no_document_country_when_two_countries_are_named():
    f = contained([place("a", "Lake Wobegon"), place("b", "Norway", at=20), place("c", "Sweden", at=40)])
    assert not any(a == "Lake Wobegon" for a, _ in f)


def test_no_document_country_when_the_country_is_named_after_the_opening():
    late = Entity("b", "Place", "Norway", mentions=(Mention("d1", 90, 96, "Norway", "GPE", 85, 100),))
    f = contained([place("a", "Lake Wobegon"), late])
    assert not any(a == "Lake Wobegon" for a, _ in f)
