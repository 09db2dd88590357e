"""Birthplaces after a year or with "at" (`person_facts.birth_places`)."""
from __future__ import annotations

from tests.unit.test_person_facts import facts


def test_born_in_a_year_then_in_a_place(nlp):
    assert ("Ruth Amberley", "birthPlace", "Ghana") in facts(nlp, "Ruth Amberley was born in 1963 in Ghana.")


def test_born_at_a_place(nlp):
    assert ("Ruth Amberley", "birthPlace", "Leeds") in facts(nlp, "Ruth Amberley was born at Leeds in England.")


def test_born_after_the_describing_noun(nlp):
    assert ("Ruth Amberley", "birthPlace", "Leeds") in facts(
        nlp, "Ruth Amberley was a British actress, born in Leeds as Ruth Blake.")
