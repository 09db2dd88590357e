"""The output directory is one set: staged, swapped in whole, hashed in report.json,
checked by the next build; one build at a time per directory; documents added with
--into are told apart by id, or by path and content, never by file name alone."""
from __future__ import annotations

import errno
import json
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from graphbuild.errors import OutputError, UsageError
from graphbuild.locking import LOCK, locked
from graphbuild.outputs import COMMITTED, check_output_set, recover, staged
from graphbuild.pipeline import build
from graphbuild.settings import Settings

ROOT = Path(__file__).resolve().parents[2]
A = "Angela Merkel met Emmanuel Macron in Berlin on Monday.\n"
B = "Barack Obama visited Tokyo on Friday with Shinzo Abe.\n"
FAST = dict(formats=("ttl", "trig", "html"), validate=False)


def _write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)
    return path


def run_cli(*args, cwd) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    return subprocess.run([sys.executable, "-m", "graphbuild", *args], cwd=cwd, env=env,
                          capture_output=True, timeout=600)


def test_a_build_records_each_file_hash_and_the_next_build_sees_tampering(tmp_path, nlp):
    out = tmp_path / "out"
    _write(out / "notes.md", "mine")  # a file of the user's survives every swap
    src = _write(tmp_path / "a.txt", A)
    first = build(Settings(inputs=(str(src),), output_dir=out, **FAST))
    assert set(first.report["files"]) == {"graph.ttl", "graph.trig", "graph.html"}
    assert check_output_set(out).ok and (out / "notes.md").read_text() == "mine"
    assert not (out / LOCK).exists() and sorted(p.name for p in tmp_path.iterdir()) == ["a.txt", "out"]
    with open(out / "graph.ttl", "ab") as handle:
        handle.write(b"# edited\n")
    (out / "graph.nt").write_text("")  # from some other build
    problems = check_output_set(out).problems
    assert any("graph.ttl does not match its sha256" in p for p in problems)
    assert any("graph.nt is not part of the set" in p for p in problems)
    second = build(Settings(inputs=(str(src),), output_dir=out, **FAST))
    assert second.report["previous_set"]["problems"] == problems
    assert check_output_set(out).ok and not (out / "graph.nt").exists()
    assert (out / "notes.md").read_text() == "mine"


def test_stale_staging_and_temp_files_are_cleaned(tmp_path, nlp):
    out = tmp_path / "out"
    _write(out / ".graph.ttl.x1y2.tmp", "half")
    _write(out / ".graphbuild-stage-abc" / "graph.ttl", "half")  # uncommitted: discarded
    _write(tmp_path / ".out.graphbuild-stage-def" / "graph.trig", "half")
    _write(out / "keep.tmp", "not ours")
    result = build(Settings(inputs=(str(_write(tmp_path / "a.txt", A)),), output_dir=out, **FAST))
    assert len(result.report["previous_set"]["recovered"]) == 3
    names = sorted(p.name for p in out.iterdir())
    assert names == ["graph.html", "graph.trig", "graph.ttl", "keep.tmp", "report.json"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt", "out"]


def test_a_committed_per_file_swap_is_finished_by_recover(tmp_path):
    out = tmp_path / "out"
    _write(out / "graph.ttl", "old")
    stage = out / ".graphbuild-stage-k"
    _write(stage / "graph.ttl", "new")
    _write(stage / "report.json", json.dumps({"files": {}}))
    _write(stage / COMMITTED, "")
    assert recover(out) == ["finished the interrupted swap of .graphbuild-stage-k"]
    assert (out / "graph.ttl").read_text() == "new" and not stage.exists()


@pytest.mark.parametrize("subdir", [False, True])  # a subdirectory forces the per-file swap
def test_a_failed_write_leaves_the_old_set(tmp_path, subdir):
    out = tmp_path / "out"
    _write(out / "graph.ttl", "old")
    if subdir:
        (out / "sub").mkdir()
    with pytest.raises(OutputError, match="No space left on device.*previous set was left"):
        with staged(out) as stage:
            _write(stage / "graph.ttl", "new")
            with open("/dev/full", "wb") as full:  # a real ENOSPC
                full.write(b"x" * 10)
                full.flush()
    assert (out / "graph.ttl").read_text() == "old"
    assert sorted(p.name for p in out.iterdir()) == ["graph.ttl"] + (["sub"] if subdir else [])
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]


