"""The SHACL shapes (`ontology/shapes.ttl`) as constraints a fact can be checked against
before any RDF is built.

The validator (`rdf/validate.py`) runs the shapes over the output; the resolver reads
the class constraints of the same shapes (`class_constraints`) to vote a node's kind by
the roles it plays and to drop a fact whose ends no longer fit their final kinds, so one
file states what kind of node each end of a property must be.

Read from the shapes, in these forms only:
- a node shape `sh:targetSubjectsOf P ; sh:class C`: the subject of P is a C;
- a node shape `sh:targetObjectsOf P ; sh:class C`: the object of P is a C;
- a property shape `sh:path P ; sh:class C` of a node shape `sh:targetClass T`: the
  object of P is a C when the subject is a T; of a node shape `sh:targetSubjectsOf P`:
  the object of P is a C.
"""
from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from functools import cache

from rdflib import Graph, URIRef
from rdflib.namespace import SH

from graphbuild.errors import OntologyError
from graphbuild.vocab import ONTOLOGY_DIR, RDF, SHAPES_FILE, prefixes

SUBJECT, OBJECT = "subject", "object"


@dataclass(frozen=True)
class ClassConstraint:
    """The `side` end of a `predicate` statement must have class `cls` (when the subject
    has class `when`, or always when `when` is None)."""

    predicate: URIRef
    side: str  # SUBJECT | OBJECT
    cls: URIRef
    when: URIRef | None = None

    def reason(self) -> str:
        """A short, stable text for reports: "sem:hasPlace object is not a sem:Place"."""
        return f"{curie(self.predicate)} {self.side} is not a {curie(self.cls)}"


@cache
def shapes_graph() -> Graph:
    """The parsed `ontology/shapes.ttl` (cached; read-only)."""
    path = ONTOLOGY_DIR / SHAPES_FILE
    try:
        return Graph().parse(path, format="turtle")
    except Exception as err:
        raise OntologyError("GB104", path=path, what="shapes", reason=err) from err


def curie(term: URIRef) -> str:
    """`term` as prefix:local with the ontology's prefixes (the full IRI if none fits)."""
    text = str(term)
    for prefix, ns in sorted(prefixes().items(), key=lambda kv: -len(kv[1])):
        if text.startswith(ns):
            return f"{prefix}:{text[len(ns):]}"
    return text


def _iris(graph: Graph, subject, predicate) -> list[URIRef]:
    return sorted(o for o in graph.objects(subject, predicate) if isinstance(o, URIRef))


@cache
def class_constraints() -> tuple[ClassConstraint, ...]:
    """Every class constraint of the shapes in the forms of the module docstring."""
    g = shapes_graph()
    found: set[ClassConstraint] = set()
    for shape in g.subjects(RDF.type, SH.NodeShape):
        subjects_of = _iris(g, shape, SH.targetSubjectsOf)
        objects_of = _iris(g, shape, SH.targetObjectsOf)
        target_classes = _iris(g, shape, SH.targetClass)
        for cls in _iris(g, shape, SH["class"]):
            found.update(ClassConstraint(p, SUBJECT, cls) for p in subjects_of)
            found.update(ClassConstraint(p, OBJECT, cls) for p in objects_of)
        for prop_shape in g.objects(shape, SH.property):
            path = g.value(prop_shape, SH.path)
            if not isinstance(path, URIRef):
                continue
            for cls in _iris(g, prop_shape, SH["class"]):
                found.update(ClassConstraint(path, OBJECT, cls, t) for t in target_classes)
                if path in subjects_of:
                    found.add(ClassConstraint(path, OBJECT, cls))
    return tuple(sorted(found, key=lambda c: (str(c.predicate), c.side, str(c.cls), str(c.when or ""))))


@cache
def _by_predicate() -> dict[URIRef, tuple[ClassConstraint, ...]]:
    table: dict[URIRef, list[ClassConstraint]] = {}
    for c in class_constraints():
        table.setdefault(c.predicate, []).append(c)
    return {p: tuple(cs) for p, cs in table.items()}


def constraints_for(predicate: URIRef) -> tuple[ClassConstraint, ...]:
    """The class constraints on statements with `predicate` (empty when there are none)."""
    return _by_predicate().get(predicate, ())


def violations(predicate: URIRef, subject_classes: Collection[URIRef],
               object_classes: Collection[URIRef]) -> list[ClassConstraint]:
    """The constraints a statement (subject, `predicate`, object) with ends of these
    classes breaks (empty: the statement fits the shapes)."""
    broken = []
    for c in constraints_for(predicate):
        if c.when is not None and c.when not in subject_classes:
            continue
        if c.cls not in (subject_classes if c.side == SUBJECT else object_classes):
            broken.append(c)
    return broken


__all__ = ["OBJECT", "SUBJECT", "ClassConstraint", "class_constraints", "constraints_for", "curie",
           "shapes_graph", "violations"]
