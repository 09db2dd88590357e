"""The file system as untrusted input: only regular files are opened, nothing hangs.

- `open_regular` opens without blocking (a FIFO or a device named `x.txt` would block a
  plain `open`/`read`) and refuses anything but a regular file, checked on the open
  descriptor so the answer cannot change between the check and the read.
- `walk` lists the article files under a directory and reports, instead of silently
  dropping, what it will not read: FIFOs, sockets, devices, unreadable subdirectories,
  and symlinks that leave the tree (followed only with `follow_symlinks`).
"""
from __future__ import annotations

import os
import stat
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import BinaryIO

from graphbuild.errors import InputError
from graphbuild.ingest.names import path_text

_KINDS = ((stat.S_ISFIFO, "a FIFO (named pipe)"), (stat.S_ISSOCK, "a socket"),
          (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device"),
          (stat.S_ISDIR, "a directory"))


def not_regular(mode: int) -> str | None:
    """What a file of `mode` is when it is not a regular file (None if it is one)."""
    if stat.S_ISREG(mode):
        return None
    return next((name for test, name in _KINDS if test(mode)), "not a regular file")


def open_regular(path: Path, source: str) -> BinaryIO:
    """`path` opened for binary reading; InputError if it is not a regular file or
    cannot be opened."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except OSError as err:
        raise InputError("GB255", source, reason=err.strerror or err) from None
    try:
        kind = not_regular(os.fstat(fd).st_mode)
        if kind:
            raise InputError("GB254", source, kind=kind)
        os.set_blocking(fd, True)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def read_regular(path: Path, source: str) -> bytes:
    """The bytes of the regular file `path` (InputError otherwise)."""
    with open_regular(path, source) as handle:
        try:
            return handle.read()
        except OSError as err:
            raise InputError("GB255", source, reason=err.strerror or err) from None


def walk(directory: Path, wanted: Callable[[Path], bool], follow_symlinks: bool = False) -> Iterator[Path | InputError]:
    """The files under `directory` for which `wanted(path)` holds, sorted by relative
    path, then an InputError for each thing that was not read (hidden files and
    directories, and files of other kinds, are left out without a word)."""
    root = os.path.realpath(directory)
    found: list[Path] = []
    problems: list[InputError] = []
    seen_dirs: set[tuple[int, int]] = set()

    def onerror(err: OSError) -> None:
        problems.append(InputError("GB256", path_text(err.filename or directory), reason=err.strerror or err))

    for here, dirs, files in os.walk(directory, onerror=onerror, followlinks=follow_symlinks):
        if follow_symlinks:  # a symlink loop would walk forever
            st = os.stat(here)
            if (st.st_dev, st.st_ino) in seen_dirs:
                dirs[:] = []
                continue
            seen_dirs.add((st.st_dev, st.st_ino))
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        for name in dirs:
            path = Path(here, name)
            if not follow_symlinks and path.is_symlink() and _outside(path, root):
                problems.append(_symlink_error(path, "a directory"))
        for name in files:
            path = Path(here, name)
            if name.startswith(".") or not wanted(path):
                continue
            problem = _check_entry(path, root, follow_symlinks)
            if problem:
                problems.append(problem)
            else:
                found.append(path)
    found.sort(key=lambda p: p.relative_to(directory).parts)
    yield from found
    yield from sorted(problems, key=lambda e: e.source)


def _check_entry(path: Path, root: str, follow_symlinks: bool) -> InputError | None:
    try:
        lst = os.lstat(path)
        if stat.S_ISLNK(lst.st_mode):
            if not follow_symlinks and _outside(path, root):
                return _symlink_error(path, "a file")
            mode = os.stat(path).st_mode
        else:
            mode = lst.st_mode
    except OSError as err:  # a dangling symlink, a file gone meanwhile
        return InputError("GB255", path_text(path), reason=err.strerror or err)
    kind = not_regular(mode)
    return InputError("GB254", path_text(path), kind=kind) if kind else None


def _outside(path: Path, root: str) -> bool:
    target = os.path.realpath(path)
    return os.path.commonpath([root, target]) != root


def _symlink_error(path: Path, what: str) -> InputError:
    target = path_text(os.path.realpath(path))
    return InputError("GB253", path_text(path), what=what, target=target)


__all__ = ["open_regular", "read_regular", "walk"]
