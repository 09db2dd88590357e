"""Band members from the musician's noun (`extract.band_members`), through the real
analysis (mentions, kinds, the relations stage) on sentences written for these tests."""
from __future__ import annotations

import pytest

from graphbuild.analyze import analyze
from graphbuild.model import Document
from graphbuild.nlp import parse


def members(nlp, text: str) -> set[tuple[str, str]]:
    m = analyze(parse(nlp, Document("t", text)))
    label = {e.id: e.label for e in m.entities}
    return {(label[r.subject], label[r.object]) for r in m.relations if r.predicate == "memberOf"}


def test_the_musicians_a_band_was_formed_by_and_recruited(nlp):
    f = members(nlp, "The Velvet Pylons were formed in 1988 by guitarist Marco Lindqvist and bassist Dora "
                     "Feldmann, later recruiting singer Tomas Brandt and drummer Petra Holm.")
    assert {(p, "Velvet Pylons") for p in ("Marco Lindqvist", "Dora Feldmann", "Tomas Brandt", "Petra Holm")} <= f


@pytest.mark.parametrize("text,person", [
    ("Velvet Pylons bassist Dora Feldmann said the tour would go ahead.", "Dora Feldmann"),
    ("Marco Lindqvist, the guitarist of the Velvet Pylons, released a solo album in 2001.", "Marco Lindqvist"),
    ("Tomas Brandt is the lead singer of Velvet Pylons.", "Tomas Brandt"),
])
def test_the_band_named_with_the_musicians_noun(nlp, text, person):
    assert (person, "Velvet Pylons") in members(nlp, text)


@pytest.mark.parametrize("text", [
    "Former Velvet Pylons guitarist Marco Lindqvist opened a restaurant.",  # a past membership
    "Cold Harbor Records signed guitarist Marco Lindqvist in 1990.",  # a label signs, no band forms
])
def test_no_membership(nlp, text):
    assert ("Marco Lindqvist", "Velvet Pylons") not in members(nlp, text)
    assert ("Marco Lindqvist", "Cold Harbor Records") not in members(nlp, text)


def test_a_band_named_after_its_group_noun_is_an_organization_even_with_a_given_name(nlp):
    f = members(nlp, "The discography of the English rock band Rose Tallow is short. Rose Tallow was formed in "
                     "1979 by guitarist Neil Barrow and bassist Owen Pratt.")
    assert {("Neil Barrow", "Rose Tallow"), ("Owen Pratt", "Rose Tallow")} <= f
