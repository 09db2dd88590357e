"""Held-out name variants: spellings of one person that must merge, and near-identical
names of different people that must not. Written from general knowledge (no name of
the development texts); the rule is phonetic keys plus the given name as evidence
against a merge (graphbuild.names), no list of names."""
from __future__ import annotations

import pytest

from graphbuild.lexicon.name_variants import given_names_variants, word_variants
from graphbuild.resolve.cross_doc import merge_documents
from graphbuild.resolve.scoring import person_names_compatible
from tests.helpers.cross_doc import doc_model, ent

MUST_MERGE = [
    ("Lucía Ferrándiz", "Lucía Ferrándiz Oteiza"),  # a first surname used alone (Spanish, Portuguese)
    ("Muammar Gaddafi", "Muammar Qadhafi"),
    ("Muammar Gadhafi", "Muammar Qaddafi"),
    ("bin Laden", "bin Ladin"),
    ("Qassem Soleimani", "Qasem Soleimani"),
    ("Mohammed Javad Zarif", "Mohammad Javad Zarif"),
    ("Volodymyr Zelensky", "Volodymyr Zelenskyy"),
    ("Mikhail Gorbachev", "Mikhail Gorbachov"),
    ("Nikita Khrushchev", "Nikita Khrushchov"),
    ("Ramzan Kadyrov", "Ramzan Kadirov"),
    ("Recep Tayyip Erdogan", "Recep Tayyip Erdoğan"),
    ("Alexei Navalny", "Aleksei Navalny"),
    ("Sergei Lavrov", "Sergey Lavrov"),
    ("Hassan Nasrallah", "Hasan Nasrallah"),
    ("Bashar al-Assad", "Bashar Assad"),
    ("Abu Bakr al-Baghdadi", "Abu Bakr Baghdadi"),
    ("Ali Khamenei", "Ali Khamanei"),
    ("Hossein Salami", "Hussein Salami"),
    ("William Clinton", "Bill Clinton"),
    ("Elizabeth Warren", "Liz Warren"),
]

MUST_NOT_MERGE = [
    ("Ted Cruz", "Tad Cruz"),
    ("Karen Bass", "Karan Bass"),
    ("Sam Smith", "Pam Smith"),
    ("Joe Biden", "Jill Biden"),
    ("Mark Esper", "Mark Milley"),
    ("Tom Cruise", "Tom Cruz"),
    ("Boris Johnson", "Doris Johnson"),
    ("Dan Brown", "Don Brown"),
    ("Daniel Craig", "Danielle Craig"),
    ("Paul Smith", "Paula Smith"),
    ("Robert Jones", "Roberta Jones"),
    ("Eric Adams", "Erica Adams"),
    ("Sean Penn", "Sean Payne"),
    ("Hillary Clinton", "Chelsea Clinton"),
    ("Mike Pence", "Mike Vance"),
    ("Kim Jong Un", "Kim Jong Il"),
    ("Ted Cruz", "Ned Cruz"),  # both nicknames of Edward, yet not one another's
    ("J. Smyth", "Jordan Smith"),  # an initial and a variant spelling: too little to merge on
]


def merged(a: str, b: str) -> bool:
    m = merge_documents([doc_model("a", [ent("a", "e1", "Person", a)]), doc_model("b", [ent("b", "e1", "Person", b)])])
    return len(m.entities) == 1


@pytest.mark.parametrize("a,b", MUST_MERGE)
def test_spelling_variants_of_one_name_merge(a, b):
    assert person_names_compatible(a, b)
    assert merged(a, b)


@pytest.mark.parametrize("a,b", MUST_NOT_MERGE)
def test_different_people_with_near_identical_names_stay_apart(a, b):
    assert not merged(a, b)


def test_short_words_need_the_same_spelling():
    assert word_variants("laden", "ladin") and word_variants("gaddafi", "qadhafi")
    assert not word_variants("cruz", "cruise") and not word_variants("bass", "bess")


def test_given_names_initials_and_long_variants_only():
    assert given_names_variants("j", "john") and given_names_variants("mohammed", "mohammad")
    assert not given_names_variants("ted", "tad") and not given_names_variants("karen", "karan")
    assert not given_names_variants("daniel", "danielle")


def test_a_nickname_and_the_full_given_name_are_one_person_within_a_document(nlp):
    from graphbuild.extract.mentions import find_mentions
    from graphbuild.resolve.within_doc import resolve_entities
    from tests.unit.test_mentions_helpers import parsed_with

    text = "Robert Smithers spoke first. Later Bob Smithers and Ann Smithers left."
    p = parsed_with(nlp, text, [("Robert Smithers", "PERSON"), ("Bob Smithers", "PERSON"), ("Ann Smithers", "PERSON")])
    entities = resolve_entities(p, find_mentions(p))
    assert sorted((e.label, len(e.mentions)) for e in entities) == [("Ann Smithers", 1), ("Robert Smithers", 2)]
