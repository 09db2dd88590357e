"""graph.ttl / graph.trig / graph.nt / graph.jsonld written to disk as a stream: memory holds
the sorted rows, the terms' texts and one chunk of canonical text at a time, never the
whole text or the file's bytes.

TriG and Turtle: the canonical N-Quads / N-Triples of the sorted rows (`QuadSet.nquads` /
`ntriples`, made again `CHUNK_LINES` lines at a time) go through pyoxigraph's parser
straight into its serializer, so each file is pyoxigraph's own syntax by construction, in
the order of the rows (the @prefix header sorted as `serialize._sorted_prefixes` does).
The parser is what checks our own string building: with `strict` it checks every IRI and
language tag again (pyoxigraph checked each once when the term was made) besides the
lines' framing; without it, the framing (twice as fast). `serialize.write_outputs` parses
one text of a build strictly; the others are made of the same term texts. graph.nt is the
union's N-Triples lines sorted as bytes, from the same term texts (with `strict`, each
chunk parsed as it is written). A text that does not parse raises OutputError (GB423).

JSON-LD (our own writer, `rdf/jsonld.py`) is written one graph at a time
(`jsonld.jsonld_pieces`) and each graph's entry is checked as it is written: parsed
(pyoxigraph, strict) as a document of its own, its N-Quads lines must be those of the
graph's rows (as a set: JSON-LD reads back in node order); the file must then hash as the
text checked. On any failure the old file stays (`fsio.atomic_writer`).
"""
from __future__ import annotations

import hashlib
from collections import deque
from collections.abc import Iterator
from itertools import chain
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
_SOURCE_NAME = {"trig": "N-Quads", "ttl": "N-Triples", "nt": "N-Triples"}


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


class _Canonical:
    """The canonical form of `content` for `fmt` (N-Quads of every quad for trig, N-Triples
    of the union for ttl): the bytes of `QuadSet.nquads` / `QuadSet.ntriples`, made from
    the rows `CHUNK_LINES` lines at a time, so the whole text is never held."""

    def __init__(self, content: QuadSet, fmt: str):
        terms, text = content.terms(), content.term_texts()
        self.fmt = fmt
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

    def statements(self, strict: bool) -> Iterator:
        """The statements, parsed from each chunk (chained in C: no Python frame a statement)."""
        return chain.from_iterable(ox.parse(chunk, format=_SOURCE[self.fmt], lenient=not strict)
                                   for chunk in self.chunks())


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


def _write(content: QuadSet, fmt: str, handle, name: str, strict: bool) -> str | None:
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
    try:
        if fmt == "nt":  # the union's lines sorted as bytes, as `serialize._nt`
            _write_nt(content, handle, strict=strict)
            return None
        writer = _SortedHeader(handle)
        ox.serialize(_Canonical(content, fmt).statements(strict), writer, format=_OUTPUT[fmt], prefixes=prefixes())
        writer.close()
    except (SyntaxError, ValueError, MemoryError) as err:  # MemoryError: a token over 16 MiB
        raise OutputError("GB423", name=name, fmt=_SOURCE_NAME[fmt], reason=err) from err
    return None


def _write_nt(content: QuadSet, handle, chunk: int = 20_000, strict: bool = False) -> None:
    """The union's N-Triples lines in byte order (the bytes of `serialize._nt`), made and
    written `chunk` lines at a time instead of sorting a list of every line; with
    `strict`, each chunk is parsed (pyoxigraph, strict) before it is written.

    Lines in byte order are triples in the byte order of their terms' texts: a subject or
    predicate (`<...>`) is never a proper prefix of another, and an object literal is
    one only of the same literal with a language or datatype (`@`, `^^`), which sorts after
    the space that follows the shorter one, as a shorter text sorts first."""
    text = content.term_texts()
    rank = np.empty(len(text), dtype=np.int64)
    rank[sorted(range(len(text)), key=text.__getitem__)] = np.arange(len(text))
    rows = content.triple_rows()
    ranked = rank[rows]
    order = np.lexsort((ranked[:, 2], ranked[:, 1], ranked[:, 0]))
    del ranked, rank
    canonical = _Canonical(content, "nt")
    for start in range(0, len(order), chunk):
        data = canonical.text(rows[order[start:start + chunk]])
        if strict:
            deque(ox.parse(data, format=ox.RdfFormat.N_TRIPLES), maxlen=0)
        handle.write(data)


def _file_digest(path: Path) -> str:
    with path.open("rb") as handle:
        return hashlib.file_digest(handle, "sha256").hexdigest()


def _checker(fmt: str, name: str, checked: list):
    def check(path: Path) -> None:
        # JSON-LD: each graph was checked as written, so the file must be that text.
        if fmt == "jsonld" and (not checked or checked[0] is None or _file_digest(path) != checked[0]):
            raise OutputError("GB422", name=name)
    return check


def write_streamed(content: QuadSet, fmt: str, path: Path, strict: bool = True) -> Path:
    """Write `content` as `fmt` (ttl, trig, nt or jsonld) to `path` as a stream, the text it
    is made from parsed (`strict`: IRIs and language tags checked again; JSON-LD always
    strictly) as it is written, and only then atomically replace `path` (the old file
    stays on failure)."""
    checked: list = []  # JSON-LD: the digest of the checked text, for the file's check
    with atomic_writer(path, _checker(fmt, path.name, checked)) as handle:
        checked.append(_write(content, fmt, handle, path.name, strict))
    return path


__all__ = ["STREAMED", "write_streamed"]
