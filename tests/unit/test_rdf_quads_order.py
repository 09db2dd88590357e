"""QuadSet's integer-row sort and the JSON-LD writer that reads its rows: the same order and
the same bytes as the plain definitions (sort by `sort_key` tuples; `json.dumps` of the
document built node by node)."""
from __future__ import annotations

import json

import pyoxigraph as ox
from hypothesis import given, settings
from hypothesis import strategies as st

from graphbuild.rdf.build import to_quads
from graphbuild.rdf.quads import QuadSet, sort_key
from graphbuild.rdf.jsonld import _compactor, _order_key, _value
from graphbuild.rdf.serialize import serialize
from graphbuild.vocab import RDF, prefixes
from tests.helpers.models import BASE, hostile_model, realistic_model

X = "http://example.org/"
IRIS = [ox.NamedNode(X + n) for n in ("a", "a-b", "a/b", "ab", "b", "é")] + [ox.NamedNode(str(RDF.type))]
LITERALS = [ox.Literal("a"), ox.Literal("a", language="en"), ox.Literal("a", language="de"),
            ox.Literal("1", datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer")),
            ox.Literal("1", datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#decimal")),
            ox.Literal('é\n"\\'), ox.Literal("")]
GRAPHS = [ox.DefaultGraph(), ox.NamedNode(X + "g1"), ox.NamedNode(X + "g0")]
quad = st.tuples(st.sampled_from(GRAPHS), st.sampled_from(IRIS), st.sampled_from(IRIS),
                 st.sampled_from(IRIS + LITERALS))


def _reference_order(quads) -> list[ox.Quad]:
    rows = sorted(set(quads), key=lambda q: tuple(sort_key(t) for t in q))
    return [ox.Quad(s, p, o, g) for g, s, p, o in rows]


@settings(max_examples=200, deadline=None)
@given(st.lists(quad, max_size=40))
def test_quadset_sorts_and_deduplicates_as_sort_key_tuples(quads):
    content = QuadSet(quads)
    assert content.quads() == _reference_order(quads)
    assert len(content) == len(set(quads))
    assert content.triples() == sorted({ox.Triple(s, p, o) for _, s, p, o in quads},
                                       key=lambda t: tuple(sort_key(x) for x in t))
    # The statement lines made by numpy indexing are pyoxigraph's own serialization.
    assert content.nquads() == (ox.serialize(content.quads(), format=ox.RdfFormat.N_QUADS) if quads else b"")
    assert content.ntriples() == (ox.serialize(content.triples(), format=ox.RdfFormat.N_TRIPLES) if quads else b"")


def _reference_jsonld(content: QuadSet) -> bytes:
    """The JSON-LD document built node by node and dumped by the json module."""
    compact = _compactor(sorted(prefixes().items(), key=lambda kv: (-len(kv[1]), kv[0])))
    graphs: dict = {}
    for q in content.quads():
        name = None if isinstance(q.graph_name, ox.DefaultGraph) else q.graph_name.value
        node = graphs.setdefault(name, {}).setdefault(q.subject.value, {})
        if q.predicate.value == str(RDF.type) and isinstance(q.object, ox.NamedNode):
            node.setdefault("@type", []).append(compact(q.object.value))
        else:
            node.setdefault(compact(q.predicate.value), []).append(_value(q.object, compact))

    def entries(nodes: dict) -> list:
        return [{"@id": compact(s), **{k: sorted(v, key=_order_key)
                                       for k, v in sorted(nodes[s].items(), key=lambda kv: (kv[0] != "@type", kv[0]))}}
                for s in sorted(nodes)]

    top = entries(graphs.pop(None, {}))
    top += [{"@id": compact(g), "@graph": entries(graphs[g])} for g in sorted(graphs)]
    doc = {"@context": dict(sorted(prefixes().items())), "@graph": top}
    return (json.dumps(doc, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


@settings(max_examples=100, deadline=None)
@given(st.lists(quad, max_size=30))
def test_jsonld_writer_equals_the_json_module_on_any_quads(quads):
    content = QuadSet(quads)
    assert serialize(content, "jsonld") == _reference_jsonld(content)


def test_jsonld_writer_equals_the_json_module_on_built_models():
    for model in (realistic_model(), hostile_model()):
        content = to_quads(model, BASE)
        assert serialize(content, "jsonld") == _reference_jsonld(content)


def test_a_flat_list_of_fresh_terms_makes_the_same_set_and_is_taken_over():
    # Fresh (equal, not identical) term objects each time, as a builder makes them.
    def quad(i):
        return (ox.NamedNode(X + f"g{i % 2}"), ox.NamedNode(X + f"s{i % 5}"), ox.NamedNode(str(RDF.type)),
                ox.Literal(f"v{i % 3}"))
    tuples = [quad(i) for i in range(40)] + [quad(3)]
    flat = [term for i in [*range(40), 3] for term in quad(i)]
    made = QuadSet.from_flat(flat)
    assert flat == []  # emptied: the builder's list is not held beside the rows
    want = QuadSet(tuples)
    assert made.terms() == want.terms() and (made.rows() == want.rows()).all()
    assert made.nquads() == want.nquads() and len(made) == len({tuple(map(str, q)) for q in tuples})
