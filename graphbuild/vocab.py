"""The vocabulary: closed namespaces built from `ontology/*.ttl`, the single source of truth.

Every RDF term the code emits comes from here. `SCHEMA.jobTitle` works because
`ontology/graphbuild.ttl` declares `schema:jobTitle`; `SCHEMA.jobTitel` raises
`OntologyError` naming the term and the file to declare it in. The namespace IRIs
themselves are the `@prefix`es of `ontology/graphbuild.ttl` (also the prefixes bound in
every output file, `PREFIXES`).

Model strings → terms (one rule, documented here, relied on by rdf/, network/, extract/):
- `entity_classes(kind)`: an `Entity.kind` / `Event.kind` is the local name of a class,
  looked up in the order gb:, schema:, sem:, org: ("Person" → schema:Person, "Stampede" →
  gb:Stampede, "Event" → gb:Event); the result is that class plus all its declared
  super-classes (so a plain query for schema:Event or sem:Actor finds the node).
- `property_for(name)`: a `Relation.predicate`, `Participant.role` or `EventLink.predicate`
  is the local name of a property, looked up in the order gb:, schema:, org:, sem:
  ("headOf" → org:headOf, "memberOf" → schema:memberOf, "victim" → gb:victim).
  `model_name(term)` is the inverse. Roles are the sub-properties of sem:hasActor.
"""
from __future__ import annotations

import difflib
from collections.abc import Iterable
from functools import cache
from pathlib import Path

from rdflib import Graph, URIRef
from rdflib.namespace import OWL, RDF, RDFS, XSD

from graphbuild.errors import OntologyError

ONTOLOGY_DIR = Path(__file__).resolve().parent / "ontology"
MAIN_FILE = "graphbuild.ttl"  # declares the prefixes and every non-event term
EVENTS_FILE = "events.ttl"  # event classes and trigger lexicon (H7)
SHAPES_FILE = "shapes.ttl"  # SHACL shapes: not part of the ontology (see rdf/validate.py)

CLASS_TYPES = (OWL.Class, RDFS.Class)
PROPERTY_TYPES = (OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty, RDF.Property)
CLASS_LOOKUP_ORDER = ("gb", "schema", "sem", "org")
# The kind of an event's participant described without a name ("a gunman"; gb:UnnamedActor).
UNNAMED_ACTOR = "UnnamedActor"
PROPERTY_LOOKUP_ORDER = ("gb", "schema", "org", "sem")
# Namespaces closed against the ontology (rdf, rdfs, owl, xsd come from rdflib as they are).
CLOSED_PREFIXES = ("gb", "schema", "org", "sem", "nif", "itsrdf", "prov", "dcterms", "skos", "geo")


@cache
def _prefixes() -> dict[str, str]:
    graph = Graph(bind_namespaces="none")
    path = ONTOLOGY_DIR / MAIN_FILE
    try:
        graph.parse(path, format="turtle")
    except Exception as err:  # a syntax error in our own file: say where
        raise OntologyError("GB104", path=path, what="ontology", reason=err) from err
    found = {str(p): str(ns) for p, ns in graph.namespace_manager.namespaces() if p}
    missing = [p for p in CLOSED_PREFIXES if p not in found]
    if missing:
        raise OntologyError("GB106", path=path, missing=", ".join(missing))
    return dict(sorted(found.items()))


@cache
def ontology_graph() -> Graph:
    """All `ontology/*.ttl` but the shapes merged into one graph (cached: treat it as read-only)."""
    graph = Graph(bind_namespaces="none")
    for prefix, ns in _prefixes().items():
        graph.bind(prefix, ns, override=True, replace=True)
    for path in sorted(ONTOLOGY_DIR.glob("*.ttl")):
        if path.name == SHAPES_FILE:
            continue
        try:
            graph.parse(path, format="turtle")
        except Exception as err:
            raise OntologyError("GB104", path=path, what="ontology", reason=err) from err
    return graph


