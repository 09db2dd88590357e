"""pyoxigraph terms for the RDF builder, and the way back to rdflib for API callers.

The build path makes pyoxigraph terms only; vocabulary terms (`graphbuild.vocab`, rdflib
URIRefs) are converted once each. `to_rdflib` turns built quads into an rdflib Dataset
for readers, tests and the SHACL quarantine, which want rdflib's API.
"""
from __future__ import annotations

import math
from decimal import Decimal
from functools import cache, lru_cache

import pyoxigraph as ox
from rdflib import Dataset, URIRef
from rdflib import Literal as RdfLiteral

from graphbuild.errors import OutputError
from graphbuild.rdf.quads import QuadSet
from graphbuild.vocab import XSD, prefixes


def named(value: str) -> ox.NamedNode:
    """A minted IRI as a pyoxigraph term (its parser is strict: a bad IRI is a bug upstream)."""
    try:
        return ox.NamedNode(value)
    except ValueError as err:
        raise OutputError("GB419", iri=value, reason=err) from err


@cache
def _vocab(term: URIRef) -> ox.NamedNode:
    """A vocabulary term (an rdflib URIRef from graphbuild.vocab) as a pyoxigraph term."""
    return ox.NamedNode(str(term))


class OxNamespace:
    """A `graphbuild.vocab` namespace whose terms are pyoxigraph NamedNodes: `OxNamespace(NIF).beginIndex`.
    Each term is looked up in the closed namespace (a typo fails) and converted once; after
    that it is a plain attribute (the builder reads these a million times at 1M triples)."""

    def __init__(self, namespace):
        self._namespace = namespace

    def __getattr__(self, name: str) -> ox.NamedNode:
        if name.startswith("__"):
            raise AttributeError(name)
        term = _vocab(getattr(self._namespace, name))
        setattr(self, name, term)
        return term

    def __getitem__(self, name: str) -> ox.NamedNode:
        return getattr(self, name)


def as_ox(term):
    """A term as pyoxigraph's: vocabulary terms and what `rdf.provenance` makes are rdflib's."""
    cls = term.__class__
    if cls is URIRef:
        return _vocab(term)
    if cls is RdfLiteral:
        return _from_rdflib_literal(term)
    return term


def _from_rdflib_literal(term: RdfLiteral) -> ox.Literal:
    if term.language:
        return ox.Literal(str(term), language=term.language)
    return Literal(str(term), term.datatype) if term.datatype is not None else Literal(str(term))


def Literal(value: str, datatype: URIRef | None = None) -> ox.Literal:  # noqa: N802 (reads like rdflib's)
    """A plain (xsd:string) or typed literal."""
    return ox.Literal(value) if datatype is None else ox.Literal(value, datatype=_vocab(datatype))


@lru_cache(maxsize=1 << 12)
def plain_literal(value: str) -> ox.Literal:
    """A plain literal of a value that repeats (a label, a rule name): made once, shared."""
    return ox.Literal(value)


def to_rdflib(quads: QuadSet) -> Dataset:
    """`quads` as an rdflib Dataset (prefixes bound), one rdflib graph per named graph."""
    ds = Dataset()
    for prefix, ns in prefixes().items():
        ds.bind(prefix, ns, override=True, replace=True)
    for name, triples in quads.graphs().items():
        graph = ds.graph(URIRef(name.value))
        for t in triples:
            graph.add((URIRef(t.subject.value), URIRef(t.predicate.value), rdflib_term(t.object)))
    return ds


def rdflib_term(term: ox.NamedNode | ox.Literal):
    """A pyoxigraph IRI or literal as rdflib's (xsd:string literals plain, as rdflib makes them)."""

    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if term.language:
        return RdfLiteral(term.value, lang=term.language)
    if term.datatype.value == str(XSD.string):
        return RdfLiteral(term.value)
    return RdfLiteral(term.value, datatype=URIRef(term.datatype.value))


def decimal_literal(value: float) -> ox.Literal:
    """An xsd:decimal whose lexical form reads back to exactly `value`."""
    if not math.isfinite(value):
        raise OutputError("GB420", value=value)
    return Literal(format(Decimal(repr(float(value))), "f"), datatype=XSD.decimal)


def count_literal(value: int, datatype=None) -> ox.Literal:
    return Literal(str(int(value)), datatype=datatype or XSD.integer)


@lru_cache(maxsize=1 << 16)
def index_literal(value: int) -> ox.Literal:
    """An offset as xsd:nonNegativeInteger (memoised: offsets repeat across documents)."""
    return Literal(str(int(value)), datatype=XSD.nonNegativeInteger)


__all__ = ["Literal", "OxNamespace", "as_ox", "count_literal", "decimal_literal", "index_literal", "named", "plain_literal", "rdflib_term", "to_rdflib"]
