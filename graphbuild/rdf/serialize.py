"""Write a Dataset as graph.ttl / graph.trig / graph.nt / graph.jsonld, strictly and atomically.

Every file is produced by pyoxigraph (JSON-LD by our own small writer, `rdf/jsonld.py`,
for a compact `@context`), from quads in sorted order so the bytes depend on the content
only (not on PYTHONHASHSEED or insertion order); only once checked does it atomically
replace the old file. `write_outputs` writes as a stream through a temp file
(`rdf/streamed.py`): pyoxigraph's serializers fed by its parser reading our canonical
text, one text parsed strictly, JSON-LD checked graph by graph. `serialize` + `publish`
work in memory and re-parse the whole file (`check`). A failed check raises OutputError
and leaves the old file.

- ttl: every triple of every graph (union, de-duplicated); nt: the same, sorted lines
- trig: one named graph per document plus the cross-document graph
- jsonld: the named graphs, `@context` = our prefixes, nodes and values sorted
"""
from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
from rdflib import BNode, Dataset, Literal, URIRef

from graphbuild.errors import OutputError
from graphbuild.fsio import atomic_write_bytes
from graphbuild.limits import MAX_LITERAL_BYTES, literal_bytes
from graphbuild.rdf.jsonld import jsonld_bytes
from graphbuild.rdf.quads import QuadSet, from_quads
from graphbuild.vocab import prefixes

FILE_NAMES = {"ttl": "graph.ttl", "trig": "graph.trig", "nt": "graph.nt", "jsonld": "graph.jsonld"}
OX_FORMATS = {
    "ttl": ox.RdfFormat.TURTLE, "trig": ox.RdfFormat.TRIG,
    "nt": ox.RdfFormat.N_TRIPLES, "jsonld": ox.RdfFormat.JSON_LD,
}
DATASET_FORMATS = ("trig", "jsonld")


def _term(node) -> ox.NamedNode | ox.Literal:
    if isinstance(node, URIRef):
        try:
            return ox.NamedNode(str(node))
        except ValueError as err:
            raise OutputError("GB419", iri=str(node), reason=err) from err
    if isinstance(node, Literal):
        _check_size(str(node))
        if node.language:
            return ox.Literal(str(node), language=node.language)
        if node.datatype is not None:
            return ox.Literal(str(node), datatype=ox.NamedNode(str(node.datatype)))
        return ox.Literal(str(node))
    if isinstance(node, BNode):
        raise OutputError("GB414")
    raise OutputError("GB412", node=node)


