"""Helpers of the scale benchmarks: whole processes measured from outside, generated corpora.

`measure(args)` runs `python -m tests.bench.drivers ARGS` as a child process and polls
the RSS of the child and all its descendants (psutil, every 50 ms): wall seconds and the
peak of the tree's summed RSS, plus the CPU seconds it used (steadier than wall time on a
shared machine). A child whose tree passes `RSS_CAP_MB` is killed and
reported as such (a 20 MB article used to need 17-20 GB).

Sizes: `GRAPHBUILD_BENCH_SCALE=full` runs the sizes of issue 10 (ECB+ train end to end,
1k/5k/20k documents, 0.2/2/20 MB articles, 1M triples); the default (`small`) keeps
`make bench` to a few minutes on a 2-core machine. Every test prints which it ran.
"""
from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import psutil

from tests.conftest import ROOT, SHARED_DATA, skip_or_fail

SCALE = os.environ.get("GRAPHBUILD_BENCH_SCALE", "small")
FULL = SCALE == "full"
RSS_CAP_MB = int(os.environ.get("GRAPHBUILD_BENCH_RSS_CAP_MB", "8000"))
POLL_SECONDS = 0.05


@dataclass(frozen=True)
class Run:
    seconds: float
    cpu_seconds: float  # user + system of the child and every descendant it waited for
    peak_mb: float
    returncode: int
    killed: bool
    stdout: str
    stderr: str

    def ok(self) -> bool:
        return self.returncode == 0 and not self.killed

    def describe(self) -> str:
        state = "" if self.ok() else (f" KILLED over {RSS_CAP_MB} MB" if self.killed else f" FAILED rc={self.returncode}")
        return f"{self.seconds:.1f} s wall ({self.cpu_seconds:.1f} s CPU), peak {self.peak_mb:.0f} MB{state}"


def _tree_rss(proc: psutil.Process) -> int:
    total = 0
    try:
        procs = [proc, *proc.children(recursive=True)]
    except psutil.NoSuchProcess:
        return 0
    for p in procs:
        try:
            total += p.memory_info().rss
        except psutil.NoSuchProcess:
            pass
    return total


def measure(*args: str) -> Run:
    """Run the driver `args` in a fresh interpreter; wall time and peak tree RSS."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        t0, cpu0 = time.perf_counter(), _children_cpu()
        proc = subprocess.Popen([sys.executable, "-m", "tests.bench.drivers", *args], cwd=ROOT, env=env,
                                stdout=out, stderr=err, text=True)
        watched, peak, killed = psutil.Process(proc.pid), 0, False
        while proc.poll() is None:
            peak = max(peak, _tree_rss(watched))
            if peak > RSS_CAP_MB * 2**20:
                _kill_tree(watched)
                killed = True
                break
            time.sleep(POLL_SECONDS)
        proc.wait()
        seconds, cpu = time.perf_counter() - t0, _children_cpu() - cpu0
        out.seek(0)
        err.seek(0)
        stdout, stderr = out.read(), err.read()
    return Run(seconds, cpu, peak / 2**20, proc.returncode, killed, stdout, stderr)


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _kill_tree(proc: psutil.Process) -> None:
    for p in [*proc.children(recursive=True), proc]:
        try:
            p.kill()
        except psutil.NoSuchProcess:
            pass


def result(run: Run) -> dict:
    """The JSON the driver printed on its last stdout line ({} when it printed none)."""
    lines = [line for line in run.stdout.splitlines() if line.startswith("{")]
    return json.loads(lines[-1]) if lines else {}


def ecb(split: str) -> Path:
    path = SHARED_DATA / f"ecbplus_{split}.jsonl"
    if not path.exists():
        skip_or_fail(f"{path} is missing: the benchmark reads ECB+ articles")
    return path


def _records(split: str) -> list[dict]:
    with ecb(split).open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle]


def repeated_corpus(path: Path, n: int, split: str = "train") -> Path:
    """`n` ECB+ articles (the split repeated as often as needed) with fresh ids, as JSONL."""
    records = _records(split)
    with path.open("w", encoding="utf-8") as out:
        for i in range(n):
            r = records[i % len(records)]
            out.write(json.dumps({"id": f"{r['doc_id']}-r{i // len(records)}", "text": r["text"]}) + "\n")
    return path


def long_article(path: Path, megabytes: float) -> Path:
    """One article of `megabytes` MB of real news prose: ECB+ texts joined by blank lines."""
    texts = [r["text"] for r in _records("train") + _records("dev")]
    want, parts, size, i = int(megabytes * 1_000_000), [], 0, 0
    while size < want:
        parts.append(texts[i % len(texts)])
        size += len(parts[-1].encode("utf-8")) + 2
        i += 1
    text = "\n\n".join(parts).encode("utf-8")[:want].decode("utf-8", "ignore")
    path.write_text(json.dumps({"id": f"long-{megabytes}mb", "text": text}) + "\n", encoding="utf-8")
    return path


def words(path: Path) -> int:
    """Whitespace-separated words of the texts of a JSONL corpus."""
    with path.open(encoding="utf-8") as handle:
        return sum(len(json.loads(line)["text"].split()) for line in handle)
