"""graph.ttl / graph.trig / graph.nt / graph.jsonld written to disk as a stream: memory holds
the sorted rows, the terms' texts and one chunk of canonical text at a time, never the
whole text or the file's bytes.

Every text is made of one table of term texts (`QuadSet.term_texts`), so strictness is
checked once per term: `check_terms` parses every distinct term strictly (pyoxigraph checks
each IRI and language tag again; it checked each once when the term was made), and the
writers then parse their text leniently (the lines' framing, twice as fast).

TriG and Turtle: the canonical N-Quads / N-Triples of the sorted rows (`QuadSet.nquads` /
`ntriples`, made again `CHUNK_LINES` lines at a time) go through pyoxigraph's parser
straight into its serializer (`serializer_process.convert`, here or in a child process:
`rdf/side_writes.py`), so each file is pyoxigraph's own syntax by construction, in the
order of the rows (the @prefix header sorted as `serialize._sorted_prefixes` does).
graph.nt is the union's N-Triples lines sorted as bytes, from the same term texts (with
`strict`, each chunk parsed as it is written). A text that does not parse raises
OutputError (GB423).

JSON-LD (our own writer, `rdf/jsonld.py`) is written one graph at a time
(`jsonld.jsonld_pieces`) and each graph's entry is checked as it is written: parsed
(pyoxigraph, leniently: the terms were checked) as a document of its own, its N-Quads
lines must be those of the graph's rows (as a set: JSON-LD reads back in node order), so
every IRI in it is one checked; the file must then hash as the text checked. On any
failure the old file stays (`fsio.atomic_writer`).
"""
from __future__ import annotations

import hashlib
from collections import deque
from collections.abc import Iterator
from weakref import WeakKeyDictionary
from itertools import chain
from pathlib import Path

import numpy as np
import pyoxigraph as ox

from graphbuild.errors import OutputError
from graphbuild.fsio import atomic_writer
from graphbuild.rdf.jsonld import Piece, context_text, jsonld_pieces
from graphbuild.rdf.quads import QuadSet
from graphbuild.rdf.serializer_process import convert
from graphbuild.vocab import prefixes

STREAMED = ("ttl", "trig", "nt", "jsonld")
CHUNK_LINES = 50_000  # statements of canonical text made at a time
SOURCE = {"trig": ox.RdfFormat.N_QUADS, "ttl": ox.RdfFormat.N_TRIPLES}
SOURCE_NAME = {"trig": "N-Quads", "ttl": "N-Triples", "nt": "N-Triples"}


class _TermTable:
    """The pieces every canonical line is made of, per term index i of a QuadSet (n terms):
    at i its text and a space (subject, predicate), at n + i its text (an N-Quads object),
    at 2n + i the end of an N-Quads line naming it as the graph, at 3n + i its text ending
    an N-Triples line. One table per QuadSet, shared by every text made of it (`table`)."""

    def __init__(self, content: QuadSet):
        terms, text = content.terms(), content.term_texts()
        ends = [b" .\n" if isinstance(term, ox.DefaultGraph) else b" " + x + b" .\n" for x, term in zip(text, terms)]
        pieces = [x + b" " for x in text] + text + ends + [x + b" .\n" for x in text]
        self.n = len(text)
        self.pieces = np.empty(len(pieces), dtype=object)
        self.pieces[:] = pieces

    def joined(self, index: np.ndarray) -> bytes:
        return b"".join(self.pieces[index.ravel()].tolist())


_TABLES: WeakKeyDictionary = WeakKeyDictionary()


def table(content: QuadSet) -> _TermTable:
    """The term table of `content`, made once (until `forget_table`)."""
    found = _TABLES.get(content)
    if found is None:
        found = _TABLES[content] = _TermTable(content)
    return found


def forget_table(content: QuadSet) -> None:
    """Drop the term table of `content` (it is as big as its terms' texts, three times)."""
    _TABLES.pop(content, None)


class CanonicalText:
    """The canonical form of `content` for `fmt` (N-Quads of every quad for trig, N-Triples
    of the union for ttl and nt): the bytes of `QuadSet.nquads` / `QuadSet.ntriples`, made
    from the rows `CHUNK_LINES` lines at a time, so the whole text is never held."""

    def __init__(self, content: QuadSet, fmt: str):
        self.fmt, self.table = fmt, table(content)
        self.rows = content.rows() if fmt == "trig" else content.triple_rows()
        # Each line is pieces of the table (subject and predicate with a space, the object,
        # the graph and the end), picked by numpy indexing and joined once per chunk.
        n = self.table.n
        self.columns, self.offsets = ((1, 2, 3, 0), (0, 0, n, 2 * n)) if fmt == "trig" else ((0, 1, 2), (0, 0, 3 * n))

    def chunks(self, lines: int = 0) -> Iterator[bytes]:
        """The text, `lines` lines at a time (`CHUNK_LINES` by default)."""
        lines = lines or CHUNK_LINES
        for start in range(0, len(self.rows), lines):
            yield self.text(self.rows[start:start + lines])

    def text(self, rows: np.ndarray) -> bytes:
        """The canonical lines of `rows` (rows of the form this was made for)."""
        if len(rows) == 0:
            return b""
        return self.table.joined(np.stack([rows[:, c] + k for c, k in zip(self.columns, self.offsets)], axis=1))

    def statements(self) -> Iterator:
        """The statements, parsed leniently from each chunk (chained in C: no Python frame a
        statement)."""
        return chain.from_iterable(ox.parse(chunk, format=SOURCE[self.fmt], lenient=True)
                                   for chunk in self.chunks())


