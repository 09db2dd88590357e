"""SHACL validation of a built Dataset against `ontology/shapes.ttl` (pyshacl).

The shapes are checked over the UNION of all named graphs (a mention lives in its
document's graph, the entity it names in the cross-document graph), without inference:
the output asserts every class the shapes rely on, so `inference="none"` is both correct
and fast.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from rdflib import Dataset, Graph
from rdflib.namespace import SH

from graphbuild.errors import OntologyError
from graphbuild.rdf.build import rdflib_term
from graphbuild.rdf.quads import QuadSet
from graphbuild.vocab import ONTOLOGY_DIR, RDF, SHAPES_FILE

MAX_REPORTED = 10  # problems listed in `summary`


@dataclass(frozen=True)
class ValidationResult:
    conforms: bool
    violations: int
    summary: str  # the first problems, one a line: focus node, path, message


@cache
def shapes_graph() -> Graph:
    """The parsed `ontology/shapes.ttl` (cached; read-only)."""
    path = ONTOLOGY_DIR / SHAPES_FILE
    try:
        return Graph().parse(path, format="turtle")
    except Exception as err:
        raise OntologyError(f"{path}: cannot parse the shapes ({err}); fix the Turtle syntax") from err


def union_graph(dataset: Dataset | QuadSet) -> Graph:
    graph = Graph()
    if isinstance(dataset, QuadSet):
        for t in dataset.triples():
            graph.add((rdflib_term(t.subject), rdflib_term(t.predicate), rdflib_term(t.object)))
        return graph
    for s, p, o, _ in dataset.quads((None, None, None, None)):
        graph.add((s, p, o))
    return graph


def validate(dataset: Dataset | Graph | QuadSet) -> ValidationResult:
    """Check `dataset` (all its graphs together) against the shapes."""
    import pyshacl

    data = union_graph(dataset) if isinstance(dataset, (Dataset, QuadSet)) else dataset
    conforms, results, _ = pyshacl.validate(
        data, shacl_graph=shapes_graph(), inference="none", abort_on_first=False,
        allow_warnings=True, meta_shacl=False, advanced=False, js=False, debug=False,
    )
    problems = []
    for result in results.subjects(RDF.type, SH.ValidationResult):
        if results.value(result, SH.resultSeverity) != SH.Violation:
            continue
        focus, path = results.value(result, SH.focusNode), results.value(result, SH.resultPath)
        message = results.value(result, SH.resultMessage)
        problems.append(f"{focus} {path.n3() if path is not None else '-'}: {message}")
    problems.sort()
    summary = "\n".join(problems[:MAX_REPORTED]) + (f"\n... and {len(problems) - MAX_REPORTED} more"
                                                      if len(problems) > MAX_REPORTED else "")
    return ValidationResult(bool(conforms) and not problems, len(problems), summary)


__all__ = ["ValidationResult", "shapes_graph", "union_graph", "validate"]
