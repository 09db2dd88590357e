"""graph.ttl / graph.trig / graph.nt / graph.jsonld written to disk as a stream and checked by
re-parsing the file as a stream: memory holds the sorted rows and one chunk of their
canonical text (N-Quads or N-Triples, made again from the rows chunk by chunk), never the
whole text, the file's bytes or a second copy.

The bytes are exactly those of `serialize.serialize` (pyoxigraph's serializer fed the same
sorted statements; the @prefix header sorted the same way), and the check is that of
`serialize.check`: the file re-parsed (pyoxigraph, strict) and written canonically must
equal the canonical form it was made from, compared chunk by chunk as it comes out of the
serializer. When it does not (the order differs), the full set comparison of `check`
decides (a rare path, from the file's bytes). JSON-LD is written one graph at a time
(`jsonld.jsonld_pieces`) and each graph's entry is checked as it is written: re-parsed
(pyoxigraph, strict) as a document of its own, its N-Quads lines must be those of the
graph's rows (as a set: JSON-LD reads back in node order). Memory holds one graph's text.
"""
from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterator
from pathlib import Path

import numpy as np
import pyoxigraph as ox

from graphbuild.errors import OutputError
from graphbuild.fsio import atomic_writer
from graphbuild.rdf.jsonld import Piece, context_text, jsonld_pieces
from graphbuild.rdf.quads import QuadSet
from graphbuild.vocab import prefixes

STREAMED = ("ttl", "trig", "nt", "jsonld")
CHUNK_LINES = 50_000  # statements of canonical text made at a time
_PREFIX = b"@prefix "
_SOURCE = {"trig": ox.RdfFormat.N_QUADS, "ttl": ox.RdfFormat.N_TRIPLES}
_OUTPUT = {"trig": ox.RdfFormat.TRIG, "ttl": ox.RdfFormat.TURTLE, "nt": ox.RdfFormat.N_TRIPLES}
_CANONICAL = {"trig": ox.RdfFormat.N_QUADS, "ttl": ox.RdfFormat.N_TRIPLES, "nt": ox.RdfFormat.N_TRIPLES}


class _SortedHeader:
    """A binary writer that passes on what it is given, except the leading `@prefix`
    lines, which it sorts (as `serialize._sorted_prefixes` does) before the first other line."""

    def __init__(self, out):
        self.out, self.pending, self.header = out, b"", True

    def write(self, data: bytes) -> int:
        if not self.header:
            self.out.write(data)
            return len(data)
        self.pending += bytes(data)
        lines = self.pending.split(b"\n")
        if all(line.startswith(_PREFIX) for line in lines[:-1]) and _PREFIX.startswith(lines[-1][:len(_PREFIX)]):
            return len(data)  # still in the header (the last line may be a prefix line begun)
        self.close()
        return len(data)

    def flush(self) -> None:
        """Nothing to do: the header is held until it is whole, the rest passed on."""

    def close(self) -> None:
        """Flush what is pending, header sorted (also when the output was all header)."""
        if self.header:
            lines = self.pending.split(b"\n")
            n = next((i for i, line in enumerate(lines) if not line.startswith(_PREFIX)), len(lines))
            self.out.write(b"\n".join(sorted(lines[:n]) + lines[n:]))
            self.pending, self.header = b"", False


class _Comparing:
    """A binary writer that only compares what it is given with what `expected` (a
    binary reader) reads, in order."""

    def __init__(self, expected):
        self.expected, self.same = expected, True

    def write(self, data: bytes) -> int:
        if self.same and self.expected.read(len(data)) != data:
            self.same = False
        return len(data)

    def flush(self) -> None:
        """Nothing is buffered."""

    def complete(self) -> bool:
        return self.same and not self.expected.read(1)


