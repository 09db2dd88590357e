"""What the throwaway SPARQL servers of the tests share: a free loopback port, the SPARQL
GET query, waiting until the server answers, and stopping it by its own PID."""
from __future__ import annotations

import signal
import socket
import subprocess
import time
from collections.abc import Callable

import requests


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class LocalServer:
    """Mixin of a server started by a test: `process`, `port`, `QUERY_PATH`, `QUERY_TIMEOUT`."""

    process: subprocess.Popen
    QUERY_PATH = "/sparql"
    QUERY_TIMEOUT = 60

    @property
    def port(self) -> int:
        raise NotImplementedError

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def sparql(self, query: str) -> dict:
        """SPARQL results JSON of a SELECT/ASK query, sent by GET."""
        response = requests.get(f"{self.base}{self.QUERY_PATH}", params={"query": query},
                                headers={"Accept": "application/sparql-results+json"}, timeout=self.QUERY_TIMEOUT)
        response.raise_for_status()
        return response.json()

    def answers(self) -> bool:
        try:
            return requests.get(f"{self.base}{self.QUERY_PATH}", params={"query": "ASK {}"}, timeout=5).ok
        except requests.ConnectionError:
            return False

    def wait_until_ready(self, started: float, timeout: float, poll: float, failure: Callable[[], str]) -> float:
        """Seconds from `started` until the server answers; RuntimeError (with `failure()`)
        when it exits or stays silent for `timeout` seconds (it is stopped then)."""
        while time.perf_counter() < started + timeout:
            if self.process.poll() is not None:
                raise RuntimeError(f"the server exited with {self.process.returncode}: {failure()}")
            if self.answers():
                return time.perf_counter() - started
            time.sleep(poll)
        self.stop()
        raise RuntimeError(f"the server did not answer on port {self.port} within {timeout:.0f} s: {failure()}")

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)
