"""The viewer's data: GraphModel + its networkx graph → one JSON-able dict.

Every string that came from an article (names, titles, sentences, quotes, document
titles and URLs) is plain data here; the page turns it into DOM text nodes, never HTML.
Sentences are stored once in `sentences` and referenced by index, each reference with
the character ranges to highlight (relative to the stored sentence text).

Shape (all ids are small integers so a 5,000-node graph stays compact):
  documents: [{title, date, url, source, id}]
  nodes:     [{id, key, label, group, kind, alt, titles, docs, score, rank, size, ev, more,
               quotes?, event?}]
  edges:     [{id, from, to, label, labels, kind, arrows, docs, ev, more}]
  sentences: [[doc index, text]]
  groups:    [{name, color, shape}]   (legend, in drawing order)
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

import networkx as nx

from graphbuild.model import Document, Evidence, GraphModel, Mention
from graphbuild.network.graph import GROUPS, edges as model_edges, importance

GROUP_STYLE = {  # colour-blind-safe Tableau 10 colours; shapes differ too
    "Person": ("#4e79a7", "dot"),
    "Organization": ("#f28e2b", "square"),
    "Place": ("#59a14f", "triangle"),
    "Event": ("#e15759", "diamond"),
    "Other": ("#9c9c9c", "dot"),
}
MAX_EVIDENCE = 12  # sentences per node or edge; the panel says how many more there are
MAX_SENTENCE = 500  # characters around the highlight kept from an over-long "sentence"
MAX_QUOTE = 1200
MIN_SIZE, MAX_SIZE = 10.0, 34.0


class _Sentences:
    """Interns (doc, start, end) spans of document text; crops long ones around marks."""

    def __init__(self, documents: Iterable[Document]):
        self.docs = {d.id: d for d in documents}
        self.doc_index = {d.id: i for i, d in enumerate(self.docs.values())}
        self.rows: list[list] = []
        self._seen: dict[tuple, int] = {}

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


def _utf16(text: str, lo: int, at: int) -> int:
    """The UTF-16 offset of `text[at]` counted from `text[lo]`."""
    part = text[lo:at]
    return len(part) if part.isascii() else len(part.encode("utf-16-le")) // 2


def _mention_refs(sentences: _Sentences, mentions: Iterable[Mention]) -> list[list]:
    by_sentence: dict[tuple, list] = defaultdict(list)
    for m in mentions:
        by_sentence[(m.doc_id, m.sentence_start, m.sentence_end)].append((m.start, m.end))
    refs = [sentences.ref(d, s, e, marks) for (d, s, e), marks in by_sentence.items()]
    return [r for r in refs if r is not None]


def _evidence_refs(sentences: _Sentences, evidence: Iterable[Evidence],
                   mentions: dict[str, list[Mention]]) -> list[list]:
    """Evidence sentences with the mentions (of the given docs) inside them marked."""
    refs, seen = [], set()
    for ev in evidence:
        if (ev.doc_id, ev.start, ev.end) in seen:
            continue
        seen.add((ev.doc_id, ev.start, ev.end))
        marks = [(m.start, m.end) for m in mentions.get(ev.doc_id, ())
                 if m.start >= ev.start and m.end <= ev.end]
        ref = sentences.ref(ev.doc_id, ev.start, ev.end, marks)
        if ref is not None:
            refs.append(ref)
    return refs


def _capped(refs: list[list]) -> tuple[list[list], int]:
    return refs[:MAX_EVIDENCE], max(0, len(refs) - MAX_EVIDENCE)


def _by_doc(mentions: Iterable[Mention]) -> dict[str, list[Mention]]:
    out: dict[str, list[Mention]] = defaultdict(list)
    for m in mentions:
        out[m.doc_id].append(m)
    return out


def build_payload(model: GraphModel, graph: nx.MultiDiGraph, *, fixed_layout: bool = False) -> dict:
    """The viewer data for `model` (whose network is `graph`, from `to_networkx`).
    `fixed_layout`: give every node x/y from `layout.positions` (physics off in the page)."""
    sentences = _Sentences(model.documents)
    doc_index = sentences.doc_index
    scores = importance(graph)
    order = sorted(graph.nodes, key=lambda n: (-scores.get(n, 0.0), graph.nodes[n]["label"].casefold(), n))
    rank = {n: i for i, n in enumerate(order)}
    node_id = {n: i for i, n in enumerate(graph.nodes)}
    labels = {n: graph.nodes[n]["label"] for n in graph.nodes}
    mentions_of: dict[str, list[Mention]] = {e.id: list(e.mentions) for e in model.entities}
    mentions_of.update({v.id: list(v.mentions) for v in model.events})

    quotes: dict[str, list] = defaultdict(list)
    for q in model.quotes:
        if q.speaker in node_id:
            quotes[q.speaker].append({"text": q.text[:MAX_QUOTE], "doc": doc_index.get(q.doc_id)})

    nodes = []
    for e in model.entities:
        if e.id not in node_id:
            continue
        nodes.append(_node(e.id, graph, node_id, scores, rank, doc_index, sentences, e.mentions,
                           alt=[a for a in e.alt_labels if a != e.label], titles=list(e.titles),
                           quotes=quotes.get(e.id)))
    for v in model.events:
        if v.id not in node_id:
            continue
        node = _node(v.id, graph, node_id, scores, rank, doc_index, sentences, v.mentions,
                     alt=[], titles=[], quotes=None)
        extra = _evidence_refs(sentences, v.evidence, _by_doc(v.mentions))
        refs = node.pop("_refs")
        known = {r[0] for r in refs}
        node["ev"], node["more"] = _capped(refs + [r for r in extra if r[0] not in known])
        node["event"] = {
            "times": [{"text": t.text, "value": t.value, "end": t.end} for t in v.times],
            "counts": [{"kind": c.kind, "value": c.value, "qualifier": c.qualifier} for c in v.counts],
            "places": [labels[p] for p in v.places if p in labels],
            "participants": [{"role": p.role, "label": labels[p.entity]} for p in v.participants
                             if p.entity in labels],
        }
        if v.mentions or v.evidence:
            node["docs"] = sorted({doc_index[m.doc_id] for m in (*v.mentions, *v.evidence) if m.doc_id in doc_index})
        nodes.append(node)
    for node in nodes:
        if "_refs" in node:
            node["ev"], node["more"] = _capped(node.pop("_refs"))
    nodes.sort(key=lambda n: n["id"])
    if fixed_layout:
        from graphbuild.network.layout import positions

        xy = positions(graph, scores)
        for node in nodes:
            node["x"], node["y"] = xy[node["key"]]

    return {
        "documents": [{"id": d.id, "title": d.title, "date": d.published.isoformat() if d.published else None,
                       "url": d.url, "source": d.source} for d in sentences.docs.values()],
        "nodes": nodes,
        "edges": _edges(model, node_id, doc_index, sentences, mentions_of),
        "sentences": sentences.rows,
        "groups": [{"name": g, "color": GROUP_STYLE[g][0], "shape": GROUP_STYLE[g][1]} for g in GROUPS],
    }


def _node(key, graph, node_id, scores, rank, doc_index, sentences, mentions, *, alt, titles, quotes) -> dict:
    data = graph.nodes[key]
    score = scores.get(key, 0.0)
    node = {
        "id": node_id[key], "key": key, "label": data["label"], "group": data["group"], "kind": data["kind"],
        "alt": alt, "titles": titles,
        "docs": sorted({doc_index[m.doc_id] for m in mentions if m.doc_id in doc_index}),
        "score": score, "rank": rank[key],
        "size": round(MIN_SIZE + (MAX_SIZE - MIN_SIZE) * score ** 0.5, 2),
        "_refs": _mention_refs(sentences, mentions),
    }
    if quotes:
        node["quotes"] = quotes
    return node


def _edges(model, node_id, doc_index, sentences, mentions_of) -> list[dict]:
    """Edges with the same ends are drawn once: labels joined ("head of · commander"),
    evidence combined."""
    merged: dict[tuple, dict] = {}
    for edge in model_edges(model):
        if edge.source not in node_id or edge.target not in node_id or edge.source == edge.target:
            continue
        item = merged.setdefault((edge.source, edge.target), {
            "from": node_id[edge.source], "to": node_id[edge.target], "label": "", "labels": [],
            "kind": edge.key, "evidence": [], "_ends": (edge.source, edge.target)})
        if edge.label not in item["labels"]:
            item["labels"].append(edge.label)
        item["evidence"].extend(edge.evidence)
    out = []
    for i, item in enumerate(merged.values()):
        source, target = item.pop("_ends")
        ends = [*mentions_of.get(source, ()), *mentions_of.get(target, ())]
        refs = _evidence_refs(sentences, item.pop("evidence"), _by_doc(ends))
        docs = sorted({sentences.rows[r[0]][0] for r in refs})
        item.update(id=i, arrows="to", docs=docs, label=" \u00b7 ".join(item["labels"]))
        item["ev"], item["more"] = _capped(refs)
        out.append(item)
    return out


__all__ = ["GROUP_STYLE", "MAX_EVIDENCE", "build_payload"]
