"""The network as GraphML 1.0 and GEXF 1.3 (Gephi, Cytoscape, yEd), from one NetworkView.

Two graphs, each in both formats:
  graph.graphml / graph.gexf                 actors and events, linked by the stated facts
                                             (relations, memberships, participants, places,
                                             event links)
  graph-actors.graphml / graph-actors.gexf   the actor network alone (co-participation and
                                             quote links included, weighted)
Node ids are XML name tokens derived from the node's IRI (`entity.qasem-soleimani-1a2b3c4d`)
and the IRI itself is an attribute; edge ids are e0, e1, ...; each attribute key is
declared once per domain. Nodes carry label, alt labels, kind, group, documents,
importance and the viewer's colour, size and position (the same layout the HTML page
draws; GEXF's y axis points up, so y is negated there). Event dates are ISO strings in
GraphML (its types have no date) and GEXF spells with timeformat="date", so Gephi's
timeline replays the story; actors get a spell for each day they act. Any character an XML
1.0 document cannot hold (control characters, lone surrogates) becomes U+FFFD. Written
with ElementTree (escaping done there), deterministic, atomically.
"""
from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

from graphbuild import iri
from graphbuild.fsio import atomic_write_bytes
from graphbuild.model import GraphModel
from graphbuild.network.actors import active_dates
from graphbuild.network.graph import day_range
from graphbuild.network.view import NetworkView, network_view
from graphbuild.settings import DEFAULT_BASE_IRI

