"""Atomic file writes: an existing file is replaced whole or left exactly as it was.

The data goes to a temp file in the target's directory (same filesystem, so `os.replace`
is atomic), is flushed and fsynced, then renamed over the target; the directory is fsynced
so the rename survives a crash. On any failure the temp file is removed and the old file
is untouched. (pip's `utils/filesystem.py` does the same.)
"""
from __future__ import annotations

import os
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO


def atomic_write_bytes(path: Path | str, data: bytes) -> None:
    """Write `data` to `path` atomically (see module docstring). Parent dir must exist."""
    with atomic_writer(path) as handle:
        handle.write(data)


def atomic_write_text(path: Path | str, text: str) -> None:
    """Write `text` as UTF-8 to `path` atomically. Encoding happens before the file is
    touched, so text that cannot be encoded (lone surrogates) leaves the old file as is."""
    atomic_write_bytes(path, text.encode("utf-8"))


def _keep_mode(path: Path, tmp: str) -> None:
    """mkstemp creates 0600 files; give the new file the old one's mode, else 0666 & ~umask."""
    try:
        mode = os.stat(path).st_mode & 0o7777
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    os.chmod(tmp, mode)


def _fsync_dir(directory: Path) -> None:
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:  # some platforms/filesystems cannot open directories
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


fsync_dir = _fsync_dir  # public: the output set (outputs.py) syncs its directories too


@contextmanager
def atomic_writer(path: Path | str, check: Callable[[Path], None] | None = None) -> Iterator[BinaryIO]:
    """A binary handle on a temp file beside `path`, for writing a file too big to hold
    in memory. On a normal exit the file is fsynced, passed to `check` (which raises to
    refuse it) and then atomically replaces `path`; on any exception it is removed and
    `path` is left as it was."""
    path = Path(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        if check is not None:
            check(Path(tmp))
        _keep_mode(path, tmp)
        os.replace(tmp, path)
    except BaseException:
        # Also on KeyboardInterrupt: never leave a stray temp file behind.
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise
    _fsync_dir(path.parent)


__all__ = ["atomic_write_bytes", "atomic_write_text", "atomic_writer", "fsync_dir"]
