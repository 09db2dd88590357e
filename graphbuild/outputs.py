"""The output directory as one set: staged whole, swapped in at once, checked by hash.

A build writes every file into a staging directory, records each file's sha256 in
`report.json` (`files`), and only then swaps the set in, so a reader (or a SIGKILL at any
moment) sees the old set or the new one, never a mix:

- exchange (Linux `renameat2(RENAME_EXCHANGE)`): the staging directory is a sibling of
  the output directory, holding hard links to every file there that is not ours (the
  user's notes, the lock file); the two directories trade places in one system call,
  then the old set is removed.
- per file (elsewhere, or when the directory holds subdirectories, is a mount point or
  the working directory): the staging directory is inside; once it is complete it is
  marked committed and its files are renamed in, `report.json` last. A kill in between
  is finished by the next build (`recover`), and `check_output_set` reports the mismatch.

Builds into one directory take an exclusive lock first (`graphbuild.locking`).
"""
from __future__ import annotations

import ctypes
import errno
import hashlib
import json
import os
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from graphbuild.errors import OutputError
from graphbuild.fsio import atomic_write_text, fsync_dir
from graphbuild.ingest.names import path_text

REPORT = "report.json"
STAGE = ".graphbuild-stage-"
COMMITTED = ".committed"
# Every file name a build may write: an old one the new set lacks is removed with the set.
OWNED = frozenset({REPORT, "graph.ttl", "graph.trig", "graph.nt", "graph.jsonld", "graph.html",
                   "graph.graphml", "graph.gexf", "rejected.trig"})
_RENAME_EXCHANGE = 2
_AT_FDCWD = -100


@dataclass
class SetCheck:
    """What `check_output_set` found: `problems` is empty when the set is whole;
    `leftovers` names what interrupted builds left beside it (the next build removes it)."""

    directory: Path
    problems: list[str] = field(default_factory=list)
    files: dict[str, str] = field(default_factory=dict)  # name -> sha256 as recorded
    leftovers: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def check_output_set(directory: Path | str) -> SetCheck:
    """Check that `directory` holds one whole set written by graphbuild: `report.json`
    lists each file with its sha256 and every listed file has that hash; no output file
    is there that the report does not list. Staging left by an interrupted build is
    listed in `leftovers`: it is not part of the set."""
    out = Path(directory)
    result = SetCheck(out, leftovers=[f"{stage.name}: staging of an interrupted build" for stage in _stages(out)])
    try:
        report = json.loads((out / REPORT).read_text(encoding="utf-8"))
        files = report["files"]
        if not isinstance(files, dict):
            raise TypeError("`files` is not an object")
    except FileNotFoundError:
        result.problems.append(f"{REPORT} is missing: this is not a set graphbuild wrote")
        return result
    except (OSError, ValueError, KeyError, TypeError) as err:
        result.problems.append(f"{REPORT} cannot be read as graphbuild's report ({err})")
        return result
    result.files = dict(files)
    for name, want in sorted(files.items()):
        path = out / name
        if not path.is_file():
            result.problems.append(f"{name} is listed in {REPORT} but missing")
        elif sha256_file(path) != want:
            result.problems.append(f"{name} does not match its sha256 in {REPORT} (another build or an edit changed it)")
    for name in sorted(OWNED - set(files) - {REPORT}):
        if (out / name).exists():
            result.problems.append(f"{name} is not part of the set {REPORT} describes (left by another build)")
    return result


def _stages(out: Path) -> list[Path]:
    inside = [p for p in out.glob(STAGE + "*") if p.is_dir()]
    beside = [p for p in out.parent.glob(f".{out.name}{STAGE}*") if p.is_dir()] if out.name else []
    return sorted(inside + beside)


def recover(out: Path) -> list[str]:
    """Finish or discard what an interrupted build left in `out` (call under the lock):
    a committed per-file staging is moved in, anything else staged or half-written is
    removed. Returns what was done, for the report."""
    done = []
    for stage in _stages(out):
        if stage.parent == out and (stage / COMMITTED).exists():
            _move_in(stage, out)
            done.append(f"finished the interrupted swap of {stage.name}")
        else:
            _remove_stage(stage)
            done.append(f"removed {stage.name} of an interrupted build")
    for tmp in out.glob(".*.tmp"):  # fsio's temp files: `.graph.ttl.abc123.tmp`
        if tmp.is_file() and tmp.name[1:].split(".")[0] in {n.split(".")[0] for n in OWNED}:
            tmp.unlink()
            done.append(f"removed the stale temp file {tmp.name}")
    return done


