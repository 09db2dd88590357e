"""render_html(model) → one self-contained HTML page: vis-network, our viewer and the data.

No network request of any kind: vis-network's standalone build is read from the installed
pyvis package and inlined, and a Content-Security-Policy (default-src 'none', scripts
allowed only by the SHA-256 of our two inline scripts) forbids loading anything. pyvis's
own templates are not used (CDN links, unescaped heading, HTML titles: see DESIGN.md).
Article text reaches the page only as JSON inside <script type="application/json">,
escaped so it cannot close the element, and the viewer turns it into DOM text nodes.
"""
from __future__ import annotations

import base64
import hashlib
import importlib.util
import json
import re
from functools import cache
from pathlib import Path

from jinja2 import Environment, FileSystemLoader
from markupsafe import Markup

from graphbuild.errors import OutputError
from graphbuild.model import GraphModel
from graphbuild.network.payload import build_payload
from graphbuild.network.view import NetworkView, network_view
from graphbuild.settings import DEFAULT_BASE_IRI

HERE = Path(__file__).resolve().parent
VIS_JS = ("templates", "lib", "vis-9.1.2", "vis-network.min.js")  # inside the pyvis package
DEFAULT_TITLE = "graphbuild network"
DEFAULT_SHOWN = 1000  # beyond this many actors the page starts with the most central ones
BIG = 500  # above this many nodes: straight edges, hidden while dragging (drawing speed)
_BREAKOUT = re.compile(r"</script|<!--|</style", re.IGNORECASE)


@cache
def vis_network_js() -> str:
    """vis-network's standalone minified build (with its license header) from pyvis."""
    spec = importlib.util.find_spec("pyvis")
    if spec is None or not spec.submodule_search_locations:
        raise OutputError("GB401")
    path = Path(next(iter(spec.submodule_search_locations))).joinpath(*VIS_JS)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as err:
        raise OutputError("GB404", path=path, reason=err) from err
    return _inline_safe(text, path.name)


@cache
def _static(name: str) -> str:
    return _inline_safe((HERE / "static" / name).read_text(encoding="utf-8"), name)


def _inline_safe(text: str, name: str) -> str:
    if _BREAKOUT.search(text):
        raise OutputError("GB402", name=name)
    return text


def script_json(data: object) -> str:
    """JSON for a <script type="application/json"> block: no '<', '>' or '&' appears
    literally, so neither '</script>' nor '<!--' in the data can end the element."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _sha256(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii") + "'"


@cache
def _environment() -> Environment:
    return Environment(loader=FileSystemLoader(HERE / "templates"), autoescape=True,
                       keep_trailing_newline=True, trim_blocks=True, lstrip_blocks=True)


def render_html(model: GraphModel, *, title: str = DEFAULT_TITLE, initial_shown: int | None = None,
                view: NetworkView | None = None, show_events: bool = False, base_iri: str = DEFAULT_BASE_IRI) -> str:
    """The page for `model`: the actor network first, events in the timeline.
    `initial_shown`: actors drawn at first (most central first; default all up to
    DEFAULT_SHOWN), the page's control grows it. `view`: `network_view(model)` if already
    built. `show_events`: start with events drawn as nodes too. `base_iri`: the graph's,
    for the IRIs the panel's correction commands name."""
    view = network_view(model) if view is None else view
    payload = build_payload(view, base_iri)
    actors = sum(1 for n in payload["nodes"] if n["group"] != "Event")
    shown = min(actors, initial_shown if initial_shown is not None else DEFAULT_SHOWN)
    payload["config"] = {
        "initial": max(shown, 1 if actors else 0),
        "actors": actors,
        "big": len(payload["nodes"]) > BIG,
        "events": bool(show_events),
    }
    vis_js = vis_network_js()
    viewer_js = "\n".join(_static(name) for name in ("correct.js", "panel.js", "controls.js", "viewer.js"))  # one script: one hash
    csp = (f"default-src 'none'; script-src {_sha256(vis_js)} {_sha256(viewer_js)}; "
           "style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'")
    return _environment().get_template("graph.html.j2").render(
        title=title,
        csp=csp,
        css=Markup(_static("viewer.css")),
        data=Markup(script_json(payload)),
        vis_js=Markup(vis_js),
        viewer_js=Markup(viewer_js),
    )


def write_html(model: GraphModel, path: Path | str, *, title: str = DEFAULT_TITLE, **options) -> Path:
    """Render `model` and atomically write the page to `path` (its directory must exist);
    `options` go to `render_html`."""
    from graphbuild.fsio import atomic_write_text

    path = Path(path)
    if not path.parent.is_dir():
        raise OutputError("GB403", parent=path.parent)
    atomic_write_text(path, render_html(model, title=title, **options))
    return path


__all__ = ["DEFAULT_SHOWN", "render_html", "script_json", "vis_network_js", "write_html"]
