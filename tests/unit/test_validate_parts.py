"""SHACL part by part (`rdf.validate_parts`) gives the union's result: the parts hold every
statement, each part is closed under description (every node it names that is described
anywhere is described whole in it), a violation anywhere makes some part fail, and the
result (conforming or not) is exactly `validate` of the union."""
from __future__ import annotations

from dataclasses import replace

import pyoxigraph as ox
import pytest
from rdflib import Literal

from graphbuild import iri
from graphbuild.model import Evidence
from graphbuild.rdf.build import to_dataset, to_quads
from graphbuild.rdf.serialize import quad_set
from graphbuild.rdf.validate import validate
from graphbuild.rdf.validate_parts import parts, validate_in_parts
from graphbuild.vocab import NIF, ORG, RDF, RDFS
from tests.helpers.models import BASE, hostile_model, realistic_model

CROSS = iri.cross_graph_iri(BASE)


def _lines(quads) -> set[bytes]:
    return set(quads.nquads().splitlines())


def _by_subject(quads) -> tuple[dict[str, set[str]], set[str]]:
    """Subject -> its statements (N-Quads lines); and every node named (subject or object)."""
    out: dict[str, set[str]] = {}
    named: set[str] = set()
    for q in ox.parse(quads.nquads(), format=ox.RdfFormat.N_QUADS):
        out.setdefault(str(q.subject), set()).add(f"{q.subject} {q.predicate} {q.object} {q.graph_name}")
        named |= {str(q.subject), str(q.object)}
    return out, named


def _broken():
    model = realistic_model()
    too_sure = replace(model, relations=tuple(replace(r, evidence=(Evidence("itv-news", 0, 5, "x", 1.5),))
                                               for r in model.relations))
    yield quad_set(to_dataset(too_sure, BASE))
    ds = to_dataset(model, BASE)
    for q in list(ds.quads((None, ORG.role, None, None))):
        ds.remove(q)
    yield quad_set(ds)
    ds = to_dataset(model, BASE)
    phrase = next(s for s, *_ in ds.quads((None, RDF.type, NIF.Phrase, None)))
    for q in list(ds.quads((phrase, NIF.referenceContext, None, None))):
        ds.remove(q)
    yield quad_set(ds)
    ds = to_dataset(model, BASE)  # a second label, in a document's graph: maxCount across graphs
    entity, _, _, _ = next(ds.quads((None, RDFS.label, Literal("Kerman"), None)))
    doc_graph = next(g for *_, g in ds.quads((None, None, None, None)) if str(g) != CROSS)
    ds.graph(doc_graph).add((entity, RDFS.label, Literal("Kirman")))
    yield quad_set(ds)


def _models():
    return [to_quads(realistic_model(), BASE), to_quads(hostile_model(), BASE)]  # two documents, one


@pytest.mark.parametrize("budget", [1, 25, 100])
def test_parts_hold_every_statement_each_closed_under_description(budget):
    for quads, documents in zip(_models(), (2, 1)):
        if len(quads) <= budget:
            continue
        pieces = list(parts(quads, CROSS, budget=budget))
        assert len(pieces) >= (documents if budget == 1 else 1)
        assert set().union(*map(_lines, pieces)) == _lines(quads)
        whole, _ = _by_subject(quads)
        for piece in pieces:
            mine, named = _by_subject(piece)
            for node in named & whole.keys():
                assert mine.get(node) == whole[node], node


def test_small_builds_are_validated_whole():
    quads = to_quads(realistic_model(), BASE)
    assert parts(quads, CROSS, budget=len(quads)) is None


@pytest.mark.parametrize("budget", [1, 25])
def test_same_result_as_the_union_conforming_or_not(budget):
    for quads in _models():
        assert validate_in_parts(quads, CROSS, budget=budget) == validate(quads)
        assert validate(quads).conforms
    for quads in _broken():
        union = validate(quads)
        assert not union.conforms and union.violations
        assert len(quads) > budget and any(not validate(p).conforms for p in parts(quads, CROSS, budget=budget))
        assert validate_in_parts(quads, CROSS, budget=budget) == union


def test_the_project_shapes_can_be_validated_in_parts():
    """ontology/shapes.ttl follows plain predicates only and uses no SPARQL: big builds are
    checked part by part (else every one would fall back to the union)."""
    from graphbuild.rdf.validate_parts import _partable

    assert _partable()


def test_one_document_bigger_than_a_part_is_cut_inside_its_graph():
    """One long article is one named graph: it is cut at subjects' ends, not validated as
    the whole union (each part is still closed, the result still the union's)."""
    quads = to_quads(hostile_model(), BASE)  # one document
    rows, terms = quads.rows(), quads.terms()
    document_rows = sum(1 for g in rows[:, 0].tolist() if terms[g].value != CROSS)
    budget = document_rows // 4
    pieces = list(parts(quads, CROSS, budget=budget))
    assert len(pieces) >= 3  # cut whole, the one graph would be one part
    assert set().union(*map(_lines, pieces)) == _lines(quads)
    assert validate_in_parts(quads, CROSS, budget=budget) == validate(quads)
