"""read_inputs over real files: kinds, directories, sidecars, ids, stdin and bad inputs."""
from __future__ import annotations

import json
import subprocess
import sys
from datetime import date
from pathlib import Path

from graphbuild.errors import InputError
from graphbuild.ingest import bundled_samples, read_inputs
from graphbuild.ingest.sources import read_stdin
from graphbuild.model import Document
from tests.conftest import ROOT

ARTICLE = "Angela Merkel met Emmanuel Macron in Berlin on Monday.\n\nThey spoke about trade.\n"


def _read(*inputs, **kwargs) -> list[Document | InputError]:
    return list(read_inputs([str(i) for i in inputs], **kwargs))


def _docs(items) -> list[Document]:
    return [i for i in items if isinstance(i, Document)]


def _errors(items) -> list[InputError]:
    return [i for i in items if isinstance(i, InputError)]


def test_no_inputs_gives_the_bundled_samples():
    docs = _read()
    assert [d.id for d in docs] == ["000_fd95351091126ff1", "001_0030a6936abeb198"]
    assert [d.source for d in docs] == ["ITV News", "RFE/RL"]
    assert all(d.published == date(2020, 1, 7) for d in docs)
    assert docs[0].title.startswith("At least 56 people killed in stampede")
    assert docs[1].title == "Stampede Kills Dozens Of Mourners At Iranian Commander's Burial"
    assert all("Soleimani" in d.text for d in docs)
    assert bundled_samples() == docs


def test_bundled_samples_text_is_the_file_exactly():
    for doc in bundled_samples():
        raw = (ROOT / doc.path).read_bytes().decode("utf-8")
        assert doc.text == raw


def test_txt_is_read_as_given_with_stem_id_and_fallback_date(tmp_path):
    path = tmp_path / "merkel.txt"
    path.write_bytes(("Merkel meets Macron\r\n\r\n" + ARTICLE).encode("utf-8"))
    [doc] = _read(path, published=date(2021, 5, 3))
    assert doc.id == "merkel"
    assert doc.text == "Merkel meets Macron\r\n\r\n" + ARTICLE  # offsets index this exactly
    assert doc.title == "Merkel meets Macron"
    assert doc.published == date(2021, 5, 3)
    assert doc.path == str(path)


def test_txt_without_headline_has_no_title(tmp_path):
    path = tmp_path / "plain.txt"
    path.write_text("Angela Merkel met Emmanuel Macron in Berlin on Monday.", encoding="utf-8")
    [doc] = _read(path)
    assert doc.title is None and doc.published is None


def test_markdown_keeps_text_and_takes_heading_as_title(tmp_path):
    text = "# Leaders meet in *Berlin*\n\nAngela **Merkel** met [Macron](https://example.org).\n"
    path = tmp_path / "note.md"
    path.write_text(text, encoding="utf-8")
    [doc] = _read(path)
    assert doc.text == text
    assert doc.title == "Leaders meet in *Berlin*"
    start = doc.text.index("Merkel")
    assert doc.text[start:start + 6] == "Merkel"


def test_html_visible_text_and_page_metadata(tmp_path):
    page = """<!doctype html><html><head><title>Fallback title</title>
    <meta property="og:title" content="Leaders meet">
    <meta property="og:site_name" content="Example News">
    <meta property="article:published_time" content="2021-06-01T08:30:00+02:00">
    <link rel="canonical" href="https://example.org/a/1">
    <style>p { color: red }</style><script>var x = "Hidden Person";</script></head>
    <body><header>Site Header</header><nav>Home | World</nav>
    <article><h1>Leaders meet</h1><p>Angela Merkel met&nbsp;Emmanuel Macron
    in   Berlin.</p><aside>Related: Other Story</aside><p>They spoke.</p></article>
    <footer>Copyright Example</footer></body></html>"""
    path = tmp_path / "page.html"
    path.write_text(page, encoding="utf-8")
    [doc] = _read(path, published=date(1999, 1, 1))
    # trafilatura (the article extractor) writes the no-break space as a space
    assert doc.text.replace("\u00a0", " ") == "Leaders meet\n\nAngela Merkel met Emmanuel Macron in Berlin.\n\nThey spoke."
    for boiler in ("Hidden Person", "color", "Site Header", "Home", "Related", "Copyright"):
        assert boiler not in doc.text
    assert doc.title == "Leaders meet"
    assert doc.url == "https://example.org/a/1"
    assert doc.source == "Example News"
    assert doc.published == date(2021, 6, 1)  # the page's date beats the fallback


