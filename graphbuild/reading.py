"""A build's input: the documents of `settings.inputs` read here, or by the workers of
a Dask session (`engine.dask.read_corpus`), with the same reports: the inputs skipped
(or the first one raised under `--on-error fail`) and the repairs warned of."""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from graphbuild.errors import InputError
from graphbuild.model import Document
from graphbuild.settings import Settings

if TYPE_CHECKING:
    from graphbuild.engine import DaskSession, PartitionedCorpus


def skip_input(skipped: list[dict], settings: Settings, source: str, reason: str) -> None:
    """Record `source` as skipped for `reason`, or raise it under `--on-error fail`."""
    if settings.on_error == "fail":
        raise InputError("GB274", source, reason=reason)
    skipped.append({"source": source, "reason": reason})


def read_documents(settings: Settings, skipped: list[dict], warnings: list[dict] | None = None,
                   session: DaskSession | None = None) -> list[Document] | PartitionedCorpus:
    """The batch's documents; unreadable inputs are recorded in `skipped` (or raise under
    on_error=fail), repairs (bad UTF-8 bytes) in `warnings`. With a Dask `session`, the
    workers read them (`engine.dask.read_corpus`): the same reports, no text here."""
    from graphbuild.errors import InputWarning
    from graphbuild.ingest import read_inputs

    if session is not None:
        return _read_on_workers(settings, skipped, warnings, session)
    documents = []
    for item in read_inputs(settings.inputs, published=settings.published, encoding=settings.encoding,
                            max_chars=settings.max_chars, follow_symlinks=settings.follow_symlinks):
        if isinstance(item, InputError):
            skip_input(skipped, settings, item.source, item.reason)
        elif isinstance(item, InputWarning):
            if warnings is not None:
                warnings.append({"source": item.source, "warning": item.warning})
        else:
            documents.append(item)
    return documents


def _read_on_workers(settings: Settings, skipped: list[dict], warnings: list[dict] | None,
                     session: DaskSession) -> PartitionedCorpus:
    from graphbuild.engine.dask import read_corpus
    from graphbuild.ingest.partitions import ReadOptions

    options = ReadOptions(settings.published, settings.encoding, settings.max_chars)
    corpus, failed, repaired = read_corpus(session, settings.inputs, options, settings.follow_symlinks)
    for source, reason in failed:
        skip_input(skipped, settings, source, reason)
    if warnings is not None:
        warnings.extend({"source": w.source, "warning": w.warning} for w in repaired)
    return corpus


def apart_from_graph(documents: list[Document] | PartitionedCorpus, trig: Path) -> list[Document] | PartitionedCorpus:
    """Give a new document whose made-up id (a file stem) names another article of the
    graph an id of its own (`ingest.identity`), so adding it never replaces that one."""
    from graphbuild.ingest.identity import keep_apart
    from graphbuild.rdf.read import read_model

    if not isinstance(documents, list):
        return documents.kept_apart(read_model(trig).documents)
    return keep_apart(documents, read_model(trig).documents)


__all__ = ["apart_from_graph", "read_documents", "skip_input"]
