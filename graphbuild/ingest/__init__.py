"""Inputs to Documents: files (.txt, .md, .html, .jsonl), directories, stdin, the samples.

`read_inputs` is lazy and never raises for a bad input: it yields an InputError (source,
problem, fix) in that input's place and goes on, so the caller decides whether to skip
or stop; an InputWarning follows a Document that was repaired on the way. Document ids are unique within one call: a repeated id (two `notes.txt` in
different directories, a JSONL id used twice) gets `-2`, `-3`, ... in input order.
Every Document that comes out can be written: its strings are valid Unicode (a lone
surrogate, e.g. from a JSON `\ud800` escape, makes the input an InputError) and its text
is within `max_chars` and the RDF literal limit (`graphbuild.limits`).
"""
from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import replace
from datetime import date
from importlib import resources
from pathlib import Path

from graphbuild.errors import InputError
from graphbuild.limits import DEFAULT_MAX_CHARS, too_long
from graphbuild.ingest.articles import article
from graphbuild.ingest.meta import SIDECAR_SUFFIX, read_sidecar
from graphbuild.ingest.names import lone_surrogate
from graphbuild.ingest.sources import STDIN, read_path, read_stdin
from graphbuild.model import Document

SAMPLES_PACKAGE = "graphbuild"
SAMPLES_DIR = ("data", "samples")


def read_inputs(inputs: Sequence[str], *, published: date | None = None,
                encoding: str | None = None, max_chars: int | None = DEFAULT_MAX_CHARS,
                follow_symlinks: bool = False) -> Iterator[Document | InputError]:
    """Documents of `inputs` (paths, directories, "-" for stdin) in order; an InputError
    in place of each input (or JSONL line) that cannot be read. No inputs: the bundled
    samples. `published` is the date for documents whose metadata has none; `encoding`
    forces the input encoding instead of detecting it; a text over `max_chars`
    characters (None: no limit but the RDF one) is an InputError. Symlinks inside a
    directory that point out of it are reported, or followed with `follow_symlinks`."""
    items: Iterator[Document | InputError]
    items = _read_all(inputs, published, encoding, follow_symlinks) if inputs else iter(bundled_samples())
    return _unique_ids(writable(items, max_chars))


def bundled_samples() -> list[Document]:
    """The sample articles packaged with graphbuild, with their sidecar metadata."""
    folder = resources.files(SAMPLES_PACKAGE).joinpath(*SAMPLES_DIR)
    documents = []
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if not entry.name.endswith(".txt"):
            continue
        stem = entry.name[: -len(".txt")]
        side = folder.joinpath(stem + SIDECAR_SUFFIX)
        sidecar = read_sidecar(side.read_bytes(), f"{SAMPLES_PACKAGE}/{'/'.join(SAMPLES_DIR)}/{side.name}")
        source = f"{SAMPLES_PACKAGE}/{'/'.join(SAMPLES_DIR)}/{entry.name}"
        documents.append(article(entry.read_bytes(), "text", source, doc_id=stem, sidecar=sidecar))
    return documents


def _read_all(inputs: Sequence[str], published: date | None, encoding: str | None,
              follow_symlinks: bool) -> Iterator[Document | InputError]:
    for name in inputs:
        if name == STDIN:
            yield from read_stdin(published=published, encoding=encoding)
        else:
            yield from read_path(Path(name), published=published, encoding=encoding,
                                 follow_symlinks=follow_symlinks)


_FIELDS = ("id", "text", "title", "url", "source", "path")


def writable(items: Iterator[Document | InputError], max_chars: int | None) -> Iterator[Document | InputError]:
    """Each Document, or an InputError in its place when a field is not valid Unicode or
    the text is too long (the one place every kind of input passes)."""
    for item in items:
        if isinstance(item, Document):
            item = _problem(item, max_chars) or item
        yield item


def _problem(doc: Document, max_chars: int | None) -> InputError | None:
    source = doc.path or doc.id
    for name in _FIELDS:
        value = getattr(doc, name)
        at = lone_surrogate(value) if isinstance(value, str) else None
        if at is not None:
            code = f"U+{ord(value[at]):04X}"
            return InputError("GB243", source, name=name, char=code, at=at)
    long = too_long(doc.text, max_chars)
    return InputError(long[0], source, **long[1]) if long else None


def _unique_ids(items: Iterator[Document | InputError]) -> Iterator[Document | InputError]:
    seen: set[str] = set()
    for item in items:
        if isinstance(item, Document):
            doc_id = unique_id(item.id, seen)
            if doc_id != item.id:
                item = replace(item, id=doc_id)
        yield item


def unique_id(doc_id: str, seen: set[str]) -> str:
    """`doc_id`, or the first of `doc_id-2`, `doc_id-3`, ... not in `seen` (ids in input
    order, as `read_inputs` gives them); the id given is added to `seen`."""
    given, n = doc_id, 1
    while given in seen:
        n += 1
        given = f"{doc_id}-{n}"
    seen.add(given)
    return given


__all__ = ["bundled_samples", "read_inputs", "unique_id", "writable"]
