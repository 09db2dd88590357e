"""Which new document is which old one, when articles are added to a graph (`--into`).

A document is identified by its id when the input gives one (a JSONL `id`, a sidecar's
`id`), and otherwise by its path and content, never by its file name alone: `story.txt`
read from `day2/` is not the `story.txt` of `day1/` unless its text is the same. A
derived id (file stem, `corpus-12` for a JSONL line, `stdin`) that names a document of
the graph with another text gets the next free `-2`, `-3`, ... suffix instead (or the
suffixed id under which the same text was added before).
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import replace
from pathlib import PurePath

from graphbuild.model import Document

_LINE = re.compile(r"(?P<file>.*):(?P<line>\d+)")


def derived_base(doc: Document) -> str | None:
    """The id ingest derives for `doc` from where it was read (None if unknown)."""
    if not doc.path:
        return None
    if doc.path == "<stdin>":
        return "stdin"
    line = _LINE.fullmatch(doc.path)
    if line and line.group("file").lower().endswith((".jsonl", ".ndjson")):
        return f"{PurePath(line.group('file')).stem}-{line.group('line')}"
    return PurePath(doc.path).stem


def has_derived_id(doc: Document) -> bool:
    """True when `doc.id` is one ingest made up (the input gave none)."""
    base = derived_base(doc)
    return base is not None and (doc.id == base or re.fullmatch(re.escape(base) + r"-\d+", doc.id) is not None)


def keep_apart(documents: Sequence[Document], existing: Iterable[Document]) -> list[Document]:
    """`documents` with a fresh id for each derived id that names an existing document
    of another text (explicit ids and same texts keep theirs: an update, a re-run)."""
    texts = {d.id: d.text for d in existing}
    taken = set(texts) | {d.id for d in documents}
    out = []
    for doc in documents:
        if doc.id in texts and texts[doc.id] != doc.text and has_derived_id(doc):
            same = [i for i, text in texts.items() if text == doc.text and _variant(i, doc.id)]
            if same:  # read before under this name: the same article again
                doc = replace(doc, id=min(same))
            else:
                n = 2
                while f"{doc.id}-{n}" in taken:
                    n += 1
                doc = replace(doc, id=f"{doc.id}-{n}")
            taken.add(doc.id)
        out.append(doc)
    return out


def _variant(candidate: str, doc_id: str) -> bool:
    return re.fullmatch(re.escape(doc_id) + r"-\d+", candidate) is not None


__all__ = ["derived_base", "has_derived_id", "keep_apart"]
