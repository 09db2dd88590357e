"""The network view: GraphModel → networkx graph → self-contained HTML (and GraphML/GEXF).

`render_html(model)` (html.py) is the page `graphbuild build` writes as graph.html;
`write_graphml` / `write_gexf` (exchange.py) export the same graph for Gephi/Cytoscape.
"""
from __future__ import annotations

from graphbuild.network.graph import importance, to_networkx

__all__ = ["importance", "to_networkx"]
