"""Shared fixtures: the real spaCy model, the bundled samples, and the skip-or-fail rule.

Under GRAPHBUILD_REQUIRE_ALL=1 (set by .ci/run) a test that would skip because a browser,
a server or a data file is missing fails instead, so CI cannot go green by skipping.
"""
from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED_DATA = ROOT.parent / "shared" / "data"
ARTIFACTS = ROOT / "tests" / "artifacts"


def skip_or_fail(reason: str) -> None:
    """Skip the test, or fail it when GRAPHBUILD_REQUIRE_ALL=1."""
    if os.environ.get("GRAPHBUILD_REQUIRE_ALL") == "1":
        pytest.fail(f"required under GRAPHBUILD_REQUIRE_ALL=1: {reason}")
    pytest.skip(reason)


@pytest.fixture(scope="session")
def nlp():
    from graphbuild.nlp import load_model

    return load_model("en_core_web_sm")


@pytest.fixture(scope="session")
def samples():
    """The two bundled sample articles as Documents (ITV News, RFE/RL; 2020-01-07)."""
    from graphbuild.ingest import bundled_samples

    return bundled_samples()


@pytest.fixture(scope="session")
def shared_data() -> Path:
    return SHARED_DATA


@pytest.fixture(scope="session")
def artifacts() -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS


@pytest.fixture(scope="session")
def sample_build(tmp_path_factory):
    """`graphbuild build` of the bundled samples, run once per session: a BuildResult
    (`.model`, `.report`, `.outputs`) whose files live in a temporary directory."""
    from graphbuild.pipeline import build
    from graphbuild.settings import Settings

    out = tmp_path_factory.mktemp("sample-build")
    return build(Settings(output_dir=out))


# Real SPARQL servers (tests/virtuoso_server.py, tests/oxigraph_server.py), one of each per
# session, stopped by PID.
@pytest.fixture(scope="session")
def virtuoso(tmp_path_factory):
    from tests.virtuoso_server import find_binary, start

    binary = find_binary()
    if binary is None:
        skip_or_fail("virtuoso-t is not installed (apt-get install virtuoso-opensource)")
    server = start(binary, tmp_path_factory.mktemp("virtuoso"))
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture(scope="session")
def oxigraph_server(tmp_path_factory):
    from tests.oxigraph_server import find_binary, start

    binary = find_binary()
    if binary is None:
        skip_or_fail("the oxigraph server is not installed (pip install oxigraph, pinned in requirements/lock.txt)")
    server = start(binary, tmp_path_factory.mktemp("oxigraph-server") / "db")
    try:
        yield server
    finally:
        server.stop()
