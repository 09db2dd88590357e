"""graph.ttl / graph.trig / graph.nt / graph.jsonld written to disk as a stream and checked by
re-parsing the file as a stream: memory holds one canonical form of the quads (the
QuadSet's cached N-Quads or N-Triples text), never the file's bytes or a second copy.

The bytes are exactly those of `serialize.serialize` (pyoxigraph's serializer fed the same
sorted statements; the @prefix header sorted the same way), and the check is that of
`serialize.check`: the file re-parsed (pyoxigraph, strict) and written canonically must
equal the canonical form it was made from, compared chunk by chunk as it comes out of the
serializer. When it does not (the order differs), the full set comparison of `check`
decides (a rare path, from the file's bytes). JSON-LD is still made and checked whole
(`jsonld.jsonld_bytes`, `serialize.check`; pyoxigraph's JSON-LD parser holds a whole
document anyway), only written through the same temp file.
"""
from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path

import pyoxigraph as ox

from graphbuild.errors import OutputError
from graphbuild.fsio import atomic_writer
from graphbuild.rdf.jsonld import jsonld_bytes
from graphbuild.rdf.quads import QuadSet
from graphbuild.vocab import prefixes

STREAMED = ("ttl", "trig", "nt", "jsonld")
_PREFIX = b"@prefix "
_SOURCE = {"trig": ox.RdfFormat.N_QUADS, "ttl": ox.RdfFormat.N_TRIPLES}
_OUTPUT = {"trig": ox.RdfFormat.TRIG, "ttl": ox.RdfFormat.TURTLE, "nt": ox.RdfFormat.N_TRIPLES}
_CANONICAL = {"trig": ox.RdfFormat.N_QUADS, "ttl": ox.RdfFormat.N_TRIPLES, "nt": ox.RdfFormat.N_TRIPLES}


class _SortedHeader:
    """A binary writer that passes on what it is given, except the leading `@prefix`
    lines, which it sorts (as `serialize._sorted_prefixes` does) before the first other line."""

    def __init__(self, out):
        self.out, self.pending, self.header = out, b"", True

    def write(self, data: bytes) -> int:
        if not self.header:
            self.out.write(data)
            return len(data)
        self.pending += bytes(data)
        lines = self.pending.split(b"\n")
        if all(line.startswith(_PREFIX) for line in lines[:-1]) and _PREFIX.startswith(lines[-1][:len(_PREFIX)]):
            return len(data)  # still in the header (the last line may be a prefix line begun)
        self.close()
        return len(data)

    def flush(self) -> None:
        """Nothing to do: the header is held until it is whole, the rest passed on."""

    def close(self) -> None:
        """Flush what is pending, header sorted (also when the output was all header)."""
        if self.header:
            lines = self.pending.split(b"\n")
            n = next((i for i, line in enumerate(lines) if not line.startswith(_PREFIX)), len(lines))
            self.out.write(b"\n".join(sorted(lines[:n]) + lines[n:]))
            self.pending, self.header = b"", False


class _Comparing:
    """A binary writer that only compares what it is given with what `expected` (a
    binary reader) reads, in order."""

    def __init__(self, expected):
        self.expected, self.same = expected, True

    def write(self, data: bytes) -> int:
        if self.same and self.expected.read(len(data)) != data:
            self.same = False
        return len(data)

    def flush(self) -> None:
        """Nothing is buffered."""

    def complete(self) -> bool:
        return self.same and not self.expected.read(1)


def _canonical(content: QuadSet, fmt: str) -> bytes:
    return content.nquads() if fmt == "trig" else content.ntriples()


def _write(content: QuadSet, fmt: str, handle, name: str) -> None:
    if fmt == "jsonld":  # made whole in memory (`jsonld.jsonld_bytes`), written to the temp file
        handle.write(jsonld_bytes(content))
        return
    if fmt == "nt":  # the union's lines sorted as bytes, as `serialize._nt`
        handle.writelines(sorted(content.ntriples().splitlines(keepends=True)))
        return
    writer = _SortedHeader(handle)
    statements = ox.parse(_canonical(content, fmt), format=_SOURCE[fmt], lenient=True)  # our own text; the file is re-parsed strictly
    ox.serialize(statements, writer, format=_OUTPUT[fmt], prefixes=prefixes())
    writer.close()


def _checker(content: QuadSet, fmt: str, name: str, check_whole):
    def check(path: Path) -> None:
        if fmt == "jsonld":  # JSON-LD reads back in node order: the set comparison of `check`
            check_whole(path.read_bytes(), fmt, content, name)
            return
        # nt: the file is its own canonical form (sorted lines), read again alongside;
        # else the form it was made from (BytesIO shares the bytes, no copy).
        with path.open("rb") if fmt == "nt" else io.BytesIO(_canonical(content, fmt)) as expected:
            comparing = _Comparing(expected)
            try:
                ox.serialize(ox.parse(path=path, format=_OUTPUT[fmt]), comparing, format=_CANONICAL[fmt])
            except (SyntaxError, ValueError, MemoryError) as err:  # MemoryError: a token over 16 MiB
                raise OutputError("GB418", name=name, fmt=fmt, reason=err) from err
            same = comparing.complete()
        if not same:
            check_whole(path.read_bytes(), fmt, content, name)
    return check


def write_streamed(content: QuadSet, fmt: str, path: Path,
                   check_whole: Callable[[bytes, str, QuadSet, str], None]) -> Path:
    """Write `content` as `fmt` (ttl, trig, nt or jsonld) to `path` as a stream, check the
    file by re-parsing it and only then atomically replace `path` (the old file stays on
    failure). `check_whole(data, fmt, content, name)` (`serialize.check`) decides when the
    file reads back in another order than it was made from."""
    with atomic_writer(path, _checker(content, fmt, path.name, check_whole)) as handle:
        _write(content, fmt, handle, path.name)
    return path


__all__ = ["STREAMED", "write_streamed"]
