"""Node positions, computed once in Python: the page draws them with physics off and the
GraphML/GEXF exports carry the same ones, so Gephi opens the picture the page shows.

Each connected component is laid out on its own and the components are packed in rows,
the biggest first, so a pair of actors far from the rest does not shrink the main story
to a dot when the view is fitted. Within a component (multilevel and cheap, no scipy):
networkx's spring layout of its CORE most important nodes, then every other node, nearest
the core first, is put near the centre of its already placed neighbours. Lengths are
scaled so that a typical edge is EDGE canvas units long, whatever the graph's size; then,
in components of up to DECLUTTER_MAX nodes, overlapping node-and-label boxes are pushed
apart (`boxes`: each node's half width and height), so labels stay readable at any zoom.
Isolated nodes go in a grid below everything. Seeded: same graph, same positions.
"""
from __future__ import annotations

import math
import random

import networkx as nx

CORE = 300  # nodes laid out by force simulation; networkx's dense solver is fast to ~500
EDGE = 150  # canvas units of a typical edge: room for a label at scale 1
GAP = 0.7 * EDGE  # between packed components
DECLUTTER_MAX = 300  # nodes: the overlap pass compares every pair (numpy, n x n)
PAD = 6.0  # canvas units kept between two boxes


def positions(graph: nx.MultiDiGraph, scores: dict[str, float], seed: int = 7,
              boxes: dict[str, tuple[float, float]] | None = None) -> dict[str, tuple[int, int]]:
    """Integer canvas coordinates for every node of `graph` (`scores`: importance;
    `boxes`: half width and height of each node with its label, for the overlap pass)."""
    if graph.number_of_nodes() == 0:
        return {}
    rank = {v: i for i, v in enumerate(sorted(graph.nodes, key=lambda v: (-scores.get(v, 0.0), str(v))))}
    simple = nx.Graph()
    simple.add_nodes_from(sorted(graph.nodes, key=rank.__getitem__))
    simple.add_edges_from((u, v) for u, v in graph.edges() if u != v)
    components = sorted((sorted(c, key=rank.__getitem__) for c in nx.connected_components(simple) if len(c) > 1),
                        key=lambda c: (-len(c), rank[c[0]]))
    rng = random.Random(seed)
    laid = [_component(_own_graph(simple, c), c, rng, seed) for c in components]
    if boxes:
        laid = [_declutter(xy, boxes) if len(xy) <= DECLUTTER_MAX else xy for xy in laid]
    placed = _pack(laid, boxes or {})
    isolated = [v for v in simple.nodes if simple.degree(v) == 0]
    bottom = max((p[1] for p in placed.values()), default=0.0) + GAP
    left = min((p[0] for p in placed.values()), default=0.0)
    columns = max(4, int(math.sqrt(len(isolated)) * 2))
    for i, v in enumerate(isolated):
        placed[v] = (left + (i % columns) * EDGE, bottom + (i // columns) * EDGE * 0.5)
    return {v: (round(x), round(y)) for v, (x, y) in placed.items()}


def _own_graph(graph: nx.Graph, nodes: list) -> nx.Graph:
    """`graph` restricted to `nodes` as a graph of its own, nodes and neighbours in a fixed
    order: a subgraph view iterates a set, whose order changes with PYTHONHASHSEED, and
    the seeded layout (and its float sums) would change with it."""
    keep = set(nodes)
    own = nx.Graph()
    own.add_nodes_from(nodes)
    own.add_edges_from((u, v) for u in nodes for v in graph[u] if v in keep)
    return own


def _component(sub: nx.Graph, order: list, rng: random.Random, seed: int) -> dict:
    """Positions of one connected component (nodes in `order`, most important first),
    centred on (0, 0), typical edge about EDGE long."""
    if len(order) == 2:
        return {order[0]: (-EDGE / 2, 0.0), order[1]: (EDGE / 2, 0.0)}
    core = order[:CORE]
    iterations = 200 if len(core) <= 120 else 60  # small graphs: settle fully, it is cheap
    core_graph = _own_graph(sub, core)
    raw = nx.spring_layout(core_graph, seed=seed, iterations=iterations)
    lengths = sorted(math.dist(raw[u], raw[v]) for u, v in core_graph.edges())
    unit = EDGE / max(lengths[len(lengths) // 2], 1e-6) if lengths else EDGE
    placed = {v: (float(x) * unit, float(y) * unit) for v, (x, y) in raw.items()}
    remaining = [v for v in order if v not in placed]
    while remaining:  # connected, so every pass places at least one node
        left = []
        for v in remaining:
            around = [placed[u] for u in sub[v] if u in placed]
            if not around:
                left.append(v)
                continue
            cx, cy = sum(p[0] for p in around) / len(around), sum(p[1] for p in around) / len(around)
            r, a = EDGE * (0.5 + 0.5 * rng.random()), rng.random() * 2 * math.pi
            placed[v] = (cx + r * math.cos(a), cy + r * math.sin(a))
        remaining = left
    mx = sum(p[0] for p in placed.values()) / len(placed)
    my = sum(p[1] for p in placed.values()) / len(placed)
    return {v: (x - mx, y - my) for v, (x, y) in placed.items()}


def _declutter(xy: dict, boxes: dict[str, tuple[float, float]], iterations: int | None = None,
               fixed: frozenset = frozenset()) -> dict:
    """Push apart the nodes whose boxes overlap, each pair along its axis of least overlap
    (half the overlap each), until none overlap or `iterations` passes are done; nodes in
    `fixed` do not move (the others make way for them)."""
    import numpy as np

    nodes = list(xy)
    if len(nodes) < 2:
        return xy
    if iterations is None:  # a pass costs O(n^2): big crowds get fewer
        iterations = 400 if len(nodes) <= 150 else 100
    pos = np.array([xy[v] for v in nodes], dtype=float)
    half = np.array([boxes.get(v, (EDGE / 4, EDGE / 8)) for v in nodes], dtype=float)
    need = half[:, None, :] + half[None, :, :] + PAD
    order = np.arange(len(nodes))
    tie = np.where(order[:, None] > order[None, :], 1.0, -1.0)  # coincident nodes part by index
    movable = np.array([0.0 if v in fixed else 1.0 for v in nodes])[:, None]
    for _ in range(iterations):
        dx, dy = pos[:, None, 0] - pos[None, :, 0], pos[:, None, 1] - pos[None, :, 1]
        ox, oy = need[..., 0] - np.abs(dx), need[..., 1] - np.abs(dy)
        hit = (ox > 0) & (oy > 0)
        np.fill_diagonal(hit, False)
        if not hit.any():
            break
        along_x = ox < oy  # each pair parts along its axis of least overlap
        amount = np.where(hit, np.where(along_x, ox, oy), 0.0) / 2
        sx = np.where(dx == 0, tie, np.sign(dx))
        sy = np.where(dy == 0, tie, np.sign(dy))
        push = np.stack([(amount * sx * along_x).sum(axis=1), (amount * sy * ~along_x).sum(axis=1)], axis=1)
        pos += push * 0.6 * movable
    return {v: (float(x), float(y)) for v, (x, y) in zip(nodes, pos)}


def _pack(laid: list[dict], half: dict[str, tuple[float, float]]) -> dict:
    """Shelf-pack the components (biggest first, each boxed with its labels) into rows of
    a screen's proportions, at least as wide as the biggest."""
    if not laid:
        return {}
    boxes = []
    for xy in laid:
        xs = [p[0] + s * half.get(v, (0, 0))[0] for v, p in xy.items() for s in (-1, 1)]
        ys = [p[1] + s * half.get(v, (0, 0))[1] for v, p in xy.items() for s in (-1, 1)]
        boxes.append((min(xs), min(ys), max(xs) - min(xs), max(ys) - min(ys)))
    width = max(boxes[0][2], math.sqrt(1.0 * sum((b[2] + GAP) * (b[3] + GAP) for b in boxes)))
    out, x, y, row = {}, 0.0, 0.0, 0.0
    for xy, (bx, by, w, h) in zip(laid, boxes):
        if x > 0 and x + w > width:
            x, y, row = 0.0, y + row + GAP, 0.0
        for v, (px, py) in xy.items():
            out[v] = (px - bx + x, py - by + y)
        x += w + GAP
        row = max(row, h)
    cx = sum(p[0] for p in out.values()) / len(out)
    cy = sum(p[1] for p in out.values()) / len(out)
    return {v: (px - cx, py - cy) for v, (px, py) in out.items()}


def place_around(groups: dict[str, list[str]], placed: dict[str, tuple[int, int]], seed: int = 7,
                 boxes: dict[str, tuple[float, float]] | None = None) -> dict[str, tuple[int, int]]:
    """Positions for extra nodes (events): each near the centre of the placed nodes its
    group lists (its actors), or on a ring outside everything when it has none; with
    `boxes` (of placed and new nodes), new nodes then make way for everything."""
    rng = random.Random(seed)
    xs = [p[0] for p in placed.values()] or [0]
    ys = [p[1] for p in placed.values()] or [0]
    radius = max(max(xs) - min(xs), max(ys) - min(ys), 200) * 0.6
    out = {}
    for node, around in groups.items():
        points = [placed[a] for a in around if a in placed]
        a = rng.random() * 2 * math.pi
        if points:
            cx, cy = sum(p[0] for p in points) / len(points), sum(p[1] for p in points) / len(points)
            r = EDGE * (0.25 + 0.35 * rng.random())
        else:
            cx, cy, r = 0.0, 0.0, radius * (1.1 + 0.2 * rng.random())
        out[node] = (cx + r * math.cos(a), cy + r * math.sin(a))
    if boxes and out and len(out) + len(placed) <= DECLUTTER_MAX:
        out = {v: p for v, p in _declutter({**placed, **out}, boxes, fixed=frozenset(placed)).items() if v in out}
    return {v: (round(x), round(y)) for v, (x, y) in out.items()}


__all__ = ["CORE", "EDGE", "place_around", "positions"]
