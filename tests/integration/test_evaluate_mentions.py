"""`evaluate_mentions` on a slice of CoNLL-2003 dev and ECB+ dev (read from shared/data,
never copied into the repository)."""
from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from graphbuild.evaluate import evaluate_mentions, format_table
from graphbuild.evaluate.mentions import read_gold
from tests.conftest import skip_or_fail


def _gold(shared_data, name):
    path = shared_data / name
    if not path.exists():
        skip_or_fail(f"{path} is absent (the shared evaluation data)")
    return path


def test_ours_beats_raw_on_a_conll_slice(shared_data):
    scores = evaluate_mentions(_gold(shared_data, "conll2003_dev.jsonl"), limit=20)
    assert scores.documents == 20
    raw, ours = scores.f1("spaCy raw"), scores.f1("graphbuild")
    assert 0.3 < raw < 0.95
    assert ours >= raw
    table = format_table(scores)
    assert "spaCy raw" in table and "graphbuild" in table and "20 documents" in table


def test_ecb_scores_only_selected_sentences(shared_data):
    path = _gold(shared_data, "ecbplus_dev.jsonl")
    record = json.loads(path.open(encoding="utf-8").readline())
    selected = [(s["start"], s["end"]) for s in record["sentences"] if s["selected"]]
    (gold,) = read_gold(path, limit=1)
    assert gold.regions == tuple(selected)
    assert all(any(a <= s and e <= b for a, b in selected) for s, e, _ in gold.mentions)
    assert {label for _, _, label in gold.mentions} <= {"PER", "ORG", "LOC"}
    scores = evaluate_mentions(path, limit=3)
    assert scores.documents == 3


def test_cli_evaluate_prints_both_rows(shared_data):
    from graphbuild.cli import app

    result = CliRunner().invoke(app, ["evaluate", str(_gold(shared_data, "conll2003_dev.jsonl")), "--limit", "5"])
    assert result.exit_code == 0, result.output
    assert "spaCy raw" in result.output and "graphbuild" in result.output


def test_malformed_gold_line_names_file_and_line(tmp_path):
    from graphbuild.errors import InputError

    bad = tmp_path / "gold.jsonl"
    bad.write_text('{"text": "Paris.", "entities": []}\nnot json\n', encoding="utf-8")
    with pytest.raises(InputError, match="gold.jsonl:2"):
        evaluate_mentions(bad)


def test_evaluate_scores_the_graph_a_real_build_writes(shared_data, tmp_path):
    """`evaluate` runs the build path: its graph is validated and written like a build's,
    and the mentions it scores are exactly the NIF mentions of that graph."""
    import pyoxigraph as ox

    from graphbuild.evaluate.gold import build_graph

    path = _gold(shared_data, "conll2003_dev.jsonl")
    docs = [g.document for g in read_gold(path, limit=6)]
    out = tmp_path / "eval"
    graph = build_graph(docs, "en_core_web_sm", out)
    report = json.loads((out / "report.json").read_text())
    assert report["validation"]["conforms"] and report["validation"]["rejected_statements"] == 0
    assert report["documents_in_graph"] == 6
    store = ox.Store()
    store.load(path=str(out / "graph.trig"), format=ox.RdfFormat.TRIG)
    nif = "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#"
    rows = store.query(f"SELECT (COUNT(DISTINCT ?m) AS ?n) WHERE {{ GRAPH ?g {{ ?m <{nif}beginIndex> ?b ; "
                       f"<http://www.w3.org/2005/11/its/rdf#taIdentRef> ?x }} }}")
    in_rdf = int(next(iter(rows))["n"].value)
    in_model = len({(m.doc_id, m.start, m.end) for e in (*graph.entities, *graph.events) for m in e.mentions})
    assert in_rdf == in_model > 0
    from graphbuild.cli import app

    result = CliRunner().invoke(app, ["evaluate", str(path), "--limit", "3", "-o", str(tmp_path / "cli")])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "cli" / "graph.trig").stat().st_size > 0
