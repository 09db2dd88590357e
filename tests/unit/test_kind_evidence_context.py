"""Kind evidence from what follows or refers back to a name: an "its" that refers to it
(`extract.its_cues`) and an age in commas after it (`extract.after_name_cues`)."""
from __future__ import annotations

from tests.unit.test_place_cues import _kinds


# -- "its" refers to no person -------------------------------------------------------

def test_the_subject_an_its_refers_to_is_an_organization(nlp):
    kinds = _kinds(nlp, "Torvane Chemie said on Monday its chief executive Ola Brekk would step down.",
                   [("Torvane Chemie", "PERSON"), ("Ola Brekk", "PERSON")])
    assert kinds["Torvane Chemie"] == "Organization" and kinds["Ola Brekk"] == "Person"


def test_an_its_through_a_that_clause_refers_to_the_reporting_subject(nlp):
    kinds = _kinds(nlp, "Meridel Foods said on Tuesday that its shareholders had approved the sale.",
                   [("Meridel Foods", "PERSON")])
    assert kinds["Meridel Foods"] == "Organization"


def test_an_its_of_an_ordinary_noun_says_nothing(nlp):
    kinds = _kinds(nlp, "Priya Anand said on Monday its revenue had fallen.", [("Priya Anand", "PERSON")])
    assert kinds["Priya Anand"] == "Person"


def test_a_name_between_the_subject_and_its_could_be_the_antecedent(nlp):
    kinds = _kinds(nlp, "Greta Olsen said Harbek and its chief executive would meet.",
                   [("Greta Olsen", "PERSON"), ("Harbek", "ORG")])
    assert kinds["Greta Olsen"] == "Person"


def test_an_its_in_a_relative_clause_refers_to_the_relative_pronoun(nlp):
    kinds = _kinds(nlp, "Mark Tanner will lead the group, which will keep its headquarters in Bergen.",
                   [("Mark Tanner", "PERSON"), ("Bergen", "GPE")])
    assert kinds["Mark Tanner"] == "Person"


# -- an age in commas ------------------------------------------------------------------

def test_a_name_with_an_age_in_commas_is_a_person(nlp):
    kinds = _kinds(nlp, "Delorme, 51, served as health minister from 2019 to 2022.", [("Delorme", "GPE")])
    assert kinds["Delorme"] == "Person"
    kinds = _kinds(nlp, "Prosecutors say Castellano, 61 years old, received the payments.", [("Castellano", "ORG")])
    assert kinds["Castellano"] == "Person"


def test_a_year_or_a_number_without_a_second_comma_is_no_age(nlp):
    kinds = _kinds(nlp, "The fair in Vellmar, 2019, drew crowds, and Ostrava, 12 km away, too.",
                   [("Vellmar", "GPE"), ("Ostrava", "GPE")])
    assert kinds["Vellmar"] == "Place" and kinds["Ostrava"] == "Place"


# -- "-based", "-born" -------------------------------------------------------------------

def test_a_name_written_onto_based_is_a_place(nlp):
    kinds = _kinds(nlp, "Talvora-based Greenmill Industries said it would build a plant.",
                   [("Talvora", "ORG"), ("Greenmill Industries", "ORG")])
    assert kinds["Talvora"] == "Place" and kinds["Greenmill Industries"] == "Organization"


def test_a_gazetteer_place_before_born_is_found_when_the_model_missed_it(nlp):
    from graphbuild.extract.mentions import find_mentions
    from tests.unit.test_entity_evidence import _parsed

    found = [m.text for m in find_mentions(_parsed(nlp, "The Enugu-born forward and the Soros-backed fund met.", []))]
    assert found == ["Enugu"]


# -- names in other scripts --------------------------------------------------------------

def test_a_personal_name_with_letters_beyond_ascii_is_shaped_like_one(nlp):
    from graphbuild.lexicon.name_forms import shaped_like_person

    assert shaped_like_person("Iñaki Ostolaza") and shaped_like_person("Beata Mróz")
    assert not shaped_like_person("IÑAKI OSTOLAZA") and not shaped_like_person("Mróz Bank")
    kinds = _kinds(nlp, "Her former chief of staff, Iñaki Ostolaza, was arrested.", [("Iñaki Ostolaza", "ORG")])
    assert kinds["Iñaki Ostolaza"] == "Person"