def test_a_second_build_fails_naming_the_holder_or_waits(tmp_path):
    out = tmp_path / "out"
    _write(tmp_path / "a.txt", A)
    with locked(out):
        busy = run_cli("build", "a.txt", "-o", str(out), cwd=tmp_path)
    assert busy.returncode == 7, busy.stderr
    assert f"pid {os.getpid()}".encode() in busy.stderr and b"--wait" in busy.stderr
    release = threading.Event()

    def hold():
        with locked(out):
            release.wait(20)
    holder = threading.Thread(target=hold)
    holder.start()
    time.sleep(0.3)
    threading.Timer(2.0, release.set).start()
    waited = run_cli("build", "a.txt", "-o", str(out), "--wait", "120", "--formats", "ttl", cwd=tmp_path)
    holder.join()
    assert waited.returncode == 0, waited.stderr
    assert check_output_set(out).ok


def test_two_into_builds_at_once_keep_both_documents(tmp_path, nlp):
    out = tmp_path / "out"
    build(Settings(inputs=(str(_write(tmp_path / "seed.txt", A)),), output_dir=out, **FAST))
    _write(tmp_path / "one.txt", B)
    _write(tmp_path / "two.txt", "Vladimir Putin spoke in Moscow on Sunday.\n")
    procs = [subprocess.Popen([sys.executable, "-m", "graphbuild", "build", name, "--into", "out",
                               "--wait", "300", "--formats", "trig"], cwd=tmp_path,
                              env=dict(os.environ, PYTHONPATH=str(ROOT)), stderr=subprocess.PIPE)
             for name in ("one.txt", "two.txt")]
    for proc in procs:
        assert proc.wait(600) == 0, proc.stderr.read()
    report = json.loads((out / "report.json").read_text())
    assert report["documents_in_graph"] == 3


def test_into_tells_same_named_files_apart_by_content(tmp_path, nlp):
    out = tmp_path / "out"
    day1, day2 = _write(tmp_path / "day1" / "story.txt", A), _write(tmp_path / "day2" / "story.txt", B)
    build(Settings(inputs=(str(day1),), output_dir=out, **FAST))
    second = build(Settings(inputs=(str(day2),), into=out, **FAST))
    assert sorted(d.id for d in second.model.documents) == ["story", "story-2"]
    again = build(Settings(inputs=(str(day2),), into=out, **FAST))  # the same article again
    assert sorted(d.id for d in again.model.documents) == ["story", "story-2"]
    corpus = _write(tmp_path / "c.jsonl", json.dumps({"id": "story", "text": B}) + "\n")
    update = build(Settings(inputs=(str(corpus),), into=out, **FAST))  # an explicit id: an update
    assert {d.id: d.text for d in update.model.documents} == {"story": B, "story-2": B}


def test_into_refuses_a_trig_graphbuild_did_not_write(tmp_path, nlp):
    foreign = tmp_path / "foreign"
    _write(foreign / "graph.trig", "<https://example.org/s> <https://example.org/p> <https://example.org/o> "
           "<https://example.org/g> .\n")
    before = (foreign / "graph.trig").read_bytes()
    with pytest.raises(UsageError, match="graph.trig was not written by graphbuild"):
        build(Settings(inputs=(str(_write(tmp_path / "a.txt", A)),), into=foreign, **FAST))
    assert (foreign / "graph.trig").read_bytes() == before
    assert sorted(p.name for p in foreign.iterdir()) == ["graph.trig"]


def test_validate_reports_a_mixed_set(tmp_path, nlp):
    out = tmp_path / "out"
    build(Settings(inputs=(str(_write(tmp_path / "a.txt", A)),), output_dir=out, formats=("ttl", "trig")))
    assert run_cli("validate", str(out), cwd=tmp_path).returncode == 0
    (out / "graph.ttl").write_bytes((out / "graph.ttl").read_bytes().replace(b"Merkel", b"Merkle"))
    result = run_cli("validate", str(out), cwd=tmp_path)
    assert result.returncode == 1
    assert b"MIXED   graph.ttl does not match its sha256 in report.json" in result.stdout + result.stderr
