"""The network view from hand-built models: graph, importance, viewer data, HTML, exchange."""
from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET

import networkx as nx
import pytest

from graphbuild.model import Entity, GraphModel, Relation
from graphbuild.network.exchange import write_gexf, write_graphml
from graphbuild.network.graph import group_of, humanize, importance, to_networkx
from graphbuild.network.html import render_html, script_json
from graphbuild.network.payload import MAX_EVIDENCE, build_payload
from tests.browser.models import BREAKOUT, TEMPLATE, XSS, small_model, xss_model


@pytest.fixture(scope="module")
def model():
    return small_model()


@pytest.fixture(scope="module")
def payload(model):
    return build_payload(model, to_networkx(model))


def _data(html: str) -> dict:
    block = re.search(r'<script type="application/json" id="graph-data">(.*?)</script>', html, re.S).group(1)
    return json.loads(block)


def test_graph_has_every_entity_and_event_and_each_kind_of_edge(model):
    graph = to_networkx(model)
    assert graph.number_of_nodes() == len(model.entities) + len(model.events) == 8
    assert {graph.nodes[n]["group"] for n in graph} == {"Person", "Organization", "Place", "Event"}
    kinds = {d["kind"] for _, _, d in graph.edges(data=True)}
    assert kinds == {"relation", "membership", "participant", "place", "eventlink"}
    assert graph.has_edge("p2", "o1") and graph.has_edge("p1", "v2") and graph.has_edge("v1", "l1")
    labels = {(u, v, d["label"]) for u, v, d in graph.edges(data=True)}
    assert ("p2", "o1", "head of") in labels and ("p2", "o1", "commander") in labels
    assert ("p1", "v2", "victim of") in labels and ("l1", "l2", "located in") in labels
    assert ("v1", "v2", "during") in labels
    assert graph.nodes["p1"]["documents"] == "a b"


def test_dangling_and_self_edges_are_dropped():
    m = GraphModel(entities=(Entity("a", "Person", "A"), Entity("b", "Person", "B")),
                   relations=(Relation("a", "worksFor", "zz", ()), Relation("a", "worksFor", "a", ()),
                              Relation("a", "worksFor", "b", ())))
    graph = to_networkx(m)
    assert list(graph.edges()) == [("a", "b")]


def test_importance_is_pagerank_scaled_to_one():
    star = GraphModel(entities=tuple(Entity(f"n{i}", "Person", f"N{i}") for i in range(5)),
                      relations=tuple(Relation(f"n{i}", "memberOf", "n0", ()) for i in range(1, 5)))
    scores = importance(to_networkx(star))
    assert scores["n0"] == 1.0 and all(scores[f"n{i}"] < 0.5 for i in range(1, 5))
    expected = nx.pagerank(nx.Graph(to_networkx(star).to_undirected()), tol=1e-12) if _has_scipy() else None
    if expected:
        top = max(expected.values())
        assert all(abs(scores[k] - v / top) < 1e-3 for k, v in expected.items())
    assert importance(to_networkx(GraphModel())) == {}


def _has_scipy() -> bool:
    try:
        import scipy  # noqa: F401
    except ImportError:
        return False
    return True


def test_groups_and_labels():
    assert humanize("containedInPlace") == "contained in place"
    assert humanize("duringEvent") == "during event"
    assert group_of("Person") == "Person"
    assert group_of("NoSuchKindAnywhere") == "Other"


def test_payload_nodes_are_ranked_sized_and_carry_evidence(payload, model):
    nodes = {n["key"]: n for n in payload["nodes"]}
    assert sorted(n["rank"] for n in payload["nodes"]) == list(range(8))
    top = min(payload["nodes"], key=lambda n: n["rank"])
    assert top["score"] == 1.0 and top["size"] == max(n["size"] for n in payload["nodes"])
    soleimani = nodes["p1"]
    assert soleimani["alt"] == ["Qasem Soleimani"] and soleimani["docs"] == [0, 1]
    sentence_index, marks = soleimani["ev"][0]
    doc, text = payload["sentences"][sentence_index]
    assert text.startswith("Qassem Soleimani was killed") and text[marks[0][0]:marks[0][1]] == "Qassem Soleimani"
    salami = nodes["p2"]
    assert salami["titles"] == ["commander"] and salami["quotes"][0]["text"] == "We will take revenge,"
    assert len(salami["ev"]) == 2  # two sentences, each with its mention marked
    stampede = nodes["v1"]
    assert stampede["event"]["counts"] == [{"kind": "dead", "value": 56, "qualifier": None}]
    assert stampede["event"]["places"] == ["Kerman"] and stampede["event"]["times"][0]["value"] == "2020-01-07"


