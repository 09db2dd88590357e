"""The HTML network in a real browser: offline, quiet, searchable, clickable, XSS-proof."""
from __future__ import annotations

import pytest

from graphbuild.network.html import render_html
from tests.browser.models import BREAKOUT, TEMPLATE, XSS, small_model, xss_model

pytestmark = pytest.mark.browser


def _write(tmp_path, model, name="graph.html", **kw):
    path = tmp_path / name
    path.write_text(render_html(model, **kw), encoding="utf-8")
    return path


def _node_id(page, key: str) -> int:
    return page.evaluate("k => window.graphbuild.data.nodes.find(n => n.key === k).id", key)


def _click_node(page, node: int) -> None:
    """A real mouse click on the node where vis drew it."""
    box = page.locator("#network").bounding_box()
    xy = page.evaluate("id => { const n = window.graphbuild.network; return n.canvasToDOM(n.getPositions([id])[id]); }", node)
    page.mouse.click(box["x"] + xy["x"], box["y"] + xy["y"])


def _panel_text(page) -> str:
    return page.locator("#panel-body").inner_text()


@pytest.fixture
def small(tmp_path, open_page):
    return open_page(_write(tmp_path, small_model()))


def test_page_is_offline_quiet_and_draws_every_node(small, artifacts):
    page = small.page
    assert small.errors == []
    assert small.requests == [small.url]  # the file itself and nothing else
    model = small_model()
    expected = len(model.entities) + len(model.events)
    assert page.evaluate("window.graphbuild.nodes.length") == expected
    assert page.evaluate("Object.keys(window.graphbuild.network.getPositions()).length") == expected
    assert page.get_attribute("body", "data-nodes-shown") == str(expected)
    assert page.evaluate("window.graphbuild.network.body.nodeIndices.length") == expected
    assert page.evaluate("window.graphbuild.network.physics.physicsEnabled") is False  # settled
    assert "Person (2)" in page.locator("#legend").inner_text()
    page.screenshot(path=str(artifacts / "viewer-small.png"))


def test_search_finds_a_node_by_any_spelling_and_focuses_it(small):
    page = small.page
    soleimani = _node_id(page, "p1")
    for query in ("Qasem Soleimani", "qásem SOLEIMANI", "Qassem"):
        page.fill("#search", query)
        page.press("#search", "Enter")
        assert page.evaluate("window.graphbuild.network.getSelectedNodes()") == [soleimani]
        assert page.locator("#panel-body h2").inner_text() == "Qassem Soleimani"
    page.fill("#search", "IRGC")
    assert "Islamic Revolutionary Guards Corps" in page.locator("#search-results").inner_text()
    page.locator("#search-results button").first.click()
    assert page.locator("#panel-body h2").inner_text() == "Islamic Revolutionary Guards Corps"


def test_clicking_a_node_shows_its_evidence_with_the_mention_marked(small, artifacts):
    page = small.page
    _click_node(page, _node_id(page, "p2"))
    assert page.locator("#panel").is_visible()
    text = _panel_text(page)
    assert "Hossein Salami" in text and "commander" in text
    assert "the commander of the Islamic Revolutionary Guards Corps, spoke in Kerman." in text
    assert "We will take revenge," in text  # the quote
    assert page.locator("#panel-body mark").first.inner_text() == "Hossein Salami"
    link = page.locator("#panel-body .source a").first
    assert link.get_attribute("href") == "https://example.org/a" and link.inner_text() == "Soleimani killed"
    page.screenshot(path=str(artifacts / "viewer-panel.png"))


def test_clicking_an_edge_shows_its_relation_and_evidence(small):
    page = small.page
    a, b = _node_id(page, "p2"), _node_id(page, "o1")
    box = page.locator("#network").bounding_box()
    mid = page.evaluate("""([a, b]) => { const n = window.graphbuild.network, p = n.getPositions([a, b]);
        return n.canvasToDOM({x: (p[a].x + p[b].x) / 2, y: (p[a].y + p[b].y) / 2}); }""", [a, b])
    page.mouse.click(box["x"] + mid["x"], box["y"] + mid["y"])
    text = _panel_text(page)
    assert "head of \u00b7 commander" in text
    assert [m.inner_text() for m in page.locator("#panel-body mark").all()][:2] == [
        "Hossein Salami", "Islamic Revolutionary Guards Corps"]


