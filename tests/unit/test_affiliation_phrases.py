"""Party and club memberships (`affiliation_phrases`, `affiliation_cues`, through the real
analysis: mentions, kinds and the relations stage) on sentences written for these tests."""
from __future__ import annotations

import pytest

from graphbuild.analyze import analyze
from graphbuild.extract.affiliation_cues import given_name
from graphbuild.model import Document
from graphbuild.nlp import parse


def facts(nlp, text: str) -> set[tuple[str, str, str]]:
    m = analyze(parse(nlp, Document("t", text)))
    label = {e.id: e.label for e in m.entities}
    return {(label[r.subject], r.predicate, label[r.object]) for r in m.relations}


def kinds(nlp, text: str) -> dict[str, str]:
    return {e.label: e.kind for e in analyze(parse(nlp, Document("t", text))).entities}


def test_elected_as_a_party_member_creates_the_party(nlp):
    f = facts(nlp, "Harold Pike was elected as a Whig to the state legislature in 1840.")
    assert ("Harold Pike", "memberOf", "Whig Party") in f


def test_party_adjective_on_a_describing_noun(nlp):
    f = facts(nlp, "Robert Kessler was a Republican member of the state senate from Ohio.")
    assert ("Robert Kessler", "memberOf", "Republican Party") in f


def test_party_name_in_brackets_after_a_person(nlp):
    f = facts(nlp, "The council is led by Ingrid Solberg (Centre Party) and Knut Aas (Green Party).")
    assert ("Ingrid Solberg", "memberOf", "Centre Party") in f
    assert ("Knut Aas", "memberOf", "Green Party") in f


def test_a_demonym_is_no_party(nlp):
    f = facts(nlp, "Lena Ortiz was elected as a Canadian delegate to the assembly.")
    assert not any(p == "memberOf" for _, p, _ in f)


def test_career_with_and_loan_at_name_clubs(nlp):
    f = facts(nlp, "Dario Fenzi began his career with Atletico Varena, also spending a season on loan at Real Oltra.")
    assert ("Dario Fenzi", "memberOf", "Atletico Varena") in f
    assert ("Dario Fenzi", "memberOf", "Real Oltra") in f


def test_joining_in_a_prepositional_clause(nlp):
    f = facts(nlp, "Marcus Webb is a linebacker. He spent four years with the Hawks before joining the Denver Broncos in 2012.")
    assert ("Marcus Webb", "memberOf", "Denver Broncos") in f


def test_every_club_of_a_list(nlp):
    f = facts(nlp, "Gary Holm is a former basketball player who played for the Boston Celtics, "
                   "the Chicago Bulls and the Orlando Magic.")
    assert {("Gary Holm", "memberOf", c) for c in ("Boston Celtics", "Chicago Bulls", "Orlando Magic")} <= f


def test_what_a_player_is_loaned_to_is_an_organization(nlp):
    k = kinds(nlp, "In 2015 the striker Ivo Kral was loaned to Sparta Brno.")
    assert k.get("Sparta Brno") == "Organization"


def test_a_founder_is_no_member(nlp):
    f = facts(nlp, "Irene Holt, the founder of Brightwater Analytics, spoke on Monday.")
    assert ("Irene Holt", "memberOf", "Brightwater Analytics") not in f


@pytest.mark.parametrize("word,known", [("Thomas", True), ("Margaret", True), ("Everton", False), ("Sparta", False)])
def test_given_names_from_the_nicknames_data(word, known):
    assert given_name(word) is known


def test_the_people_a_band_consists_of_are_its_members(nlp):
    f = facts(nlp, "Silver Harbor is an American rock band from Denver. Formed in 2001, the group consists of "
                   "vocalist Dana Wells, guitarist Mike Rourke and drummer Brad Olsen.")
    assert {(p, "memberOf", "Silver Harbor") for p in ("Dana Wells", "Mike Rourke", "Brad Olsen")} <= f


