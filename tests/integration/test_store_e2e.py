"""The embedded store end to end through the CLI: build --store, load, query, reload
(idempotent), build --into --store (document graphs replaced), validate; and every
shipped example query answers on the demo graph."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from graphbuild.cli import app
from graphbuild.store import examples, load_graphs, query_store, read_graphs

COUNT = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
GRAPHS = "SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
# An article of our own (not from the shared data), added with --into.
NEW_ARTICLE = ("Maria Lopez, the mayor of Valencia, met the Spanish prime minister in Madrid on Monday.\n"
               "\"We need help now,\" Lopez said after the floods.\n")


def _n(store: Path, query: str) -> int:
    return int(next(iter(query_store(store, query)))["n"].value)


def _json(store: Path, name: str) -> list[dict]:
    from graphbuild.store import format_results

    data = json.loads(format_results(query_store(store, examples.text(name)), "json"))
    return [{k: v["value"] for k, v in row.items()} for row in data["results"]["bindings"]]


@pytest.fixture(scope="module")
def demo_store(sample_build, tmp_path_factory) -> Path:
    store = tmp_path_factory.mktemp("demo-store")
    load_graphs(store, read_graphs(Path(sample_build.outputs["trig"]).parent))
    return store


def test_build_store_load_query_reload_into_validate(tmp_path):
    runner, out, store = CliRunner(), tmp_path / "out", tmp_path / "store"
    built = runner.invoke(app, ["build", "-o", str(out), "--store", str(store), "--formats", "trig,ttl"])
    assert built.exit_code == 0, built.output
    named = read_graphs(out)
    assert _n(store, COUNT) == named.triples and _n(store, GRAPHS) == len(named.graphs) == 3
    again = runner.invoke(app, ["load", str(out), "--store", str(store)])
    assert again.exit_code == 0 and f"it holds 3 graphs, {named.triples} triples" in again.output

    table = runner.invoke(app, ["query", "--store", str(store), "SELECT DISTINCT ?n WHERE { ?p org:headOf ?o ; rdfs:label ?n }"])
    assert table.exit_code == 0 and "Hossein Salami" in table.output
    bad = runner.invoke(app, ["query", "--store", str(store), "SELECT ?n WHERE {\n ?p org:headOf ?o ;"])
    assert bad.exit_code == 2 and "line 2" in bad.output and "Traceback" not in bad.output
    rq = tmp_path / "q.rq"
    rq.write_text("SELECT (COUNT(*) AS ?n) WHERE { ?p a schema:Country }", encoding="utf-8")
    counted = runner.invoke(app, ["query", "--store", str(store), "-f", str(rq), "--format", "csv"])
    assert counted.exit_code == 0 and int(counted.output.split()[1]) >= 3

    (tmp_path / "new.txt").write_text(NEW_ARTICLE, encoding="utf-8")
    into = runner.invoke(app, ["build", str(tmp_path / "new.txt"), "--into", str(out), "--store", str(store),
                               "--formats", "trig", "--published", "2020-01-13"])
    assert into.exit_code == 0, into.output
    grown = read_graphs(out)
    assert len(grown.graphs) == 4 and _n(store, GRAPHS) == 4
    assert _n(store, COUNT) == grown.triples  # every graph replaced: no stale or doubled triples

    valid = runner.invoke(app, ["validate", str(out)])
    assert valid.exit_code == 0 and "conforms" in valid.output


def test_validate_lists_violations_and_parse_errors(tmp_path):
    bad = tmp_path / "bad.ttl"
    bad.write_text("@prefix schema: <http://schema.org/> .\n<https://example.org/p> a schema:Person .\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["validate", str(bad)])
    assert result.exit_code == 1 and "SHACL violations" in result.output and "rdfs:label" in result.output
    broken = tmp_path / "broken.nt"
    broken.write_text('<https://example.org/p> <https://example.org/q> "open .\n', encoding="utf-8")
    result = CliRunner().invoke(app, ["validate", str(broken)])
    assert result.exit_code == 1 and "FAILED" in result.output and "line 1" in result.output


def test_example_heads(demo_store):
    rows = _json(demo_store, "heads")
    assert {"person": "Hossein Salami", "organization": "Islamic Revolutionary Guards Corps"}.items() <= \
        next(r for r in rows if r["person"] == "Hossein Salami").items()


def test_example_person_has_evidence_sentences(demo_store):
    rows = _json(demo_store, "person")
    facts = {r["fact"] for r in rows}
    assert "http://www.w3.org/ns/org#headOf" in facts and "said" in facts and "membership" in facts
    assert all(r.get("sentence") for r in rows if "source" in r)  # every sourced fact shows its sentence
    assert {r["source"] for r in rows if "source" in r} == {"ITV News", "RFE/RL"}


def test_example_events_by_date_and_place(demo_store):
    rows = _json(demo_store, "events")
    assert any(r.get("date") == "2020-01-07" and r.get("place") == "Kerman" and "Stampede" in r["event"] for r in rows)
    assert any(r.get("date") == "2020-01-03" and r.get("place") == "Baghdad" for r in rows)
    dates = [r["date"] for r in rows if "date" in r]
    assert dates == sorted(dates)


def test_example_quotes_by_speaker(demo_store):
    rows = _json(demo_store, "quotes")
    assert any(r["speaker"] == "Hossein Salami" and "revenge" in r["quote"] for r in rows)
    assert {r["source"] for r in rows} == {"ITV News", "RFE/RL"}


def test_example_co_actors(demo_store):
    rows = _json(demo_store, "co_actors")
    assert rows and all(int(r["events"]) >= 1 and r["actor"] != r["other"] for r in rows)
    assert any("Qassem Soleimani" in (r["actor"], r["other"]) for r in rows)


def test_example_disagreements(demo_store):
    rows = _json(demo_store, "disagreements")
    assert rows and all(int(r["value"]) < int(r["other_value"]) and r["source"] != r["other_source"] for r in rows)
    assert any(r["kind"] == "injured" for r in rows)  # "more than 200" (RFE/RL) vs 213 (ITV News)


def test_examples_are_listed(demo_store):
    result = CliRunner().invoke(app, ["query", "--list-examples"])
    assert result.exit_code == 0 and set(examples.names()) == {
        "co_actors", "disagreements", "events", "heads", "person", "quotes"}
    ran = CliRunner().invoke(app, ["query", "--store", str(demo_store), "--example", "heads", "--format", "tsv"])
    assert ran.exit_code == 0 and "Hossein Salami" in ran.output
