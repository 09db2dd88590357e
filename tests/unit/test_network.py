"""The network view from hand-built models: graph, importance, viewer data, HTML, exchange."""
from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET

import networkx as nx
import pytest

from graphbuild.model import Entity, GraphModel, Mention, Relation
from graphbuild.network.actors import actor_graph
from graphbuild.network.evidence import MAX_EVIDENCE
from graphbuild.network.exchange import write_gexf, write_graphml
from graphbuild.network.graph import day_range, group_of, humanize, importance, predicate_label, to_networkx
from graphbuild.network.html import render_html, script_json
from graphbuild.network.payload import build_payload
from graphbuild.network.view import network_view
from tests.browser.models import BREAKOUT, TEMPLATE, XSS, small_model, xss_model


@pytest.fixture(scope="module")
def model():
    return small_model()


@pytest.fixture(scope="module")
def payload(model):
    return build_payload(network_view(model))


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
    assert ("p1", "v2", "victim") in labels and ("l1", "l2", "contained in place") in labels
    assert ("v1", "v2", "during event") in labels and ("v1", "l1", "has place") in labels
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


def test_edge_labels_are_the_ontologys_rdfs_labels():
    from graphbuild.vocab import property_for, term_label

    for name in ("headOf", "memberOf", "worksFor", "nationality", "homeLocation", "containedInPlace", "victim"):
        assert predicate_label(name) == humanize(term_label(property_for(name)))
    assert predicate_label("headOf") == "head of"  # org:headOf rdfs:label "head of"
    assert predicate_label("worksFor") == "works for"  # schema:worksFor rdfs:label "worksFor", in words


def test_actor_graph_links_coparticipants_and_quoted_actors():
    from graphbuild.model import Document, Event, Participant, Quote

    text = '"Bob is wrong about Carol," Alice said.'
    doc = Document("d", text)
    m = lambda s: Mention("d", text.index(s), text.index(s) + len(s), s, "PERSON", 0, len(text))  # noqa: E731
    model = GraphModel(
        documents=(doc,),
        entities=(Entity("a", "Person", "Alice", (), (m("Alice"),)), Entity("b", "Person", "Bob", (), (m("Bob"),)),
                  Entity("c", "Person", "Carol", (), (m("Carol"),)), Entity("x", "Place", "Nowhere")),
        events=(Event("v1", "Meeting", "met", participants=(Participant("participant", "a"), Participant("participant", "b"))),
                Event("v2", "Meeting", "met", participants=(Participant("agent", "b"), Participant("participant", "a")))),
        quotes=(Quote("q", "a", "Bob is wrong about Carol,", "d", 1, 26),),
    )
    graph = actor_graph(model)
    assert set(graph.nodes) == {"a", "b", "c", "x"}  # actors only, isolated ones kept
    met = graph.get_edge_data("a", "b", "event")
    assert met["weight"] == 2 and met["label"] == "Meeting" and met["items"] == ["v1", "v2"] and not met["directed"]
    assert graph.has_edge("a", "b", "quote") and graph.has_edge("a", "c", "quote") and graph.degree("x") == 0
    assert graph.get_edge_data("a", "c", "quote")["directed"] is True


def test_day_range_reads_dates_months_and_years():
    assert day_range("2020-01-07") == ("2020-01-07", "2020-01-07")
    assert day_range("2020-02") == ("2020-02-01", "2020-02-29")
    assert day_range("2019") == ("2019-01-01", "2019-12-31")
    assert day_range("2020-01-04", "2020-01-05") == ("2020-01-04", "2020-01-05")
    assert day_range("--01-07") is None and day_range(None) is None and day_range("2020-13-01") is None


def test_layout_packs_components_so_the_biggest_is_not_shrunk():
    from graphbuild.network.layout import EDGE

    rels = tuple(Relation(f"n{i}", "memberOf", "n0", ()) for i in range(1, 8)) + (Relation("p", "memberOf", "q", ()),)
    m = GraphModel(entities=tuple(Entity(k, "Person", k) for k in [f"n{i}" for i in range(8)] + ["p", "q", "lone"]),
                   relations=rels)
    view = network_view(m)
    xy = view.positions
    star = [xy[f"n{i}"] for i in range(8)]
    span = max(p[0] for p in star) - min(p[0] for p in star)
    gap = abs(xy["p"][0] - xy["q"][0]) + abs(xy["p"][1] - xy["q"][1])
    assert span > EDGE and abs(gap - EDGE) <= 1  # the pair sits at one edge length, not across the canvas
    assert xy["lone"][1] > max(p[1] for p in star)  # isolated nodes below everything


