"""`graphbuild evaluate --coref` on a few ECB+ dev documents: both rows, sane numbers."""
from __future__ import annotations

from tests.conftest import skip_or_fail


def test_coref_evaluation_on_ecbplus_dev(shared_data):
    gold = shared_data / "ecbplus_dev.jsonl"
    if not gold.exists():
        skip_or_fail(f"{gold} is missing (ECB+ dev, see shared/data/README.md)")
    from typer.testing import CliRunner

    from graphbuild.cli import app

    result = CliRunner().invoke(app, ["evaluate", str(gold), "--coref", "--limit", "12"])
    assert result.exit_code == 0, result.output
    rows = {" ".join(line.split()[:3]): line for line in result.output.splitlines()}
    assert any(k.startswith("entities graphbuild") for k in rows)
    assert any(k.startswith("entities spaCy raw,") for k in rows)
    conll = {k: float(v.split()[-1]) for k, v in rows.items() if k.startswith(("entities", "events"))}
    assert all(0.0 <= x <= 100.0 for x in conll.values())
    assert max(v for k, v in conll.items() if k.startswith("entities graphbuild")) > 0
