"""Write a Dataset as graph.ttl / graph.trig / graph.nt / graph.jsonld, strictly and atomically.

Every file is produced in memory by pyoxigraph (JSON-LD by our own small writer, for a
compact `@context`), from quads in sorted order so the bytes depend on the content only
(not on PYTHONHASHSEED or insertion order), then RE-PARSED with pyoxigraph and compared
with the quads it should hold; only then does it atomically replace the old file
(`fsio.atomic_write_bytes`). A failed check raises OutputError and leaves the old file.

- ttl: every triple of every graph (union, de-duplicated); nt: the same, sorted lines
- trig: one named graph per document plus the cross-document graph
- jsonld: the named graphs, `@context` = our prefixes, nodes and values sorted
"""
from __future__ import annotations

import json
from collections.abc import Callable
from itertools import groupby
from json.encoder import encode_basestring
from pathlib import Path

import pyoxigraph as ox
from rdflib import BNode, Dataset, Literal, URIRef

from graphbuild.errors import OutputError
from graphbuild.fsio import atomic_write_bytes
from graphbuild.limits import MAX_LITERAL_BYTES, literal_bytes
from graphbuild.rdf.quads import QuadSet, from_quads
from graphbuild.vocab import RDF, XSD, prefixes

FILE_NAMES = {"ttl": "graph.ttl", "trig": "graph.trig", "nt": "graph.nt", "jsonld": "graph.jsonld"}
OX_FORMATS = {
    "ttl": ox.RdfFormat.TURTLE, "trig": ox.RdfFormat.TRIG,
    "nt": ox.RdfFormat.N_TRIPLES, "jsonld": ox.RdfFormat.JSON_LD,
}
DATASET_FORMATS = ("trig", "jsonld")
_NEEDS = {"ttl": "ntriples", "nt": "ntriples", "trig": "nquads", "jsonld": "nquads"}  # QuadSet form each uses
_XSD_STRING = str(XSD.string)


def _term(node) -> ox.NamedNode | ox.Literal:
    if isinstance(node, URIRef):
        try:
            return ox.NamedNode(str(node))
        except ValueError as err:
            raise OutputError("GB419", iri=str(node), reason=err) from err
    if isinstance(node, Literal):
        _check_size(str(node))
        if node.language:
            return ox.Literal(str(node), language=node.language)
        if node.datatype is not None:
            return ox.Literal(str(node), datatype=ox.NamedNode(str(node.datatype)))
        return ox.Literal(str(node))
    if isinstance(node, BNode):
        raise OutputError("GB414")
    raise OutputError("GB412", node=node)