def test_payload_nodes_are_ranked_sized_and_carry_evidence(payload, model):
    nodes = {n["key"]: n for n in payload["nodes"]}
    assert sorted(n["rank"] for n in payload["nodes"]) == list(range(8))
    top = min(payload["nodes"], key=lambda n: n["rank"])
    assert top["score"] == 1.0 and top["size"] == max(n["size"] for n in payload["nodes"])
    assert top["font"] == max(n["font"] for n in payload["nodes"]) and top["group"] != "Event"  # actors rank first
    assert all(isinstance(n["x"], int) and isinstance(n["y"], int) for n in payload["nodes"])
    soleimani = nodes["p1"]
    assert soleimani["alt"] == ["Qasem Soleimani"] and soleimani["docs"] == [0, 1]
    sentence_index, marks = soleimani["ev"][0]
    doc, text = payload["sentences"][sentence_index]
    assert text.startswith("Qassem Soleimani was killed") and text[marks[0][0]:marks[0][1]] == "Qassem Soleimani"
    salami = nodes["p2"]
    assert salami["titles"] == ["commander"] and salami["quotes"][0]["text"] == "We will take revenge,"
    assert len(salami["ev"]) == 2  # two sentences, each with its mention marked
    stampede = nodes["v1"]
    assert stampede["event"]["counts"] == [{"kind": "dead", "values": [{"qualifier": None, "value": 56, "docs": []}],
                                            "disagree": False}]
    assert stampede["event"]["places"] == [nodes["l1"]["id"]] and stampede["dates"] == ["2020-01-07", "2020-01-07"]
    assert payload["events"] == [nodes["v2"]["id"], nodes["v1"]["id"]]  # the timeline, by date
    assert payload["dates"] == ["2020-01-03", "2020-01-07"]
    assert nodes["p1"]["dates"] == ["2020-01-03"] and nodes["l1"]["dates"] == ["2020-01-07"]
    assert nodes["l3"]["linked"] and nodes["o1"]["linked"] and nodes["p2"]["quotes"]


def test_parallel_edges_are_merged_with_both_labels(payload):
    keys = {n["id"]: n["key"] for n in payload["nodes"]}
    [edge] = [e for e in payload["edges"] if (keys[e["from"]], keys[e["to"]]) == ("p2", "o1")]
    assert edge["label"] == "head of \u00b7 commander" and edge["docs"] == [0]
    assert edge["layer"] == "actor" and edge["kind"] == "relation" and edge["weight"] == 2 and edge["arrows"] == "to"
    [co] = [e for e in payload["edges"] if e["kind"] == "event"]  # Soleimani and Baghdad, both in the killing
    assert {keys[co["from"]], keys[co["to"]]} == {"p1", "l3"} and co["arrows"] == "" and co["label"] == "Attack"
    assert [keys[i] for i in co["events"]] == ["v2"]
    assert {e["kind"] for e in payload["edges"] if e["layer"] == "event"} == {"participant", "place", "eventlink"}
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
    payload = build_payload(network_view(m))
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
    assert len(data["nodes"]) == 8 and data["config"]["initial"] == 6 and data["config"]["actors"] == 6


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


def test_graphml_and_gexf_round_trip_through_networkx(tmp_path, model):
    write_graphml(model, tmp_path / "g.graphml")
    write_gexf(model, tmp_path / "g.gexf")
    g = nx.read_graphml(tmp_path / "g.graphml")
    assert g.number_of_nodes() == 8 and g.number_of_edges() == to_networkx(model).number_of_edges()
    by_label = {d["label"]: d for _, d in g.nodes(data=True)}
    assert by_label["Qassem Soleimani"]["alt_labels"] == "Qasem Soleimani"
    assert by_label["stampede"]["date"] == "2020-01-07" and by_label["Islamic Revolutionary Guards Corps"]["importance"] > 0
    h = nx.read_gexf(tmp_path / "g.gexf")
    assert h.number_of_nodes() == 8
    ET.parse(tmp_path / "g.gexf")


