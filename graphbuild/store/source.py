"""The named graphs of a build's output, as a store loads them.

An output directory holds `graph.trig`: one named graph per source document (named by the
document's IRI) plus the cross-document graph (`iri.cross_graph_iri`). Loading replaces
each of those graphs as a whole, so loading the same output twice leaves the same store.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from graphbuild.errors import InputError

DATASET_FORMATS = {".trig": ox.RdfFormat.TRIG, ".nq": ox.RdfFormat.N_QUADS}
OUTPUT_FILE = "graph.trig"


@dataclass(frozen=True)
class NamedGraphs:
    """Graph IRI → its triples (sorted), in graph-IRI order; where they were read from."""

    graphs: dict[str, list[ox.Triple]]
    source: Path

    @property
    def triples(self) -> int:
        return sum(len(t) for t in self.graphs.values())


def dataset_file(path: Path) -> Path:
    """`path` itself when it is a TriG/N-Quads file, else the `graph.trig` of the output dir."""
    path = Path(path)
    if path.is_dir():
        path = path / OUTPUT_FILE
        if not path.exists():
            raise InputError(str(path), "no graph.trig in this output directory",
                             "build it with trig among --formats (the default), or pass the .trig file")
    elif not path.exists():
        raise InputError(str(path), "no such file or directory", "pass an output directory of graphbuild build")
    if path.suffix.lower() not in DATASET_FORMATS:
        raise InputError(str(path), "a store loads named graphs, and this file has none",
                         f"pass graph.trig or an N-Quads file ({', '.join(DATASET_FORMATS)})")
    return path


def _key(t: ox.Triple) -> tuple:
    return (str(t.subject), str(t.predicate), str(t.object))


def read_graphs(path: Path) -> NamedGraphs:
    """The named graphs of an output directory or TriG/N-Quads file (strict pyoxigraph parse).
    Triples in the default graph are refused: graphbuild writes every triple into a named graph."""
    path = dataset_file(path)
    graphs: dict[str, list[ox.Triple]] = defaultdict(list)
    try:
        for quad in ox.parse(path=str(path), format=DATASET_FORMATS[path.suffix.lower()]):
            if isinstance(quad.graph_name, ox.DefaultGraph):
                raise InputError(str(path), f"a triple lies in the default graph ({quad.triple})",
                                 "put every triple in a named graph (graphbuild build does)")
            if isinstance(quad.graph_name, ox.BlankNode) or any(
                    isinstance(term, ox.BlankNode) for term in (quad.subject, quad.object)):
                raise InputError(str(path), "the graph holds blank nodes, so re-loading would duplicate them",
                                 "load a graph written by graphbuild build (it mints an IRI for every node)")
            graphs[quad.graph_name.value].append(quad.triple)
    except (SyntaxError, ValueError, OSError) as err:
        raise InputError(str(path), f"cannot parse the graph ({err})", "pass a graph written by graphbuild build") from err
    return NamedGraphs({g: sorted(set(graphs[g]), key=_key) for g in sorted(graphs)}, path)


__all__ = ["NamedGraphs", "OUTPUT_FILE", "dataset_file", "read_graphs"]
