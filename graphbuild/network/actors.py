"""The actor network: people, organizations and places, linked by what connects them.

`actor_graph(model)` is a MultiDiGraph over the model's entities with at most one edge
per pair of actors and kind of link, so every link is drawn once and weighted:
  relation  typed relations and memberships (directed, subject → object); `label` their
            ontology labels (or the membership role) joined with " · ", `weight` the
            evidence sentences behind them.
  event     co-participation: both actors took part in, or are the place of, the same
            events (undirected, ends in model order); `label` the event kinds' ontology
            labels, `weight` the number of shared events, `events` their ids. An event
            with more than MAX_PAIRED_ACTORS actors links none of them pairwise (its
            pairs grow with the square of its actors: a long article's over-merged
            event drew tens of thousands of edges); they meet at the event node.
  quote     the speaker was quoted on the other actor, named inside the quote
            (directed); `weight` the number of such quotes, `quotes` their ids.
Every edge has `directed` (bool) and `kind`; nodes carry the attributes of `to_networkx`.
"""
from __future__ import annotations

import bisect
from collections import defaultdict
from itertools import combinations

import networkx as nx

from graphbuild.model import GraphModel
from graphbuild.network.graph import class_label, day_range, edges as model_edges, to_networkx

QUOTE_LABEL = "quoted on"  # a derived link, not an ontology property: named here
LABEL_JOIN = " \u00b7 "
MAX_LABELS = 3  # kinds named on an edge label; the panel lists them all
MAX_PAIRED_ACTORS = 40  # actors of one event linked pairwise (780 pairs at most)


def event_actors(event) -> list[str]:
    """The entity ids an event involves (participants, then places), each once."""
    return list(dict.fromkeys([p.entity for p in event.participants] + list(event.places)))


def _add(graph: nx.MultiDiGraph, u: str, v: str, kind: str, *, label: str, weight: int, directed: bool,
         item: str | None = None) -> None:
    data = graph.get_edge_data(u, v, kind)
    if data is None:
        graph.add_edge(u, v, key=kind, kind=kind, labels=[], weight=0, directed=directed, items=[])
        data = graph.get_edge_data(u, v, kind)
    if label and label not in data["labels"]:
        data["labels"].append(label)
    data["weight"] += weight
    if item is not None:
        data["items"].append(item)


def _quoted(model: GraphModel) -> dict[str, list[tuple[int, int, str]]]:
    """Per document, the sorted (start, end, entity id) of every entity mention."""
    spans: dict[str, list[tuple[int, int, str]]] = defaultdict(list)
    for e in model.entities:
        for m in e.mentions:
            spans[m.doc_id].append((m.start, m.end, e.id))
    for rows in spans.values():
        rows.sort()
    return spans


def actor_graph(model: GraphModel, full: nx.MultiDiGraph | None = None) -> nx.MultiDiGraph:
    """The actor projection of `model` (see the module docstring). `full`: its
    `to_networkx` graph if already built (node attributes are copied from it)."""
    full = to_networkx(model) if full is None else full
    graph = nx.MultiDiGraph()
    actors = {e.id for e in model.entities}
    graph.add_nodes_from((n, dict(full.nodes[n])) for n in full.nodes if n in actors)
    for edge in model_edges(model):
        if edge.key in ("relation", "membership") and edge.source in graph and edge.target in graph \
                and edge.source != edge.target:
            weight = max(1, len({(x.doc_id, x.start, x.end) for x in edge.evidence}))
            _add(graph, edge.source, edge.target, "relation", label=edge.label, weight=weight, directed=True)
    order = {e.id: i for i, e in enumerate(model.entities)}
    for event in model.events:
        involved = sorted((a for a in event_actors(event) if a in graph), key=order.__getitem__)
        if len(involved) > MAX_PAIRED_ACTORS:
            continue
        for u, v in combinations(involved, 2):
            _add(graph, u, v, "event", label=class_label(event.kind), weight=1, directed=False, item=event.id)
    spans = _quoted(model)
    for q in model.quotes:
        if q.speaker not in graph:
            continue
        rows = spans.get(q.doc_id, [])
        # Only the mentions that start inside the quote (a long article has many quotes and spans).
        inside = rows[bisect.bisect_left(rows, (q.start, -1, "")):bisect.bisect_left(rows, (q.end, -1, ""))]
        named = {eid for _, e, eid in inside if e <= q.end and eid != q.speaker}
        for target in sorted(named, key=order.__getitem__):
            _add(graph, q.speaker, target, "quote", label=QUOTE_LABEL, weight=1, directed=True, item=q.id)
    for _, _, data in graph.edges(data=True):
        shown = data["labels"][:MAX_LABELS]
        more = len(data["labels"]) - len(shown)
        data["label"] = LABEL_JOIN.join(shown) + (f" +{more}" if more else "")
    return graph


def active_dates(model: GraphModel) -> dict[str, list[str]]:
    """Entity id → the sorted distinct dates of the events it takes part in."""
    out: dict[str, set[str]] = defaultdict(set)
    for event in model.events:
        span = next((r for r in (day_range(t.value, t.end) for t in event.times) if r), None)
        if span:
            for a in event_actors(event):
                out[a].add(span[0])
    return {k: sorted(v) for k, v in out.items()}


__all__ = ["MAX_PAIRED_ACTORS", "QUOTE_LABEL", "active_dates", "actor_graph", "event_actors"]
