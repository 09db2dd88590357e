"""pyoxigraph's parsers refuse a token over 16 MiB, so a literal that size would be written
but never read back: serialize refuses it with the reason and leaves the old files."""
from __future__ import annotations

import pyoxigraph as ox
import pytest
from rdflib import Dataset, Literal, URIRef

from graphbuild.errors import OutputError
from graphbuild.limits import MAX_LITERAL_BYTES, PARSER_TOKEN_BYTES
from graphbuild.rdf.serialize import write_outputs

S, P = URIRef("https://example.org/s"), URIRef("https://example.org/p")


def _dataset(value: str) -> Dataset:
    ds = Dataset()
    ds.graph(URIRef("https://example.org/g")).add((S, P, Literal(value)))
    return ds


def test_the_parser_limit_is_real():
    big = b'<https://e/s> <https://e/p> "' + b"x" * (PARSER_TOKEN_BYTES + 10) + b'" .\n'
    with pytest.raises(MemoryError, match="buffer maximal size"):
        list(ox.parse(big, format=ox.RdfFormat.N_TRIPLES))


def test_a_literal_just_under_the_bound_round_trips(tmp_path):
    value = "x" * (MAX_LITERAL_BYTES - 16)
    out = write_outputs(_dataset(value), tmp_path, ["nt", "trig"])
    [quad] = ox.parse(out["trig"].read_bytes(), format=ox.RdfFormat.TRIG)
    assert quad.object.value == value


def test_a_17_mb_literal_is_refused_and_the_old_file_kept(tmp_path):
    write_outputs(_dataset("small"), tmp_path, ["ttl"])
    before = (tmp_path / "graph.ttl").read_bytes()
    with pytest.raises(OutputError, match="over the 15 MiB a strict RDF parser reads as one token"):
        write_outputs(_dataset("y" * 17_000_000), tmp_path, ["ttl"])
    assert (tmp_path / "graph.ttl").read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["graph.ttl"]
