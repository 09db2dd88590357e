"""Warm the main process's later stages while other processes analyse the documents.

With `--jobs` > 1 or on Dask, the main process only waits during the analysis, then runs
the serial stages alone: the cross-document merge, the RDF and the network page. Their
first use loads tables (the gazetteer's normalized names, containment tables), fills
memoized name forms, imports the writers and compiles the SHACL shapes: about 2 s of
CPU that a `--jobs 1` build pays while analysing in this process anyway. Done on a
thread during the analysis, it shares the cores with the workers instead of adding to
the serial end. Everything warmed is a pure function's cache or a module: the outputs
do not change (the merge of the first documents is thrown away).
"""
from __future__ import annotations

import threading
from collections.abc import Sequence

from graphbuild.model import GraphModel
from graphbuild.settings import Settings


def warm(models: Sequence[GraphModel], settings: Settings) -> None:
    """Run the serial stages' code on `models` (a few documents), keeping nothing but the
    caches and imports it fills."""
    from graphbuild.rdf.build import to_quads
    from graphbuild.resolve.cross_doc import merge_documents
    from graphbuild.resolve.fact_check import check_facts

    model = check_facts(merge_documents(models)).model
    to_quads(model, settings.base_iri)
    if settings.validate:
        from graphbuild.rdf.validate import compiled_shapes

        compiled_shapes()
    if {"html", "graphml", "gexf"} & set(settings.formats):
        from graphbuild.network.view import network_view

        network_view(model)


def warm_in_background(models: Sequence[GraphModel], settings: Settings) -> threading.Thread:
    """`warm(models, settings)` on a started daemon thread (join it before the merge).
    Start it only once worker processes were forked: a fork must not copy a thread
    holding a lock."""

    def run() -> None:
        try:
            warm(list(models), settings)
        except Exception:  # only a head start: the real stage meets and reports any error
            pass

    thread = threading.Thread(target=run, name="graphbuild-prewarm", daemon=True)
    thread.start()
    return thread
