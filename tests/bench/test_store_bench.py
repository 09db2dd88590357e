"""Benchmark of loading 1M triples (run by `make bench-store`; skipped in the normal suite).

The demo graph is copied with its IRIs renamed until it holds about 1M triples in a few
hundred named graphs (the shape of a corpus: one graph per document). Timed:
- baseline: pyoxigraph's own `bulk_extend` of all quads into an empty on-disk store;
- `graphbuild load --store`: `load_graphs` (each named graph replaced) into the embedded store;
- `graphbuild load --endpoint`: `push_graphs` over the Graph Store Protocol to a real
  Oxigraph server and to Virtuoso (digest auth), each started here;
- reading `graph.trig` back (`read_graphs`), the first step of every load.
Each prints triples/s and its ratio to the baseline measured in the same run.
"""
from __future__ import annotations

import os
import time
from pathlib import Path

import pyoxigraph as ox
import pytest

from graphbuild.settings import DEFAULT_BASE_IRI
from graphbuild.store import Credentials, NamedGraphs, Target, load_graphs, push_graphs, read_graphs

pytestmark = pytest.mark.skipif(os.environ.get("GRAPHBUILD_BENCH") != "1",
                                reason="benchmark: run with `make bench-store` (GRAPHBUILD_BENCH=1)")

TARGET_TRIPLES = 1_000_000
RESULTS: dict[str, float] = {}


def _rename(term, prefix: str):
    if isinstance(term, ox.NamedNode) and term.value.startswith(DEFAULT_BASE_IRI):
        return ox.NamedNode(prefix + term.value[len(DEFAULT_BASE_IRI):])
    return term


def _copies(demo: NamedGraphs, target: int) -> NamedGraphs:
    """`demo` repeated with renamed IRIs until it holds about `target` triples."""
    graphs: dict[str, list[ox.Triple]] = {}
    n, k = 0, 0
    while n < target:
        prefix = f"{DEFAULT_BASE_IRI}copy{k}/"
        for g, triples in demo.graphs.items():
            graphs[_rename(ox.NamedNode(g), prefix).value] = [
                ox.Triple(_rename(t.subject, prefix), t.predicate, _rename(t.object, prefix)) for t in triples]
            n += len(triples)
        k += 1
    return NamedGraphs(graphs, demo.source)


@pytest.fixture(scope="module")
def million(sample_build, tmp_path_factory) -> tuple[NamedGraphs, Path]:
    named = _copies(read_graphs(Path(sample_build.outputs["trig"])), TARGET_TRIPLES)
    quads = [ox.Quad(t.subject, t.predicate, t.object, ox.NamedNode(g)) for g, ts in named.graphs.items() for t in ts]
    trig = tmp_path_factory.mktemp("million") / "graph.trig"
    ox.serialize(quads, str(trig), format=ox.RdfFormat.TRIG)
    t0 = time.perf_counter()
    store = ox.Store(str(tmp_path_factory.mktemp("baseline")))
    store.bulk_extend(quads)
    store.flush()
    RESULTS["baseline"] = time.perf_counter() - t0
    del store
    _report("pyoxigraph bulk_extend (baseline)", named.triples, RESULTS["baseline"])
    return named, trig


def _report(what: str, triples: int, seconds: float) -> None:
    ratio = seconds / RESULTS["baseline"]
    print(f"\n{what}: {triples:,} triples in {seconds:.2f} s = {triples / seconds:,.0f} triples/s "
          f"({ratio:.2f}x the baseline time)")


def _timed(fn) -> float:
    t0 = time.perf_counter()
    fn()
    return time.perf_counter() - t0


def test_read_trig(million):
    named, trig = million
    seconds = _timed(lambda: read_graphs(trig))
    _report(f"read_graphs of graph.trig ({trig.stat().st_size / 1e6:.0f} MB)", named.triples, seconds)


def test_embedded_store_load(million, tmp_path):
    named, _ = million
    seconds = _timed(lambda: load_graphs(tmp_path / "store", named))
    _report(f"embedded store, load_graphs ({len(named.graphs)} named graphs)", named.triples, seconds)
    again = _timed(lambda: load_graphs(tmp_path / "store", named))
    _report("embedded store, reload (every graph replaced)", named.triples, again)


def test_oxigraph_server_push(million, oxigraph_server):
    named, _ = million
    seconds = _timed(lambda: push_graphs(Target(oxigraph_server.base, "/store"), named))
    _report("Oxigraph server, GSP push", named.triples, seconds)


def test_virtuoso_push(million, virtuoso):
    named, _ = million
    target = Target(virtuoso.base, "/sparql-graph-crud-auth", credentials=Credentials("dba", "dba", "digest"))
    seconds = _timed(lambda: push_graphs(target, named))
    _report("Virtuoso, GSP push (digest)", named.triples, seconds)
