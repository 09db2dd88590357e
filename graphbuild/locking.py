"""One build at a time per output directory: an exclusive lock (flock) on a lock file in
it, holding who holds it (pid, host, start, command) so a second build can name them.

The lock file is removed on release; a waiter that wins the lock checks that the file it
locked is still the one at the path (else it takes the new one), so removal is safe. The
output set's swap (`outputs.staged`) carries the file along by hard link.
"""
from __future__ import annotations

import fcntl
import json
import os
import socket
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from graphbuild.errors import GraphbuildError
from graphbuild.ingest.names import path_text

LOCK = ".graphbuild.lock"


class Busy(GraphbuildError):
    """Another build holds the output directory's lock."""

    exit_code = 7


@contextmanager
def locked(directory: Path, wait: float = 0.0) -> Iterator[None]:
    """Hold the exclusive build lock of `directory` (created if missing; removed again if
    the build fails and leaves it empty); wait up to `wait` seconds for another holder,
    else raise Busy naming it. The lock file goes when the lock is released."""
    created = not directory.exists()
    directory.mkdir(parents=True, exist_ok=True)
    fd = _acquire(directory / LOCK, directory, time.monotonic() + wait)
    ok = False
    try:
        os.ftruncate(fd, 0)
        os.pwrite(fd, json.dumps(_me()).encode(), 0)
        yield
        ok = True
    finally:
        try:
            os.unlink(directory / LOCK)  # under the lock: a waiter re-checks the inode
        except FileNotFoundError:
            pass
        os.close(fd)
        if created and not ok:
            try:
                directory.rmdir()
            except OSError:
                pass


def _acquire(path: Path, directory: Path, deadline: float) -> int:
    while True:
        fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = _holder(fd)
            os.close(fd)
            if time.monotonic() >= deadline:
                raise Busy("GB701", directory=path_text(directory), holder=holder) from None
            time.sleep(0.1)
            continue
        try:
            same = os.stat(path).st_ino == os.fstat(fd).st_ino
        except FileNotFoundError:
            same = False
        if same:
            return fd
        os.close(fd)  # the holder removed the file as we opened it: take the new one


def _me() -> dict:
    return {"pid": os.getpid(), "host": socket.gethostname(), "started": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
            "command": " ".join(path_text(a) for a in sys.argv)[:300]}


def _holder(fd: int) -> str:
    try:
        info = json.loads(os.pread(fd, 4096, 0) or b"{}")
        return f"pid {info['pid']} on {info['host']}, since {info['started']} ({info['command']})"
    except (OSError, ValueError, KeyError, TypeError):
        return "a process that has not said who it is yet"




__all__ = ["LOCK", "Busy", "locked"]
