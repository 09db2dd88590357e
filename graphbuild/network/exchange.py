"""The actor/event network as GraphML and GEXF (Gephi, Cytoscape), from `to_networkx`.

networkx's writers reject None and tuples, so every attribute is a string or a number;
each node also gets its importance score (`importance`) so tools can size by it. Files
are written atomically: a failed write leaves the old file as it was.
"""
from __future__ import annotations

import io
from pathlib import Path

import networkx as nx

from graphbuild.fsio import atomic_write_bytes
from graphbuild.model import GraphModel
from graphbuild.network.graph import importance, to_networkx


def exchange_graph(model: GraphModel) -> nx.MultiDiGraph:
    """`to_networkx(model)` with an `importance` score on every node."""
    graph = to_networkx(model)
    for node, score in importance(graph).items():
        graph.nodes[node]["importance"] = float(score)
    return graph


def graphml_bytes(model: GraphModel) -> bytes:
    buffer = io.BytesIO()
    nx.write_graphml(exchange_graph(model), buffer, encoding="utf-8", named_key_ids=True)
    return buffer.getvalue()


def gexf_bytes(model: GraphModel) -> bytes:
    buffer = io.BytesIO()
    nx.write_gexf(exchange_graph(model), buffer, encoding="utf-8")
    return buffer.getvalue()


def write_graphml(model: GraphModel, path: Path | str) -> None:
    """Write the network of `model` to `path` as GraphML."""
    atomic_write_bytes(Path(path), graphml_bytes(model))


def write_gexf(model: GraphModel, path: Path | str) -> None:
    """Write the network of `model` to `path` as GEXF 1.2."""
    atomic_write_bytes(Path(path), gexf_bytes(model))


__all__ = ["exchange_graph", "gexf_bytes", "graphml_bytes", "write_gexf", "write_graphml"]