def prepare(out: Path, into: bool) -> dict:
    """Before a build writes into `out` (under the lock): finish or clean what an
    interrupted build left, check the set that is there, and, for `--into`, refuse a
    graph.trig graphbuild did not write (its triples would be dropped). Returns the notes
    for report.json (`previous_set`)."""
    from graphbuild.errors import UsageError

    notes: dict = {}
    done = recover(out)
    if done:
        notes["recovered"] = done
    if not any((out / name).exists() for name in OWNED):
        return notes
    check = check_output_set(out)
    if check.problems:
        notes["problems"] = check.problems
    trig = out / "graph.trig"
    if into and trig.exists():
        foreign = [p for p in check.problems if p.startswith((REPORT, "graph.trig"))]
        if foreign:
            raise UsageError("GB210", out=path_text(out), foreign=foreign[0])
    return notes


@contextmanager
def staged(out: Path) -> Iterator[Path]:
    """A staging directory to write the whole new set into; on a clean exit it becomes
    the set in `out` (see the module docstring). On any error it is removed and `out`
    keeps the old set; an OSError (disk full, read-only) becomes an OutputError."""
    out.mkdir(parents=True, exist_ok=True)
    exchange = _can_exchange(out)
    parent = out.parent if exchange else out
    prefix = f".{out.name}{STAGE}" if exchange else STAGE
    stage = Path(tempfile.mkdtemp(prefix=prefix, dir=parent))
    try:
        yield stage
        _finish(stage, out, exchange)
    except OSError as err:
        _remove_stage(stage)
        raise OutputError("GB405", out=path_text(out), reason=err.strerror or err) from err
    except BaseException:
        _remove_stage(stage)
        raise


def hashes(stage: Path) -> dict[str, str]:
    """sha256 of every output file in `stage` (what report.json records)."""
    return {p.name: sha256_file(p) for p in sorted(stage.iterdir())
            if p.is_file() and p.name in OWNED and p.name != REPORT}


def _finish(stage: Path, out: Path, exchange: bool) -> None:
    for path in stage.iterdir():  # not every writer fsyncs (GraphML, GEXF)
        fd = os.open(path, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
    fsync_dir(stage)
    if exchange:
        for path in out.iterdir():  # carry over what is not ours (and the lock, by link)
            if path.name not in OWNED and not path.name.startswith(STAGE) and path.is_file():
                os.link(path, stage / path.name, follow_symlinks=False)
        os.chmod(stage, os.stat(out).st_mode & 0o7777)
        try:
            _exchange(stage, out)
        except OSError as err:
            if err.errno not in (errno.EINVAL, errno.ENOSYS, errno.EXDEV, errno.ENOTSUP):
                raise
            _move_in(stage, out)  # the file system cannot exchange: file by file
            return
        fsync_dir(out.parent)
        _remove_stage(stage)  # now the old set
    else:
        atomic_write_text(stage / COMMITTED, "")
        fsync_dir(stage)
        _move_in(stage, out)


def _move_in(stage: Path, out: Path) -> None:
    new = {p.name for p in stage.iterdir() if p.name in OWNED}
    for name in sorted(new - {REPORT}) + ([REPORT] if REPORT in new else []):
        os.replace(stage / name, out / name)
    for name in OWNED - new:
        (out / name).unlink(missing_ok=True)
    fsync_dir(out)
    _remove_stage(stage)


def _remove_stage(stage: Path) -> None:
    """Remove a staging directory: it only ever holds files (ours, or links to files
    still in the output directory); a directory found in it is left alone."""
    for path in stage.iterdir() if stage.is_dir() else ():
        if path.is_symlink() or not path.is_dir():
            path.unlink(missing_ok=True)
    try:
        stage.rmdir()
    except OSError:
        pass


def _can_exchange(out: Path) -> bool:
    """Whether `out` can trade places with a sibling in one step."""
    if not sys.platform.startswith("linux") or not out.is_dir() or out.is_symlink() or os.path.ismount(out):
        return False
    cwd = os.path.realpath(os.getcwd())
    real = os.path.realpath(out)
    if os.path.commonpath([cwd, real]) == real:  # the shell would be left in the old set
        return False
    if any(p.is_dir() for p in out.iterdir() if not p.name.startswith(STAGE)):
        return False  # a subdirectory cannot be hard-linked along
    return os.access(out.parent, os.W_OK | os.X_OK) and _libc_renameat2() is not None


def _libc_renameat2():
    try:
        func = ctypes.CDLL(None, use_errno=True).renameat2
    except (OSError, AttributeError):
        return None
    func.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    return func


def _exchange(a: Path, b: Path) -> None:
    if _libc_renameat2()(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE) != 0:
        code = ctypes.get_errno()
        raise OSError(code, os.strerror(code), str(b))


__all__ = ["SetCheck", "check_output_set", "hashes", "prepare", "recover", "sha256_file", "staged"]
