"""What every evaluator does first: read gold JSONL records and parse their documents."""
from __future__ import annotations

import json
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TypeVar

from graphbuild.errors import InputError
from graphbuild.model import Document

T = TypeVar("T")


def read_records(path: Path, limit: int | None, convert: Callable[[dict, str], T], expected: str) -> Iterator[T]:
    """`convert(record, default_id)` of the first `limit` non-blank lines of the JSONL file
    `path` (`default_id`: "<file stem>-<line number>"). A line that is not JSON, or that
    `convert` rejects with a KeyError, TypeError or ValueError, or a file that cannot be
    opened, raises InputError naming the line or file and the `expected` format."""
    path = Path(path)
    try:
        handle = path.open(encoding="utf-8")
    except OSError as exc:
        raise InputError("GB241", str(path), reason=exc, expected=expected) from exc
    with handle:
        count = 0
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            if limit is not None and count >= limit:
                return
            try:
                item = convert(json.loads(line), f"{path.stem}-{number}")
            except (ValueError, KeyError, TypeError) as exc:
                raise InputError("GB242", f"{path}:{number}", reason=exc, expected=expected) from exc
            yield item
            count += 1


def parse_all(nlp, documents: Sequence[Document]):
    """ParsedDocuments of `documents` in order, parsed with nlp.pipe (long texts via `parse`)."""
    from graphbuild.nlp.normalize import normalize
    from graphbuild.nlp.parse import CHUNK_CHARS, ParsedDocument, parse

    normalized = [normalize(d.text) for d in documents]
    short = [i for i, (text, _) in enumerate(normalized) if len(text) <= CHUNK_CHARS]
    piped = dict(zip(short, nlp.pipe(normalized[i][0] for i in short)))
    for i, d in enumerate(documents):
        if i in piped:
            yield ParsedDocument(d, piped[i], normalized[i][1])
        else:
            yield parse(nlp, d)


def build_graph(documents: Sequence[Document], model: str, output_dir: Path | None = None):
    """The GraphModel that `graphbuild build` makes of `documents`, by the same path
    (analysis, resolution, kinds, fact checks, SHACL, every RDF format and the report),
    written into `output_dir` (a temporary directory, removed after, when None). An
    evaluation can therefore never pass where a build fails."""
    import tempfile

    from graphbuild.pipeline import build_documents
    from graphbuild.settings import Settings

    if output_dir is not None:
        return build_documents(list(documents), Settings(model=model, output_dir=Path(output_dir))).model
    with tempfile.TemporaryDirectory(prefix="graphbuild-evaluate-") as tmp:
        return build_documents(list(documents), Settings(model=model, output_dir=Path(tmp))).model


def mentions_by_document(items) -> dict[str, list]:
    """doc id -> [(owner, mention)] for entities or events `items` of a merged model."""
    out: dict[str, list] = {}
    for owner in items:
        for m in owner.mentions:
            out.setdefault(m.doc_id, []).append((owner, m))
    return out
