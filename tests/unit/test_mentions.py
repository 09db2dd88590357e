"""extract.mentions: span repair, layout filters, title fragments, acronyms, propagation."""
from __future__ import annotations

import pytest

from graphbuild.analyze import CorpusContext, corpus_context
from graphbuild.extract.mentions import find_mentions
from graphbuild.model import Document
from graphbuild.nlp import parse
from tests.unit.test_mentions_helpers import parsed_with


def _found(mentions):
    return [(m.text, m.label, m.rule) for m in mentions]


def test_offsets_index_the_source_text_exactly(nlp):
    text = "\ufeffThe\u00a0United Nations said on Monday that Kofi Annan's envoy visited Geneva.\n"
    doc = Document("x", text)
    mentions = find_mentions(parse(nlp, doc), CorpusContext())
    assert mentions
    for m in mentions:
        assert text[m.start:m.end] == m.text
        assert m.sentence_start <= m.start < m.end <= m.sentence_end


def test_entity_across_a_line_break_is_split_not_dropped(nlp):
    text = "Your player cannot play HTML5\n\nMorales Mourned As Crowds Gather\n\nMorales died on Sunday in La Paz."
    p = parsed_with(nlp, text, [("HTML5\n\nMorales", "ORG"), ("Morales", "PERSON", 1), ("La Paz", "GPE")])
    found = _found(find_mentions(p))
    assert ("HTML5\n\nMorales", "ORG", "ner") not in found
    assert ("HTML5", "ORG", "ner") not in found  # a notice line, not prose
    assert ("Morales", "ORG", "ner") in found  # the real name in the headline stays
    assert all("\n" not in t for t, _, _ in found)


def test_headline_read_as_a_name_is_dropped(nlp):
    text = "Flood Aftermath\n\nThe flood destroyed homes near the river. Aid workers in Dhaka counted the damage."
    p = parsed_with(nlp, text, [("Flood Aftermath", "PERSON"), ("Dhaka", "GPE")])
    assert _found(find_mentions(p)) == [("Dhaka", "GPE", "ner")]


def test_headline_word_used_lowercase_in_the_text_is_dropped(nlp):
    text = "Flood Kills Dozens In Villages\n\nA flood swept through the villages near Dhaka."
    p = parsed_with(nlp, text, [("Flood Kills", "PERSON"), ("Dhaka", "GPE")])
    assert [t for t, _, _ in _found(find_mentions(p))] == ["Dhaka"]


def test_corroborated_name_in_a_headline_is_kept(nlp):
    text = "Obama Visits Kenya\n\nObama arrived in Nairobi on Sunday."
    p = parsed_with(nlp, text, [("Obama", "PERSON"), ("Kenya", "GPE"), ("Obama", "PERSON", 1), ("Nairobi", "GPE")])
    assert ("Obama", "PERSON", "ner") in _found(find_mentions(p)[:1])


def test_caption_credit_is_dropped(nlp):
    text = "Crowds gathered in the square of Lima. Credit: AFP\n"
    p = parsed_with(nlp, text, [("Lima", "GPE"), ("AFP", "ORG")])
    assert _found(find_mentions(p)) == [("Lima", "GPE", "ner")]


def test_leading_article_and_possessive_are_trimmed(nlp):
    text = "The United Nations welcomed the decision. The Red Cross's teams arrived."
    p = parsed_with(nlp, text, [("The United Nations", "ORG"), ("The Red Cross's", "ORG")])
    found = find_mentions(p)
    assert [m.text for m in found] == ["United Nations", "Red Cross"]
    assert all(text[m.start:m.end] == m.text for m in found)


@pytest.mark.parametrize("text, fragment", [
    ("Defence Secretary Ben Wallace spoke in London.", "Defence"),
    ("The Supreme Leader Ali Khamenei wept in Tehran.", "Supreme"),
    ("Secretary of State Mike Pompeo spoke in Paris.", "State"),
])
def test_one_word_fragment_of_a_title_is_dropped(nlp, text, fragment):
    p = parsed_with(nlp, text, [(fragment, "ORG")])
    assert find_mentions(p) == []


