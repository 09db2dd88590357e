"""Hand-built parses for mention and resolution tests: a Doc with chosen entities."""
from __future__ import annotations

from spacy.tokens import Doc

from graphbuild.model import Document
from graphbuild.nlp.normalize import OffsetMap
from graphbuild.nlp.parse import ParsedDocument


def parsed_with(nlp, text: str, ents: list[tuple[str, str] | tuple[str, str, int]], doc_id: str = "d1") -> ParsedDocument:
    """`text` tokenized by `nlp` with the entities `ents` ((surface, label[, n-th
    occurrence])) and one sentence per line, as if the model had tagged them."""
    doc: Doc = nlp.make_doc(text)
    spans = []
    for item in ents:
        surface, label, nth = (*item, 0) if len(item) == 2 else item
        start = -1
        for _ in range(nth + 1):
            start = text.index(surface, start + 1)
        span = doc.char_span(start, start + len(surface), label=label)
        assert span is not None, surface
        spans.append(span)
    doc.ents = spans
    for i, token in enumerate(doc):
        token.is_sent_start = i == 0 or "\n" in doc[i - 1].text or doc[i - 1].text in ".!?"
    return ParsedDocument(Document(doc_id, text), doc, OffsetMap())
