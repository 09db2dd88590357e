"""SHACL: a realistic model conforms; real bugs (as they would reach the graph) do not."""
from __future__ import annotations

from dataclasses import replace

from rdflib import Literal

from graphbuild.model import Evidence
from graphbuild.rdf.build import to_dataset
from graphbuild.rdf.validate import validate
from graphbuild.vocab import GB, NIF, ORG, RDF, RDFS
from tests.helpers.models import BASE, hostile_model, realistic_model


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


def _with_negative_count():
    from graphbuild.model import Count

    model = realistic_model()
    events = tuple(replace(v, counts=(*v.counts, Count("injured", -3, None))) if v.id == "event:stampede" else v
                   for v in model.events)
    return replace(model, events=events)


def test_quarantine_moves_only_the_offending_statements_out():
    from graphbuild.rdf.validate import quarantine

    ds = to_dataset(_with_negative_count(), BASE)
    before = set(ds.quads((None, None, None, None)))
    first = validate(ds)
    assert not first.conforms and any("countValue" in v.line() for v in first.problems)
    result, rejected, met = quarantine(ds, first)
    assert result.conforms and met
    removed = before - set(ds.quads((None, None, None, None)))
    assert removed and len(removed) == len(set(rejected.quads((None, None, None, None))))
    # only the broken count node went: every other count, the event and its place stay
    assert all(q[0] != q[2] for q in removed)
    assert len(removed) <= 6
    assert validate(ds).conforms


def test_strict_build_writes_nothing_and_default_build_writes_rejected_trig(tmp_path):
    import json

    import pyoxigraph as ox
    import pytest

    from graphbuild.errors import OutputError
    from graphbuild.pipeline import REJECTED_FILE, write_outputs
    from graphbuild.settings import Settings

    model = _with_negative_count()
    strict = tmp_path / "strict"
    with pytest.raises(OutputError, match="--strict"):
        write_outputs(model, Settings(output_dir=strict, strict=True, formats=("trig",)))
    assert not any(strict.glob("graph.*"))
    out = tmp_path / "out"
    outputs, validation = write_outputs(model, Settings(output_dir=out, formats=("trig",)))
    assert validation["violations"] >= 1 and validation["rejected_statements"] >= 1
    assert any("countValue" in m for m in validation["violation_messages"])
    rejected = list(ox.parse((out / REJECTED_FILE).read_bytes(), format=ox.RdfFormat.TRIG))
    assert any(q.predicate.value.endswith("countValue") and q.object.value == "-3" for q in rejected)
    published = {q for q in ox.parse((out / "graph.trig").read_bytes(), format=ox.RdfFormat.TRIG)}
    assert not published & set(rejected)
    json.dumps(validation)  # the summary goes into report.json as it is
    # a later clean build removes the stale rejected.trig
    write_outputs(realistic_model(), Settings(output_dir=out, formats=("trig",)))
    assert not (out / REJECTED_FILE).exists()


def test_validation_on_a_thread_while_writing_gives_the_same_set(tmp_path):
    """`write_outputs(staged=True)` with jobs > 1 checks SHACL on a thread while the files are
    written: the same files, summary and rejected.trig as checking first (a broken model, so
    the files are written again without the quarantined statements, and a clean one)."""
    from graphbuild.pipeline import write_outputs
    from graphbuild.settings import Settings

    formats = ("ttl", "trig", "nt", "jsonld")
    for name, model in (("broken", _with_negative_count()), ("clean", realistic_model())):
        first, second = tmp_path / name / "one", tmp_path / name / "two"
        _, one = write_outputs(model, Settings(output_dir=first, formats=formats, jobs=1), staged=True)
        _, two = write_outputs(model, Settings(output_dir=second, formats=formats, jobs=2), staged=True)
        assert one == two
        assert sorted(p.name for p in first.iterdir()) == sorted(p.name for p in second.iterdir())
        for path in first.iterdir():
            assert path.read_bytes() == (second / path.name).read_bytes(), path.name
    assert (tmp_path / "broken" / "two" / "rejected.trig").exists()


def test_big_build_validated_in_parts_under_jobs_publishes_no_rejected_statement(tmp_path, monkeypatch):
    """Under --jobs > 1 a build over the parts budget is validated before writing (no SHACL
    thread); the forked JSON-LD writer must then get the checked quads, not the built ones:
    graph.jsonld holds the same statements as graph.trig, none of rejected.trig."""
    import pyoxigraph as ox

    from graphbuild.pipeline import REJECTED_FILE, write_outputs
    from graphbuild.rdf import validate_parts
    from graphbuild.settings import Settings

    monkeypatch.setattr(validate_parts, "BUDGET", 1)  # every build counts as big
    out = tmp_path / "out"
    formats = ("trig", "jsonld")
    _, validation = write_outputs(_with_negative_count(), Settings(output_dir=out, formats=formats, jobs=2),
                                  staged=True)
    assert validation["rejected_statements"] >= 1
    rejected = set(ox.parse((out / REJECTED_FILE).read_bytes(), format=ox.RdfFormat.TRIG))
    trig = set(ox.parse((out / "graph.trig").read_bytes(), format=ox.RdfFormat.TRIG))
    jsonld = set(ox.parse((out / "graph.jsonld").read_bytes(), format=ox.RdfFormat.JSON_LD))
    assert jsonld == trig and not jsonld & rejected
