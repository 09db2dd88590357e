"""Analyse documents here (jobs=1) or in a local process pool (jobs>1)."""
from __future__ import annotations

import traceback
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass

from graphbuild.analyze import CorpusContext, analyze
from graphbuild.engine.segments import SEGMENT_CHARS, analyze_segmented
from graphbuild.model import Document, GraphModel

Progress = Callable[[int], None]


@dataclass(frozen=True)
class DocumentOutcome:
    """The analysis of one document: its model, or the reason it failed."""

    document_id: str
    source: str
    model: GraphModel | None
    error: str | None = None


def analyze_one(document: Document, model_name: str, context: CorpusContext) -> DocumentOutcome:
    """Parse and analyse one document (a long one segment by segment, `engine.segments`);
    an unexpected failure becomes an outcome, so one bad article never stops the batch."""
    from graphbuild.nlp import load_model, parse

    nlp = load_model(model_name)
    return _outcome(document, lambda: analyze_segmented(document, lambda part: analyze(parse(nlp, part), context)))


def _outcome(document: Document, run: Callable[[], GraphModel]) -> DocumentOutcome:
    source = document.path or document.id
    try:
        return DocumentOutcome(document.id, source, run())
    except Exception as exc:  # reported per document; the batch goes on
        detail = traceback.format_exception_only(type(exc), exc)[-1].strip()
        return DocumentOutcome(document.id, source, None, f"analysis failed: {detail}")


def analyze_batch(documents: Sequence[Document], model_name: str, context: CorpusContext) -> list[DocumentOutcome]:
    """`analyze_one` of each of `documents`; the short ones parsed together by `nlp.pipe`
    (faster). A batch whose parse fails is done again one document at a time, so only the
    bad one fails. Only one document's spaCy Doc is alive after its analysis starts."""
    from graphbuild.nlp import load_model, parse_many

    short = [d for d in documents if len(d.text) <= SEGMENT_CHARS]
    try:
        parsed = parse_many(load_model(model_name), short)
    except Exception:  # which document it was: the one-by-one path reports it
        return [analyze_one(d, model_name, context) for d in documents]
    by_id = {id(p.document): p for p in parsed}
    parsed.clear()
    out = []
    for document in documents:
        p = by_id.pop(id(document), None)
        if p is None:
            out.append(analyze_one(document, model_name, context))
        else:
            out.append(_outcome(document, lambda p=p: analyze(p, context)))
            del p
    return out


MIN_BATCH = 4  # documents: a smaller batch costs more in nlp.pipe and pickling than it balances


def batches(documents: Sequence[Document], jobs: int) -> list[Sequence[Document]]:
    """Consecutive batches of at most BATCH_SIZE documents, at least four per worker.
    For several workers the batches shrink towards the end (each about 1/(2 jobs) of what
    is left, at least MIN_BATCH), so that the workers finish close together: the last
    batch handed out, which one worker runs while the other may idle, is a small one."""
    from graphbuild.nlp.parse import BATCH_SIZE

    size = max(1, min(BATCH_SIZE, len(documents) // (4 * jobs)))
    if jobs <= 1:
        return [documents[i:i + size] for i in range(0, len(documents), size)]
    out, start = [], 0
    while start < len(documents):
        step = max(min(MIN_BATCH, size), min(size, -(-(len(documents) - start) // (2 * jobs))))
        out.append(documents[start:start + step])
        start += step
    return out


def _warm(model_name: str) -> None:
    from graphbuild.nlp import load_model

    load_model(model_name)


def analyze_local(
    documents: Sequence[Document],
    model_name: str,
    context: CorpusContext,
    jobs: int = 1,
    on_done: Progress | None = None,
) -> Iterator[DocumentOutcome]:
    """Analyse `documents` in input order in this process (`jobs` 1) or a pool of `jobs`
    processes, calling `on_done(1)` after each."""
    documents = list(documents)
    if jobs <= 1 or len(documents) <= 1:
        outcomes = (o for batch in batches(documents, 1) for o in analyze_batch(batch, model_name, context))
        yield from counted(outcomes, on_done)
        return
    with ProcessPoolExecutor(max_workers=jobs, initializer=_warm, initargs=(model_name,)) as pool:
        futures = [pool.submit(analyze_batch, b, model_name, context) for b in batches(documents, jobs)]
        yield from counted((o for f in futures for o in f.result()), on_done)


def counted(outcomes: Iterable[DocumentOutcome], on_done: Progress | None) -> Iterator[DocumentOutcome]:
    """`outcomes` as they come, calling `on_done(1)` after each (every engine's progress)."""
    for outcome in outcomes:
        if on_done:
            on_done(1)
        yield outcome