class _Canonical:
    """The canonical form of `content` for `fmt` (N-Quads of every quad for trig, N-Triples
    of the union for ttl): the bytes of `QuadSet.nquads` / `QuadSet.ntriples`, made from
    the rows `CHUNK_LINES` lines at a time, so the whole text is never held."""

    def __init__(self, content: QuadSet, fmt: str):
        terms = content.terms()
        self.fmt, text = fmt, [str(term).encode("utf-8") for term in terms]
        self.rows = content.rows() if fmt == "trig" else content.triple_rows()
        # Each line is pieces of a table (subject and predicate with a space, the object,
        # the graph and the end), picked by numpy indexing and joined once per chunk.
        ends = ([b" .\n" if isinstance(term, ox.DefaultGraph) else b" " + x + b" .\n" for x, term in zip(text, terms)]
                if fmt == "trig" else [])
        pieces = [x + b" " for x in text] + (text + ends if fmt == "trig" else [x + b" .\n" for x in text])
        self.table = np.empty(len(pieces), dtype=object)
        self.table[:] = pieces
        n = len(text)
        self.columns, self.offsets = ((1, 2, 3, 0), (0, 0, n, 2 * n)) if fmt == "trig" else ((0, 1, 2), (0, 0, n))

    def chunks(self) -> Iterator[bytes]:
        for start in range(0, len(self.rows), CHUNK_LINES):
            yield self.text(self.rows[start:start + CHUNK_LINES])

    def text(self, rows: np.ndarray) -> bytes:
        """The canonical lines of `rows` (rows of the form this was made for)."""
        if len(rows) == 0:
            return b""
        index = np.stack([rows[:, c] + k for c, k in zip(self.columns, self.offsets)], axis=1).ravel()
        return b"".join(self.table[index].tolist())

    def statements(self) -> Iterator:
        """The statements, parsed back from each chunk (our own text: leniently)."""
        for chunk in self.chunks():
            yield from ox.parse(chunk, format=_SOURCE[self.fmt], lenient=True)

    def reader(self) -> _ChunkReader:
        return _ChunkReader(self.chunks())


class _ChunkReader:
    """A binary reader over an iterator of byte chunks: `read(n)` gives n bytes until the end."""

    def __init__(self, chunks: Iterator[bytes]):
        self.chunks, self.pending = chunks, bytearray()

    def read(self, n: int) -> bytes:
        while len(self.pending) < n:
            chunk = next(self.chunks, None)
            if chunk is None:
                break
            self.pending += chunk
        out = bytes(self.pending[:n])
        del self.pending[:n]
        return out

    def __enter__(self) -> _ChunkReader:
        return self

    def __exit__(self, *exc) -> None:
        self.pending.clear()


class _NquadsLines:
    """The N-Quads lines of rows, as `QuadSet.nquads` writes them (UTF-8, without the
    newline), made by numpy indexing into one table of term texts (`_Canonical`)."""

    def __init__(self, content: QuadSet):
        self.canonical = _Canonical(content, "trig")

    def of(self, rows) -> set[bytes]:
        return set(self.canonical.text(rows).splitlines())


def _check_piece(piece: Piece, lines: _NquadsLines, name: str) -> None:
    """Raise OutputError unless the graph entry of `piece`, re-parsed as a JSON-LD document
    of its own (same context), holds exactly the quads of its rows."""
    document = '{"@context": ' + context_text() + ', "@graph": [' + piece.entry + "]}"
    try:
        again = ox.serialize(ox.parse(document.encode("utf-8"), format=ox.RdfFormat.JSON_LD),
                             format=ox.RdfFormat.N_QUADS)
    except (SyntaxError, ValueError, MemoryError) as err:  # MemoryError: a token over 16 MiB
        raise OutputError("GB418", name=name, fmt="jsonld", reason=err) from err
    got, want = set(again.splitlines()), lines.of(piece.rows)
    if got != want:
        raise OutputError("GB416", name=name, got=len(got), want=len(want), missing=len(want - got))


