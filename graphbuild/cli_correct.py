"""`graphbuild correct merge|split|kind|alias|drop`: parse options, call `amend.amend`,
print what was recorded and rebuilt. Registered on the app by `graphbuild.cli`."""
from __future__ import annotations

import getpass
from pathlib import Path
from typing import Optional

import typer
from rich.console import Console
from rich.text import Text

from graphbuild.errors import GraphbuildError

err = Console(stderr=True, highlight=False)
app = typer.Typer(help="Correct entity resolution once, for every later build: each command resolves its names "
                       "like explain (an IRI picks one node), appends to the corrections file (corrections.ttl "
                       "beside the graph, or --corrections FILE) and rebuilds the documents it touches.",
                  no_args_is_help=True)

GRAPH = typer.Option(Path("output"), "--graph", help="The output directory of a build.")
CORRECTIONS = typer.Option(None, "--corrections", help="The corrections file to append to (default: corrections.ttl in --graph); later builds need the same --corrections.")
BY = typer.Option(None, "--by", help="Who makes the correction (prov:wasAttributedTo) [default: the login name].", show_default=False)
NOTE = typer.Option(None, "--note", help="Why: kept with the correction (rdfs:comment).")
NO_REBUILD = typer.Option(False, "--no-rebuild", help="Only record the correction; the next build applies it.")
QUICK = typer.Option(False, "--quick", help="Rebuild only the documents naming the corrected nodes, not those sharing an event with them: faster, but those events may join as after build --into, not as in a full build.")


def _run(action: str, names: tuple[str, ...], graph: Path, corrections: Optional[Path], by: Optional[str],
         note: Optional[str], no_rebuild: bool, quick: bool, **extra) -> None:
    from graphbuild.amend import Request, amend

    try:
        request = Request(action, names, graph, corrections=corrections, agent=by or _login(), note=note,
                          rebuild=not no_rebuild, quick=quick, **extra)
        outcome = amend(request)
    except GraphbuildError as exc:
        err.print(Text.assemble(("error:", "bold red"), " ", str(exc)), soft_wrap=True)
        raise typer.Exit(exc.exit_code)
    if outcome.already:
        typer.echo(f"{outcome.file} already holds {outcome.correction.describe()} ({outcome.correction.key}); "
                   "nothing to do")
        return
    typer.echo(f"recorded {outcome.correction.describe()} ({outcome.correction.key}) in {outcome.file}")
    if outcome.report:
        corr = outcome.report.get("corrections", {})
        typer.echo(f"rebuilt {len(outcome.touched)} document(s): {', '.join(outcome.touched)}; "
                   f"{corr.get('applied', 0)} correction(s) applied, {len(corr.get('unmatched', []))} unmatched")
        for line in corr.get("unmatched", []):
            err.print(Text.assemble(("warning:", "yellow"), f" matches nothing now: {line}"), soft_wrap=True)
    elif not outcome.touched:
        typer.echo("no document of the graph is touched; later builds apply it")


def _login() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "unknown"


@app.command()
def merge(a: str = typer.Argument(..., help="A name (or IRI) of the first node; it keeps its IRI."),
          b: str = typer.Argument(..., help="A name (or IRI) of the node that joins it."),
          graph: Path = GRAPH, corrections: Optional[Path] = CORRECTIONS, by: Optional[str] = BY,
          note: Optional[str] = NOTE, no_rebuild: bool = NO_REBUILD, quick: bool = QUICK) -> None:
    """A and B are one node (owl:sameAs)."""
    _run("merge", (a, b), graph, corrections, by, note, no_rebuild, quick)


@app.command()
def split(name: str = typer.Argument(..., help="A name (or IRI) of the node."),
          doc: list[str] = typer.Option(..., "--doc", help="A document whose mentions of NAME become a node of their own (repeatable)."),
          graph: Path = GRAPH, corrections: Optional[Path] = CORRECTIONS, by: Optional[str] = BY,
          note: Optional[str] = NOTE, no_rebuild: bool = NO_REBUILD, quick: bool = QUICK) -> None:
    """The mentions of NAME in the --doc documents are another node (owl:differentFrom)."""
    _run("split", (name,), graph, corrections, by, note, no_rebuild, quick, documents=tuple(doc))


@app.command()
def kind(name: str = typer.Argument(..., help="A name (or IRI) of the node."),
         kind: str = typer.Argument(..., help="Person, Organization or Place."),
         graph: Path = GRAPH, corrections: Optional[Path] = CORRECTIONS, by: Optional[str] = BY,
         note: Optional[str] = NOTE, no_rebuild: bool = NO_REBUILD, quick: bool = QUICK) -> None:
    """NAME is a KIND, whatever its mentions vote (gb:kindOverride); its IRI stays."""
    _run("kind", (name,), graph, corrections, by, note, no_rebuild, quick, kind=kind)


@app.command()
def alias(a: str = typer.Argument(..., help="A name, e.g. Burma."),
          b: str = typer.Argument(..., help="Another name of the same thing, e.g. Myanmar."),
          graph: Path = GRAPH, corrections: Optional[Path] = CORRECTIONS, by: Optional[str] = BY,
          note: Optional[str] = NOTE, no_rebuild: bool = NO_REBUILD, quick: bool = QUICK) -> None:
    """The names A and B name one thing, in every document (gb:alias)."""
    _run("alias", (a, b), graph, corrections, by, note, no_rebuild, quick)


@app.command()
def drop(name: str = typer.Argument(..., help="A name that is never an entity, e.g. a photo credit."),
         graph: Path = GRAPH, corrections: Optional[Path] = CORRECTIONS, by: Optional[str] = BY,
         note: Optional[str] = NOTE, no_rebuild: bool = NO_REBUILD, quick: bool = QUICK) -> None:
    """NAME is never an entity, in any document (gb:drop): its mentions and facts go."""
    _run("drop", (name,), graph, corrections, by, note, no_rebuild, quick)


def register(main: typer.Typer) -> None:
    """Add `correct` to the main app."""
    main.add_typer(app, name="correct")


__all__ = ["app", "register"]
