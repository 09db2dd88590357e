"""Hostile HTML: what a browser shows is what is read. Optional end tags, unterminated
comments and broken markup mean what the HTML5 parser makes of them; site chrome named
only by classes is not article text; the page's metadata fills what the record lacks."""
from __future__ import annotations

from datetime import date

from graphbuild.errors import InputError
from graphbuild.ingest import read_inputs
from graphbuild.ingest.html import extract, extract_article
from graphbuild.model import Document

BODY = ("<p>Angela Merkel met Emmanuel Macron in Berlin on Monday to discuss trade and the "
        "future of the European Union, officials said after the talks.</p>"
        "<p>The two leaders later spoke to reporters outside the Chancellery.</p>")


def test_a_hidden_element_with_an_optional_end_tag_hides_only_itself():
    page = extract("<body><p hidden>Secret<p>Visible one.<ul><li aria-hidden=true>Icon<li>Item.</ul></body>")
    assert page.text == "Visible one.\n\nItem."


def test_an_unterminated_comment_leaks_nothing():
    page = extract("<body><p>Before.</p><!-- Donald Trump said <p>nothing")
    assert page.text == "Before."


def test_broken_markup_never_raises():
    for html in ("<![title>", "<!DOCTYPE", "<p <p <p>", "</div></div>x", "<svg><p>y", "<table><td>z",
                 "<" * 10_000, "<div>" * 3_000 + "deep" + "</div>" * 3_000):
        extract(html)
        extract_article(html)
    assert extract("<div>" * 3_000 + "deep").text == "deep"  # no recursion limit


def test_html_nested_100k_deep_is_refused_quickly(tmp_path):
    (tmp_path / "deep.html").write_text("<div>" * 100_000 + "deep" + "</div>" * 100_000)
    (tmp_path / "flat.html").write_text("<p>para" * 20_000)  # many tags, not deep
    deep, flat = read_inputs([str(tmp_path)])
    assert isinstance(deep, InputError) and "nested more than 4,096 elements deep" in deep.problem
    assert isinstance(flat, Document)


def test_site_chrome_named_by_classes_is_dropped():
    html = ("<html><body><div class='cookie-banner'>We use cookies. Accept Google Analytics?</div>"
            "<div class='share-bar'>Share on Facebook Twitter</div><article>" + BODY +
            "<div id='related-links'><a>Vladimir Putin visits Paris</a></div></article>"
            "<div class='newsletter-box'>Subscribe to Reuters Daily</div>"
            "<section class='comments'><p>John Smith wrote: Boris Johnson!</p></section></body></html>")
    for text in (extract(html).text, extract_article(html).text):
        assert "Angela Merkel met Emmanuel Macron" in text
        for chrome in ("cookies", "Facebook", "Putin", "Reuters", "Johnson"):
            assert chrome not in text, (chrome, text)


def test_page_metadata_fills_what_the_record_lacks(tmp_path):
    html = ("<html><head><title>Leaders meet in Berlin</title>"
            "<meta name='author' content='Jane Doe'>"
            "<meta property='article:published_time' content='2020-01-07T10:00:00Z'>"
            "<link rel='canonical' href='https://news.example.org/a/1'></head>"
            "<body><article>" + BODY + "</article></body></html>")
    (tmp_path / "page.html").write_text(html)
    [doc] = read_inputs([str(tmp_path / "page.html")], published=date(1999, 1, 1))
    assert isinstance(doc, Document)
    assert (doc.title, doc.published, doc.url) == ("Leaders meet in Berlin", date(2020, 1, 7),
                                                   "https://news.example.org/a/1")
    assert extract_article(html).author == "Jane Doe"
    (tmp_path / "page.meta.json").write_text('{"title": "Given", "url": "https://given.example/"}')
    [doc] = read_inputs([str(tmp_path / "page.html")])
    assert (doc.title, doc.url) == ("Given", "https://given.example/")  # the record wins


def test_a_page_of_chrome_only_has_no_visible_text(tmp_path):
    (tmp_path / "p.html").write_text("<body><div class='cookie-consent'>Accept</div><nav>Menu</nav></body>")
    [item] = read_inputs([str(tmp_path / "p.html")])
    assert isinstance(item, InputError) and "no visible text" in item.problem
