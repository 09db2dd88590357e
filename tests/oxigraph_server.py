"""A throwaway Oxigraph server (`oxigraph serve`, from the PyPI package `oxigraph`) for
tests: its own database directory, bound to 127.0.0.1 on a free port, stopped by PID.

Endpoints: SPARQL query at /query, update at /update, Graph Store Protocol at /store
(`?graph=IRI`; PUT replaces, POST adds). No authentication.
"""
from __future__ import annotations

import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from tests.helpers.servers import LocalServer, free_port

START_TIMEOUT = 30.0


def find_binary() -> str | None:
    """The `oxigraph` executable (beside this Python first, then on PATH), or None."""
    beside = Path(sys.executable).parent / "oxigraph"
    return str(beside) if beside.exists() else shutil.which("oxigraph")


@dataclass
class OxigraphServer(LocalServer):
    """A running server; `sparql` queries by GET (named graphs need GRAPH: no union mode)."""

    process: subprocess.Popen
    http_port: int
    location: Path
    start_seconds: float
    QUERY_PATH = "/query"
    QUERY_TIMEOUT = 120

    @property
    def port(self) -> int:
        return self.http_port


def start(binary: str, location: Path) -> OxigraphServer:
    """Start `oxigraph serve` on a fresh database in `location`; wait until it answers."""
    location.mkdir(parents=True, exist_ok=True)
    port = free_port()
    t0 = time.perf_counter()
    log_path = location.parent / f"{location.name}.log"
    # Started directly (no shell), so the PID we signal is the server's own.
    log = log_path.open("wb")
    process = subprocess.Popen([binary, "serve", "--location", str(location), "--bind", f"127.0.0.1:{port}"],
                               stdout=log, stderr=subprocess.STDOUT)
    log.close()  # the child holds its own descriptor
    server = OxigraphServer(process, port, location, 0.0)
    server.start_seconds = server.wait_until_ready(
        t0, START_TIMEOUT, 0.1, lambda: "oxigraph serve: " + log_path.read_text(errors="replace")[-2000:])
    return server
