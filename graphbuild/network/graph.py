"""GraphModel → networkx MultiDiGraph of actors and events, plus importance scores.

Nodes are keyed by the model's entity and event ids and carry `label`, `kind` (the
ontology class local name), `group` (Person | Organization | Place | Event | Other:
what the viewer colours by), `documents` (space-separated doc ids), `mentions`,
`alt_labels` and `titles` (" | "-joined) and, for events, `date`. Edges carry `kind` (what
made them: relation, membership, participant, place, eventlink), `predicate` (the model
string), `label` (the ontology's rdfs:label of the predicate or role, in words) and
`weight` (evidence sentences). Quotes are not edges here; `actors.py` projects this graph
onto the actors alone (co-participation and quote edges included).

Everything here is plain data (strings, numbers), so the same graph feeds the HTML
viewer and the GraphML/GEXF writers. Edges whose ends are not nodes are dropped.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache

import networkx as nx

from graphbuild.errors import OntologyError
from graphbuild.model import Evidence, GraphModel

GROUPS = ("Person", "Organization", "Place", "Event", "Other")
ENTITY_GROUPS = GROUPS[:3]
PLACE_PREDICATE = "hasPlace"  # sem:hasPlace: the edge from an event to where it happened
MEMBERSHIP_PREDICATE = "memberOf"
_DAY = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")  # xsd:date, gYearMonth, gYear


@dataclass(frozen=True)
class EdgeData:
    """One edge before it enters networkx (kept for the viewer's evidence lookup)."""

    source: str
    target: str
    key: str  # relation | membership | participant | place | eventlink
    predicate: str
    label: str
    evidence: tuple[Evidence, ...] = ()


@cache
def humanize(name: str) -> str:
    """"containedInPlace" → "contained in place"; already spaced text is kept."""
    words = re.sub(r"(?<=[a-z0-9])(?=[A-Z])", " ", name.replace("_", " ")).split()
    return " ".join(w if w.isupper() and len(w) > 1 else w.lower() for w in words)


@cache
def predicate_label(name: str) -> str:
    """The ontology's rdfs:label of a model predicate or role, in words ("worksFor" →
    "works for", "headOf" → "head of"); the humanized name if the ontology lacks it."""
    from graphbuild.vocab import property_for, term_label

    try:
        return humanize(term_label(property_for(name)))
    except OntologyError:
        return humanize(name)


@cache
def class_label(kind: str) -> str:
    """The ontology's rdfs:label of an entity or event kind ("AirStrike" → "Air strike")."""
    from graphbuild.vocab import entity_classes, term_label

    try:
        return term_label(entity_classes(kind)[0])
    except OntologyError:
        return humanize(kind).capitalize()


@cache
def group_of(kind: str) -> str:
    """The viewer group of an entity kind: the kind itself or its declared super-class."""
    if kind in ENTITY_GROUPS:
        return kind
    try:
        from graphbuild.vocab import entity_classes, local_name

        names = {local_name(c) for c in entity_classes(kind)}
    except OntologyError:
        return "Other"
    for group in ("Person", "Organization", "Place", "Event"):
        if group in names:
            return group
    return "Other"


def edges(model: GraphModel) -> Iterator[EdgeData]:
    """Every edge the model states, in model order (ends may be missing; see to_networkx)."""
    for r in model.relations:
        yield EdgeData(r.subject, r.object, "relation", r.predicate, predicate_label(r.predicate), r.evidence)
    for m in model.memberships:
        yield EdgeData(m.member, m.organization, "membership", MEMBERSHIP_PREDICATE,
                       (m.role or "").strip() or predicate_label(MEMBERSHIP_PREDICATE), m.evidence)
    for ev in model.events:
        for p in ev.participants:
            yield EdgeData(p.entity, ev.id, "participant", p.role, predicate_label(p.role), ev.evidence)
        for place in ev.places:
            yield EdgeData(ev.id, place, "place", PLACE_PREDICATE, predicate_label(PLACE_PREDICATE), ev.evidence)
    for link in model.event_links:
        yield EdgeData(link.subject, link.object, "eventlink", link.predicate,
                       predicate_label(link.predicate), link.evidence)


def event_date(event) -> str:
    """The first known time value of `event` ("" when none)."""
    return next((t.value for t in event.times if t.value), "") or ""


def day_range(value: str | None, end: str | None = None) -> tuple[str, str] | None:
    """The first and last day (ISO dates) of a time value: "2020-01" → ("2020-01-01",
    "2020-01-31"); `end` (an interval's last day) extends it; None for "--01-07" or junk."""
    first = _bounds(value)
    if first is None:
        return None
    last = _bounds(end) or first
    return first[0], max(first[1], last[1])


def _bounds(value: str | None) -> tuple[str, str] | None:
    m = _DAY.match(value or "")
    if not m:
        return None
    year, month, day = int(m.group(1)), m.group(2), m.group(3)
    try:
        if day:
            d = date(year, int(month), int(day))
            return d.isoformat(), d.isoformat()
        if month:
            start = date(year, int(month), 1)
            after = date(year + (start.month == 12), start.month % 12 + 1, 1)
            return start.isoformat(), (after - timedelta(days=1)).isoformat()
        return f"{year:04d}-01-01", f"{year:04d}-12-31"
    except ValueError:
        return None


def to_networkx(model: GraphModel) -> nx.MultiDiGraph:
    """The actor/event network of `model` (see module docstring for the attributes)."""
    graph = nx.MultiDiGraph()
    for e in model.entities:
        docs = sorted({m.doc_id for m in e.mentions})
        graph.add_node(e.id, label=e.label, kind=e.kind, group=group_of(e.kind), documents=" ".join(docs),
                       mentions=len(e.mentions), alt_labels=" | ".join(e.alt_labels), titles=" | ".join(e.titles))
    for ev in model.events:
        docs = sorted({m.doc_id for m in ev.mentions} | {x.doc_id for x in ev.evidence})
        graph.add_node(ev.id, label=ev.label, kind=ev.kind, group="Event", documents=" ".join(docs),
                       mentions=len(ev.mentions), alt_labels="", titles="", date=event_date(ev))
    for edge in edges(model):
        if edge.source in graph and edge.target in graph and edge.source != edge.target:
            key = f"{edge.key}:{edge.predicate}:{edge.label}"
            data = graph.get_edge_data(edge.source, edge.target, key)
            weight = max(1, len({(x.doc_id, x.start, x.end) for x in edge.evidence}))
            if data is not None:  # the same fact stated twice: one edge, heavier
                data["weight"] += weight
                continue
            graph.add_edge(edge.source, edge.target, key=key, kind=edge.key, predicate=edge.predicate,
                           label=edge.label, weight=weight)
    return graph


def importance(graph: nx.MultiDiGraph) -> dict[str, float]:
    """Node importance in [0, 1]: PageRank over the undirected simple network (power
    iteration in numpy, no scipy needed), scaled so the most central node is 1."""
    if graph.number_of_nodes() == 0:
        return {}
    import numpy as np

    nodes = list(graph.nodes)
    index = {n: i for i, n in enumerate(nodes)}
    pairs = {(min(index[u], index[v]), max(index[u], index[v])) for u, v in graph.edges() if u != v}
    n = len(nodes)
    if not pairs:
        return {node: 1.0 for node in nodes}
    arr = np.array(sorted(pairs), dtype=np.int64)
    src = np.concatenate([arr[:, 0], arr[:, 1]])
    dst = np.concatenate([arr[:, 1], arr[:, 0]])
    degree = np.bincount(src, minlength=n).astype(float)
    rank = np.full(n, 1.0 / n)
    damping = 0.85
    for _ in range(100):
        share = np.where(degree > 0, rank / np.maximum(degree, 1), 0.0)
        dangling = rank[degree == 0].sum()
        new = np.bincount(dst, weights=share[src], minlength=n)
        new = (1 - damping) / n + damping * (new + dangling / n)
        if np.abs(new - rank).sum() < 1e-10:
            rank = new
            break
        rank = new
    rank = rank / rank.max()
    return {node: round(float(rank[i]), 6) for node, i in index.items()}


__all__ = ["ENTITY_GROUPS", "GROUPS", "EdgeData", "class_label", "day_range", "edges", "event_date", "group_of", "humanize", "importance",
           "predicate_label", "to_networkx"]
