"""The main process warms the serial stages while workers analyse (engine.prewarm)."""
from __future__ import annotations

from pathlib import Path

from graphbuild.analyze import analyze
from graphbuild.engine.prewarm import warm, warm_in_background
from graphbuild.model import Document
from graphbuild.nlp import parse
from graphbuild.rdf.validate import compiled_shapes
from graphbuild.resolve.cross_doc import merge_documents
from graphbuild.settings import Settings

TEXTS = (
    "Marta Quillon, the mayor of Dunmere, opened a bridge over the river Olst on Monday.",
    "The Dunmere bridge was opened by mayor Marta Quillon. Engineers from Halvik Works built it.",
)


def _models(nlp):
    return [analyze(parse(nlp, Document(id=f"d{i}", text=t))) for i, t in enumerate(TEXTS)]


def test_warming_changes_no_merge(nlp, tmp_path: Path):
    models = _models(nlp)
    settings = Settings(output_dir=tmp_path)
    before = merge_documents(models)
    warm(models[:1], settings)
    assert merge_documents(models) == before
    assert compiled_shapes.cache_info().currsize == 1  # the shapes are compiled once, ahead


def test_a_failing_warm_up_stays_on_its_thread(tmp_path: Path):
    thread = warm_in_background([None], Settings(output_dir=tmp_path))  # not a model: it fails
    thread.join(timeout=60)
    assert not thread.is_alive()
