"""SHACL over a big build in parts, with the result of validating the union at once.

`rdf.validate.validate` holds the whole union graph in the validator (about 0.7 kB a
triple: the peak of a corpus build). Here the quads are cut into parts of about
`budget` statements: consecutive document graphs, each closed under description, i.e.
with every statement (of any graph) about every node its statements name, and about
what those name, and so on (an entity's types and labels, an event's evidence in other
documents, the spans and contexts that evidence was read from). A last part holds the
cross-document nodes no document reached, closed the same way.

Why a part decides like the union: SHACL follows paths forward from a focus node, and
in a part every node that is described at all is described whole, so each focus node of
a part has exactly the neighbourhood it has in the union; and every focus node of the
union (the subject or object of some statement) is in some part. This holds for shapes
whose paths are plain predicates and that use no SPARQL; for others (`_partable`), the
union is validated as before.

The result is the union's: when every part conforms it is the (empty) conforming result;
when any part does not, the union itself is validated (the report a user reads is exactly
today's; a build that violates anything pays for one union run more).
"""
from __future__ import annotations

from collections.abc import Iterator
from functools import cache

import numpy as np

from graphbuild.rdf.quads import QuadSet
from graphbuild.rdf.validate import ValidationResult, validate

BUDGET = 150_000  # statements of document graphs per part (~100 MB in the validator)


@cache
def _partable() -> bool:
    """Whether the shapes only follow plain predicates forward (no inverse or sequence
    paths: they are blank nodes, and the shapes hold none) and use no SPARQL."""
    from rdflib import URIRef
    from rdflib.namespace import SH

    from graphbuild.shapes import shapes_graph

    shapes = shapes_graph()
    if any((None, term, None) in shapes for term in (SH.sparql, SH.select, SH.ask)):
        return False
    return all(isinstance(path, URIRef) for path in shapes.objects(None, SH.path))


class _Descriptions:
    """Every row of `rows` by subject: the rows describing a set of nodes, and the closure."""

    def __init__(self, rows: np.ndarray):
        self.order = np.argsort(rows[:, 1], kind="stable")
        self.subjects = rows[self.order, 1]
        self.objects = rows[:, 3]

    def of(self, nodes: np.ndarray) -> np.ndarray:
        """Positions (into rows) of the rows whose subject is one of `nodes` (unique)."""
        lo = np.searchsorted(self.subjects, nodes, side="left")
        hi = np.searchsorted(self.subjects, nodes, side="right")
        keep = hi > lo
        lo, hi = lo[keep], hi[keep]
        if not len(lo):
            return np.zeros(0, dtype=np.int64)
        lengths = hi - lo
        starts = np.repeat(lo - np.cumsum(lengths) + lengths, lengths)
        return self.order[starts + np.arange(lengths.sum())]

    def closure(self, nodes: np.ndarray, seen: np.ndarray) -> np.ndarray:
        """Positions of the rows describing `nodes` and every node they reach; `seen` is a
        scratch mask over the terms (cleared on return)."""
        found, frontier, marked = [], np.unique(nodes), []
        while len(frontier):
            seen[frontier] = True
            marked.append(frontier)
            at = self.of(frontier)
            found.append(at)
            reached = np.unique(self.objects[at])
            frontier = reached[~seen[reached]]
        for m in marked:
            seen[m] = False
        return np.unique(np.concatenate(found)) if found else np.zeros(0, dtype=np.int64)


def parts(quads: QuadSet, cross_graph: str, budget: int | None = None) -> Iterator[QuadSet] | None:
    """The parts to validate instead of `quads` (see the module docstring), or None when
    the quads must be validated whole (small enough, or shapes this cannot cut).
    `budget`: statements of document graphs per part (BUDGET by default)."""
    budget = budget or BUDGET
    rows, terms = quads.rows(), quads.terms()
    if len(rows) <= budget or not _partable():
        return None
    graph_ids = np.unique(rows[:, 0])
    cross = [g for g in graph_ids.tolist() if getattr(terms[g], "value", None) == cross_graph]
    return _cut(quads, rows[:, 0] == (cross[0] if cross else -1), budget)


def _ends(rows: np.ndarray, budget: int) -> list[int]:
    """Where parts of the document rows `rows` may end: at each graph's end (rows are
    sorted by graph, then subject), and inside a graph of more than `budget` rows at a
    subject's end about every `budget` rows (one long article is one graph: cut whole it
    would be the union again). Seeds are any set of subjects; closure makes a part whole."""
    graph_ends = [*(np.flatnonzero(np.diff(rows[:, 0])) + 1).tolist(), len(rows)]
    out, start = [], 0
    for end in graph_ends:
        if end - start > budget:
            subject_ends = np.flatnonzero(np.diff(rows[start:end, 1])) + 1 + start
            last = start
            for at in subject_ends.tolist():
                if at - last >= budget:
                    out.append(at)
                    last = at
        out.append(end)
        start = end
    return out


def _cut(quads: QuadSet, is_cross: np.ndarray, budget: int) -> Iterator[QuadSet]:
    rows = quads.rows()
    described = _Descriptions(rows)
    seen = np.zeros(len(quads.terms()), dtype=bool)
    covered = np.zeros(len(rows), dtype=bool)
    doc_at = np.flatnonzero(~is_cross)
    lo = 0
    for end in _ends(rows[doc_at], budget):
        if end - lo < budget and end < len(doc_at):
            continue
        at = described.closure(rows[doc_at[lo:end], 1], seen)
        covered[at] = True
        yield quads.subset(at)
        lo = end
    left = np.flatnonzero(~covered)
    for start in range(0, len(left), budget):  # cross-document nodes no document reached
        at = described.closure(rows[left[start:start + budget], 1], seen)
        covered[at] = True
        yield quads.subset(at)


def validate_in_parts(quads: QuadSet, cross_graph: str, budget: int | None = None) -> ValidationResult:
    """`validate(quads)`'s result, computed part by part when the quads are big (module
    docstring); any part that does not conform sends the union to `validate`."""
    pieces = parts(quads, cross_graph, budget)
    if pieces is None:
        return validate(quads)
    for piece in pieces:
        if not validate(piece).conforms:
            return validate(quads)
    return ValidationResult(True, 0, "", ())


__all__ = ["BUDGET", "parts", "validate_in_parts"]
