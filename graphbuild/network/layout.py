"""Node positions for graphs too big to lay out in the browser.

vis-network's physics is pleasant for a few hundred nodes but costs seconds beyond that,
so big graphs get positions here and the page draws them with physics off. Multilevel
and cheap (no scipy): networkx's spring layout of the CORE most important nodes, then
every other node, nearest the core first, is put near the centre of its already placed
neighbours (a ring around everything for nodes not connected to the core). Seeded, so
the same graph gives the same page.
"""
from __future__ import annotations

import math
import random

import networkx as nx

CORE = 300  # nodes laid out by force simulation; networkx's dense solver is fast to ~500
SPREAD = 60.0  # canvas units per sqrt(node): keeps the density similar at any size


def positions(graph: nx.MultiDiGraph, scores: dict[str, float], seed: int = 7) -> dict[str, tuple[int, int]]:
    """Integer canvas coordinates for every node of `graph` (`scores`: importance)."""
    n = graph.number_of_nodes()
    if n == 0:
        return {}
    order = sorted(graph.nodes, key=lambda v: (-scores.get(v, 0.0), str(v)))
    simple = nx.Graph()
    simple.add_nodes_from(order)
    simple.add_edges_from((u, v) for u, v in graph.edges() if u != v)
    core = order[:CORE]
    # A graph of its own, not `simple.subgraph(core)`: a subgraph view iterates its nodes
    # in set order, which changes with PYTHONHASHSEED, and so would the seeded layout.
    core_graph = nx.Graph()
    core_graph.add_nodes_from(core)
    core_graph.add_edges_from(simple.subgraph(core).edges())
    placed: dict[str, tuple[float, float]] = {
        v: (float(x), float(y)) for v, (x, y) in nx.spring_layout(core_graph, seed=seed, iterations=60).items()
    }
    rng = random.Random(seed)
    step = 1.0 / math.sqrt(max(len(core), 1))  # about the core's typical edge length
    remaining = [v for v in order if v not in placed]
    while remaining:
        left = []
        for v in remaining:
            around = [placed[u] for u in simple[v] if u in placed]
            if not around:
                left.append(v)
                continue
            cx, cy = sum(p[0] for p in around) / len(around), sum(p[1] for p in around) / len(around)
            r, a = step * (0.4 + rng.random()), rng.random() * 2 * math.pi
            placed[v] = (cx + r * math.cos(a), cy + r * math.sin(a))
        if len(left) == len(remaining):  # nothing connects these to the placed nodes
            for v in left:
                r, a = 1.15 + 0.35 * rng.random(), rng.random() * 2 * math.pi
                placed[v] = (r * math.cos(a), r * math.sin(a))
            break
        remaining = left
    scale = SPREAD * math.sqrt(n)
    return {v: (round(x * scale), round(y * scale)) for v, (x, y) in placed.items()}


__all__ = ["CORE", "positions"]
