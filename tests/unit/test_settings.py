"""Settings check themselves: a library caller gets the CLI's checks and messages."""
from __future__ import annotations

from pathlib import Path

import pytest

from graphbuild.errors import UsageError
from graphbuild.settings import DEFAULT_OUTPUT, Engine, EvalMode, EvaluationSettings, OnError, Settings


def test_choices_become_enums_and_bad_ones_name_the_flag():
    s = Settings(on_error="fail", engine="dask")
    assert s.on_error is OnError.FAIL and s.engine is Engine.DASK and s.on_error == "fail"
    with pytest.raises(UsageError, match="--on-error 'ignore': choose skip or fail"):
        Settings(on_error="ignore")
    with pytest.raises(UsageError, match="--engine 'spark'"):
        Settings(engine="spark")
    with pytest.raises(UsageError, match="--scheduler needs --engine dask"):
        Settings(scheduler="tcp://127.0.0.1:8786")
    with pytest.raises(UsageError, match="--jobs 0"):
        Settings(jobs=0)
    with pytest.raises(UsageError, match="unknown format pdf"):
        Settings(formats=("ttl", "pdf"))
    with pytest.raises(UsageError, match="--strict needs validation"):
        Settings(strict=True, validate=False)


def test_into_and_output_cannot_silently_disagree(tmp_path):
    assert Settings().output_dir == DEFAULT_OUTPUT
    assert Settings(into=tmp_path).output_dir == tmp_path
    assert Settings(into=tmp_path, output_dir=tmp_path / "." ).output_dir == tmp_path
    with pytest.raises(UsageError, match="drop -o or give the same directory"):
        Settings(into=tmp_path / "a", output_dir=tmp_path / "b")


def test_evaluation_modes_are_exclusive(tmp_path):
    gold = tmp_path / "gold.jsonl"
    gold.write_text("")
    assert EvaluationSettings.mode_of(False, True, False) is EvalMode.COREF
    assert EvaluationSettings.mode_of(False, False, False) is EvalMode.MENTIONS
    with pytest.raises(UsageError, match="--events and --relations cannot be combined"):
        EvaluationSettings.mode_of(True, False, True)
    assert EvaluationSettings(gold, "events").mode is EvalMode.EVENTS
    with pytest.raises(UsageError, match="no such file"):
        EvaluationSettings(Path(tmp_path / "missing.jsonl"))
    with pytest.raises(UsageError, match="--limit 0"):
        EvaluationSettings(gold, limit=0)


def test_cli_refuses_two_evaluation_modes(tmp_path):
    from typer.testing import CliRunner

    from graphbuild.cli import app

    gold = tmp_path / "gold.jsonl"
    gold.write_text("")
    result = CliRunner().invoke(app, ["evaluate", str(gold), "--events", "--coref"])
    assert result.exit_code == 2 and "cannot be combined" in result.output
