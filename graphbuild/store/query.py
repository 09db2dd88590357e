"""SPARQL over the embedded store, as a triple-store user writes it.

- Prefixes: every prefix of the ontology (`gb:`, `schema:`, `org:`, `sem:`, `nif:`, ...) is
  predeclared; a query's own PREFIX lines still win.
- Default graph: the union of all named graphs (graphbuild writes nothing into the store's
  real default graph), so a query needs no `GRAPH ?g`. `default_graph="default"` queries
  the store's own default graph instead, and graph IRIs query just those graphs.
- A query that does not parse raises QueryError with the parser's line and column.
"""
from __future__ import annotations

import re
from pathlib import Path

import pyoxigraph as ox

from graphbuild.errors import QueryError, StoreError, UsageError
from graphbuild.store.embedded import open_read_only
from graphbuild.vocab import prefixes

UNION = "union"  # --default-graph: the union of the named graphs (the default)
STORE_DEFAULT = "default"  # --default-graph: the store's own (empty) default graph
_POSITION = re.compile(r"error at (\d+):(\d+)")


def read_query(text: str | None, path: Path | None) -> str:
    """The query text: given inline, or read from `path` (`-f query.rq`)."""
    if (text is None) == (path is None):
        raise UsageError("GB234")
    if path is None:
        return text
    try:
        return Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as err:
        raise UsageError("GB236", path=path, reason=err) from err


def _graph_options(default_graph: tuple[str, ...]) -> dict:
    if not default_graph or default_graph == (UNION,):
        return {"use_default_graph_as_union": True}
    if default_graph == (STORE_DEFAULT,):
        return {}
    if UNION in default_graph or STORE_DEFAULT in default_graph:
        raise UsageError("GB235")
    try:
        return {"default_graph": [ox.NamedNode(g) for g in default_graph]}
    except ValueError as err:
        raise UsageError("GB237", reason=err) from err


def parse_error(err: SyntaxError, query: str) -> QueryError:
    """A QueryError saying where the parser stopped, with that line of the query."""
    message = str(err)
    found = _POSITION.search(message)
    if not found:
        return QueryError("GB292", message=message)
    line, column = int(found.group(1)), int(found.group(2))
    lines = query.splitlines() or [""]
    text = lines[line - 1] if 0 < line <= len(lines) else ""
    detail = message[found.end():].lstrip(": ")
    return QueryError("GB291", line=line, column=column, detail=detail, text=text, pad=" " * max(column - 1, 0))


def run_query(store: ox.Store, query: str, default_graph: tuple[str, ...] = ()):
    """The results of `query` over `store`: QuerySolutions (SELECT), QueryBoolean (ASK)
    or QueryTriples (CONSTRUCT/DESCRIBE). Updates are refused (the store opens read-only)."""
    options = _graph_options(tuple(default_graph))
    try:
        return store.query(query, prefixes=prefixes(), **options)
    except SyntaxError as err:
        raise parse_error(err, query) from err
    except OSError as err:
        raise StoreError("GB506", reason=err) from err


def query_store(store_dir: Path, query: str, default_graph: tuple[str, ...] = ()):
    """`run_query` over the store in `store_dir`, opened read-only."""
    return run_query(open_read_only(store_dir), query, default_graph)


__all__ = ["STORE_DEFAULT", "UNION", "parse_error", "query_store", "read_query", "run_query"]
