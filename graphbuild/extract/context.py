"""What one document's analysis may know of the whole batch (`CorpusContext`), computed
once before the documents are analysed (in any process or worker).

`corpus_context` scans the documents in one place. When no one place holds them (the
Dask engine: each worker reads its own partition), the same context is a map-reduce:
`line_counts` per partition (map; each normalized line into one of `buckets` by a
stable hash), the partial counts of one bucket summed by `repeated_in` (reduce, one
bucket per reducer), and `CorpusContext` of the union of the buckets' results. A line's
count lives in one bucket only, so the result is the set `corpus_context` finds.
"""
from __future__ import annotations

import zlib
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from graphbuild.extract.boilerplate import normalize_line, repeated_lines
from graphbuild.model import Document


@dataclass(frozen=True)
class CorpusContext:
    """What one document's analysis may know of the whole batch.

    `repeated_lines`: normalized lines that occur in more than one document (player
    notices, newsletter footers): layout boilerplate, never a source of entities.
    """

    repeated_lines: frozenset[str] = frozenset()


def corpus_context(documents: Iterable[Document]) -> CorpusContext:
    """Scan the batch once for lines repeated across documents."""
    return CorpusContext(repeated_lines=repeated_lines(d.text for d in documents))


def line_bucket(line: str, buckets: int) -> int:
    """The bucket of a normalized line: the same in every process (not `hash()`, which
    is salted per interpreter)."""
    return zlib.crc32(line.encode("utf-8", "surrogatepass")) % buckets


def line_counts(texts: Iterable[str], buckets: int = 1) -> tuple[Counter[str], ...]:
    """Map step: for each of `buckets` buckets, in how many of `texts` each normalized
    non-empty line of that bucket occurs."""
    counts: tuple[Counter[str], ...] = tuple(Counter() for _ in range(buckets))
    for text in texts:
        for line in {n for n in map(normalize_line, text.splitlines()) if n}:
            counts[line_bucket(line, buckets) if buckets > 1 else 0][line] += 1
    return counts


def repeated_in(*partials: Counter[str]) -> frozenset[str]:
    """Reduce step: the lines counted more than once over `partials` (the partitions'
    counts of one bucket)."""
    total: Counter[str] = Counter()
    for partial in partials:
        total.update(partial)
    return frozenset(line for line, count in total.items() if count > 1)


__all__ = ["CorpusContext", "corpus_context", "line_bucket", "line_counts", "repeated_in"]
