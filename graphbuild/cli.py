"""The command line: parse options into Settings, call one library function, render
progress on stderr, map errors to exit codes. No logic lives here."""
from __future__ import annotations

import sys
from datetime import date, datetime
from pathlib import Path
from typing import Optional

import typer
from rich.console import Console
from rich.text import Text

from graphbuild import __version__, cli_correct, cli_errors, cli_store
from graphbuild.errors import EXIT_CODES, GraphbuildError, UsageError
from graphbuild.limits import DEFAULT_MAX_CHARS
from graphbuild.settings import ALL_FORMATS, DEFAULT_BASE_IRI, DEFAULT_MODEL, EXTRA_FORMATS, Settings

EXIT_HELP = "Exit codes: " + "; ".join(f"{code} {meaning}" for code, meaning in EXIT_CODES.items()) + "."
app = typer.Typer(
    name="graphbuild",
    help="Turn news articles into a knowledge graph: standard RDF with provenance and an offline HTML network.",
    epilog=EXIT_HELP,
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
err = Console(stderr=True, highlight=False)


# Bidirectional overrides and isolates reorder what a terminal shows (a file name could
# pose as another); they are escaped like control characters.
_BIDI = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def printable(text: str, keep: str = "") -> str:
    """`text` safe to show on a terminal: control and format characters (but those in
    `keep`), lone surrogates and bidi overrides spelled as escapes (\\x1b); the rest as is."""
    if text.isprintable() and not _BIDI.intersection(text):
        return text
    return "".join(c if c in keep or (c.isprintable() and c not in _BIDI) else _escape(c) for c in text)


def _escape(c: str) -> str:
    n = ord(c)
    return f"\\x{n:02x}" if n < 0x100 else f"\\u{n:04x}" if n < 0x10000 else f"\\U{n:08x}"


def say(label: str, style: str, message: str, keep: str = "\n") -> None:
    """Print `label` (styled) and `message` (user text, literally: no markup, no emoji
    codes, no raw control characters) on stderr."""
    parts = ((label, style), " ") if label else ()
    err.print(Text.assemble(*parts, printable(message, keep)), soft_wrap=True)


def _fail(exc: GraphbuildError) -> typer.Exit:
    for item in getattr(exc, "skipped", ()):
        say("skipped", "yellow", f"{printable(item['source'], keep='')}: {item['reason']}")
    say("error:", "bold red", str(exc))
    return typer.Exit(exc.exit_code)


def _parse_date(value: Optional[str]) -> Optional[date]:
    if value is None:
        return None
    try:
        return datetime.strptime(value, "%Y-%m-%d").date()
    except ValueError:
        raise UsageError("GB201", value=value)


def _parse_formats(value: str) -> tuple[str, ...]:
    """--formats as a tuple (Settings checks the names)."""
    return tuple(f.strip().lower() for f in value.split(",") if f.strip())


class _Progress:
    """A rich progress bar on stderr when it is a terminal; silent otherwise."""

    def __init__(self, enabled: bool):
        self.enabled, self.bar, self.task = enabled, None, None

    def __enter__(self):
        if self.enabled:
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

            self.bar = Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                                TimeElapsedColumn(), console=err, transient=True)
            self.bar.__enter__()
        return self

    def __exit__(self, *exc):
        if self.bar:
            self.bar.__exit__(*exc)

    def __call__(self, stage: str, advance: int, total: int | None) -> None:
        if not self.bar:
            return
        if advance == 0:
            self.task = self.bar.add_task(stage, total=total)
        elif self.task is not None:
            self.bar.advance(self.task, advance)


def _warn(report: dict, output_dir: Path) -> None:
    """What the build skipped, repaired or found on stderr, each user string literally."""
    for item in report["skipped"]:
        say("skipped", "yellow", f"{printable(item['source'], keep='')}: {item['reason']}")
    for item in report.get("input_warnings", []):
        say("warning:", "yellow", f"{printable(item['source'], keep='')}: {item['warning']}")
    for problem in report.get("previous_set", {}).get("problems", []):
        say("warning:", "yellow", f"the output set found in {output_dir}: {problem}")
    rejected = report["validation"].get("rejected_statements", 0)
    if rejected:
        say("warning:", "yellow", f"{rejected} statements broke ontology/shapes.ttl and were left out of the "
            "graph; see rejected.trig and report.json (validation.violation_messages)")


