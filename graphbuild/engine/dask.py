"""Analyse documents on a Dask distributed cluster (corpora beyond one machine).

`scheduler` is the address of a running scheduler (`tcp://host:8786`); without one, a
LocalCluster of `jobs` single-threaded worker processes is started for the call. Each
worker loads the spaCy model once (the loader caches per process).
"""
from __future__ import annotations

from collections.abc import Iterator, Sequence

from graphbuild.analyze import CorpusContext
from graphbuild.engine.local import DocumentOutcome, Progress, analyze_batch, batches, counted
from graphbuild.model import Document


def analyze_documents_dask(
    documents: Sequence[Document],
    model_name: str,
    context: CorpusContext,
    jobs: int = 2,
    scheduler: str | None = None,
    on_done: Progress | None = None,
) -> Iterator[DocumentOutcome]:
    """Like `engine.local.analyze_local`, on Dask; outcomes come back in input order."""
    from distributed import Client, LocalCluster

    cluster = None
    if scheduler is None:
        cluster = LocalCluster(n_workers=max(1, jobs), threads_per_worker=1, processes=True,
                               dashboard_address=None, silence_logs=40)
    try:
        with Client(scheduler or cluster) as client:
            context_future = client.scatter(context, broadcast=True)
            futures = client.map(analyze_batch, batches(list(documents), jobs), model_name=model_name,
                                 context=context_future, pure=False)
            yield from counted((o for f in futures for o in f.result()), on_done)
    finally:
        if cluster is not None:
            cluster.close()