def test_a_name_described_as_a_band_is_an_organization(nlp):
    assert kinds(nlp, "Silver Harbor is an American rock band from Denver.").get("Silver Harbor") == "Organization"


def test_played_seasons_for_a_club(nlp):
    f = facts(nlp, "Gary Holm was a baseball player. He played parts of three seasons in the minor leagues "
                   "for the Boston Red Sox.")
    assert ("Gary Holm", "memberOf", "Boston Red Sox") in f


def test_an_apposition_describing_the_club_names_no_other(nlp):
    f = facts(nlp, "In March 2017, Amos Brandt joined Veltrix, a private Houston-based LNG company.")
    assert ("Amos Brandt", "memberOf", "Veltrix") in f
    assert ("Amos Brandt", "memberOf", "LNG") not in f


def test_college_football_is_schooling_not_a_club(nlp):
    f = facts(nlp, "Jared Olsen is a football player. After playing college football for Idaho State University, "
                   "he was drafted by the Denver Broncos.")
    assert ("Jared Olsen", "memberOf", "Idaho State University") not in f


def test_a_person_someone_joins_stays_a_person(nlp):
    k = kinds(nlp, "Rahul Mehta joined Shubman Gill back in the dressing room.")
    assert k.get("Shubman Gill") == "Person"


def test_the_band_is_the_organization_last_described_as_one(nlp):
    from graphbuild.extract.affiliation_phrases import described_group
    from graphbuild.extract.view import DocumentView

    parsed = parse(nlp, Document("t", "Silver Harbor is an American rock band from Denver. In 2004 the band toured Asia."))
    view = DocumentView(parsed, analyze(parsed).entities)
    band = [t for t in view.doc if t.lower_ == "band"][-1]
    assert view.label(described_group(view, band)) == "Silver Harbor"
    assert described_group(view, view.doc[0]) is None


def _cued(nlp, text: str, names: list[str]) -> set[str]:
    from graphbuild.extract.affiliation_cues import affiliation_cues
    from graphbuild.model import Mention

    parsed = parse(nlp, Document("t", text))
    mentions = [Mention("t", text.index(n), text.index(n) + len(n), n, "ORG", 0, len(text)) for n in names]
    return {text[c.start:c.end] for c in affiliation_cues(parsed, mentions) if c.kind == "Organization"}


def test_joined_clubs_are_cued_but_not_wars(nlp):
    text = "Pedro Alva joined the Second Ravenian War in 1833 and later joined Real Oltra."
    assert _cued(nlp, text, ["Second Ravenian War", "Real Oltra"]) == {"Real Oltra"}


def test_the_league_before_club_is_not_the_club(nlp):
    f = facts(nlp, "Pavel Novak is a Slovak footballer. He previously played for Super League club Dunvale Rovers.")
    assert not any(o.endswith("League") for _, p, o in f if p == "memberOf")


def test_a_noun_with_no_verb_above_it_ends_the_climb(nlp):
    # A verbless headline: the climb from "career" to a verb must stop at the root.
    from graphbuild.extract.affiliation_phrases import _owner_of_noun
    from graphbuild.extract.view import DocumentView
    from tests.helpers.extract import build_model
    parsed, model = build_model(nlp, "A long career at Dorsey Mills.")
    noun = next(t for t in parsed.doc if t.lower_ == "career")
    assert _owner_of_noun(DocumentView(parsed, model.entities), noun) is None


@pytest.mark.parametrize("text,person,party", [
    ("The delegates voted for Harold Quimby, who had lost the Republican nomination to Carl Fenn.",
     "Harold Quimby", "Republican Party"),
    ("Martha Olin won the Labour nomination for the seat of Westbury.", "Martha Olin", "Labour"),
])
def test_a_party_nomination_sought_won_or_lost(nlp, text, person, party):
    assert (person, "memberOf", party) in facts(nlp, text)


def test_covering_a_party_primary_is_no_membership(nlp):
    f = facts(nlp, "Martha Olin was sent to cover the Republican primary in Iowa.")
    assert not any(p == "memberOf" for _, p, _ in f)
