"""Evidence for the viewer: sentences of the articles, stored once, referenced by index.

Every string that came from an article is plain data here; the page turns it into DOM
text nodes, never HTML. A reference is [sentence index, [[start, end], ...]] with the
character ranges to highlight counted in UTF-16 units (as JavaScript indexes strings).
"""
from __future__ import annotations

import bisect
from collections import defaultdict
from collections.abc import Callable, Iterable

from graphbuild.model import Document, Evidence, Mention

MAX_EVIDENCE = 12  # sentences per node or edge; the panel says how many more there are
MAX_SENTENCE = 500  # characters around the highlight kept from an over-long "sentence"
MAX_QUOTE = 1200


class Sentences:
    """Interns (doc, start, end) spans of document text; crops long ones around marks."""

    def __init__(self, documents: Iterable[Document]):
        self.docs = {d.id: d for d in documents}
        self.doc_index = {d.id: i for i, d in enumerate(self.docs.values())}
        self.rows: list[list] = []
        self._seen: dict[tuple, int] = {}
        self._spans: dict[tuple, tuple[int, int] | None] = {}  # (doc, start, end) -> stripped span

    def ref(self, doc_id: str, start: int, end: int, marks: Iterable[tuple[int, int]]) -> list | None:
        doc = self.docs.get(doc_id)
        if doc is None or not (0 <= start < end <= len(doc.text)):
            return None
        text = doc.text
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start == end:
            return None
        marks = sorted({(max(s, start), min(e, end)) for s, e in marks if s < end and e > start and s >= start})
        lo, hi = start, end
        if end - start > MAX_SENTENCE:
            anchor = marks[0][0] if marks else start
            lo = max(start, anchor - MAX_SENTENCE // 3)
            hi = min(end, lo + MAX_SENTENCE)
            marks = [(s, e) for s, e in marks if s >= lo and e <= hi]
        key = (doc_id, lo, hi)
        if key not in self._seen:
            self._seen[key] = len(self.rows)
            self.rows.append([self.doc_index[doc_id], doc.text[lo:hi]])
        # JavaScript indexes strings in UTF-16 code units, Python in code points.
        return [self._seen[key], [[_utf16(text, lo, s), _utf16(text, lo, e)] for s, e in marks]]


    def _stripped(self, doc_id: str, start: int, end: int) -> tuple[int, int] | None:
        """The span `ref` reads (spaces at its ends left out), None when `ref` gives None."""
        key = (doc_id, start, end)
        if key in self._spans:
            return self._spans[key]
        doc = self.docs.get(doc_id)
        span = None
        if doc is not None and 0 <= start < end <= len(doc.text):
            text = doc.text
            while start < end and text[start].isspace():
                start += 1
            while end > start and text[end - 1].isspace():
                end -= 1
            span = (start, end) if start < end else None
        self._spans[key] = span
        return span

    def index(self, doc_id: str, start: int, end: int, marks: Callable[[], Iterable[tuple[int, int]]]) -> int | None:
        """`ref(doc_id, start, end, marks())[0]`, the row interned as `ref` interns it, with
        `marks` called only for a sentence long enough to be cropped around them."""
        span = self._stripped(doc_id, start, end)
        if span is None:
            return None
        if span[1] - span[0] > MAX_SENTENCE:
            return self.ref(doc_id, start, end, marks())[0]
        key = (doc_id, *span)
        found = self._seen.get(key)
        if found is None:
            found = self._seen[key] = len(self.rows)
            self.rows.append([self.doc_index[doc_id], self.docs[doc_id].text[span[0]:span[1]]])
        return found


def _utf16(text: str, lo: int, at: int) -> int:
    """The UTF-16 offset of `text[at]` counted from `text[lo]`."""
    part = text[lo:at]
    return len(part) if part.isascii() else len(part.encode("utf-16-le")) // 2


def mention_refs(sentences: Sentences, mentions: Iterable[Mention]) -> list[list]:
    by_sentence: dict[tuple, list] = defaultdict(list)
    for m in mentions:
        by_sentence[(m.doc_id, m.sentence_start, m.sentence_end)].append((m.start, m.end))
    refs = [sentences.ref(d, s, e, marks) for (d, s, e), marks in by_sentence.items()]
    return [r for r in refs if r is not None]


def unique(refs: list[list]) -> list[list]:
    seen, out = set(), []
    for r in refs:
        if r[0] not in seen:
            seen.add(r[0])
            out.append(r)
    return out


def evidence_refs(sentences: Sentences, evidence: Iterable[Evidence],
                   mentions: dict[str, list[Mention]]) -> list[list]:
    """Evidence sentences with the mentions (of the given docs) inside them marked."""
    refs, seen = [], set()
    spans = {doc_id: sorted((m.start, m.end) for m in found) for doc_id, found in mentions.items()}
    for ev in evidence:
        if (ev.doc_id, ev.start, ev.end) in seen:
            continue
        seen.add((ev.doc_id, ev.start, ev.end))
        # Mentions that start inside the evidence, by bisection (a long article has many of both).
        rows = spans.get(ev.doc_id, [])
        inside = rows[bisect.bisect_left(rows, (ev.start, -1)):bisect.bisect_right(rows, (ev.end, ev.end))]
        marks = [(s, e) for s, e in inside if e <= ev.end]
        ref = sentences.ref(ev.doc_id, ev.start, ev.end, marks)
        if ref is not None:
            refs.append(ref)
    return refs


def capped_evidence(sentences: Sentences, evidence: Iterable[Evidence],
                    marks: Callable[[Evidence], list[tuple[int, int]]]) -> tuple[list[list], int, list[int]]:
    """`capped(unique(evidence_refs(...)))` (the mentions' marks of an evidence given by
    `marks`) and the sorted document indices of every sentence, not only the kept ones;
    the same rows interned in the same order, but the marks made for the kept refs only."""
    first: list[tuple[int, Evidence]] = []  # (row, the first evidence read from it)
    rows, spans = set(), set()
    for ev in evidence:
        span = (ev.doc_id, ev.start, ev.end)
        if span in spans:
            continue
        spans.add(span)
        row = sentences.index(ev.doc_id, ev.start, ev.end, lambda ev=ev: marks(ev))
        if row is not None and row not in rows:
            rows.add(row)
            first.append((row, ev))
    kept = [sentences.ref(ev.doc_id, ev.start, ev.end, marks(ev)) for _, ev in first[:MAX_EVIDENCE]]
    return kept, max(0, len(first) - MAX_EVIDENCE), sorted({sentences.rows[row][0] for row in rows})


def capped(refs: list[list]) -> tuple[list[list], int]:
    return refs[:MAX_EVIDENCE], max(0, len(refs) - MAX_EVIDENCE)


def by_doc(mentions: Iterable[Mention]) -> dict[str, list[Mention]]:
    out: dict[str, list[Mention]] = defaultdict(list)
    for m in mentions:
        out[m.doc_id].append(m)
    return out




__all__ = ["MAX_EVIDENCE", "MAX_QUOTE", "by_doc", "capped", "capped_evidence", "evidence_refs", "mention_refs", "unique",
           "Sentences"]
