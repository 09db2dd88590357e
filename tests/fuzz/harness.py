"""The fuzz targets `make fuzz` runs: arbitrary bytes as an input file (of every kind
graphbuild reads, with or without a sidecar) through ingest, and through a one-document
build. A crash is any exception that is not graphbuild's own error, or an outcome that
breaks the contract (a Document that cannot be written, a set that does not check).

Run with atheris (coverage-guided) when it is installed, else with hypothesis:
    python tests/fuzz/harness.py ingest|build SECONDS
Every crash found becomes a regression test in tests/unit/test_fuzz_regressions.py.
"""
from __future__ import annotations

import shutil
import sys
import tempfile
import time
from pathlib import Path

SUFFIXES = (".txt", ".md", ".html", ".jsonl", ".txt")  # the last one gets a sidecar
ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))


def _write(data: bytes, folder: Path) -> Path:
    kind = SUFFIXES[data[0] % len(SUFFIXES)] if data else ".txt"
    body = data[1:]
    path = folder / f"in{kind}"
    if kind == ".txt" and data and data[0] % len(SUFFIXES) == len(SUFFIXES) - 1:
        cut = len(body) // 3
        (folder / "in.meta.json").write_bytes(body[:cut])
        body = body[cut:]
    path.write_bytes(body)
    return path


def build_one(data: bytes) -> None:
    """Fuzz target: a whole build of `data` as one input file; it succeeds with a whole
    set, or fails with graphbuild's own error and leaves nothing half-written."""
    from graphbuild.errors import GraphbuildError
    from graphbuild.outputs import check_output_set
    from graphbuild.pipeline import build
    from graphbuild.settings import Settings

    folder = Path(tempfile.mkdtemp(prefix="gb-fuzz-"))
    try:
        path = _write(data, folder)
        out = folder / "out"
        try:
            build(Settings(inputs=(str(path),), output_dir=out, formats=("ttl", "trig", "nt", "jsonld", "html")))
        except GraphbuildError:
            assert not out.exists() or not any(out.iterdir()), "a failed build left files"
            return
        check = check_output_set(out)
        assert check.ok, check.problems
    finally:
        shutil.rmtree(folder)


def ingest_one(data: bytes) -> None:
    """Fuzz target: ingest `data` as a file; every item must keep the contract."""
    from graphbuild.errors import InputError, InputWarning
    from graphbuild.ingest import read_inputs
    from graphbuild.model import Document

    folder = Path(tempfile.mkdtemp(prefix="gb-fuzz-"))
    try:
        _write(data, folder)
        for item in read_inputs([str(folder)]):
            if isinstance(item, Document):
                for value in (item.id, item.text, item.title, item.url, item.source, item.path):
                    if value is not None:
                        value.encode("utf-8")  # writable
                assert item.text.strip(), "a Document without text"
            else:
                assert isinstance(item, (InputError, InputWarning)), type(item)
                assert "unexpected error" not in str(getattr(item, "problem", "")), item.problem
    finally:
        shutil.rmtree(folder)


TARGETS = {"ingest": ingest_one, "build": build_one}


def main(argv: list[str]) -> int:
    name, seconds = argv[1], float(argv[2])
    target = TARGETS[name]
    if name == "build":
        from graphbuild.nlp import load_model
        load_model("en_core_web_sm")  # once, before the clock starts
    try:
        import atheris
    except ImportError:
        return _with_hypothesis(target, seconds)
    with atheris.instrument_imports():
        import graphbuild.ingest  # noqa: F401  (coverage of what the targets reach)
    corpus = Path(tempfile.mkdtemp(prefix=f"graphbuild-fuzz-{name}-corpus-"))  # libFuzzer writes here
    for seed in (ROOT / "tests" / "fuzz" / "seeds").iterdir():
        shutil.copy(seed, corpus / seed.name)
    atheris.Setup([argv[0], f"-max_total_time={int(seconds)}", "-rss_limit_mb=4096",
                   f"-artifact_prefix={tempfile.gettempdir()}/graphbuild-fuzz-{name}-", str(corpus)],
                  target)
    atheris.Fuzz()
    return 0


def _with_hypothesis(target, seconds: float) -> int:
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    runs = 0

    @settings(max_examples=100, deadline=None, database=None, suppress_health_check=list(HealthCheck))
    @given(st.binary(max_size=4096))
    def run(data):
        nonlocal runs
        runs += 1
        target(data)

    end = time.monotonic() + seconds
    while time.monotonic() < end:
        run()
    print(f"hypothesis: {runs} inputs in {seconds:.0f}s")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
