"""Execution engines: analyse documents in this process, in a local process pool, or on a
Dask cluster. All return one-document GraphModels (or the error that stopped one), in
input order; `analyze_documents` picks the engine, `engine_session` opens the Dask
cluster a build reads its input on (`engine.dask.read_corpus`)."""
from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager

from graphbuild.engine.dask import DaskSession, PartitionedCorpus
from graphbuild.engine.local import DocumentOutcome, Progress, analyze_local
from graphbuild.extract.context import corpus_context
from graphbuild.model import Document


def analyze_documents(
    documents: Sequence[Document] | PartitionedCorpus,
    model_name: str,
    jobs: int = 1,
    on_done: Progress | None = None,
    engine: str = "local",
    scheduler: str | None = None,
) -> Iterator[DocumentOutcome]:
    """Analyse `documents` in input order under their corpus context, calling
    `on_done(1)` after each: here or in `jobs` processes (engine "local"), or on a Dask
    cluster (engine "dask", at `scheduler` or on a local one of `jobs` workers). A
    PartitionedCorpus is analysed on its own session's workers."""
    if isinstance(documents, PartitionedCorpus):
        from graphbuild.engine.dask import analyze_corpus

        return analyze_corpus(documents, model_name, on_done)
    context = corpus_context(documents)
    if engine == "dask":
        from graphbuild.engine.dask import analyze_documents_dask

        return analyze_documents_dask(documents, model_name, context, jobs, scheduler, on_done)
    return analyze_local(documents, model_name, context, jobs, on_done)


@contextmanager
def engine_session(engine: str, jobs: int, scheduler: str | None,
                   model_name: str | None = None) -> Iterator[DaskSession | None]:
    """The Dask session of a build on engine "dask" (closed on leaving), else None; a
    LocalCluster's workers start with `model_name` loaded."""
    if engine != "dask":
        yield None
        return
    with DaskSession(jobs, scheduler, model_name=model_name) as session:
        yield session


__all__ = ["DocumentOutcome", "PartitionedCorpus", "analyze_documents", "engine_session"]
