"""A throwaway Oxigraph server (`oxigraph serve`, from the PyPI package `oxigraph`) for
tests: its own database directory, bound to 127.0.0.1 on a free port, stopped by PID.

Endpoints: SPARQL query at /query, update at /update, Graph Store Protocol at /store
(`?graph=IRI`; PUT replaces, POST adds). No authentication.
"""
from __future__ import annotations

import shutil
import signal
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import requests

from tests.virtuoso_server import free_port

START_TIMEOUT = 30.0


def find_binary() -> str | None:
    """The `oxigraph` executable (beside this Python first, then on PATH), or None."""
    beside = Path(sys.executable).parent / "oxigraph"
    return str(beside) if beside.exists() else shutil.which("oxigraph")


@dataclass
class OxigraphServer:
    process: subprocess.Popen
    port: int
    location: Path
    start_seconds: float

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def sparql(self, query: str) -> dict:
        """SPARQL results JSON of a SELECT/ASK query (named graphs need GRAPH: no union mode)."""
        response = requests.get(f"{self.base}/query", params={"query": query},
                                headers={"Accept": "application/sparql-results+json"}, timeout=120)
        response.raise_for_status()
        return response.json()

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)


def start(binary: str, location: Path) -> OxigraphServer:
    """Start `oxigraph serve` on a fresh database in `location`; wait until it answers."""
    location.mkdir(parents=True, exist_ok=True)
    port = free_port()
    t0 = time.perf_counter()
    # Started directly (no shell), so the PID we signal is the server's own.
    log = (location.parent / f"{location.name}.log").open("wb")
    process = subprocess.Popen([binary, "serve", "--location", str(location), "--bind", f"127.0.0.1:{port}"],
                               stdout=log, stderr=subprocess.STDOUT)
    log.close()  # the child holds its own descriptor
    server = OxigraphServer(process, port, location, 0.0)
    while time.perf_counter() < t0 + START_TIMEOUT:
        if process.poll() is not None:
            log_text = (location.parent / f"{location.name}.log").read_text(errors="replace")[-2000:]
            raise RuntimeError(f"oxigraph serve exited with {process.returncode}: {log_text}")
        try:
            if requests.get(f"{server.base}/query", params={"query": "ASK {}"}, timeout=5).ok:
                server.start_seconds = time.perf_counter() - t0
                return server
        except requests.ConnectionError:
            pass
        time.sleep(0.1)
    server.stop()
    raise RuntimeError(f"oxigraph serve did not answer on port {port} within {START_TIMEOUT:.0f} s")
