"""The SHACL engine of the build (pyshacl-turbo over N-Triples of the built quads, pySHACL
for the report when a graph fails) reports what pySHACL reports over the rdflib graph -
the same results, each with the same focus node, path, value, shape, constraint
component, severity and message - on graphs that conform and on graphs with violations
of several kinds."""
from __future__ import annotations

from dataclasses import replace

import pyshacl
from rdflib import Literal
from rdflib.namespace import SH

from graphbuild.model import Evidence
from graphbuild.rdf.build import to_dataset, to_quads
from graphbuild.rdf.serialize import quad_set
from graphbuild.rdf.validate import report_graph, shapes_graph, union_graph
from graphbuild.vocab import NIF, ORG, RDF, RDFS
from tests.helpers.models import BASE, hostile_model, realistic_model


def _rows(results) -> set[tuple[str, ...]]:
    fields = (SH.focusNode, SH.resultPath, SH.value, SH.sourceShape, SH.sourceConstraintComponent,
              SH.resultSeverity, SH.resultMessage)
    found = results.subjects(RDF.type, SH.ValidationResult)
    rows = {tuple(str(results.value(r, f)) for f in fields) for r in found}
    assert all(str(results.value(r, SH.resultMessage) or "") for r in results.subjects(RDF.type, SH.ValidationResult))
    return rows


def _pyshacl(dataset) -> tuple[bool, set]:
    conforms, results, _ = pyshacl.validate(union_graph(dataset), shacl_graph=shapes_graph(), inference="none",
                                            abort_on_first=False, allow_warnings=True, meta_shacl=False)
    return bool(conforms), _rows(results)


def _broken_datasets():
    model = realistic_model()
    too_sure = replace(model, relations=tuple(replace(r, evidence=(Evidence("itv-news", 0, 5, "x", 1.5),))
                                               for r in model.relations))
    yield to_dataset(too_sure, BASE)
    ds = to_dataset(model, BASE)
    for q in list(ds.quads((None, ORG.role, None, None))):
        ds.remove(q)
    yield ds
    ds = to_dataset(model, BASE)
    phrase = next(s for s, *_ in ds.quads((None, RDF.type, NIF.Phrase, None)))
    for q in list(ds.quads((phrase, NIF.referenceContext, None, None))):
        ds.remove(q)
    entity, _, _, graph = next(ds.quads((None, RDFS.label, Literal("Kerman"), None)))
    ds.graph(graph).add((entity, RDFS.label, Literal("Kirman")))
    yield ds


def test_same_report_as_pyshacl_on_conforming_graphs():
    for model in (realistic_model(), hostile_model()):
        conforms, results = report_graph(to_quads(model, BASE))
        assert conforms and (conforms, _rows(results)) == _pyshacl(to_dataset(model, BASE))


def test_same_report_as_pyshacl_on_broken_graphs():
    for ds in _broken_datasets():
        expected = _pyshacl(ds)
        assert not expected[0] and expected[1]
        conforms, results = report_graph(quad_set(ds))  # the build path: N-Triples of the quads
        assert (conforms, _rows(results)) == expected
        conforms, results = report_graph(ds)  # the quarantine path: an rdflib Dataset
        assert (conforms, _rows(results)) == expected