def test_a_surname_that_is_also_a_towns_name_keeps_a_personal_names_shape(nlp):
    from graphbuild.lexicon.name_forms import shaped_like_person

    assert shaped_like_person("Nuria Belmonte", surname_may_be_a_place=True)  # Belmonte is also a town
    assert not shaped_like_person("Nuria Belmonte") and not shaped_like_person("Tarvo Bank")  # elsewhere: no
    assert not shaped_like_person("Costa Rica", True) and not shaped_like_person("Paris Orvell", True)
    kinds = _kinds(nlp, "Government spokesperson Nuria Belmonte said the minister would resign.",
                   [("Nuria Belmonte", "ORG")])
    assert kinds["Nuria Belmonte"] == "Person"


# -- a name before a title that introduces a person (`extract.employer_cues`) ------------

def test_a_name_before_a_title_and_a_person_is_where_the_person_holds_it(nlp):
    kinds = _kinds(nlp, "Dravik Energia CEO Tomasz Wielgosz was sentenced on Tuesday.",
                   [("Dravik Energia", "PERSON"), ("Tomasz Wielgosz", "PERSON")])
    assert kinds == {"Dravik Energia": "Organization", "Tomasz Wielgosz": "Person"}
    kinds = _kinds(nlp, "Harwick chairwoman Beata Morawa said the board agreed.",
                   [("Harwick", "PERSON"), ("Beata Morawa", "PERSON")])
    assert kinds["Harwick"] == "Organization"


def test_a_place_before_a_title_stays_a_place_and_a_client_a_person(nlp):
    kinds = _kinds(nlp, "Ohio Governor Mike Dorran met Vance lawyer Ann Pell on Monday.",
                   [("Ohio", "GPE"), ("Mike Dorran", "PERSON"), ("Vance", "PERSON"), ("Ann Pell", "PERSON")])
    assert kinds == {"Ohio": "Place", "Mike Dorran": "Person", "Vance": "Person", "Ann Pell": "Person"}


def test_the_possessor_of_a_leading_title_is_an_organization_but_not_of_a_chief_of_staff(nlp):
    kinds = _kinds(nlp, "Meerbeke's general manager, Pieter Vander, said the sale was bittersweet.",
                   [("Meerbeke", "PERSON"), ("Pieter Vander", "PERSON")])
    assert kinds["Meerbeke"] == "Organization"
    kinds = _kinds(nlp, "Ann Pell, Tom Varley's chief of staff, resigned.", [("Ann Pell", "PERSON"), ("Tom Varley", "PERSON")])
    assert kinds["Tom Varley"] == "Person"


# -- bylines -----------------------------------------------------------------------------

def test_a_bylines_personal_name_is_a_person(nlp):
    text = "Okonjo seals move\nBy Tunde Adeyemo, staff reporter\nThe striker joined on Monday."
    assert _kinds(nlp, text, [("Tunde Adeyemo", "ORG")])["Tunde Adeyemo"] == "Person"


def test_an_agency_credit_or_a_sentence_opening_with_by_is_no_byline(nlp):
    text = "Rates fall\nBy Harvik Logistics' count, prices rose.\nBy Reuters\nThe bank cut rates."
    kinds = _kinds(nlp, text, [("Harvik Logistics", "ORG"), ("Reuters", "ORG")])
    assert kinds == {"Harvik Logistics": "Organization", "Reuters": "Organization"}


def test_a_name_after_a_suppliers_or_a_utilitys_noun_is_an_organization(nlp):
    kinds = _kinds(nlp, "The chips came from Taiwanese supplier Hanlo Semicon.", [("Hanlo Semicon", "PERSON")])
    assert kinds["Hanlo Semicon"] == "Organization"
    kinds = _kinds(nlp, "She led the state-controlled utility, Dravik Energia, until 2023.", [("Dravik Energia", "PERSON")])
    assert kinds["Dravik Energia"] == "Organization"


def test_a_byline_in_capitals_before_the_agency_is_a_person_and_the_agency_an_organization(nlp):
    text = "Volcano erupts\nBy NIKO SURYANTO Associated Press\nThe volcano erupted on Monday."
    kinds = _kinds(nlp, text, [("NIKO SURYANTO Associated Press", "ORG")])
    assert kinds == {"NIKO SURYANTO": "Person", "Associated Press": "Organization"}


# -- a known place's whole name tagged PERSON --------------------------------------------

def test_a_known_places_two_word_name_tagged_person_is_a_place(nlp):
    kinds = _kinds(nlp, "The injured were taken to a military hospital in nearby Da Nang.", [("Da Nang", "PERSON")])
    assert kinds["Da Nang"] == "Place"
    kinds = _kinds(nlp, "Austin said the plan would work.", [("Austin", "PERSON")])  # one word: a surname too
    assert kinds["Austin"] == "Person"
