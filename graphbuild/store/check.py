"""`graphbuild validate`: check an output as a triple-store user would receive it.

Every RDF file of an output directory (or the one file given) is parsed by pyoxigraph's
strict parsers, then the union of its statements is checked against the SHACL shapes
(`ontology/shapes.ttl`, via `rdf/validate.py`). The result lists what failed; it conforms
only when every file parses and no shape is violated.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox
from rdflib import Graph, Literal, URIRef

from graphbuild.errors import UsageError
from graphbuild.rdf.read import FORMATS

OUTPUT_FILES = ("graph.trig", "graph.ttl", "graph.nt", "graph.jsonld")


@dataclass
class CheckReport:
    """Per file: statements parsed or the parse error; then the SHACL outcome."""

    parsed: dict[str, int] = field(default_factory=dict)
    parse_errors: dict[str, str] = field(default_factory=dict)
    violations: int = 0
    summary: str = ""  # the first violations, one a line

    @property
    def conforms(self) -> bool:
        return not self.parse_errors and self.violations == 0 and bool(self.parsed)


def files_of(path: Path) -> list[Path]:
    """The RDF files to check: graphbuild's outputs in a directory, or the file itself."""
    path = Path(path)
    if path.is_dir():
        found = [path / name for name in OUTPUT_FILES if (path / name).exists()]
        if not found:
            raise UsageError("GB230", path=path)
        return found
    if not path.exists():
        raise UsageError("GB228", path=path)
    if path.suffix.lower() not in FORMATS:
        raise UsageError("GB229", path=path, suffix=path.suffix or "this", formats=", ".join(FORMATS))
    return [path]


def _rdflib(term):
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        return Literal(term.value, datatype=URIRef(term.datatype.value))
    raise ValueError(f"blank node {term}: graphbuild outputs have none")


def to_graph(triples) -> Graph:
    """An rdflib Graph of pyoxigraph triples (what pyshacl reads)."""
    graph = Graph()
    for t in triples:
        graph.add((_rdflib(t.subject), _rdflib(t.predicate), _rdflib(t.object)))
    return graph


def check_output(path: Path) -> CheckReport:
    """Parse every file of `path` strictly, then validate their union with the shapes."""
    from graphbuild.rdf.validate import validate

    report, triples = CheckReport(), set()
    for file in files_of(path):
        try:
            quads = list(ox.parse(path=str(file), format=FORMATS[file.suffix.lower()]))
        except (SyntaxError, ValueError, OSError) as err:
            report.parse_errors[file.name] = str(err)
            continue
        report.parsed[file.name] = len(quads)
        triples.update(q.triple for q in quads)
    if triples:
        try:
            result = validate(to_graph(triples))
        except ValueError as err:
            report.parse_errors["(shapes)"] = str(err)
            return report
        report.violations, report.summary = result.violations, result.summary
    return report


__all__ = ["CheckReport", "OUTPUT_FILES", "check_output", "files_of", "to_graph"]