def test_acronym_before_a_title_is_kept(nlp):
    text = "NATO Secretary General Jens Stoltenberg spoke."
    p = parsed_with(nlp, text, [("NATO", "ORG")])
    assert [m.text for m in find_mentions(p)] == ["NATO"]


def test_acronym_definition_and_its_later_uses(nlp):
    text = "The World Health Organization (WHO) met. Later the WHO's chief spoke."
    p = parsed_with(nlp, text, [("World Health Organization", "ORG")])
    found = _found(find_mentions(p))
    assert found == [("World Health Organization", "ORG", "ner"), ("WHO", "ORG", "acronym"),
                     ("WHO", "ORG", "string-match")]


def test_bracketed_word_that_is_no_acronym_is_ignored(nlp):
    text = "The World Health Organization (Geneva) met."
    p = parsed_with(nlp, text, [("World Health Organization", "ORG")])
    assert [m.rule for m in find_mentions(p)] == ["ner"]


def test_missed_repetitions_and_surnames_are_added(nlp):
    text = "Angela Merkel met Emmanuel Macron in Berlin. Later Merkel said Berlin was ready. Mrs Merkel left."
    p = parsed_with(nlp, text, [("Angela Merkel", "PERSON"), ("Emmanuel Macron", "PERSON"), ("Berlin", "GPE")])
    found = _found(find_mentions(p))
    assert ("Merkel", "PERSON", "string-match") in found
    assert found.count(("Merkel", "PERSON", "string-match")) == 2
    assert ("Berlin", "GPE", "string-match") in found


def test_propagation_respects_word_boundaries_and_longer_names(nlp):
    text = "I met Jack Washington in Washington. The Washington Post and Washingtonians read it."
    p = parsed_with(nlp, text, [("Washington", "GPE", 1)])
    found = [(m.start, m.text) for m in find_mentions(p)]
    assert found == [(25, "Washington")]


def test_surname_that_is_a_common_word_is_not_propagated(nlp):
    text = "Peter Such bowled well. He had such days before, said Such."
    p = parsed_with(nlp, text, [("Peter Such", "PERSON")])
    found = _found(find_mentions(p))
    assert found == [("Peter Such", "PERSON", "ner")]


def test_all_caps_headline_gets_known_names(nlp):
    text = "SOCCER - ARSENAL BEAT CHELSEA .\nLONDON 1996-08-30\nArsenal beat Chelsea 2-0 on Friday ."
    p = parsed_with(nlp, text, [("Arsenal", "ORG"), ("Chelsea", "ORG")])
    found = _found(find_mentions(p))
    assert ("ARSENAL", "ORG", "string-match") in found and ("CHELSEA", "ORG", "string-match") in found


def test_repeated_notice_line_across_documents_gives_no_entities(nlp):
    texts = ["Sign up to get Example Daily in your inbox\nRain fell in Oslo.", "Sign up to get Example Daily in your inbox\nSnow."]
    context = corpus_context(Document(str(i), t) for i, t in enumerate(texts))
    p = parsed_with(nlp, texts[0], [("Example Daily", "ORG"), ("Oslo", "GPE")])
    assert [m.text for m in find_mentions(p, context)] == ["Oslo"]


def test_span_holding_two_names_or_a_score_is_split_and_trimmed(nlp):
    text = "Crowds filled Kerman, Iran on Monday. Kent 108-3 led at Canterbury.\n"
    p = parsed_with(nlp, text, [("Kerman, Iran", "GPE"), ("Kent 108-3", "ORG")])
    assert [(m.text, m.label) for m in find_mentions(p)] == [("Kerman", "GPE"), ("Iran", "GPE"), ("Kent", "ORG")]


