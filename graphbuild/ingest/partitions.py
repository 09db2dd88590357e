"""The input cut into partitions that workers read themselves (the Dask engine).

`plan` runs where the build is started and reads no article: it lists the inputs as
`read_inputs` would read them, in the same order, groups whole files (articles, small
JSONL corpora) into partitions of about `target` bytes, and cuts a bigger JSONL file into
byte ranges that start at line starts (reading only the bytes up to the next line break
after each cut). Only stdin and the bundled samples are read there (`documents`).
`read_partition` runs on a worker and yields what `read_inputs` yields for the
partition's inputs, before ids are made unique (`ingest.unique_id`, done over the whole
corpus by the caller). A range's line numbers (its `file:line` sources and derived ids)
start after the lines of the ranges before it: `count_lines` of each of those (on the
workers), then `number_lines` (here). A file cut into ranges with no JSON line at all is
reported by the caller (`no_json_lines`), as `read_jsonl` reports it.
"""
from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from graphbuild.errors import InputError, InputWarning
from graphbuild.ingest import bundled_samples, writable
from graphbuild.ingest.jsonl import read_range, splittable
from graphbuild.ingest.names import path_text
from graphbuild.ingest.sources import STDIN, files_of, is_jsonl, read_file, read_stdin
from graphbuild.limits import DEFAULT_MAX_CHARS
from graphbuild.model import Document

PARTS_PER_WORKER = 4  # partitions per worker: the last ones finish close together
MIN_PARTITION_BYTES = 4096
MAX_PARTITION_BYTES = 1 << 20  # a partition's outcomes come back in one message
_SCAN = 1 << 16  # bytes read at a time looking for the line break after a cut


@dataclass(frozen=True)
class ReadOptions:
    """How inputs are read (the settings `read_inputs` takes)."""

    published: date | None = None
    encoding: str | None = None
    max_chars: int | None = DEFAULT_MAX_CHARS


@dataclass(frozen=True)
class Partition:
    """Whole `files`, read in order; or bytes [start, end) of the JSONL file `path`,
    its range `part` of `parts`, starting at line `first_line`; or `documents` read
    already (stdin, the samples)."""

    files: tuple[str, ...] = ()
    path: str | None = None
    start: int = 0
    end: int = 0
    first_line: int = 1
    part: int = 0
    parts: int = 1
    documents: tuple[Document, ...] = ()


Planned = Partition | InputError | InputWarning