def test_an_empty_graph_still_loads(tmp_path, open_page):
    from graphbuild.model import GraphModel

    loaded = open_page(_write(tmp_path, GraphModel()))
    assert loaded.errors == [] and loaded.page.get_attribute("body", "data-nodes-shown") == "0"


def test_event_panel_shows_date_numbers_and_place(small):
    page = small.page
    page.evaluate("id => window.graphbuild.showNode(id)", _node_id(page, "v1"))
    text = _panel_text(page)
    assert "2020-01-07" in text and "56 dead" in text and "Kerman" in text and "Stampede" in text


def test_filters_by_class_document_and_count(small):
    page = small.page
    page.locator("#legend label", has_text="Place").locator("input").uncheck()
    assert page.get_attribute("body", "data-nodes-shown") == "5"
    page.locator("#legend label", has_text="Place").locator("input").check()
    page.locator("#documents label", has_text="Soleimani killed").locator("input").uncheck()
    # Only nodes mentioned in the second article remain.
    assert page.get_attribute("body", "data-nodes-shown") == "4"
    page.locator("#documents label", has_text="Soleimani killed").locator("input").check()
    page.evaluate("window.graphbuild.setLimit(3)")
    assert page.get_attribute("body", "data-nodes-shown") == "3"
    assert page.evaluate("window.graphbuild.nodes.get({filter: n => !n.hidden}).length") == 3


def test_untrusted_text_executes_nothing_and_shows_literally(tmp_path, open_page, artifacts):
    loaded = open_page(_write(tmp_path, xss_model(), title=f"{XSS}{TEMPLATE}"))
    page = loaded.page
    assert loaded.errors == [] and loaded.requests == [loaded.url]
    assert page.title() == f"{XSS}{TEMPLATE}"
    for key in ("x1", "x2", "x3"):
        _click_node(page, _node_id(page, key))
        page.wait_for_timeout(50)
    page.evaluate("id => window.graphbuild.showNode(id)", _node_id(page, "x1"))
    text = _panel_text(page)
    assert XSS in text and BREAKOUT in text and TEMPLATE in text and "49" not in text
    assert page.locator("#panel-body mark").first.inner_text() == XSS
    page.evaluate("window.graphbuild.showEdge(0)")
    assert XSS in _panel_text(page)
    page.fill("#search", "{{7*7}}")
    page.press("#search", "Enter")
    assert page.evaluate("window.__xss") is None
    assert page.locator("img").count() == 0 and page.locator("b").count() == 0
    assert page.locator("a").count() == 0  # the javascript: URL never becomes a link
    assert page.locator("script").count() == 3
    assert page.locator("h1").inner_text() == f"{XSS}{TEMPLATE}"
    page.screenshot(path=str(artifacts / "viewer-xss.png"))


def test_sample_build_page(sample_build, open_page, artifacts):
    """The real `graphbuild build` of the bundled samples."""
    loaded = open_page(sample_build.outputs["html"])
    page = loaded.page
    assert loaded.errors == [] and loaded.requests == [loaded.url]
    model = sample_build.model
    expected = len(model.entities) + len(model.events)
    assert page.evaluate("Object.keys(window.graphbuild.network.getPositions()).length") == expected
    assert page.get_attribute("body", "data-nodes-shown") == str(expected)
    for spelling in ("Qasem Soleimani", "Qassem Soleimani"):
        found = page.evaluate("q => window.graphbuild.find(q)", spelling)
        assert found is not None, spelling
        assert "Soleimani" in page.locator("#panel-body h2").inner_text()
        assert page.locator("#panel-body mark").count() > 0
    page.screenshot(path=str(artifacts / "viewer-samples.png"), full_page=True)
