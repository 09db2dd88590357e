"""The tasks a worker runs on a partition of the input it reads itself (`engine.dask`).

Plain functions of picklable values (no Dask here, so they run and are tested anywhere):
`summarize` is the map step of reading (what the client needs to know of the partition,
small, and the partial line counts of the corpus context, left on the worker), and
`analyze_partition` reads the partition again and analyses its documents under the ids
and the context the client decided. Nothing of a text comes back but its analysis.
"""
from __future__ import annotations

import hashlib
from collections import Counter
from dataclasses import dataclass, replace

from graphbuild.engine.local import DocumentOutcome, analyze_batch
from graphbuild.errors import InputWarning
from graphbuild.extract.context import CorpusContext, line_counts
from graphbuild.ingest.partitions import Partition, ReadOptions, read_partition
from graphbuild.model import Document


@dataclass(frozen=True)
class DocumentKey:
    """What the client knows of a document: its id as read, where it was read from and
    a digest of its text (`--into` tells an update from another article by it)."""

    id: str
    path: str | None
    digest: str


@dataclass(frozen=True)
class PartitionReport:
    """What reading a partition found, in input order: its documents, the inputs it
    skipped (source, reason) and the repairs it warned of."""

    documents: tuple[DocumentKey, ...]
    skipped: tuple[tuple[str, str], ...]
    warnings: tuple[InputWarning, ...]

    @property
    def empty(self) -> bool:
        """Nothing at all was read (for a JSONL file cut into ranges: no JSON line)."""
        return not (self.documents or self.skipped or self.warnings)


Summary = tuple[PartitionReport, tuple[Counter[str], ...]]


def text_digest(text: str) -> str:
    """A digest that tells two texts apart."""
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()


def summarize(partition: Partition, options: ReadOptions, buckets: int) -> Summary:
    """Map step: read `partition`; its report and, per bucket, its documents' line counts
    (`extract.context.line_counts`). One document's text is held at a time."""
    documents: list[DocumentKey] = []
    skipped: list[tuple[str, str]] = []
    warnings: list[InputWarning] = []

    def texts():
        for item in read_partition(partition, options):
            if isinstance(item, Document):
                documents.append(DocumentKey(item.id, item.path, text_digest(item.text)))
                yield item.text
            elif isinstance(item, InputWarning):
                warnings.append(item)
            else:
                skipped.append((item.source, item.reason))

    counts = line_counts(texts(), buckets)
    return PartitionReport(tuple(documents), tuple(skipped), tuple(warnings)), counts


def report_of(summary: Summary) -> PartitionReport:
    """The part of a summary the client gathers."""
    return summary[0]


def bucket_of(summary: Summary, bucket: int) -> Counter[str]:
    """One bucket of a summary's line counts (what one reducer sums)."""
    return summary[1][bucket]


def analyze_partition(partition: Partition, options: ReadOptions, ids: tuple[str, ...], digests: tuple[str, ...],
                      model_name: str, context: CorpusContext) -> list[DocumentOutcome]:
    """The outcomes of the documents of `partition`, given their final `ids` in order
    (unique over the corpus), analysed as the local engine does (`analyze_batch`, in
    batches of `nlp.parse.BATCH_SIZE`). A partition whose texts no longer have the
    `digests` they had when it was first read fails as a whole, naming its input,
    rather than give a document another's id or context."""
    from graphbuild.nlp.parse import BATCH_SIZE

    documents = [d for d in read_partition(partition, options) if isinstance(d, Document)]
    if tuple(text_digest(d.text) for d in documents) != digests:
        source = partition.path or (partition.files[0] if partition.files else ids[0])
        error = ("the input changed during the build (it reads otherwise than when it was first read): "
                 "build again once it stays as it is")
        return [DocumentOutcome(doc_id, source, None, error) for doc_id in ids]
    documents = [d if d.id == doc_id else replace(d, id=doc_id) for d, doc_id in zip(documents, ids)]
    outcomes: list[DocumentOutcome] = []
    for start in range(0, len(documents), BATCH_SIZE):
        outcomes.extend(analyze_batch(documents[start:start + BATCH_SIZE], model_name, context))
    return outcomes


__all__ = ["DocumentKey", "PartitionReport", "analyze_partition", "bucket_of", "report_of", "summarize",
           "text_digest"]
