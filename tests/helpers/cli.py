"""Running the real CLI in a subprocess, as a user would."""
from __future__ import annotations

import os
import subprocess
import sys

from tests.conftest import ROOT


def run_cli(*args: str, stdin: bytes | None = None, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "graphbuild", *args], input=stdin, capture_output=True,
                          cwd=ROOT, env={**os.environ, **(env or {})}, timeout=600)
