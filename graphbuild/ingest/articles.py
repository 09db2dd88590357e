"""One article's bytes to a Document: plain text, Markdown or HTML.

Document.text is what the parser and every offset work on: for text and Markdown the
decoded input exactly as given, for HTML the visible text `html.extract` produces.
Metadata comes from, in order of trust: the sidecar, what the page says of itself, the
caller's fallback (`--published`).
"""
from __future__ import annotations

import re
from datetime import date

from graphbuild.errors import InputError
from graphbuild.ingest.decode import decode
from graphbuild.ingest.html import MAX_DEPTH, declared_charset, extract_article, nesting_depth
from graphbuild.ingest.meta import TITLE_MAX_CHARS, Meta, lenient_date
from graphbuild.model import Document

TEXT_SUFFIXES = (".txt", ".text")
MARKDOWN_SUFFIXES = (".md", ".markdown")
HTML_SUFFIXES = (".html", ".htm", ".xhtml")
_MD_HEADING = re.compile(r"\A\s*#{1,6}[ \t]+(?P<title>[^\n]+?)[ \t#]*(?:\n|\Z)")
# A headline: a short first line followed by a blank line (news copy pasted as text).
_HEADLINE = re.compile(r"\A\s*(?P<title>[^\n]+?)[ \t]*\r?\n[ \t]*\r?\n\s*\S")


def kind_of(suffix: str) -> str | None:
    """"text" | "markdown" | "html" for an article suffix, else None."""
    suffix = suffix.lower()
    if suffix in TEXT_SUFFIXES:
        return "text"
    if suffix in MARKDOWN_SUFFIXES:
        return "markdown"
    if suffix in HTML_SUFFIXES:
        return "html"
    return None


def article(data: bytes, kind: str, source: str, *, doc_id: str, sidecar: Meta = Meta(),
            published: date | None = None, encoding: str | None = None,
            notes: list[str] | None = None) -> Document:
    """The Document `doc_id` of one article of `kind` ("text" | "markdown" | "html").

    The sidecar's values win, then what the document says of itself (HTML metadata, a
    headline), then `published` as the fallback date. Raises InputError (empty, binary,
    undecodable, no visible text) naming `source`; what was repaired on the way (bad
    UTF-8 bytes) is appended to `notes`."""
    if kind == "html":
        text = decode(data, source, encoding=encoding, declared=declared_charset(data), notes=notes)
        if nesting_depth(text) > MAX_DEPTH:
            raise InputError("GB244", source, max_depth=MAX_DEPTH)
        page = extract_article(text)
        if not page.text.strip():
            raise InputError("GB245", source)
        own = Meta(title=page.title, published=lenient_date(page.published), url=page.url, source=page.site)
        text = page.text
    else:
        text = decode(data, source, encoding=encoding, notes=notes)
        own = Meta(title=first_title(text, markdown=kind == "markdown"))
    meta = sidecar.over(own).over(Meta(id=doc_id, published=published))
    return Document(id=meta.id or doc_id, text=text, title=meta.title, published=meta.published,
                    url=meta.url, source=meta.source, path=source)


def first_title(text: str, *, markdown: bool = False) -> str | None:
    """A title the text states: a leading `# heading` (Markdown), else a short first
    line standing alone as a paragraph (a headline)."""
    match = (_MD_HEADING.match(text) if markdown else None) or _HEADLINE.match(text)
    if not match:
        return None
    title = match.group("title").strip()
    if markdown:
        title = title.lstrip("#").strip()
    if not markdown and title.endswith("."):
        return None  # a one-sentence paragraph, not a headline
    return title if 0 < len(title) < TITLE_MAX_CHARS else None
