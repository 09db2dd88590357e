"""Every engine writes the same bytes: one process, `--jobs 2` (a process pool) and
`--engine dask --jobs 2` (a Dask LocalCluster whose workers read their own partitions:
the JSONL file is cut into byte ranges) over the bundled samples plus a slice of ECB+
dev with a bad line and a repeated id, every default format (RDF and HTML) and the
report's counts, skipped inputs and warnings."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from tests.conftest import ROOT, SHARED_DATA, skip_or_fail
from tests.helpers.cli import run_cli

pytestmark = pytest.mark.slow

SLICE = 12  # ECB+ dev documents next to the samples
FILES = ("graph.trig", "graph.ttl", "graph.nt", "graph.jsonld", "graph.html")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    source = SHARED_DATA / "ecbplus_dev.jsonl"
    if not source.exists():
        skip_or_fail(f"{source} is missing: the test builds a slice of ECB+ dev")
    folder = tmp_path_factory.mktemp("corpus")
    for path in (ROOT / "graphbuild" / "data" / "samples").iterdir():
        shutil.copy(path, folder / path.name)
    with source.open(encoding="utf-8") as handle, (folder / "ecb.jsonl").open("w", encoding="utf-8") as out:
        for n, line in zip(range(SLICE), handle):
            record = json.loads(line)
            out.write(json.dumps({"id": record["doc_id"], "text": record["text"]}) + "\n")
            if n == SLICE // 2:  # past the first cut of the file: reported as file:line all the same
                out.write('{"id": "broken", "text": \n\n')
        out.write(json.dumps({"id": record["doc_id"], "text": "A short note on the same story."}) + "\n")
    return folder


def _build(corpus: Path, out: Path, *args: str) -> dict:
    result = run_cli("build", str(corpus), "-o", str(out), *args)
    assert result.returncode == 0, result.stderr.decode()
    return json.loads((out / "report.json").read_text(encoding="utf-8"))


def test_jobs_and_dask_write_the_same_bytes_as_one_process(corpus, tmp_path):
    expected = _build(corpus, tmp_path / "one")
    assert expected["documents_in_graph"] == SLICE + 3
    assert [s["source"].rsplit("/", 1)[-1] for s in expected["skipped"]] == [f"ecb.jsonl:{SLICE // 2 + 2}"]
    for args in (("--jobs", "2"), ("--engine", "dask", "--jobs", "2")):
        out = tmp_path / "-".join(args).strip("-")
        report = _build(corpus, out, *args)
        for key in ("counts", "validation", "skipped", "input_warnings", "documents_read"):
            assert report[key] == expected[key], (args, key)
        for name in FILES:
            assert (out / name).read_bytes() == (tmp_path / "one" / name).read_bytes(), (args, name)
