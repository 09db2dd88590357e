"""Employers, parties, memberships and office nationalities read from describing nouns
and lists (`employment_phrases`, `memberships`, `person_facts`, the title-fragment rule of
`mentions`), through the real analysis, on sentences written for these tests."""
from __future__ import annotations

from graphbuild.analyze import analyze
from graphbuild.model import Document
from graphbuild.nlp import parse


def facts(nlp, text: str) -> set[tuple[str, str, str]]:
    m = analyze(parse(nlp, Document("t", text)))
    label = {e.id: e.label for e in m.entities}
    return {(label[r.subject], r.predicate, label[r.object]) for r in m.relations}


def test_an_organization_before_an_occupation_is_the_employer(nlp):
    assert ("Ann Pike", "worksFor", "BBC") in facts(nlp, "Ann Pike is a BBC journalist.")
    assert ("Carl Finch", "worksFor", "NASA") in facts(nlp, "NASA astronaut Carl Finch flew twice.")


def test_a_party_before_a_politician_noun_is_the_party(nlp):
    f = facts(nlp, "Ann Pike, a Green Party candidate, spoke at the rally.")
    assert ("Ann Pike", "memberOf", "Green Party") in f


def test_no_employer_for_a_student_nor_for_a_former_job(nlp):
    assert not {p for _, p, _ in facts(nlp, "Ann Pike is a student at Yale University.")} & {"worksFor"}
    assert not any(p == "worksFor" for _, p, _ in facts(nlp, "Tom Berle, a former engineer at Acme Motors, spoke."))


def test_elected_a_member_of_an_academy(nlp):
    f = facts(nlp, "In 1784, Gahnberg was elected a member of the Royal Danish Academy of Sciences.")
    assert ("Gahnberg", "memberOf", "Royal Danish Academy of Sciences") in f


def test_a_country_that_joined_an_organization_is_a_member(nlp):
    assert ("Sweden", "memberOf", "European Union") in facts(nlp, "Sweden joined the European Union in 1995.")


def test_every_club_of_a_played_for_list(nlp):
    f = facts(nlp, "Mark Tellman is a former basketball player. He played for the Boston Comets, "
                   "San Diego Rockets, Ohio Hawks, Denver Lions and Utah Stars.")
    for club in ("Boston Comets", "San Diego Rockets", "Ohio Hawks", "Denver Lions", "Utah Stars"):
        assert ("Mark Tellman", "memberOf", club) in f


def test_the_country_of_a_head_of_state_title_is_kept_and_gives_the_nationality(nlp):
    assert ("Paul Dent", "nationality", "Canada") in facts(nlp, "Paul Dent was the Prime Minister of Canada.")
    assert ("Rosa Alba", "nationality", "Chile") in facts(nlp, "Rosa Alba, the President of Chile, spoke.")


def test_secretary_of_state_names_no_place(nlp):
    m = analyze(parse(nlp, Document("t", "John Marlow, the Secretary of State, spoke.")))
    assert "State" not in {e.label for e in m.entities}


def test_an_office_before_its_holder_and_a_possessive_country(nlp):
    assert ("Jomo Odinga", "nationality", "Kenya") in facts(nlp, "The first president of Kenya was Jomo Odinga.")
    f = facts(nlp, "Simon Hale, Australia's Minister for Trade, responded to the farmers.")
    assert ("Simon Hale", "nationality", "Australia") in f


def test_a_title_owned_by_its_stands_for_the_organization(nlp):
    f = facts(nlp, "The Green Union is a party in Chile. In 2006, its leader Peter Travo ran for president.")
    assert ("Peter Travo", "headOf", "Green Union") in f
    f = facts(nlp, "Acme Motors cut 500 jobs on Monday. Maria Olsen, its chairman, resigned.")
    assert ("Maria Olsen", "headOf", "Acme Motors") in f


def test_a_former_title_owned_by_its_is_no_current_head(nlp):
    f = facts(nlp, "Acme Motors cut 500 jobs on Monday. Its former chairman, Maria Olsen, objected.")
    assert not any(p == "headOf" for _, p, _ in f)


def test_a_played_for_list_ends_at_the_first_word_that_is_no_name(nlp):
    f = facts(nlp, "Mark Tellman played for the Boston Comets, and then he moved to Paris and Rome.")
    assert ("Mark Tellman", "memberOf", "Boston Comets") in f
    assert not {o for s, p, o in f if p == "memberOf"} & {"Paris", "Rome"}
