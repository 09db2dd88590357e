"""Memory of a build grows slowly with the corpus: a generated corpus streamed from a
JSONL file, built whole (validation and every default format), N and then 2N documents;
the peak RSS of the process (measured from outside, `tests.bench.harness.measure`) of
the larger build stays within a bound loose enough for a noisy shared machine. The real
figures (ECB+ train, 1k-20k documents) are printed by `tests/bench/test_scale_bench.py`."""
from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

from tests.bench.harness import measure

pytestmark = pytest.mark.slow

N = 120
GROWTH_BOUND = 1.45  # peak(2N) / peak(N); the model of every document is still held

_FIRST = ["Anna", "Boris", "Carla", "Dmitri", "Elena", "Farid", "Greta", "Hugo", "Ines", "Jonas"]
_LAST = ["Keller", "Lindqvist", "Moreau", "Novak", "Okafor", "Petrov", "Quinn", "Rossi", "Sato", "Tanaka"]
_TOWNS = ["Aldport", "Brenmoor", "Castleby", "Dunwick", "Eastmere", "Fallowfield"]


def _article(i: int, rng: random.Random) -> dict:
    """A short news article with people of its own (fresh names per document)."""
    people = [f"{rng.choice(_FIRST)} {rng.choice(_LAST)}{'abcdefghij'[i % 10]}{i}" for _ in range(3)]
    town, other = rng.sample(_TOWNS, 2)
    text = (f"{people[0]}, the mayor of {town}, said on Monday that the bridge would reopen. "
            f"\"We expect traffic by spring,\" {people[0]} told reporters in {town}. "
            f"{people[1]}, who works for the Harbour Authority, met {people[2]} in {other} on Tuesday. "
            f"A fire destroyed a warehouse in {other}, killing two workers, police said.")
    return {"id": f"gen-{i:05d}", "text": text}


def _corpus(path: Path, n: int) -> Path:
    rng = random.Random(n)
    with path.open("w", encoding="utf-8") as out:
        for i in range(n):
            out.write(json.dumps(_article(i, rng)) + "\n")
    return path


def test_peak_memory_of_twice_the_documents_stays_within_the_bound(tmp_path):
    runs = {}
    for n in (N, 2 * N):
        run = measure("build", str(_corpus(tmp_path / f"c{n}.jsonl", n)), str(tmp_path / f"out{n}"))
        assert run.ok(), run.stderr[-3000:]
        runs[n] = run
    ratio = runs[2 * N].peak_mb / runs[N].peak_mb
    print(f"\npeak RSS {N} docs {runs[N].peak_mb:.0f} MB, {2 * N} docs {runs[2 * N].peak_mb:.0f} MB: {ratio:.2f}x")
    assert ratio < GROWTH_BOUND, f"peak RSS grew {ratio:.2f}x from {N} to {2 * N} documents"
