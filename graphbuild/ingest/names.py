"""File names as text that can be written anywhere (report.json, RDF, a terminal).

On POSIX a file name is bytes; Python decodes the bytes that are not UTF-8 to lone
surrogates (PEP 383), which no UTF-8 writer accepts. Here such a byte is spelled `\\xff`,
so the name stays readable, unique per file and deterministic.
"""
from __future__ import annotations

import os
from pathlib import PurePath


def path_text(path: PurePath | str) -> str:
    """`path` as valid Unicode text; bytes that are not UTF-8 appear as `\\xNN`."""
    name = os.fspath(path)
    if lone_surrogate(name) is None:
        return name
    try:
        raw = os.fsencode(name)
    except UnicodeEncodeError:  # a surrogate that did not come from the file system
        return name.encode("utf-8", "backslashreplace").decode("ascii")
    return raw.decode("utf-8", "backslashreplace")


def stem_text(path: PurePath) -> str:
    """The file's name without its suffix, as `path_text` spells it."""
    return path_text(path.stem)


def lone_surrogate(text: str) -> int | None:
    """The index of the first lone surrogate in `text`, or None (valid Unicode)."""
    try:
        text.encode("utf-8")  # in C: fast on a long article
    except UnicodeEncodeError as err:
        return err.start
    return None


__all__ = ["lone_surrogate", "path_text", "stem_text"]
