"""Affiliation and nationality from "NAME of ORG", "NAME of COUNTRY" and titles fronted
before an apposed name ("ORG's chief executive, NAME") through `relations_stage`
(hand-built entities, one per NER span; sentences invented for these tests)."""
from __future__ import annotations

from tests.helpers.extract import stage_facts


def facts_of(nlp, text: str) -> set[tuple[str, str, str]]:
    return {f for f in stage_facts(nlp, text) if f[1] != "containedInPlace"}


def test_person_of_an_organization_is_a_member(nlp):
    assert ("Paul Kerr", "memberOf", "Reuters") in facts_of(nlp, "Paul Kerr of Reuters reported the fire.")


def test_person_of_a_group_described_before_its_name(nlp):
    f = facts_of(nlp, "The song features Maria Lopez of the Chilean pop group Los Tigres.")
    assert ("Maria Lopez", "memberOf", "Los Tigres") in f


def test_person_of_a_city_is_no_member_and_no_nationality(nlp):
    f = facts_of(nlp, "Tom Reed of Leeds said the bridge was closed.")
    assert not [x for x in f if x[0] == "Tom Reed" and x[1] in ("memberOf", "nationality")]


def test_person_of_a_country_has_its_nationality(nlp):
    f = facts_of(nlp, "Anna Berg of Sweden won the sprint on Sunday.")
    assert ("Anna Berg", "nationality", "Sweden") in f
    assert not [x for x in f if x[1] == "memberOf"]


def test_possessive_title_before_an_apposed_name(nlp):
    f = facts_of(nlp, "Acme's chief executive, Dan Price, said the plant would close.")
    assert ("Dan Price", "headOf", "Acme") in f


def test_title_of_an_organization_before_an_apposed_name(nlp):
    f = facts_of(nlp, "The coach of Dunmore Athletic, Dan Price, resigned on Friday.")
    assert ("Dan Price", "worksFor", "Dunmore Athletic") in f


def test_country_of_a_fronted_title_is_a_nationality(nlp):
    assert ("Joseph Mwangi", "nationality", "Kenya") in facts_of(nlp, "Kenya's president, Joseph Mwangi, arrived on Monday.")


def test_past_fronted_title_makes_no_edge(nlp):
    f = facts_of(nlp, "Acme's former chief executive, Dan Price, said the plant would close.")
    assert not [x for x in f if x[1] in ("headOf", "memberOf", "worksFor")]


def test_a_relative_before_an_apposed_name_is_no_title(nlp):
    assert not facts_of(nlp, "Her brother, Dan Price, said the plant would close.")


def test_former_title_before_name_of_organization_is_no_membership(nlp):
    f = facts_of(nlp, "The panel heard ex-minister Omar Said of the Unity Party on Tuesday.")
    assert not [x for x in f if x[1] in ("headOf", "memberOf", "worksFor")]


def test_organization_led_by_a_person(nlp):
    f = facts_of(nlp, "The Transitional Council, led by Omar Said, took power in March.")
    assert ("Omar Said", "headOf", "The Transitional Council") in f


def test_person_heads_an_organization(nlp):
    assert ("Ruth Alder", "headOf", "the Orbis Foundation") in facts_of(nlp, "Ruth Alder heads the Orbis Foundation.")



def test_citizen_of_a_country(nlp):
    assert ("Omar Said", "nationality", "Yemen") in facts_of(nlp, "Omar Said, a citizen of Yemen, was held for six years.")
    assert ("Lena Hart", "nationality", "Peru") in facts_of(nlp, "Lena Hart is a national of Peru.")


def test_names_conjoined_before_name_of_organization_share_it(nlp):
    f = facts_of(nlp, "Anna Berg and Tom Lind of the Helios Institute measured the peak in 2003.")
    assert {("Anna Berg", "memberOf", "the Helios Institute"), ("Tom Lind", "memberOf", "the Helios Institute")} <= f


def test_a_conjoined_name_with_its_own_preposition_keeps_it(nlp):
    f = facts_of(nlp, "Guests included Prince Henrik of Denmark and Jane Roe of Apex Bank.")
    assert ("Jane Roe", "memberOf", "Apex Bank") in f
    assert not [x for x in f if x[1] == "memberOf" and x[0] != "Jane Roe"]
