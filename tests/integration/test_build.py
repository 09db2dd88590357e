"""`graphbuild build` end to end through the real CLI: outputs, report, bad input, workers."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.helpers.cli import run_cli

SAMPLE = ROOT / "graphbuild" / "data" / "samples" / "000_fd95351091126ff1.txt"


def test_sample_build_writes_every_format_and_a_report(sample_build):
    out = Path(sample_build.outputs["report"]).parent
    for name in ("graph.ttl", "graph.trig", "graph.nt", "graph.jsonld", "graph.html", "report.json"):
        assert (out / name).stat().st_size > 0, name
    report = json.loads((out / "report.json").read_text())
    assert report["documents_read"] == 2 and report["documents_in_graph"] == 2
    assert report["skipped"] == []
    assert report["counts"]["entities"].get("Person", 0) >= 10
    assert report["validation"]["conforms"] is True
    assert {"ingest", "nlp+extract", "resolve", "rdf", "network", "total"} <= set(report["timings_seconds"])


def test_bad_inputs_are_skipped_and_reported(tmp_path):
    good = tmp_path / "in" / "good.txt"
    good.parent.mkdir()
    good.write_text("Angela Merkel met Emmanuel Macron in Berlin on Monday.\n", encoding="utf-8")
    (tmp_path / "in" / "empty.txt").write_bytes(b"")
    (tmp_path / "in" / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    (tmp_path / "in" / "corpus.jsonl").write_text(
        '{"id": "a1", "text": "Boris Johnson spoke in London."}\n{not json\n', encoding="utf-8")
    out = tmp_path / "out"
    result = run_cli("build", str(tmp_path / "in"), "-o", str(out), "--formats", "ttl")
    assert result.returncode == 0, result.stderr.decode()
    report = json.loads((out / "report.json").read_text())
    assert report["documents_in_graph"] == 2
    reasons = {Path(s["source"].split(":")[0]).name: s["reason"] for s in report["skipped"]}
    assert set(reasons) == {"empty.txt", "binary.txt", "corpus.jsonl"}, report["skipped"]
    assert any(s["source"].endswith("corpus.jsonl:2") for s in report["skipped"]), report["skipped"]
    stderr = result.stderr.decode()
    assert "empty.txt" in stderr and "binary.txt" in stderr


def test_on_error_fail_stops_and_leaves_old_output_intact(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    (out / "graph.ttl").write_text("# an earlier graph\n")
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    result = run_cli("build", str(SAMPLE), str(empty), "-o", str(out), "--on-error", "fail")
    assert result.returncode != 0
    assert "empty.txt" in result.stderr.decode()
    assert (out / "graph.ttl").read_text() == "# an earlier graph\n"


def test_stdin_input(tmp_path):
    out = tmp_path / "out"
    result = run_cli("build", "-", "-o", str(out), "--formats", "ttl", "--published", "2020-01-07",
                     stdin=SAMPLE.read_bytes())
    assert result.returncode == 0, result.stderr.decode()
    assert "Soleimani" in (out / "graph.ttl").read_text(encoding="utf-8")


@pytest.mark.slow
def test_parallel_engines_give_the_same_graph(tmp_path, sample_build):
    """--jobs 2 (process pool) and --engine dask write the same bytes as one process."""
    expected = Path(sample_build.outputs["trig"]).read_bytes()
    for args in (["--jobs", "2"], ["--engine", "dask", "--jobs", "2"]):
        out = tmp_path / "-".join(args).strip("-")
        result = run_cli("build", "-o", str(out), "--formats", "trig", *args)
        assert result.returncode == 0, result.stderr.decode()
        assert (out / "graph.trig").read_bytes() == expected, args


def test_two_runs_give_identical_bytes(tmp_path, sample_build):
    """Same input, byte-identical Turtle and TriG, whatever the hash seed."""
    out = tmp_path / "again"
    result = run_cli("build", "-o", str(out), "--formats", "ttl,trig", env={"PYTHONHASHSEED": "12345"})
    assert result.returncode == 0, result.stderr.decode()
    for fmt in ("ttl", "trig"):
        assert (out / f"graph.{fmt}").read_bytes() == Path(sample_build.outputs[fmt]).read_bytes(), fmt


def test_explain_shows_why_names_were_merged(sample_build):
    out = Path(sample_build.outputs["trig"]).parent
    result = run_cli("explain", "Soleimani", "--graph", str(out))
    assert result.returncode == 0, result.stderr.decode()
    text = result.stdout.decode()
    assert "Qassem Soleimani" in text and "Qasem Soleimani" in text
    assert "merged" in text and "score" in text
    missing = run_cli("explain", "Nobody Anywhere", "--graph", str(out))
    assert missing.returncode == 1 and "Nobody Anywhere" in missing.stderr.decode()


def test_into_adds_articles_like_a_batch_build_and_reruns_change_nothing(tmp_path):
    """Build A, then add B with --into: the same nodes, IRIs and mentions as building A+B
    at once; adding B again leaves the files byte-identical."""
    from graphbuild.rdf.read import read_model

    first, second = sorted((ROOT / "graphbuild" / "data" / "samples").glob("*.txt"))
    inc, batch = tmp_path / "inc", tmp_path / "batch"
    for args in ((str(first), "-o", str(inc)), (str(second), "--into", str(inc)),
                 (str(first), str(second), "-o", str(batch))):
        result = run_cli("build", *args, "--formats", "trig")
        assert result.returncode == 0, result.stderr.decode()

    def nodes(path):
        model = read_model(path / "graph.trig")
        return ({(e.id, e.kind, e.label, frozenset((m.doc_id, m.start, m.end) for m in e.mentions)) for e in model.entities},
                {(v.id, v.kind, frozenset((m.doc_id, m.start, m.end) for m in v.mentions)) for v in model.events},
                {(r.subject, r.predicate, r.object) for r in model.relations})

    assert nodes(inc) == nodes(batch)
    before = (inc / "graph.trig").read_bytes()
    result = run_cli("build", str(second), "--into", str(inc), "--formats", "trig")
    assert result.returncode == 0, result.stderr.decode()
    assert (inc / "graph.trig").read_bytes() == before
