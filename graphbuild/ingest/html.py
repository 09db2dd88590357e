"""The visible text and metadata of an HTML page, with the standard library's parser.

Boilerplate containers (navigation, header, footer, aside, forms) and non-text elements
(script, style, svg, ...) are dropped with everything inside them, as are elements marked
`hidden` or `aria-hidden="true"`. Block elements become paragraph breaks, `<br>` a line
break; other whitespace collapses as a browser shows it (no-break spaces stay).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser

DROPPED = frozenset(
    "script style noscript template nav header footer aside form iframe svg math object "
    "canvas select button dialog".split()
)
# ARIA landmark roles of site chrome (a <div role="navigation"> is a <nav>).
BOILERPLATE_ROLES = frozenset("navigation banner contentinfo complementary search dialog alert".split())
ARTICLE_ROOTS = frozenset(("article", "main"))
# Where pages state their publication date, most specific first.
PUBLISHED_KEYS = ("article:published_time", "og:article:published_time", "datepublished",
                  "dc.date.issued", "dcterms.issued", "dc.date", "dcterms.date", "pubdate", "date")
BLOCKS = frozenset(
    "address article blockquote dd details div dl dt fieldset figcaption figure h1 h2 h3 "
    "h4 h5 h6 hr li main ol p pre section summary table tbody thead tfoot tr td th caption "
    "ul body".split()
)
# Elements without an end tag: they can never open a dropped region.
VOID = frozenset("area base br col embed hr img input link meta param source track wbr".split())
_COLLAPSIBLE = re.compile(r"[ \t\n\r\f]+")  # HTML whitespace; U+00A0 is not in it
_CLOSING_TAG = re.compile(r"</(?:p|div|body|html|article|section|span|a|h[1-6]|li|ul|table|main)\s*>")
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)


@dataclass(frozen=True)
class Page:
    text: str
    title: str | None = None
    published: str | None = None  # as the page states it; parsed by the caller
    url: str | None = None
    site: str | None = None


def declared_charset(data: bytes) -> str | None:
    """The charset a page declares in a `<meta>` tag near its start, if any."""
    match = _CHARSET.search(data[:4096])
    return match.group(1).decode("ascii") if match else None


def looks_like_html(text: str) -> bool:
    """True for text that starts like an HTML document or fragment (used for stdin)."""
    head = text.lstrip()[:4096].lower()
    if head.startswith(("<!doctype html", "<html", "<head", "<body")):
        return True
    return head.startswith("<") and _CLOSING_TAG.search(head) is not None


def extract(html: str) -> Page:
    """The visible text of `html` (paragraphs separated by blank lines) and its metadata."""
    parser = _TextParser()
    parser.feed(html)
    parser.close()
    return parser.page()


class _TextParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[str] = []
        self.lines: list[str] = []
        self.line: list[str] = []
        self.skip_tag: str | None = None  # the element whose contents are being dropped
        self.skip_depth = 0
        self.pre = 0
        self.in_head = False
        self.in_title = False
        self.title: list[str] = []
        self.meta: dict[str, str] = {}
        self.time: str | None = None
        self.canonical: str | None = None
        self.in_article = 0  # open <article>/<main> elements

    def _dropped(self, tag: str, a: dict[str, str]) -> bool:
        """Boilerplate or invisible: dropped with everything inside it. A <header> inside
        an article is the article's own (its headline), not the site's."""
        if tag == "header" and self.in_article:
            return False
        return (tag in DROPPED or "hidden" in a or a.get("aria-hidden") == "true"
                or a.get("role", "").lower() in BOILERPLATE_ROLES)

    # -- structure -------------------------------------------------------------------
    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k.lower(): (v or "") for k, v in attrs}
        if self.skip_tag:
            self.skip_depth += tag == self.skip_tag
            return
        if tag not in VOID and self._dropped(tag, a):
            self.skip_tag, self.skip_depth = tag, 1
            return
        if tag in ARTICLE_ROOTS:
            self.in_article += 1
        if tag == "head":
            self.in_head = True
        elif tag == "title":
            self.in_title = True
        elif tag == "meta":
            key = (a.get("property") or a.get("name") or a.get("itemprop") or "").lower()
            if key and a.get("content") and key not in self.meta:
                self.meta[key] = a["content"].strip()
        elif tag == "link" and "canonical" in a.get("rel", "").lower().split() and a.get("href"):
            self.canonical = self.canonical or a["href"].strip()
        elif tag == "time" and a.get("datetime") and self.time is None:
            self.time = a["datetime"].strip()
        elif tag == "br":
            self._end_line()
        elif tag == "body":
            self.in_head = False
        if tag in BLOCKS:
            self.in_head = False  # a block element starts the body even without <body>
            self._end_block()
        if tag == "pre":
            self.pre += 1

    def handle_endtag(self, tag: str) -> None:
        if self.skip_tag:
            if tag == self.skip_tag:
                self.skip_depth -= 1
                if self.skip_depth == 0:
                    self.skip_tag = None
            return
        if tag == "head":
            self.in_head = False
        elif tag == "title":
            self.in_title = False
        elif tag in ARTICLE_ROOTS and self.in_article:
            self.in_article -= 1
        if tag in BLOCKS:
            self._end_block()
        if tag == "pre" and self.pre:
            self.pre -= 1

    def handle_data(self, data: str) -> None:
        if self.skip_tag:
            return
        if self.in_title:
            self.title.append(data)
        elif self.in_head:
            return
        elif self.pre:
            first, *rest = data.split("\n")
            self.line.append(first)
            for part in rest:
                self._end_line()
                self.line.append(part)
        else:
            self.line.append(data)

    # -- assembly --------------------------------------------------------------------
    def _end_line(self) -> None:
        raw = "".join(self.line)
        self.line = []
        text = raw.rstrip() if self.pre else _COLLAPSIBLE.sub(" ", raw).strip(" ")
        if text.strip():
            self.lines.append(text)

    def _end_block(self) -> None:
        self._end_line()
        if self.lines:
            self.blocks.append("\n".join(self.lines))
        self.lines = []

    def page(self) -> Page:
        self._end_block()
        title = _COLLAPSIBLE.sub(" ", "".join(self.title)).strip()
        return Page(
            text="\n\n".join(self.blocks),
            title=self.meta.get("og:title") or title or None,
            published=next((self.meta[k] for k in PUBLISHED_KEYS if k in self.meta), self.time),
            url=self.canonical or self.meta.get("og:url"),
            site=self.meta.get("og:site_name"),
        )
