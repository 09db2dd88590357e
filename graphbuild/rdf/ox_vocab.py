"""The vocabulary as pyoxigraph terms for the RDF builder (`rdf/build.py`, `rdf/events.py`):
namespaces whose terms are converted once, and memoised conversions of what
`graphbuild.vocab` and `rdf.provenance` give as rdflib terms (classes of a kind, the
property of a predicate or role, a rule's run and plan)."""
from __future__ import annotations

from functools import lru_cache

import pyoxigraph as ox

from graphbuild import vocab
from graphbuild.rdf.provenance import rule_plan
from graphbuild.rdf.terms import OxNamespace, as_ox

# XSD stays rdflib's in the builder: `terms.Literal` takes it.
DCTERMS, GB, GEO, ITSRDF, NIF, ORG, OWL, PROV, RDF, RDFS, SCHEMA, SEM, SKOS = map(OxNamespace, (
    vocab.DCTERMS, vocab.GB, vocab.GEO, vocab.ITSRDF, vocab.NIF, vocab.ORG, vocab.OWL, vocab.PROV,
    vocab.RDF, vocab.RDFS, vocab.SCHEMA, vocab.SEM, vocab.SKOS))


@lru_cache(maxsize=None)
def classes_of(kind: str) -> tuple[ox.NamedNode, ...]:
    return tuple(as_ox(c) for c in vocab.entity_classes(kind))


@lru_cache(maxsize=None)
def property_of(name: str) -> ox.NamedNode:
    return as_ox(vocab.property_for(name))


@lru_cache(maxsize=4096)
def rule_plan_of(base: str, rule_name: str) -> tuple[ox.NamedNode, tuple[tuple, ...]]:
    """The run of `rule_name` and its description (`provenance.rule_plan`) in pyoxigraph terms."""
    run, plan = rule_plan(base, rule_name)
    return as_ox(run), tuple(tuple(as_ox(t) for t in triple) for triple in plan)


@lru_cache(maxsize=None)
def role_of(role: str) -> ox.NamedNode:
    return as_ox(vocab.role_for(role))


__all__ = ["DCTERMS", "GB", "GEO", "ITSRDF", "NIF", "ORG", "OWL", "PROV", "RDF", "RDFS", "SCHEMA", "SEM", "SKOS",
           "classes_of", "property_of", "role_of", "rule_plan_of"]