def plan(inputs: Sequence[str], *, workers: int = 1, options: ReadOptions = ReadOptions(),
         follow_symlinks: bool = False) -> list[Planned]:
    """The partitions of `inputs` (as `read_inputs` names them) for `workers` workers,
    in input order, with an InputError or InputWarning in place of what could not be
    listed (a missing path) or was found reading stdin."""
    entries = list(_entries(inputs, options, follow_symlinks))
    total = sum(entry[1] for entry in entries if isinstance(entry, tuple))
    target = min(MAX_PARTITION_BYTES, max(MIN_PARTITION_BYTES, total // (PARTS_PER_WORKER * max(1, workers))))
    out: list[Planned] = []
    group: list[str] = []
    size = 0

    def close() -> None:  # a group ends at its size or where something else comes, in input order
        nonlocal group, size
        if group:
            out.append(Partition(files=tuple(group)))
        group, size = [], 0

    for entry in entries:
        if not isinstance(entry, tuple):
            close()
            out.append(entry)
        elif not isinstance(entry[0], Path):
            close()
            out.extend(_batches(entry[0], target))
        elif _cut(entry, target, options):
            close()
            out.extend(_ranges(entry[0], entry[1], target))
        else:
            group.append(str(entry[0]))
            size += entry[1]
            if size >= target:
                close()
    close()
    return out


def _entries(inputs: Sequence[str], options: ReadOptions,
             follow_symlinks: bool) -> Iterator[tuple[Path, int] | tuple[tuple[Document, ...], int] | InputError | InputWarning]:
    """(file, bytes), (documents read already, characters) or a problem, in input order."""
    if not inputs:
        docs = tuple(bundled_samples())
        yield docs, sum(len(d.text) for d in docs)
        return
    for name in inputs:
        if name == STDIN:
            yield from _documents_of(read_stdin(published=options.published, encoding=options.encoding))
            continue
        for file in files_of(Path(name), follow_symlinks):
            yield file if isinstance(file, InputError) else (file, _size(file))


def _documents_of(items: Iterator[Document | InputError | InputWarning]) -> Iterator:
    docs: list[Document] = []
    for item in items:
        if isinstance(item, Document):
            docs.append(item)
            continue
        if docs:
            yield tuple(docs), sum(len(d.text) for d in docs)
            docs = []
        yield item
    if docs:
        yield tuple(docs), sum(len(d.text) for d in docs)


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:  # the worker reading it reports why
        return 0


def _cut(entry: tuple[Path, int], target: int, options: ReadOptions) -> bool:
    path, size = entry
    return size > target and is_jsonl(path) and splittable(path, options.encoding)


def _batches(documents: tuple[Document, ...], target: int) -> Iterator[Partition]:
    batch: list[Document] = []
    size = 0
    for doc in documents:
        batch.append(doc)
        size += len(doc.text)
        if size >= target:
            yield Partition(documents=tuple(batch))
            batch, size = [], 0
    if batch:
        yield Partition(documents=tuple(batch))


def _ranges(path: Path, size: int, target: int) -> list[Partition]:
    cuts = [0]
    try:
        with path.open("rb") as handle:
            while cuts[-1] + target < size:
                cut = _after_line_break(handle, cuts[-1] + target)
                if cut is None or cut >= size:
                    break
                cuts.append(cut)
    except OSError:  # gone meanwhile: one range, whose reader reports it
        cuts = [0]
    cuts.append(max(size, cuts[-1]))
    n = len(cuts) - 1
    return [Partition(path=str(path), start=a, end=b, part=i, parts=n) for i, (a, b) in enumerate(zip(cuts, cuts[1:]))]


def _after_line_break(handle, position: int) -> int | None:
    """The offset just after the first line break at or after `position` (None: none)."""
    handle.seek(position)
    while chunk := handle.read(_SCAN):
        at = chunk.find(b"\n")
        if at >= 0:
            return position + at + 1
        position += len(chunk)
    return None


def count_lines(partition: Partition) -> int:
    """The number of lines in a JSONL range (every range but a file's last ends with a
    line break, so: its line breaks)."""
    count, left = 0, partition.end - partition.start
    with open(partition.path, "rb") as handle:
        handle.seek(partition.start)
        while left > 0 and (chunk := handle.read(min(left, 1 << 20))):
            count += chunk.count(b"\n")
            left -= len(chunk)
    return count


def needs_count(partition: Planned) -> bool:
    """True for a range whose line count the ranges after it need."""
    return isinstance(partition, Partition) and partition.path is not None and partition.part < partition.parts - 1


def number_lines(planned: list[Planned], counts: Sequence[int]) -> list[Planned]:
    """`planned` with each range's `first_line`, from the `counts` of the ranges for
    which `needs_count` holds, in their order."""
    counted, out, line = iter(counts), [], 1
    for p in planned:
        if isinstance(p, Partition) and p.path is not None:
            line = 1 if p.part == 0 else line
            out.append(replace(p, first_line=line))
            line += next(counted) if needs_count(p) else 0
        else:
            out.append(p)
    return out


def read_partition(partition: Partition, options: ReadOptions) -> Iterator[Document | InputError | InputWarning]:
    """What `read_inputs` yields for the inputs of `partition`, before ids are made unique."""
    if partition.documents:
        items: Iterator = iter(partition.documents)
    elif partition.path is not None:
        items = read_range(Path(partition.path), partition.start, partition.end, partition.first_line,
                           published=options.published, encoding=options.encoding)
    else:
        items = (item for name in partition.files
                 for item in read_file(Path(name), published=options.published, encoding=options.encoding))
    return writable(items, options.max_chars)


def no_json_lines(partition: Partition) -> InputError:
    """The error `read_jsonl` gives a file without a JSON line, for a file read in ranges."""
    return InputError("GB246", path_text(Path(partition.path)), note=" (no JSON lines)")


__all__ = ["Partition", "Planned", "ReadOptions", "count_lines", "needs_count", "no_json_lines", "number_lines",
           "plan", "read_partition"]
