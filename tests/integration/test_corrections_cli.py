"""Corrections through the real CLI on the bundled samples (issue 16): each one changes the
graph as asked and nothing else (the TriG outside the touched nodes is unchanged), survives
`--into` and a full rebuild, conflicting ones are refused, stale ones are reported.
The CLI runs in this process (typer's runner: the same app and options as the console
script), so the spaCy model is loaded once."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from graphbuild.iri import entity_iri
from graphbuild.rdf.read import read_model
from graphbuild.settings import DEFAULT_BASE_IRI
from tests.conftest import ROOT
from typer.testing import CliRunner

from graphbuild.cli import app
from tests.helpers.trig_diff import outside

SAMPLES = ROOT / "graphbuild" / "data" / "samples"
ITV, RFE = "000_fd95351091126ff1", "001_0030a6936abeb198"
FORMATS = ("--formats", "trig")


def iri(entity_id: str) -> str:
    return entity_iri(DEFAULT_BASE_IRI, entity_id)


class Run:
    def __init__(self, result):
        self.returncode, self.stdout, self.stderr = result.exit_code, result.stdout, result.stderr


def run_cli(*args: str) -> Run:
    return Run(CliRunner().invoke(app, list(args)))


def ok(*args: str) -> str:
    result = run_cli(*args)
    assert result.returncode == 0, result.stderr
    return result.stdout


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("samples") / "out"
    ok("build", "-o", str(out), *FORMATS)
    return out


@pytest.fixture
def graph(built, tmp_path) -> Path:
    out = tmp_path / "out"
    shutil.copytree(built, out)
    return out


def entities(out: Path) -> dict[str, object]:
    return {e.id: e for e in read_model(out / "graph.trig").entities}


def report(out: Path) -> dict:
    return json.loads((out / "report.json").read_text(encoding="utf-8"))


def only_touched(before: Path, after: Path, *ids: str) -> None:
    assert outside(before / "graph.trig", after / "graph.trig", {iri(i) for i in ids}) == set()


def rebuilt_in_full(out: Path, tmp_path: Path) -> bytes:
    """A fresh build of the samples with the corrections file `out` holds."""
    fresh = tmp_path / "fresh"
    fresh.mkdir()
    shutil.copy(out / "corrections.ttl", fresh / "corrections.ttl")
    ok("build", "-o", str(fresh), *FORMATS)
    return (fresh / "graph.trig").read_bytes()


def test_merge_joins_two_nodes_and_nothing_else(built, graph, tmp_path):
    before = entities(graph)
    assert "place/islamic republic" in before and "place/iran" in before
    said = ok("correct", "merge", "Iran", "Islamic Republic", "--graph", str(graph), "--by", "tester",
              "--note", "the same country")
    assert "recorded merge 'Iran' = 'Islamic Republic'" in said and "1 correction(s) applied" in said
    after = entities(graph)
    assert "place/islamic republic" not in after  # the first name's node keeps its IRI
    iran = after["place/iran"]
    assert {m.text for m in iran.mentions} >= {"Iran", "Islamic Republic"}
    assert {k: v for k, v in after.items() if k != "place/iran"} == \
        {k: v for k, v in before.items() if k not in ("place/iran", "place/islamic republic")}
    only_touched(built, graph, "place/iran", "place/islamic republic")
    explained = ok("explain", "Islamic Republic", "--graph", str(graph))
    assert "by correction-merge" in explained and "correction merge 'Iran' = 'Islamic Republic'" in explained
    assert "by tester" in explained and "the same country" in explained
    assert report(graph)["corrections"]["applied"] == 1
    text = (graph / "corrections.ttl").read_text(encoding="utf-8")
    assert "owl:sameAs" in text and "prov:wasAttributedTo" in text and "dcterms:created" in text
    assert rebuilt_in_full(graph, tmp_path) == (graph / "graph.trig").read_bytes()


def test_merge_survives_into(tmp_path):
    one = tmp_path / "one"
    (tmp_path / "itv").mkdir()
    for p in SAMPLES.glob(ITV + "*"):
        shutil.copy(p, tmp_path / "itv" / p.name)
    ok("build", str(tmp_path / "itv"), "-o", str(one), *FORMATS)
    ok("correct", "merge", "Iran", "Islamic Republic", "--graph", str(one))
    ok("build", str(SAMPLES / (RFE + ".txt")), "--into", str(one), *FORMATS)
    after = entities(one)
    assert "place/islamic republic" not in after
    assert {m.doc_id for m in after["place/iran"].mentions} == {ITV, RFE}
    assert report(one)["corrections"] == {"file": str(one / "corrections.ttl"), "applied": 1, "unmatched": []}


def test_split_takes_one_document_apart(built, graph, tmp_path):
    before = entities(graph)
    assert {m.doc_id for m in before["person/donald trump"].mentions} == {ITV, RFE}
    ok("correct", "split", "Donald Trump", "--doc", ITV, "--graph", str(graph))
    after = entities(graph)
    kept, part = after["person/donald trump"], after["person/donald trump #2"]
    assert {m.doc_id for m in kept.mentions} == {RFE} and {m.doc_id for m in part.mentions} == {ITV}
    only_touched(built, graph, "person/donald trump", "person/donald trump #2")
    explained = ok("explain", "Donald Trump", "--graph", str(graph))
    assert explained.count("correction split 'Donald Trump' in 000_fd95351091126ff1 apart") == 2  # both nodes
    assert rebuilt_in_full(graph, tmp_path) == (graph / "graph.trig").read_bytes()


def test_kind_keeps_the_iri(built, graph, tmp_path):
    assert entities(graph)["place/daesh"].kind == "Place"
    ok("correct", "kind", iri("place/daesh"), "Organization", "--graph", str(graph))  # an IRI names the node
    assert entities(graph)["place/daesh"].kind == "Organization"
    only_touched(built, graph, "place/daesh")
    assert rebuilt_in_full(graph, tmp_path) == (graph / "graph.trig").read_bytes()


def test_alias_joins_names_everywhere(built, graph):
    ok("correct", "alias", "Daesh", "ISIS", "--graph", str(graph))
    after = entities(graph)
    joined = [e for e in after.values() if {"Daesh", "ISIS"} <= {e.label, *e.alt_labels}]
    assert len(joined) == 1
    only_touched(built, graph, "place/daesh", "organization/isis")


def test_drop_removes_the_node_and_its_facts(built, graph):
    ok("correct", "drop", "Orthodox", "--graph", str(graph))
    assert "place/orthodox" not in entities(graph)
    only_touched(built, graph, "place/orthodox")
    assert "is no node: correction drop 'Orthodox'" in ok("explain", "Orthodox", "--graph", str(graph))


def test_ambiguous_name_lists_the_candidates_with_iris(graph):
    result = run_cli("correct", "kind", "Mark", "Organization", "--graph", str(graph))
    message = result.stderr
    assert result.returncode == 2 and "names 2 entities" in message
    assert iri("person/mark esper") in message and iri("person/mark milley") in message
    assert not (graph / "corrections.ttl").exists()


def test_a_split_undoing_a_merge_is_refused(graph):
    ok("correct", "merge", "Iran", "Islamic Republic", "--graph", str(graph), "--no-rebuild")
    ok("build", "-o", str(graph), *FORMATS)
    text = (graph / "corrections.ttl").read_text(encoding="utf-8")
    result = run_cli("correct", "split", "Iran", "--doc", ITV, "--graph", str(graph))
    message = result.stderr
    assert result.returncode == 2, message
    assert "refused: split 'Islamic Republic' in 000_fd95351091126ff1 apart" in message and "contradicts merge 'Iran' = 'Islamic Republic'" in message
    assert (graph / "corrections.ttl").read_text(encoding="utf-8") == text  # nothing appended


def test_a_stale_correction_is_reported_not_fatal(graph, tmp_path):
    ok("correct", "drop", "Orthodox", "--graph", str(graph), "--no-rebuild")  # named in RFE/RL only
    ok("correct", "kind", "Daesh", "Organization", "--graph", str(graph), "--no-rebuild")  # ITV only
    itv = tmp_path / "itv"
    ok("build", str(SAMPLES / (ITV + ".txt")), "-o", str(itv), "--corrections", str(graph / "corrections.ttl"),
       *FORMATS)
    corrections = report(itv)["corrections"]
    assert corrections["applied"] == 1
    assert len(corrections["unmatched"]) == 1 and corrections["unmatched"][0].startswith("drop 'Orthodox'")


@pytest.mark.slow
def test_the_dask_engine_applies_the_corrections(graph, tmp_path):
    ok("correct", "merge", "Iran", "Islamic Republic", "--graph", str(graph))
    dask = tmp_path / "dask"
    dask.mkdir()
    shutil.copy(graph / "corrections.ttl", dask / "corrections.ttl")
    ok("build", "-o", str(dask), *FORMATS, "--engine", "dask", "--jobs", "1")
    assert (dask / "graph.trig").read_bytes() == (graph / "graph.trig").read_bytes()
    assert report(dask)["corrections"]["applied"] == 1


def test_quick_rebuilds_only_the_documents_naming_the_node(graph):
    said = ok("correct", "kind", "Daesh", "Organization", "--graph", str(graph), "--quick")
    assert f"rebuilt 1 document(s): {ITV};" in said
    assert report(graph)["rebuilt_for_correction"] == [ITV]
    assert entities(graph)["place/daesh"].kind == "Organization"
