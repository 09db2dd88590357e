"""Analyse documents on a Dask distributed cluster (corpora beyond one machine).

`scheduler` is the address of a running scheduler (`tcp://host:8786`); without one, a
LocalCluster of `jobs` single-threaded worker processes is started for the build. Each
worker loads the spaCy model once (the loader caches per process); a LocalCluster's
workers are forked with it loaded (`engine.dask_forkserver`).

A build reads its input on the workers (`read_corpus`): the client plans partitions
(`ingest.partitions.plan`: file lists and byte ranges, no text), the workers count the
lines before each range, then read and summarize their partitions (the map step: the
ids, what was skipped, partial line counts by bucket); the counts of each bucket are
summed on a worker (the reduce step) and only the repeated lines come back to make the
`CorpusContext`. The client makes the ids unique over the corpus, as the local engine
does, and the workers then read their partitions again and analyse them
(`analyze_corpus`); outcomes come back in input order. The client holds ids, digests and
the outcomes, never the corpus. Documents already in memory (`graphbuild evaluate`)
go the old way: `analyze_documents_dask` sends them in batches.
"""
from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace

from graphbuild.analyze import CorpusContext
from graphbuild.engine.local import DocumentOutcome, Progress, analyze_batch, batches, counted
from graphbuild.errors import InputWarning
from graphbuild.ingest.partitions import Partition, ReadOptions
from graphbuild.model import Document

MAX_BUCKETS = 8  # reducers of the line counts: P x buckets small tasks

# A LocalCluster's periodic housekeeping, made rarer: the workers' statistical profiler
# (a stack sample of the task thread every 10 ms, taking the GIL from it), the event
# loops' health tick (20 ms), the system and memory monitors. On 60 ECB+ documents they
# cost 7 of 41 CPU seconds, growing with wall time; a build needs none of them (no
# dashboard). Memory limits still hold: the monitor checks once a second.
QUIET_CLUSTER = {
    "distributed.worker.profile.enabled": False,
    "distributed.admin.tick.interval": "1s",
    "distributed.admin.system-monitor.interval": "5s",
    "distributed.admin.system-monitor.gil.enabled": False,
    "distributed.worker.memory.monitor-interval": "1s",
}


class DaskSession:
    """A Dask client, on the cluster at `scheduler` or on a LocalCluster of `jobs`
    single-threaded workers started for it (and closed with it): worker processes, or
    threads of this process (`processes` False: cheap to start, for tests), forked from a
    forkserver that has loaded `model_name`. A LocalCluster runs under `QUIET_CLUSTER` (a
    remote cluster keeps its own configuration)."""

    def __init__(self, jobs: int = 2, scheduler: str | None = None, processes: bool = True,
                 model_name: str | None = None) -> None:
        from contextlib import ExitStack

        from distributed import Client

        self.client, self.cluster, self._stack = None, None, ExitStack()
        try:
            if scheduler is None:
                self.cluster = self._local_cluster(jobs, processes, model_name)
            self.client = Client(scheduler or self.cluster)
        except BaseException:
            self.close()
            raise

    def _local_cluster(self, jobs: int, processes: bool, model_name: str | None):
        """A LocalCluster of `jobs` single-threaded workers, quiet; worker processes are
        forked from a forkserver with `model_name` loaded (`engine.dask_forkserver`)."""
        import dask
        from distributed import LocalCluster

        from graphbuild.engine.dask_forkserver import FORKSERVER, preloaded_forkserver

        config = QUIET_CLUSTER
        if processes:
            self._stack.enter_context(preloaded_forkserver(model_name))
            config = {**QUIET_CLUSTER, **FORKSERVER}
        with dask.config.set(config):  # the scheduler and nannies read it as they start
            return LocalCluster(n_workers=max(1, jobs), threads_per_worker=1, processes=processes,
                                dashboard_address=None, silence_logs=40)

    @property
    def workers(self) -> int:
        """Worker threads on the cluster now (at least 1)."""
        return max(1, sum(self.client.nthreads().values()))

    def close(self) -> None:
        """Disconnect, and stop the LocalCluster if this session started it (idempotent)."""
        client, cluster = self.client, self.cluster
        self.client, self.cluster = None, None
        with self._stack:  # the forkserver stops after its workers
            if client is not None:
                client.close()
            if cluster is not None:
                cluster.close()

    def __enter__(self) -> DaskSession:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


@dataclass(frozen=True)
class PartitionedCorpus:
    """The documents of a build as partitions the workers read: for each partition the
    final ids of its documents (`keys`: as read), and the corpus context."""

    session: DaskSession
    partitions: tuple[Partition, ...]
    ids: tuple[tuple[str, ...], ...]
    keys: tuple[tuple, ...]
    context: CorpusContext
    options: ReadOptions

    def __len__(self) -> int:
        return sum(map(len, self.ids))

    def kept_apart(self, existing: Sequence[Document]) -> PartitionedCorpus:
        """`ingest.identity.keep_apart` of these documents against `existing` ones (a
        graph built into before), from their ids, paths and text digests."""
        from graphbuild.engine.partitioned import text_digest
        from graphbuild.ingest.identity import keep_apart

        # keep_apart compares texts: stand-ins whose text is the digest compare the same.
        old = [replace(d, text=text_digest(d.text)) for d in existing]
        new = [Document(i, k.digest, path=k.path) for ids, keys in zip(self.ids, self.keys) for i, k in zip(ids, keys)]
        apart = iter(keep_apart(new, old))
        return replace(self, ids=tuple(tuple(next(apart).id for _ in ids) for ids in self.ids))


