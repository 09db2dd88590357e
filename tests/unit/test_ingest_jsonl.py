"""JSONL corpora: one record a line; a bad line is an error naming file:line, the rest goes on."""
from __future__ import annotations

import json
from datetime import date

from graphbuild.errors import InputError
from graphbuild.ingest import read_inputs
from graphbuild.model import Document


def _read(path, **kwargs):
    return list(read_inputs([str(path)], **kwargs))


def test_records_with_metadata_and_fallbacks(tmp_path):
    path = tmp_path / "corpus.jsonl"
    lines = [
        {"id": "a1", "text": "Boris Johnson spoke in London.", "published": "2019-12-13", "title": "Speech",
         "url": "https://example.org/a1", "source": "Wire"},
        {"doc_id": "b2", "text": "Merkel met Macron.", "published": "2020-03-04T10:00:00Z"},
        {"id": 17, "text": "Numeric id."},
        {"text": "No id at all."},
    ]
    path.write_text("\n".join(json.dumps(x) for x in lines) + "\n\n", encoding="utf-8")
    docs = _read(path, published=date(2021, 1, 1))
    assert all(isinstance(d, Document) for d in docs)
    assert [d.id for d in docs] == ["a1", "b2", "17", "corpus-4"]
    a1 = docs[0]
    assert (a1.text, a1.title, a1.url, a1.source, a1.published) == (
        "Boris Johnson spoke in London.", "Speech", "https://example.org/a1", "Wire", date(2019, 12, 13))
    assert docs[1].published == date(2020, 3, 4)
    assert docs[2].published == date(2021, 1, 1)  # the fallback
    assert a1.path == f"{path}:1"


def test_text_is_kept_exactly(tmp_path):
    text = "\ufeffLeading BOM,\u00a0no-break space,\r\nCRLF and \u201cquotes\u201d."
    path = tmp_path / "c.jsonl"
    path.write_text(json.dumps({"id": "x", "text": text}) + "\n", encoding="utf-8")
    [doc] = _read(path)
    assert doc.text == text


def test_bad_lines_name_file_and_line_and_the_rest_goes_on(tmp_path):
    path = tmp_path / "corpus.jsonl"
    path.write_text("\n".join([
        '{"id": "ok1", "text": "Fine."}',
        "{not json",
        '["a", "list"]',
        '{"id": "nt"}',
        '{"id": "wrong", "text": 42}',
        '{"id": "blank", "text": "   "}',
        '{"id": "d", "text": "Bad date.", "published": "yesterday"}',
        '{"id": ["x"], "text": "Bad id."}',
        '{"id": "ok2", "text": "Also fine."}',
    ]) + "\n", encoding="utf-8")
    items = _read(path)
    assert [i.id for i in items if isinstance(i, Document)] == ["ok1", "ok2"]
    errors = {e.source: e for e in items if isinstance(e, InputError)}
    assert list(errors) == [f"{path}:{n}" for n in range(2, 9)]
    assert "malformed JSON" in errors[f"{path}:2"].problem
    assert "not an object" in errors[f"{path}:3"].problem
    assert "no `text`" in errors[f"{path}:4"].problem
    assert "must be a string" in errors[f"{path}:5"].problem
    assert "empty `text`" in errors[f"{path}:6"].problem
    assert "not a date" in errors[f"{path}:7"].problem
    assert "`id` must be a string" in errors[f"{path}:8"].problem
    assert all(e.fix for e in errors.values() if "JSON" in e.problem or "object" in e.problem)


def test_empty_and_binary_jsonl(tmp_path):
    empty = tmp_path / "empty.jsonl"
    empty.write_text("\n\n")
    [err] = _read(empty)
    assert isinstance(err, InputError) and err.source == str(empty) and "empty" in err.problem
    binary = tmp_path / "b.jsonl"
    binary.write_bytes(b"\x1f\x8b\x08\x00" + bytes(100))
    [err] = _read(binary)
    assert isinstance(err, InputError) and "gzip" in err.problem


def test_invalid_utf8_line_is_an_error_for_that_line_only(tmp_path):
    path = tmp_path / "c.jsonl"
    path.write_bytes(b'{"id": "a", "text": "Good."}\n{"id": "b", "text": "Caf\xe9"}\n{"id": "c", "text": "Good too."}\n')
    items = _read(path)
    assert [getattr(i, "id", None) for i in items] == ["a", None, "c"]
    assert items[1].source == f"{path}:2" and "--encoding" in items[1].fix


def test_utf16_jsonl_by_bom_or_forced(tmp_path):
    content = '{"id": "a", "text": "Caf\u00e9 one."}\n{"id": "b", "text": "Two."}\n'
    path = tmp_path / "wide.jsonl"
    path.write_bytes(content.encode("utf-16"))  # with BOM
    assert [(d.id, d.text) for d in _read(path)] == [("a", "Caf\u00e9 one."), ("b", "Two.")]
    path.write_bytes(content.encode("utf-16-le"))  # no BOM: only with --encoding
    assert [(d.id, d.text) for d in _read(path, encoding="utf-16-le")] == [("a", "Caf\u00e9 one."), ("b", "Two.")]
