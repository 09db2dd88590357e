"""An office in apposition to a name ("the German chancellor, X,") makes X a person of
that nation; a large first-level subdivision ("Minas Gerais", "Telangana") is a known
place, a generic or short one ("Northern", "Meta") is not. Sentences of our own."""
from __future__ import annotations

import pytest

from graphbuild.lexicon.name_forms import in_gazetteer
from graphbuild.model import Document


def _model(nlp, text):
    from graphbuild.analyze import analyze
    from graphbuild.nlp import parse

    return analyze(parse(nlp, Document(id="t", text=text)))


def _facts(nlp, text):
    m = _model(nlp, text)
    label = {e.id: e.label for e in m.entities}
    return {e.label: e.kind for e in m.entities}, {(label[r.subject], r.predicate, label[r.object]) for r in m.relations}


def test_a_name_in_apposition_to_a_head_of_government_is_a_person_of_its_nation(nlp):
    kinds, facts = _facts(nlp, "The German chancellor, Olaf Scholz, said the deal was fair.")
    assert kinds.get("Olaf Scholz") == "Person"
    assert ("Olaf Scholz", "nationality", "Germany") in facts


def test_an_envoy_in_apposition_takes_the_demonym(nlp):
    _, facts = _facts(nlp, "Officials met the Kenyan envoy, Amina Wekesa, on Monday.")
    assert ("Amina Wekesa", "nationality", "Kenya") in facts


def test_a_company_in_apposition_to_a_demonym_noun_has_no_nationality(nlp):
    kinds, facts = _facts(nlp, "A French company, Valmont Industries, bought the site.")
    assert kinds.get("Valmont Industries") == "Organization"
    assert not any(p == "nationality" for _, p, _ in facts)


@pytest.mark.parametrize("name", ["Minas Gerais", "Telangana", "Tamil Nadu", "Queensland", "Baden-Württemberg"])
def test_large_subdivisions_are_known_places(name):
    assert in_gazetteer(name)


@pytest.mark.parametrize("name", ["Northern", "Centre", "Rivers", "Meta", "Pool"])
def test_generic_or_short_subdivision_names_are_not(name):
    assert not in_gazetteer(name)


def test_a_state_the_model_tags_org_is_a_place(nlp):
    kinds, _ = _facts(nlp, "The storm hit Minas Gerais on Friday, officials said.")
    assert kinds.get("Minas Gerais") == "Place"


def test_a_capitalized_title_in_apposition_heads_the_possessor(nlp):
    _, facts = _facts(nlp, "Vestra Chemie's CEO, Dorota Malik, said sales rose.")
    assert ("Dorota Malik", "headOf", "Vestra Chemie") in facts


def test_a_bracketed_party_makes_the_name_before_it_a_member(nlp):
    kinds, facts = _facts(nlp, "The mayor is Ann Berg (Labour Party) and the deputy mayor is Terje Halleland (Progress Party).")
    assert kinds.get("Terje Halleland") == "Person"
    assert ("Terje Halleland", "memberOf", "Progress Party") in facts


def test_a_bracketed_party_after_a_company_makes_no_person(nlp):
    kinds, _ = _facts(nlp, "Voters backed Nordvik Holdings (Green Party) in the vote.")
    assert kinds.get("Nordvik Holdings") == "Organization"