@app.command(epilog=EXIT_HELP)
def build(
    inputs: list[str] = typer.Argument(None, help="Articles: .txt .md .html .jsonl files, directories, or - for stdin. None: the bundled samples.", show_default=False),
    output_dir: Optional[Path] = typer.Option(None, "-o", "--output", help="Directory for graph.* and report.json [default: output, or the --into directory].", show_default=False),
    published: Optional[str] = typer.Option(None, "--published", help="Publication date (YYYY-MM-DD) for inputs whose metadata has none; relative dates are resolved against it."),
    model: str = typer.Option(DEFAULT_MODEL, "--model", help="spaCy pipeline to use, e.g. en_core_web_trf if installed."),
    formats: str = typer.Option(",".join(ALL_FORMATS), "--formats", help=f"Comma-separated outputs: {','.join(ALL_FORMATS + EXTRA_FORMATS)}."),
    base_iri: str = typer.Option(DEFAULT_BASE_IRI, "--base-iri", help="Namespace for the IRIs of nodes and documents."),
    on_error: str = typer.Option("skip", "--on-error", help="skip: report a bad input and go on; fail: stop at the first one."),
    jobs: int = typer.Option(1, "--jobs", min=1, help="Parallel worker processes for the NLP stage."),
    engine: str = typer.Option("local", "--engine", help="local: processes on this machine; dask: a Dask cluster (see --scheduler)."),
    scheduler: Optional[str] = typer.Option(None, "--scheduler", help="Address of a running Dask scheduler (tcp://host:8786) for --engine dask; default: a local cluster of --jobs workers."),
    encoding: Optional[str] = typer.Option(None, "--encoding", help="Read inputs with this encoding instead of detecting it (e.g. cp1252)."),
    into: Optional[Path] = typer.Option(None, "--into", help="Add the articles to the graph already in this output directory."),
    max_chars: int = typer.Option(DEFAULT_MAX_CHARS, "--max-chars", help="Skip (and report) articles longer than this many characters; a build takes about 1.3 GB of memory per million."),
    follow_symlinks: bool = typer.Option(False, "--follow-symlinks", help="Read symlinks in input directories that point outside them (reported and skipped otherwise)."),
    wait: float = typer.Option(0.0, "--wait", min=0, help="Seconds to wait for another build holding the output directory (default: fail at once, naming it)."),
    validate: bool = typer.Option(True, "--validate/--no-validate", help="Check the graph against ontology/shapes.ttl (SHACL) before publishing it."),
    strict: bool = typer.Option(False, "--strict", help="Fail on any SHACL violation (nothing is written) instead of moving the offending statements to rejected.trig."),
    store: Optional[Path] = typer.Option(None, "--store", help="Also load the graph into the embedded Oxigraph store in this directory (each document's named graph is replaced)."),
    corrections: Optional[Path] = typer.Option(None, "--corrections", help="Apply this corrections file (graphbuild correct writes it) [default: corrections.ttl in the output directory, if there].", show_default=False),
) -> None:
    """Build the knowledge graph of INPUTS (or of the bundled samples).

    A path that does not exist is an error before any work starts; an input that cannot
    be read is reported and skipped; if none can be read or analysed, nothing is written.
    Statements that break the shapes are left out of the published graph and written to
    rejected.trig (listed in report.json); --strict makes them fatal instead."""
    try:
        settings = Settings(
            inputs=tuple(inputs or ()), output_dir=output_dir, published=_parse_date(published), model=model,
            formats=_parse_formats(formats), base_iri=base_iri, on_error=on_error, jobs=jobs, encoding=encoding,
            into=into, engine=engine, scheduler=scheduler, max_chars=max_chars, validate=validate,
            strict=strict, follow_symlinks=follow_symlinks, wait=wait, corrections=corrections,
        )
        from graphbuild.pipeline import build as run_build

        if store is not None and "trig" not in settings.formats:
            raise UsageError("GB202")
        with _Progress(err.is_terminal) as progress:
            result = run_build(settings, progress)
        if store is not None:
            cli_store.load_into_store(result.outputs["trig"], store)
    except GraphbuildError as exc:
        raise _fail(exc)
    report = result.report
    _warn(report, settings.output_dir)
    c = report["counts"]
    entities = ", ".join(f"{n} {k}" for k, n in c["entities"].items()) or "no entities"
    typer.echo(f"{c['documents']} documents: {entities}, {sum(c['events'].values())} events, "
               f"{sum(c['relations'].values())} relations, {c['quotes']} quotes")
    for fmt, path in sorted(result.outputs.items()):
        typer.echo(f"  {fmt:<7} {printable(str(path))}")
    if "html" in result.outputs:
        typer.echo(f"Open {printable(result.outputs['html'].resolve().as_uri())} in a browser to explore the network.")


