"""Sorted, de-duplicated pyoxigraph quads: the one order every output file follows.

The order is by graph, subject, predicate, object, each term keyed by `sort_key`
(IRIs before literals, then by value, datatype, language; the default graph first). It
depends on the content only, never on PYTHONHASHSEED or insertion order, so the bytes
of every serialization are deterministic.

Sorting a million quads by Python key tuples is slow; `QuadSet` sorts the distinct
terms once and then sorts quads as rows of four integers (their ranks, in a numpy
array), which gives exactly the same order.
"""
from __future__ import annotations

from collections.abc import Iterable
from itertools import chain
from operator import attrgetter

import numpy as np
import pyoxigraph as ox

Term = ox.NamedNode | ox.Literal | ox.DefaultGraph


def sort_key(term) -> tuple:
    """The key of one term (graph name, subject, predicate or object)."""
    if isinstance(term, ox.Literal):
        return (1, term.value, term.datatype.value, term.language or "")
    if isinstance(term, ox.DefaultGraph):
        return (-1, "", "", "")
    return (0, getattr(term, "value", ""), "", "")


def _literal_key(term: ox.Literal) -> tuple:
    return term.value, term.datatype.value, term.language or ""


def _sorted_terms(terms: Iterable[Term]) -> list[Term]:
    """`sorted(terms, key=sort_key)` of distinct terms, faster: the kinds apart (the
    default graph, IRIs, literals: the first element of `sort_key`), each sorted by the
    rest of its key (an IRI's is its value only)."""
    kinds: dict[type, list] = {ox.DefaultGraph: [], ox.NamedNode: [], ox.Literal: []}
    for term in terms:
        found = kinds.get(term.__class__)
        if found is None:  # a term of another class: the general key
            return sorted(terms, key=sort_key)
        found.append(term)
    kinds[ox.NamedNode].sort(key=attrgetter("value"))
    kinds[ox.Literal].sort(key=_literal_key)
    return list(chain.from_iterable(kinds.values()))


def _unique_sorted(rows: np.ndarray) -> np.ndarray:
    """The distinct rows of an (n, k) integer array, in lexicographic order."""
    if len(rows) == 0:
        return rows
    rows = rows[np.lexsort(rows.T[::-1])]
    keep = np.ones(len(rows), dtype=bool)
    keep[1:] = (rows[1:] != rows[:-1]).any(axis=1)
    return rows[keep]


