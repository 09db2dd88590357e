"""Corrections on a slice of ECB+ dev (articles the rules were not written on): a merge
and a split through the real CLI change only their nodes and survive a full rebuild."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from graphbuild.cli import app
from graphbuild.iri import entity_iri, event_iri
from graphbuild.rdf.read import read_model
from graphbuild.settings import DEFAULT_BASE_IRI
from tests.conftest import SHARED_DATA, skip_or_fail
from tests.helpers.trig_diff import outside

SLICE = 6  # the first documents of ECB+ dev (one topic)


def _cli(*args: str) -> str:
    result = CliRunner().invoke(app, list(args))
    assert result.exit_code == 0, result.stderr
    return result.stdout


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    source = SHARED_DATA / "ecbplus_dev.jsonl"
    if not source.exists():
        skip_or_fail(f"{source} is missing: the test corrects a slice of ECB+ dev")
    path = tmp_path_factory.mktemp("ecb") / "slice.jsonl"
    with source.open(encoding="utf-8") as handle, path.open("w", encoding="utf-8") as out:
        for _, line in zip(range(SLICE), handle):
            record = json.loads(line)
            out.write(json.dumps({"id": record["doc_id"], "text": record["text"]}) + "\n")
    return path


def _build(corpus: Path, out: Path, *extra: str) -> dict:
    _cli("build", str(corpus), "-o", str(out), "--formats", "trig", *extra)
    return {e.id: e for e in read_model(out / "graph.trig").entities}


def _docs(e) -> set[str]:
    return {m.doc_id for m in e.mentions}


def _events_in(out: Path, docs: set[str]) -> set[str]:
    """The IRIs of the events mentioned in any of `docs`."""
    events = read_model(out / "graph.trig").events
    return {event_iri(DEFAULT_BASE_IRI, e.id) for e in events if {m.doc_id for m in e.mentions} & docs}


def test_merge_and_split_on_ecb(corpus, tmp_path):
    before = _build(corpus, tmp_path / "before")
    out = tmp_path / "out"
    _build(corpus, out)
    spread = sorted((e for e in before.values() if len(_docs(e)) >= 2), key=lambda e: (-len(e.mentions), e.id))
    assert spread, "no node spans two documents of the slice"
    node = spread[0]
    doc = sorted(_docs(node))[0]
    iri = entity_iri(DEFAULT_BASE_IRI, node.id)
    _cli("correct", "split", iri, "--doc", doc, "--graph", str(out))
    split = _build_view(out)
    assert _docs(split[node.id]) == _docs(node) - {doc}
    [part] = [e for k, e in split.items() if k not in before]
    assert _docs(part) == {doc}
    touched = {iri, entity_iri(DEFAULT_BASE_IRI, part.id)}
    # Events join across documents on shared participants and on stories (documents that
    # share entities), so the events of the documents naming the split node are touched too.
    touched |= _events_in(tmp_path / "before", _docs(node)) | _events_in(out, _docs(node))
    assert outside(tmp_path / "before" / "graph.trig", out / "graph.trig", touched) == set()
    # merge two single-document nodes of one kind from different documents
    singles = sorted((e for e in split.values() if len(_docs(e)) == 1 and e.kind == "Place" and e.id != part.id),
                     key=lambda e: e.id)
    a = singles[0]
    b = next(e for e in singles if _docs(e) != _docs(a))
    merged_before = out.with_name("split")
    merged_before.mkdir()
    (merged_before / "graph.trig").write_bytes((out / "graph.trig").read_bytes())
    _cli("correct", "merge", entity_iri(DEFAULT_BASE_IRI, a.id), entity_iri(DEFAULT_BASE_IRI, b.id),
         "--graph", str(out))
    merged = _build_view(out)
    assert b.id not in merged and _docs(merged[a.id]) == _docs(a) | _docs(b)
    assert outside(merged_before / "graph.trig", out / "graph.trig",
                   {entity_iri(DEFAULT_BASE_IRI, a.id), entity_iri(DEFAULT_BASE_IRI, b.id)}) == set()
    # a full rebuild with the corrections file gives the same graph
    fresh = tmp_path / "fresh"
    _build(corpus, fresh, "--corrections", str(out / "corrections.ttl"))
    assert (fresh / "graph.trig").read_bytes() == (out / "graph.trig").read_bytes()
    report = json.loads((fresh / "report.json").read_text(encoding="utf-8"))
    assert report["corrections"]["applied"] == 2 and report["corrections"]["unmatched"] == []


def _build_view(out: Path) -> dict:
    return {e.id: e for e in read_model(out / "graph.trig").entities}
