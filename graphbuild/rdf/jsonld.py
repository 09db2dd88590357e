"""graph.jsonld: the named graphs as JSON-LD, `@context` = our prefixes, nodes and values
sorted, indented by one space (the bytes of `json.dumps(doc, ensure_ascii=False, indent=1)`
of that document, written straight from a QuadSet's sorted rows).
"""
from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from json.encoder import encode_basestring
from typing import NamedTuple

import numpy as np
import pyoxigraph as ox

from graphbuild.rdf.quads import QuadSet
from graphbuild.vocab import RDF, XSD, prefixes

_XSD_STRING = str(XSD.string)
PIECE_ROWS = 20_000  # statements of a graph checked at a time (jsonld_pieces)


def _compact(iri: str, context: list[tuple[str, str]]) -> str:
    for prefix, ns in context:
        if iri.startswith(ns) and len(iri) > len(ns) and not iri[len(ns):].startswith("//"):
            return f"{prefix}:{iri[len(ns):]}"
    return iri


def _compactor(context: list[tuple[str, str]]) -> Callable[[str], str]:
    """`_compact` with a memo: a graph repeats its predicates, classes and nodes."""
    memo: dict[str, str] = {}

    def compact(iri: str) -> str:
        found = memo.get(iri)
        if found is None:
            found = memo[iri] = _compact(iri, context)
        return found

    return compact


def _value(term, compact) -> object:
    if isinstance(term, ox.Literal):
        if term.language:
            return {"@value": term.value, "@language": term.language}
        if term.datatype.value == _XSD_STRING:
            return term.value
        return {"@value": term.value, "@type": compact(term.datatype.value)}
    return {"@id": compact(term.value)}


def _order_key(value) -> str:
    """`json.dumps(value, sort_keys=True, ensure_ascii=False)`, built without the encoder
    for the shapes `_value` makes (the same string, so the same order, 20x cheaper)."""
    if type(value) is str:
        return encode_basestring(value)
    if len(value) == 1 and "@id" in value:
        return '{"@id": ' + encode_basestring(value["@id"]) + "}"
    if len(value) == 2 and "@value" in value:
        other = "@language" if "@language" in value else "@type"
        return '{"' + other + '": ' + encode_basestring(value[other]) + ', "@value": ' + encode_basestring(value["@value"]) + "}"
    return json.dumps(value, sort_keys=True, ensure_ascii=False)


class _JsonLdTerms:
    """Per-term pieces of the JSON-LD text, made once per distinct term of a QuadSet: its
    compact IRI, its JSON value, that value's sort key and its text at an indentation level."""

    def __init__(self, terms: list, compact: Callable[[str], str]):
        self.terms, self.compact = terms, compact
        self._keys: dict[int, str] = {}
        self._iris: dict[int, str] = {}  # by term index: a term's `.value` is a call into Rust
        self._texts: dict[int, dict[int, str]] = {}  # level -> term index -> text
        self._heads: dict[int, dict[str, str]] = {}  # level -> property key -> text

    def iri(self, i: int) -> str:
        found = self._iris.get(i)
        if found is None:
            found = self._iris[i] = self.compact(self.terms[i].value)
        return found

    def order_key(self, i: int) -> str:
        found = self._keys.get(i)
        if found is None:
            found = self._keys[i] = _order_key(_value(self.terms[i], self.compact))
        return found

    def text(self, i: int, level: int) -> str:
        """`_dump` of the term's value at `level`."""
        return self.texts(level).get(i) or self._text(i, level)

    def heads(self, level: int) -> dict[str, str]:
        """The memo of `head` at `level` (property key -> text)."""
        found = self._heads.get(level)
        if found is None:
            found = self._heads[level] = {}
        return found

    def head(self, key: str, level: int) -> str:
        """What opens the list of a property `key` of a node at `level`."""
        found = self.heads(level)[key] = ",\n" + " " * (level + 1) + encode_basestring(key) + ": [\n" + " " * (level + 2)
        return found

    def texts(self, level: int) -> dict[int, str]:
        """The memo of `text` at `level` (term index -> text), for a caller's own lookups."""
        found = self._texts.get(level)
        if found is None:
            found = self._texts[level] = {}
        return found

    def _text(self, i: int, level: int) -> str:
        out: list[str] = []
        _dump(_value(self.terms[i], self.compact), level, out)
        found = self._texts[level][i] = "".join(out)
        return found