def test_parallel_edges_are_merged_with_both_labels(payload):
    keys = {n["id"]: n["key"] for n in payload["nodes"]}
    [edge] = [e for e in payload["edges"] if (keys[e["from"]], keys[e["to"]]) == ("p2", "o1")]
    assert edge["label"] == "head of \u00b7 commander" and edge["docs"] == [0]
    text = payload["sentences"][edge["ev"][0][0]][1]
    assert [text[s:e] for s, e in edge["ev"][0][1]] == ["Hossein Salami", "Islamic Revolutionary Guards Corps"]


def test_highlights_count_utf16_units_after_an_astral_character(payload):
    """JS slices strings in UTF-16 units: an emoji before the mention shifts it by 2."""
    sentences = [(i, t) for i, (_, t) in enumerate(payload["sentences"]) if "\U0001F600" in t]
    [(index, text)] = sentences
    kerman = next(n for n in payload["nodes"] if n["key"] == "l1")
    [marks] = [m for i, m in kerman["ev"] if i == index]
    utf16 = text.encode("utf-16-le")
    s, e = marks[0]
    assert utf16[2 * s:2 * e].decode("utf-16-le") == "Kerman"


def test_evidence_is_capped():
    from tests.browser.models import synthetic_model

    m = synthetic_model(30, 200)
    payload = build_payload(m, to_networkx(m))
    assert all(len(e["ev"]) <= MAX_EVIDENCE for e in payload["edges"] + payload["nodes"])


def test_script_json_cannot_break_out():
    text = script_json({"a": "</script><!--<script>&amp;"})
    assert "<" not in text and ">" not in text and "&" not in text
    assert json.loads(text) == {"a": "</script><!--<script>&amp;"}


def test_html_is_self_contained_and_strictly_sandboxed(model):
    html = render_html(model)
    csp = re.search(r'http-equiv="Content-Security-Policy" content="([^"]*)"', html).group(1)
    assert "default-src &#39;none&#39;" in csp and "unsafe-inline" not in csp.split("script-src")[1].split(";")[0]
    assert "vis-network" in html and "@license" in html  # inlined, header kept
    assert not re.search(r'(src|href)\s*=\s*["\']?(https?:)?//', html)
    assert len(re.findall(r"^<script", html, re.M)) == 3
    data = _data(html)
    assert len(data["nodes"]) == 8 and data["config"]["initial"] == 8


def test_xss_payloads_stay_data():
    html = render_html(xss_model(), title=f"{XSS}{TEMPLATE}")
    # Only our three script elements; every payload is escaped or inside the JSON block.
    assert len(re.findall(r"^<script", html, re.M | re.I)) == 3
    assert html.lower().count("</script") == 3
    assert XSS not in html and "</script><script>" not in html
    assert "<title>&lt;img src=x onerror=window.__xss=1&gt;{{7*7}}</title>" in html
    assert "49" not in _data(html)["nodes"][0]["label"]
    data = _data(html)
    assert {n["label"] for n in data["nodes"]} == {XSS, BREAKOUT, "<b>Town</b>"}
    assert data["documents"][0]["title"] == f"{XSS}{BREAKOUT}{TEMPLATE}"


def test_render_is_deterministic(model):
    assert render_html(model) == render_html(model)


def test_graphml_and_gexf_round_trip(tmp_path, model):
    write_graphml(model, tmp_path / "g.graphml")
    write_gexf(model, tmp_path / "g.gexf")
    g = nx.read_graphml(tmp_path / "g.graphml")
    assert g.number_of_nodes() == 8 and g.number_of_edges() == to_networkx(model).number_of_edges()
    assert g.nodes["p1"]["label"] == "Qassem Soleimani" and g.nodes["o1"]["importance"] > 0
    assert g.nodes["p1"]["alt_labels"] == "Qasem Soleimani" and g.nodes["v1"]["date"] == "2020-01-07"
    h = nx.read_gexf(tmp_path / "g.gexf")
    assert h.number_of_nodes() == 8
    ET.parse(tmp_path / "g.gexf")


def test_exchange_keeps_payload_text_as_text(tmp_path):
    write_graphml(xss_model(), tmp_path / "x.graphml")
    g = nx.read_graphml(tmp_path / "x.graphml")
    assert g.nodes["x1"]["label"] == XSS
