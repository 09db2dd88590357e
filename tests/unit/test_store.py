"""The embedded store, queries, result formats, credentials and the GSP client, on a
hand-built model (no spaCy) and a real on-disk Oxigraph store."""
from __future__ import annotations

import json
import threading
from dataclasses import replace
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from graphbuild.errors import QueryError, StoreError, UsageError
from graphbuild.rdf.build import to_dataset
from graphbuild.rdf.serialize import write_outputs
from graphbuild.store import Target, format_results, from_environment, load_graphs, push_graphs, query_store, read_graphs
from graphbuild.store.auth import is_loopback
from graphbuild.store.gsp import batches
from tests.helpers.models import BASE, realistic_model

HEADS = "SELECT DISTINCT ?name WHERE { ?p org:headOf ?o ; rdfs:label ?name }"


@pytest.fixture()
def output(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    write_outputs(to_dataset(realistic_model(), BASE), out, ["trig", "ttl"])
    return out


def _count(store_dir) -> int:
    results = query_store(store_dir, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
    return int(next(iter(results))["n"].value)


@pytest.mark.parametrize("bulk", [False, True])
def test_load_replaces_each_named_graph(output, tmp_path, monkeypatch, bulk):
    from graphbuild.store import embedded

    if bulk:  # the bulk loader's path, taken above BULK_TRIPLES
        monkeypatch.setattr(embedded, "BULK_TRIPLES", 5)
    named = read_graphs(output)
    assert len(named.graphs) == 3  # two documents and the cross-document graph
    store = tmp_path / "store"
    first = load_graphs(store, named)
    assert (first.store_graphs, first.store_triples) == (3, named.triples)
    again = load_graphs(store, named)
    assert (again.store_graphs, again.store_triples) == (3, named.triples)  # idempotent
    doc = next(g for g in named.graphs if "/doc/" in g)
    smaller = replace(named, graphs={doc: named.graphs[doc][:10]})
    after = load_graphs(store, smaller)  # one graph replaced, the others untouched
    assert after.store_triples == named.triples - len(named.graphs[doc]) + 10
    held = {str(r["s"]) + str(r["p"]) + str(r["o"])
            for r in query_store(store, f"SELECT ?s ?p ?o WHERE {{ GRAPH <{doc}> {{ ?s ?p ?o }} }}", ("default",))}
    assert held == {str(t.subject) + str(t.predicate) + str(t.object) for t in named.graphs[doc][:10]}
    other = replace(named, graphs={doc: named.graphs[doc][10:20]})  # nothing kept: the graph is dropped
    assert load_graphs(store, other).store_triples == after.store_triples
    assert load_graphs(store, named).store_triples == named.triples


def test_query_has_prefixes_and_the_union_default_graph(output, tmp_path):
    load_graphs(tmp_path / "store", read_graphs(output))
    rows = list(query_store(tmp_path / "store", HEADS))
    assert [r["name"].value for r in rows] == ["Hossein Salami"]
    assert list(query_store(tmp_path / "store", HEADS, ("default",))) == []  # the store's own default graph
    cross = BASE + "graph/cross-document"
    assert list(query_store(tmp_path / "store", HEADS, (cross,))) == []  # headOf lives in the document graphs
    assert _count(tmp_path / "store") > 0


def test_bad_query_reports_line_and_column(output, tmp_path):
    load_graphs(tmp_path / "store", read_graphs(output))
    with pytest.raises(QueryError) as err:
        query_store(tmp_path / "store", "SELECT ?x WHERE {\n  ?x rdfs:label \n}")
    assert "line 3, column 1" in str(err.value) and "Traceback" not in str(err.value)
    with pytest.raises(UsageError, match="no store there"):
        query_store(tmp_path / "nothing", HEADS)


def test_result_formats(output, tmp_path):
    load_graphs(tmp_path / "store", read_graphs(output))
    q = "SELECT DISTINCT ?p ?name WHERE { ?p org:headOf ?o ; rdfs:label ?name }"
    table = format_results(query_store(tmp_path / "store", q), "table")
    assert table.splitlines()[0].split() == ["p", "name"] and "id:entity/" in table and table.endswith("(1 row)\n")
    csv = format_results(query_store(tmp_path / "store", q), "csv")
    assert csv.splitlines()[0] == "p,name" and "Hossein Salami" in csv
    tsv = format_results(query_store(tmp_path / "store", q), "tsv")
    assert tsv.splitlines()[0] == "?p\t?name" and '"Hossein Salami"' in tsv
    data = json.loads(format_results(query_store(tmp_path / "store", q), "json"))
    assert data["head"]["vars"] == ["p", "name"] and data["results"]["bindings"][0]["name"]["value"] == "Hossein Salami"
    assert format_results(query_store(tmp_path / "store", "ASK { ?p a schema:Country }"), "table") == "true\n"
    ttl = format_results(query_store(tmp_path / "store", "CONSTRUCT { ?p a schema:Person } WHERE { ?p a schema:Person }"))
    assert "schema:Person" in ttl
    with pytest.raises(UsageError):
        format_results(query_store(tmp_path / "store", q), "xml")


def test_only_named_graph_files_load(output):
    with pytest.raises(Exception, match="has none"):
        read_graphs(output / "graph.ttl")


def test_credentials_come_from_the_environment_only():
    env = {"GB_AUTH": "alice:s3cret:with:colons"}
    creds = from_environment("GB_AUTH", "https://example.org/ds", "digest", env)
    assert (creds.user, creds.password, creds.scheme) == ("alice", "s3cret:with:colons", "digest")
    assert "s3cret" not in repr(creds)
    assert from_environment(None, "http://example.org/") is None
    with pytest.raises(UsageError, match="plain HTTP"):
        from_environment("GB_AUTH", "http://example.org/ds", environ=env)
    assert from_environment("GB_AUTH", "http://127.0.0.1:7878", environ=env) is not None
    with pytest.raises(UsageError, match="not set"):
        from_environment("GB_MISSING", "https://example.org/", environ=env)
    with pytest.raises(UsageError, match="USER:PASSWORD"):
        from_environment("GB_AUTH", "https://example.org/", environ={"GB_AUTH": "nocolon"})
    with pytest.raises(UsageError, match="basic or digest"):
        from_environment("GB_AUTH", "https://example.org/", "ntlm", env)
    assert is_loopback("http://localhost:8890/x") and is_loopback("http://[::1]:80/") and not is_loopback("http://10.0.0.1/")


def test_batches_split_graphs():
    import pyoxigraph as ox

    triples = [ox.Triple(ox.NamedNode(f"http://x/s{i}"), ox.NamedNode("http://x/p"), ox.Literal(str(i)))
               for i in range(5)]
    bodies = batches(triples, 2)
    assert len(bodies) == 3 and sum(b.count(b"\n") for b in bodies) == 5


class _Flaky(BaseHTTPRequestHandler):
    """A Graph Store endpoint that answers 503 to the first two requests, then stores."""

    calls: list[tuple[str, str]] = []
    status_after = 201

    def _handle(self):
        self.rfile.read(int(self.headers.get("Content-Length", 0)))
        type(self).calls.append((self.command, self.path))
        status = 503 if len(self.calls) <= 2 else self.status_after
        self.send_response(status)
        self.send_header("Content-Length", "0")
        self.end_headers()

    do_PUT = do_POST = _handle

    def log_message(self, *args):  # keep the test output clean
        pass


def test_push_retries_transient_errors_and_explains_others(output):
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Flaky)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        url = f"http://127.0.0.1:{server.server_address[1]}"
        named = read_graphs(output)
        result = push_graphs(Target(url, "/store", batch_triples=50, backoff=0.01), named)
        methods = [m for m, _ in _Flaky.calls[2:]]
        assert result.requests == len(methods) and methods.count("PUT") == len(named.graphs)
        assert all("graph=" in p for _, p in _Flaky.calls)
        _Flaky.calls.clear()
        _Flaky.status_after = 404
        with pytest.raises(StoreError, match="HTTP 404.*--gsp-path"):
            push_graphs(Target(url, "/nowhere", backoff=0.01), named)
    finally:
        server.shutdown()
        server.server_close()  # nothing listens on the port any more
    with pytest.raises(StoreError, match="is the server running"):
        push_graphs(Target(url, "/store", retries=1, backoff=0.01, timeout=10), named)
