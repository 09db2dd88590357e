"""Names the model cut short or left out: hyphenated words, a person named in commas
after a role noun, an organization's first word alone; and a first surname alone."""
from __future__ import annotations

from graphbuild.extract.kind_cues import find_kind_cues
from graphbuild.extract.mentions import find_mentions
from graphbuild.resolve.within_doc import resolve_entities
from tests.unit.test_entity_evidence import _parsed


def _texts(nlp, text, ents):
    return [m.text for m in find_mentions(_parsed(nlp, text, ents))]


def test_a_name_cut_inside_a_hyphenated_word_runs_to_its_end(nlp):
    text = "She spoke in the Vaulx-Rousseline district on Sunday."
    assert _texts(nlp, text, [("Vaulx", "PERSON")]) == ["Vaulx-Rousseline"]


def test_a_hyphenated_given_name_alone_takes_the_surname_after_it(nlp):
    text = "He served under Prime Minister Paul-Henri Delvaux from 2019 to 2022."
    assert _texts(nlp, text, [("Paul-Henri", "PERSON")]) == ["Paul-Henri Delvaux"]
    text = "She met Anne-Sophie at the Tarvo Bank office."  # no surname after it: the name as it is
    assert "Anne-Sophie" in _texts(nlp, text, [("Anne-Sophie", "PERSON"), ("Tarvo Bank", "ORG")])


def test_a_person_named_in_commas_after_a_role_noun_is_found(nlp):
    text = "Kelvane Industries will cut jobs. Its chief financial officer, Ilse Maren, said the cuts were needed."
    assert "Ilse Maren" in _texts(nlp, text, [("Kelvane Industries", "ORG")])
    assert _texts(nlp, "The spokesman, however, said nothing.", []) == []


def test_an_organizations_first_word_alone_is_a_mention_of_it(nlp):
    text = "Kelvane Industries said it would cut 400 jobs. Shares in Kelvane fell 3 percent."
    found = _texts(nlp, text, [("Kelvane Industries", "ORG")])
    assert found == ["Kelvane Industries", "Kelvane"]


def test_a_common_or_place_first_word_stays_no_mention(nlp):
    text = ("The World Health Organization met in Geneva. World leaders welcomed it. "
            "The Geneva Motor Show opened, and in Geneva crowds gathered; the grand Hotel opened.")
    found = _texts(nlp, text, [("World Health Organization", "ORG"), ("Geneva", "GPE"), ("Geneva Motor Show", "ORG")])
    assert "World" not in found and found.count("Geneva") == 2


def test_a_first_surname_alone_joins_the_one_full_name_with_it(nlp):
    text = "Prosecutors say Julian Ortuno Vidal received the payments. Ortuno, 61, denies all charges."
    p = _parsed(nlp, text, [("Julian Ortuno Vidal", "PERSON")])
    at = text.rindex("Ortuno")
    p.doc.ents = [*p.doc.ents, p.doc.char_span(at, at + len("Ortuno"), label="PERSON")]
    mentions = find_mentions(p)
    entities = resolve_entities(p, mentions, tuple(find_kind_cues(p, mentions)))
    assert [(e.label, sorted(m.text for m in e.mentions)) for e in entities] == [
        ("Julian Ortuno Vidal", ["Julian Ortuno Vidal", "Ortuno"])]


def test_a_name_a_role_noun_introduces_replaces_its_surname_tagged_alone(nlp):
    text = "Torvane Motors chief executive Ana Rulfo said sales rose."
    assert _texts(nlp, text, [("Torvane Motors", "ORG"), ("Rulfo", "ORG")]) == ["Torvane Motors", "Ana Rulfo"]


def test_a_clubs_name_after_its_capital_letters_stands_for_it(nlp):
    text = "The striker joined FC Lindmoor in May. The deal suits Lindmoor, the coach said."
    assert _texts(nlp, text, [("FC Lindmoor", "ORG")]) == ["FC Lindmoor", "Lindmoor"]


def test_a_persons_name_cut_before_a_lowercase_syllable_runs_on_but_not_before_a_suffix(nlp):
    text = "Finance Minister Kim Dae-jun said the cut would help. The Harlow-led group agreed."
    assert _texts(nlp, text, [("Kim Dae", "PERSON"), ("Harlow", "PERSON")]) == ["Kim Dae-jun", "Harlow"]


def test_a_titles_portfolio_word_leaves_the_name_before_it(nlp):
    text = "Karvala Industries Minister Rama Dorai praised the plan."
    assert _texts(nlp, text, [("Karvala Industries", "GPE"), ("Rama Dorai", "PERSON")]) == ["Karvala", "Rama Dorai"]
    text = "Karvala Industries said profits rose."  # no title after it: the company's name
    assert _texts(nlp, text, [("Karvala Industries", "ORG")]) == ["Karvala Industries"]


def test_a_ministry_listing_its_portfolios_is_one_name(nlp):
    text = "The Ministry of Trade, Industry and Energy said exports fell."
    assert _texts(nlp, text, [("Ministry of Trade, Industry and Energy", "ORG")]) == ["Ministry of Trade, Industry and Energy"]
    text = "Officials from Orvik Bank, Tarvo and Hansa met."  # a list after a comma is still cut
    assert "Orvik Bank, Tarvo and Hansa" not in _texts(nlp, text, [("Orvik Bank, Tarvo and Hansa", "ORG")])


def test_a_known_place_after_in_is_a_name_of_its_own(nlp):
    text = "The Harbour Rangers in Lagos trained on Friday."
    assert _texts(nlp, text, [("Harbour Rangers in Lagos", "ORG")]) == ["Harbour Rangers", "Lagos"]


def test_a_given_name_opening_the_line_before_a_personal_name_is_part_of_it(nlp):
    text = "Mirela quits\nBy Jon Varga\nLucía Ferrándiz Oteiza became the first minister to leave on Tuesday."
    found = _texts(nlp, text, [("Jon Varga", "PERSON"), ("Ferrándiz Oteiza", "PERSON")])
    assert "Lucía Ferrándiz Oteiza" in found
    text = "On Monday Tom Varley left the board."  # a day, mid-sentence: no given name
    assert _texts(nlp, text, [("Tom Varley", "PERSON")]) == ["Tom Varley"]


def test_a_caption_label_and_a_wire_staff_credit_make_no_names(nlp):
    text = ("Photo: Nurses march in Nairobi on Tuesday.\n"
            "(Reporting by Putri Handoko; Writing by Kevin Tanaka; Editing by Sonia Chen)\nThe strike went on.")
    ents = [("Photo: Nurses", "ORG"), ("Nairobi", "GPE"), ("Putri Handoko", "PERSON"), ("Writing", "ORG"),
            ("Kevin Tanaka", "PERSON"), ("Sonia Chen", "PERSON")]
    assert _texts(nlp, text, ents) == ["Nurses", "Nairobi"]
