"""The Dask engine's client does not hold the corpus (run by `make bench`): the memory the
process that starts a build gains while the input is read and the corpus context made,
read here (the local engine) against read by the workers (`--engine dask`), on ECB+
train repeated with fresh ids (2k documents; 20k with GRAPHBUILD_BENCH_SCALE=full)."""
from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from tests.bench.harness import FULL, SCALE, repeated_corpus
from tests.conftest import ROOT

pytestmark = pytest.mark.skipif(os.environ.get("GRAPHBUILD_BENCH") != "1",
                                reason="benchmark: run with `make bench` (GRAPHBUILD_BENCH=1)")


def _grown(mode: str, corpus) -> dict:
    done = subprocess.run([sys.executable, "-m", "tests.bench.ingest_driver", mode, str(corpus)], cwd=ROOT,
                          env={**os.environ, "PYTHONPATH": str(ROOT)}, capture_output=True, text=True, timeout=3600)
    assert done.returncode == 0, done.stderr[-2000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_the_dask_client_does_not_hold_the_corpus(tmp_path):
    n = 20_000 if FULL else 2_000
    corpus = repeated_corpus(tmp_path / "c.jsonl", n)
    local, dask = _grown("local", corpus), _grown("dask", corpus)
    load = "/".join(f"{x:.1f}" for x in os.getloadavg())
    print(f"\n[bench {SCALE}; load {load}] reading {n} ECB+ docs ({corpus.stat().st_size / 2**20:.1f} MB JSONL): "
          f"client +{local['grown_mb']} MB read here, +{dask['grown_mb']} MB read by 2 Dask workers "
          f"({local['seconds']} vs {dask['seconds']} s)", flush=True)
    assert local["documents"] == dask["documents"] == n
    assert local["repeated_lines"] == dask["repeated_lines"]
