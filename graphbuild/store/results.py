"""Query results as text: an aligned table for people, CSV / TSV / JSON for programs.

CSV, TSV and JSON are the W3C SPARQL 1.1 result formats, written by pyoxigraph. The table
shortens IRIs with the ontology's prefixes and shows literals by their value. ASK gives
`true`/`false`; CONSTRUCT and DESCRIBE give Turtle (table) or N-Triples (csv, tsv).
"""
from __future__ import annotations

import pyoxigraph as ox

from graphbuild.errors import UsageError
from graphbuild.settings import DEFAULT_BASE_IRI
from graphbuild.vocab import prefixes

FORMATS = ("table", "csv", "tsv", "json")
RESULT_FORMATS = {"csv": ox.QueryResultsFormat.CSV, "tsv": ox.QueryResultsFormat.TSV,
                  "json": ox.QueryResultsFormat.JSON}
MAX_CELL = 100  # table cells longer than this are cut (csv/tsv/json keep everything)


def short(term, namespaces: list[tuple[str, str]]) -> str:
    """A term as the table shows it: prefixed IRI, literal value, `_:id` for blank nodes."""
    if term is None:
        return ""
    if isinstance(term, ox.NamedNode):
        for prefix, ns in namespaces:
            if term.value.startswith(ns) and len(term.value) > len(ns):
                return f"{prefix}:{term.value[len(ns):]}"
        return term.value
    if isinstance(term, ox.Literal):
        return term.value + (f"@{term.language}" if term.language else "")
    return str(term)


def _cell(text: str) -> str:
    text = " ".join(text.split())  # one line per row, whatever the literal holds
    return text if len(text) <= MAX_CELL else text[:MAX_CELL - 1] + "…"


def table(solutions: ox.QuerySolutions) -> str:
    """An aligned text table of SELECT results, with a row count."""
    # Longest namespace first, so a prefix never shadows a more specific one.
    # The default base IRI shows as id: (graphbuild's nodes); other bases stay whole.
    namespaces = sorted({**prefixes(), "id": DEFAULT_BASE_IRI}.items(), key=lambda kv: (-len(kv[1]), kv[0]))
    names = [v.value for v in solutions.variables]
    rows = [[_cell(short(s[n], namespaces)) for n in names] for s in solutions]
    widths = [max([len(n), *(len(r[i]) for r in rows)]) for i, n in enumerate(names)]

    def line(cells: list[str]) -> str:
        return "  ".join(c.ljust(w) for c, w in zip(cells, widths)).rstrip()

    out = [line(names), line(["-" * w for w in widths]), *(line(r) for r in rows)]
    out.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(out) + "\n"


def format_results(results, fmt: str = "table") -> str:
    """`results` of `query.run_query` as text in `fmt` (one of FORMATS)."""
    if fmt not in FORMATS:
        raise UsageError("GB238", fmt=fmt, formats=", ".join(FORMATS))
    if isinstance(results, ox.QueryBoolean):
        if fmt == "json":
            return results.serialize(format=ox.QueryResultsFormat.JSON).decode("utf-8") + "\n"
        return ("true" if bool(results) else "false") + "\n"
    if isinstance(results, ox.QueryTriples):
        triples = list(results)
        if fmt == "table":
            return ox.serialize(triples, format=ox.RdfFormat.TURTLE, prefixes=prefixes()).decode("utf-8")
        if fmt == "json":
            raise UsageError("GB239")
        return ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES).decode("utf-8")
    if fmt == "table":
        return table(results)
    text = results.serialize(format=RESULT_FORMATS[fmt]).decode("utf-8")
    return text if text.endswith("\n") else text + "\n"


__all__ = ["FORMATS", "format_results", "short", "table"]
