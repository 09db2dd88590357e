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
EVENT_FONT = 11


@dataclass(frozen=True)
class NetworkView:
    model: GraphModel
    full: nx.MultiDiGraph
    actors: nx.MultiDiGraph
    scores: dict[str, float]
    positions: dict[str, tuple[int, int]]

    def size(self, node: str) -> float:
        return _size(self.scores.get(node, 0.0))

    def font(self, node: str) -> int:
        if self.full.nodes[node]["group"] == "Event":  # read when zoomed in; the timeline names them
            return EVENT_FONT
        return _font(self.scores.get(node, 0.0))

    def color(self, node: str) -> str:
        return GROUP_STYLE.get(self.full.nodes[node]["group"], GROUP_STYLE["Other"])[0]


def _size(score: float) -> float:
    return round(MIN_SIZE + (MAX_SIZE - MIN_SIZE) * score ** 0.5, 2)


def _font(score: float) -> int:
    return round(MIN_FONT + (MAX_FONT - MIN_FONT) * score ** 0.5)


def _box(label: str, font: int, size: float) -> tuple[float, float]:
    """Half width and height of a node drawn with its label underneath (vis-network's
    dot/square/triangle): about 0.55 em a character, capped like a wrapped label."""
    width = min(max(len(label), 3), 40) * font * 0.55
    return max(width, 2 * size) / 2, size + font * 0.8


def network_view(model: GraphModel, *, full: nx.MultiDiGraph | None = None) -> NetworkView:
    """The view of `model` (see the module docstring); deterministic."""
    full = to_networkx(model) if full is None else full
    actors = actor_graph(model, full)
    scores = dict(importance(full))
    actor_scores = importance(actors)
    scores.update(actor_scores)
    boxes = {n: _box(d["label"], _font(actor_scores.get(n, 0.0)), _size(actor_scores.get(n, 0.0)))
             for n, d in actors.nodes(data=True)}
    xy = positions(actors, actor_scores, boxes=boxes)
    events = [v.id for v in model.events if v.id in full]
    boxes.update({v: (_size(scores.get(v, 0.0)) + 4, _size(scores.get(v, 0.0)) + 4) for v in events})
    xy.update(place_around({v.id: event_actors(v) for v in model.events if v.id in full}, xy, boxes=boxes))
    return NetworkView(model, full, actors, scores, xy)


__all__ = ["GROUP_STYLE", "NetworkView", "day_range", "network_view"]
