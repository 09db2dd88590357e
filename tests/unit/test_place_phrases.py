"""Where places lie, from place phrases, location verbs, unit-of-country phrases and the
stage's transitive closure (`place_phrases` through `relations_stage`, hand-built
entities, one per NER span)."""
from __future__ import annotations

from graphbuild.containment import closure
from graphbuild.extract.relations_stage import relations_stage
from tests.helpers.extract import build_model


def contained(nlp, text: str) -> set[tuple[str, str]]:
    parsed, model = build_model(nlp, text)
    m = relations_stage(parsed, model)
    label = {e.id: e.label for e in m.entities}
    return {(label[r.subject], label[r.object]) for r in m.relations if r.predicate == "containedInPlace"}


def test_town_in_a_chain_of_places(nlp):
    f = contained(nlp, "Moss Creek is a small village in Hale County, Alabama, United States.")
    assert {("Moss Creek", "Hale County"), ("Moss Creek", "Alabama"), ("Moss Creek", "United States"),
            ("Hale County", "Alabama"), ("Alabama", "United States"), ("Hale County", "United States")} <= f


def test_state_of_a_country_named_by_its_code(nlp):
    f = contained(nlp, "Clark Lake is a lake located in Gogebic County in the U.S. state of Michigan.")
    assert ("Michigan", "U.S.") in f
    assert ("Clark Lake", "Gogebic County") in f
    assert ("Clark Lake", "U.S.") in f  # by the closure


def test_province_of_a_country_named_by_its_demonym(nlp):
    f = contained(nlp, "The Rivet River flows through the Canadian province of Manitoba.")
    assert ("Manitoba", "Canada") in f


def test_appositive_place_phrase(nlp):
    assert ("Lake Varn", "Finland") in contained(nlp, "Lake Varn, a lake in northern Finland, freezes early.")


def test_one_of_the_districts_of(nlp):
    assert ("Pelham", "Bahamas") in contained(nlp, "Pelham is one of the districts of the Bahamas.")


def test_nothing_after_a_country_contains_it(nlp):
    f = contained(nlp, "Angleton High School is a school located in the city of Angleton, Texas (United States) in Brazoria County.")
    assert ("Angleton", "Texas") in f and ("Texas", "United States") in f
    assert ("United States", "Brazoria County") not in f and ("Texas", "Brazoria County") not in f


def test_a_list_of_places_is_no_chain(nlp):
    assert not contained(nlp, "The band played in Paris, Lyon and Marseille last year.")


def test_people_are_not_in_places(nlp):
    assert not contained(nlp, "Maria Lopez is a teacher in Boston, Massachusetts.") - {("Boston", "Massachusetts")}


def test_closure_is_transitive_and_acyclic():
    got = closure({("a", "b"), ("b", "c"), ("c", "d"), ("d", "b")})
    assert ("a", "c") in got and ("a", "d") in got
    assert got[("a", "c")] == ("a", "b")
    assert ("b", "d") not in got and ("c", "b") not in got  # a cycle stays as stated


def test_capital_and_county_seat_of_a_unit(nlp):
    assert ("Hobart", "Tasmania") in contained(nlp, "Hobart, the capital of Tasmania, lies on a river.")
    assert ("Dalton", "Whitfield County") in contained(nlp, "Dalton is the county seat of Whitfield County.")


def test_a_place_noun_conjoined_on_the_copula_holds_the_container(nlp):
    f = contained(nlp, "Vellano is a town and comune in the northern part of the Province of Rieti.")
    assert ("Vellano", "the Province of Rieti") in f


def test_a_demonym_on_a_place_noun_puts_the_place_in_that_country(nlp):
    from graphbuild.analyze import analyze
    from graphbuild.model import Document
    from graphbuild.nlp import parse

    m = analyze(parse(nlp, Document("t", "Crater Ridge Park is an American national park in the State of Washington.")))
    label = {e.id: e.label for e in m.entities}
    assert ("Crater Ridge Park", "United States") in {
        (label[r.subject], label[r.object]) for r in m.relations if r.predicate == "containedInPlace"}
    f = contained(nlp, "Greta Olsen is an American actress from Ohio.")  # a person: nationality, no containment
    assert f == set()
