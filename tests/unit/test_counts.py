"""Casualty counts from the parse: numbers tied to a casualty word, with qualifiers."""
import pytest

from graphbuild.extract.counts import find_counts, parse_number


@pytest.mark.parametrize("text, value", [("56", 56), ("1,200", 1200), ("Fifty-six", 56), ("a million", 1_000_000),
                                         ("two hundred and five", 205), ("3 million", 3_000_000), ("dozens", None)])
def test_parse_number(text, value):
    assert parse_number(text) == value


def _counts(nlp, text):
    return [(c.kind, c.value, c.qualifier) for sent in nlp(text).sents for c in find_counts(sent)]


@pytest.mark.parametrize("text, expected", [
    ("A stampede at the funeral procession has left at least 56 people dead and 213 injured, state television "
     "reported.", [("dead", 56, "at least"), ("injured", 213, None)]),
    ("Fifty-six people have been killed and more than 200 injured in a stampede.",
     [("dead", 56, None), ("injured", 200, "more than")]),
    ("The blast killed 12 people and wounded about 30 others.", [("dead", 12, None), ("injured", 30, "about")]),
    ("Police arrested 15 protesters.", [("arrested", 15, None)]),
    ("At least 3 people died in the fire.", [("dead", 3, "at least")]),
    ("A shooting outside the club left one person dead and four wounded.", [("dead", 1, None), ("injured", 4, None)]),
    ("No fewer than 30 people were killed in the attack.", [("dead", 30, "at least")]),
    ("No more than 12 people were hurt.", [("injured", 12, "up to")]),
])
def test_casualty_counts(nlp, text, expected):
    assert _counts(nlp, text) == expected


@pytest.mark.parametrize("text", [
    "It is estimated up to a million people have taken to the streets to pay tribute to the general.",
    "There are roughly 5,000 U.S. troops in Iraq.",
    "The 62-year-old general led forces in Syria for 20 years.",
    "No one was injured in the blaze, firefighters said.",
])
def test_numbers_that_are_not_tolls(nlp, text):
    assert _counts(nlp, text) == []
