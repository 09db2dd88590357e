"""resolve.within_doc: one entity per real-world entity of a document."""
from __future__ import annotations

from graphbuild.extract.mentions import find_mentions
from graphbuild.names import expand_title, preceding_title, split_title
from graphbuild.resolve.within_doc import resolve_entities
from tests.unit.test_mentions_helpers import parsed_with


def _entities(nlp, text, ents):
    p = parsed_with(nlp, text, ents)
    return resolve_entities(p, find_mentions(p))


def _by_label(entities):
    return {e.label: e for e in entities}


def test_titled_full_name_surname_and_possessive_are_one_person(nlp):
    text = ("General Qassem Soleimani was buried. Coffins of Gen. Qassem Soleimani arrived.\n"
            "Soleimani's death angered many. The US blamed Soleimani.")
    ents = [("General Qassem Soleimani", "PERSON"), ("Gen. Qassem Soleimani", "PERSON"),
            ("Soleimani's", "GPE"), ("Soleimani", "GPE", 3), ("US", "GPE")]
    entities = _entities(nlp, text, ents)
    people = [e for e in entities if e.kind == "Person"]
    assert len(people) == 1
    person = people[0]
    assert person.label == "Qassem Soleimani"
    assert "General" in person.titles
    assert len(person.mentions) == 4
    assert {"Soleimani"} <= set(person.alt_labels)
    assert {s.rule for s in person.merges} >= {"surname"}
    assert all(text[m.start:m.end] == m.text for m in person.mentions)


def test_honorific_surname_joins_the_full_name(nlp):
    text = "Secretary of State Mike Pompeo spoke. Later Mr Pompeo said more."
    entities = _entities(nlp, text, [("Mike Pompeo", "PERSON"), ("Pompeo", "ORG", 1)])
    assert [(e.label, e.kind) for e in entities] == [("Mike Pompeo", "Person")]
    assert "Secretary of State" in entities[0].titles
    assert "Mr" not in entities[0].titles


def test_same_first_name_different_surnames_stay_apart(nlp):
    text = "Mark Esper met Mark Milley. Esper spoke first."
    entities = _entities(nlp, text, [("Mark Esper", "PERSON"), ("Mark Milley", "PERSON"), ("Esper", "PERSON", 1)])
    by = _by_label(entities)
    assert set(by) == {"Mark Esper", "Mark Milley"}
    assert len(by["Mark Esper"].mentions) == 2 and len(by["Mark Milley"].mentions) == 1


def test_shared_surname_goes_to_the_most_recent_full_name(nlp):
    text = "Boris Johnson spoke. Dwayne Johnson laughed. Johnson left."
    entities = _entities(nlp, text, [("Boris Johnson", "PERSON"), ("Dwayne Johnson", "PERSON"), ("Johnson", "PERSON", 2)])
    by = _by_label(entities)
    assert set(by) == {"Boris Johnson", "Dwayne Johnson"}
    assert len(by["Dwayne Johnson"].mentions) == 2


def test_ambiguous_surname_before_any_full_name_stays_separate(nlp):
    text = "Johnson left. Boris Johnson spoke. Dwayne Johnson laughed."
    entities = _entities(nlp, text, [("Johnson", "PERSON"), ("Boris Johnson", "PERSON"), ("Dwayne Johnson", "PERSON")])
    assert sorted(e.label for e in entities) == ["Boris Johnson", "Dwayne Johnson", "Johnson"]


def test_person_wins_the_vote_over_org_tags(nlp):
    text = "President Donald Trump spoke. Trump said no. Critics of Trump objected. Trump left."
    ents = [("Donald Trump", "PERSON"), ("Trump", "ORG", 1), ("Trump", "ORG", 2), ("Trump", "ORG", 3)]
    entities = _entities(nlp, text, ents)
    assert [(e.label, e.kind, len(e.mentions)) for e in entities] == [("Donald Trump", "Person", 4)]
    assert entities[0].titles == ("President",)


def test_place_majority_stays_a_place(nlp):
    text = "Rain fell on Paris. Paris was calm. Paris slept."
    entities = _entities(nlp, text, [("Paris", "GPE"), ("Paris", "GPE", 1), ("Paris", "PERSON", 2)])
    assert [(e.label, e.kind) for e in entities] == [("Paris", "Place")]


