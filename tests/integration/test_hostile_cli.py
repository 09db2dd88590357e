"""Issue 9, items 3 and 4, through the real CLI (a `python -m graphbuild` process, the real
model): nothing good is overwritten by nothing, and one bad input is one skipped entry.

Each hostile input is named in HOSTILE with the skip reason it must get; one build over
all of them plus one good article must exit 0, list each once, and print every user
string literally (no rich markup, no raw control characters).
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from graphbuild.cli import printable

ROOT = Path(__file__).resolve().parents[2]
GOOD = "Angela Merkel met Emmanuel Macron in Berlin on Monday.\n"


def run_cli(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONPATH=str(ROOT), COLUMNS="400")
    return subprocess.run([sys.executable, "-m", "graphbuild", *args], cwd=cwd, env=env,
                          capture_output=True, timeout=600)


def snapshot(directory: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(directory.iterdir())}


@pytest.fixture()
def graph_dir(tmp_path, sample_build) -> Path:
    """A directory holding a good graph (the samples' build)."""
    out = tmp_path / "out"
    out.mkdir()
    for path in Path(sample_build.outputs["report"]).parent.iterdir():
        (out / path.name).write_bytes(path.read_bytes())
    return out


def test_missing_path_is_an_error_and_leaves_the_graph(tmp_path, graph_dir):
    before = snapshot(graph_dir)
    (tmp_path / "good.txt").write_text(GOOD)
    result = run_cli("build", "good.txt", "missing.txt", "-o", str(graph_dir), cwd=tmp_path)
    assert result.returncode == 2, result.stderr
    assert b"missing.txt" in result.stderr and b"no such file" in result.stderr
    assert b"Traceback" not in result.stderr
    assert snapshot(graph_dir) == before


def test_missing_path_with_into_leaves_the_graph(tmp_path, graph_dir):
    before = snapshot(graph_dir)
    result = run_cli("build", "nope/", "--into", str(graph_dir), cwd=tmp_path)
    assert result.returncode == 2 and b"nope" in result.stderr
    assert snapshot(graph_dir) == before


def test_all_inputs_bad_exits_6_and_leaves_the_graph(tmp_path, graph_dir):
    before = snapshot(graph_dir)
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "bad.jsonl").write_text('{"id": 1\n[1, 2]\n')
    (tmp_path / "bin.txt").write_bytes(b"%PDF-1.4 \x00\x01\x02")
    result = run_cli("build", "empty.txt", "bad.jsonl", "bin.txt", "-o", str(graph_dir), cwd=tmp_path)
    assert result.returncode == 6, result.stderr
    err = result.stderr.decode()
    for name in ("empty.txt", "bad.jsonl:1", "bad.jsonl:2", "bin.txt"):
        assert f"skipped {name}:" in err
    assert "nothing was written" in err
    assert snapshot(graph_dir) == before


def test_17_mb_article_alone_is_refused_clearly(tmp_path, graph_dir):
    before = snapshot(graph_dir)
    (tmp_path / "huge.txt").write_text((GOOD * 400_000)[:17_000_000])
    for extra in ((), ("--max-chars", "20000000")):  # the default limit, then the RDF one
        result = run_cli("build", "huge.txt", "-o", str(graph_dir), *extra, cwd=tmp_path)
        assert result.returncode == 6, result.stderr
        assert b"skipped huge.txt: article of 17,000,000 characters is over" in result.stderr
        assert b"Traceback" not in result.stderr
    assert snapshot(graph_dir) == before


def _hostile_inputs(folder: Path) -> dict[str, str]:
    """Write the hostile inputs into `folder`; returns skipped source -> reason fragment."""
    jsonl = [
        json.dumps({"id": "t", "title": "\ud800bad", "text": GOOD}),       # surrogate in title
        json.dumps({"id": "x\udfff", "text": GOOD}),                        # surrogate in id
        json.dumps({"id": "u", "text": "Paris \udc80 is big.", "url": "x"}),  # in the text
        "[" * 100_000 + "]" * 100_000,                                      # RecursionError
        json.dumps({"id": "big", "text": "word " * 250_000}),              # over --max-chars
    ]
    (folder / "corpus.jsonl").write_text("\n".join(jsonl) + "\n", encoding="utf-8")
    (folder / "side.txt").write_text(GOOD)
    (folder / "side.meta.json").write_text('{"title": ' + "[" * 50_000 + "]" * 50_000 + "}")
    return {
        "corpus.jsonl:1": "`title` holds a lone surrogate (U+D800",
        "corpus.jsonl:2": "`id` holds a lone surrogate (U+DFFF",
        "corpus.jsonl:3": "`text` holds a lone surrogate (U+DC80",
        "corpus.jsonl:4": "JSON nested too deeply",
        "corpus.jsonl:5": "characters is over the limit of 1,000,000",
        "side.meta.json": "nested too deeply",
    }


