"""TriG and Turtle written by child processes (`rdf.side_writes`, `rdf.serializer_process`)
while the parent writes the other formats: the same bytes as the in-memory serializer,
a text that does not parse fails the write (GB423) with the old file kept, and a child
that cannot run leaves its file to the parent (the same bytes)."""
from __future__ import annotations

import io
import sys

import pytest

import graphbuild.rdf.side_writes as side_writes
import graphbuild.rdf.streamed as streamed
from graphbuild.errors import OutputError
from graphbuild.rdf.build import to_quads
from graphbuild.rdf.serialize import FILE_NAMES, serialize, write_outputs
from graphbuild.rdf.serializer_process import frame_header, frames
from tests.helpers.models import BASE, hostile_model, realistic_model

FORMATS = ["ttl", "trig", "nt", "jsonld"]


@pytest.fixture
def sides(monkeypatch):
    """Child processes for any graph (they are kept for big ones), fed in small frames."""
    monkeypatch.setattr(side_writes, "SIDE_MIN_STATEMENTS", 0)
    monkeypatch.setattr(side_writes, "FEED_LINES", 7)
    monkeypatch.setattr(side_writes, "usable_cores", lambda: 2)


@pytest.mark.parametrize("make", [realistic_model, hostile_model])
def test_children_write_the_bytes_of_the_serializer(make, sides, tmp_path):
    quads = to_quads(make(), BASE)
    assert side_writes.side_formats(quads, FORMATS) == ["ttl", "trig"]
    written = write_outputs(quads, tmp_path, FORMATS)
    for fmt in FORMATS:
        assert written[fmt].read_bytes() == serialize(quads, fmt), fmt
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(FILE_NAMES[f] for f in FORMATS)  # no temp file


def test_a_text_a_child_cannot_parse_fails_the_write_and_keeps_the_old_files(sides, tmp_path, monkeypatch):
    quads = to_quads(realistic_model(), BASE)
    made = streamed.CanonicalText.text
    # A statement without its dot, in the text fed to the children only (they parse it).
    monkeypatch.setattr(side_writes, "CanonicalText", type("Spoiled", (streamed.CanonicalText,), {
        "text": lambda self, rows: made(self, rows).replace(b" .\n", b" \n")}))
    for fmt in ("ttl", "trig"):
        (tmp_path / FILE_NAMES[fmt]).write_bytes(b"old")
    with pytest.raises(OutputError) as raised:
        write_outputs(quads, tmp_path, ["ttl", "trig"])
    assert raised.value.code == "GB423"
    assert FILE_NAMES["ttl"] in str(raised.value)  # the first child waited for
    assert sorted(p.name for p in tmp_path.iterdir()) == ["graph.trig", "graph.ttl"]
    assert all((tmp_path / FILE_NAMES[f]).read_bytes() == b"old" for f in ("ttl", "trig"))


def test_a_child_that_cannot_run_leaves_its_file_to_the_parent(sides, tmp_path, monkeypatch):
    quads = to_quads(hostile_model(), BASE)
    monkeypatch.setattr(side_writes, "command", lambda fmt, fd: [sys.executable, "-c", "raise SystemExit(9)"])
    written = write_outputs(quads, tmp_path, ["trig", "ttl"])
    assert written["trig"].read_bytes() == serialize(quads, "trig")
    assert written["ttl"].read_bytes() == serialize(quads, "ttl")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["graph.trig", "graph.ttl"]


def test_a_bad_term_fails_before_any_child_starts(sides, tmp_path, monkeypatch):
    quads = to_quads(realistic_model(), BASE)
    texts = quads.term_texts()
    i = next(i for i, t in enumerate(texts) if t.startswith(b"<") and b"/doc/" in t)
    texts[i] = texts[i][:-1] + b" x>"  # an IRI with a space: the lenient children would take it
    monkeypatch.setattr(quads, "release", lambda keep=frozenset(): None)  # keep the spoiled texts
    started = []
    monkeypatch.setattr(side_writes, "SideWrite", lambda *a: started.append(a))
    with pytest.raises(OutputError) as raised:
        write_outputs(quads, tmp_path, ["ttl", "trig"])
    assert raised.value.code == "GB423" and FILE_NAMES["trig"] in str(raised.value)
    assert started == [] and list(tmp_path.iterdir()) == []


def test_no_child_for_a_small_graph_or_a_single_cpu(monkeypatch):
    quads = to_quads(realistic_model(), BASE)
    assert side_writes.side_formats(quads, FORMATS) == []  # small
    monkeypatch.setattr(side_writes, "SIDE_MIN_STATEMENTS", 0)
    monkeypatch.setattr(side_writes, "usable_cores", lambda: 1)
    assert side_writes.side_formats(quads, FORMATS) == []


def test_frames_read_back_what_was_framed():
    chunks = [b"<a> <b> <c> .\n", b"", b"x" * 70_000]
    stream = io.BytesIO(b"".join(frame_header(c) + c for c in chunks))
    assert list(frames(stream)) == chunks
    for cut in (frame_header(b"abc")[:3], frame_header(b"abc") + b"ab"):
        with pytest.raises(ValueError):
            list(frames(io.BytesIO(cut)))
