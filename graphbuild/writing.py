"""Parts of `pipeline.write_outputs`: the network files, and the end of a write that
overlapped SHACL (a thread) and JSON-LD (a forked child) with the other files."""
from __future__ import annotations

from pathlib import Path

from graphbuild.model import GraphModel
from graphbuild.settings import Settings


def write_network(model: GraphModel, settings: Settings, out: Path, outputs: dict[str, Path]) -> None:
    """graph.html, graph.graphml, graph.gexf as `settings.formats` asks (one layout for all)."""
    if {"html", "graphml", "gexf"} & set(settings.formats):
        from graphbuild.network.exchange import write_exports
        from graphbuild.network.view import network_view

        view = network_view(model)  # one layout for the page and the GraphML/GEXF files
        if "html" in settings.formats:
            from graphbuild.fsio import atomic_write_text
            from graphbuild.network.html import render_html

            atomic_write_text(out / "graph.html", render_html(model, view=view, base_iri=settings.base_iri))
            outputs["html"] = out / "graph.html"
        outputs.update(write_exports(model, out, settings.formats, base_iri=settings.base_iri, view=view))


def finish_overlap(quads, settings: Settings, out: Path, outputs: dict[str, Path], started: tuple,
                   validation: dict, validate_step) -> None:
    """Wait for what `write_outputs` started, `started` = (RDF formats, the JSON-LD child or
    None, the SHACL future or None); `validate_step` is `pipeline._validate`. When statements
    were quarantined, every RDF file is written again without them. `validation` is filled in."""
    from graphbuild.rdf.serialize import write_outputs as write_rdf

    rdf_formats, background, pending = started
    if background is not None:
        outputs.update(background.result())
    if pending is not None:
        summary, checked = validate_step(quads, settings, out, outputs, pending.result())
        if checked is not quads and rdf_formats:  # quarantined: the files again, without them
            outputs.update(write_rdf(checked, out, rdf_formats))
        validation.clear()
        validation.update(summary, triples=len(checked))