def test_htm_uses_title_and_fallback_date(tmp_path):
    path = tmp_path / "old.htm"
    path.write_text("<html><head><title> Old  page </title></head><body><p>Boris Johnson spoke.</p></body></html>")
    [doc] = _read(path, published=date(2020, 2, 2))
    assert (doc.text, doc.title, doc.published, doc.url) == ("Boris Johnson spoke.", "Old page", date(2020, 2, 2), None)


def test_sidecar_metadata_wins(tmp_path):
    path = tmp_path / "a.html"
    path.write_text('<html><head><title>Page</title><meta property="article:published_time" '
                    'content="2021-06-01"></head><body><p>Text here.</p></body></html>')
    (tmp_path / "a.meta.json").write_text(json.dumps(
        {"id": "article-7", "title": "Sidecar title", "published": "2019-12-31", "source": "Wire", "url": "https://x.org/7"}))
    [doc] = _read(path, published=date(2000, 1, 1))
    assert (doc.id, doc.title, doc.published, doc.source, doc.url) == (
        "article-7", "Sidecar title", date(2019, 12, 31), "Wire", "https://x.org/7")


def test_bad_sidecar_is_an_error_naming_it(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE)
    (tmp_path / "a.meta.json").write_text('{"published": "last Tuesday"}')
    [err] = _read(tmp_path / "a.txt")
    assert isinstance(err, InputError)
    assert err.source.endswith("a.meta.json") and "published" in err.problem and "YYYY-MM-DD" in err.fix