def _write(content: QuadSet, fmt: str, handle, name: str) -> str | None:
    """Write the file's bytes to `handle`; for JSON-LD, return the sha256 of the text whose
    every graph was checked (the file must then hash the same: its frame is fixed text)."""
    if fmt == "jsonld":  # one graph at a time, each checked before the next is made
        lines, digest = _NquadsLines(content), hashlib.sha256()
        for piece in jsonld_pieces(content):
            data = piece.text.encode("utf-8")
            if piece.entry is not None:
                _check_piece(piece, lines, name)
            handle.write(data)
            digest.update(data)
        return digest.hexdigest()
    if fmt == "nt":  # the union's lines sorted as bytes, as `serialize._nt`
        _write_nt(content, handle)
        return None
    writer = _SortedHeader(handle)
    # Made from our own text, chunk by chunk; the file is re-parsed strictly.
    ox.serialize(_Canonical(content, fmt).statements(), writer, format=_OUTPUT[fmt], prefixes=prefixes())
    writer.close()
    return None


def _write_nt(content: QuadSet, handle, chunk: int = 20_000) -> None:
    """The union's N-Triples lines in byte order (the bytes of `serialize._nt`), made and
    written `chunk` lines at a time instead of sorting a list of every line.

    Lines in byte order are triples in the byte order of their terms' texts: a subject or
    predicate (`<...>`) is never a proper prefix of another, and an object literal is
    one only of the same literal with a language or datatype (`@`, `^^`), which sorts after
    the space that follows the shorter one, as a shorter text sorts first."""
    terms = content.terms()
    text = [str(term).encode("utf-8") for term in terms]
    rank = np.empty(len(text), dtype=np.int64)
    rank[sorted(range(len(text)), key=text.__getitem__)] = np.arange(len(text))
    rows = content.triple_rows()
    ranked = rank[rows]
    order = np.lexsort((ranked[:, 2], ranked[:, 1], ranked[:, 0]))
    for start in range(0, len(order), chunk):
        handle.write(b"".join([b"%s %s %s .\n" % (text[s], text[p], text[o])
                               for s, p, o in rows[order[start:start + chunk]].tolist()]))


def _file_digest(path: Path) -> str:
    with path.open("rb") as handle:
        return hashlib.file_digest(handle, "sha256").hexdigest()


def _checker(content: QuadSet, fmt: str, name: str, check_whole, checked: list):
    def check(path: Path) -> None:
        if fmt == "jsonld":  # each graph was checked as written: the file must be that text
            if not checked or checked[0] is None or _file_digest(path) != checked[0]:
                raise OutputError("GB422", name=name)
            return
        # nt: the file is its own canonical form (sorted lines), read again alongside;
        # else the form it was made from, made again chunk by chunk.
        with path.open("rb") if fmt == "nt" else _Canonical(content, fmt).reader() as expected:
            comparing = _Comparing(expected)
            try:
                ox.serialize(ox.parse(path=path, format=_OUTPUT[fmt]), comparing, format=_CANONICAL[fmt])
            except (SyntaxError, ValueError, MemoryError) as err:  # MemoryError: a token over 16 MiB
                raise OutputError("GB418", name=name, fmt=fmt, reason=err) from err
            same = comparing.complete()
        if not same:
            check_whole(path.read_bytes(), fmt, content, name)
    return check


def write_streamed(content: QuadSet, fmt: str, path: Path,
                   check_whole: Callable[[bytes, str, QuadSet, str], None]) -> Path:
    """Write `content` as `fmt` (ttl, trig, nt or jsonld) to `path` as a stream, check the
    file by re-parsing it and only then atomically replace `path` (the old file stays on
    failure). `check_whole(data, fmt, content, name)` (`serialize.check`) decides when the
    file reads back in another order than it was made from."""
    checked: list = []  # JSON-LD: the digest of the checked text, for the file's check
    with atomic_writer(path, _checker(content, fmt, path.name, check_whole, checked)) as handle:
        checked.append(_write(content, fmt, handle, path.name))
    return path


__all__ = ["STREAMED", "write_streamed"]
