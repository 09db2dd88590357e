"""Checks of a build's settings that run before any work: a mistake in a path or an option
is reported in a second, not as a traceback after the whole NLP stage.

`check_settings` raises UsageError naming the flag (or path) that fixes it: a named input
that does not exist, an output directory that is a file or cannot be written, an
encoding that is not a text codec, a base IRI a strict parser would refuse.
"""
from __future__ import annotations

import os
import tempfile
from pathlib import Path

from graphbuild import iri
from graphbuild.errors import UsageError
from graphbuild.ingest.names import path_text
from graphbuild.settings import Settings

STDIN = "-"


def check_settings(settings: Settings) -> None:
    """Raise UsageError for the first setting a build could not run with."""
    check_inputs(settings.inputs)
    check_encoding(settings.encoding)
    iri.check_base(settings.base_iri)
    if settings.max_chars is not None and settings.max_chars < 1:
        raise UsageError("GB211", max_chars=settings.max_chars)
    check_output_dir(Path(settings.into if settings.into is not None else settings.output_dir),
                     "--into" if settings.into is not None else "-o/--output")


def check_inputs(inputs: tuple[str, ...]) -> None:
    """Every input named by the user exists (a typo must not build an empty graph)."""
    missing = [name for name in inputs if name != STDIN and not os.path.exists(name)]
    if missing:
        names = ", ".join(path_text(name) for name in missing[:5]) + (" ..." if len(missing) > 5 else "")
        raise UsageError("GB212", names=names)


def check_encoding(encoding: str | None) -> None:
    """`encoding` is None or a codec that decodes bytes to text (not zlib, base64, ...)."""
    if encoding is None:
        return
    try:
        b"a".decode(encoding)  # b"" would not reach the codec; one byte may not decode
    except UnicodeError:
        pass  # a text codec all the same (UTF-16 needs two bytes)
    except LookupError as err:
        raise UsageError("GB215", encoding=encoding, reason=err) from None


def check_output_dir(out: Path, flag: str) -> None:
    """`out` is a directory we can write into, or can be created as one."""
    shown = path_text(out)
    if out.exists() and not out.is_dir():
        raise UsageError("GB213", flag=flag, shown=shown)
    existing = out
    while not existing.exists():  # the nearest ancestor that exists must take the new dir
        if existing.parent == existing:
            break
        existing = existing.parent
    if existing.exists() and not existing.is_dir():
        raise UsageError("GB214", flag=flag, shown=shown, existing=path_text(existing))
    try:  # a real probe: permission bits do not tell about read-only mounts, nor for root
        os.rmdir(tempfile.mkdtemp(prefix=".graphbuild-probe-", dir=existing))
    except OSError as err:
        raise UsageError("GB216", flag=flag, shown=shown, existing=path_text(existing),
                         reason=err.strerror or err) from None


__all__ = ["check_encoding", "check_inputs", "check_output_dir", "check_settings"]
