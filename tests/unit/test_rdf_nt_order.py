"""Texts made in chunks have the bytes of the whole: graph.nt (`streamed._write_nt`) those
of the union's lines sorted as bytes (`serialize._nt`), the canonical N-Quads / N-Triples
(`streamed.CanonicalText`) those of `QuadSet.nquads` / `ntriples`; on terms that are prefixes of one another, literals
with languages, datatypes, spaces, quotes, control and non-ASCII characters."""
from __future__ import annotations

import io
import itertools

import pyoxigraph as ox

from graphbuild.rdf.quads import QuadSet
from graphbuild.rdf.serialize import _nt
from graphbuild.rdf.streamed import _write_nt

XSD_INT = ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer")


def _terms():
    iris = [ox.NamedNode(f"http://ex.org/{x}") for x in ("a", "ab", "a-b", "a/b", "A", "é", "a b".replace(" ", "%20"))]
    values = ["ab", "ab c", "a", "", "a\"b", "a\nb", "a\tb", "a\\b", "ab\x01", "é", "ab "]
    literals = [ox.Literal(v) for v in values] + [ox.Literal(v, language="en") for v in values[:3]]
    literals += [ox.Literal("1", datatype=XSD_INT), ox.Literal("12", datatype=XSD_INT), ox.Literal("ab", language="en-gb")]
    return iris, literals


def test_chunked_nt_has_the_bytes_of_sorted_lines():
    iris, literals = _terms()
    graphs = [ox.NamedNode("http://ex.org/g1"), ox.NamedNode("http://ex.org/g2")]
    quads = [(g, s, p, o) for g, s, p, o in itertools.product(graphs, iris[:4], iris[:3], iris + literals)]
    content = QuadSet(quads)
    for chunk in (1, 7, 10_000):
        out = io.BytesIO()
        _write_nt(content, out, chunk=chunk)
        assert out.getvalue() == _nt(content)


def test_canonical_text_made_in_chunks_is_the_quad_sets_text(monkeypatch):
    from graphbuild.rdf import streamed

    iris, literals = _terms()
    quads = [(g, s, iris[0], o) for g in (ox.DefaultGraph(), iris[5]) for s in iris for o in literals]
    content = QuadSet(quads)
    for lines in (1, 3, 1000):
        monkeypatch.setattr(streamed, "CHUNK_LINES", lines)
        for fmt, whole in (("trig", content.nquads()), ("ttl", content.ntriples())):
            canonical = streamed.CanonicalText(content, fmt)
            assert b"".join(canonical.chunks()) == whole
