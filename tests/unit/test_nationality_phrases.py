"""Nationality from longer demonym phrases (`extract.nationality_phrases`; hand-built
entities, one per NER span)."""
from __future__ import annotations

from graphbuild.extract.nationality_phrases import nationality_phrases
from tests.helpers.extract import view_of


def _found(nlp, text):
    view = view_of(nlp, text)
    return {(view.label(w.person), w.span.text) for w in nationality_phrases(view)}


def test_hyphenated_describing_words_before_the_name(nlp):
    assert ("Marla Quent", "American") in _found(nlp, "The song was written by American singer-songwriter Marla Quent.")


def test_two_word_demonym_in_a_list_entry(nlp):
    assert ("Dae-ho Pyun", "South Korean") in _found(nlp, "Dae-ho Pyun (born 1990), South Korean swimmer.")


def test_demonym_before_the_words_of_a_describing_noun(nlp):
    assert ("Tomas Verlund", "Swedish") in _found(nlp, "Tomas Verlund is a Swedish martial arts film actor.")


def test_a_demonym_of_another_noun_is_not_the_persons(nlp):
    assert not _found(nlp, "Tomas Verlund visited the Swedish embassy in Oslo.")


def test_demonym_before_a_group_adjective(nlp):
    assert ("Lomqvist", "Swedish") in _found(
        nlp, "Anders Lomqvist (1 May 1930 – 2 June 2001) was a Swedish Christian democratic politician.")


def test_players_of_a_national_team_and_who_represents_a_country(nlp):
    found = _found(nlp, "Tomas Verlund played for the Czech national team. Peter Appiah represented Ghana at the Olympics.")
    assert ("Tomas Verlund", "Czech") in found
    assert ("Peter Appiah", "Ghana") in found


def test_a_club_team_tells_no_nationality(nlp):
    assert not _found(nlp, "Tomas Verlund played for the city team of Brno.")


def test_member_of_or_elected_to_a_legislature_its_demonym_names(nlp):
    found = _found(nlp, "Lena Marsk is married to Piet Oorman, a former member of the Belgian Federal Parliament.")
    assert ("Piet Oorman", "Belgian") in found
    assert ("Marit Olsen", "Norwegian") in _found(nlp, "Marit Olsen was elected to the Norwegian Parliament in 1973.")


def test_a_demonym_of_a_company_or_of_an_envoys_host_is_no_persons_nationality(nlp):
    assert not _found(nlp, "Acme is an American company.")
    assert not _found(nlp, "Walter Hesse visited the Swedish parliament building.")
