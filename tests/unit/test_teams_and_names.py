"""Teams named after places (extract.team_cues) and name chains, on sentences written for
the tests with invented names."""
from __future__ import annotations

from spacy.tokens import Doc

from graphbuild.extract.kind_cues import find_kind_cues
from graphbuild.extract.mentions import find_mentions
from graphbuild.extract.team_cues import table_names
from graphbuild.extract.layout import Span
from graphbuild.lexicon.countries import is_nation
from graphbuild.model import Document
from graphbuild.nlp import ParsedDocument
from graphbuild.nlp.normalize import OffsetMap
from graphbuild.resolve.within_doc import resolve_entities


def _parsed(nlp, text, ents) -> ParsedDocument:
    """The real parse of `text` with the entities `ents` ((surface, label[, n-th])) set."""
    doc: Doc = nlp(text)
    spans = []
    for item in ents:
        surface, label, nth = (*item, 0) if len(item) == 2 else item
        start = -1
        for _ in range(nth + 1):
            start = text.index(surface, start + 1)
        spans.append(doc.char_span(start, start + len(surface), label=label))
    doc.ents = spans
    return ParsedDocument(Document("d1", text), doc, OffsetMap())


def _entities(nlp, text, ents):
    p = _parsed(nlp, text, ents)
    mentions = find_mentions(p)
    return p, resolve_entities(p, mentions, tuple(find_kind_cues(p, mentions)))


def _kinds(nlp, text, ents):
    return {e.label: e.kind for e in _entities(nlp, text, ents)[1]}


# -- teams ----------------------------------------------------------------------

def test_names_in_a_results_line_and_a_standings_row_are_teams(nlp):
    text = "Results on Saturday :\nNorthgate 2 Westbury 1\nStandings :\nWestbury 5 3 1 1 9 4 10\n"
    kinds = _kinds(nlp, text, [("Northgate", "GPE"), ("Westbury", "GPE"), ("Westbury", "GPE", 1)])
    assert kinds == {"Northgate": "Organization", "Westbury": "Organization"}


def test_results_rows_give_names_the_model_missed():
    text = "Northgate 2 Westbury 1\nEast Marston 4 3 1 0 9 4 10\nThe match was played in rain 3 2 1 0\n"
    found = [(text[s.start:s.end], s.label, s.rule) for s in table_names(text, [])]
    assert found == [("Northgate", "ORG", "table"), ("Westbury", "ORG", "table"), ("East Marston", "ORG", "table")]
    # A span the model has already covers the name: nothing new.
    assert table_names(text, [Span(0, 9, "GPE")])[0] != Span(0, 9, "ORG", "table")


def test_a_nation_stays_a_place_and_persons_stay_persons_in_results(nlp):
    text = "England 2 Northgate 1\nMary Lambert 2 Joan Fisher 1\n"
    kinds = _kinds(nlp, text, [("England", "GPE"), ("Northgate", "GPE"), ("Mary Lambert", "PERSON"),
                               ("Joan Fisher", "PERSON")])
    assert kinds == {"England": "Place", "Northgate": "Organization", "Mary Lambert": "Person",
                     "Joan Fisher": "Person"}


def test_the_subject_and_object_of_a_win_verb_are_teams_but_not_a_dateline(nlp):
    text = "WESTBURY 2026-03-14\nNorthgate beat Eastleigh 3-0 on Saturday in Westbury.\n"
    kinds = _kinds(nlp, text, [("WESTBURY", "GPE"), ("Northgate", "GPE"), ("Eastleigh", "GPE"),
                               ("Westbury", "GPE")])
    assert kinds["Northgate"] == "Organization" and kinds["Eastleigh"] == "Organization"
    assert kinds["Westbury"] == "Place"  # labelled as the prose writes it, not in the dateline's capitals


def test_a_general_verb_of_sport_makes_teams_only_between_two_names(nlp):
    # "face", "host", "play" are as often no sport: a surname tagged ORG stays a person.
    text = ("Darrell Quimby, 58, was charged on Monday. If convicted, Quimby could face ten years in prison.\n"
            "Northgate face Eastleigh on Saturday.\n")
    kinds = _kinds(nlp, text, [("Darrell Quimby", "PERSON"), ("Quimby", "ORG", 1), ("Northgate", "GPE"),
                               ("Eastleigh", "GPE")])
    assert kinds == {"Darrell Quimby": "Person", "Northgate": "Organization", "Eastleigh": "Organization"}


def test_a_name_ending_in_a_noun_no_personal_name_ends_with_is_no_person(nlp):
    text = ("Pellworth Freight said on Monday that Pellworth Freight would hire 300 drivers. "
            "Dunmere United beat Castlebrook 2-1. Jonah Court won the vote.\n")
    kinds = _kinds(nlp, text, [("Pellworth Freight", "PERSON"), ("Pellworth Freight", "PERSON", 1),
                               ("Dunmere United", "PERSON"), ("Jonah Court", "PERSON")])
    assert kinds["Pellworth Freight"] == "Organization" and kinds["Dunmere United"] == "Organization"
    assert kinds["Jonah Court"] == "Person"  # "Court" is a surname too


def test_a_team_noun_beside_a_name_makes_it_a_team_not_a_place_modifier(nlp):
    text = "He joined first division side Northgate on Friday. He had played for a north Westbury club.\n"
    kinds = _kinds(nlp, text, [("Northgate", "GPE"), ("Westbury", "GPE")])
    assert kinds == {"Northgate": "Organization", "Westbury": "Place"}