def _node_text(subject: int, props: dict[str, list[int]], types: list[int], pieces: _JsonLdTerms,
               level: int, out: list[str]) -> None:
    """Append `_dump` of one node entry at `level`: "@id", "@type" (compact class IRIs), then
    its properties by key, each list of values in `_order_key` order."""
    inner, deeper = "\n" + " " * (level + 1), "\n" + " " * (level + 2)
    out.append("{" + inner + '"@id": ' + encode_basestring(pieces.iri(subject)))
    if types:
        names = [pieces.iri(t) for t in types]
        if len(names) > 1:
            names.sort(key=encode_basestring)
        out.append("," + inner + '"@type": [' + deeper + ("," + deeper).join(map(encode_basestring, names))
                   + inner + "]")
    memo, text, heads = pieces.texts(level + 2), pieces._text, pieces.heads(level)
    separator, close = "," + deeper, inner + "]"
    for key in sorted(props):
        values = props[key]
        head = heads.get(key) or pieces.head(key, level)
        if len(values) == 1:  # the usual case
            v = values[0]
            out.append(head + (memo.get(v) or text(v, level + 2)) + close)
            continue
        values = sorted(values, key=pieces.order_key)
        out.append(head + separator.join([memo.get(v) or text(v, level + 2) for v in values]) + close)
    out.append("\n" + " " * level + "}")


def _graph_text(rows: list, pieces: _JsonLdTerms, level: int, rdf_type: int | None, out: list[str]) -> None:
    """Append `_dump` of the list of node entries of one graph's (graph, s, p, o) `rows`
    (sorted: a subject's rows are consecutive, subjects in IRI order)."""
    terms, iri = pieces.terms, pieces.iri
    inner = "\n" + " " * (level + 1)
    out.append("[")
    first, subject, props, types = True, None, {}, []
    for _, s, p, o in rows:
        if s != subject:
            if subject is not None:
                out.append(inner if first else "," + inner)
                first = False
                _node_text(subject, props, types, pieces, level + 1, out)
            subject, props, types = s, {}, []
        if p == rdf_type and isinstance(terms[o], ox.NamedNode):
            types.append(o)
        else:
            key = iri(p)
            found = props.get(key)
            if found is None:
                props[key] = [o]
            else:
                found.append(o)
    out.append(inner if first else "," + inner)
    _node_text(subject, props, types, pieces, level + 1, out)
    out.append("\n" + " " * level + "]")


class Piece(NamedTuple):
    """One stretch of graph.jsonld: `text` as it stands in the file; for a graph's entry
    also `entry` (the JSON text of its node list items, or of its {"@id", "@graph"} object)
    and `rows` (that graph's sorted (graph, s, p, o) rows, what `entry` must read back as)."""

    text: str
    entry: str | None = None
    rows: np.ndarray | None = None


def _groups(rows: np.ndarray) -> Iterator[np.ndarray]:
    """The sorted `rows` cut into one block per graph (views, no copy)."""
    if len(rows) == 0:
        return
    cuts = np.flatnonzero(rows[1:, 0] != rows[:-1, 0]) + 1
    start = 0
    for stop in [*cuts.tolist(), len(rows)]:
        yield rows[start:stop]
        start = stop


def context_text() -> str:
    """The `@context` object as it stands in the file (indented for level 1)."""
    out: list[str] = []
    _dump(dict(sorted(prefixes().items())), 1, out)
    return "".join(out)


def _batches(block: np.ndarray, limit: int) -> Iterator[np.ndarray]:
    """One graph's sorted rows cut at subject boundaries into runs of at most `limit`
    rows (a subject with more rows is a run of its own; views, no copy)."""
    if len(block) <= limit:
        yield block
        return
    bounds = np.append(np.flatnonzero(block[1:, 1] != block[:-1, 1]) + 1, len(block))
    start = 0
    while start < len(block):
        at = int(np.searchsorted(bounds, start + limit, side="right")) - 1
        stop = int(bounds[at]) if at >= 0 and bounds[at] > start else int(bounds[np.searchsorted(bounds, start, side="right")])
        yield block[start:stop]
        start = stop