def test_hostile_batch_skips_each_input_and_builds_the_rest(tmp_path):
    inputs = tmp_path / "in"
    inputs.mkdir()
    expected = _hostile_inputs(inputs)
    (inputs / "ok[").mkdir()
    (inputs / "ok[" / "x]:smile:[bold].txt").write_text(GOOD)  # markup: in/ok[/x]:smile:[bold].txt
    bad_dir = os.fsdecode(os.fsencode(inputs) + b"/bad\xffdir")  # names that are not UTF-8
    os.mkdir(bad_dir)
    Path(os.fsdecode(os.fsencode(bad_dir) + b"/caf\xe9.txt")).write_bytes(GOOD.encode())
    (inputs / "ctl\x1b[2Jx.txt").write_text("   ")  # a terminal escape in a skipped name
    expected["ctl\x1b[2Jx.txt"] = "only whitespace"
    out = tmp_path / "out"
    result = run_cli("build", "in", "-o", str(out), "--published", "2020-01-07", cwd=tmp_path)
    err = result.stderr.decode("utf-8")
    assert result.returncode == 0, err
    assert "Traceback" not in err and "\x1b[2J" not in err
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    got = {item["source"].removeprefix("in/"): item["reason"] for item in report["skipped"]}
    assert set(got) == set(expected), got
    for source, fragment in expected.items():
        assert fragment in got[source], (source, got[source])
        assert f"skipped {printable('in/' + source)}:" in err  # literally; escapes as text
    assert report["documents_in_graph"] == 2  # the markup name and caf\xe9.txt
    trig = (out / "graph.trig").read_text(encoding="utf-8")
    assert '"caf\\\\xe9"' in trig and '"x]:smile:[bold]"' in trig  # ids as the names spell them
    assert "graph.ttl" in result.stdout.decode()


def test_markup_in_published_is_printed_literally(tmp_path):
    (tmp_path / "a.txt").write_text(GOOD)
    result = run_cli("build", "a.txt", "-o", "out", "--published", "[/x][bold]:smile:", cwd=tmp_path)
    assert result.returncode == 2
    assert b"--published '[/x][bold]:smile:' is not a date" in result.stderr
    assert b"Traceback" not in result.stderr and not (tmp_path / "out").exists()


def test_markup_in_a_file_name_is_printed_literally(tmp_path):
    (tmp_path / "a[").mkdir()
    (tmp_path / "a[" / "x]b.txt").write_text("")
    result = run_cli("build", "a[/x]b.txt", "-o", "out", cwd=tmp_path)
    assert result.returncode == 6, result.stderr
    assert b"skipped a[/x]b.txt: empty file" in result.stderr
    assert b"MarkupError" not in result.stderr and not (tmp_path / "out").exists()


@pytest.mark.parametrize("args, fragment", [
    (["--encoding", "zlib"], b"--encoding 'zlib' is not a text encoding"),
    (["-o", "a.txt"], b"is not a directory"),
    (["-o", "a.txt/sub"], b"is a file"),
    (["--base-iri", "ftp://x y/"], b"--base-iri"),
    (["--max-chars", "0"], b"--max-chars"),
])
def test_bad_options_fail_before_any_work(tmp_path, args, fragment):
    (tmp_path / "a.txt").write_text(GOOD)
    before = (tmp_path / "a.txt").read_bytes()
    result = run_cli("build", "a.txt", *(args if "-o" in args else ["-o", "out", *args]), cwd=tmp_path)
    assert result.returncode == 2, result.stderr
    assert fragment in result.stderr and b"Traceback" not in result.stderr
    assert (tmp_path / "a.txt").read_bytes() == before and not (tmp_path / "out").exists()


def test_exit_codes_are_in_help(tmp_path):
    result = run_cli("build", "--help", cwd=tmp_path)
    text = " ".join(result.stdout.decode().split())
    assert "Exit codes:" in text and "6 no input could be read or analysed" in text
    readme = (ROOT / "README.md").read_text()
    assert "| 6 | no input could be read or analysed" in readme
