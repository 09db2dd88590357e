"""TriG and Turtle serialized by child processes while this process writes the other files.

pyoxigraph holds the GIL while it serializes statements from an iterator, so a thread
would not overlap it; a child process (`rdf/serializer_process.py`, started afresh:
nothing is forked, so it is safe beside threads and adds only its own small memory) reads
the canonical text from a pipe, fed by a thread here chunk by chunk, and writes into the
temp file of `fsio.atomic_writer`, which replaces the old file once the child has
succeeded. The child parses leniently: `streamed.check_terms` ran first. A child that
cannot run (no interpreter, a missing module) is not an error: its file is then written
here, the same bytes; a text that does not parse is (GB423).
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

from graphbuild.errors import OutputError
from graphbuild.rdf import serializer_process
from graphbuild.rdf.quads import QuadSet
from graphbuild.rdf.streamed import SOURCE_NAME, CanonicalText, write_to
from graphbuild.vocab import prefixes

SIDE_FORMATS = ("trig", "ttl")
SIDE_MIN_STATEMENTS = 50_000  # below this a child costs more than it saves
FEED_LINES = 10_000  # lines a frame: little held here while a child catches up
_SOURCE = {"trig": "nquads", "ttl": "ntriples"}


def usable_cores() -> int:
    """The CPUs this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


def side_formats(content: QuadSet, formats: list[str]) -> list[str]:
    """Which of `formats` are worth a child process: TriG and Turtle of a big graph, when
    there is a second CPU to run them on."""
    if len(content) < SIDE_MIN_STATEMENTS or usable_cores() < 2:
        return []
    return [f for f in formats if f in SIDE_FORMATS]


def command(fmt: str, fd: int) -> list[str]:
    """The child's command line: this interpreter, isolated (no user site, no PYTHONPATH:
    the script needs pyoxigraph only), writing `fmt` into file descriptor `fd`."""
    return [sys.executable, "-I", serializer_process.__file__, _SOURCE[fmt], fmt, str(fd), json.dumps(prefixes())]


def _widen(pipe) -> None:
    """A pipe buffer of 1 MiB (Linux; 64 KiB by default): fewer switches between the processes."""
    try:
        import fcntl

        fcntl.fcntl(pipe.fileno(), fcntl.F_SETPIPE_SZ, 1 << 20)
    except (ImportError, AttributeError, OSError):
        pass


class SideWrite:
    """`fmt` (trig or ttl) of `content` being written by a child process into `handle`,
    a binary file open for writing (the temp file of `fsio.atomic_writer`)."""

    def __init__(self, content: QuadSet, fmt: str, handle, name: str):
        self.content, self.fmt, self.handle, self.name = content, fmt, handle, name
        self.error: BaseException | None = None
        self.stderr = tempfile.TemporaryFile()
        fd = handle.fileno()
        try:
            self.process: subprocess.Popen | None = subprocess.Popen(
                command(fmt, fd), stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=self.stderr, pass_fds=(fd,))
        except OSError:
            self.process = None  # written here instead (`finish`)
            return
        _widen(self.process.stdin)
        # Made here, not on the feeder: the rows it reads (`triple_rows`) are made once, by this thread.
        self.text = CanonicalText(content, fmt)
        self.feeder = threading.Thread(target=self._feed, name=f"graphbuild-feed-{fmt}", daemon=True)
        self.feeder.start()

    def _feed(self) -> None:
        try:
            for chunk in self.text.chunks(FEED_LINES):
                self.process.stdin.write(serializer_process.frame_header(chunk))
                self.process.stdin.write(chunk)
            self.process.stdin.close()
        except BrokenPipeError:  # the child stopped reading: its exit status says why
            pass
        except BaseException as err:  # noqa: BLE001 (raised again by `finish`)
            self.error = err
            self.process.kill()

    def finish(self) -> None:
        """Wait for the child; raise OutputError (GB423) when the text did not parse. When
        the child could not run at all, the file is written here (the same bytes)."""
        try:
            if self.process is not None:
                self.feeder.join()
                code = self.process.wait()
                if self.error is not None:
                    raise self.error
                if code == 0:
                    return
                if code == serializer_process.PARSE_FAILED:
                    self.stderr.seek(0)
                    reason = self.stderr.read().decode("utf-8", "replace").strip()
                    raise OutputError("GB423", name=self.name, fmt=SOURCE_NAME[self.fmt], reason=reason)
            self.handle.seek(0)
            self.handle.truncate()
            write_to(self.content, self.fmt, self.handle, self.name, strict=False)
        finally:
            self.stderr.close()

    def cancel(self) -> None:
        """Stop the child (a write failed elsewhere)."""
        if self.process is not None and self.process.poll() is None:
            self.process.kill()
        if self.process is not None:
            self.feeder.join()
            self.process.wait()
        self.stderr.close()


__all__ = ["FEED_LINES", "SIDE_FORMATS", "SIDE_MIN_STATEMENTS", "SideWrite", "command", "side_formats", "usable_cores"]