def test_unclosed_bracket_splits_name_and_acronym(nlp):
    text = "The Organisation of Islamic Conference ( OIC said no."
    p = parsed_with(nlp, text, [("Organisation of Islamic Conference ( OIC", "ORG")])
    assert [m.text for m in find_mentions(p)] == ["Organisation of Islamic Conference", "OIC"]


@pytest.mark.parametrize("first_line, place", [
    ("DUBLIN 1996-08-31", "DUBLIN"),
    ("LANDGRAAF , Netherlands 1996-08-31", "LANDGRAAF"),
    ("NEW YORK (Newswire) - Stocks rose.", "NEW YORK"),
])
def test_dateline_place_the_model_missed(nlp, first_line, place):
    text = f"Markets Rally Again\n{first_line}\nShares rose on Friday .\n"
    found = _found(find_mentions(parsed_with(nlp, text, [])))
    assert (place, "GPE", "dateline") in found


def test_dateline_place_the_model_tagged_as_an_organization(nlp):
    text = "Mills Close Early\nHARTWELL (Newswire) - Two mills closed on Friday .\n"
    found = _found(find_mentions(parsed_with(nlp, text, [("HARTWELL", "ORG")])))
    assert ("HARTWELL", "GPE", "dateline") in found and ("HARTWELL", "ORG", "ner") not in found


def test_place_before_a_capitalized_plural_is_a_team(nlp):
    text = "The Dunmore 49ers fired their coach . Dunmore residents were surprised ."
    p = parsed_with(nlp, text, [("Dunmore", "GPE"), ("Dunmore", "GPE", 1)])
    p.doc[2].tag_ = "NNPS"  # as the tagger reads a nickname
    found = _found(find_mentions(p))
    assert ("Dunmore 49ers", "ORG", "ner") in found and ("Dunmore", "GPE", "ner") in found


def test_no_dateline_in_the_body_or_in_a_headline(nlp):
    text = "SOCCER - ARSENAL WIN .\nArsenal won .\nMore text .\nAnd more .\nOSLO 1996-08-31\n"
    assert [m for m in find_mentions(parsed_with(nlp, text, [])) if m.rule == "dateline"] == []


def test_lowercase_description_is_no_name(nlp):
    text = "Storms hit the south coast on Monday."
    assert find_mentions(parsed_with(nlp, text, [("the south coast", "LOC")])) == []


def test_initialled_name_propagates_its_surname(nlp):
    text = "D. Fleming scored 40 . Fleming was out next ."
    found = _found(find_mentions(parsed_with(nlp, text, [("D. Fleming", "ORG")])))
    assert ("Fleming", "ORG", "string-match") in found or ("Fleming", "PERSON", "string-match") in found


def test_sentence_initial_plural_common_noun_is_no_name(nlp):
    text = "Coffins of the victims were carried through Kerman."
    p = parsed_with(nlp, text, [("Coffins", "PERSON"), ("Kerman", "GPE")])
    p.doc[0].tag_ = "NNS"  # as the tagger reads it
    assert [m.text for m in find_mentions(p)] == ["Kerman"]


def test_sentence_initial_plural_name_written_in_lowercase_elsewhere_is_no_name(nlp):
    text = "Velbury chose a federalist mayor.\nFederalists, in general, favour regions. Velbury agreed."
    p = parsed_with(nlp, text, [("Velbury", "GPE"), ("Federalists", "PERSON"), ("Velbury", "GPE", 1)])
    p.doc[7].tag_ = "NNPS"  # as the tagger reads a capitalized plural
    assert [m.text for m in find_mentions(p)] == ["Velbury", "Velbury"]
    # Without the lowercase use the plural stays a name ("Rangers" of a team).
    text = "Velbury chose a mayor.\nFederalists, in general, favour regions. Velbury agreed."
    p = parsed_with(nlp, text, [("Velbury", "GPE"), ("Federalists", "PERSON"), ("Velbury", "GPE", 1)])
    p.doc[6].tag_ = "NNPS"
    assert "Federalists" in [m.text for m in find_mentions(p)]


