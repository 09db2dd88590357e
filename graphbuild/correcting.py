"""The corrections file of a build: which one, read and checked, and what report.json says.

Every build (`build`, `build --into`, any engine: resolution runs here, after analysis)
reads the corrections file — `--corrections FILE`, else `corrections.ttl` in the output
directory when there is one — refuses one that contradicts itself, and hands the
corrections to cross-document resolution. `report.json` counts those applied and lists
those that no longer match anything (reported, not fatal).
"""
from __future__ import annotations

from pathlib import Path

from graphbuild.errors import UsageError
from graphbuild.model import Correction, GraphModel
from graphbuild.settings import CORRECTIONS_FILE, Settings


def corrections_path(settings: Settings) -> Path | None:
    """The corrections file the build applies, or None."""
    if settings.corrections is not None:
        return Path(settings.corrections)
    default = Path(settings.into or settings.output_dir) / CORRECTIONS_FILE
    return default if default.exists() else None


def load_corrections(settings: Settings) -> tuple[Correction, ...]:
    """The corrections of the build's file (none without one), checked for conflicts."""
    from graphbuild.rdf.corrections import read_corrections

    path = corrections_path(settings)
    if path is None:
        return ()
    if not path.exists():
        raise UsageError("GB272", path=path, default=CORRECTIONS_FILE)
    corrections = read_corrections(path)
    check_conflicts(corrections, path)
    return corrections


def check_conflicts(corrections: tuple[Correction, ...], path: Path, new: Correction | None = None) -> None:
    """UsageError naming the first pair of contradicting corrections (with `new`, only
    pairs that hold it: the correction about to be added is refused)."""
    from graphbuild.resolve.corrections import conflicts

    pairs = conflicts(corrections + ((new,) if new else ()))
    pairs = [p for p in pairs if new is None or new in p]
    if not pairs:
        return
    a, b = pairs[0]
    if new is not None:
        old = a if b is new else b
        raise UsageError("GB288", new=new.describe(), old=old.describe(), agent=old.agent or "someone",
                         created=old.created, path=path)
    raise UsageError("GB289", path=path, first=a.describe(), second=b.describe())


def correction_report(settings: Settings, model: GraphModel) -> dict:
    """report.json's `corrections`: the file, how many applied, which matched nothing."""
    path = corrections_path(settings)
    if path is None or not path.exists():
        return {"file": None, "applied": 0, "unmatched": []}
    from graphbuild.rdf.corrections import read_corrections

    outcome = dict(value.split(" ", 1) for key, value in model.meta if key == "correction")
    described = {c.key: c.describe() for c in read_corrections(path)}
    return {
        "file": str(path),
        "applied": sum(1 for v in outcome.values() if v == "applied"),
        "unmatched": sorted(f"{described.get(k, k)} ({k})" for k, v in outcome.items() if v == "unmatched"),
    }


__all__ = ["check_conflicts", "correction_report", "corrections_path", "load_corrections"]
