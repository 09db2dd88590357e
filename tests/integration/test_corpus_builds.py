"""Real corpora build end to end through the real CLI with default settings: exit 0,
strictly valid output, no SHACL violation, no rejected statement, and every event place
a Place (checked with SPARQL over the output). Plus a property test over random small
corpora assembled from the shared data."""
from __future__ import annotations

import json
import random
from pathlib import Path

import pyoxigraph as ox
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import SHARED_DATA, skip_or_fail
from tests.helpers.cli import run_cli

pytestmark = pytest.mark.slow

PREFIXES = """PREFIX sem: <http://semanticweb.cs.vu.nl/2009/11/sem/>
PREFIX schema: <http://schema.org/>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
"""
# Objects of sem:hasPlace that are not typed as places anywhere in the dataset.
UNPLACED = PREFIXES + """SELECT DISTINCT ?p WHERE {
  GRAPH ?g { ?e sem:hasPlace ?p }
  FILTER NOT EXISTS { GRAPH ?h { ?p rdf:type sem:Place } }
  FILTER NOT EXISTS { GRAPH ?h2 { ?p rdf:type schema:Place } }
}"""


def _corpus(name: str) -> Path:
    path = SHARED_DATA / name
    if not path.exists():
        skip_or_fail(f"{path} is missing (the shared evaluation data)")
    return path


def _store(out: Path) -> ox.Store:
    store = ox.Store()
    store.load(path=str(out / "graph.trig"), format=ox.RdfFormat.TRIG)
    return store


def assert_clean_build(out: Path) -> dict:
    """The checks every corpus build must pass; returns the report."""
    report = json.loads((out / "report.json").read_text())
    validation = report["validation"]
    assert validation["checked"] and validation["conforms"], validation
    assert validation["violations"] == 0 and validation["rejected_statements"] == 0, validation
    assert not (out / "rejected.trig").exists()
    for name, fmt in (("graph.ttl", ox.RdfFormat.TURTLE), ("graph.nt", ox.RdfFormat.N_TRIPLES),
                      ("graph.trig", ox.RdfFormat.TRIG)):
        assert sum(1 for _ in ox.parse(path=str(out / name), format=fmt)) > 0, name
    assert list(_store(out).query(UNPLACED)) == []
    return report


@pytest.mark.parametrize("corpus", ["ecbplus_dev.jsonl", "conll2003_dev.jsonl"])
def test_a_real_corpus_builds_with_default_settings(corpus, tmp_path):
    out = tmp_path / "out"
    result = run_cli("build", str(_corpus(corpus)), "-o", str(out))
    assert result.returncode == 0, result.stderr.decode()[-3000:]
    report = assert_clean_build(out)
    assert report["documents_in_graph"] == report["documents_read"] > 150
    assert report["skipped"] == []
    # dropped facts are reported by reason, each reason a short stable text
    assert all(isinstance(n, int) and n > 0 for n in report["dropped_facts"].values())


def _pool() -> list[dict]:
    """Up to 12 documents from each shared corpus (a fixed, seeded sample)."""
    pool = []
    sources = ["ecbplus_train.jsonl", "ecbplus_dev.jsonl", "conll2003_dev.jsonl", "redocred_dev.jsonl",
               "news_dev/input.jsonl"]
    for name in sources:
        path = _corpus(name)
        rows = [json.loads(line) for line in path.open(encoding="utf-8") if line.strip()]
        for r in random.Random(name).sample(rows, min(12, len(rows))):
            pool.append({"id": r.get("id") or r["doc_id"], "text": r["text"], "published": r.get("published")})
    return pool


@pytest.fixture(scope="module")
def pool() -> list[dict]:
    return _pool()


@settings(max_examples=6, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(data=st.data())
def test_random_small_corpora_always_conform(pool, tmp_path_factory, data):
    from datetime import date

    from graphbuild.model import Document
    from graphbuild.pipeline import build_documents
    from graphbuild.settings import Settings

    picked = data.draw(st.lists(st.sampled_from(pool), min_size=2, max_size=6, unique_by=lambda r: r["id"]))
    picked = data.draw(st.permutations(picked))
    docs = [Document(r["id"], r["text"], published=date.fromisoformat(r["published"]) if r["published"] else None)
            for r in picked]
    out = tmp_path_factory.mktemp("random-corpus")
    result = build_documents(docs, Settings(output_dir=out, formats=("trig", "ttl", "nt")))
    validation = result.report["validation"]
    assert validation["conforms"] and validation["rejected_statements"] == 0, (
        [d.id for d in docs], validation)
    assert list(_store(out).query(UNPLACED)) == []