def check_terms(content: QuadSet, name: str, chunk: int = CHUNK_LINES) -> None:
    """Raise OutputError (GB423, naming `name`) unless the text of every distinct term of
    `content` parses strictly (pyoxigraph), each once as the object of a statement whose
    subject and predicate are the first IRI: every text written is made of these texts."""
    terms, pieces = content.terms(), table(content)
    first = next((i for i, t in enumerate(terms) if isinstance(t, ox.NamedNode)), None)
    if first is None:  # no IRI, so no statement either
        return
    objects = np.array([i for i, t in enumerate(terms) if not isinstance(t, ox.DefaultGraph)], dtype=np.int64)
    try:
        for start in range(0, len(objects), chunk):
            part = objects[start:start + chunk]
            index = np.stack([np.full(len(part), first), np.full(len(part), first), part + 3 * pieces.n], axis=1)
            deque(ox.parse(pieces.joined(index), format=ox.RdfFormat.N_TRIPLES), maxlen=0)
    except (SyntaxError, ValueError, MemoryError) as err:  # MemoryError: a token over 16 MiB
        raise OutputError("GB423", name=name, fmt="N-Triples term", reason=err) from err


class _NquadsLines:
    """The N-Quads lines of rows, as `QuadSet.nquads` writes them (UTF-8, without the
    newline), made by numpy indexing into one table of term texts (`CanonicalText`)."""

    def __init__(self, content: QuadSet):
        self.canonical = CanonicalText(content, "trig")

    def of(self, rows) -> set[bytes]:
        return set(self.canonical.text(rows).splitlines())


def _check_piece(piece: Piece, lines: _NquadsLines, name: str) -> None:
    """Raise OutputError unless the graph entry of `piece`, re-parsed as a JSON-LD document
    of its own (same context; leniently: the terms were checked), holds exactly the quads of its rows."""
    document = '{"@context": ' + context_text() + ', "@graph": [' + piece.entry + "]}"
    try:
        again = ox.serialize(ox.parse(document.encode("utf-8"), format=ox.RdfFormat.JSON_LD, lenient=True),
                             format=ox.RdfFormat.N_QUADS)
    except (SyntaxError, ValueError, MemoryError) as err:  # MemoryError: a token over 16 MiB
        raise OutputError("GB418", name=name, fmt="jsonld", reason=err) from err
    got, want = set(again.splitlines()), lines.of(piece.rows)
    if got != want:
        raise OutputError("GB416", name=name, got=len(got), want=len(want), missing=len(want - got))


def write_to(content: QuadSet, fmt: str, handle, name: str, strict: bool) -> str | None:
    """Write the file's bytes to `handle` (`strict`: `check_terms` first; without it, the
    caller checked them); for JSON-LD, return the sha256 of the text whose every graph was
    checked (the file must then hash the same: its frame is fixed text)."""
    if strict:
        check_terms(content, name)
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
            _write_nt(content, handle, parse=strict)
            return None
        convert(CanonicalText(content, fmt).statements(), handle, fmt, prefixes())
    except (SyntaxError, ValueError, MemoryError) as err:  # MemoryError: a token over 16 MiB
        raise OutputError("GB423", name=name, fmt=SOURCE_NAME[fmt], reason=err) from err
    return None


def _write_nt(content: QuadSet, handle, chunk: int = 20_000, parse: bool = False) -> None:
    """The union's N-Triples lines in byte order (the bytes of `serialize._nt`), made and
    written `chunk` lines at a time instead of sorting a list of every line; with
    `parse`, each chunk is parsed (pyoxigraph, leniently) before it is written.

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
    canonical = CanonicalText(content, "nt")  # the lines of ttl's text, in another order
    for start in range(0, len(order), chunk):
        data = canonical.text(rows[order[start:start + chunk]])
        if parse:
            deque(ox.parse(data, format=ox.RdfFormat.N_TRIPLES, lenient=True), maxlen=0)
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
    is made from parsed as it is written (`strict`: every term checked first, `check_terms`;
    without it, the caller checked them), and only then atomically replace `path` (the old
    file stays on failure)."""
    checked: list = []  # JSON-LD: the digest of the checked text, for the file's check
    with atomic_writer(path, _checker(fmt, path.name, checked)) as handle:
        checked.append(write_to(content, fmt, handle, path.name, strict))
    return path


__all__ = ["SOURCE", "SOURCE_NAME", "STREAMED", "CanonicalText", "check_terms", "forget_table", "table", "write_streamed",
           "write_to"]