def read_corpus(session: DaskSession, inputs: Sequence[str], options: ReadOptions,
                follow_symlinks: bool = False) -> tuple[PartitionedCorpus, list[tuple[str, str]], list[InputWarning]]:
    """The corpus of `inputs` read on the workers of `session`; and what `read_inputs`
    would report, in its order: the inputs skipped (source, reason) and the warnings."""
    from graphbuild.engine.partitioned import report_of, summarize
    from graphbuild.ingest import unique_id
    from graphbuild.ingest.partitions import count_lines, needs_count, number_lines, plan

    client = session.client
    planned = plan(inputs, workers=session.workers, options=options, follow_symlinks=follow_symlinks)
    counts = client.gather(client.map(count_lines, [p for p in planned if needs_count(p)], pure=False))
    planned = number_lines(planned, counts)
    parts = [p for p in planned if isinstance(p, Partition)]
    buckets = max(1, min(MAX_BUCKETS, session.workers, len(parts)))
    summaries = client.map(summarize, parts, options=options, buckets=buckets, pure=False)
    context = _reduced_context(client, summaries, buckets)
    reports = client.gather(client.map(report_of, summaries, pure=False))
    del summaries  # the partial counts are released on the workers
    skipped, warnings, keys = _assembled(planned, reports)
    seen: set[str] = set()
    ids = tuple(tuple(unique_id(k.id, seen) for k in part_keys) for part_keys in keys)
    return PartitionedCorpus(session, tuple(parts), ids, tuple(keys), context, options), skipped, warnings


def _reduced_context(client, summaries: list, buckets: int) -> CorpusContext:
    """The reduce step: each bucket's partial counts summed on a worker; only the
    repeated lines of each come back."""
    from graphbuild.engine.partitioned import bucket_of
    from graphbuild.extract.context import repeated_in

    reducers = [client.submit(repeated_in, *[client.submit(bucket_of, s, j, pure=False) for s in summaries],
                              pure=False) for j in range(buckets)]
    return CorpusContext(repeated_lines=frozenset().union(*client.gather(reducers)))


def _assembled(planned: list, reports: list) -> tuple[list[tuple[str, str]], list[InputWarning], list[tuple]]:
    """The skipped inputs, warnings and per-partition document keys in input order
    (`reports`: of the partitions of `planned`, in order)."""
    from graphbuild.ingest.partitions import no_json_lines

    skipped, warnings, keys, file_read = [], [], [], False
    in_order = iter(reports)
    for p in planned:
        if isinstance(p, InputWarning):
            warnings.append(p)
            continue
        if not isinstance(p, Partition):
            skipped.append((p.source, p.reason))
            continue
        report = next(in_order)
        skipped.extend(report.skipped)
        warnings.extend(report.warnings)
        keys.append(report.documents)
        if p.path is not None:  # a JSONL file cut into ranges: no JSON line in any is an empty file
            file_read = (file_read and p.part > 0) or not report.empty
            if p.part == p.parts - 1 and not file_read:
                error = no_json_lines(p)
                skipped.append((error.source, error.reason))
    return skipped, warnings, keys


def analyze_corpus(corpus: PartitionedCorpus, model_name: str, on_done: Progress | None = None) -> Iterator[DocumentOutcome]:
    """The outcomes of the documents of `corpus`, analysed on its workers, in input
    order; the session is closed once the last comes back (the workers' memory is free
    for the rest of the build)."""
    from graphbuild.engine.partitioned import analyze_partition

    client = corpus.session.client
    try:
        context = client.scatter(corpus.context, broadcast=True)
        futures = [client.submit(analyze_partition, p, corpus.options, ids, tuple(k.digest for k in keys),
                                 model_name, context, pure=False)
                   for p, ids, keys in zip(corpus.partitions, corpus.ids, corpus.keys) if ids]
        for i, future in enumerate(futures):
            futures[i] = None  # the client holds one partition's outcomes at a time
            yield from counted(future.result(), on_done)
    finally:
        corpus.session.close()


def analyze_documents_dask(
    documents: Sequence[Document],
    model_name: str,
    context: CorpusContext,
    jobs: int = 2,
    scheduler: str | None = None,
    on_done: Progress | None = None,
) -> Iterator[DocumentOutcome]:
    """Like `engine.local.analyze_local`, on Dask, for documents already in memory;
    outcomes come back in input order."""
    with DaskSession(jobs, scheduler, model_name=model_name) as session:
        client = session.client
        context_future = client.scatter(context, broadcast=True)
        futures = client.map(analyze_batch, batches(list(documents), jobs), model_name=model_name,
                             context=context_future, pure=False)
        yield from counted((o for f in futures for o in f.result()), on_done)


__all__ = ["DaskSession", "PartitionedCorpus", "analyze_corpus", "analyze_documents_dask", "read_corpus"]
