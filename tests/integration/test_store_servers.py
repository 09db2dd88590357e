"""`graphbuild load --endpoint` against real servers started here (Oxigraph server,
Virtuoso): push the demo graph over the Graph Store Protocol, query it back over SPARQL,
compare counts and facts with the embedded store, push again and find nothing doubled."""
from __future__ import annotations

from pathlib import Path

import pytest

from graphbuild.store import Credentials, Target, format_results, load_graphs, push_graphs, read_graphs, run_query
from graphbuild.store.embedded import open_read_only

pytestmark = pytest.mark.server

FACTS = """
PREFIX org: <http://www.w3.org/ns/org#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT DISTINCT ?person ?org WHERE { GRAPH ?g { ?p org:headOf ?o } GRAPH ?h { ?p rdfs:label ?person . ?o rdfs:label ?org } }
"""
COUNT = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } VALUES ?g { %s } }"
PER_GRAPH = "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } VALUES ?g { %s } } GROUP BY ?g"


def _values(graphs) -> str:
    return " ".join(f"<{g}>" for g in graphs)


def _rows(results: dict) -> set[tuple]:
    return {tuple(sorted((k, v["value"]) for k, v in row.items())) for row in results["results"]["bindings"]}


@pytest.fixture(scope="module")
def demo(sample_build, tmp_path_factory):
    """The demo graph's named graphs and an embedded store holding them."""
    named = read_graphs(Path(sample_build.outputs["trig"]))
    store_dir = tmp_path_factory.mktemp("embedded")
    load_graphs(store_dir, named)
    return named, open_read_only(store_dir)


def _embedded_rows(store, query: str) -> set[tuple]:
    import json

    return _rows(json.loads(format_results(run_query(store, query, ("default",)), "json")))


def check_server(sparql, target: Target, named, store) -> None:
    first = push_graphs(target, named)
    assert first.graphs == len(named.graphs) >= 3 and first.triples == named.triples
    assert int(sparql(COUNT % _values(named.graphs))["results"]["bindings"][0]["n"]["value"]) == named.triples
    per_graph = {r["g"]["value"]: int(r["n"]["value"]) for r in sparql(PER_GRAPH % _values(named.graphs))["results"]["bindings"]}
    assert per_graph == {g: len(t) for g, t in named.graphs.items()}
    facts = _rows(sparql(FACTS))
    assert facts == _embedded_rows(store, FACTS)
    assert any(dict(f)["person"] == "Hossein Salami" for f in facts)
    push_graphs(target, named)  # again: each graph replaced, nothing doubled
    assert int(sparql(COUNT % _values(named.graphs))["results"]["bindings"][0]["n"]["value"]) == named.triples


def test_push_to_oxigraph_server(oxigraph_server, demo):
    named, store = demo
    target = Target(oxigraph_server.base, "/store", batch_triples=2_000)  # several batches per document graph
    check_server(oxigraph_server.sparql, target, named, store)


def test_push_to_virtuoso_with_digest_auth(virtuoso, demo):
    named, store = demo
    target = Target(virtuoso.base, "/sparql-graph-crud-auth", credentials=Credentials("dba", "dba", "digest"),
                    batch_triples=2_000)
    check_server(virtuoso.sparql, target, named, store)


def test_wrong_credentials_and_read_only_path_are_explained(virtuoso, demo):
    from graphbuild.errors import StoreError

    named, _ = demo
    one = type(named)(dict([next(iter(named.graphs.items()))]), named.source)
    with pytest.raises(StoreError, match="HTTP 401.*--auth-env"):
        push_graphs(Target(virtuoso.base, "/sparql-graph-crud-auth",
                           credentials=Credentials("dba", "wrong", "digest"), retries=0), one)
    with pytest.raises(StoreError, match="HTTP 40[13]"):
        push_graphs(Target(virtuoso.base, "/sparql-graph-crud-auth", retries=0), one)


def test_cli_load_endpoint_reads_credentials_from_environment(oxigraph_server, sample_build, monkeypatch):
    from typer.testing import CliRunner

    from graphbuild.cli import app

    out_dir = str(Path(sample_build.outputs["trig"]).parent)
    monkeypatch.setenv("GB_TEST_AUTH", "user:secret")  # Oxigraph ignores it; loopback http allows it
    result = CliRunner().invoke(app, ["load", out_dir, "--endpoint", oxigraph_server.base, "--auth-env", "GB_TEST_AUTH"])
    assert result.exit_code == 0, result.output
    assert "replaced" in result.output and "secret" not in result.output
