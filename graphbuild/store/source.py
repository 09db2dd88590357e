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
            raise InputError("GB279", str(path))
    elif not path.exists():
        raise InputError("GB280", str(path))
    if path.suffix.lower() not in DATASET_FORMATS:
        raise InputError("GB278", str(path), dataset_formats=", ".join(DATASET_FORMATS))
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
                raise InputError("GB281", str(path), triple=quad.triple)
            if isinstance(quad.graph_name, ox.BlankNode) or any(
                    isinstance(term, ox.BlankNode) for term in (quad.subject, quad.object)):
                raise InputError("GB282", str(path))
            graphs[quad.graph_name.value].append(quad.triple)
    except (SyntaxError, ValueError, OSError) as err:
        raise InputError("GB276", str(path), reason=err) from err
    return NamedGraphs({g: sorted(set(graphs[g]), key=_key) for g in sorted(graphs)}, path)


__all__ = ["NamedGraphs", "OUTPUT_FILE", "dataset_file", "read_graphs"]
