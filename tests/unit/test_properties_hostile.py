"""Property tests over hostile text (controls, lone surrogates, non-characters, markup,
quotes): every minted IRI parses as a pyoxigraph NamedNode; every literal of a graph
round-trips through Turtle, N-Triples, TriG and JSON-LD; GraphML and GEXF are
well-formed XML; the CLI's `printable` never lets a control character through."""
from __future__ import annotations

import inspect
import xml.etree.ElementTree as ET
from datetime import date

import pyoxigraph as ox
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from graphbuild import iri
from graphbuild.cli import printable
from graphbuild.model import Document, Entity, GraphModel, Mention
from graphbuild.rdf.build import to_dataset
from graphbuild.rdf.serialize import OX_FORMATS, serialize, to_quads

BASE = "https://example.org/kg/"
NASTY = ["\x00", "\x01", "\x1b", "\x7f", "\x85", "\u2028", "\u202e", "\ufeff", "\ufffe", "\uffff",
         "\ufdd0", "\U0010ffff", "\U0001fffe", '"', "'", "\\", "<", ">", "&", "[", "]", "/", "\n", "\r",
         "\t", " ", "{", "}", "|", "^", "`", "%", "#", "@"]
# Every code point (surrogates too) and the nasty ones above, often.
ANY_CHAR = st.one_of(st.characters(blacklist_categories=()), st.sampled_from(NASTY))
# What ingest lets through: valid Unicode (a lone surrogate makes the input an InputError).
TEXT_CHAR = st.one_of(st.characters(blacklist_categories=("Cs",)), st.sampled_from(NASTY))
hostile = st.text(ANY_CHAR, max_size=40)
valid = st.text(TEXT_CHAR, min_size=1, max_size=60)
EXAMPLES = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
MINTERS = [f for name, f in vars(iri).items()
           if name.endswith("_iri") and callable(f) and name != "cross_graph_iri"]


@EXAMPLES
@given(parts=st.lists(st.one_of(hostile, st.integers(-10**9, 10**9)), min_size=6, max_size=6))
def test_every_minted_iri_parses_as_a_named_node(parts):
    for mint in MINTERS:
        arity = len(inspect.signature(mint).parameters) - 1
        args = [p if isinstance(p, str) or mint in (iri.mention_iri, iri.span_iri) else str(p)
                for p in parts[:arity]]
        if mint in (iri.mention_iri, iri.span_iri):  # offsets are ints
            args = [str(parts[0]), *(abs(int(p)) if not isinstance(p, str) else len(p) for p in parts[1:3]),
                    *map(str, parts[3:arity])]
        if mint is iri.time_iri:
            args = [str(p) for p in parts[:3]]
        value = mint(BASE, *args)
        assert ox.NamedNode(value).value == value


def _model(doc_id: str, text: str, title: str, label: str, alt: str) -> GraphModel:
    doc = Document(doc_id, text, title=title, published=date(2020, 1, 7), url=None, source=label)
    mention = Mention(doc_id, 0, len(text), text, "PERSON", 0, len(text))
    return GraphModel(documents=(doc,), entities=(Entity(label + "-id", "Person", label, (alt,), (mention,),
                                                         titles=(title,)),))


def _literals(quads) -> set[str]:
    return {q.object.value for q in quads if isinstance(q.object, ox.Literal)}


@EXAMPLES
@given(doc_id=valid, text=valid, title=valid, label=valid, alt=valid)
def test_every_literal_round_trips_in_every_format(doc_id, text, title, label, alt):
    quads = to_quads(to_dataset(_model(doc_id, text, title, label, alt), BASE))
    want = _literals(quads)
    assert {doc_id, text, title, label, alt} <= want
    for fmt in ("ttl", "nt", "trig", "jsonld"):
        parsed = list(ox.parse(serialize(quads, fmt), format=OX_FORMATS[fmt]))
        assert _literals(parsed) == want, fmt
        for q in parsed:
            for term in (q.subject, q.predicate, q.object):
                if isinstance(term, ox.NamedNode):
                    assert ox.NamedNode(term.value) == term


def _well_formed(path) -> None:
    ET.parse(path)  # raises ParseError on anything XML 1.0 does not allow


@EXAMPLES
@given(doc_id=valid, text=valid, title=valid, label=valid, alt=valid)
def test_graphml_and_gexf_are_well_formed_xml(tmp_path_factory, doc_id, text, title, label, alt):
    from graphbuild.network.exchange import write_gexf, write_graphml

    out = tmp_path_factory.mktemp("xml")
    model = _model(doc_id, text, title, label, alt)
    write_graphml(model, out / "g.graphml")
    write_gexf(model, out / "g.gexf")
    _well_formed(out / "g.graphml")
    _well_formed(out / "g.gexf")


@EXAMPLES
@given(text=st.text(ANY_CHAR, max_size=80))
def test_printable_lets_no_control_character_through(text):
    shown = printable(text)
    assert shown.isprintable() or all(c.isprintable() or c == " " for c in shown)
    assert "\x1b" not in shown and "\u202e" not in shown
    shown.encode("utf-8")  # no lone surrogate reaches the terminal
