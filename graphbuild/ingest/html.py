"""The article text and metadata of an HTML page.

`extract_article`: trafilatura (a maintained article extractor: drops cookie banners,
share bars, related links, comments ...) finds the body; where it finds none, `extract`
is the fallback. Both read the page with a real HTML5 parser (lexbor via selectolax), so
optional end tags (`<p hidden>`), unterminated comments and broken nesting mean what a
browser makes of them.

`extract`: boilerplate containers (navigation, header, footer, aside, forms), non-text
elements (script, style, svg, ...), elements marked `hidden`, `aria-hidden="true"` or
`display:none`, and site chrome named by its class or id (cookie, share, related,
newsletter, comments, ...) are dropped with everything inside them. Block elements
become paragraph breaks, `<br>` a line break; other whitespace collapses as a browser
shows it (no-break spaces stay).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from selectolax.lexbor import LexborHTMLParser, LexborNode

DROPPED = frozenset(
    "script style noscript template nav header footer aside form iframe svg math object "
    "canvas select button dialog".split()
)
# ARIA landmark roles of site chrome (a <div role="navigation"> is a <nav>).
BOILERPLATE_ROLES = frozenset("navigation banner contentinfo complementary search dialog alert".split())
ARTICLE_ROOTS = frozenset(("article", "main"))
# Words in a class or id that name site chrome rather than the article.
CHROME_WORDS = frozenset(
    "cookie cookies consent gdpr share sharing social newsletter subscribe subscription signup "
    "related recommended promo advert advertisement ad ads sponsored comments comment breadcrumb "
    "breadcrumbs sidebar menu navbar paywall popup modal banner outbrain taboola".split())
_WORDS = re.compile(r"[a-z]+")
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
# Where pages state their publication date, most specific first.
PUBLISHED_KEYS = ("article:published_time", "og:article:published_time", "datepublished",
                  "dc.date.issued", "dcterms.issued", "dc.date", "dcterms.date", "pubdate", "date")
BLOCKS = frozenset(
    "address article blockquote dd details div dl dt fieldset figcaption figure h1 h2 h3 "
    "h4 h5 h6 hr li main ol p pre section summary table tbody thead tfoot tr td th caption "
    "ul body".split()
)
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
    author: str | None = None


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


MAX_DEPTH = 4096
# Elements that never close implicitly: their open-minus-close count bounds the depth.
_CONTAINER = re.compile(r"<(/?)(div|span|section|article|a|b|i|em|strong|font|table|blockquote|ul|ol)\b", re.I)


def nesting_depth(html: str) -> int:
    """An upper bound of how deep `html` nests its container elements (one regex pass):
    the HTML5 parser takes time quadratic in the depth, so a page nested 100k deep is
    refused instead of taking minutes."""
    depth = deepest = 0
    for match in _CONTAINER.finditer(html):
        depth = max(depth - 1, 0) if match.group(1) else depth + 1
        deepest = max(deepest, depth)
    return deepest


def extract_article(html: str) -> Page:
    """The article of `html`: trafilatura's body text where it finds one, else `extract`'s;
    metadata from the page's own tags, completed by trafilatura's (title, date, author,
    URL, site). trafilatura reads the page after our rules pruned it, so what they drop
    (navigation, hidden elements, ...) can never come back."""
    page, pruned = _extract(html)
    found = _trafilatura(pruned) if page.text.strip() else None
    if found is None:
        return page
    text = "\n\n".join(line.strip() for line in (found.get("text") or "").splitlines() if line.strip())
    return Page(
        text=text or page.text,
        title=page.title or found.get("title"),
        published=page.published or found.get("date"),
        url=page.url or found.get("url"),
        site=page.site or found.get("sitename"),
        author=page.author or found.get("author"),
    )


def _trafilatura(html: str) -> dict | None:
    import trafilatura

    try:
        found = trafilatura.bare_extraction(
            html, with_metadata=True, include_comments=False, include_tables=True,
            date_extraction_params={"extensive_search": False, "original_date": True})
        return found.as_dict() if found is not None and not isinstance(found, dict) else found
    except Exception:  # a page it cannot read: ours is the fallback, never a crash
        return None


def extract(html: str) -> Page:
    """The visible text of `html` (paragraphs separated by blank lines) and its metadata,
    by our own rules over the HTML5 parse (see the module docstring)."""
    return _extract(html)[0]


def _extract(html: str) -> tuple[Page, str]:
    """`extract`'s Page and the page's HTML with the dropped elements removed."""
    tree = LexborHTMLParser(html)
    meta = _metadata(tree)
    root = tree.root
    if root is None:
        return meta, ""
    for node in _dropped_nodes(root):
        node.decompose()
    page = Page(text=_Text().walk(root), title=meta.title, published=meta.published, url=meta.url,
                site=meta.site, author=meta.author)
    return page, tree.html or ""


def _dropped_nodes(root: LexborNode) -> list[LexborNode]:
    """The outermost elements our rules drop, found without recursion."""
    found, stack = [], [(root, 0)]
    while stack:
        node, in_article = stack.pop()
        if _tag(node).startswith("-"):
            continue
        if node is not root and _tag(node) not in ("head", "title", "meta", "link") and \
                _dropped(_tag(node), _attrs(node), bool(in_article)):
            found.append(node)
            continue
        depth = in_article + (_tag(node) in ARTICLE_ROOTS)
        stack.extend((child, depth) for child in node.iter(include_text=False))
    return found


def _metadata(tree: LexborHTMLParser) -> Page:
    meta: dict[str, str] = {}
    for node in tree.css("meta"):
        a = _attrs(node)
        key = (a.get("property") or a.get("name") or a.get("itemprop") or "").lower()
        if key and a.get("content", "").strip() and key not in meta:
            meta[key] = a["content"].strip()
    canonical = next((a["href"].strip() for a in map(_attrs, tree.css("link"))
                      if "canonical" in a.get("rel", "").lower().split() and a.get("href", "").strip()), None)
    time = next((a["datetime"].strip() for a in map(_attrs, tree.css("time")) if a.get("datetime", "").strip()), None)
    title_node = tree.css_first("title")
    title = _COLLAPSIBLE.sub(" ", title_node.text() if title_node else "").strip()
    return Page(
        text="",
        title=meta.get("og:title") or title or None,
        published=next((meta[k] for k in PUBLISHED_KEYS if k in meta), time),
        url=canonical or meta.get("og:url"),
        site=meta.get("og:site_name"),
        author=meta.get("author") or meta.get("article:author"),
    )


def _tag(node: LexborNode) -> str:
    """The node's tag; "-" for nodes lexbor gives none (a processing instruction `<?x?>`)."""
    return node.tag or "-"