@app.command()
def evaluate(
    gold: Path = typer.Argument(..., help="Gold JSONL (the ECB+ / CoNLL format of shared/data/README.md)."),
    limit: Optional[int] = typer.Option(None, "--limit", min=1, help="Score only the first N documents."),
    model: str = typer.Option(DEFAULT_MODEL, "--model", help="spaCy pipeline to evaluate."),
    events: bool = typer.Option(False, "--events", help="Score event mentions (ECB+ `kind: event`) and the share of events with a place and a date instead."),
    coref: bool = typer.Option(False, "--coref", help="Score cross-document coreference (MUC, B3, CEAF-e, CoNLL F1 per ECB+ topic) instead."),
    relations: bool = typer.Option(False, "--relations", help="Score relations and quotes (precision/recall by predicate) against a relation gold file such as tests/data/relations_gold.jsonl instead."),
    output_dir: Optional[Path] = typer.Option(None, "-o", "--output", help="Keep the graph the evaluation builds in this directory (default: a temporary one)."),
) -> None:
    """Score mentions (precision/recall/F1 by type) of our pipeline and of the raw model.

    Ours are scored on the graph that `graphbuild build` makes of the gold texts, by the
    same path (analysis, resolution, kinds, validation, RDF). --events, --coref and
    --relations choose another score (one at a time)."""
    try:
        from graphbuild.evaluate import run
        from graphbuild.settings import EvaluationSettings

        settings = EvaluationSettings(gold, EvaluationSettings.mode_of(events, coref, relations), limit, model,
                                      output_dir)
        table = run(settings)
    except GraphbuildError as exc:
        raise _fail(exc)
    typer.echo(table)


@app.command()
def render(
    graph: Path = typer.Argument(..., help="A graph graphbuild wrote: graph.trig, graph.ttl, graph.nt or graph.jsonld."),
    output: Path = typer.Option(Path("graph.html"), "-o", "--output", help="The HTML file to write."),
    title: str = typer.Option("graphbuild network", "--title", help="Page title."),
    formats: str = typer.Option("html", "--formats",
                                help="Comma-separated: html,graphml,gexf. GraphML/GEXF go beside the HTML file "
                                     "(NAME.graphml with actors and events, NAME-actors.graphml the actor network)."),
    events: bool = typer.Option(False, "--events/--no-events", help="Start with events drawn as nodes too."),
    initial: int = typer.Option(None, "--initial", min=1, help="Actors drawn at first, most central first (default: up to 1000)."),
    base_iri: str = typer.Option(DEFAULT_BASE_IRI, "--base-iri", help="The base IRI the graph was built with (GraphML/GEXF iri attribute)."),
) -> None:
    """Draw GRAPH as the offline HTML network (the graph.html that build writes), and/or export it for Gephi/Cytoscape."""
    try:
        wanted = tuple(f.strip().lower() for f in formats.split(",") if f.strip())
        unknown = [f for f in wanted if f not in ("html", "graphml", "gexf")]
        if unknown or not wanted:
            raise UsageError("GB203", unknown=", ".join(unknown) or "(none)", choices="html,graphml,gexf")
        if not graph.exists():
            raise UsageError("GB204", graph=graph)
        from graphbuild.network.exchange import write_exports
        from graphbuild.network.html import write_html
        from graphbuild.network.view import network_view
        from graphbuild.rdf.read import read_model

        model = read_model(graph)
        view = network_view(model)
        written = []
        if "html" in wanted:
            written.append(write_html(model, output, title=title, view=view, initial_shown=initial, show_events=events,
                                      base_iri=base_iri))
        written += write_exports(model, output.parent, wanted, base_iri=base_iri, view=view, stem=output.stem).values()
    except GraphbuildError as exc:
        raise _fail(exc)
    for path in written:
        if path.suffix == ".html":
            typer.echo(f"Open {printable(path.resolve().as_uri())} in a browser to explore the network.")
        else:
            typer.echo(f"Wrote {printable(str(path))}")


@app.command()
def explain(
    name: str = typer.Argument(..., help="A name of the node, e.g. \"Soleimani\" (any spelling seen in the articles)."),
    graph: Path = typer.Option(Path("output"), "--graph", help="The output directory (or graph file) of a build."),
    corrections: Optional[Path] = typer.Option(None, "--corrections", help="The corrections file the graph was built with [default: corrections.ttl beside the graph].", show_default=False),
) -> None:
    """Show which mentions were merged into the node(s) named NAME, and why (rule, score, corrections)."""
    try:
        path = graph / "graph.trig" if graph.is_dir() else graph
        if not path.exists():
            raise UsageError("GB205", path=path)
        from graphbuild.correcting import load_corrections
        from graphbuild.rdf.read import read_model
        from graphbuild.resolve.explain import explain as explain_name

        applied = load_corrections(Settings(output_dir=path.parent, corrections=corrections))
        lines = explain_name(read_model(path), name, applied)
    except GraphbuildError as exc:
        raise _fail(exc)
    if not lines:
        say("", "", f"no node is named {name!r} in {path}")
        raise typer.Exit(1)
    for line in lines:
        typer.echo(line)


cli_store.register(app)  # load, query, validate
cli_correct.register(app)  # correct merge|split|kind|alias|drop
cli_errors.register(app)  # errors [CODE]


def _version(value: bool) -> None:
    if value:
        typer.echo(f"graphbuild {__version__}")
        raise typer.Exit()


@app.callback()
def _main(version: bool = typer.Option(False, "--version", callback=_version, is_eager=True, help="Print the version.")) -> None:
    """graphbuild: news articles in, a knowledge graph out."""


def main() -> None:
    app()


if __name__ == "__main__":
    sys.exit(main())
