"""The TriG output loads into a real triple store (Virtuoso) and answers standard queries
there exactly as it does in pyoxigraph; re-loading a document replaces, never duplicates.

Each named graph of the file is PUT as N-Triples to its graph IRI through the Graph Store
Protocol, the way a user would publish our output. (The `virtuoso` fixture: conftest.py.)
"""
from __future__ import annotations

from collections import defaultdict
from pathlib import Path

import pyoxigraph as ox
import pytest

from tests.virtuoso_server import Virtuoso

pytestmark = pytest.mark.server

# A small hand-written dataset: checks the harness itself, independently of the pipeline.
HAND_TRIG = """\
@prefix schema: <http://schema.org/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix ex: <https://example.org/id/> .
ex:doc-a {
  ex:p1 a schema:Person ; rdfs:label "Qassem Soleimani" ; schema:jobTitle "General" .
  ex:o1 a schema:Organization ; rdfs:label "Islamic Revolutionary Guards Corps"@en .
  ex:doc-a schema:datePublished "2020-01-07"^^xsd:date ; schema:text "He said \\"no\\" \u2014 caf\u00e9\\n" .
}
ex:doc-b {
  ex:p1 a schema:Person ; rdfs:label "Qassem Soleimani" .
  ex:p2 a schema:Person ; rdfs:label "Mike Pompeo" ; schema:worksFor ex:o2 .
  ex:e1 a schema:Event ; schema:location ex:pl1 ; schema:startDate "2020-01-03"^^xsd:date .
  ex:pl1 <http://www.w3.org/2003/01/geo/wgs84_pos#lat> "30.2839"^^xsd:double ; schema:size 56 .
}
"""
PEOPLE_QUERY = """
PREFIX schema: <http://schema.org/>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT DISTINCT ?p ?l WHERE { GRAPH ?g { ?p a schema:Person ; rdfs:label ?l } VALUES ?g { %s } }
"""
ALL_QUERY = "SELECT ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } VALUES ?g { %s } }"
COUNT_QUERY = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } VALUES ?g { %s } }"
DEFAULT_GRAPH = "urn:graphbuild-test:default-graph"  # where default-graph triples would go


def split_graphs(trig: bytes) -> dict[str, bytes]:
    """N-Triples per graph IRI of a TriG file (default-graph triples under DEFAULT_GRAPH)."""
    triples = defaultdict(list)
    for quad in ox.parse(trig, format=ox.RdfFormat.TRIG):
        name = DEFAULT_GRAPH if isinstance(quad.graph_name, ox.DefaultGraph) else quad.graph_name.value
        triples[name].append(quad.triple)
    return {g: ox.serialize(ts, format=ox.RdfFormat.N_TRIPLES) for g, ts in sorted(triples.items())}


def _values(graphs) -> str:
    return " ".join(f"<{g}>" for g in graphs)


def _virtuoso_count(server: Virtuoso, graphs) -> int:
    [row] = server.sparql(COUNT_QUERY % _values(graphs))["results"]["bindings"]
    return int(row["n"]["value"])


def _virtuoso_rows(server: Virtuoso, query: str) -> set[tuple]:
    return {tuple(sorted((k, v["value"], v.get("xml:lang")) for k, v in row.items()))
            for row in server.sparql(query)["results"]["bindings"]}


def _oxigraph_rows(store: ox.Store, query: str) -> set[tuple]:
    results = store.query(query)
    names = [v.value for v in results.variables]
    return {tuple(sorted((n, s[n].value, getattr(s[n], "language", None)) for n in names if s[n] is not None))
            for s in results}


def check_roundtrip(server: Virtuoso, trig: bytes) -> dict:
    """Load every graph of `trig` into `server` and compare it with pyoxigraph's reading."""
    graphs = split_graphs(trig)
    assert graphs, "the TriG file holds no triples"
    for graph, ntriples in graphs.items():
        server.put_graph(graph, ntriples)
    store = ox.Store()
    store.load(trig, format=ox.RdfFormat.TRIG)
    expected = len(set(ox.parse(trig, format=ox.RdfFormat.TRIG)))
    assert _virtuoso_count(server, graphs) == expected

    query = PEOPLE_QUERY % _values(graphs)
    people = _oxigraph_rows(store, query)
    assert people, "no schema:Person with an rdfs:label in the file"
    assert _virtuoso_rows(server, query) == people

    # Every term as written: IRIs, lexical forms, language tags (Virtuoso rewrites no value).
    everything = ALL_QUERY % _values(graphs)
    assert _virtuoso_rows(server, everything) == _oxigraph_rows(store, everything)

    # Re-PUT one document's graph: replaced, not duplicated.
    graph, ntriples = next(iter(graphs.items()))
    assert server.put_graph(graph, ntriples) in (200, 204)
    assert _virtuoso_count(server, [graph]) == len(set(ox.parse(ntriples, format=ox.RdfFormat.N_TRIPLES)))
    assert _virtuoso_count(server, graphs) == expected
    return {"graphs": len(graphs), "triples": expected, "people": len(people)}


def test_hand_written_trig_roundtrips(virtuoso):
    stats = check_roundtrip(virtuoso, HAND_TRIG.encode("utf-8"))
    assert stats == {"graphs": 2, "triples": 17, "people": 2}


def test_sample_build_trig_roundtrips(virtuoso, sample_build):
    trig = Path(sample_build.outputs["trig"]).read_bytes()
    stats = check_roundtrip(virtuoso, trig)
    assert stats["graphs"] >= 3  # two documents and the cross-document graph
    assert stats["people"] >= 10
