"""homeLocation from "lives in", "grew up in", "was raised in" and a fronted "A native of"
(`residence_phrases` through `relations_stage`, hand-built entities)."""
from __future__ import annotations

import pytest

from tests.helpers.extract import stage_facts as facts


@pytest.mark.parametrize("text", [
    "Tom Barker grew up in Leeds.",
    "Tom Barker was raised in Leeds, England.",
    "Tom Barker lives in Leeds with his wife.",
    "A native of Leeds, Tom Barker won four races.",
])
def test_home_of_a_person(nlp, text):
    assert ("Tom Barker", "homeLocation", "Leeds") in facts(nlp, text)


@pytest.mark.parametrize("text", [
    "Tom Barker raised money in Leeds.",  # active "raised": no upbringing
    "Tom Barker settled the dispute in Leeds.",  # an object: no home
    "Tom Barker played in Leeds.",
])
def test_no_home_from_other_verbs(nlp, text):
    assert not any(p == "homeLocation" for _, p, _ in facts(nlp, text))
