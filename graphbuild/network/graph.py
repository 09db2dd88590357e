"""GraphModel → networkx MultiDiGraph of actors and events, plus importance scores.

Nodes are keyed by the model's entity and event ids and carry `label`, `kind` (the
ontology class local name), `group` (Person | Organization | Place | Event | Other:
what the viewer colours by), `documents` (space-separated doc ids), `mentions`,
`alt_labels` and `titles` (" | "-joined) and, for events, `date`. Edges carry `key` (what made them: relation, membership,
participant, place, eventlink), `predicate` (the model string) and `label` (human
readable). Quotes are not edges: the viewer lists them on the speaker's panel.

Everything here is plain data (strings, numbers), so the same graph feeds the HTML
viewer and the GraphML/GEXF writers. Edges whose ends are not nodes are dropped.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

import networkx as nx

from graphbuild.errors import OntologyError
from graphbuild.model import Evidence, GraphModel

GROUPS = ("Person", "Organization", "Place", "Event", "Other")
ENTITY_GROUPS = GROUPS[:3]

# Human-readable edge labels for the predicates and roles the extractors emit; anything
# else is its local name split at capitals ("duringEvent" → "during event").
PREDICATE_LABELS = {
    "headOf": "head of",
    "memberOf": "member of",
    "worksFor": "works for",
    "nationality": "nationality",
    "homeLocation": "lives in",
    "containedInPlace": "located in",
    "causes": "caused",
    "duringEvent": "during",
}
ROLE_LABELS = {
    "agent": "carried out",
    "victim": "victim of",
    "patient": "affected by",
    "speaker": "spoke at",
    "participant": "took part in",
    "actor": "took part in",
    "hasActor": "took part in",
}
MEMBERSHIP_LABEL = "member of"
PLACE_LABEL = "located in"


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


def _label(table: dict[str, str], name: str) -> str:
    return table.get(name) or humanize(name)


def edges(model: GraphModel) -> Iterator[EdgeData]:
    """Every edge the model states, in model order (ends may be missing; see to_networkx)."""
    for r in model.relations:
        yield EdgeData(r.subject, r.object, "relation", r.predicate,
                       _label(PREDICATE_LABELS, r.predicate), r.evidence)
    for m in model.memberships:
        yield EdgeData(m.member, m.organization, "membership", "memberOf",
                       (m.role or "").strip() or MEMBERSHIP_LABEL, m.evidence)
    for ev in model.events:
        for p in ev.participants:
            yield EdgeData(p.entity, ev.id, "participant", p.role,
                           ROLE_LABELS.get(p.role) or f"{humanize(p.role)} in", ev.evidence)
        for place in ev.places:
            yield EdgeData(ev.id, place, "place", "hasPlace", PLACE_LABEL, ev.evidence)
    for link in model.event_links:
        yield EdgeData(link.subject, link.object, "eventlink", link.predicate,
                       _label(PREDICATE_LABELS, link.predicate), link.evidence)


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
                       mentions=len(ev.mentions), alt_labels="", titles="",
                       date=next((t.value for t in ev.times if t.value), "") or "")
    for edge in edges(model):
        if edge.source in graph and edge.target in graph and edge.source != edge.target:
            graph.add_edge(edge.source, edge.target, key=f"{edge.key}:{edge.predicate}:{edge.label}",
                           kind=edge.key, predicate=edge.predicate, label=edge.label)
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


__all__ = ["GROUPS", "EdgeData", "edges", "group_of", "humanize", "importance", "to_networkx"]
