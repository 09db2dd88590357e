"""Nationality from demonyms and country names before titles."""
from __future__ import annotations

from graphbuild.lexicon import countries
from tests.unit.test_roles import facts, run


def test_demonym_table_from_country_data():
    assert countries.by_demonym("Iranian").label == "Iran"
    assert countries.by_demonym("Russian").label == "Russia"
    assert countries.by_demonym("Iraqi").label == "Iraq"
    assert countries.by_demonym("Chinese").label == "China"
    assert countries.by_demonym("Kerman") is None
    assert countries.by_demonym("Islamic") is None
    assert countries.by_name("U.S.").code == "US"
    assert countries.by_capital("Tehran").label == "Iran"


def test_demonym_creates_country(nlp):
    m = run(nlp, "Iranian Foreign Minister Mohammad Javad Zarif said it.")
    assert ("Mohammad Javad Zarif", "nationality", "Iran") in facts(m)
    iran = next(e for e in m.entities if e.label == "Iran")
    assert iran.kind == "Place" and iran.mentions[0].rule == "demonym" and iran.mentions[0].text == "Iranian"


def test_demonym_reuses_existing_country(nlp):
    m = run(nlp, "Russian President Vladimir Putin flew home to Russia.")
    assert ("Vladimir Putin", "nationality", "Russia") in facts(m)
    assert len([e for e in m.entities if e.label == "Russia"]) == 1


def test_country_possessive(nlp):
    m = run(nlp, "Iran's Supreme Leader Ayatollah Ali Khamenei wept.")
    assert any(p == "nationality" and o == "Iran" for _, p, o in facts(m))


def test_no_nationality_without_a_person(nlp):
    m = run(nlp, "Iranian officials met the Russian delegation.")
    assert not m.relations
    assert not [e for e in m.entities if e.label in ("Iran", "Russia")]
