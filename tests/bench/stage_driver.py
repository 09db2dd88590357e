"""Where a corpus build's memory and CPU go after the analysis, stage by stage, at N documents
(`python -m tests.bench.drivers stages N OUT [--formats F]`).

The analysis (spaCy, extraction, within-document resolution) costs the same per document
at any size; what can grow with the corpus is what comes after it. So the ECB+ train
articles are analysed once (under the corpus context of the split repeated, as
`harness.repeated_corpus` makes it) and their one-document models repeated with fresh
document ids to N, as the growth benchmark's corpus is; then the cross-document merge,
the fact checks and `pipeline.write_outputs` run as a build runs them (`--jobs 1`). RSS is
sampled every 20 ms in this process and the peak kept per stage (merge, check, quads,
shacl, rdf files, network), with each stage's CPU seconds: a stage whose peak or CPU per
document rises with N is a growth term.
"""
from __future__ import annotations

import json
import threading
import time
from dataclasses import replace
from pathlib import Path

STAGES = {"graphbuild.rdf.build": "to_quads", "graphbuild.rdf.validate_parts": "validate_in_parts",
          "graphbuild.rdf.serialize": "write_outputs", "graphbuild.writing": "write_network"}
LABELS = {"to_quads": "quads", "validate_in_parts": "shacl", "write_outputs": "rdf files",
          "write_network": "network"}


class _Stages:
    """The current stage's name, its RSS peak and CPU seconds (sampled on a thread)."""

    def __init__(self):
        import psutil

        self.proc, self.name, self.peaks, self.cpu = psutil.Process(), "analysed", {}, {}
        self.t0, self.done = time.process_time(), threading.Event()
        threading.Thread(target=self._sample, daemon=True).start()

    def _note(self) -> None:
        rss = self.proc.memory_info().rss / 2**20
        self.peaks[self.name] = round(max(self.peaks.get(self.name, 0.0), rss))

    def _sample(self) -> None:
        while not self.done.is_set():
            self._note()
            time.sleep(0.02)

    def enter(self, name: str) -> str:
        self._note()
        now = time.process_time()
        self.cpu[self.name] = round(self.cpu.get(self.name, 0.0) + now - self.t0, 2)
        before, self.name, self.t0 = self.name, name, now
        return before

    def wrap(self, module, attr: str) -> None:
        """Count the time inside `module.attr` (looked up at each call) as its stage."""
        inner = getattr(module, attr)

        def staged(*args, **kwargs):
            before = self.enter(LABELS[attr])
            try:
                return inner(*args, **kwargs)
            finally:
                self.enter(before)

        setattr(module, attr, staged)


def one_document_models(limit: int, split: str = "train") -> list:
    """The one-document models of the split's first `limit` articles, analysed in this process."""
    from graphbuild.engine.local import analyze_local
    from graphbuild.extract.context import corpus_context
    from graphbuild.model import Document
    from tests.bench.harness import _records

    documents = [Document(id=f"{r['doc_id']}-r0", text=r["text"]) for r in _records(split)[:limit]]
    context = corpus_context(documents + documents)  # every line repeated, as at 2x the split and more
    return [o.model for o in analyze_local(documents, "en_core_web_sm", context, 1) if o.model is not None]


def repeated(models: list, n: int) -> list:
    """`n` models: `models` repeated, copy k of a document named `<id>-r<k>` (its mentions too)."""
    from graphbuild.engine.segments import _mapped

    def copy(model, k: int):
        document = model.documents[0]
        new_id = f"{document.id.removesuffix('-r0')}-r{k}"
        return replace(_mapped(model, lambda _: new_id, 0), documents=(replace(document, id=new_id),))

    return [copy(models[i % len(models)], i // len(models)) for i in range(n)]


def run_stages(n: int, out: Path, formats: tuple[str, ...] | None = None) -> dict:
    import importlib

    from graphbuild.correcting import load_corrections
    from graphbuild.pipeline import _Timer, write_outputs
    from graphbuild.resolve.cross_doc import merge_documents
    from graphbuild.resolve.fact_check import check_facts
    from graphbuild.settings import Settings

    t0 = time.process_time()
    models = repeated(one_document_models(n), n)
    analysis_cpu = round(time.process_time() - t0, 2)
    settings = Settings(inputs=("stages",), output_dir=out, jobs=1, **({"formats": formats} if formats else {}))
    stages = _Stages()
    for module, attr in STAGES.items():
        stages.wrap(importlib.import_module(module), attr)
    stages.enter("merge")
    merged = merge_documents(models, load_corrections(settings))
    del models
    stages.enter("check")
    model = check_facts(merged).model
    del merged
    stages.enter("other writing")
    _, validation = write_outputs(model, settings, _Timer(), staged=True)
    stages.enter("end")
    stages.done.set()
    return {"documents": n, "triples": validation.get("triples"), "analysis_cpu_once": analysis_cpu,
            "peak_mb": stages.peaks, "cpu_seconds": stages.cpu}
