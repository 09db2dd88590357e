"""`graphbuild errors [CODE]`: print the error catalogue (graphbuild/error_codes.py), or
one entry of it. Registered on the app by `graphbuild.cli`."""
from __future__ import annotations

from typing import Optional

import typer

from graphbuild.error_codes import CATALOGUE
from graphbuild.errors import EXIT_CODES, UsageError


def errors(code: Optional[str] = typer.Argument(None, help="One code, e.g. GB218 (default: all of them).")) -> None:
    """Print what each error code means, its exit code and its fix."""
    wanted = [code.upper()] if code else sorted(CATALOGUE)
    if code and wanted[0] not in CATALOGUE:
        exc = UsageError("GB240", code=code)
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(exc.exit_code)
    for name in wanted:
        entry = CATALOGUE[name]
        exit_code = int(name[2])
        typer.echo(f"{name}  {entry.kind}, exit {exit_code} ({EXIT_CODES[exit_code]})")
        typer.echo(_shown(f"    {entry.message}").replace("\n", "\n    "))
        if entry.fix:
            typer.echo(_shown(f"    fix: {entry.fix}"))


def _shown(template: str) -> str:
    """A template as a reader sees it: literal braces single, fields as {name}."""
    return template.replace("{{", "{").replace("}}", "}")


def register(app: typer.Typer) -> None:
    app.command()(errors)


__all__ = ["errors", "register"]
