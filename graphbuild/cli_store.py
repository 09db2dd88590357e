"""The triple-store commands of the CLI (`load`, `query`, `validate`, and `build --store`):
parse options, call one function of `graphbuild.store`, print, map errors to exit codes.
Registered on the app by `graphbuild.cli`."""
from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer
from rich.console import Console

from graphbuild.errors import GraphbuildError, UsageError

err = Console(stderr=True, highlight=False)

QUERY_HELP = (
    "Run a SPARQL query over the store. The ontology's prefixes (gb: schema: org: sem: nif: prov: "
    "dcterms: skos: rdfs: ...) are predeclared, and the default graph is the UNION of all named graphs, "
    "so no GRAPH clause is needed (--default-graph changes that). Example queries: "
    "graphbuild query --store DIR --example NAME (--list-examples)."
)


def _fail(exc: GraphbuildError) -> typer.Exit:
    err.print(f"[bold red]error:[/] {exc}", markup=True, soft_wrap=True)
    return typer.Exit(exc.exit_code)


def _plain(text: str) -> None:
    err.print(text, markup=False, soft_wrap=True)


def load_into_store(output: Path, store_dir: Path) -> None:
    """Load the named graphs of `output` into the embedded store and say what it holds."""
    from graphbuild.store import load_graphs, read_graphs

    result = load_graphs(store_dir, read_graphs(output))
    typer.echo(f"store {store_dir}: replaced {result.graphs} named graphs ({result.triples} triples); "
               f"it holds {result.store_graphs} graphs, {result.store_triples} triples")


def load(
    output: Path = typer.Argument(..., help="An output directory of graphbuild build (its graph.trig), or a .trig/.nq file."),
    store: Optional[Path] = typer.Option(None, "--store", help="Load into the embedded Oxigraph store in this directory (created if missing)."),
    endpoint: Optional[str] = typer.Option(None, "--endpoint", help="Push to this SPARQL server (base URL, e.g. http://localhost:7878) with the Graph Store Protocol."),
    gsp_path: str = typer.Option("/store", "--gsp-path", help="Graph Store path under --endpoint: Oxigraph /store, Fuseki /DATASET/data, GraphDB /repositories/REPO/rdf-graphs/service, Virtuoso /sparql-graph-crud-auth; '' if --endpoint is the Graph Store URL itself."),
    graph_param: str = typer.Option("graph", "--graph-param", help="Query parameter naming the graph (standard: graph; Virtuoso also takes graph-uri)."),
    auth_env: Optional[str] = typer.Option(None, "--auth-env", help="Name of an environment variable holding USER:PASSWORD (never pass credentials on the command line). Refused over plain http except to localhost."),
    auth_scheme: str = typer.Option("basic", "--auth-scheme", help="basic or digest (Virtuoso's /sparql-graph-crud-auth wants digest)."),
    batch_size: int = typer.Option(100_000, "--batch-size", min=1, help="Triples per request: a graph's first batch is a PUT (replaces it), the rest POSTs."),
    retries: int = typer.Option(4, "--retries", min=0, help="Retries of a request on a transient error (connection, 408, 429, 502, 503, 504)."),
) -> None:
    """Put OUTPUT's graph into a store: each named graph (one per document, plus the cross-document graph) replaces the graph of that name, so loading again changes nothing."""
    try:
        if (store is None) == (endpoint is None):
            raise UsageError("GB206")
        if store is not None:
            load_into_store(output, store)
            return
        from graphbuild.store import Target, check_url, from_environment, push_graphs, read_graphs

        url = Target(check_url(endpoint), gsp_path).url
        target = Target(endpoint, gsp_path, graph_param, from_environment(auth_env, url, auth_scheme),
                        batch_size, retries)
        named = read_graphs(output)
        result = push_graphs(target, named)
    except GraphbuildError as exc:
        raise _fail(exc)
    typer.echo(f"{target.url}: replaced {result.graphs} named graphs ({result.triples} triples) "
               f"in {result.requests} requests")


def query(
    sparql: Optional[str] = typer.Argument(None, help="The SPARQL query (or use -f FILE.rq / --example NAME).", show_default=False),
    store: Optional[Path] = typer.Option(None, "--store", help="The embedded store directory (filled by graphbuild load or build --store)."),
    file: Optional[Path] = typer.Option(None, "-f", "--file", help="Read the query from this .rq file."),
    example: Optional[str] = typer.Option(None, "--example", help="Run one of the example queries shipped with graphbuild (see --list-examples)."),
    list_examples: bool = typer.Option(False, "--list-examples", help="List the shipped example queries and exit."),
    fmt: str = typer.Option("table", "--format", help="table, csv, tsv or json (SPARQL 1.1 results formats); CONSTRUCT gives Turtle."),
    default_graph: list[str] = typer.Option([], "--default-graph", help="union (default: all named graphs), default (the store's own, empty, default graph), or a graph IRI (repeatable)."),
) -> None:
    """Run SPARQL over the embedded store (help text: QUERY_HELP)."""
    from graphbuild.store import examples

    try:
        if list_examples:
            for name, title in examples.titles().items():
                typer.echo(f"{name:<22} {title}")
            return
        if store is None:
            raise UsageError("GB207")
        if example is not None:
            if sparql is not None or file is not None:
                raise UsageError("GB208")
            text = examples.text(example)
        else:
            from graphbuild.store.query import read_query

            text = read_query(sparql, file)
        from graphbuild.store import format_results, query_store

        out = format_results(query_store(store, text, tuple(default_graph)), fmt)
    except GraphbuildError as exc:
        raise _fail(exc)
    typer.echo(out, nl=False)



def validate(
    path: Path = typer.Argument(..., help="An output directory of graphbuild build, or one .trig/.ttl/.nt/.jsonld/.nq file."),
) -> None:
    """Parse every RDF file of PATH with the strict parser and check their union against ontology/shapes.ttl (SHACL); exit non-zero listing what fails."""
    from graphbuild.store import check_output

    try:
        report = check_output(path)
    except GraphbuildError as exc:
        raise _fail(exc)
    for name, n in report.parsed.items():
        typer.echo(f"  parsed  {name}: {n} statements")
    for name, problem in report.parse_errors.items():
        _plain(f"  FAILED  {name}: {problem}")
    if report.violations:
        _plain(f"{report.violations} SHACL violations:\n{report.summary}")
    mixed = _mixed_set(path)
    for problem in mixed:
        _plain(f"  MIXED   {problem}")
    if not report.conforms or mixed:
        raise typer.Exit(1)
    typer.echo(f"{path}: conforms (strict parse, SHACL shapes)")


def _mixed_set(path: Path) -> list[str]:
    """What does not match the sha256 that report.json records (a directory a build
    wrote; issue 14's output sets), else nothing."""
    from graphbuild.outputs import REPORT, check_output_set

    if not path.is_dir() or not (path / REPORT).exists():
        return []
    return check_output_set(path).problems


def register(app: typer.Typer) -> None:
    """Add the store commands to `app`."""
    app.command()(load)
    app.command(help=QUERY_HELP)(query)
    app.command()(validate)


__all__ = ["load", "load_into_store", "query", "register", "validate"]
