"""Kinds and labels on sentences of our own written like fresh news: a dateline's
capitals never make the label, "the city of X" names a place, a position written before
a name at a sentence's start is no part of the name."""
from __future__ import annotations

from graphbuild.model import Document
from graphbuild.names import shouted


def _model(nlp, text):
    from graphbuild.analyze import analyze
    from graphbuild.nlp import parse

    return analyze(parse(nlp, Document(id="t", text=text)))


def test_a_name_in_capitals_is_told_from_an_acronym():
    assert shouted("COLUMBUS") and shouted("NEW YORK")
    assert not shouted("NATO") and not shouted("Columbus") and not shouted("U.S.")


def test_the_label_is_the_spelling_not_in_capitals(nlp):
    model = _model(nlp, "HARTSVILLE, Ohio (AP) - Flood water rose in Hartsville on Sunday, officials said.")
    labels = {e.label for e in model.entities if e.kind == "Place"}
    assert "Hartsville" in labels and "HARTSVILLE" not in labels


def test_the_city_of_a_name_is_a_place(nlp):
    model = _model(nlp, "Heavy rain flooded streets near the city of Varo da Serra on Sunday.")
    assert {e.label: e.kind for e in model.entities}.get("Varo da Serra") == "Place"


def test_a_position_before_a_name_at_a_sentence_start_is_no_part_of_it(nlp):
    model = _model(nlp, "Striker Kwame Aduboah scored twice on Saturday. Aduboah, 24, joined in May.")
    people = {e.label for e in model.entities if e.kind == "Person"}
    assert "Kwame Aduboah" in people and not any(p.startswith("Striker") for p in people)


def test_a_role_noun_before_a_name_makes_it_a_person_with_its_surname(nlp):
    from tests.unit.test_teams_and_names import _kinds

    text = "Velcorp chief executive Marcus Tellwin said on Monday that Tellwin would stay.\n"
    kinds = _kinds(nlp, text, [("Velcorp", "ORG"), ("Marcus Tellwin", "ORG"), ("Tellwin", "ORG", 1)])
    assert kinds == {"Velcorp": "Organization", "Marcus Tellwin": "Person"}
    # An organization's name after a role noun stays the organization's.
    text = "The analyst firm Velcorp Research said so. analyst Velcorp Research said so.\n"
    kinds = _kinds(nlp, text, [("Velcorp Research", "ORG"), ("Velcorp Research", "ORG", 1)])
    assert kinds == {"Velcorp Research": "Organization"}


def test_a_bare_dateline_gives_its_known_place_not_a_wire_slug():
    from graphbuild.extract.missed_names import datelines

    def found(text):
        return [text[s.start:s.end] for s in datelines(text, [])]

    assert found("Acme unveils a phone\n\nSAN FRANCISCO - Acme Inc unveiled") == ["SAN FRANCISCO"]
    assert found("Headline\nCOLUMBUS, Ohio — A former mayor") == ["COLUMBUS"]
    assert found("Headline\nUPDATE 2 - Acme shares fell") == []
    assert found("Headline\nEXCLUSIVE - Acme plans") == []


def test_a_datelines_place_is_no_argument_of_an_event(nlp):
    model = _model(nlp, "Outbreak confirmed\n\nEDMONTON, Alberta (CP) - Health officials in Alberta "
                        "confirmed on Wednesday an outbreak of measles in the town of Brackfield.")
    names = {e.id: e.label for e in model.entities}
    assert not any(names.get(p.entity, "").upper() == "EDMONTON" for v in model.events for p in v.participants)


def test_a_title_is_read_whole_and_once():
    from graphbuild.names import distinct_titles, preceding_title

    text = "Interior Minister Kemal Varol said so."
    assert preceding_title(text, text.index("Kemal")) == "Interior Minister"
    text = "But Secretary Jane Roe said so."
    assert preceding_title(text, text.index("Jane")) == "Secretary"
    assert distinct_titles(["Leader", "Majority Leader", "Leader", "Chief"]) == ("Majority Leader", "Chief")


def test_a_name_before_a_staff_noun_introducing_a_person_is_a_club(nlp):
    from tests.unit.test_teams_and_names import _kinds

    text = "Northgate coach Mike Rendwell said his team had missed chances. France coach Ann Lebrun agreed.\n"
    kinds = _kinds(nlp, text, [("Northgate", "GPE"), ("Mike Rendwell", "PERSON"), ("France", "GPE"),
                               ("Ann Lebrun", "PERSON")])
    assert kinds == {"Northgate": "Organization", "Mike Rendwell": "Person", "France": "Place",
                     "Ann Lebrun": "Person"}
