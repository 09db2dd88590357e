"""SHACL validation of built quads (or an rdflib Dataset) against `ontology/shapes.ttl`
(pyshacl-turbo to decide, pySHACL's own report when it fails), and the quarantine of the statements that break it.

The shapes are checked over the UNION of all named graphs (a mention lives in its
document's graph, the entity it names in the cross-document graph), without inference:
the output asserts every class the shapes rely on, so `inference="none"` is both correct
and fast.

`quarantine(dataset)` is how a build never loses a batch to one bad statement: it takes
the statements each violation names out of the dataset (into a second dataset, written
as `rejected.trig`) and validates again, until the rest conforms.
"""
from __future__ import annotations

from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from functools import cache

from rdflib import Dataset, Graph, URIRef
from rdflib.namespace import SH
from rdflib.term import Node

from graphbuild.errors import OutputError
from graphbuild.rdf.quads import QuadSet
from graphbuild.shapes import shapes_graph
from graphbuild.vocab import RDF

MAX_REPORTED = 10  # problems listed in `summary`
MAX_ROUNDS = 5  # quarantine rounds before giving up (a removal can expose a new violation)


@dataclass(frozen=True)
class Violation:
    """One SHACL violation: the focus node, the property path (None for a node-level
    constraint), the offending value when the validator names one, the message and the
    shape that was broken."""

    focus: Node
    path: URIRef | None
    value: Node | None
    message: str
    shape: Node | None

    def line(self) -> str:
        path = self.path.n3() if self.path is not None else "-"
        return f"{self.focus} {path}: {self.message}"


@dataclass(frozen=True)
class ValidationResult:
    conforms: bool
    violations: int
    summary: str  # the first problems, one a line: focus node, path, message
    problems: tuple[Violation, ...] = ()


def union_graph(dataset: Dataset) -> Graph:
    graph = Graph()
    for s, p, o, _ in dataset.quads((None, None, None, None)):
        graph.add((s, p, o))
    return graph


@cache
def compiled_shapes():
    """The shapes compiled once per process by pyshacl-turbo (a Rust SHACL engine that
    passes pySHACL's test suite): on ECB+ dev (168k triples) the same results as pySHACL in
    2.3 s instead of 20 s (rdflib graph + pySHACL), reading N-Triples natively."""
    import pyshacl_turbo

    return pyshacl_turbo.compile_shapes(shapes_graph())


def report_graph(dataset: Dataset | Graph | QuadSet) -> tuple[bool, Graph]:
    """Run the shapes over `dataset` (all its graphs together): conforms, report graph.

    pyshacl-turbo decides whether the graph conforms (the fast path: a conforming build
    costs one native run); when it does not, the report is pySHACL's own, so the messages
    a user reads are exactly pySHACL's (turbo words some of them differently)."""
    if isinstance(dataset, QuadSet):
        # The QuadSet's own N-Triples (the same text pyoxigraph writes, kept for ttl/nt).
        return _ntriples_report(dataset.ntriples().decode("utf-8"))
    data = union_graph(dataset) if isinstance(dataset, Dataset) else dataset
    conforms, results, _ = compiled_shapes().validate(data, inference="none", abort_on_first=False,
                                                allow_warnings=True)
    return (True, results) if conforms else _pyshacl_report(data)


def _ntriples_report(nt: str) -> tuple[bool, Graph]:
    """`report_graph` of the union graph given as N-Triples text: handed to the native
    engine as an `Input` (bytes or text would go through rdflib's parser first, 5x slower
    in all on ECB+ dev). The native run releases the GIL (`start_validation`)."""
    from pyshacl_turbo import Input

    conforms, results, _ = compiled_shapes().validate(Input(nt, "nt", None, {}), inference="none",
                                                abort_on_first=False, allow_warnings=True)
    if conforms:
        return True, results
    return _pyshacl_report(Graph().parse(data=nt, format="nt"))


