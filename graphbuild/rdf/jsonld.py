"""graph.jsonld: the named graphs as JSON-LD, written one graph at a time.

`@context` = our prefixes (longest namespace first when compacting, so a prefix never
shadows a more specific one); the default graph's nodes, then one object per named graph
in graph order; nodes, keys and values sorted, so the bytes depend on the content only.
"""
from __future__ import annotations

import json
from collections.abc import Callable
from itertools import groupby
from json.encoder import encode_basestring

import pyoxigraph as ox

from graphbuild.rdf.quads import QuadSet
from graphbuild.vocab import RDF, XSD, prefixes

_XSD_STRING = str(XSD.string)


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


def _nodes(triples, compact) -> list[dict]:
    nodes: dict[str, dict[str, list]] = {}
    rdf_type = str(RDF.type)
    for t in triples:
        node = nodes.setdefault(t.subject.value, {})
        if t.predicate.value == rdf_type and isinstance(t.object, ox.NamedNode):
            node.setdefault("@type", []).append(compact(t.object.value))
        else:
            node.setdefault(compact(t.predicate.value), []).append(_value(t.object, compact))
    out = []
    for subject in sorted(nodes):
        props = nodes[subject]
        entry: dict[str, object] = {"@id": compact(subject)}
        for key in sorted(props, key=lambda k: (k != "@type", k)):
            values = props[key]
            entry[key] = sorted(values, key=_order_key) if len(values) > 1 else values
        out.append(entry)
    return out


def write_jsonld(content: QuadSet, handle, verify: Callable[[bytes, list], None] | None = None) -> None:
    """Write the JSON-LD of `content` to `handle` (`@context` = our prefixes; the default
    graph's nodes, then one object per named graph; nodes and values sorted) one graph at
    a time. `verify(document, quads)` is called for each graph before it is written: the
    graph's text alone as a JSON-LD document, and the quads it must read back as."""
    compact = _compactor(sorted(prefixes().items(), key=lambda kv: (-len(kv[1]), kv[0])))
    head = ['{\n "@context": ']
    _dump(dict(sorted(prefixes().items())), 1, head)
    handle.write(("".join(head) + ',\n "@graph": ').encode("utf-8"))
    separator = "[\n  "
    quads = ox.parse(content.nquads(), format=ox.RdfFormat.N_QUADS)
    for name, group in groupby(quads, key=lambda q: q.graph_name):  # sorted: each graph once, default first
        group = list(group)
        nodes = _nodes([q.triple for q in group], compact)
        entries = nodes if isinstance(name, ox.DefaultGraph) else [{"@id": compact(name.value), "@graph": nodes}]
        texts = [_dumped(entry, 2) for entry in entries]
        if verify is not None:
            verify(("".join(head) + ', "@graph": [' + ",".join(texts) + "]}").encode("utf-8"), group)
        for text in texts:
            handle.write((separator + text).encode("utf-8"))
            separator = ",\n  "
    handle.write(b"[]\n}\n" if separator.startswith("[") else b"\n ]\n}\n")


def _dumped(value, level: int) -> str:
    out: list[str] = []
    _dump(value, level, out)
    return "".join(out)


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


__all__ = ["write_jsonld"]
