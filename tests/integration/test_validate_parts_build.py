"""A build whose SHACL runs part by part (`rdf.validate_parts`, here with parts small
enough that the samples make several) writes the same files and reports the same
validation as the build that validates the union at once."""
from __future__ import annotations

from graphbuild import iri
from graphbuild.pipeline import build
from graphbuild.rdf import validate_parts
from graphbuild.rdf.build import to_quads
from graphbuild.settings import Settings

BUDGET = 300


def test_validated_in_parts_the_same_set(sample_build, tmp_path, monkeypatch):
    settings = Settings(output_dir=tmp_path)
    quads = to_quads(sample_build.model, settings.base_iri)
    assert len(list(validate_parts.parts(quads, iri.cross_graph_iri(settings.base_iri), BUDGET))) >= 2
    monkeypatch.setattr(validate_parts, "BUDGET", BUDGET)
    report = build(settings).report
    assert report["validation"] == sample_build.report["validation"] and report["validation"]["conforms"]
    for name in ("graph.ttl", "graph.trig", "graph.nt", "graph.jsonld"):
        assert (tmp_path / name).read_bytes() == sample_build.outputs[name.split(".")[1]].read_bytes(), name