@cache
def _declared() -> frozenset[URIRef]:
    g = ontology_graph()
    return frozenset(s for s in g.subjects(RDF.type, None) if isinstance(s, URIRef))


def _typed(types: tuple[URIRef, ...]) -> frozenset[URIRef]:
    g = ontology_graph()
    return frozenset(s for t in types for s in g.subjects(RDF.type, t) if isinstance(s, URIRef))


@cache
def _classes() -> frozenset[URIRef]:
    return _typed(CLASS_TYPES)


@cache
def _properties() -> frozenset[URIRef]:
    return _typed(PROPERTY_TYPES)


class ClosedNamespace:
    """A namespace whose terms must be declared in the ontology (`NS.term`, `NS["term"]`)."""

    def __init__(self, prefix: str):
        self._prefix = prefix
        self._terms: dict[str, URIRef] = {}  # names already checked (the ontology is cached too)

    @property
    def prefix(self) -> str:
        return self._prefix

    @property
    def base(self) -> str:
        return _prefixes()[self._prefix]

    def term(self, name: str) -> URIRef:
        cached = self._terms.get(name)
        if cached is not None:
            return cached
        iri = URIRef(self.base + name)
        if iri in _declared():
            self._terms[name] = iri
            return iri
        known = sorted(str(t)[len(self.base):] for t in _declared() if str(t).startswith(self.base))
        close = difflib.get_close_matches(name, known, n=3)
        hint = f" (did you mean {', '.join(self._prefix + ':' + c for c in close)}?)" if close else ""
        where = f"ontology/{MAIN_FILE}" + (f" (event classes: ontology/{EVENTS_FILE})" if self._prefix == "gb" else "")
        raise OntologyError("GB107", prefix=self._prefix, name=name, hint=hint, where=where)

    def __getattr__(self, name: str) -> URIRef:
        if name.startswith("_"):
            raise AttributeError(name)
        term = self.term(name)
        # Checked once: later `NS.name` reads the instance attribute, not this method
        # (the RDF writer reads terms a million times for a million triples).
        setattr(self, name, term)
        return term

    __getitem__ = term

    def __contains__(self, item: object) -> bool:
        text = str(item)
        iri = URIRef(text if text.startswith(self.base) else self.base + text)
        return iri in _declared()

    def __repr__(self) -> str:
        return f"ClosedNamespace({self._prefix!r})"


GB = ClosedNamespace("gb")
SCHEMA = ClosedNamespace("schema")
ORG = ClosedNamespace("org")
SEM = ClosedNamespace("sem")
NIF = ClosedNamespace("nif")
ITSRDF = ClosedNamespace("itsrdf")
PROV = ClosedNamespace("prov")
DCTERMS = ClosedNamespace("dcterms")
SKOS = ClosedNamespace("skos")
GEO = ClosedNamespace("geo")
NAMESPACES = {ns.prefix: ns for ns in (GB, SCHEMA, ORG, SEM, NIF, ITSRDF, PROV, DCTERMS, SKOS, GEO)}


def prefixes() -> dict[str, str]:
    """prefix → namespace IRI of every output file (sorted by prefix)."""
    return dict(_prefixes())


def local_name(term: URIRef) -> str:
    """The local name of `term` in the longest matching known namespace."""
    text = str(term)
    best = max((ns for ns in _prefixes().values() if text.startswith(ns)), key=len, default=None)
    if best is None:
        raise OntologyError("GB108", text=text, main_file=MAIN_FILE)
    return text[len(best):]


def _lookup(name: str, order: tuple[str, ...], pool: frozenset[URIRef], what: str) -> URIRef:
    for prefix in order:
        iri = URIRef(_prefixes()[prefix] + name)
        if iri in pool:
            return iri
    known = sorted({local_name(t) for t in pool if any(str(t).startswith(_prefixes()[p]) for p in order)})
    close = difflib.get_close_matches(name, known, n=3)
    hint = f" (did you mean {', '.join(close)}?)" if close else ""
    raise OntologyError("GB105", what=what, name=name, hint=hint, main_file=MAIN_FILE, events_file=EVENTS_FILE)


