"""Files that are not UTF-8: detected when it can be decided, else a clear error."""
from __future__ import annotations

import codecs

import pytest

from graphbuild.errors import InputError
from graphbuild.ingest import read_inputs

WESTERN = "Caf\u00e9 society: the na\u00efve fa\u00e7ade of Z\u00fcrich's \u00e9lite met in S\u00e3o Paulo.\n"
SMART = "He said \u201cno\u201d \u2014 and the caf\u00e9\u2019s owner agreed.\n"


def _one(path, **kwargs):
    [item] = list(read_inputs([str(path)], **kwargs))
    return item


@pytest.mark.parametrize("encoding, text", [
    ("cp1252", SMART * 3),
    ("latin-1", WESTERN * 3),
    ("utf-16", WESTERN),  # with BOM
    ("utf-32", WESTERN),
    ("utf-8-sig", WESTERN),
    ("cp1251", "\u041f\u0440\u0435\u0437\u0438\u0434\u0435\u043d\u0442 \u0432\u0441\u0442\u0440\u0435\u0442\u0438\u043b\u0441\u044f \u0441 \u043c\u0438\u043d\u0438\u0441\u0442\u0440\u043e\u043c \u0432 \u041c\u043e\u0441\u043a\u0432\u0435. " * 4),
])
def test_common_encodings_are_detected(tmp_path, encoding, text):
    path = tmp_path / "article.txt"
    path.write_bytes(text.encode(encoding))
    doc = _one(path)
    assert doc.text == text  # no BOM left in the text


def test_utf16_with_bom_is_not_mistaken_for_binary(tmp_path):
    path = tmp_path / "wide.md"
    path.write_bytes(codecs.BOM_UTF16_LE + "# Title\n\nBody text.".encode("utf-16-le"))
    doc = _one(path)
    assert doc.text == "# Title\n\nBody text." and doc.title == "Title"


def test_html_declared_charset_is_used(tmp_path):
    page = '<html><head><meta charset="windows-1252"><title>T</title></head><body><p>' + SMART + "</p></body></html>"
    path = tmp_path / "page.html"
    path.write_bytes(page.encode("cp1252"))
    assert _one(path).text == SMART.strip()


def test_undecidable_bytes_name_the_file_and_the_flag(tmp_path):
    path = tmp_path / "mystery.txt"
    path.write_bytes(bytes(range(128, 256)) * 4)
    err = _one(path)
    assert isinstance(err, InputError)
    assert err.source == str(path)
    assert "not UTF-8" in err.problem
    assert "--encoding NAME" in err.fix
    assert str(path) in str(err) and "--encoding" in str(err)


def test_forced_encoding_is_used_and_checked(tmp_path):
    path = tmp_path / "mystery.txt"
    path.write_bytes(bytes(range(160, 256)))
    assert _one(path, encoding="latin-1").text == bytes(range(160, 256)).decode("latin-1")
    ok = tmp_path / "ok.txt"
    ok.write_bytes("\u00e9t\u00e9".encode("utf-8"))
    err = _one(ok, encoding="ascii")
    assert isinstance(err, InputError) and "not valid ascii" in err.problem and "--encoding" in err.fix
    err = _one(ok, encoding="no-such-codec")
    assert isinstance(err, InputError) and "unknown encoding" in err.problem


def test_jsonl_in_cp1252_with_forced_encoding(tmp_path):
    path = tmp_path / "c.jsonl"
    path.write_bytes(('{"id": "a", "text": "' + SMART.strip() + '"}\n').encode("cp1252"))
    err = _one(path)
    assert isinstance(err, InputError) and err.source == f"{path}:1" and "--encoding" in err.fix
    assert _one(path, encoding="cp1252").text == SMART.strip()


def test_utf16_without_bom_needs_the_flag(tmp_path):
    path = tmp_path / "wide.txt"
    path.write_bytes("Boris Johnson spoke in London.".encode("utf-16-le"))
    err = _one(path)
    assert isinstance(err, InputError) and "UTF-16" in err.problem and err.fix == "pass --encoding utf-16-le"
    assert _one(path, encoding="utf-16-le").text == "Boris Johnson spoke in London."
