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
