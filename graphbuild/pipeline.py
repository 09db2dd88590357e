"""One build, end to end: ingest → nlp/extract → resolve → GraphModel → RDF and HTML.

`build(settings)` is what `graphbuild build` calls. It never prints: progress goes to the
optional `progress` callback and everything worth telling ends up in `report.json`.
"""
from __future__ import annotations

import json
import time
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from graphbuild import __version__
from graphbuild.errors import GraphbuildError, NothingBuilt, OutputError
from graphbuild.model import Document, GraphModel
from graphbuild.reading import apart_from_graph as _apart_from_graph, read_documents, skip_input as _skip
from graphbuild.resolve.fact_check import CheckedModel
from graphbuild.settings import Settings

if TYPE_CHECKING:
    from graphbuild.engine import DaskSession, PartitionedCorpus
    from graphbuild.rdf.quads import QuadSet
    from graphbuild.rdf.validate import ValidationResult

REJECTED_FILE = "rejected.trig"  # statements SHACL refused, kept out of the published graph
MAX_LISTED = 100  # violation messages listed in report.json
WARM_DOCUMENTS = 8  # documents the serial stages are warmed on while workers analyse (engine.prewarm)

# progress(stage, advance, total): total is known when a stage starts (advance 0).
ProgressFn = Callable[[str, int, int | None], None]


@dataclass
class BuildResult:
    """What a build produced: the model, the report written to report.json, the files."""

    model: GraphModel
    report: dict
    outputs: dict[str, Path] = field(default_factory=dict)


@dataclass
class _Timer:
    timings: dict[str, float] = field(default_factory=dict)

    @contextmanager
    def stage(self, name: str) -> Iterator[None]:
        """Add the time spent in the block to `timings[name]` (seconds, 3 decimals)."""
        t0 = time.perf_counter()
        try:
            yield
        finally:
            self.timings[name] = round(self.timings.get(name, 0.0) + time.perf_counter() - t0, 3)


def build_model(documents: list[Document] | PartitionedCorpus, settings: Settings, skipped: list[dict],
                timer: _Timer | None = None, progress: ProgressFn | None = None,
                refresh: bool = False) -> CheckedModel:
    """Analyse `documents` and resolve them into one GraphModel (merged into the graph in
    `settings.into` when given; `refresh`: re-resolving documents already in it), under the
    corrections file, with every fact checked against the final kinds."""
    from graphbuild.correcting import load_corrections

    from graphbuild.engine import analyze_documents
    from graphbuild.resolve.cross_doc import merge_documents
    from graphbuild.resolve.fact_check import check_facts

    timer = timer or _Timer()
    with timer.stage("nlp+extract"):
        if progress:
            progress("analyse", 0, len(documents))
        on_done = (lambda n: progress("analyse", n, None)) if progress else None
        models, warming = [], None
        elsewhere = settings.jobs > 1 or settings.engine == "dask"  # this process waits meanwhile
        for outcome in analyze_documents(documents, settings.model, settings.jobs, on_done,
                                          settings.engine, settings.scheduler):
            if outcome.model is None:
                _skip(skipped, settings, outcome.source, outcome.error or "analysis failed")
            else:
                models.append(outcome.model)
                if elsewhere and len(models) == WARM_DOCUMENTS:  # the workers were forked by now
                    from graphbuild.engine.prewarm import warm_in_background

                    warming = warm_in_background(models[:WARM_DOCUMENTS], settings)
        if warming is not None:
            warming.join()
    with timer.stage("resolve"):
        corrections = load_corrections(settings)
        if settings.into is not None:
            from graphbuild.rdf.read import read_model
            from graphbuild.resolve.incremental import merge_into

            existing_path = Path(settings.into) / "graph.trig"
            existing = read_model(existing_path) if existing_path.exists() else GraphModel()
            merged = merge_into(existing, models, corrections, refresh)
        else:
            merged = merge_documents(models, corrections)
        return check_facts(merged)