def test_dash_and_number_between_names_split_the_span(nlp):
    text = "Romania - Cosmin Contra scored . Haitai 2 Samsung 1 .\n"
    p = parsed_with(nlp, text, [("Romania - Cosmin Contra", "ORG"), ("Haitai 2 Samsung", "ORG")])
    assert [m.text for m in find_mentions(p)] == ["Romania", "Cosmin Contra", "Haitai", "Samsung"]


def test_initialled_names_are_found_by_shape(nlp):
    text = "P. Simmons c Smith b A.J. Hollioake 40\nThe U.S. Army and J. Secretary were there .\n"
    p = parsed_with(nlp, text, [("U.S.", "GPE")])
    found = _found(find_mentions(p))
    assert ("P. Simmons", "PERSON", "name-shape") in found and ("A.J. Hollioake", "PERSON", "name-shape") in found
    assert not any(t.startswith("J. Sec") or "Army" in t for t, _, _ in found)


def test_headline_name_in_capitals_reaches_the_prose(nlp):
    text = "RAIN STOPS PLAY AT LEICESTERSHIRE .\nRain stopped play . Leicestershire were 90 for two .\n"
    p = parsed_with(nlp, text, [("LEICESTERSHIRE", "ORG")])
    assert ("Leicestershire", "ORG", "string-match") in _found(find_mentions(p))


def test_all_caps_common_word_is_no_name_but_sentence_initial_institution_is(nlp):
    text = "SOCCER - LEEDS WIN .\nLEEDS 1996-08-30\nThe soccer season began . Navy divers and the navy band played .\n"
    p = parsed_with(nlp, text, [("SOCCER", "ORG"), ("Navy", "ORG")])
    found = [m.text for m in find_mentions(p)]
    assert "SOCCER" not in found and "Navy" in found


def test_a_title_with_no_name_is_no_mention(nlp):
    text = "Rear Admiral said the fleet would sail. Msgr. Tom Kelly led the mass. The Associate Dean spoke."
    p = parsed_with(nlp, text, [("Rear Admiral", "PERSON"), ("Msgr.", "ORG"), ("Tom Kelly", "PERSON"),
                                ("Associate Dean", "ORG")])
    assert [t for t, _, _ in _found(find_mentions(p))] == ["Tom Kelly"]


def test_a_name_made_of_title_words_is_kept(nlp):
    text = "The National Guard and the Supreme Court met Dean Varga and President Olmo."
    p = parsed_with(nlp, text, [("National Guard", "ORG"), ("Supreme Court", "ORG"), ("Dean Varga", "PERSON"),
                                ("Olmo", "PERSON")])
    assert {t for t, _, _ in _found(find_mentions(p))} >= {"National Guard", "Supreme Court", "Dean Varga", "Olmo"}


def test_a_gerund_opening_the_sentence_is_no_part_of_the_name(nlp):
    from tests.unit.test_entity_evidence import _parsed
    p = _parsed(nlp, "Following Smithers to the podium, Jones spoke.", [("Following Smithers", "PERSON"), ("Jones", "PERSON")])
    assert [t for t, _, _ in _found(find_mentions(p))] == ["Smithers", "Jones"]
    p = _parsed(nlp, "Reading Football Club lost on Saturday.", [("Reading Football Club", "ORG")])
    assert [t for t, _, _ in _found(find_mentions(p))] == ["Reading Football Club"]


def test_an_abbreviated_title_after_its_qualifier_is_no_mention(nlp):
    from tests.unit.test_entity_evidence import _parsed
    p = _parsed(nlp, "He became assistant GM in 2003.", [("GM", "ORG")])
    assert _found(find_mentions(p)) == []
    p = _parsed(nlp, "Three senior GM engineers left.", [("GM", "ORG")])
    assert [t for t, _, _ in _found(find_mentions(p))] == ["GM"]


def test_an_emcee_is_no_name(nlp):
    p = parsed_with(nlp, "He was the M.C. of the awards show.", [("M.C.", "GPE")])
    assert _found(find_mentions(p)) == []
