"""Atomic writes: whole new content or the old content, never a truncated file or a stray temp."""
from __future__ import annotations

import os
import stat

import pytest

from graphbuild import fsio
from graphbuild.fsio import atomic_write_bytes, atomic_write_text


def _only(tmp_path, *names):
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(names)


def test_writes_new_file_text_and_bytes(tmp_path):
    atomic_write_text(tmp_path / "a.txt", "héllo\n")
    atomic_write_bytes(tmp_path / "b.bin", b"\x00\x01")
    assert (tmp_path / "a.txt").read_bytes() == "héllo\n".encode("utf-8")
    assert (tmp_path / "b.bin").read_bytes() == b"\x00\x01"
    _only(tmp_path, "a.txt", "b.bin")


def test_replaces_existing_file(tmp_path):
    target = tmp_path / "graph.ttl"
    target.write_text("old content that is longer than the new one")
    atomic_write_text(target, "new")
    assert target.read_text() == "new"
    _only(tmp_path, "graph.ttl")


def test_unencodable_text_leaves_old_content_and_no_temp(tmp_path):
    target = tmp_path / "graph.ttl"
    target.write_text("old")
    with pytest.raises(UnicodeEncodeError):
        atomic_write_text(target, "bad \udc80 surrogate")
    assert target.read_text() == "old"
    _only(tmp_path, "graph.ttl")


def test_failure_after_temp_written_removes_temp_and_keeps_old(tmp_path, monkeypatch):
    # A failure between writing the temp file and the rename (e.g. disk trouble in replace).
    target = tmp_path / "report.json"
    target.write_text("old")
    seen = []

    def failing_replace(src, dst):
        seen.append(open(src, "rb").read())
        raise OSError("simulated failure in replace")

    monkeypatch.setattr(fsio.os, "replace", failing_replace)
    with pytest.raises(OSError, match="simulated"):
        atomic_write_text(target, "new content")
    assert seen == [b"new content"]  # the temp file was complete before the rename
    assert target.read_text() == "old"
    _only(tmp_path, "report.json")


def test_write_of_non_bytes_fails_cleanly(tmp_path):
    # The writer itself raises midway (wrong type): no temp left, old content intact.
    target = tmp_path / "x.nt"
    target.write_bytes(b"old")
    with pytest.raises(TypeError):
        atomic_write_bytes(target, "not bytes")  # type: ignore[arg-type]
    assert target.read_bytes() == b"old"
    _only(tmp_path, "x.nt")


def test_missing_directory_raises_without_creating_anything(tmp_path):
    with pytest.raises(FileNotFoundError):
        atomic_write_text(tmp_path / "nope" / "a.txt", "x")
    _only(tmp_path)


def test_keeps_mode_of_existing_file_and_umask_for_new(tmp_path):
    target = tmp_path / "a.txt"
    target.write_text("old")
    os.chmod(target, 0o640)
    atomic_write_text(target, "new")
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    fresh = tmp_path / "b.txt"
    atomic_write_text(fresh, "x")
    umask = os.umask(0)
    os.umask(umask)
    assert stat.S_IMODE(fresh.stat().st_mode) == 0o666 & ~umask
