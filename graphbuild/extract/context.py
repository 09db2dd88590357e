"""What one document's analysis may know of the whole batch (`CorpusContext`), computed
once before the documents are analysed (in any process or worker)."""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from graphbuild.extract.boilerplate import repeated_lines
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


__all__ = ["CorpusContext", "corpus_context"]