def test_a_city_with_a_coach_is_a_club_a_nation_with_one_a_place(nlp):
    text = "Manchester 's coach resigned on Monday. France 's coach stayed.\n"
    kinds = _kinds(nlp, text, [("Manchester", "GPE"), ("France", "GPE")])
    assert kinds == {"Manchester": "Organization", "France": "Place"}


def test_nations_within_a_country_are_nations():
    assert is_nation("England") and is_nation("Northern Ireland") and is_nation("WALES") and is_nation("Peru")
    assert not is_nation("Westbury") and not is_nation("Manchester")


# -- names: headline words, surname chains, head nouns -----------------------------

def test_headline_words_glued_to_a_personal_name_are_trimmed(nlp):
    text = "Westbury Fire Coach, Hire Jonah Merriweather\nThe club hired Jonah Merriweather on Monday.\n"
    p = _parsed(nlp, text, [("Hire Jonah Merriweather", "PERSON"), ("Jonah Merriweather", "PERSON", 1)])
    assert [m.text for m in find_mentions(p) if m.label == "PERSON"] == ["Jonah Merriweather", "Jonah Merriweather"]


def test_a_name_whose_surname_stands_alone_as_a_person_is_a_person(nlp):
    text = "Fans cheered at Bo Merriweather on Sunday. Merriweather smiled.\n"
    kinds = _kinds(nlp, text, [("Bo Merriweather", "FAC"), ("Merriweather", "PERSON", 1)])
    assert kinds == {"Bo Merriweather": "Person"}


def test_a_one_word_head_noun_joins_the_one_organization_it_heads(nlp):
    text = "The Westbury Navy sent a ship. The Navy said on Monday it would stay.\n"
    kinds = _kinds(nlp, text, [("Westbury Navy", "ORG"), ("Navy", "ORG", 1)])
    assert kinds == {"Westbury Navy": "Organization"}


def test_a_given_name_alone_joins_the_one_full_name_it_opens(nlp):
    text = "Ellery Quinlan will host the show. Ellery said she was thrilled. Grant Ellery agreed.\n"
    kinds = _kinds(nlp, text, [("Ellery Quinlan", "PERSON"), ("Ellery", "PERSON", 1), ("Grant Ellery", "PERSON")])
    # "Ellery" is also a surname here ("Grant Ellery"): it is not taken for Quinlan's given name.
    assert set(kinds) == {"Ellery Quinlan", "Grant Ellery"}
    text = "Ellery Quinlan will host the show. Ellery said she was thrilled.\n"
    assert set(_kinds(nlp, text, [("Ellery Quinlan", "PERSON"), ("Ellery", "PERSON", 1)])) == {"Ellery Quinlan"}


def test_a_headline_word_splits_a_span_into_an_organization_and_a_person(nlp):
    text = "Westbury Times To Nominate Jonah Merriweather\nThe paper will nominate him on Monday.\n"
    p = _parsed(nlp, text, [("Westbury Times To Nominate Jonah Merriweather", "ORG")])
    assert [(m.text, m.label) for m in find_mentions(p)] == [("Westbury Times", "ORG"), ("Jonah Merriweather", "PERSON")]


def test_credentials_after_a_personal_name_belong_to_its_mention_not_to_a_place(nlp):
    text = "The board named Jonah Merriweather, M. D., M. B. A. as chair. She moved to Baltimore, MD in May.\n"
    p = _parsed(nlp, text, [("Jonah Merriweather", "PERSON"), ("M. B. A.", "ORG"), ("Baltimore", "GPE"),
                            ("MD", "GPE")])
    mentions = find_mentions(p)
    assert [m.text for m in mentions] == ["Jonah Merriweather, M. D., M. B. A.", "Baltimore", "MD"]
    (person,) = [e for e in resolve_entities(p, mentions) if e.kind == "Person"]
    assert person.label == "Jonah Merriweather" and person.alt_labels == ()


def test_abbreviated_place_words_are_one_place_within_and_across_documents(nlp):
    from graphbuild.lexicon.abbreviations import expand_place_words
    from graphbuild.model import GraphModel as Model
    from graphbuild.resolve.cross_doc import merge_documents

    assert expand_place_words("mt cook") == "mount cook" and expand_place_words("ft worth") == "fort worth"
    assert expand_place_words("is it") == "is it"
    text = "Climbers died on Mt Tarrow on Monday. Mount Tarrow is high.\n"
    p, entities = _entities(nlp, text, [("Mt Tarrow", "LOC"), ("Mount Tarrow", "LOC")])
    assert [e.kind for e in entities] == ["Place"]
    models = []
    for i, (surface, doc_text) in enumerate([("Mt Tarrow", "Snow fell on Mt Tarrow.\n"),
                                             ("Mount Tarrow", "Snow fell on Mount Tarrow.\n")]):
        p = _parsed(nlp, doc_text, [(surface, "LOC")])
        p = ParsedDocument(Document(f"d{i}", doc_text), p.doc, OffsetMap())
        ents = resolve_entities(p, find_mentions(p))
        models.append(Model(documents=(p.document,), entities=tuple(ents)))
    assert len([e for e in merge_documents(models).entities if e.kind == "Place"]) == 1
