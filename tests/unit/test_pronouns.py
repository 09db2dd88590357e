"""Pronouns and definite subjects linked to their entities (`extract.pronouns`), and the
relations they let the extractors find (hand-built entities, one per NER span)."""
from __future__ import annotations

from graphbuild.extract.pronouns import pronoun_links
from graphbuild.extract.relations_stage import referring_stage, relations_stage
from graphbuild.model import REFERRING_RULES
from tests.helpers.extract import build_model, stage_facts as facts, view_of


def links(nlp, text: str) -> list[tuple[str, str]]:
    view = view_of(nlp, text)
    return [(view.doc[i].text, view.label(link.entity)) for i, link in sorted(pronoun_links(view).items())]


def test_subject_pronoun_of_the_next_sentence_is_the_lead_person(nlp):
    text = "Maria Lindqvist (born 3 March 1950) is a Swedish painter. She was born in Uppsala and studied in Paris."
    assert links(nlp, text) == [("She", "Maria Lindqvist")]
    assert ("Maria Lindqvist", "birthPlace", "Uppsala") in facts(nlp, text)


def test_gender_keeps_two_people_apart(nlp):
    text = "Anna Berg met Carl Olsson in 1980. She married him in 1982. He was born in Bergen."
    assert links(nlp, text) == [("She", "Anna Berg"), ("him", "Carl Olsson"), ("He", "Carl Olsson")]
    assert ("Carl Olsson", "birthPlace", "Bergen") in facts(nlp, text)


def test_no_antecedent_before_the_pronoun_means_no_link(nlp):
    text = "Born in Winnipeg, Manitoba, he moved to Toronto in 1990. Peter Holm is a Canadian actor."
    assert links(nlp, text) == []
    assert not any(p == "birthPlace" for _, p, _ in facts(nlp, text))


def test_participle_born_clause_with_a_pronoun_subject(nlp):
    text = "Peter Holm is a Canadian actor. Born in Winnipeg, Manitoba, he moved to Toronto in 1990."
    assert ("Peter Holm", "birthPlace", "Winnipeg") in facts(nlp, text)


def test_it_stands_for_the_lead_place(nlp):
    text = "Arvika is a town in Värmland County, Sweden. It is located on the shore of Lake Glafsfjorden."
    assert links(nlp, text) == [("It", "Arvika")]


def test_expletive_it_is_no_reference(nlp):
    text = "Arvika is a town in Sweden. It is said that the lake froze in 1900."
    assert links(nlp, text) == []


def test_definite_subject_is_the_lead_organization(nlp):
    text = "Northway Records is an independent record label. The company is based in Leeds, England."
    assert links(nlp, text) == [("company", "Northway Records")]


def test_pronoun_subject_of_a_passive_signing(nlp):
    text = "Tom Baxter is a retired American football player. In 2009, he was signed by the Chicago Bears."
    assert ("Tom Baxter", "memberOf", "the Chicago Bears") in facts(nlp, text)


def test_it_is_never_a_place_named_in_passing(nlp):
    text = "The festival was a success in Marin County, California. It drew many visitors."
    assert links(nlp, text) == []


def referring(nlp, text: str) -> list[tuple[str, str, str]]:
    """(mention text, rule, entity label) of each referring mention the stage added."""
    parsed, model = build_model(nlp, text)
    m = referring_stage(parsed, relations_stage(parsed, model))
    return [(x.text, x.rule, e.label) for e in m.entities for x in e.mentions if x.rule in REFERRING_RULES]


def test_pronouns_become_mentions_but_never_labels_or_aliases(nlp):
    text = "Anna Berg met Carl Olsson in 1980. She married him in 1982. He was born in Bergen."
    parsed, model = build_model(nlp, text)
    m = referring_stage(parsed, relations_stage(parsed, model))
    got = sorted((x.text, x.rule, e.label) for e in m.entities for x in e.mentions if x.rule in REFERRING_RULES)
    assert got == [("He", "pronoun", "Carl Olsson"), ("She", "pronoun", "Anna Berg"), ("him", "pronoun", "Carl Olsson")]
    for e in m.entities:
        assert not {"He", "She", "him"} & {e.label, *e.alt_labels}
        for x in e.mentions:  # NIF-ready offsets: the mention is the source text at its span
            assert text[x.start : x.end] == x.text and x.sentence_start <= x.start < x.end <= x.sentence_end


def test_definite_subject_mention_spans_its_determiner(nlp):
    text = "Nordlys Records was founded in Tromsø in 1995. The company moved to Oslo in 2001."
    assert ("The company", "definite-subject", "Nordlys Records") in referring(nlp, text)


def test_unresolved_pronouns_add_no_mention(nlp):
    assert referring(nlp, "It was raining. They said he would come.") == []


def _with_pronouns(e, n: int):
    from dataclasses import replace

    from graphbuild.model import Mention

    doc = e.mentions[0].doc_id
    extra = tuple(Mention(doc, 200 + 5 * i, 202 + 5 * i, "he", "PERSON", 0, 300, "pronoun") for i in range(n))
    return replace(e, mentions=e.mentions + extra)


def test_referring_mentions_do_not_vote_for_a_merged_nodes_label_or_kind():
    from graphbuild.resolve.entity_match import majority_kind
    from graphbuild.resolve.facts import canonical_label, name_weight
    from tests.helpers.cross_doc import ent

    named_twice = ent("a", "e1", "Person", "Jonas Varga", "Jonas Varga")
    named_once = _with_pronouns(ent("b", "e1", "Person", "Jonas Vargha"), 5)
    assert name_weight(named_once) == 1 and name_weight(named_twice) == 2
    assert canonical_label([named_twice, named_once]) == "Jonas Varga"  # not the form with more "he"
    org_twice = ent("c", "e1", "Organization", "Varga", "Varga")
    assert majority_kind([org_twice, _with_pronouns(ent("d", "e1", "Person", "Varga"), 3)]) == "Organization"


def test_relative_who_stands_for_the_person_its_clause_modifies(nlp):
    text = "The jury heard from Maria Lindqvist, who lives in Bergen, and then adjourned."
    assert ("who", "Maria Lindqvist") in links(nlp, text)


def test_relative_which_stands_for_an_organization_never_for_a_person(nlp):
    assert ("which", "Northway Records") in links(nlp, "She joined Northway Records, which is based in Leeds.")
    assert not any(w == "which" for w, _ in links(nlp, "They praised Peter Holm, which surprised nobody."))


def test_relative_who_on_a_common_noun_links_nothing(nlp):
    text = "Maria Lindqvist thanked the nurse who treated her."
    assert not any(w == "who" for w, _ in links(nlp, text))


def test_a_datelines_place_is_no_antecedent(nlp):
    text = "SEOUL, South Korea (AP) — South Korea's central bank lowered its benchmark interest rate on Thursday."
    assert links(nlp, text) == []
    text = "OSLO, Norway (AP) — Harvik Logistics said on Monday its profit rose."
    assert links(nlp, text) == [("its", "Harvik Logistics")]