def test_acronym_and_expansion_are_one_organization(nlp):
    text = "The Islamic Revolutionary Guards Corps (IRGC) vowed revenge. The IRGC's chief spoke."
    entities = _entities(nlp, text, [("Islamic Revolutionary Guards Corps", "ORG")])
    assert len(entities) == 1
    org = entities[0]
    assert (org.kind, org.label, org.alt_labels) == ("Organization", "Islamic Revolutionary Guards Corps", ("IRGC",))
    assert [m.rule for m in org.mentions] == ["ner", "acronym", "string-match"]
    assert org.merges[0].rule == "acronym"


def test_ids_follow_first_mention_and_are_deterministic(nlp):
    text = "Oslo and Bergen. Then Oslo again, and Anna Berg."
    ents = [("Oslo", "GPE"), ("Bergen", "GPE"), ("Anna Berg", "PERSON")]
    first = _entities(nlp, text, ents)
    assert [(e.id, e.label) for e in first] == [("e1", "Oslo"), ("e2", "Bergen"), ("e3", "Anna Berg")]
    assert first == _entities(nlp, text, ents)


def test_title_helpers():
    assert split_title("Gen. Qassem Soleimani") == (("Gen.",), "Qassem Soleimani")
    assert split_title("General") == ((), "General")
    assert expand_title("Gen.") == "General" and expand_title("Mr") is None
    assert expand_title("Dr.") is None and expand_title("Prof.") == "Professor"  # a form of address; a post
    text = "But Secretary of State Mike Pompeo said. Iran's Supreme Leader Ali Khamenei wept."
    assert preceding_title(text, text.index("Mike")) == "Secretary of State"
    assert preceding_title(text, text.index("Ali")) == "Supreme Leader"
    assert preceding_title("We met Anna Berg.", 7) is None


def test_initialled_name_is_a_person_despite_org_tags(nlp):
    text = "D. Fleming scored 40 . Fleming was out next ."
    entities = _entities(nlp, text, [("D. Fleming", "ORG")])
    assert [(e.label, e.kind, len(e.mentions)) for e in entities] == [("D. Fleming", "Person", 2)]


def test_locative_context_outvotes_a_bare_person_tag_but_not_an_org(nlp):
    text = "The match was played at Portsmouth. Lawmakers in Congress objected."
    entities = _entities(nlp, text, [("Portsmouth", "PERSON"), ("Congress", "ORG")])
    assert [(e.label, e.kind) for e in entities] == [("Portsmouth", "Place"), ("Congress", "Organization")]


def test_company_short_form_tagged_as_a_person_joins_the_company(nlp):
    text = "Varnell Foods Inc said profits rose. Varnell shares fell 4% on Tuesday."
    entities = _entities(nlp, text, [("Varnell Foods Inc", "ORG"), ("Varnell", "PERSON", 1)])
    assert [(e.label, e.kind) for e in entities] == [("Varnell Foods Inc", "Organization")]


def test_short_form_that_a_person_here_carries_stays_apart(nlp):
    text = "Varnell Foods Inc hired Ann Varnell. Varnell said profits rose."
    entities = _entities(nlp, text, [("Varnell Foods Inc", "ORG"), ("Ann Varnell", "PERSON"), ("Varnell", "PERSON", 2)])
    assert {e.label: e.kind for e in entities} == {"Varnell Foods Inc": "Organization", "Ann Varnell": "Person"}


def test_acronym_of_a_name_with_a_lowercase_generic_word(nlp):
    text = "The United Bakers Guild union met. UBG leaders spoke."
    entities = _entities(nlp, text, [("United Bakers Guild union", "ORG"), ("UBG", "ORG")])
    assert [e.label for e in entities] == ["United Bakers Guild union"]


def test_a_title_after_another_persons_name_and_and_is_a_title_of_its_own():
    from graphbuild.names import preceding_title

    text = "Foreign Minister Ana Vel and Governor Tim Ray came."
    assert preceding_title(text, text.index("Tim Ray")) == "Governor"
    text = "said President and Chief Executive Jo Roe."
    assert preceding_title(text, text.index("Jo Roe")) == "President and Chief Executive"
