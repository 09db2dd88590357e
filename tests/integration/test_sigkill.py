"""SIGKILL a build into an existing output directory at random moments, again and again:
every time, the directory holds the old set or the new one, whole (each file matches its
sha256 in report.json) and valid (graph.trig re-parses), and the next build cleans up.

The builds are forked from this process, which has the model loaded already, so a kill
costs a fraction of a second instead of a model load; most kills land in the write
phase, where a set can be torn.
"""
from __future__ import annotations

import os
import random
import signal
import time
from pathlib import Path

import pyoxigraph as ox

from graphbuild.outputs import check_output_set, recover, sha256_file
from graphbuild.pipeline import build
from graphbuild.settings import Settings

TEXTS = ("Angela Merkel met Emmanuel Macron in Berlin on Monday.\n",
         "Barack Obama visited Tokyo on Friday with Shinzo Abe.\n")
KILLS = 20


def _fork_build(settings: Settings) -> int:
    pid = os.fork()
    if pid == 0:
        code = 1
        try:
            build(settings)
            code = 0
        finally:
            os._exit(code)
    return pid


def _set_id(out: Path) -> str:
    """The sha256 of graph.trig after checking that the set is whole and valid."""
    check = check_output_set(out)
    assert check.ok, check.problems
    list(ox.parse((out / "graph.trig").read_bytes(), format=ox.RdfFormat.TRIG))
    return sha256_file(out / "graph.trig")


def test_sigkill_never_leaves_a_mixed_set(tmp_path, nlp):
    rng = random.Random(14)
    inputs = [tmp_path / "a.txt", tmp_path / "b.txt"]
    for path, text in zip(inputs, TEXTS):
        path.write_text(text)
    out = tmp_path / "out"
    settings = [Settings(inputs=(str(p),), output_dir=out, formats=("ttl", "trig", "nt", "jsonld", "html"))
                for p in inputs]
    build(settings[1])  # loads what the model needs
    t0 = time.perf_counter()
    build(settings[0])
    full = time.perf_counter() - t0  # what a forked build takes
    sets = {_set_id(out): 0}
    killed = survived = in_write = 0
    for i in range(KILLS):
        which = (i + 1) % 2
        pid = _fork_build(settings[which])
        time.sleep(rng.uniform(0.05, 1.1) * full)
        os.kill(pid, signal.SIGKILL)
        _, status = os.waitpid(pid, 0)
        if os.WIFSIGNALED(status):
            killed += 1
        in_write += bool(check_output_set(out).leftovers)  # the kill hit the write phase
        current = _set_id(out)  # whole and valid, killed or not
        sets.setdefault(current, which)
        assert len(sets) <= 2  # the old or the new one, nothing else
        survived += 1
        recover(out)  # what the next build does first
        assert not list(out.glob(".graphbuild-stage-*")) and not list(tmp_path.glob(".out.graphbuild-stage-*"))
    assert killed >= KILLS // 2, f"only {killed} of {KILLS} builds were still running when killed"
    print(f"\n{survived} SIGKILLs survived ({killed} mid-build, {in_write} in the write phase), "
          f"forked build {full:.2f}s")