def write_outputs(model: GraphModel, settings: Settings, timer: _Timer | None = None,
                  staged: bool = False) -> tuple[dict[str, Path], dict]:
    """Write every requested format into `settings.output_dir`, each file checked, then
    atomically replacing the old one; returns the paths and the validation summary. When
    `staged` (nothing is published before the set is swapped in) and `settings.jobs` > 1,
    SHACL runs on a thread and JSON-LD in a forked child meanwhile (same bytes)."""
    from graphbuild.rdf.build import to_quads
    from graphbuild.rdf.serialize import write_in_background, write_outputs as write_rdf
    from graphbuild.rdf.validate import start_validation
    from graphbuild.rdf.validate_parts import BUDGET
    from graphbuild.writing import finish_overlap, write_network

    timer = timer or _Timer()
    out = Path(settings.output_dir)
    out.mkdir(parents=True, exist_ok=True)
    outputs: dict[str, Path] = {}
    validation: dict = {"checked": False}
    rdf_formats = [f for f in settings.formats if f in ("ttl", "trig", "nt", "jsonld")]
    overlap, background, pending = staged and settings.jobs > 1, None, None
    try:
        with timer.stage("rdf"):
            quads = to_quads(model, settings.base_iri)
            threaded = overlap and settings.validate and len(quads) <= BUDGET  # big: by parts here, then the fork
            if settings.validate and not threaded:
                validation, quads = _validate(quads, settings, out, outputs)
            background = write_in_background(quads, out, rdf_formats) if overlap else None  # before the thread
            pending = start_validation(quads) if threaded else None
            if here := [f for f in rdf_formats if background is None or f not in background.formats]:
                outputs.update(write_rdf(quads, out, here))
            validation["triples"] = len(quads)
            quads = quads if overlap else None  # as big as the graph: not held while the network is made
        with timer.stage("network"):
            write_network(model, settings, out, outputs)
        if overlap:
            with timer.stage("rdf"):
                finish_overlap(quads, settings, out, outputs, (rdf_formats, background, pending), validation, _validate)
    except BaseException:
        if background is not None:
            background.cancel()
        raise
    return outputs, validation


def _validate(quads: QuadSet, settings: Settings, out: Path, outputs: dict[str, Path],
              result: ValidationResult | None = None) -> tuple[dict, QuadSet]:
    """SHACL over `quads` (`result`: when it was run already). Violating statements go to
    `rejected.trig` (OutputError under `settings.strict`); returns the summary and the quads to publish."""
    from graphbuild.iri import cross_graph_iri
    from graphbuild.rdf.terms import to_rdflib
    from graphbuild.rdf.serialize import publish, quad_set, serialize
    from graphbuild.rdf.validate import quarantine
    from graphbuild.rdf.validate_parts import validate_in_parts

    # Part by part on a big build (bounded memory, the same result as the union at once).
    result = result or validate_in_parts(quads, cross_graph_iri(settings.base_iri))
    rejected_path = out / REJECTED_FILE
    if not result.conforms and settings.strict:
        raise OutputError("GB406", violations=result.violations, rejected_file=REJECTED_FILE,
                          summary=result.summary)
    summary = {"checked": True, "conforms": result.conforms, "violations": result.violations,
               "rejected_statements": 0}
    if result.conforms:
        if rejected_path.exists():
            rejected_path.unlink()  # from an earlier build: it does not describe this graph
        return summary, quads
    # The rare path: quarantine works on an rdflib Dataset, then back to sorted quads.
    dataset = to_rdflib(quads)
    result, rejected, met = quarantine(dataset, result)
    summary["rejected_statements"] = len(rejected)
    summary["violation_messages"] = sorted({v.line() for v in met})[:MAX_LISTED]
    rejected_quads = quad_set(rejected)
    outputs["rejected"] = publish(rejected_path, serialize(rejected_quads, "trig"), "trig", rejected_quads)
    return summary, quad_set(dataset)


def counts(model: GraphModel) -> dict:
    """Counts by type for the report."""
    return {
        "documents": len(model.documents),
        "entities": dict(sorted(Counter(e.kind for e in model.entities).items())),
        "mentions": sum(len(e.mentions) for e in model.entities) + sum(len(v.mentions) for v in model.events),
        "events": dict(sorted(Counter(v.kind for v in model.events).items())),
        "relations": dict(sorted(Counter(r.predicate for r in model.relations).items())),
        "memberships": len(model.memberships),
        "quotes": len(model.quotes),
        "event_links": len(model.event_links),
    }


