"""SHACL: a realistic model conforms; real bugs (as they would reach the graph) do not."""
from __future__ import annotations

from dataclasses import replace

from rdflib import Literal

from graphbuild.model import Evidence
from graphbuild.rdf.build import to_dataset
from graphbuild.rdf.validate import validate
from graphbuild.vocab import GB, NIF, ORG, RDF, RDFS
from tests.unit.test_rdf_build import BASE, realistic_model
from tests.unit.test_rdf_serialize import hostile_model


def test_realistic_and_hostile_models_conform():
    for model in (realistic_model(), hostile_model()):
        result = validate(to_dataset(model, BASE))
        assert result.conforms and result.violations == 0, result.summary


def _drop(ds, predicate, count=1):
    quads = [q for q in ds.quads((None, predicate, None, None))][:count]
    assert quads
    for q in quads:
        ds.remove(q)
    return ds


def test_mention_without_reference_context_is_a_violation():
    ds = to_dataset(realistic_model(), BASE)
    phrase = next(s for s, *_ in ds.quads((None, RDF.type, NIF.Phrase, None)))
    for q in list(ds.quads((phrase, NIF.referenceContext, None, None))):
        ds.remove(q)
    result = validate(ds)
    assert not result.conforms and result.violations >= 1
    assert "referenceContext" in result.summary


def test_other_broken_graphs_are_violations():
    model = realistic_model()
    too_sure = replace(model, relations=tuple(replace(r, evidence=(Evidence("itv-news", 0, 5, "x", 1.5),))
                                               for r in model.relations))
    assert validate(to_dataset(too_sure, BASE)).violations >= 1  # confidence outside [0, 1]
    assert validate(_drop(to_dataset(model, BASE), ORG.role)).violations >= 1  # membership without role
    ds = to_dataset(model, BASE)
    entity, _, _, graph = next(ds.quads((None, RDFS.label, Literal("Kerman"), None)))
    ds.graph(graph).add((entity, RDFS.label, Literal("Kirman")))
    assert validate(ds).violations >= 1  # two canonical labels
    assert validate(_drop(to_dataset(model, BASE), GB.countValue)).violations >= 1
