"""Files: strict (pyoxigraph and rdflib parse them), byte-deterministic, atomic."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Dataset, Graph

from graphbuild.errors import OutputError
from graphbuild.rdf.build import to_dataset
from graphbuild.rdf.serialize import (
    FILE_NAMES,
    publish,
    serialize,
    to_quads,
    write_outputs,
)
from tests.helpers.models import BASE, realistic_model

FORMATS = ["ttl", "trig", "nt", "jsonld"]
from tests.helpers.models import hostile_model

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def written(tmp_path_factory):
    out = tmp_path_factory.mktemp("rdf")
    return write_outputs(to_dataset(realistic_model(), BASE), out, FORMATS)


def test_all_files_parse_in_pyoxigraph_and_rdflib(written):
    assert set(written) == set(FORMATS)
    counts = {}
    for fmt, path in written.items():
        oxfmt = {"ttl": ox.RdfFormat.TURTLE, "trig": ox.RdfFormat.TRIG, "nt": ox.RdfFormat.N_TRIPLES,
                 "jsonld": ox.RdfFormat.JSON_LD}[fmt]
        counts[fmt] = len({q.triple for q in ox.parse(path=str(path), format=oxfmt)})
        if fmt in ("trig", "jsonld"):
            ds = Dataset()
            ds.parse(path, format={"trig": "trig", "jsonld": "json-ld"}[fmt])
            assert len({(s, p, o) for s, p, o, _ in ds.quads((None, None, None, None))}) == counts[fmt]
        else:
            assert len(Graph().parse(path, format={"ttl": "turtle", "nt": "nt"}[fmt])) == counts[fmt]
    assert len(set(counts.values())) == 1, counts


def test_prefixes_bound_and_compact_jsonld(written):
    ttl = written["ttl"].read_text()
    assert "@prefix schema: <http://schema.org/>" in ttl and "ns1:" not in ttl
    assert "_:" not in ttl
    doc = json.loads(written["jsonld"].read_text())
    assert doc["@context"]["schema"] == "http://schema.org/"
    assert "schema:jobTitle" in written["jsonld"].read_text()


def test_same_bytes_twice(written, tmp_path):
    again = write_outputs(to_dataset(realistic_model(), BASE), tmp_path, FORMATS)
    for fmt in FORMATS:
        assert again[fmt].read_bytes() == written[fmt].read_bytes(), fmt


def test_same_bytes_across_hash_seeds(tmp_path):
    script = (
        "import sys; from pathlib import Path; from graphbuild.rdf.build import to_dataset;"
        "from graphbuild.rdf.serialize import write_outputs; from tests.helpers.models import realistic_model, BASE;"
        "write_outputs(to_dataset(realistic_model(), BASE), Path(sys.argv[1]), ['ttl','trig','nt','jsonld'])"
    )
    for seed in ("1", "2"):
        (tmp_path / seed).mkdir()
        env = dict(os.environ, PYTHONHASHSEED=seed)
        subprocess.run([sys.executable, "-c", script, str(tmp_path / seed)], check=True, cwd=ROOT, env=env)
    for name in FILE_NAMES.values():
        assert (tmp_path / "1" / name).read_bytes() == (tmp_path / "2" / name).read_bytes(), name


def test_hostile_strings_give_valid_files(tmp_path):
    out = write_outputs(to_dataset(hostile_model(), BASE), tmp_path, FORMATS)
    g = Graph().parse(out["ttl"], format="turtle")
    labels = {str(o) for o in g.objects()}
    assert 'Evil "Name"\n<script>' in labels and "東京" in labels
    assert len(list(ox.parse(path=str(out["nt"]), format=ox.RdfFormat.N_TRIPLES))) == len(g)


def test_failed_check_leaves_old_file(tmp_path, written):
    quads = to_quads(to_dataset(realistic_model(), BASE))
    path = tmp_path / "graph.ttl"
    path.write_bytes(written["ttl"].read_bytes())
    before = path.read_bytes()
    good = serialize(quads, "ttl")
    with pytest.raises(OutputError):
        publish(path, good[: len(good) // 2] + b" <broken", "ttl", quads)
    with pytest.raises(OutputError):  # parses, but statements are missing
        publish(path, b"\n".join(good.splitlines()[:-3]) + b"\n", "ttl", quads)
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["graph.ttl"]  # no temp files left


def test_no_blank_nodes_allowed(tmp_path):
    from rdflib import BNode, URIRef

    ds = to_dataset(realistic_model(), BASE)
    ds.graph(URIRef(BASE + "g")).add((BNode(), URIRef(BASE + "p"), URIRef(BASE + "o")))
    with pytest.raises(OutputError):
        write_outputs(ds, tmp_path, ["ttl"])
    assert not (tmp_path / "graph.ttl").exists()


def test_the_jsonld_writer_dumps_exactly_as_the_json_module():
    from graphbuild.rdf.jsonld import _dump

    values = [{}, [], {"a": []}, [1, 2.5, None, True, {"x": {}}], 'é\u2028"\n\\', {"k": ["a", {"@id": "b"}]},
              {"@context": {"p": "http://x/"}, "@graph": [{"@id": "p:a", "@type": ["p:T"], "p:v": [{"@value": "1", "@type": "p:int"}]}]}]
    for value in values:
        out: list[str] = []
        _dump(value, 0, out)
        assert "".join(out) == json.dumps(value, ensure_ascii=False, indent=1), value


def test_jsonld_written_by_a_forked_child_is_the_same_file(tmp_path):
    """`write_in_background` writes graph.jsonld in a child process: the same bytes as here;
    a child that dies (killed here) is made up for by writing the file in this process."""
    import signal

    from graphbuild.rdf.build import to_quads
    from graphbuild.rdf.serialize import write_in_background, write_outputs

    quads = to_quads(hostile_model(), BASE)
    (tmp_path / "here").mkdir()
    write_outputs(quads, tmp_path / "here", ["jsonld"])
    assert write_in_background(quads, tmp_path, ["jsonld"]) is None  # nothing to overlap with
    for name, kill in (("child", False), ("killed", True)):
        (tmp_path / name).mkdir()
        background = write_in_background(quads, tmp_path / name, ["ttl", "jsonld"])
        if kill:
            os.kill(background.process.pid, signal.SIGKILL)
        assert background.result() == {"jsonld": tmp_path / name / "graph.jsonld"}
        assert (tmp_path / name / "graph.jsonld").read_bytes() == (tmp_path / "here" / "graph.jsonld").read_bytes()


def test_a_child_killed_mid_write_leaves_no_temp_file(tmp_path):
    """The forked JSON-LD writer SIGKILLed while its temp file exists: the parent writes the
    file again and removes the temp file, which would otherwise be published with the set."""
    import signal
    import time

    from graphbuild.rdf.build import to_quads
    from graphbuild.rdf.serialize import write_in_background, write_outputs
    from tests.bench.drivers import synthetic_model

    quads = to_quads(synthetic_model(60_000), BASE)
    background = write_in_background(quads, tmp_path, ["ttl", "jsonld"])
    deadline = time.monotonic() + 60
    while not list(tmp_path.glob(".graph.jsonld.*.tmp")) and background.process.is_alive():
        assert time.monotonic() < deadline
        time.sleep(0.001)
    if not background.process.is_alive():
        pytest.fail("the child finished before its temp file was seen: make the model bigger")
    os.kill(background.process.pid, signal.SIGKILL)
    assert background.result() == {"jsonld": tmp_path / "graph.jsonld"}
    assert [p.name for p in tmp_path.iterdir()] == ["graph.jsonld"]
    (tmp_path / "here").mkdir()
    write_outputs(quads, tmp_path / "here", ["jsonld"])
    assert (tmp_path / "graph.jsonld").read_bytes() == (tmp_path / "here" / "graph.jsonld").read_bytes()


def test_a_failing_child_prints_nothing_and_the_parent_raises(tmp_path, capfd):
    """The forked writer fails (its directory is gone): no traceback from the child on
    stderr; the parent writes again and raises the error as `write_outputs` does."""
    from graphbuild.rdf.build import to_quads
    from graphbuild.rdf.serialize import write_in_background

    background = write_in_background(to_quads(realistic_model(), BASE), tmp_path / "gone", ["ttl", "jsonld"])
    with pytest.raises(OSError):
        background.result()
    assert background.process.exitcode == 1
    assert "Traceback" not in capfd.readouterr().err
