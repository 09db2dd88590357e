"""Roles, affiliations, places and quotes of the bundled samples, queried from the
output graph with SPARQL over standard terms only (Oxigraph)."""
from __future__ import annotations

import pyoxigraph
import pytest

from tests.conftest import skip_or_fail

PREFIXES = """
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX schema: <http://schema.org/>
PREFIX org: <http://www.w3.org/ns/org#>
"""


@pytest.fixture(scope="module")
def store(sample_build):
    path = sample_build.outputs.get("trig")
    if path is None or not path.exists():
        skip_or_fail("the sample build wrote no graph.trig")
    s = pyoxigraph.Store()
    s.load(path=str(path), format=pyoxigraph.RdfFormat.TRIG)
    return s


def select(store, query: str) -> list[tuple[str, ...]]:
    rows = store.query(PREFIXES + query, use_default_graph_as_union=True)
    return [tuple(term.value for term in row) for row in rows]


def test_salami_heads_the_irgc(store):
    rows = select(store, """
        SELECT DISTINCT ?name WHERE {
          ?p org:headOf ?o . ?p rdfs:label ?name .
          ?o rdfs:label|skos:altLabel ?org .
          FILTER(CONTAINS(?org, "IRGC") || CONTAINS(?org, "Revolutionary Guard"))
        }""")
    assert any("Salami" in name for (name,) in rows), rows


def test_pompeo_is_secretary_of_state(store):
    rows = select(store, """
        SELECT DISTINCT ?name WHERE { ?p schema:jobTitle "Secretary of State" ; rdfs:label ?name . }""")
    assert any("Pompeo" in name for (name,) in rows), rows


def test_zarif_nationality_is_iran(store):
    rows = select(store, """
        SELECT DISTINCT ?country WHERE {
          ?p schema:nationality ?c ; rdfs:label|skos:altLabel ?name . ?c rdfs:label ?country .
          FILTER(CONTAINS(?name, "Zarif")) }""")
    assert ("Iran",) in rows, rows


def test_kerman_is_in_iran_and_home_of_soleimani(store):
    rows = select(store, """
        SELECT ?x WHERE { ?k schema:containedInPlace ?i . ?k rdfs:label "Kerman" . ?i rdfs:label "Iran" .
                          BIND(1 AS ?x) }""")
    assert rows
    rows = select(store, """
        SELECT DISTINCT ?name WHERE { ?p schema:homeLocation ?k . ?k rdfs:label "Kerman" . ?p rdfs:label ?name . }""")
    assert any("Soleimani" in name for (name,) in rows), rows


def test_quotations_have_creators_and_text(store):
    rows = select(store, """
        SELECT ?name ?text WHERE { ?q a schema:Quotation ; schema:creator ?p ; schema:text ?text .
                                   ?p rdfs:label ?name . }""")
    assert len(rows) >= 10, rows
    assert any("Salami" in n and t.startswith("We will take revenge") for n, t in rows), rows
    assert any("Pompeo" in n for n, _ in rows), rows