def test_exchange_keeps_payload_text_as_text(tmp_path):
    write_graphml(xss_model(), tmp_path / "x.graphml")
    g = nx.read_graphml(tmp_path / "x.graphml")
    assert XSS in {d["label"] for _, d in g.nodes(data=True)}


def test_labels_do_not_overlap_after_layout():
    """Node-and-label boxes of a crowded star are pushed apart (at scale 1, so at any zoom)."""
    from graphbuild.network.view import _box, _font, _size

    hub = Entity("hub", "Organization", "A Very Long Organization Name Indeed")
    spokes = tuple(Entity(f"s{i}", "Person", f"Person Number {i}") for i in range(40))
    m = GraphModel(entities=(hub, *spokes), relations=tuple(Relation(s.id, "memberOf", "hub", ()) for s in spokes))
    view = network_view(m)
    boxes = {k: _box(view.full.nodes[k]["label"], _font(view.scores[k]), _size(view.scores[k])) for k in view.full}
    keys = sorted(view.full)
    for i, a in enumerate(keys):
        for b in keys[i + 1:]:
            (ax, ay), (bx, by) = view.positions[a], view.positions[b]
            apart_x = abs(ax - bx) >= boxes[a][0] + boxes[b][0] - 1
            apart_y = abs(ay - by) >= boxes[a][1] + boxes[b][1] - 1
            assert apart_x or apart_y, (a, b)


def test_an_event_with_too_many_actors_links_no_pairs():
    from graphbuild.model import Document, Event, Participant
    from graphbuild.network.actors import MAX_PAIRED_ACTORS

    doc = Document("d", "A crowd met.")
    people = tuple(Entity(f"p{i}", "Person", f"Person {i}") for i in range(MAX_PAIRED_ACTORS + 1))

    def event(eid, actors):
        return Event(eid, "Meeting", "met", participants=tuple(Participant("participant", p.id) for p in actors))

    crowd = actor_graph(GraphModel(documents=(doc,), entities=people, events=(event("v", people),)))
    assert crowd.number_of_edges() == 0 and crowd.number_of_nodes() == len(people)
    few = actor_graph(GraphModel(documents=(doc,), entities=people, events=(event("v", people[:MAX_PAIRED_ACTORS]),)))
    assert few.number_of_edges() == MAX_PAIRED_ACTORS * (MAX_PAIRED_ACTORS - 1) // 2


def test_quotes_and_evidence_mark_exactly_the_mentions_inside_them():
    from graphbuild.model import Document, Evidence, Quote
    from graphbuild.network.evidence import Sentences, by_doc, evidence_refs

    text = "Ann saw Bo. \"Bo and Cy left,\" Ann said. Cy and Ann stayed; Bo went home."
    doc = Document("d", text)
    at = lambda s, k=0: [i for i in range(len(text)) if text.startswith(s, i)][k]  # noqa: E731
    m = lambda s, k=0: Mention("d", at(s, k), at(s, k) + len(s), s, "PERSON", 0, len(text))  # noqa: E731
    ann, bo, cy = (Entity("a", "Person", "Ann", (), (m("Ann"), m("Ann", 1), m("Ann", 2))),
                   Entity("b", "Person", "Bo", (), (m("Bo"), m("Bo", 1), m("Bo", 2))),
                   Entity("c", "Person", "Cy", (), (m("Cy"), m("Cy", 1))))
    quote = Quote("q", "a", "Bo and Cy left,", "d", at("Bo and"), at("Bo and") + len("Bo and Cy left,"))
    graph = actor_graph(GraphModel(documents=(doc,), entities=(ann, bo, cy), quotes=(quote,)))
    assert {(u, v) for u, v, k in graph.edges(keys=True) if k == "quote"} == {("a", "b"), ("a", "c")}
    sentences = Sentences((doc,))
    spans = [(0, 11), (12, 40), (41, 59), (41, len(text))]
    mentions = by_doc([*ann.mentions, *bo.mentions])
    refs = evidence_refs(sentences, [Evidence("d", s, e, "r", 1.0) for s, e in spans], mentions)
    want = [sorted((x.start - s, x.end - s) for x in (*ann.mentions, *bo.mentions) if x.start >= s and x.end <= e)
            for s, e in spans]
    assert [[tuple(p) for p in r[1]] for r in refs] == [[tuple(p) for p in w] for w in want]