def _nodes(rows: np.ndarray, pieces: _JsonLdTerms, level: int, rdf_type: int | None) -> str:
    """The node entries of `rows` (whole subjects of one graph) at `level`, joined as in
    the graph's list (without its brackets)."""
    body: list[str] = []
    _graph_text(rows.tolist(), pieces, level, rdf_type, body)  # Python ints of one run at a time
    return "".join(body)[len("[\n") + level + 1:-len("\n]") - level]


def jsonld_pieces(content: QuadSet) -> Iterator[Piece]:
    """The text of `jsonld_bytes`, one named graph at a time (joined, the same text):
    `json.dumps(doc, ensure_ascii=False, indent=1)` of {"@context": prefixes, "@graph":
    [default-graph nodes..., {"@id": g, "@graph": nodes}...]} with graphs, nodes and keys
    sorted, written straight from the sorted rows (terms compacted and dumped once each).
    A big graph (the cross-document one) comes in runs of at most `PIECE_ROWS` statements,
    each checkable on its own, so memory holds one run's text, not the graph's."""
    # Longest namespace first, so a prefix never shadows a more specific one.
    compact = _compactor(sorted(prefixes().items(), key=lambda kv: (-len(kv[1]), kv[0])))
    terms = content.terms()
    pieces = _JsonLdTerms(terms, compact)
    rdf_type = next((i for i, t in enumerate(terms) if isinstance(t, ox.NamedNode) and t.value == str(RDF.type)), None)
    yield Piece('{\n "@context": ' + context_text() + ',\n "@graph": ')
    lead = "["
    for block in _groups(content.rows()):
        g = int(block[0, 0])
        if isinstance(terms[g], ox.DefaultGraph):  # its nodes stand in the top-level list
            for run in _batches(block, PIECE_ROWS):
                entry = _nodes(run, pieces, 1, rdf_type)
                yield Piece(lead + "\n  " + entry, entry, run)
                lead = ","
            continue
        head, inner, close = '{\n   "@id": ' + encode_basestring(pieces.iri(g)) + ',\n   "@graph": [', "\n    ", "\n   ]\n  }"
        text = lead + "\n  " + head + inner
        for run in _batches(block, PIECE_ROWS):
            nodes = _nodes(run, pieces, 3, rdf_type)
            yield Piece(text + nodes, head + inner + nodes + close, run)
            text = "," + inner
        yield Piece(close)
        lead = ","
    yield Piece(("[]" if lead == "[" else "\n ]") + "\n}\n")


def jsonld_bytes(content: QuadSet) -> bytes:
    """The whole JSON-LD text (`jsonld_pieces` joined) as UTF-8."""
    return "".join(piece.text for piece in jsonld_pieces(content)).encode("utf-8")


def _dump(value, level: int, out: list[str]) -> None:
    """Append `json.dumps(value, ensure_ascii=False, indent=1)` to `out`, the same bytes
    (the stdlib encoder is pure Python when it indents: 11 s of 18 on ECB+ dev)."""
    kind = type(value)
    if kind is str:
        out.append(encode_basestring(value))
        return
    if kind not in (dict, list) or not value:
        out.append(json.dumps(value, ensure_ascii=False))
        return
    inner, close = "\n" + " " * (level + 1), "\n" + " " * level
    items = value.items() if kind is dict else enumerate(value)
    out.append("{" if kind is dict else "[")
    separator = inner
    for key, item in items:
        out.append(separator)
        separator = "," + inner
        if kind is dict:
            out.append(encode_basestring(key))
            out.append(": ")
        if type(item) is str:
            out.append(encode_basestring(item))
        else:
            _dump(item, level + 1, out)
    out.append(close)
    out.append("}" if kind is dict else "]")


__all__ = ["Piece", "context_text", "jsonld_bytes", "jsonld_pieces"]