def _pyshacl_report(graph: Graph) -> tuple[bool, Graph]:
    import pyshacl

    conforms, results, _ = pyshacl.validate(
        graph, shacl_graph=shapes_graph(), inference="none", abort_on_first=False,
        allow_warnings=True, meta_shacl=False, advanced=False, js=False, debug=False,
    )
    return bool(conforms), results


def validate(dataset: Dataset | Graph | QuadSet) -> ValidationResult:
    """Check `dataset` (all its graphs together) against the shapes."""
    return _result(*report_graph(dataset))


def start_validation(quads: QuadSet) -> Future[ValidationResult]:
    """`validate(quads)` run on a thread, to overlap with writing the files: the native
    engine releases the GIL, so on a second core the check costs no wall time. The
    N-Triples text is taken here (writers release the QuadSet's cached forms)."""
    nt = quads.ntriples().decode("utf-8")
    compiled_shapes()  # compiled on this thread, once
    pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="graphbuild-shacl")
    future = pool.submit(lambda: _result(*_ntriples_report(nt)))
    pool.shutdown(wait=False)  # the thread ends with its one task
    return future


def _result(conforms: bool, results: Graph) -> ValidationResult:
    problems = []
    for result in results.subjects(RDF.type, SH.ValidationResult):
        if results.value(result, SH.resultSeverity) != SH.Violation:
            continue
        path = results.value(result, SH.resultPath)
        problems.append(Violation(
            focus=results.value(result, SH.focusNode),
            path=path if isinstance(path, URIRef) else None,
            value=results.value(result, SH.value),
            message=str(results.value(result, SH.resultMessage) or "violation"),
            shape=results.value(result, SH.sourceShape),
        ))
    problems.sort(key=lambda v: (v.line(), str(v.value)))
    lines = [v.line() for v in problems]
    summary = "\n".join(lines[:MAX_REPORTED]) + (f"\n... and {len(lines) - MAX_REPORTED} more"
                                                 if len(lines) > MAX_REPORTED else "")
    return ValidationResult(bool(conforms) and not problems, len(problems), summary, tuple(problems))


def _statements(dataset: Dataset, v: Violation) -> set[tuple]:
    """The quads violation `v` is about: the (focus, path, value) statement; else every
    value of the path; for a node-level constraint, the statements that put the focus in
    the shape's target. When none of these exists (a required value is missing), every
    statement about or pointing at the focus: the node goes."""
    def match(s, p, o) -> set[tuple]:
        return set(dataset.quads((s, p, o, None)))

    found: set[tuple] = set()
    if v.path is not None:
        found = match(v.focus, v.path, v.value)
    else:
        shapes = shapes_graph()
        for prop in shapes.objects(v.shape, SH.targetSubjectsOf):
            found |= match(v.focus, prop, None)
        for prop in shapes.objects(v.shape, SH.targetObjectsOf):
            found |= match(None, prop, v.focus)
    return found or match(v.focus, None, None) | match(None, None, v.focus)


def quarantine(dataset: Dataset, result: ValidationResult) -> tuple[ValidationResult, Dataset, list[Violation]]:
    """Move the statements of `result`'s violations from `dataset` (changed in place) to a
    new dataset until the rest conforms. Returns the final result, the rejected
    statements and every violation met on the way; OutputError when the violations name
    no statement to remove or do not go away."""
    rejected, met = Dataset(), []
    for _ in range(MAX_ROUNDS):
        if result.conforms:
            return result, rejected, met
        met.extend(result.problems)
        doomed = set().union(*(_statements(dataset, v) for v in result.problems))
        if not doomed:
            break
        for s, p, o, g in doomed:
            graph = g.identifier if hasattr(g, "identifier") else g
            dataset.remove((s, p, o, graph))
            rejected.add((s, p, o, URIRef(str(graph))))
        result = validate(dataset)
    if result.conforms:
        return result, rejected, met
    raise OutputError("GB421", violations=result.violations, summary=result.summary)


__all__ = ["ValidationResult", "Violation", "quarantine", "report_graph", "shapes_graph", "start_validation", "union_graph",
           "validate"]
