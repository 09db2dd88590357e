"""A pyoxigraph serializer in a process of its own: canonical N-Quads / N-Triples read from
stdin in framed chunks (`frames`), written as TriG / Turtle to an open file descriptor (`rdf/side_writes.py` starts it,
so TriG and Turtle are made beside the parent's own writing: pyoxigraph holds the GIL
while it serializes from an iterator, so threads would not overlap).

Run as a script (`python -I serializer_process.py SOURCE OUTPUT FD PREFIXES_JSON`), it
imports the standard library and pyoxigraph only. The text is parsed leniently (its lines'
framing): the parent checked every term strictly before (`streamed.check_terms`). Exit
status 0: written; `PARSE_FAILED`: the text does not parse (the reason on stderr);
anything else: the process itself failed.
"""
from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterator
from itertools import chain

import pyoxigraph as ox

PARSE_FAILED = 3
HEADER = 8  # bytes of a frame's length (big-endian), then the frame: whole lines of text
FORMATS = {"nquads": ox.RdfFormat.N_QUADS, "ntriples": ox.RdfFormat.N_TRIPLES,
           "trig": ox.RdfFormat.TRIG, "ttl": ox.RdfFormat.TURTLE}
_PREFIX = b"@prefix "


class SortedHeader:
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


def convert(statements, handle, output: str, prefixes: dict[str, str]) -> None:
    """Serialize pyoxigraph `statements` as `output` (trig, ttl) to the binary `handle`,
    the @prefix header sorted."""
    writer = SortedHeader(handle)
    ox.serialize(statements, writer, format=FORMATS[output], prefixes=prefixes)
    writer.close()


def frame_header(chunk: bytes) -> bytes:
    """What goes before `chunk` in the stream `frames` reads."""
    return len(chunk).to_bytes(HEADER, "big")


def frames(stream) -> Iterator[bytes]:
    """The chunks framed into the binary `stream`, until it ends (each read whole, so it is
    parsed from bytes, as fast as in the parent, not from a stream read piece by piece)."""
    while len(head := stream.read(HEADER)) == HEADER:
        size = int.from_bytes(head, "big")
        chunk = stream.read(size)
        if len(chunk) != size:
            break
        yield chunk
    else:
        if not head:
            return
    raise ValueError("the text ended inside a frame")


def main(argv: list[str]) -> int:
    source, output, fd, prefixes = argv[1], argv[2], int(argv[3]), json.loads(argv[4])
    statements = chain.from_iterable(ox.parse(chunk, format=FORMATS[source], lenient=True)
                                     for chunk in frames(sys.stdin.buffer))
    try:
        with os.fdopen(fd, "wb", closefd=True) as handle:
            convert(statements, handle, output, prefixes)
    except (SyntaxError, ValueError, MemoryError) as err:  # MemoryError: a token over 16 MiB
        print(err, file=sys.stderr)
        return PARSE_FAILED
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
