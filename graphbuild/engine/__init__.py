"""Execution engines: analyse documents in this process, in a local process pool, or on a
Dask cluster. All return one-document GraphModels (or the error that stopped one), in
input order; `analyze_documents` picks the engine."""
from __future__ import annotations

from collections.abc import Iterator, Sequence

from graphbuild.engine.local import DocumentOutcome, Progress, analyze_local
from graphbuild.extract.context import CorpusContext
from graphbuild.model import Document


def analyze_documents(
    documents: Sequence[Document],
    model_name: str,
    context: CorpusContext,
    jobs: int = 1,
    on_done: Progress | None = None,
    engine: str = "local",
    scheduler: str | None = None,
) -> Iterator[DocumentOutcome]:
    """Analyse `documents` in input order, calling `on_done(1)` after each: here or in
    `jobs` processes (engine "local"), or on a Dask cluster (engine "dask", at
    `scheduler` or on a local one of `jobs` workers)."""
    if engine == "dask":
        from graphbuild.engine.dask import analyze_documents_dask

        return analyze_documents_dask(documents, model_name, context, jobs, scheduler, on_done)
    return analyze_local(documents, model_name, context, jobs, on_done)


__all__ = ["DocumentOutcome", "analyze_documents"]