def _attrs(node: LexborNode) -> dict[str, str]:
    return {k.lower(): (v or "") for k, v in node.attributes.items()}


def _dropped(tag: str, a: dict[str, str], in_article: bool) -> bool:
    """Boilerplate or invisible: dropped with everything inside it. A <header> inside an
    article is the article's own (its headline), not the site's."""
    if tag == "header" and in_article:
        return False
    if tag in DROPPED or "hidden" in a or a.get("aria-hidden", "").lower() == "true":
        return True
    if a.get("role", "").lower() in BOILERPLATE_ROLES or _HIDDEN_STYLE.search(a.get("style", "")):
        return True
    words = set(_WORDS.findall((a.get("class", "") + " " + a.get("id", "")).lower()))
    return bool(words & CHROME_WORDS) and tag not in ("body", "html", "article", "main")


class _Text:
    """Visible text by a walk with an explicit stack (a page nested 100k deep must not
    hit the recursion limit)."""

    def __init__(self) -> None:
        self.blocks: list[str] = []
        self.lines: list[str] = []
        self.line: list[str] = []
        self.pre = 0

    def walk(self, root: LexborNode) -> str:
        stack: list[tuple[LexborNode, bool, int]] = [(root, False, 0)]
        while stack:
            node, leaving, in_article = stack.pop()
            tag = _tag(node)
            if leaving:
                self._leave(tag)
            elif tag == "-text":
                self._data(node.text(deep=False))
            elif tag == "br":
                self._end_line()
            elif tag.startswith("-") or tag in ("head", "title"):
                continue  # comments, doctype, the head (dropped regions are gone already)
            else:
                if tag in BLOCKS:
                    self._end_block()
                self.pre += tag == "pre"
                depth = in_article + (tag in ARTICLE_ROOTS)
                stack.append((node, True, depth))
                children = list(node.iter(include_text=True))
                stack.extend((child, False, depth) for child in reversed(children))
        self._end_block()
        return "\n\n".join(self.blocks)

    def _leave(self, tag: str) -> None:
        if tag in BLOCKS:
            self._end_block()
        if tag == "pre" and self.pre:
            self.pre -= 1

    def _data(self, data: str) -> None:
        if self.pre:
            first, *rest = data.split("\n")
            self.line.append(first)
            for part in rest:
                self._end_line()
                self.line.append(part)
        else:
            self.line.append(data)

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