def test_directory_recursive_sorted_known_suffixes_only(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "a" / "deep").mkdir(parents=True)
    (tmp_path / ".git").mkdir()
    (tmp_path / "z.txt").write_text("Zed article.")
    (tmp_path / "b" / "b.md").write_text("B article.")
    (tmp_path / "a" / "deep" / "d.html").write_text("<p>D article.</p>")
    (tmp_path / "a" / "c.jsonl").write_text('{"id": "c1", "text": "C one."}\n{"doc_id": "c2", "text": "C two."}\n')
    (tmp_path / "a" / "c.meta.json").write_text("{}")
    (tmp_path / "a" / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00")
    (tmp_path / "notes.toml").write_text("x = 1")
    (tmp_path / ".hidden.txt").write_text("Hidden.")
    (tmp_path / ".git" / "HEAD.txt").write_text("ref")
    items = _read(tmp_path)
    assert _errors(items) == []
    assert [d.id for d in items] == ["c1", "c2", "d", "b", "z"]
    assert [d.text for d in items] == ["C one.", "C two.", "D article.", "B article.", "Zed article."]


def test_duplicate_ids_are_disambiguated_in_input_order(tmp_path):
    for sub in ("x", "y", "z"):
        (tmp_path / sub).mkdir()
        (tmp_path / sub / "story.txt").write_text(f"Story from {sub}.")
    (tmp_path / "c.jsonl").write_text('{"id": "story", "text": "JSONL story."}\n')
    items = _read(tmp_path / "x", tmp_path / "y", tmp_path / "z", tmp_path / "c.jsonl")
    assert [(d.id, d.text) for d in items] == [
        ("story", "Story from x."), ("story-2", "Story from y."), ("story-3", "Story from z."), ("story-4", "JSONL story.")]
    assert [d.id for d in _read(tmp_path / "x", tmp_path / "y", tmp_path / "z", tmp_path / "c.jsonl")] == [
        "story", "story-2", "story-3", "story-4"]  # deterministic


def test_bad_inputs_give_errors_and_the_batch_goes_on(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text(ARTICLE)
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    blank = tmp_path / "blank.md"
    blank.write_text(" \n\n\t\n")
    pdf = tmp_path / "paper.txt"
    pdf.write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n")
    zipped = tmp_path / "archive.html"
    zipped.write_bytes(b"PK\x03\x04\x14\x00\x00\x00\x08\x00" + bytes(200))
    nul = tmp_path / "nul.txt"
    nul.write_bytes(b"some text\x00\x00\x00 more")
    jpeg = tmp_path / "photo.md"
    jpeg.write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00")
    unknown = tmp_path / "data.csv"
    unknown.write_text("a,b\n")
    missing = tmp_path / "missing.txt"
    items = _read(empty, blank, pdf, zipped, nul, jpeg, unknown, missing, good)
    assert [d.id for d in _docs(items)] == ["good"]
    errors = {Path(e.source).name: e for e in _errors(items)}
    assert list(errors) == ["empty.txt", "blank.md", "paper.txt", "archive.html", "nul.txt", "photo.md",
                            "data.csv", "missing.txt"]
    assert "empty" in errors["empty.txt"].problem
    assert "whitespace" in errors["blank.md"].problem
    assert "PDF" in errors["paper.txt"].problem
    assert "ZIP" in errors["archive.html"].problem
    assert "NUL" in errors["nul.txt"].problem
    assert "JPEG" in errors["photo.md"].problem
    assert ".csv" in errors["data.csv"].problem and ".txt" in errors["data.csv"].fix and ".jsonl" in errors["data.csv"].fix
    assert "no such file" in errors["missing.txt"].problem
    assert str(missing) in str(errors["missing.txt"])


def test_html_without_visible_text_is_an_error(tmp_path):
    path = tmp_path / "app.html"
    path.write_text("<html><head><title>App</title><script>render()</script></head><body><nav>Menu</nav></body></html>")
    [err] = _read(path)
    assert isinstance(err, InputError) and "no visible text" in err.problem


def test_read_inputs_is_lazy(tmp_path):
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text("First article.")
    items = read_inputs([str(a), str(b)])
    assert next(items).id == "a"
    b.write_text("Second article, written after the first was read.")
    assert next(items).text.startswith("Second article")


def _stdin(tmp_path, data: bytes, **kwargs):
    path = tmp_path / "stdin.bin"
    path.write_bytes(data)
    with path.open("rb") as stream:
        return list(read_stdin(published=kwargs.get("published"), encoding=kwargs.get("encoding"), stream=stream))


def test_stdin_text_html_and_jsonl_are_sniffed(tmp_path):
    [doc] = _stdin(tmp_path, ARTICLE.encode("utf-8"), published=date(2020, 1, 7))
    assert (doc.id, doc.text, doc.published, doc.path) == ("stdin", ARTICLE, date(2020, 1, 7), "<stdin>")
    [doc] = _stdin(tmp_path, b"<!DOCTYPE html><html><body><nav>Menu</nav><p>Page text.</p></body></html>")
    assert doc.text == "Page text."
    items = _stdin(tmp_path, b'{"id": "s1", "text": "One."}\n\n{"id": "s2", "text": "Two."}\n')
    assert [(d.id, d.text) for d in items] == [("s1", "One."), ("s2", "Two.")]
    # Not every line an object: plain text, as given.
    [doc] = _stdin(tmp_path, b'{"id": "s1"}\nthen prose\n')
    assert doc.text == '{"id": "s1"}\nthen prose\n'


def test_stdin_cp1252_and_empty(tmp_path):
    [doc] = _stdin(tmp_path, "Caf\u00e9 na\u00efve \u201cquoted\u201d text.".encode("cp1252"))
    assert doc.text == "Caf\u00e9 na\u00efve \u201cquoted\u201d text."
    [err] = _stdin(tmp_path, b"")
    assert isinstance(err, InputError) and err.source == "<stdin>" and "empty" in err.problem


def test_stdin_dash_through_a_real_pipe():
    code = ("import sys; from graphbuild.ingest import read_inputs; "
            "[sys.stdout.write(f'{d.id}|{d.text}') for d in read_inputs(['-'])]")
    result = subprocess.run([sys.executable, "-c", code], input="Boris Johnson spoke in London.".encode(),
                            capture_output=True, cwd=ROOT, timeout=60)
    assert result.returncode == 0, result.stderr.decode()
    assert result.stdout.decode() == "stdin|Boris Johnson spoke in London."


def test_one_sentence_first_paragraph_is_not_a_title(tmp_path):
    path = tmp_path / "story.txt"
    path.write_text("Angela Merkel met Emmanuel Macron.\n\nThey spoke about trade.\n")
    [doc] = _read(path)
    assert doc.title is None


def test_special_files_in_a_directory_are_reported_not_read(tmp_path):
    import os

    (tmp_path / "a.txt").write_text("An article.")
    os.mkfifo(tmp_path / "pipe.txt")  # reading it would block
    doc, fifo = _read(tmp_path)
    assert doc.id == "a"
    assert isinstance(fifo, InputError) and "FIFO" in fifo.problem  # issue 14: reported
