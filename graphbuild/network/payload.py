"""The viewer's data: a NetworkView → one JSON-able dict (see `build_payload`).

Shape (all ids are small integers so a 5,000-node graph stays compact):
  documents: [{title, date, url, source, id}]
  nodes:     [{id, key, label, group, kind, kindLabel, alt, titles, docs, score, rank, size,
               font, x, y, linked, dates, ev, more, iri?, quotes?, event?}]  (iri: actors)
             actors first (ranked in the actor network), then events; `linked`: has an
             actor edge; `dates`: the days of its events (actors) or its [first, last] day
  edges:     [{id, from, to, label, labels, kind, layer, arrows, weight, events, docs, ev, more}]
             layer "actor" (relation, event = co-participation, quote) or "event"
             (participant, place, eventlink: drawn when events are shown as nodes)
  events:    [node id, ...] the event nodes by date, undated last (the timeline)
  dates:     [first day, last day] of the dated events, or null
  sentences: [[doc index, text]]
  groups:    [{name, color, shape}]   (legend, in drawing order)
"""
from __future__ import annotations

from collections import defaultdict

from graphbuild.iri import entity_iri
from graphbuild.model import HAPPENED, Evidence
from graphbuild.network.actors import active_dates
from graphbuild.network.evidence import (
    MAX_QUOTE, Sentences, by_doc, capped, capped_evidence, evidence_refs, mention_refs, unique,
)
from graphbuild.network.graph import GROUPS, class_label, edges as model_edges
from graphbuild.network.view import GROUP_STYLE, NetworkView, day_range
from graphbuild.settings import DEFAULT_BASE_IRI


def build_payload(view: NetworkView, base_iri: str = DEFAULT_BASE_IRI) -> dict:
    """The viewer data for `view` (its model, graphs, scores and positions); actors carry
    their IRI under `base_iri` (the panel's correction commands name it)."""
    model = view.model
    sentences = Sentences(model.documents)
    actors = [e for e in model.entities if e.id in view.full]
    events = [v for v in model.events if v.id in view.full]
    rank_key = lambda k: (-view.scores.get(k, 0.0), view.full.nodes[k]["label"].casefold(), k)  # noqa: E731
    ranked = sorted((e.id for e in actors), key=rank_key) + sorted((v.id for v in events), key=rank_key)
    node_id = {k: i for i, k in enumerate(ranked)}
    mentions_of = {x.id: _spans_by_doc(x.mentions) for x in (*actors, *events)}
    dates = active_dates(model)
    quotes: dict[str, list] = defaultdict(list)
    for q in model.quotes:
        if q.speaker in node_id:
            quotes[q.speaker].append({"text": q.text[:MAX_QUOTE], "doc": sentences.doc_index.get(q.doc_id)})
    nodes = []
    for e in actors:
        node = _node(view, e.id, node_id, sentences, e.mentions, alt=[a for a in e.alt_labels if a != e.label],
                     titles=list(e.titles))
        node["ev"], node["more"] = capped(mention_refs(sentences, e.mentions))
        node["linked"] = view.actors.degree(e.id) > 0
        node["iri"] = entity_iri(base_iri, e.id)
        node["dates"] = dates.get(e.id, [])
        if quotes.get(e.id):
            node["quotes"] = quotes[e.id]
        nodes.append(node)
    for v in events:
        nodes.append(_event_node(view, v, node_id, sentences))
    nodes.sort(key=lambda n: n["id"])
    days = [n["dates"] for n in nodes if n["group"] == "Event" and n["dates"]]
    timeline = sorted((n for n in nodes if n["group"] == "Event"),
                      key=lambda n: (n["dates"][0] if n["dates"] else "9999", n["label"].casefold(), n["id"]))
    edges = _actor_edges(view, node_id, sentences, mentions_of) + _event_edges(view, node_id, sentences, mentions_of)
    for i, edge in enumerate(edges):
        edge["id"] = i
    return {
        "documents": [{"id": d.id, "title": d.title, "date": d.published.isoformat() if d.published else None,
                       "url": d.url, "source": d.source} for d in sentences.docs.values()],
        "nodes": nodes,
        "edges": edges,
        "events": [n["id"] for n in timeline],
        "dates": [min(d[0] for d in days), max(d[1] for d in days)] if days else None,
        "sentences": sentences.rows,
        "groups": [{"name": g, "color": GROUP_STYLE[g][0], "shape": GROUP_STYLE[g][1]} for g in GROUPS],
    }


def _spans_by_doc(mentions) -> dict[str, list[tuple[int, int]]]:
    """Document id -> the (start, end) of the mentions in it, in order."""
    out: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for m in mentions:
        out[m.doc_id].append((m.start, m.end))
    return out


def _node(view: NetworkView, key: str, node_id, sentences, mentions, *, alt, titles) -> dict:
    data = view.full.nodes[key]
    x, y = view.positions[key]
    return {
        "id": node_id[key], "key": key, "label": data["label"], "group": data["group"], "kind": data["kind"],
        "kindLabel": class_label(data["kind"]), "alt": alt, "titles": titles,
        "docs": sorted({sentences.doc_index[m.doc_id] for m in mentions if m.doc_id in sentences.doc_index}),
        "score": view.scores.get(key, 0.0), "rank": node_id[key], "size": view.size(key), "font": view.font(key),
        "x": x, "y": y,
    }