GRAPHML_NS = "http://graphml.graphdrawing.org/xmlns"
GEXF_NS, VIZ_NS = "http://gexf.net/1.3", "http://gexf.net/1.3/viz"
XSI_NS = "http://www.w3.org/2001/XMLSchema-instance"
_NOT_XML = re.compile("[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
# (name, GraphML type, GEXF type) of the node and edge attributes, in file order
NODE_KEYS = (("iri", "string", "anyURI"), ("kind", "string", "string"), ("group", "string", "string"),
             ("alt_labels", "string", "string"), ("titles", "string", "string"), ("documents", "string", "string"),
             ("mentions", "int", "integer"), ("importance", "double", "double"), ("date", "string", "string"),
             ("end_date", "string", "string"))
VIEW_KEYS = (("x", "double"), ("y", "double"), ("size", "double"), ("r", "int"), ("g", "int"), ("b", "int"),
             ("color", "string"))  # GraphML only: GEXF has viz elements
EDGE_KEYS = (("kind", "string", "string"), ("predicate", "string", "string"), ("events", "string", "string"))


def xml_safe(value: object) -> str:
    """`value` as text an XML 1.0 document can hold."""
    return _NOT_XML.sub("\ufffd", str(value))


class _Graph:
    """Nodes and edges of one exported graph, as plain rows (shared by both writers)."""

    def __init__(self, view: NetworkView, actors_only: bool, base_iri: str):
        graph = view.actors if actors_only else view.full
        events = {v.id: v for v in view.model.events}
        days = active_dates(view.model)
        self.ids = {n: self._token(n, n in events, base_iri) for n in graph.nodes}
        self.nodes, self.edges = [], []
        for n, d in graph.nodes(data=True):
            span = next((r for r in (day_range(t.value, t.end) for t in events[n].times) if r), None) \
                if n in events else None
            attrs = {"iri": self._iri(n, n in events, base_iri), "kind": d["kind"], "group": d["group"],
                     "alt_labels": d["alt_labels"], "titles": d["titles"], "documents": d["documents"],
                     "mentions": d["mentions"], "importance": view.scores.get(n, 0.0)}
            if span:
                attrs["date"], attrs["end_date"] = span
            spells = [span] if span else [(day, day) for day in days.get(n, [])]
            self.nodes.append((self.ids[n], d["label"], attrs, spells, view, n))
        for u, v, d in graph.edges(data=True):
            attrs = {"kind": d["kind"], "predicate": d.get("predicate", d["kind"])}
            if d.get("items") and d["kind"] == "event":
                attrs["events"] = " ".join(self._token(e, True, base_iri) for e in d["items"])
            self.edges.append((f"e{len(self.edges)}", self.ids[u], self.ids[v], d["label"], float(d["weight"]),
                               d.get("directed", True), attrs))

    @staticmethod
    def _iri(node: str, event: bool, base_iri: str) -> str:
        return (iri.event_iri if event else iri.entity_iri)(base_iri, node)

    @classmethod
    def _token(cls, node: str, event: bool, base_iri: str) -> str:
        return cls._iri(node, event, base_iri)[len(base_iri):].replace("/", ".")


def _sub(parent: ET.Element, tag: str, attrib: dict | None = None, text: str | None = None) -> ET.Element:
    child = ET.SubElement(parent, tag, {k: xml_safe(v) for k, v in (attrib or {}).items()})
    if text is not None:
        child.text = xml_safe(text)
    return child


def _bytes(root: ET.Element) -> bytes:
    ET.indent(root, space=" ")
    return b'<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="utf-8", xml_declaration=False) + b"\n"


def _rgb(color: str) -> tuple[int, int, int]:
    return int(color[1:3], 16), int(color[3:5], 16), int(color[5:7], 16)


def graphml_bytes(view: NetworkView, *, actors_only: bool = False, base_iri: str = DEFAULT_BASE_IRI) -> bytes:
    """The GraphML 1.0 document of `view` (the actor projection when `actors_only`)."""
    rows = _Graph(view, actors_only, base_iri)
    root = ET.Element(f"{{{GRAPHML_NS}}}graphml", {
        f"{{{XSI_NS}}}schemaLocation": f"{GRAPHML_NS} http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd"})
    keys = [("node", "label", "string")] + [("node", k, t) for k, t, _ in NODE_KEYS] + \
        [("node", k, t) for k, t in VIEW_KEYS] + [("edge", "label", "string"), ("edge", "weight", "double")] + \
        [("edge", k, t) for k, t, _ in EDGE_KEYS]
    for domain, name, kind in keys:
        _sub(root, f"{{{GRAPHML_NS}}}key", {"id": f"{domain[0]}_{name}", "for": domain, "attr.name": name,
                                            "attr.type": kind})
    graph = _sub(root, f"{{{GRAPHML_NS}}}graph", {"id": "actors" if actors_only else "network",
                                                  "edgedefault": "directed"})
    for token, label, attrs, _, v, n in rows.nodes:
        node = _sub(graph, f"{{{GRAPHML_NS}}}node", {"id": token})
        (x, y), (r, g, b) = v.positions[n], _rgb(v.color(n))
        values = {"label": label, **attrs, "x": x, "y": y, "size": v.size(n), "r": r, "g": g, "b": b,
                  "color": v.color(n)}
        for name, value in values.items():
            if value != "":
                _sub(node, f"{{{GRAPHML_NS}}}data", {"key": f"n_{name}"}, str(value))
    for eid, source, target, label, weight, directed, attrs in rows.edges:
        edge = _sub(graph, f"{{{GRAPHML_NS}}}edge", {"id": eid, "source": source, "target": target,
                                                     **({} if directed else {"directed": "false"})})
        for name, value in {"label": label, "weight": weight, **attrs}.items():
            _sub(edge, f"{{{GRAPHML_NS}}}data", {"key": f"e_{name}"}, str(value))
    ET.register_namespace("", GRAPHML_NS)
    ET.register_namespace("xsi", XSI_NS)
    return _bytes(root)


def gexf_bytes(view: NetworkView, *, actors_only: bool = False, base_iri: str = DEFAULT_BASE_IRI) -> bytes:
    """The GEXF 1.3 document of `view` (the actor projection when `actors_only`)."""
    rows = _Graph(view, actors_only, base_iri)
    g, z = f"{{{GEXF_NS}}}", f"{{{VIZ_NS}}}"
    root = ET.Element(g + "gexf", {f"{{{XSI_NS}}}schemaLocation": f"{GEXF_NS} {GEXF_NS}/gexf.xsd", "version": "1.3"})
    meta = _sub(root, g + "meta")
    _sub(meta, g + "creator", text="graphbuild")
    _sub(meta, g + "description", text="actor network" if actors_only else "actors and events")
    graph = _sub(root, g + "graph", {"defaultedgetype": "directed", "mode": "dynamic", "timeformat": "date"})
    for cls, keys in (("node", NODE_KEYS), ("edge", EDGE_KEYS)):
        block = _sub(graph, g + "attributes", {"class": cls, "mode": "static"})
        for name, _, kind in keys:
            _sub(block, g + "attribute", {"id": name, "title": name, "type": kind})
    nodes = _sub(graph, g + "nodes")
    for token, label, attrs, spells, v, n in rows.nodes:
        node = _sub(nodes, g + "node", {"id": token, "label": label})
        values = _sub(node, g + "attvalues")
        for name, value in attrs.items():
            if value != "":
                _sub(values, g + "attvalue", {"for": name, "value": value})
        if spells:
            block = _sub(node, g + "spells")
            for start, end in spells:
                _sub(block, g + "spell", {"start": start, "end": end})
        (x, y), (r, gr, b) = v.positions[n], _rgb(v.color(n))
        _sub(node, z + "color", {"r": r, "g": gr, "b": b})
        _sub(node, z + "position", {"x": float(x), "y": float(-y), "z": 0.0})
        _sub(node, z + "size", {"value": v.size(n)})
    edges = _sub(graph, g + "edges")
    for eid, source, target, label, weight, directed, attrs in rows.edges:
        edge = _sub(edges, g + "edge", {"id": eid, "source": source, "target": target, "label": label,
                                        "weight": weight, **({} if directed else {"type": "undirected"})})
        values = _sub(edge, g + "attvalues")
        for name, value in attrs.items():
            _sub(values, g + "attvalue", {"for": name, "value": value})
    ET.register_namespace("", GEXF_NS)
    ET.register_namespace("viz", VIZ_NS)
    ET.register_namespace("xsi", XSI_NS)
    return _bytes(root)


def write_exports(model: GraphModel, out: Path | str, formats, *, base_iri: str = DEFAULT_BASE_IRI,
                  view: NetworkView | None = None, stem: str = "graph") -> dict[str, Path]:
    """Write {stem}.{fmt} and {stem}-actors.{fmt} into directory `out` for each of `formats`
    that is graphml or gexf; returns {"graphml": path, "graphml-actors": path, ...}."""
    wanted = [f for f in ("graphml", "gexf") if f in formats]
    if not wanted:
        return {}
    view = network_view(model) if view is None else view
    writers = {"graphml": graphml_bytes, "gexf": gexf_bytes}
    written = {}
    for fmt in wanted:
        for suffix, actors_only in (("", False), ("-actors", True)):
            path = Path(out) / f"{stem}{suffix}.{fmt}"
            atomic_write_bytes(path, writers[fmt](view, actors_only=actors_only, base_iri=base_iri))
            written[fmt + suffix] = path
    return written


def write_graphml(model: GraphModel, path: Path | str, **options) -> None:
    """Write the network of `model` to `path` as GraphML (`actors_only`, `base_iri`)."""
    atomic_write_bytes(Path(path), graphml_bytes(network_view(model), **options))


def write_gexf(model: GraphModel, path: Path | str, **options) -> None:
    """Write the network of `model` to `path` as GEXF 1.3 (`actors_only`, `base_iri`)."""
    atomic_write_bytes(Path(path), gexf_bytes(network_view(model), **options))


__all__ = ["gexf_bytes", "graphml_bytes", "write_exports", "write_gexf", "write_graphml", "xml_safe"]
