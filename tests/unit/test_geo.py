"""Offline GeoNames linking: context decides ambiguous names, or nothing is linked."""
from __future__ import annotations

from graphbuild.resolve.cross_doc import merge_documents
from graphbuild.resolve.geo import country_code, resolve_place
from tests.helpers.cross_doc import doc_model, ent


def test_country_names_codes_and_aliases():
    assert {country_code(n) for n in ("U.S.", "US", "United States", "America", "the United States")} == {"US"}
    assert country_code("Iran") == "IR" and country_code("us") is None and country_code("Kerman") is None


def test_kerman_with_iran_in_the_sentence_is_linked_and_contained_in_iran():
    m = merge_documents([doc_model("a", [ent("a", "e1", "Place", "Kerman"), ent("a", "e2", "Place", "Iran", start=8)])])
    kerman = m.entity("place/kerman")
    assert kerman.same_as == ("https://sws.geonames.org/128234/",)
    assert round(kerman.lat, 1) == 30.3 and round(kerman.long, 1) == 57.1
    assert m.entity("place/iran").same_as == ("https://sws.geonames.org/130758/",)
    assert [(r.subject, r.predicate, r.object) for r in m.relations] == [("place/kerman", "containedInPlace", "place/iran")]


def test_country_node_is_added_when_missing():
    m = merge_documents([doc_model("a", [ent("a", "e1", "Place", "Baghdad")])])
    assert {e.id for e in m.entities} == {"place/baghdad", "place/iraq"}
    assert m.relations[0].object == "place/iraq"


def test_washington_alone_is_not_linked():
    m = merge_documents([doc_model("a", [ent("a", "e1", "Place", "Washington")])])
    (w,) = m.entities
    assert w.same_as == () and w.lat is None and m.relations == ()


def test_washington_with_us_context_is_the_capital():
    rec = resolve_place(("Washington",), {"US"}, {"US"})
    assert rec is not None and rec["id"] == 4140963


def test_several_candidates_in_context_countries_stay_unlinked():
    assert resolve_place(("Paris",), set(), {"FR", "US"}) is None
    assert resolve_place(("Paris",), {"FR"}, {"FR", "US"})["country"] == "FR"


def test_context_country_elsewhere_in_the_document_contradicts_a_unique_name():
    # Kerman is only known in Iran: a document about France alone does not get it linked
    assert resolve_place(("Kerman",), set(), {"FR"}) is None


def test_country_names_pycountry_lacks():
    # CLDR's English names and countryinfo's spellings: "UK", "U.K.", "Burma", "East Timor".
    from graphbuild.resolve.geo import country_code

    assert {country_code(n) for n in ("UK", "U.K.", "Great Britain")} == {"GB"}
    assert country_code("Burma") == "MM" and country_code("East Timor") == "TL" and country_code("UAE") == "AE"
    assert country_code("Island") is None and country_code("Mann") is None  # one-word spellings stay out
    assert country_code("uk") is None  # a code counts when written as one
