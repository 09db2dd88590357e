"""One input, one outcome: every hostile input becomes a Document or an InputError naming
it, never an exception, and every Document that comes out can be written as UTF-8."""
from __future__ import annotations

import io
import json
import os
from pathlib import Path

import pytest

from graphbuild.errors import InputError, InputWarning
from graphbuild.ingest import read_inputs
from graphbuild.ingest.names import lone_surrogate, path_text
from graphbuild.ingest.sources import read_stdin
from graphbuild.limits import MAX_LITERAL_BYTES, literal_bytes, too_long
from graphbuild.model import Document

GOOD = "Angela Merkel met Emmanuel Macron in Berlin."


def _items(*paths, **kw):
    return list(read_inputs([str(p) for p in paths], **kw))


@pytest.mark.parametrize("field", ["id", "doc_id", "title", "text", "url", "source"])
def test_a_lone_surrogate_in_any_jsonl_field_skips_that_line(tmp_path, field):
    record = {"id": "a", "text": GOOD, field: ("x\ud83d" if field != "text" else GOOD + "\udc00")}
    if field == "doc_id":
        del record["id"]  # else `id` wins and `doc_id` is never read
    path = tmp_path / "c.jsonl"
    path.write_text(json.dumps(record) + "\n" + json.dumps({"id": "b", "text": GOOD}) + "\n")
    bad, good = _items(path)
    assert isinstance(bad, InputError) and bad.source == f"{path}:1"
    shown = "id" if field == "doc_id" else field
    assert f"`{shown}` holds a lone surrogate" in bad.problem
    assert isinstance(good, Document) and good.id == "b"


def test_a_surrogate_in_a_sidecar_skips_the_article(tmp_path):
    (tmp_path / "a.txt").write_text(GOOD)
    (tmp_path / "a.meta.json").write_text('{"title": "T\\udfff"}')
    [item] = _items(tmp_path / "a.txt")
    assert isinstance(item, InputError) and "`title` holds a lone surrogate (U+DFFF" in item.problem


def test_utf7_can_decode_to_a_surrogate_and_is_refused(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes(GOOD.encode() + b" +2AA-")  # UTF-7 for a lone U+D800
    [item] = _items(path, encoding="utf-7")
    assert isinstance(item, InputError) and "U+D800" in item.problem


@pytest.mark.parametrize("depth", [10_000, 100_000, 1_000_000])
def test_deeply_nested_json_is_one_bad_line(tmp_path, depth):
    path = tmp_path / "deep.jsonl"
    path.write_text("[" * depth + "]" * depth + "\n" + '{"x": ' * depth + "1" + "}" * depth
                    + "\n" + json.dumps({"text": GOOD}) + "\n")
    first, second, good = _items(path)
    assert isinstance(first, InputError) and "nested too deeply" in first.problem
    assert isinstance(second, InputError) and second.source.endswith(":2")
    assert isinstance(good, Document)


def test_deeply_nested_sidecar_is_reported(tmp_path):
    (tmp_path / "a.txt").write_text(GOOD)
    (tmp_path / "a.meta.json").write_text("[" * 200_000)
    [item] = _items(tmp_path)
    assert isinstance(item, InputError) and item.source.endswith("a.meta.json")


def test_deeply_nested_jsonl_on_stdin():
    data = ("[" * 100_000 + "]" * 100_000 + "\n" + json.dumps({"text": GOOD}) + "\n").encode()
    items = list(read_stdin(published=None, encoding=None, stream=io.BytesIO(data)))
    assert [type(i) for i in items] in ([InputError, Document], [Document])  # text or JSONL: no crash


def test_a_file_name_that_is_not_utf8_is_read_with_escapes(tmp_path):
    raw = os.fsencode(tmp_path) + b"/caf\xe9 \xff.txt"
    Path(os.fsdecode(raw)).write_bytes(GOOD.encode())
    [doc] = _items(tmp_path)
    assert isinstance(doc, Document)
    assert doc.id == "caf\\xe9 \\xff" and doc.path.endswith("caf\\xe9 \\xff.txt")
    doc.path.encode("utf-8")  # writable


def test_two_files_differing_only_in_a_bad_byte_stay_apart(tmp_path):
    for b in (b"\xe9", b"\xea"):
        Path(os.fsdecode(os.fsencode(tmp_path) + b"/n" + b + b".txt")).write_bytes(GOOD.encode())
    ids = sorted(d.id for d in _items(tmp_path))
    assert ids == ["n\\xe9", "n\\xea"]


def test_path_text_keeps_valid_names_and_escapes_bad_bytes():
    assert path_text("a/Müller [x].txt") == "a/Müller [x].txt"
    assert path_text(os.fsdecode(b"a\xff")) == "a\\xff"
    assert path_text("a\ud800") == "a\\ud800"  # not from the file system
    assert lone_surrogate("ok") is None and lone_surrogate("ab\udc00") == 2


def test_an_article_over_max_chars_is_skipped_with_the_fix(tmp_path):
    path = tmp_path / "long.txt"
    path.write_text("word " * 300)
    [item] = _items(path, max_chars=1000)
    assert isinstance(item, InputError)
    assert "1,500 characters is over the limit of 1,000" in item.problem and "--max-chars" in item.fix
    [doc] = _items(path, max_chars=None)
    assert isinstance(doc, Document)


def test_the_rdf_literal_limit_holds_without_max_chars():
    assert too_long("a" * 100, None) is None
    text = "x" * (MAX_LITERAL_BYTES + 1)
    code, fields = too_long(text, None)
    err = InputError(code, "x", **fields)
    assert "16 MiB" in err.problem and "split" in err.fix
    # Escapes count: newlines take two bytes in a quoted literal.
    assert literal_bytes('a\n"\x01é') == 1 + 2 + 2 + 6 + 2
    assert too_long("\n" * (MAX_LITERAL_BYTES // 2 + 1), None) is not None


def test_a_few_bad_bytes_in_utf8_are_replaced_with_a_warning(tmp_path):
    path = tmp_path / "m.txt"
    path.write_bytes("Müller und Größe trafen Søren in Köln.\n".encode() + b"Bad \xff\xfe and \xc3 here.\n")
    doc, warning = _items(path)
    assert isinstance(doc, Document) and doc.text.startswith("Müller und Größe trafen Søren in Köln.")
    assert doc.text.count("\ufffd") == 3 and "MĂź" not in doc.text
    assert isinstance(warning, InputWarning) and warning.source == str(path)
    assert warning.warning.startswith("3 invalid UTF-8 byte sequence(s) replaced by U+FFFD")


def test_a_jsonl_line_with_a_bad_byte_is_repaired_with_a_warning(tmp_path):
    path = tmp_path / "c.jsonl"
    path.write_bytes(b'{"id": "a", "text": "M\xc3\xbcller in K\xc3\xb6ln \xff."}\n')
    doc, warning = _items(path)
    assert doc.text == "Müller in Köln \ufffd." and warning.source == f"{path}:1"


def test_single_byte_text_is_still_detected_not_replaced(tmp_path):
    path = tmp_path / "w.txt"
    path.write_bytes("Le café était naïve, où Müller.".encode("cp1252"))
    [doc] = _items(path)  # no warning: no UTF-8 here to repair, detection decides
    assert "\ufffd" not in doc.text and doc.text.startswith("Le caf")
