"""A throwaway Virtuoso (Debian virtuoso-opensource 7) for tests: own database dir, own
ports on 127.0.0.1, started in the foreground and stopped with SIGTERM.

Known traps (see DESIGN.md): writes go through the Graph Store Protocol endpoint
`/sparql-graph-crud-auth` with HTTP *digest* auth (dba/dba on a fresh database); PUT
replaces a graph; send Turtle or N-Triples, and no Accept header on PUT (406 otherwise,
though the change is applied); queries by GET; the stock ini caps results at 10,000 rows.
"""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

import requests
from requests.auth import HTTPDigestAuth

from tests.helpers.servers import LocalServer, free_port

BINARY = "virtuoso-t"
STOCK_INI = Path("/etc/virtuoso-opensource-7/virtuoso.ini")
USER, PASSWORD = "dba", "dba"
START_TIMEOUT = 90.0
MAX_ROWS = 1_000_000


def find_binary() -> str | None:
    """The virtuoso-t executable, or None when Virtuoso is not installed."""
    return shutil.which(BINARY) or (f"/usr/bin/{BINARY}" if os.access(f"/usr/bin/{BINARY}", os.X_OK) else None)


def write_config(stock: str, db_dir: Path, sql_port: int, http_port: int) -> str:
    """The stock ini with its database files in `db_dir`, bound to 127.0.0.1 on our ports,
    the row cap raised, and no plugins (they only slow the start)."""
    section, out = "", []
    for line in stock.splitlines():
        header = re.match(r"\s*\[(\w+)\]", line)
        if header:
            section = header.group(1)
        key = re.match(r"\s*(\w+)\s*=", line)
        name = key.group(1) if key else None
        if name and section in ("Database", "TempDatabase") and (name.endswith("File") or name == "xa_persistent_file"):
            line = f"{name} = {db_dir / Path(line.split('=', 1)[1].strip()).name}"
        elif name == "ServerPort" and section == "Parameters":
            line = f"ServerPort = 127.0.0.1:{sql_port}"
        elif name == "ServerPort" and section == "HTTPServer":
            line = f"ServerPort = 127.0.0.1:{http_port}"
        elif name == "ResultSetMaxRows" and section == "SPARQL":
            line = f"ResultSetMaxRows = {MAX_ROWS}"
        elif name == "DirsAllowed":
            line = f"DirsAllowed = ., {db_dir}, /usr/share/virtuoso-opensource-7/vad"
        elif section == "Plugins" and name and name.startswith("Load"):
            line = ";" + line
        out.append(line)
    return "\n".join(out) + "\n"


@dataclass
class Virtuoso(LocalServer):
    """A running server. `sparql` queries by GET (a sparql-query POST hangs); `put_graph`
    replaces a named graph."""

    process: subprocess.Popen
    http_port: int
    db_dir: Path
    start_seconds: float

    @property
    def port(self) -> int:
        return self.http_port

    def put_graph(self, graph_iri: str, ntriples: bytes) -> int:
        """Replace the graph `graph_iri` with `ntriples` (no Accept header: see module doc).
        A PUT is idempotent, so one that the server cut short (it may close the connection
        of the digest handshake under load: "Response ended prematurely") is sent again once."""
        for attempt in (1, 2):
            try:
                response = requests.put(f"{self.base}/sparql-graph-crud-auth", params={"graph-uri": graph_iri},
                                        data=ntriples, headers={"Content-Type": "application/n-triples"},
                                        auth=HTTPDigestAuth(USER, PASSWORD), timeout=120)
                break
            except (requests.exceptions.ChunkedEncodingError, requests.exceptions.ConnectionError):
                if attempt == 2:
                    raise
        if response.status_code not in (200, 201, 204):
            raise RuntimeError(f"PUT {graph_iri}: HTTP {response.status_code}: {response.text[:500]}")
        return response.status_code

    def log(self) -> str:
        path = self.db_dir / "virtuoso.log"
        return path.read_text(errors="replace")[-3000:] if path.exists() else "(no log)"


def start(binary: str, db_dir: Path) -> Virtuoso:
    """Start virtuoso-t on a fresh database in `db_dir` and wait until HTTP answers."""
    db_dir.mkdir(parents=True, exist_ok=True)
    sql_port, http_port = free_port(), free_port()
    while http_port == sql_port:
        http_port = free_port()
    ini = db_dir / "virtuoso.ini"
    ini.write_text(write_config(STOCK_INI.read_text(), db_dir, sql_port, http_port))
    t0 = time.perf_counter()
    # Started directly (no shell), so the PID we signal is the server's own.
    process = subprocess.Popen([binary, "+foreground", "+configfile", str(ini)], cwd=db_dir,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    server = Virtuoso(process, http_port, db_dir, 0.0)
    server.start_seconds = server.wait_until_ready(t0, START_TIMEOUT, 0.25, lambda: "virtuoso-t log:\n" + server.log())
    return server