def _superclasses(cls: URIRef) -> set[URIRef]:
    g, seen, stack = ontology_graph(), set(), [cls]
    while stack:
        for sup in g.objects(stack.pop(), RDFS.subClassOf):
            if isinstance(sup, URIRef) and sup not in seen and sup != OWL.Thing:
                seen.add(sup)
                stack.append(sup)
    seen.discard(cls)
    return seen


@cache
def entity_classes(kind: str) -> tuple[URIRef, ...]:
    """Every class to assert for an Entity/Event `kind`: the kind's class first, then its
    declared super-classes sorted (e.g. "Person" → schema:Person, sem:Actor)."""
    cls = _lookup(kind, CLASS_LOOKUP_ORDER, _classes(), "kind")
    return (cls, *sorted(_superclasses(cls)))


def kind_for(types: Iterable[URIRef]) -> str:
    """The model `kind` of a node typed with `types`: the most specific class whose
    `entity_classes` it is (inverse of `entity_classes`)."""
    asserted = set(types)
    candidates = []
    for t in sorted(asserted):
        try:
            name = local_name(t)
            if entity_classes(name)[0] == t:
                candidates.append(t)
        except OntologyError:
            continue
    specific = [c for c in candidates if not any(c in _superclasses(o) for o in candidates if o != c)]
    if len(specific) != 1:
        raise OntologyError("GB109", asserted=sorted(map(str, asserted)))
    return local_name(specific[0])


@cache
def property_for(name: str) -> URIRef:
    """The property for a model predicate/role string (see the module docstring)."""
    return _lookup(name, PROPERTY_LOOKUP_ORDER, _properties(), "predicate/role")


def model_name(prop: URIRef) -> str:
    """The model string of `prop` (inverse of `property_for`)."""
    name = local_name(prop)
    if property_for(name) != prop:
        raise OntologyError("GB110", prop=prop, name=name)
    return name


@cache
def role_properties() -> frozenset[URIRef]:
    """Participant role properties: every declared sub-property of sem:hasActor."""
    g, root = ontology_graph(), SEM.hasActor
    seen, stack = set(), [root]
    while stack:
        for sub in g.subjects(RDFS.subPropertyOf, stack.pop()):
            if isinstance(sub, URIRef) and sub not in seen:
                seen.add(sub)
                stack.append(sub)
    return frozenset(seen)


@cache
def iri_base(resource: str) -> str:
    """The `gb:iriBase` the ontology gives the gazetteer `gb:<resource>` (e.g. "GeoNames")."""
    base = ontology_graph().value(GB.term(resource), GB.iriBase)
    if base is None:
        raise OntologyError("GB111", resource=resource, main_file=MAIN_FILE)
    return str(base)


@cache
def term_label(term: URIRef) -> str:
    """The ontology's rdfs:label of `term` (its local name when it has none)."""
    label = ontology_graph().value(term, RDFS.label)
    return str(label) if label is not None else local_name(term)


def role_for(role: str) -> URIRef:
    """The property for a `Participant.role`; must be a sub-property of sem:hasActor."""
    prop = property_for(role)
    if prop not in role_properties():
        raise OntologyError("GB112", role=role, prop=prop)
    return prop


__all__ = [
    "DCTERMS", "GB", "GEO", "ITSRDF", "NIF", "ORG", "OWL", "PROV", "RDF", "RDFS", "SCHEMA", "SEM", "SKOS", "XSD",
    "ClosedNamespace", "entity_classes", "iri_base", "kind_for", "local_name", "model_name", "ontology_graph", "prefixes",
    "property_for", "role_for", "role_properties", "term_label",
]
