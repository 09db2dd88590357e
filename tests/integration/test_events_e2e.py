"""Events of the bundled samples end to end: SPARQL with standard sem:/schema: terms
only over the written TriG, loaded into a real Oxigraph store."""
from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import skip_or_fail

PREFIXES = """
PREFIX sem: <http://semanticweb.cs.vu.nl/2009/11/sem/>
PREFIX schema: <http://schema.org/>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
"""


@pytest.fixture(scope="module")
def trig(request, tmp_path_factory) -> Path:
    """The samples' TriG: from the shared `sample_build`, or (while the HTML writer is
    not there yet) from a TriG-only build."""
    try:
        return Path(request.getfixturevalue("sample_build").outputs["trig"])
    except ImportError:
        from graphbuild.pipeline import build
        from graphbuild.settings import Settings

        out = tmp_path_factory.mktemp("events-build")
        return Path(build(Settings(output_dir=out, formats=("trig",))).outputs["trig"])


@pytest.fixture(scope="module")
def store(trig):
    try:
        import pyoxigraph
    except ImportError:
        skip_or_fail("pyoxigraph is not installed")
    s = pyoxigraph.Store()
    s.load(path=str(trig), format=pyoxigraph.RdfFormat.TRIG)
    return s


def _ask(store, where: str) -> bool:
    return bool(store.query(PREFIXES + "ASK { " + where + " }", use_default_graph_as_union=True))


def _event_at(place: str, day: str) -> str:
    return f"""?event a sem:Event ; sem:hasPlace ?place ; sem:hasTimeStamp "{day}"^^xsd:date .
               ?place rdfs:label ?name . FILTER(CONTAINS(STR(?name), "{place}"))"""


def test_events_are_sem_and_schema_events(store):
    rows = list(store.query(PREFIXES + "SELECT (COUNT(DISTINCT ?e) AS ?n) WHERE { ?e a sem:Event, schema:Event }",
                            use_default_graph_as_union=True))
    assert int(rows[0][0].value) >= 20


@pytest.mark.parametrize("place, day", [
    ("Kerman", "2020-01-07"),  # the stampede and the funeral procession
    ("Tehran", "2020-01-06"),  # the funeral procession in the capital
    ("Baghdad", "2020-01-03"),  # the killing in Baghdad ("the January 3 assassination in Baghdad")
])
def test_event_with_place_and_date(store, place, day):
    assert _ask(store, _event_at(place, day)), f"no sem:Event in {place} on {day}"


def test_the_stampede_has_place_date_and_a_death_toll(store):
    assert _ask(store, """?event a sem:Event ; rdfs:label ?l ; sem:hasPlace ?p ; sem:hasTimeStamp ?t .
                          FILTER(CONTAINS(LCASE(STR(?l)), "stampede"))""")


def test_the_burial_has_place_and_date(store):
    assert _ask(store, """?event a sem:Event ; rdfs:label ?l ; sem:hasPlace ?p ; sem:hasTimeStamp ?t .
                          FILTER(CONTAINS(LCASE(STR(?l)), "burial"))""")


def test_the_air_strike_is_placed(store):
    assert _ask(store, """?event a sem:Event ; rdfs:label ?l ; sem:hasPlace ?p ; sem:hasTimeStamp ?t .
                          FILTER(CONTAINS(LCASE(STR(?l)), "strike"))""")


def test_soleimani_is_an_actor_of_a_killing(store):
    assert _ask(store, """?event a sem:Event ; sem:hasActor ?a . ?a rdfs:label ?n .
                          FILTER(CONTAINS(STR(?n), "Soleimani"))""")
