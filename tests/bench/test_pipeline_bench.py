"""Benchmark of the per-article pipeline (run by `make bench`; skipped in the normal suite).

Throughput of graphbuild's analysis (parse, mentions, within-document resolution,
relations, quotes, events) over ECB+ dev articles, against the raw spaCy model's
`nlp.pipe` over the same texts in the same run: the ratio says what our stages cost on
top of spaCy, whatever the machine's speed today. Also one long article (~120 kB) to
catch stages that grow faster than the text.
"""
from __future__ import annotations

import json
import os
import time
from dataclasses import replace

import pytest

from graphbuild.model import Document
from tests.conftest import SHARED_DATA, skip_or_fail

pytestmark = pytest.mark.skipif(os.environ.get("GRAPHBUILD_BENCH") != "1",
                                reason="benchmark: run with `make bench` (GRAPHBUILD_BENCH=1)")

ARTICLES = 60


def _articles() -> list[Document]:
    path = SHARED_DATA / "ecbplus_dev.jsonl"
    if not path.exists():
        skip_or_fail(f"{path} is missing: the benchmark reads ECB+ dev articles")
    with path.open(encoding="utf-8") as handle:
        records = [json.loads(line) for _, line in zip(range(ARTICLES), handle)]
    return [Document(id=r["doc_id"], text=r["text"]) for r in records]


def _seconds(fn) -> float:
    t0 = time.perf_counter()
    fn()
    return time.perf_counter() - t0


def test_pipeline_throughput_against_raw_spacy(nlp):
    from graphbuild.analyze import analyze, corpus_context
    from graphbuild.nlp import parse

    docs = _articles()
    chars = sum(len(d.text) for d in docs)
    context = corpus_context(docs)
    list(nlp.pipe(d.text for d in docs[:5]))  # warm-up
    raw = _seconds(lambda: list(nlp.pipe(d.text for d in docs)))
    ours = _seconds(lambda: [analyze(parse(nlp, d), context) for d in docs])
    print(f"\n{len(docs)} articles, {chars / 1000:.0f} kB: raw spaCy {raw:.2f} s "
          f"({chars / raw / 1000:.0f} kB/s), graphbuild {ours:.2f} s ({chars / ours / 1000:.0f} kB/s), "
          f"ratio {ours / raw:.2f}x")

    long = replace(docs[0], id="long", text="\n\n".join(d.text for d in docs)[:120_000])
    raw_long = _seconds(lambda: nlp(long.text))
    ours_long = _seconds(lambda: analyze(parse(nlp, long), corpus_context([long])))
    print(f"one {len(long.text) / 1000:.0f} kB article: raw spaCy {raw_long:.2f} s, graphbuild {ours_long:.2f} s, "
          f"ratio {ours_long / raw_long:.2f}x")
