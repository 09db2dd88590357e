"""One network view of a model, shared by the HTML page and the GraphML/GEXF exports.

`network_view(model)` builds, once: the full actor/event graph (`to_networkx`), its actor
projection (`actor_graph`), importance scores (actors ranked in the actor network, events
in the full one), positions (the actor network laid out, events among their actors) and
the colour, shape and size of every node. The page and both files read the same view, so
Gephi and Cytoscape show the picture and the sizes the browser shows.
"""
from __future__ import annotations

from dataclasses import dataclass

import networkx as nx

from graphbuild.model import GraphModel
from graphbuild.network.actors import actor_graph, event_actors
from graphbuild.network.graph import day_range, importance, to_networkx
from graphbuild.network.layout import place_around, positions

GROUP_STYLE = {  # colour-blind-safe Tableau 10 colours; shapes differ too
    "Person": ("#4e79a7", "dot"),
    "Organization": ("#f28e2b", "square"),
    "Place": ("#59a14f", "triangle"),
    "Event": ("#e15759", "diamond"),
    "Other": ("#9c9c9c", "dot"),
}
MIN_SIZE, MAX_SIZE = 8.0, 26.0
MIN_FONT, MAX_FONT = 14, 22  # the most central labels are the biggest: legible when fitted


@dataclass(frozen=True)
class NetworkView:
    model: GraphModel
    full: nx.MultiDiGraph
    actors: nx.MultiDiGraph
    scores: dict[str, float]
    positions: dict[str, tuple[int, int]]

    def size(self, node: str) -> float:
        return round(MIN_SIZE + (MAX_SIZE - MIN_SIZE) * self.scores.get(node, 0.0) ** 0.5, 2)

    def font(self, node: str) -> int:
        return round(MIN_FONT + (MAX_FONT - MIN_FONT) * self.scores.get(node, 0.0) ** 0.5)

    def color(self, node: str) -> str:
        return GROUP_STYLE.get(self.full.nodes[node]["group"], GROUP_STYLE["Other"])[0]


def network_view(model: GraphModel, *, full: nx.MultiDiGraph | None = None) -> NetworkView:
    """The view of `model` (see the module docstring); deterministic."""
    full = to_networkx(model) if full is None else full
    actors = actor_graph(model, full)
    scores = dict(importance(full))
    actor_scores = importance(actors)
    scores.update(actor_scores)
    xy = positions(actors, actor_scores)
    xy.update(place_around({v.id: event_actors(v) for v in model.events if v.id in full}, xy))
    return NetworkView(model, full, actors, scores, xy)


__all__ = ["GROUP_STYLE", "NetworkView", "day_range", "network_view"]
