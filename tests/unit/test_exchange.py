"""GraphML and GEXF exports: schema-valid (tests/data/xsd), XML-safe, rich, deterministic."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from graphbuild.model import Document, Entity, Event, GraphModel, Mention, Participant, Relation, TimeValue
from graphbuild.network.exchange import gexf_bytes, graphml_bytes, write_exports
from graphbuild.network.view import network_view
from tests.browser.models import small_model, synthetic_model, xss_model
from tests.conftest import skip_or_fail

XSD = Path(__file__).resolve().parents[1] / "data" / "xsd"
G, GX, VIZ = "{http://graphml.graphdrawing.org/xmlns}", "{http://gexf.net/1.3}", "{http://gexf.net/1.3/viz}"
NASTY = "Bad\x00Name\x01\x0b\x1f\ufffe \ud800 & <tag> \"quoted\" 'x'\n]]>"


@pytest.fixture(scope="module")
def etree():
    try:
        from lxml import etree
    except ImportError:
        skip_or_fail("lxml is not installed (pip install lxml); it validates the exports against tests/data/xsd")
    return etree


@pytest.fixture(scope="module")
def schemas(etree):
    return {"graphml": etree.XMLSchema(etree.parse(str(XSD / "graphml.xsd"))),
            "gexf": etree.XMLSchema(etree.parse(str(XSD / "gexf.xsd")))}


def nasty_model() -> GraphModel:
    """Control characters, a lone surrogate, markup and quotes in every name and id."""
    text = "Bad Name met Other in Town."
    doc = Document("d/1 x", text, title=NASTY, published=date(2020, 1, 7))
    a = Entity(f"person/{NASTY}", "Person", NASTY, (NASTY, "Alt"), (Mention("d/1 x", 0, 8, "Bad Name", "PERSON", 0, 27),),
               titles=(NASTY,))
    b = Entity("org/other one", "Organization", "Other", ())
    c = Entity("place/town", "Place", "Town", ())
    ev = Event("event/meet 1", "Meeting", NASTY, places=("place/town",),
               times=(TimeValue("on Tuesday", "2020-01-07", "date"),),
               participants=(Participant("participant", a.id), Participant("participant", b.id)))
    return GraphModel(documents=(doc,), entities=(a, b, c), events=(ev,),
                      relations=(Relation(a.id, "memberOf", b.id, ()), Relation(a.id, "worksFor", b.id, ())))


MODELS = {"small": small_model, "xss": xss_model, "nasty": nasty_model, "empty": GraphModel,
          "synthetic": lambda: synthetic_model(60, 150)}


def _check_graphml(etree, schemas, data: bytes):
    doc = etree.fromstring(data)
    assert schemas["graphml"].validate(doc), schemas["graphml"].error_log
    keys = {k.get("id"): k for k in doc.iter(G + "key")}
    assert len({(k.get("for"), k.get("attr.name")) for k in keys.values()}) == len(keys)  # one key per domain
    casts = {"int": int, "long": int, "double": float, "float": float, "string": str, "boolean": str}
    for element in doc.iter(G + "node", G + "edge"):
        for d in element.iter(G + "data"):
            key = keys[d.get("key")]
            assert key.get("for") == element.tag[len(G):]
            casts[key.get("attr.type")](d.text or "")
    return doc


def _check_gexf(etree, schemas, data: bytes):
    doc = etree.fromstring(data)
    assert schemas["gexf"].validate(doc), schemas["gexf"].error_log
    declared = {a.get("class"): {x.get("id") for x in a.iter(GX + "attribute")} for a in doc.iter(GX + "attributes")}
    for cls in ("node", "edge"):
        for element in doc.iter(GX + cls):
            assert {v.get("for") for v in element.iter(GX + "attvalue")} <= declared[cls]
    for spell in doc.iter(GX + "spell"):
        assert date.fromisoformat(spell.get("start")) <= date.fromisoformat(spell.get("end"))
    return doc


@pytest.mark.parametrize("name", sorted(MODELS))
@pytest.mark.parametrize("actors_only", [False, True])
def test_exports_validate_against_the_schemas(etree, schemas, name, actors_only):
    view = network_view(MODELS[name]())
    _check_graphml(etree, schemas, graphml_bytes(view, actors_only=actors_only))
    _check_gexf(etree, schemas, gexf_bytes(view, actors_only=actors_only))


def test_any_character_in_a_name_stays_well_formed_and_readable(etree, schemas):
    view = network_view(nasty_model())
    doc = _check_graphml(etree, schemas, graphml_bytes(view))
    labels = [d.text for d in doc.iter(G + "data") if d.get("key") == "n_label"]
    safe = NASTY.replace("\x00", "\ufffd").replace("\x01", "\ufffd").replace("\x0b", "\ufffd").replace(
        "\x1f", "\ufffd").replace("\ufffe", "\ufffd").replace("\ud800", "\ufffd")
    assert safe in labels  # markup, quotes and newlines survive as text; only the impossible is replaced
    ids = [n.get("id") for n in doc.iter(G + "node")]
    assert all(i.startswith(("entity.", "event.")) for i in ids) and len(set(ids)) == len(ids)
    iris = [d.text for d in doc.iter(G + "data") if d.get("key") == "n_iri"]
    assert all(i.startswith("https://w3id.org/graphbuild/id/") for i in iris)
    gexf = _check_gexf(etree, schemas, gexf_bytes(view))
    assert safe in [n.get("label") for n in gexf.iter(GX + "node")]


def test_exports_carry_weights_kinds_viz_and_dated_spells(etree, schemas):
    view = network_view(nasty_model())
    gexf = _check_gexf(etree, schemas, gexf_bytes(view))
    assert gexf.get("version") == "1.3" and gexf.find(GX + "graph").get("timeformat") == "date"
    [event] = [n for n in gexf.iter(GX + "node") if n.get("id").startswith("event.")]
    assert [(s.get("start"), s.get("end")) for s in event.iter(GX + "spell")] == [("2020-01-07", "2020-01-07")]
    nodes = {n.get("id"): n for n in gexf.iter(GX + "node")}
    for node in nodes.values():
        assert node.find(VIZ + "color") is not None and node.find(VIZ + "size") is not None
        assert node.find(VIZ + "position") is not None
    edges = list(gexf.iter(GX + "edge"))
    assert len({e.get("id") for e in edges}) == len(edges) and all(float(e.get("weight")) >= 1 for e in edges)
    actors = _check_gexf(etree, schemas, gexf_bytes(view, actors_only=True))
    kinds = {e.get("id"): {v.get("for"): v.get("value") for v in e.iter(GX + "attvalue")}["kind"]
             for e in actors.iter(GX + "edge")}
    # co-participation in the meeting (the two participants and its place), membership + job
    assert sorted(kinds.values()) == ["event", "event", "event", "relation"]
    [relation] = [e for e in actors.iter(GX + "edge") if kinds[e.get("id")] == "relation"]
    assert relation.get("label") == "member of \u00b7 works for" and relation.get("type") is None
    for co in (e for e in actors.iter(GX + "edge") if kinds[e.get("id")] == "event"):
        assert co.get("type") == "undirected" and co.get("label") == "Meeting"
    graphml = _check_graphml(etree, schemas, graphml_bytes(view, actors_only=True))
    positions = {n.get("id"): {d.get("key"): d.text for d in n.iter(G + "data")} for n in graphml.iter(G + "node")}
    for token, node in nodes.items():  # the same layout in both files (GEXF's y points up)
        if token in positions:
            pos = node.find(VIZ + "position")
            assert float(positions[token]["n_x"]) == float(pos.get("x"))
            assert float(positions[token]["n_y"]) == -float(pos.get("y"))


def test_write_exports_writes_both_graphs_in_each_format_deterministically(tmp_path, etree, schemas):
    model = small_model()
    first = write_exports(model, tmp_path, ("trig", "graphml", "gexf"))
    assert sorted(first) == ["gexf", "gexf-actors", "graphml", "graphml-actors"]
    assert first["graphml-actors"].name == "graph-actors.graphml"
    data = {k: p.read_bytes() for k, p in first.items()}
    again = write_exports(model, tmp_path / "..", ("graphml", "gexf"), stem="again")
    assert {k: p.read_bytes() for k, p in again.items()} == data
    assert write_exports(model, tmp_path, ("html",)) == {}
