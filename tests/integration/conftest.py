"""Real SPARQL servers for the integration tests, one of each per session, stopped by PID."""
from __future__ import annotations

import pytest

from tests.conftest import skip_or_fail


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
