"""Streamed writing (`rdf.streamed`): the same bytes as the in-memory serializer, the text
each file is made from parsed as it is written (one strictly per build), the old file kept
when it does not parse."""
from __future__ import annotations

import io

import pytest

from graphbuild.errors import OutputError
from graphbuild.rdf.build import to_quads
from graphbuild.rdf.serialize import FILE_NAMES, serialize, write_outputs
from graphbuild.rdf.serializer_process import SortedHeader
from graphbuild.rdf.streamed import STREAMED, write_streamed
from tests.helpers.models import BASE, hostile_model, realistic_model


@pytest.mark.parametrize("strict", [True, False])
@pytest.mark.parametrize("make", [realistic_model, hostile_model])
@pytest.mark.parametrize("fmt", STREAMED)
def test_streamed_bytes_equal_the_serializer(make, fmt, strict, tmp_path):
    quads = to_quads(make(), BASE)
    path = write_streamed(quads, fmt, tmp_path / f"graph.{fmt}", strict=strict)
    assert path.read_bytes() == serialize(quads, fmt)
    assert [p.name for p in tmp_path.iterdir()] == [path.name]  # no temp file left


def test_jsonld_of_an_empty_graph_is_that_of_the_serializer(tmp_path):
    from graphbuild.rdf.quads import QuadSet

    empty = QuadSet([])
    path = write_streamed(empty, "jsonld", tmp_path / "graph.jsonld")
    assert path.read_bytes() == serialize(empty, "jsonld")


def test_the_header_is_sorted_however_the_serializer_cuts_its_writes():
    data = b"@prefix z: <z:> .\n@prefix a: <a:> .\n<s> <p> <o> .\n@prefix x: is body\n"
    for size in (1, 3, 7, len(data)):
        out = io.BytesIO()
        writer = SortedHeader(out)
        for i in range(0, len(data), size):
            writer.write(data[i:i + size])
        writer.close()
        assert out.getvalue() == b"@prefix a: <a:> .\n@prefix z: <z:> .\n<s> <p> <o> .\n@prefix x: is body\n"
    only_header = io.BytesIO()
    writer = SortedHeader(only_header)
    writer.write(b"@prefix b: <b:> .\n@prefix a: <a:> .\n")
    writer.close()
    assert only_header.getvalue() == b"@prefix a: <a:> .\n@prefix b: <b:> .\n"


def _spoil_text(monkeypatch, spoiled: bytes):
    """Every canonical line's end (" .\\n") becomes `spoiled`."""
    import graphbuild.rdf.streamed as streamed

    made = streamed.CanonicalText.text
    monkeypatch.setattr(streamed.CanonicalText, "text", lambda self, rows: made(self, rows).replace(b" .\n", spoiled))


@pytest.mark.parametrize("strict", [True, False])
def test_a_text_that_does_not_parse_leaves_the_old_file(strict, tmp_path, monkeypatch):
    quads = to_quads(realistic_model(), BASE)
    _spoil_text(monkeypatch, b" \n")  # a statement without its dot
    for fmt in ("ttl", "trig") + (("nt",) if strict else ()):  # nt is parsed when strict only
        path = tmp_path / f"graph.{fmt}"
        path.write_bytes(b"old")
        with pytest.raises(OutputError) as raised:
            write_streamed(quads, fmt, path, strict=strict)
        assert raised.value.code == "GB423"
        assert path.read_bytes() == b"old"
    assert len(list(tmp_path.iterdir())) == (3 if strict else 2)  # no temp file left


def test_the_strict_parse_finds_what_the_lenient_one_lets_through(tmp_path):
    quads = to_quads(realistic_model(), BASE)
    texts = quads.term_texts()
    i = next(i for i, t in enumerate(texts) if t.startswith(b"<") and b"/doc/" in t)
    texts[i] = texts[i][:-1] + b" x>"  # an IRI with a space: only a strict parser checks IRIs
    assert write_streamed(quads, "ttl", tmp_path / "lenient.ttl", strict=False).exists()
    with pytest.raises(OutputError) as raised:
        write_streamed(quads, "nt", tmp_path / "graph.nt", strict=True)
    assert raised.value.code == "GB423"


@pytest.mark.parametrize("formats", [["ttl", "nt", "trig"], ["nt", "ttl"], ["nt"]])
def test_write_outputs_parses_one_text_strictly(formats, tmp_path, monkeypatch):
    quads = to_quads(realistic_model(), BASE)
    texts = quads.term_texts()
    i = next(i for i, t in enumerate(texts) if t.startswith(b"<") and b"/doc/" in t)
    texts[i] = texts[i][:-1] + b" x>"
    monkeypatch.setattr(quads, "release", lambda keep=frozenset(): None)  # keep the spoiled texts
    with pytest.raises(OutputError) as raised:
        write_outputs(quads, tmp_path, formats)
    assert raised.value.code == "GB423"
    strict = "trig" if "trig" in formats else formats[0]
    assert FILE_NAMES[strict] in str(raised.value)
    assert list(tmp_path.iterdir()) == []  # the strict one is written first: nothing published
