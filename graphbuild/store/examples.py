"""The example queries shipped in `graphbuild/queries/*.rq` (package data).

Each file starts with a `# title` comment line; the rest is SPARQL written against the
output contract with the predeclared prefixes and the union default graph.
"""
from __future__ import annotations

from functools import cache
from pathlib import Path

from graphbuild.errors import UsageError

QUERIES_DIR = Path(__file__).resolve().parent.parent / "queries"


@cache
def _files() -> dict[str, Path]:
    return {p.stem: p for p in sorted(QUERIES_DIR.glob("*.rq"))}


def names() -> list[str]:
    return list(_files())


def text(name: str) -> str:
    """The SPARQL of example `name`."""
    path = _files().get(name)
    if path is None:
        raise UsageError("GB233", name=name, names=", ".join(names()))
    return path.read_text(encoding="utf-8")


def titles() -> dict[str, str]:
    """name → the title line of each example."""
    return {n: text(n).splitlines()[0].lstrip("# ").strip() for n in names()}


__all__ = ["QUERIES_DIR", "names", "text", "titles"]
