"""The embedded store: an on-disk Oxigraph database (pyoxigraph) in a directory.

`load_graphs(store_dir, graphs)` replaces each named graph it is given: afterwards the
graph holds exactly the given triples, so loading a document again leaves the counts as
they were, and graphs it is not given stay as they are. The replacement is a difference:
the triples the graph no longer has are removed and the new ones added, so reloading an
unchanged graph (an idempotent reload, or the untouched documents of an `--into` build)
writes nothing. Below BULK_TRIPLES new triples in all, they are added one graph per
transaction; above, through pyoxigraph's bulk loader, which is not transactional: if it
fails midway, loading again repairs it. One process at a time may open a store for
writing; readers (`open_read_only`) may share it.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from graphbuild.errors import StoreError, UsageError
from graphbuild.store.source import NamedGraphs

# Above this many triples a load goes through bulk_extend (writes files directly, not
# transactions): about twice as fast at 1M triples (make bench-store), needless for a few
# documents.
BULK_TRIPLES = 200_000


@dataclass(frozen=True)
class LoadResult:
    """What a load did: graphs replaced, triples written, and the store's totals after it."""

    graphs: int
    triples: int
    store_graphs: int
    store_triples: int


def open_store(store_dir: Path) -> ox.Store:
    """The store in `store_dir` opened for writing (created when missing)."""
    store_dir = Path(store_dir)
    if store_dir.exists() and not store_dir.is_dir():
        raise UsageError("GB231", store_dir=store_dir)
    try:
        return ox.Store(str(store_dir))
    except OSError as err:
        raise StoreError("GB501", store_dir=store_dir, reason=err) from err


def open_read_only(store_dir: Path) -> ox.Store:
    """The existing store in `store_dir`, read-only (several readers may share it)."""
    store_dir = Path(store_dir)
    if not store_dir.is_dir() or not any(store_dir.iterdir()):
        raise UsageError("GB232", store_dir=store_dir)
    try:
        return ox.Store.read_only(str(store_dir))
    except OSError as err:
        raise StoreError("GB502", store_dir=store_dir, reason=err) from err


def _quads(graph: str, triples: list[ox.Triple]):
    name = ox.NamedNode(graph)
    return (ox.Quad(t.subject, t.predicate, t.object, name) for t in triples)


def remove_stale(store: ox.Store, graph: str, triples: list[ox.Triple]) -> set[ox.Quad]:
    """Remove from the named graph `graph` every quad not among `triples`; return the quads
    of `triples` it still lacks (to be added)."""
    name = ox.NamedNode(graph)
    wanted = set(_quads(graph, triples))
    held = set(store.quads_for_pattern(None, None, None, name))
    stale = held - wanted
    if stale and len(stale) == len(held):
        store.remove_graph(name)  # nothing kept: one call, not one per quad
    else:
        for quad in stale:
            store.remove(quad)
    return wanted - held


def replace_graph(store: ox.Store, graph: str, triples: list[ox.Triple]) -> None:
    """Make the named graph `graph` of `store` hold exactly `triples` (adds in one transaction)."""
    store.extend(remove_stale(store, graph, triples))


def totals(store: ox.Store) -> tuple[int, int]:
    """(named graphs, triples in them) of `store`."""
    result = store.query("SELECT (COUNT(DISTINCT ?g) AS ?g_n) (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")
    row = next(iter(result))
    return int(row["g_n"].value), int(row["n"].value)


def load_graphs(store_dir: Path, named: NamedGraphs,
                on_graph: Callable[[str, int], None] | None = None) -> LoadResult:
    """Replace every graph of `named` in the store in `store_dir`; `on_graph(iri, n)` after each."""
    store = open_store(store_dir)
    try:
        bulk, pending = named.triples > BULK_TRIPLES, []
        for graph, triples in named.graphs.items():
            missing = remove_stale(store, graph, triples)
            if bulk:
                pending.append(missing)  # one bulk load at the end: fewer, bigger files
            else:
                store.extend(missing)
            if on_graph:
                on_graph(graph, len(triples))
        if pending:
            store.bulk_extend(q for missing in pending for q in missing)
        store.flush()
        n_graphs, n_triples = totals(store)
    except OSError as err:
        raise StoreError("GB503", store_dir=store_dir, reason=err) from err
    finally:
        del store  # closes the database, so another process can open it
    return LoadResult(len(named.graphs), named.triples, n_graphs, n_triples)


__all__ = ["BULK_TRIPLES", "LoadResult", "load_graphs", "open_read_only", "open_store", "replace_graph",
           "remove_stale", "totals"]