def _check_size(value: str) -> None:
    """A literal over the parser's token buffer would be written but never read back
    (pyoxigraph: "Reached the buffer maximal size"); refuse it with the reason. Ingest
    keeps article texts under this bound (graphbuild.limits), so this is a last guard."""
    if len(value) > MAX_LITERAL_BYTES // 6 and literal_bytes(value) > MAX_LITERAL_BYTES:
        raise OutputError("GB415", length=len(value), head=value[:40], mib=MAX_LITERAL_BYTES // 2 ** 20)


def quad_set(dataset: Dataset) -> QuadSet:
    """An rdflib Dataset's quads (named graphs; triples of the default graph stay in it)."""
    default_id = str(dataset.default_graph.identifier)

    def converted():
        for s, p, o, g in dataset.quads((None, None, None, None)):
            graph = g.identifier if g is not None and hasattr(g, "identifier") else g
            name = ox.DefaultGraph() if graph is None or str(graph) == default_id else _term(URIRef(str(graph)))
            yield name, _term(s), _term(p), _term(o)

    return QuadSet(converted())


def to_quads(dataset: Dataset) -> list[ox.Quad]:
    """The dataset's quads, unique and sorted by graph, subject, predicate, object."""
    return quad_set(dataset).quads()


def _as_set(quads: QuadSet | list[ox.Quad]) -> QuadSet:
    return quads if isinstance(quads, QuadSet) else from_quads(quads)


def to_triples(quads: QuadSet | list[ox.Quad]) -> list[ox.Triple]:
    """The union of all graphs, unique and sorted."""
    return _as_set(quads).triples()


def serialize(quads: QuadSet | list[ox.Quad], fmt: str) -> bytes:
    """The bytes of one format (deterministic for the same quads)."""
    content = _as_set(quads)
    if fmt == "jsonld":
        return jsonld_bytes(content)
    # Sorted N-Quads / N-Triples text straight into pyoxigraph's parser and serializer:
    # no Python loop per statement (the order, and so the bytes, are those of the quads).
    # The text is ours, made from terms pyoxigraph validated, so it is read leniently
    # (twice as fast); the file written is then re-parsed strictly (`check`).
    if fmt == "trig":
        parsed = ox.parse(content.nquads(), format=ox.RdfFormat.N_QUADS, lenient=True)
        return _sorted_prefixes(ox.serialize(parsed, format=ox.RdfFormat.TRIG, prefixes=prefixes()))
    if fmt == "ttl":
        parsed = ox.parse(content.ntriples(), format=ox.RdfFormat.N_TRIPLES, lenient=True)
        return _sorted_prefixes(ox.serialize(parsed, format=ox.RdfFormat.TURTLE, prefixes=prefixes()))
    if fmt == "nt":
        return _nt(content)
    raise OutputError("GB413", fmt=fmt, file_names=", ".join(FILE_NAMES))


def _nt(content: QuadSet) -> bytes:
    """N-Triples with the lines sorted as bytes (the union of all graphs)."""
    return b"".join(sorted(content.ntriples().splitlines(keepends=True)))


# What a file re-parses to, written canonically, for the cheap comparison in `check`.
_CANONICAL = {"trig": ox.RdfFormat.N_QUADS, "ttl": ox.RdfFormat.N_TRIPLES, "nt": ox.RdfFormat.N_TRIPLES}


def _expected(content: QuadSet, fmt: str) -> bytes:
    return content.nquads() if fmt == "trig" else content.ntriples() if fmt == "ttl" else _nt(content)


def _sorted_prefixes(data: bytes) -> bytes:
    """pyoxigraph writes @prefix lines in its own map order; sort them so the header does not
    depend on that (the body follows the sorted input)."""
    lines = data.split(b"\n")
    n = next((i for i, line in enumerate(lines) if not line.startswith(b"@prefix ")), len(lines))
    return b"\n".join(sorted(lines[:n]) + lines[n:])


def check(data: bytes, fmt: str, quads: QuadSet | list[ox.Quad], name: str) -> None:
    """Raise OutputError unless `data` re-parses (pyoxigraph, strict) to exactly `quads`
    (their union for triple formats)."""
    content = _as_set(quads)
    try:
        if fmt in _CANONICAL:  # the usual case, cheap: the file reads back in the order written
            again = ox.serialize(ox.parse(data, format=OX_FORMATS[fmt]), format=_CANONICAL[fmt])
            if again == _expected(content, fmt):
                return
        else:  # JSON-LD reads back in its own order: compare the sets of N-Quads lines
            again = ox.serialize(ox.parse(data, format=OX_FORMATS[fmt]), format=ox.RdfFormat.N_QUADS)
            if set(again.splitlines()) == set(content.nquads().splitlines()):
                return
        parsed = list(ox.parse(data, format=OX_FORMATS[fmt]))
    except (SyntaxError, ValueError, MemoryError) as err:  # MemoryError: a token over 16 MiB
        raise OutputError("GB418", name=name, fmt=fmt, reason=err) from err
    if fmt in DATASET_FORMATS:
        got, want = set(parsed), set(content.quads())
    else:
        got, want = {q.triple for q in parsed}, set(content.triples())
    if got != want or (fmt not in DATASET_FORMATS and len(parsed) != len(want)):
        raise OutputError("GB416", name=name, got=len(got), want=len(want), missing=len(want - got))


def publish(path: Path, data: bytes, fmt: str, quads: QuadSet | list[ox.Quad]) -> Path:
    """Check `data` and atomically replace `path` with it (the old file stays on failure)."""
    check(data, fmt, quads, path.name)
    atomic_write_bytes(path, data)
    return path


def write_outputs(data: QuadSet | Dataset, out_dir: Path, formats: list[str]) -> dict[str, Path]:
    """Write each of `formats` (ttl, trig, nt, jsonld) of `data` (built quads, or an rdflib
    Dataset) into `out_dir`; returns format → path."""
    out_dir = Path(out_dir)
    unknown = [f for f in formats if f not in FILE_NAMES]
    if unknown:
        raise OutputError("GB417", unknown=", ".join(unknown), file_names=", ".join(FILE_NAMES))
    from contextlib import ExitStack

    from graphbuild.fsio import atomic_writer
    from graphbuild.rdf.side_writes import SideWrite, side_formats
    from graphbuild.rdf.streamed import check_terms, forget_table, write_streamed

    content = data if isinstance(data, QuadSet) else quad_set(data)
    content.release(keep=frozenset({"texts"}))  # the writers make their text chunk by chunk
    # Every text is made of the same term texts: each term is parsed strictly once, before
    # any file is touched, and the texts leniently as they are written (`rdf/streamed.py`).
    if formats:
        check_terms(content, FILE_NAMES["trig" if "trig" in formats else formats[0]])
    written, sides = {}, []
    with ExitStack() as stack:
        stack.callback(forget_table, content)  # the texts' pieces, made once for every format
        # TriG and Turtle of a big graph in child processes, the rest here meanwhile.
        for fmt in side_formats(content, formats):
            written[fmt] = out_dir / FILE_NAMES[fmt]
            sides.append(SideWrite(content, fmt, stack.enter_context(atomic_writer(written[fmt])), written[fmt].name))
            stack.callback(sides[-1].cancel)
        for fmt in formats:
            if fmt not in written:
                written[fmt] = write_streamed(content, fmt, out_dir / FILE_NAMES[fmt], strict=False)
        for side in sides:
            side.finish()
    content.release()
    return {fmt: written[fmt] for fmt in formats}


class BackgroundWrite:
    """Formats being written by a forked child process (`write_in_background`)."""

    def __init__(self, content: QuadSet, out_dir: Path, formats: list[str]):
        import multiprocessing

        self.content, self.out_dir, self.formats = content, Path(out_dir), list(formats)
        # Forked: the child reads the parent's quads as they are (copy-on-write), nothing pickled.
        self.process = multiprocessing.get_context("fork").Process(
            target=_child_write, args=(content, self.out_dir, self.formats), daemon=True,
            name="graphbuild-write")
        self.process.start()

    def result(self) -> dict[str, Path]:
        """Wait for the child; format → path. Should it have failed (or been killed), the
        formats are written here again, so any error is raised from this process, as
        `write_outputs` raises it."""
        self.process.join()
        if self.process.exitcode != 0:
            for fmt in self.formats:  # a child killed mid-write leaves its temp file (fsio.atomic_writer)
                for stray in self.out_dir.glob(f".{FILE_NAMES[fmt]}.*.tmp"):
                    stray.unlink(missing_ok=True)
            return write_outputs(self.content, self.out_dir, self.formats)
        return {fmt: self.out_dir / FILE_NAMES[fmt] for fmt in self.formats}

    def cancel(self) -> None:
        """Stop the child (the build failed elsewhere)."""
        if self.process.is_alive():
            self.process.terminate()
        self.process.join()


def _child_write(content: QuadSet, out_dir: Path, formats: list[str]) -> None:
    """The child's work. A failure is only its exit status: the parent writes the formats
    again and raises the error itself (multiprocessing would print a traceback here)."""
    try:
        write_outputs(content, out_dir, formats)
    except BaseException:
        raise SystemExit(1) from None


def write_in_background(content: QuadSet, out_dir: Path, formats: list[str]) -> BackgroundWrite | None:
    """Start writing the JSON-LD of `formats` in a forked child process (it is the one
    format written by Python code, so a thread would not overlap), for a caller that writes
    the other formats meanwhile on another core; None when there is nothing to overlap or
    fork is not available. Fork before starting threads."""
    import multiprocessing

    if "jsonld" not in formats or len(formats) < 2 or "fork" not in multiprocessing.get_all_start_methods():
        return None
    if multiprocessing.current_process().daemon:  # a daemonic process may not have children
        return None
    return BackgroundWrite(content, out_dir, ["jsonld"])


__all__ = ["FILE_NAMES", "BackgroundWrite", "check", "publish", "quad_set", "serialize", "to_quads", "to_triples",
           "write_in_background", "write_outputs"]
