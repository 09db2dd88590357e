"""Definite descriptions linked to the name the document tied their noun to
(`extract.descriptions`), on sentences of our own with hand-built entities."""
from __future__ import annotations

from graphbuild.extract.descriptions import referring_spans
from graphbuild.extract.relations_stage import referring_stage
from graphbuild.model import REFERRING_RULES
from tests.helpers.extract import build_model, view_of


def descriptions(nlp, text: str) -> list[tuple[str, str]]:
    view = view_of(nlp, text)
    return [(span.text, view.label(link.entity)) for span, link in referring_spans(view) if link.rule == "description"]


def test_an_as_complement_ties_the_noun_and_a_later_definite_repeat_refers(nlp):
    for text in ("Organizers chose Bruno Kessler as host on Friday. The host said the show would be short.",
                 "Bruno Kessler will return as host of the awards. The host said the show would be short."):
        assert descriptions(nlp, text) == [("host", "Bruno Kessler"), ("The host", "Bruno Kessler")]


def test_an_apposition_ties_the_noun(nlp):
    text = "Ann Wexford, the new director, spoke on Monday. The director praised the staff."
    assert descriptions(nlp, text) == [("The director", "Ann Wexford")]


def test_a_copula_ties_the_noun(nlp):
    text = "Ann Wexford is the director of the museum. On Monday the director opened a new wing."
    assert descriptions(nlp, text) == [("the director", "Ann Wexford"), ("the director", "Ann Wexford")]


def test_a_noun_before_a_persons_name_ties_it(nlp):
    text = "The studio hired comedian Rosa Delgado on Friday. The comedian starts in May."
    assert descriptions(nlp, text) == [("The comedian", "Rosa Delgado")]


def test_a_noun_tied_to_two_people_refers_to_neither(nlp):
    text = "Elena Brandt will be the host. Marco Ruiz will be the host too. The host was not named."
    assert descriptions(nlp, text) == [("the host", "Elena Brandt"), ("the host", "Marco Ruiz")]  # the ties only


def test_indefinite_earlier_plural_or_unrelated_nouns_are_no_descriptions(nlp):
    text = ("The director left early. Ann Wexford, the new director, spoke on Monday. A director from Oslo came. "
            "The directors met. The staff cheered.")
    assert descriptions(nlp, text) == []


def test_descriptions_become_referring_mentions_never_names(nlp):
    parsed, model = build_model(nlp, "Ann Wexford, the new director, spoke on Monday. The director praised the staff.")
    person = next(e for e in referring_stage(parsed, model).entities if e.label == "Ann Wexford")
    added = [m for m in person.mentions if m.rule == "description"]
    assert [m.text for m in added] == ["The director"] and "description" in REFERRING_RULES
    assert person.alt_labels == ()


def test_another_person_named_since_blocks_the_description(nlp):
    text = "Ann Wexford, the new director, spoke on Monday. Tom Berk answered her. The director left."
    assert descriptions(nlp, text) == []


def test_the_description_runs_from_its_first_word_across_hyphens_but_not_into_a_name(nlp):
    text = "Carl Ode, the minister, arrived. The 62-year-old minister spoke."
    assert descriptions(nlp, text) == [("The 62-year-old minister", "Carl Ode")]


def test_a_titles_head_is_its_noun_before_of():
    from graphbuild.extract.descriptions import _title_head

    assert [_title_head(t) for t in ("Secretary of State", "Defense Secretary", "Coach", "No. 2")] == [
        "secretary", "secretary", "coach", None]


def test_a_predicate_noun_is_a_mention_of_its_subject(nlp):
    assert descriptions(nlp, "Lina Moravec will be the host of the gala in June.") == [("the host", "Lina Moravec")]
    assert descriptions(nlp, "The board named Piet Harlan as chairman on Monday.") == [("chairman", "Piet Harlan")]


def test_a_noun_in_the_names_own_phrase_is_no_mention_of_its_own(nlp):
    for text in ("Ann Wexford, the new director, spoke on Monday.", "The studio hired comedian Rosa Delgado on Friday."):
        assert descriptions(nlp, text) == []


def test_a_predicate_after_a_possessor_starts_after_the_possessive(nlp):
    assert descriptions(nlp, "Jon Weir became Ada Brenner's successor in May.") == [("successor", "Jon Weir")]


def test_an_organizations_head_noun_refers_back_to_it(nlp):
    text = "The Springfield City Council met on Monday. The council voted to close the park."
    assert descriptions(nlp, text) == [("The council", "The Springfield City Council")]
    text = "The Springfield City Council met on Monday. The Oxford University Press objected. The council voted."
    assert descriptions(nlp, text) == []  # another organization named since


def test_a_predicate_noun_of_an_organization_is_no_mention(nlp):
    assert descriptions(nlp, "The Springfield City Council is a force in the region.") == []


def test_a_relative_pronoun_is_linked_but_no_mention_of_its_own(nlp):
    view = view_of(nlp, "The jury heard from Maria Lindqvist, who lives in Bergen. She left on Monday.")
    assert [(s.text, view.label(link.entity)) for s, link in referring_spans(view)] == [("She", "Maria Lindqvist")]