def _event_node(view: NetworkView, v, node_id, sentences) -> dict:
    node = _node(view, v.id, node_id, sentences, (*v.mentions, *v.evidence), alt=[], titles=[])
    refs = mention_refs(sentences, v.mentions) + evidence_refs(sentences, v.evidence, by_doc(v.mentions))
    node["ev"], node["more"] = capped(unique(refs))
    span = next((r for r in (day_range(t.value, t.end) for t in v.times) if r), None)
    node["dates"] = list(span) if span else []
    node["linked"] = view.full.degree(v.id) > 0
    node["event"] = {
        "factuality": v.factuality, "happened": v.factuality in HAPPENED,
        "times": [{"text": t.text, "value": t.value, "end": t.end} for t in v.times],
        "counts": _counts(v, sentences.doc_index),
        "places": [node_id[p] for p in v.places if p in node_id],
        "participants": [{"role": p.role, "node": node_id[p.entity]} for p in v.participants if p.entity in node_id],
    }
    return node


def _counts(event, doc_index) -> list[dict]:
    """The numbers stated about an event, grouped by what was counted; `disagree` when the
    sources give different figures (each figure lists the articles that gave it)."""
    by_kind: dict[str, dict[tuple, set]] = defaultdict(dict)
    for c in event.counts:
        docs = by_kind[c.kind].setdefault((c.qualifier or "", c.value), set())
        docs.update(doc_index[x.doc_id] for x in c.evidence if x.doc_id in doc_index)
    out = []
    for kind, figures in by_kind.items():
        values = [{"qualifier": q or None, "value": val, "docs": sorted(d)} for (q, val), d in figures.items()]
        out.append({"kind": kind, "values": values, "disagree": len({v["value"] for v in values}) > 1})
    return out


def _ref_list(sentences, evidence, mentions_of, ends) -> tuple[list, int, list]:
    """The kept refs of `evidence`, how many more, and their documents; the mentions of
    the edge's `ends` marked in each kept sentence."""
    spans = [mentions_of.get(k, {}) for k in ends]

    def marks(ev: Evidence) -> list[tuple[int, int]]:
        return [(s, e) for doc in spans for s, e in doc.get(ev.doc_id, ()) if s >= ev.start and e <= ev.end]

    return capped_evidence(sentences, evidence, marks)


def _actor_edges(view: NetworkView, node_id, sentences, mentions_of) -> list[dict]:
    model = view.model
    facts: dict[tuple, list[Evidence]] = defaultdict(list)
    for edge in model_edges(model):
        if edge.key in ("relation", "membership"):
            facts[(edge.source, edge.target)].extend(edge.evidence)
    event_evidence = {v.id: v.evidence for v in model.events}
    quote_span = {q.id: (Evidence(q.doc_id, q.start, q.end, "quote", 1.0), *q.evidence) for q in model.quotes}
    out = []
    for u, v, data in view.actors.edges(data=True):
        kind = data["kind"]
        if kind == "relation":
            evidence = facts[(u, v)]
        elif kind == "event":
            evidence = [x for item in data["items"] for x in event_evidence.get(item, ())]
        else:
            evidence = [x for item in data["items"] for x in quote_span.get(item, ())]
        ev, more, docs = _ref_list(sentences, evidence, mentions_of, (u, v))
        out.append({"from": node_id[u], "to": node_id[v], "label": data["label"],
                    "labels": list(data["labels"]), "kind": kind, "layer": "actor",
                    "arrows": "to" if data["directed"] else "", "weight": data["weight"],
                    "events": [node_id[i] for i in data["items"] if kind == "event" and i in node_id],
                    "docs": docs, "ev": ev, "more": more})
    return out


def _event_edges(view: NetworkView, node_id, sentences, mentions_of) -> list[dict]:
    """Participant, place and event-link edges, parallel ones merged (labels joined)."""
    merged: dict[tuple, dict] = {}
    for edge in model_edges(view.model):
        if edge.key in ("relation", "membership") or edge.source not in node_id or edge.target not in node_id \
                or edge.source == edge.target:
            continue
        item = merged.setdefault((edge.source, edge.target), {"kind": edge.key, "labels": [], "evidence": []})
        if edge.label not in item["labels"]:
            item["labels"].append(edge.label)
        item["evidence"].extend(edge.evidence)
    out = []
    for (u, v), item in merged.items():
        ev, more, docs = _ref_list(sentences, item["evidence"], mentions_of, (u, v))
        out.append({"from": node_id[u], "to": node_id[v], "label": " \u00b7 ".join(item["labels"]),
                    "labels": item["labels"], "kind": item["kind"], "layer": "event", "arrows": "to", "weight": 1,
                    "events": [], "docs": docs, "ev": ev, "more": more})
    return out


__all__ = ["build_payload"]
