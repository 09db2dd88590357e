"""The network view: GraphModel → networkx graphs → self-contained HTML, GraphML and GEXF.

`to_networkx` (graph.py) is the actor/event graph of the stated facts, `actor_graph`
(actors.py) its projection onto people, organizations and places; `network_view`
(view.py) lays both out once with importance, colours and sizes. `render_html` (html.py)
draws the view as graph.html (the actor network first, events in a timeline);
`write_exports` (exchange.py) writes it as GraphML 1.0 / GEXF 1.3 for Gephi and Cytoscape.
"""
from __future__ import annotations

from graphbuild.network.actors import actor_graph
from graphbuild.network.graph import importance, to_networkx
from graphbuild.network.view import network_view

__all__ = ["actor_graph", "importance", "network_view", "to_networkx"]