class QuadSet:
    """An immutable set of quads, in the canonical order."""

    def __init__(self, quads: Iterable[tuple[Term, Term, Term, Term]]):
        """`quads`: (graph, subject, predicate, object) tuples of pyoxigraph terms."""
        if not isinstance(quads, (set, frozenset, list, tuple)):
            quads = list(quads)  # it keeps every term alive, so ids are stable
        self._index(list(chain.from_iterable(quads)))

    @classmethod
    def from_flat(cls, objects: list[Term]) -> QuadSet:
        """The quads of `objects` = [g1, s1, p1, o1, g2, ...] (a builder's flat list, no
        tuple per quad). The list is taken over: it is emptied once its terms are ranked,
        so a big build never holds it beside the sorted rows."""
        quads = cls(())
        quads._index(objects)
        return quads

    def _index(self, flat_objects: list[Term]) -> None:
        # Hashing a pyoxigraph term is a call into Rust: terms are told apart by identity
        # first (a builder reuses its term objects), then each distinct object once by
        # value; the rows are sorted and de-duplicated by numpy.
        # (np.unique over the objects' ids: one C sort instead of dicts of every position.)
        ids = np.fromiter(map(id, flat_objects), dtype=np.uint64, count=len(flat_objects))
        _, first, inverse = np.unique(ids, return_index=True, return_inverse=True)
        del ids
        distinct = [flat_objects[i] for i in first.tolist()]
        flat_objects.clear()  # `distinct` keeps each term alive (and so its id) from here
        del first
        terms = _sorted_terms(dict.fromkeys(distinct))
        position = {term: i for i, term in enumerate(terms)}
        rank = np.fromiter(map(position.__getitem__, distinct), dtype=np.int64, count=len(distinct))
        del position, distinct
        flat = rank[inverse.reshape(-1)]
        del inverse
        self._terms = terms
        self._rows = _unique_sorted(flat.reshape(-1, 4))
        self._triple_rows: np.ndarray | None = None
        self._quads: list[ox.Quad] | None = None
        self._triples: list[ox.Triple] | None = None
        self._nquads: bytes | None = None
        self._ntriples: bytes | None = None
        self._texts: list[bytes] | None = None

    def release(self, keep: frozenset[str] = frozenset()) -> None:
        """Drop the cached forms (quads, triples, nquads, ntriples, texts) not named in
        `keep`: each is as big as the graph (texts: as its terms), and a writer needs few at a time."""
        for name in ("quads", "triples", "nquads", "ntriples", "texts"):
            if name not in keep:
                setattr(self, f"_{name}", None)

    def subset(self, at: np.ndarray) -> QuadSet:
        """The quads of rows `at` (sorted positions into `rows()`), with only their terms:
        a QuadSet of its own, in the same order (validation part by part)."""
        rows = self._rows[at]
        used = np.unique(rows)
        part = QuadSet(())
        part._terms = [self._terms[i] for i in used.tolist()]
        part._rows = np.searchsorted(used, rows).reshape(-1, 4)
        return part

    def __len__(self) -> int:
        return len(self._rows)

    def terms(self) -> list[Term]:
        """Every distinct term, sorted by `sort_key`: what the integers of `rows` index."""
        return self._terms

    def rows(self) -> np.ndarray:
        """The quads as (graph, subject, predicate, object) indices into `terms()`, sorted."""
        return self._rows

    def triple_rows(self) -> np.ndarray:
        """The union of all graphs as (subject, predicate, object) indices, unique and sorted."""
        if self._triple_rows is None:
            self._triple_rows = _unique_sorted(self._rows[:, 1:])
        return self._triple_rows

    def quads(self) -> list[ox.Quad]:
        """Every quad, sorted (made once; do not modify the list)."""
        if self._quads is None:
            t = self._terms
            self._quads = [ox.Quad(t[s], t[p], t[o], t[g]) for g, s, p, o in self._rows.tolist()]
        return self._quads

    def triples(self) -> list[ox.Triple]:
        """The union of all graphs, unique and sorted (made once; do not modify the list)."""
        if self._triples is None:
            t = self._terms
            self._triples = [ox.Triple(t[s], t[p], t[o]) for s, p, o in self.triple_rows().tolist()]
        return self._triples

    def term_texts(self) -> list[bytes]:
        """The N-Triples form of each term, UTF-8, index as `terms()` (made once: every
        text form of the graph is made of these)."""
        if self._texts is None:
            self._texts = [str(term).encode("utf-8") for term in self._terms]
        return self._texts

    def nquads(self) -> bytes:
        """Every quad as N-Quads, one line each, sorted as `quads()` (made once)."""
        if self._nquads is None:
            text = self.term_texts()
            ends = [b" .\n" if isinstance(term, ox.DefaultGraph) else b" " + x + b" .\n"
                    for x, term in zip(text, self._terms)]
            rows = self._rows
            self._nquads = _joined([x + b" " for x in text] + text + ends,
                                   rows[:, 1], rows[:, 2], rows[:, 3] + len(text), rows[:, 0] + 2 * len(text))
        return self._nquads

    def ntriples(self) -> bytes:
        """The union of all graphs as N-Triples, sorted as `triples()` (made once)."""
        if self._ntriples is None:
            text = self.term_texts()
            rows = self.triple_rows()
            self._ntriples = _joined([x + b" " for x in text] + [x + b" .\n" for x in text],
                                     rows[:, 0], rows[:, 1], rows[:, 2] + len(text))
        return self._ntriples

    def graphs(self) -> dict[Term, list[ox.Triple]]:
        """Graph name -> its triples, both sorted."""
        t, out = self._terms, {}
        for g, s, p, o in self._rows.tolist():
            out.setdefault(t[g], []).append(ox.Triple(t[s], t[p], t[o]))
        return out


def _joined(pieces: list[bytes], *columns: np.ndarray) -> bytes:
    """The concatenation, row by row, of `pieces[c[i]]` for each column c: statement lines
    made by numpy indexing and one C-level join instead of a Python format per statement."""
    if len(columns[0]) == 0:
        return b""
    table = np.empty(len(pieces), dtype=object)
    table[:] = pieces
    return b"".join(table[np.stack(columns, axis=1).ravel()].tolist())


def from_quads(quads: Iterable[ox.Quad]) -> QuadSet:
    """A QuadSet of pyoxigraph Quad objects."""
    return QuadSet((q.graph_name, q.subject, q.predicate, q.object) for q in quads)


__all__ = ["QuadSet", "from_quads", "sort_key"]
