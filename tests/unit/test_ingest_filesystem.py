"""The file system as hostile input: only regular files are opened; FIFOs, sockets,
unreadable directories and symlinks leaving the tree are reported, nothing hangs."""
from __future__ import annotations

import os
import shutil
import signal
import socket
import tempfile
import traceback
from pathlib import Path

import pytest

from graphbuild.errors import InputError
from graphbuild.ingest import read_inputs
from graphbuild.model import Document

GOOD = "Angela Merkel met Emmanuel Macron in Berlin."


@pytest.fixture(autouse=True)
def no_hang():
    """A read that blocks (a FIFO opened for reading) fails the test instead of hanging."""
    def timeout(signum, frame):
        raise TimeoutError("the read blocked")
    old = signal.signal(signal.SIGALRM, timeout)
    signal.alarm(20)
    yield
    signal.alarm(0)
    signal.signal(signal.SIGALRM, old)


def _by_name(items):
    return {Path(i.source if isinstance(i, InputError) else i.path).name: i for i in items}


def test_fifos_are_reported_not_opened(tmp_path):
    (tmp_path / "a.txt").write_text(GOOD)
    os.mkfifo(tmp_path / "pipe.txt")
    os.mkfifo(tmp_path / "pipe.jsonl")
    (tmp_path / "b.txt").write_text(GOOD)
    os.mkfifo(tmp_path / "b.meta.json")  # a sidecar that is a FIFO
    items = _by_name(read_inputs([str(tmp_path)]))
    assert isinstance(items["a.txt"], Document)
    for name in ("pipe.txt", "pipe.jsonl"):
        assert isinstance(items[name], InputError) and "a FIFO (named pipe), not a regular file" in items[name].problem
    assert isinstance(items["b.meta.json"], InputError) and "FIFO" in items["b.meta.json"].problem


def test_a_fifo_named_explicitly_does_not_hang(tmp_path):
    os.mkfifo(tmp_path / "x.txt")
    os.mkfifo(tmp_path / "x.jsonl")
    items = list(read_inputs([str(tmp_path / "x.txt"), str(tmp_path / "x.jsonl")]))
    assert all(isinstance(i, InputError) and "FIFO" in i.problem for i in items) and len(items) == 2


def test_a_socket_is_reported(tmp_path):
    path = tmp_path / "s.txt"
    with socket.socket(socket.AF_UNIX) as sock:
        sock.bind(str(path))
        [item] = read_inputs([str(tmp_path)])
    assert isinstance(item, InputError) and "a socket" in item.problem


def test_symlinks_leaving_the_tree_are_not_followed(tmp_path):
    outside = tmp_path / "secret"
    outside.mkdir()
    (outside / "passwd.txt").write_text(GOOD)
    tree = tmp_path / "tree"
    tree.mkdir()
    (tree / "real.txt").write_text(GOOD)
    (tree / "inside.txt").symlink_to(tree / "real.txt")  # inside the tree: read
    (tree / "leak.txt").symlink_to(outside / "passwd.txt")
    (tree / "leakdir").symlink_to(outside, target_is_directory=True)
    (tree / "dangling.txt").symlink_to(tmp_path / "nowhere.txt")
    items = _by_name(read_inputs([str(tree)]))
    assert isinstance(items["real.txt"], Document) and isinstance(items["inside.txt"], Document)
    for name in ("leak.txt", "leakdir"):
        assert isinstance(items[name], InputError) and "outside the input tree" in items[name].problem
        assert "--follow-symlinks" in items[name].fix
    assert isinstance(items["dangling.txt"], InputError)
    followed = _by_name(read_inputs([str(tree)], follow_symlinks=True))
    assert isinstance(followed["leak.txt"], Document) and isinstance(followed["passwd.txt"], Document)


def test_a_symlink_loop_with_follow_symlinks_ends(tmp_path):
    (tmp_path / "a.txt").write_text(GOOD)
    (tmp_path / "loop").symlink_to(tmp_path, target_is_directory=True)
    items = list(read_inputs([str(tmp_path)], follow_symlinks=True))
    assert [type(i) for i in items] == [Document]


def _as_nobody(fn):
    """fn() in a forked child that dropped root (root reads every directory); its lines."""
    r, w = os.pipe()
    pid = os.fork()
    if pid == 0:  # child: no exec, the modules are already imported
        code = 1
        try:
            os.close(r)
            if os.geteuid() == 0:
                os.setgid(65534)
                os.setuid(65534)
            os.write(w, "\n".join(fn()).encode("utf-8", "backslashreplace"))
            code = 0
        except BaseException:
            traceback.print_exc()
        finally:
            os._exit(code)
    os.close(w)
    with os.fdopen(r, "rb") as handle:
        out = handle.read().decode()
    _, status = os.waitpid(pid, 0)
    assert os.waitstatus_to_exitcode(status) == 0
    return out.splitlines()


def test_an_unreadable_subdirectory_is_reported():
    tree = Path(tempfile.mkdtemp(prefix="gb-unreadable-"))  # pytest's tmp_path is 0700 root's
    (tree / "locked").mkdir()
    (tree / "ok.txt").write_text(GOOD)
    (tree / "locked" / "hidden.txt").write_text(GOOD)
    os.chmod(tree, 0o755)
    os.chmod(tree / "locked", 0o000)
    try:
        lines = _as_nobody(lambda: [f"{type(i).__name__} {getattr(i, 'source', None) or i.path} "
                                    f"{getattr(i, 'problem', '')}" for i in read_inputs([str(tree)])])
    finally:
        os.chmod(tree / "locked", 0o755)
        shutil.rmtree(tree)
    assert lines[0] == f"Document {tree}/ok.txt ", lines
    assert lines[1] == f"InputError {tree}/locked cannot read directory: Permission denied", lines
    assert len(lines) == 2