def build(settings: Settings, progress: ProgressFn | None = None) -> BuildResult:
    """Run a whole build of `settings.inputs` and write `report.json` beside the graph
    files (on `--engine dask`, in one Dask session: its workers read the input)."""
    from graphbuild.engine import engine_session
    from graphbuild.preflight import check_settings

    check_settings(settings)  # before any work: a typo costs a second, not the NLP stage
    t0 = time.perf_counter()
    with engine_session(settings.engine, settings.jobs, settings.scheduler, settings.model) as session:
        return _build(settings, progress, session, t0)


def _build(settings: Settings, progress: ProgressFn | None, session: DaskSession | None, t0: float) -> BuildResult:
    from graphbuild.ingest.names import path_text
    from graphbuild.locking import locked
    from graphbuild.outputs import prepare

    timer, skipped, warnings = _Timer(), [], []
    with timer.stage("ingest"):
        documents = read_documents(settings, skipped, warnings, session)
    if not documents:
        raise NothingBuilt("GB601", skipped, path_text(settings.into or settings.output_dir))
    out = Path(settings.into or settings.output_dir)
    with locked(out, settings.wait):  # one build at a time per directory, --into included
        notes = {"input_warnings": warnings, "previous_set": prepare(out, into=settings.into is not None)}
        if settings.into is not None and (out / "graph.trig").exists():
            documents = _apart_from_graph(documents, out / "graph.trig")
        return build_documents(documents, settings, progress, skipped=skipped, timer=timer, started=t0,
                               notes=notes)


def build_documents(documents: list[Document] | PartitionedCorpus, settings: Settings, progress: ProgressFn | None = None,
                    skipped: list[dict] | None = None, timer: _Timer | None = None,
                    started: float | None = None, notes: dict | None = None, refresh: bool = False) -> BuildResult:
    """Build the graph of `documents` (already read) into `settings.output_dir`: analysis,
    resolution, kinds, fact checks, validation, every format and `report.json`, staged and
    swapped in as one set (`outputs.staged`); `notes` are added to the report.
    This is `build` after ingest, and what `graphbuild evaluate` runs."""
    from graphbuild.fsio import atomic_write_text
    from graphbuild.ingest.names import path_text
    from graphbuild.outputs import REPORT, hashes, staged

    timer, skipped = timer or _Timer(), skipped if skipped is not None else []
    t0 = started if started is not None else time.perf_counter()
    if settings.into is not None:
        settings = replace(settings, output_dir=Path(settings.into))
    failed_before = len(skipped)
    checked = build_model(documents, settings, skipped, timer, progress, refresh)
    if len(skipped) - failed_before == len(documents):  # every analysis failed: keep the old set
        raise NothingBuilt("GB601", skipped, path_text(settings.output_dir))
    model = checked.model
    if progress:
        progress("write", 0, None)
    out = Path(settings.output_dir)
    with staged(out) as stage:
        # The stage is where this set is written; `into` was read already (build_model).
        outputs, validation = write_outputs(model, replace(settings, output_dir=stage, into=None), timer, staged=True)
        timer.timings["total"] = round(time.perf_counter() - t0, 3)
        report = _report(settings, documents, model, skipped, checked, validation, outputs, timer)
        report.update(notes or {})
        report["files"] = hashes(stage)
        atomic_write_text(stage / REPORT, json.dumps(report, indent=2, ensure_ascii=False) + "\n")
    outputs = {k: out / p.name for k, p in outputs.items()} | {"report": out / REPORT}
    return BuildResult(model, report, outputs)


def _report(settings, documents, model, skipped, checked, validation, outputs, timer) -> dict:
    from graphbuild.correcting import correction_report
    from graphbuild.ingest.names import path_text

    return {
        "graphbuild": __version__,
        "model": settings.model,
        "base_iri": settings.base_iri,
        "inputs": [path_text(name) for name in settings.inputs] or ["(bundled samples)"],
        "documents_read": len(documents),
        "documents_in_graph": len(model.documents),
        "skipped": skipped,
        "counts": counts(model),
        "dropped_facts": dict(sorted(checked.dropped.items())),
        "corrections": correction_report(settings, model),
        "validation": validation,
        "outputs": {k: p.name for k, p in sorted(outputs.items())},
        "timings_seconds": timer.timings,
    }


__all__ = ["BuildResult", "GraphbuildError", "REJECTED_FILE", "build", "build_documents", "build_model",
           "read_documents", "write_outputs"]