def _check_size(value: str) -> None:
    """A literal over the parser's token buffer would be written but never read back
    (pyoxigraph: "Reached the buffer maximal size"); refuse it with the reason. Ingest
    keeps article texts under this bound (graphbuild.limits), so this is a last guard."""
    if len(value) > MAX_LITERAL_BYTES // 6 and literal_bytes(value) > MAX_LITERAL_BYTES:
        raise OutputError("GB415", length=len(value), head=value[:40], mib=MAX_LITERAL_BYTES // 2 ** 20)


def quad_set(dataset: Dataset) -> QuadSet:
    """An rdflib Dataset's quads (named graphs; triples of the default graph stay in it)."""
    default_id = str(dataset.default_graph.identifier)

    def converted():
        for s, p, o, g in dataset.quads((None, None, None, None)):
            graph = g.identifier if g is not None and hasattr(g, "identifier") else g
            name = ox.DefaultGraph() if graph is None or str(graph) == default_id else _term(URIRef(str(graph)))
            yield name, _term(s), _term(p), _term(o)

    return QuadSet(converted())


def to_quads(dataset: Dataset) -> list[ox.Quad]:
    """The dataset's quads, unique and sorted by graph, subject, predicate, object."""
    return quad_set(dataset).quads()


def _as_set(quads: QuadSet | list[ox.Quad]) -> QuadSet:
    return quads if isinstance(quads, QuadSet) else from_quads(quads)


def to_triples(quads: QuadSet | list[ox.Quad]) -> list[ox.Triple]:
    """The union of all graphs, unique and sorted."""
    return _as_set(quads).triples()


def serialize(quads: QuadSet | list[ox.Quad], fmt: str) -> bytes:
    """The bytes of one format (deterministic for the same quads)."""
    content = _as_set(quads)
    if fmt == "jsonld":
        return _jsonld(content)
    # Sorted N-Quads / N-Triples text straight into pyoxigraph's parser and serializer:
    # no Python loop per statement (the order, and so the bytes, are those of the quads).
    # The text is ours, made from terms pyoxigraph validated, so it is read leniently
    # (twice as fast); the file written is then re-parsed strictly (`check`).
    if fmt == "trig":
        parsed = ox.parse(content.nquads(), format=ox.RdfFormat.N_QUADS, lenient=True)
        return _sorted_prefixes(ox.serialize(parsed, format=ox.RdfFormat.TRIG, prefixes=prefixes()))
    if fmt == "ttl":
        parsed = ox.parse(content.ntriples(), format=ox.RdfFormat.N_TRIPLES, lenient=True)
        return _sorted_prefixes(ox.serialize(parsed, format=ox.RdfFormat.TURTLE, prefixes=prefixes()))
    if fmt == "nt":
        return _nt(content)
    raise OutputError("GB413", fmt=fmt, file_names=", ".join(FILE_NAMES))


def _nt(content: QuadSet) -> bytes:
    """N-Triples with the lines sorted as bytes (the union of all graphs)."""
    return b"".join(sorted(content.ntriples().splitlines(keepends=True)))


# What a file re-parses to, written canonically, for the cheap comparison in `check`.
_CANONICAL = {"trig": ox.RdfFormat.N_QUADS, "ttl": ox.RdfFormat.N_TRIPLES, "nt": ox.RdfFormat.N_TRIPLES}


def _expected(content: QuadSet, fmt: str) -> bytes:
    return content.nquads() if fmt == "trig" else content.ntriples() if fmt == "ttl" else _nt(content)


def _sorted_prefixes(data: bytes) -> bytes:
    """pyoxigraph writes @prefix lines in its own map order; sort them so the header does not
    depend on that (the body follows the sorted input)."""
    lines = data.split(b"\n")
    n = next((i for i, line in enumerate(lines) if not line.startswith(b"@prefix ")), len(lines))
    return b"\n".join(sorted(lines[:n]) + lines[n:])


def check(data: bytes, fmt: str, quads: QuadSet | list[ox.Quad], name: str) -> None:
    """Raise OutputError unless `data` re-parses (pyoxigraph, strict) to exactly `quads`
    (their union for triple formats)."""
    content = _as_set(quads)
    try:
        if fmt in _CANONICAL:  # the usual case, cheap: the file reads back in the order written
            again = ox.serialize(ox.parse(data, format=OX_FORMATS[fmt]), format=_CANONICAL[fmt])
            if again == _expected(content, fmt):
                return
        else:  # JSON-LD reads back in its own order: compare the sets of N-Quads lines
            again = ox.serialize(ox.parse(data, format=OX_FORMATS[fmt]), format=ox.RdfFormat.N_QUADS)
            if set(again.splitlines()) == set(content.nquads().splitlines()):
                return
        parsed = list(ox.parse(data, format=OX_FORMATS[fmt]))
    except (SyntaxError, ValueError, MemoryError) as err:  # MemoryError: a token over 16 MiB
        raise OutputError("GB418", name=name, fmt=fmt, reason=err) from err
    if fmt in DATASET_FORMATS:
        got, want = set(parsed), set(content.quads())
    else:
        got, want = {q.triple for q in parsed}, set(content.triples())
    if got != want or (fmt not in DATASET_FORMATS and len(parsed) != len(want)):
        raise OutputError("GB416", name=name, got=len(got), want=len(want), missing=len(want - got))


def publish(path: Path, data: bytes, fmt: str, quads: QuadSet | list[ox.Quad]) -> Path:
    """Check `data` and atomically replace `path` with it (the old file stays on failure)."""
    check(data, fmt, quads, path.name)
    atomic_write_bytes(path, data)
    return path


def write_outputs(data: QuadSet | Dataset, out_dir: Path, formats: list[str]) -> dict[str, Path]:
    """Write each of `formats` (ttl, trig, nt, jsonld) of `data` (built quads, or an rdflib
    Dataset) into `out_dir`; returns format → path."""
    out_dir = Path(out_dir)
    unknown = [f for f in formats if f not in FILE_NAMES]
    if unknown:
        raise OutputError("GB417", unknown=", ".join(unknown), file_names=", ".join(FILE_NAMES))
    content = data if isinstance(data, QuadSet) else quad_set(data)
    # Formats that read the same form of the quads one after the other, each form
    # dropped once no later format needs it: peak memory holds one form at a time.
    order = sorted(formats, key=lambda f: list(_NEEDS).index(f))
    written = {}
    for i, fmt in enumerate(order):
        content.release(keep=frozenset(_NEEDS[f] for f in order[i:]))
        written[fmt] = publish(out_dir / FILE_NAMES[fmt], serialize(content, fmt), fmt, content)
    content.release()
    return {fmt: written[fmt] for fmt in formats}


# ---- JSON-LD ---------------------------------------------------------------------------------
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
        self._texts: dict[tuple[int, int], str] = {}

    def iri(self, i: int) -> str:
        return self.compact(self.terms[i].value)

    def order_key(self, i: int) -> str:
        found = self._keys.get(i)
        if found is None:
            found = self._keys[i] = _order_key(_value(self.terms[i], self.compact))
        return found

    def text(self, i: int, level: int) -> str:
        """`_dump` of the term's value at `level`."""
        found = self._texts.get((i, level))
        if found is None:
            out: list[str] = []
            _dump(_value(self.terms[i], self.compact), level, out)
            found = self._texts[(i, level)] = "".join(out)
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
    for key in sorted(props):
        values = props[key]
        if len(values) > 1:
            values = sorted(values, key=pieces.order_key)
        out.append("," + inner + encode_basestring(key) + ": [" + deeper
                   + ("," + deeper).join([pieces.text(v, level + 2) for v in values]) + inner + "]")
    out.append("\n" + " " * level + "}")


def _graph_text(rows: list, pieces: _JsonLdTerms, level: int, rdf_type: int | None, out: list[str]) -> None:
    """Append `_dump` of the list of node entries of one graph's (graph, s, p, o) `rows`
    (sorted: a subject's rows are consecutive, subjects in IRI order)."""
    compact, terms = pieces.compact, pieces.terms
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
            props.setdefault(compact(terms[p].value), []).append(o)
    out.append(inner if first else "," + inner)
    _node_text(subject, props, types, pieces, level + 1, out)
    out.append("\n" + " " * level + "]")


def _jsonld(content: QuadSet) -> bytes:
    """The JSON-LD text: `json.dumps(doc, ensure_ascii=False, indent=1)` of
    {"@context": prefixes, "@graph": [default-graph nodes..., {"@id": g, "@graph": nodes}...]}
    with graphs, nodes and keys sorted, written straight from the sorted rows (terms are
    compacted and dumped once each, not once per statement)."""
    # Longest namespace first, so a prefix never shadows a more specific one.
    compact = _compactor(sorted(prefixes().items(), key=lambda kv: (-len(kv[1]), kv[0])))
    terms, rows = content.terms(), content.rows().tolist()
    pieces = _JsonLdTerms(terms, compact)
    rdf_type = next((i for i, t in enumerate(terms) if isinstance(t, ox.NamedNode) and t.value == str(RDF.type)), None)
    out = ['{\n "@context": ']
    _dump(dict(sorted(prefixes().items())), 1, out)
    out.append(',\n "@graph": ')
    groups = [(g, list(group)) for g, group in groupby(rows, key=lambda row: row[0])]
    if not groups:
        out.append("[]")
    else:
        out.append("[")
        for n, (g, group) in enumerate(groups):
            if isinstance(terms[g], ox.DefaultGraph):  # its nodes stand in the top-level list
                body: list[str] = []
                _graph_text(group, pieces, 1, rdf_type, body)
                text = "".join(body)
                out.append(("\n  " if n == 0 else ",\n  ") + text[len("[\n  "):-len("\n ]")])
                continue
            out.append(("\n  " if n == 0 else ",\n  ") + '{\n   "@id": ' + encode_basestring(pieces.iri(g))
                       + ',\n   "@graph": ')
            _graph_text(group, pieces, 3, rdf_type, out)
            out.append("\n  }")
        out.append("\n ]")
    out.append("\n}\n")
    return "".join(out).encode("utf-8")


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


__all__ = ["FILE_NAMES", "check", "publish", "quad_set", "serialize", "to_quads", "to_triples", "write_outputs"]
