"""JSONL corpora: one article a line, `{"id": ..., "text": ..., "published": ...}`.

Read line by line so a large corpus never sits in memory as one string. A bad line
(malformed JSON, no text, a wrong type) yields an InputError naming `file:line`; the
other lines still come through. Offsets index `text` exactly as the record gives it.
"""
from __future__ import annotations

import codecs
import json
from collections.abc import Generator, Iterable, Iterator
from datetime import date
from pathlib import Path
from typing import BinaryIO

from graphbuild.errors import InputError, InputWarning
from graphbuild.ingest.decode import BOMS, binary_reason, mostly_utf8
from graphbuild.ingest.files import open_regular
from graphbuild.ingest.meta import Meta, meta_from_record
from graphbuild.ingest.names import path_text, stem_text
from graphbuild.model import Document

ID_KEYS = ("id", "doc_id")


def read_jsonl(path: Path, *, published: date | None = None, encoding: str | None = None) -> Iterator[Document | InputError]:
    """A Document per good line of the JSONL file at `path`, an InputError per bad one."""
    yield from _with_file(path, lambda handle: records(handle, path_text(path), stem_text(path), published, encoding))


def _with_file(path: Path, read) -> Iterator[Document | InputError]:
    """`read(handle)`'s records of the regular file at `path`, or the InputError of opening it."""
    try:
        handle = open_regular(path, path_text(path))
    except InputError as err:
        yield err
        return
    with handle:
        yield from read(handle)


def records(handle: BinaryIO, name: str, stem: str, published: date | None, encoding: str | None) -> Iterator[Document | InputError]:
    """The records of an open JSONL stream called `name`; a record without an id is
    called `{stem}-{line number}`."""
    try:
        codec = codecs.lookup(encoding).name if encoding else "utf-8"
    except LookupError:
        yield InputError("GB251", name, encoding=encoding)
        return
    head = handle.peek(8192)[:8192] if hasattr(handle, "peek") else b""
    wide = _wide_codec(head, codec)
    reason = binary_reason(head) if head and not codec.startswith(("utf-16", "utf-32")) else None
    if reason:
        yield InputError("GB248", name, reason=reason)
        return
    if wide:  # UTF-16/32: b"\n" is not a line break there; decode the whole file
        try:
            text = handle.read().decode(wide)
        except UnicodeDecodeError as err:
            yield InputError("GB252", name, encoding=wide, start=err.start)
            return
        lines = enumerate((line.encode("utf-8") for line in text.splitlines()), start=1)
        codec = "utf-8"
    else:
        lines = enumerate(handle, start=1)
    if not (yield from _line_records(lines, name, stem, published, codec)):
        yield InputError("GB246", name, note=" (no JSON lines)")


def read_range(path: Path, start: int, end: int, first_line: int, *, published: date | None = None,
               encoding: str | None = None) -> Iterator[Document | InputError]:
    """The records of the lines of the JSONL file at `path` in bytes [start, end), the
    first of them line `first_line` (a partition: `start` is the start of a line, and the
    file passed `splittable`). Sources and derived ids are those of `read_jsonl`; an empty
    range yields nothing (whether the file had any JSON line is the caller's to say)."""
    def read(handle: BinaryIO) -> Iterator[Document | InputError]:
        handle.seek(start)
        codec = codecs.lookup(encoding).name if encoding else "utf-8"
        lines = enumerate(_lines_within(handle, end - start), start=first_line)
        yield from _line_records(lines, path_text(path), stem_text(path), published, codec)
    yield from _with_file(path, read)


def splittable(path: Path, encoding: str | None) -> bool:
    """True when `path` can be read in line ranges by `read_range`: a regular file that
    opens, a known codec in which b"\\n" ends a line (not UTF-16/32), not binary.
    Otherwise `read_jsonl` reads it whole (and reports what is wrong with it)."""
    try:
        codec = codecs.lookup(encoding).name if encoding else "utf-8"
        with open_regular(path, path_text(path)) as handle:
            head = handle.peek(8192)[:8192]
    except (InputError, LookupError, OSError):
        return False
    return not _wide_codec(head, codec) and not (head and binary_reason(head))


def _lines_within(handle: BinaryIO, size: int) -> Iterator[bytes]:
    """The lines of `handle` that start within its next `size` bytes."""
    read = 0
    while read < size:
        raw = handle.readline()
        if not raw:
            return
        read += len(raw)
        yield raw


def _line_records(lines: Iterable[tuple[int, bytes]], name: str, stem: str, published: date | None,
                  codec: str) -> Generator[Document | InputError | InputWarning, None, bool]:
    """The records of numbered raw `lines`; returns whether any line held something."""
    seen_any = False
    for lineno, raw in lines:
        if lineno == 1 and codec == "utf-8" and raw.startswith(codecs.BOM_UTF8):
            raw = raw[len(codecs.BOM_UTF8):]
        source, notes = f"{name}:{lineno}", []
        try:
            line = raw.decode(codec)
        except UnicodeDecodeError as err:
            line = mostly_utf8(raw, notes) if codec == "utf-8" else None
            if line is None:
                yield InputError("GB263", source, encoding=codec, start=err.start)
                seen_any = True
                continue
        if not line.strip():
            continue
        seen_any = True
        try:
            yield _document(line, source, f"{stem}-{lineno}", published)
            yield from (InputWarning(source, note) for note in notes)
        except InputError as err:
            yield err
        except MemoryError:
            yield InputError("GB261", source, size=len(raw))
        except Exception as err:  # one line, one outcome: a bug here must not cost the batch
            yield InputError("GB262", source, type=type(err).__name__, reason=err, unit="line")
    return seen_any


def _wide_codec(head: bytes, codec: str) -> str | None:
    """The UTF-16/32 codec to decode a whole file with (by BOM or forced), else None."""
    if codec.startswith(("utf-16", "utf_16", "utf-32", "utf_32")):
        return codec
    for bom, name in BOMS:  # longest first, as decode.py checks them
        if head.startswith(bom):
            return name if name != "utf-8-sig" else None
    return None


def _document(line: str, source: str, default_id: str, published: date | None) -> Document:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as err:
        raise InputError("GB259", source, msg=err.msg, colno=err.colno) from None
    except RecursionError:
        raise InputError("GB260", source) from None
    if not isinstance(record, dict):
        raise InputError("GB257", source, type=type(record).__name__)
    text = record.get("text")
    if not isinstance(text, str):
        if text is None:
            raise InputError("GB283", source)
        raise InputError("GB284", source, type=type(text).__name__)
    if not text.strip():
        raise InputError("GB258", source)
    meta = meta_from_record(record, source, ID_KEYS).over(Meta(id=default_id, published=published))
    return Document(
        id=meta.id or default_id,
        text=text,
        title=meta.title,
        published=meta.published,
        url=meta.url,
        source=meta.source,
        path=source,
    )
