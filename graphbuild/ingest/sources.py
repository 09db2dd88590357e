"""Inputs as the user names them (files, directories, "-") to Documents or InputErrors.

Every function here yields; none raises for a bad input, so one bad file never stops a
batch. Directories are walked recursively in sorted order and only regular files with a
known suffix are read; other files (images, sidecars, dotfiles) are ignored, and what
cannot or must not be read (FIFOs, devices, unreadable directories, symlinks leaving the
tree) is reported (`files.walk`).
"""
from __future__ import annotations

import io
import json
import os
import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import BinaryIO

from graphbuild.errors import InputError, InputWarning
from graphbuild.ingest.articles import HTML_SUFFIXES, MARKDOWN_SUFFIXES, TEXT_SUFFIXES, article, kind_of
from graphbuild.ingest.decode import decode
from graphbuild.ingest.files import read_regular, walk
from graphbuild.ingest.html import looks_like_html
from graphbuild.ingest.jsonl import read_jsonl, records
from graphbuild.ingest.meta import SIDECAR_SUFFIX, Meta, read_sidecar, sidecar_path
from graphbuild.ingest.names import path_text, stem_text
from graphbuild.model import Document

JSONL_SUFFIXES = (".jsonl", ".ndjson")
SUPPORTED = ", ".join((*TEXT_SUFFIXES, *MARKDOWN_SUFFIXES, *HTML_SUFFIXES, *JSONL_SUFFIXES))
STDIN = "-"
STDIN_NAME = "<stdin>"
STDIN_ID = "stdin"

Item = Document | InputError | InputWarning


def read_path(path: Path, *, published: date | None, encoding: str | None,
              follow_symlinks: bool = False) -> Iterator[Item]:
    """The documents of a file or directory `path` named by the user (a symlink the
    user names is followed; inside a directory, see `files.walk`)."""
    for file in files_of(path, follow_symlinks):
        if isinstance(file, InputError):
            yield file
        else:
            yield from read_file(file, published=published, encoding=encoding)


def files_of(path: Path, follow_symlinks: bool = False) -> Iterator[Path | InputError]:
    """The files `read_path` reads for `path`, in its order, and an InputError in place
    of each thing it cannot read (nothing is opened but directories)."""
    if not path.exists():
        yield InputError("GB269", path_text(path))
    elif path.is_dir():
        yield from walk(path, lambda p: _suffix_kind(p) is not None, follow_symlinks)
    elif _suffix_kind(path) is None:
        yield InputError("GB273", path_text(path), suffix=path.suffix or "(no suffix)", supported=SUPPORTED)
    else:
        yield path


def is_jsonl(path: Path) -> bool:
    """True for a file `read_file` reads as a JSONL corpus."""
    return _suffix_kind(path) == "jsonl"


def read_file(path: Path, *, published: date | None, encoding: str | None) -> Iterator[Item]:
    """The documents of one file of a known kind (a JSONL corpus gives many)."""
    kind = _suffix_kind(path)
    if kind == "jsonl":
        yield from read_jsonl(path, published=published, encoding=encoding)
        return
    source, notes = path_text(path), []
    try:
        data = read_regular(path, source)
        sidecar = _sidecar(path)
        yield article(data, kind or "text", source, doc_id=stem_text(path), sidecar=sidecar,
                      published=published, encoding=encoding, notes=notes)
        yield from (InputWarning(source, note) for note in notes)
    except InputError as err:
        yield err
    except OSError as err:
        yield InputError("GB255", source, reason=err.strerror or err)
    except (MemoryError, RecursionError) as err:
        yield InputError("GB271", source, type=type(err).__name__)
    except Exception as err:  # one input, one outcome: a bug here must not cost the batch
        yield InputError("GB262", source, type=type(err).__name__, reason=err, unit="file")


def read_stdin(*, published: date | None, encoding: str | None, stream: BinaryIO | None = None) -> Iterator[Item]:
    """The documents piped to stdin: JSONL if every non-empty line is a JSON object,
    HTML if it starts like a page, else plain text."""
    data, notes = (stream or sys.stdin.buffer).read(), []
    try:
        text = decode(data, STDIN_NAME, encoding=encoding, notes=notes)
    except InputError as err:
        yield err
        return
    yield from (InputWarning(STDIN_NAME, note) for note in notes)
    if _is_jsonl(text):
        handle = io.BufferedReader(io.BytesIO(text.encode("utf-8")))
        yield from records(handle, STDIN_NAME, STDIN_ID, published, None)
        return
    kind = "html" if looks_like_html(text) else "text"
    try:
        yield article(text.encode("utf-8"), kind, STDIN_NAME, doc_id=STDIN_ID, published=published)
    except InputError as err:
        yield err


def _suffix_kind(path: Path) -> str | None:
    if path.name.endswith(SIDECAR_SUFFIX):
        return None
    if path.suffix.lower() in JSONL_SUFFIXES:
        return "jsonl"
    return kind_of(path.suffix)


def _sidecar(path: Path) -> Meta:
    side = sidecar_path(path)
    if not os.path.lexists(side):
        return Meta()
    try:
        data = read_regular(side, path_text(side))  # a FIFO named *.meta.json must not hang
    except InputError as err:
        raise InputError("GB270", err.source, problem=err.problem) from None
    return read_sidecar(data, path_text(side))


def _is_jsonl(text: str) -> bool:
    lines = [line for line in text.splitlines() if line.strip()]
    if not lines or not all(line.lstrip().startswith("{") for line in lines):
        return False
    try:
        return all(isinstance(json.loads(line), dict) for line in lines)
    except json.JSONDecodeError:
        return False
