"""Streamed writing (`rdf.streamed`): the same bytes as the in-memory serializer, the
file checked by re-parsing it, the old file kept when the check fails."""
from __future__ import annotations

import io

import pytest

from graphbuild.errors import OutputError
from graphbuild.rdf.build import to_quads
from graphbuild.rdf.serialize import check, serialize
from graphbuild.rdf.streamed import STREAMED, _Comparing, _SortedHeader, write_streamed
from tests.helpers.models import BASE, hostile_model, realistic_model


@pytest.mark.parametrize("make", [realistic_model, hostile_model])
@pytest.mark.parametrize("fmt", STREAMED)
def test_streamed_bytes_equal_the_serializer(make, fmt, tmp_path):
    quads = to_quads(make(), BASE)
    path = write_streamed(quads, fmt, tmp_path / f"graph.{fmt}", check)
    assert path.read_bytes() == serialize(quads, fmt)
    assert [p.name for p in tmp_path.iterdir()] == [path.name]  # no temp file left


def test_jsonld_of_an_empty_graph_is_that_of_the_serializer(tmp_path):
    from graphbuild.rdf.quads import QuadSet

    empty = QuadSet([])
    path = write_streamed(empty, "jsonld", tmp_path / "graph.jsonld", check)
    assert path.read_bytes() == serialize(empty, "jsonld")


def test_the_header_is_sorted_however_the_serializer_cuts_its_writes():
    data = b"@prefix z: <z:> .\n@prefix a: <a:> .\n<s> <p> <o> .\n@prefix x: is body\n"
    for size in (1, 3, 7, len(data)):
        out = io.BytesIO()
        writer = _SortedHeader(out)
        for i in range(0, len(data), size):
            writer.write(data[i:i + size])
        writer.close()
        assert out.getvalue() == b"@prefix a: <a:> .\n@prefix z: <z:> .\n<s> <p> <o> .\n@prefix x: is body\n"
    only_header = io.BytesIO()
    writer = _SortedHeader(only_header)
    writer.write(b"@prefix b: <b:> .\n@prefix a: <a:> .\n")
    writer.close()
    assert only_header.getvalue() == b"@prefix a: <a:> .\n@prefix b: <b:> .\n"


def test_comparing_writer_sees_a_difference_a_gap_and_a_surplus():
    same = _Comparing(io.BytesIO(b"abcdef"))
    same.write(b"abc")
    same.write(b"def")
    assert same.complete()
    differs = _Comparing(io.BytesIO(b"abcdef"))
    differs.write(b"abX")
    differs.write(b"def")
    assert not differs.complete()
    short = _Comparing(io.BytesIO(b"abcdef"))
    short.write(b"abc")
    assert not short.complete()
    longer = _Comparing(io.BytesIO(b"abc"))
    longer.write(b"abcd")
    assert not longer.complete()


def test_a_file_that_does_not_read_back_leaves_the_old_one(tmp_path, monkeypatch):
    quads = to_quads(realistic_model(), BASE)
    import graphbuild.rdf.streamed as streamed

    broken = streamed._write

    def truncated(content, fmt, handle, name):  # a writer that loses the last statements
        buffer = io.BytesIO()
        broken(content, fmt, buffer, name)
        handle.write(buffer.getvalue()[: len(buffer.getvalue()) // 2] + b" <broken")

    monkeypatch.setattr(streamed, "_write", truncated)
    for fmt in STREAMED:
        path = tmp_path / f"graph.{fmt}"
        path.write_bytes(b"old")
        with pytest.raises(OutputError):
            write_streamed(quads, fmt, path, check)
        assert path.read_bytes() == b"old"
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(f"graph.{fmt}" for fmt in STREAMED)
