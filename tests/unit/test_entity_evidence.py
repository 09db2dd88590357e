"""Entity types, credits and short forms (issue 15, items 1-3): one rule per test, on
sentences written for the test (invented names where a name would be a real one)."""
from __future__ import annotations

from spacy.tokens import Doc

from graphbuild.extract.boilerplate import caption_spans
from graphbuild.extract.kind_cues import find_kind_cues
from graphbuild.extract.mentions import find_mentions
from graphbuild.model import Document
from graphbuild.nlp import ParsedDocument
from graphbuild.nlp.normalize import OffsetMap
from graphbuild.resolve.cross_doc import merge_documents
from graphbuild.lexicon.name_forms import (acronym_shaped, legal_form, name_votes, org_short_forms, person_structure,
                                           shaped_like_person, without_legal_form)
from graphbuild.resolve.within_doc import resolve_entities
from tests.helpers.cross_doc import doc_model, ent
from tests.unit.test_mentions_helpers import parsed_with


def _entities(nlp, text, ents):
    p = parsed_with(nlp, text, ents)
    return resolve_entities(p, find_mentions(p))


def _kinds(entities):
    return {e.label: e.kind for e in entities}


def _parsed(nlp, text, ents) -> ParsedDocument:
    """The real parse of `text` with the entities `ents` ((surface, label)) set."""
    doc: Doc = nlp(text)
    doc.ents = [doc.char_span(text.index(s), text.index(s) + len(s), label=label) for s, label in ents]
    return ParsedDocument(Document("d1", text), doc, OffsetMap())


# -- credits and captions (item 2) ------------------------------------------------

def test_slash_joined_photo_credits_are_captions():
    text = ("Crowds gathered in the square. (AP Photo/Jane Doerr)\nJohn Roebuck / Reuters\n"
            "The mayor spoke on Monday. (Ann Smithers/Invision/AP, File)\nIt needs VR/AR controllers.")
    spans = [text[a:b] for a, b in caption_spans(text)]
    assert spans == ["(AP Photo/Jane Doerr)", "John Roebuck / Reuters", "(Ann Smithers/Invision/AP, File)"]


def test_credit_names_abbreviations_and_demonyms_make_no_mentions(nlp):
    text = ("The talks ended at 1400 GMT in Vienna. (Jane Doerr/Getty Images)\n"
            "Profits rose in Q3 as AI sales grew, a Russian said.")
    ents = [("GMT", "ORG"), ("Vienna", "GPE"), ("Jane Doerr", "PERSON"), ("Getty Images", "ORG"),
            ("Q3", "ORG"), ("AI", "ORG"), ("Russian", "GPE")]
    assert [m.text for m in find_mentions(parsed_with(nlp, text, ents))] == ["Vienna"]
    text = "Police charged Tom Hadley with DUI after a DNA test."
    ents = [("Tom Hadley", "PERSON"), ("DUI", "ORG"), ("DNA", "ORG")]
    assert [m.text for m in find_mentions(parsed_with(nlp, text, ents))] == ["Tom Hadley"]


def test_a_capitalized_common_noun_after_a_determiner_is_no_name(nlp):
    text = "The chairman of the council spoke. The Council has decided to act. Officers made His Arrest."
    mentions = find_mentions(parsed_with(nlp, text, [("Council", "ORG"), ("Arrest", "PERSON")]))
    assert mentions == []


# -- what a name's form says (item 1) ----------------------------------------------

def test_legal_forms_head_nouns_gazetteers_and_name_structure_vote():
    assert legal_form("Globex Holdings Inc.") and without_legal_form("Initech Co.") == "Initech"
    assert not legal_form("Inc.") and not legal_form("Jane Roe")
    assert name_votes("Springfield County Police") == {"Organization": 2.0}
    assert name_votes("Blair County Courthouse")["Place"] > 0
    assert name_votes("Toronto") == {"Place": 1.0}
    assert name_votes("Mt Kellaby") == name_votes("Lake Orvanne") == {"Place": 2.0}  # a feature word opens it
    assert name_votes("Mount Orvanne Hospital") == {"Organization": 2.0}  # an organization head ends it
    assert person_structure("Jane Q. Roe") and person_structure("John Doe Jr.")
    assert not person_structure("Truth Tellers") and not person_structure("Q. Roe")


def test_a_legal_form_ends_a_name_in_capitals_or_opens_it_a_particle_is_none():
    assert legal_form("Varnholt Logistik AG") and legal_form("Pellar Tecnologia Ltda.")
    assert legal_form("OOO Kranvest") and without_legal_form("Tornby Bank AB") == "Tornby Bank"
    # "da", "de", "as" are cleanco terms too; inside or lowercase they are name particles.
    assert not legal_form("Joana Prates da Cunha") and not legal_form("Marta da")
    assert not legal_form("Vera Ab Lind") and name_votes("Rui Teles da Mota") == {}
    assert legal_form("Harrowgate Shipping plc") and legal_form("Dunmore & Co.")  # lowercase, still forms
    assert not legal_form("AB de Marchi") and not legal_form("PT Varnum")  # initials, not "PT Bank X"


def test_a_capitalized_legal_form_word_is_one_only_when_companies_write_it_so():
    assert legal_form("Tarvel Corp") and legal_form("Orlin Company") and legal_form("Vessa Oy")
    # cleanco's "Koop", "Óg", "Bt" in title case are a surname, a name word, a baronet's suffix
    assert not legal_form("C. Everett Koop") and not legal_form("Angus Óg") and not legal_form("Sir Tom Vane, 5th Bt")
    assert name_votes("C. Everett Koop") == {}


def test_given_surname_shape_and_acronym_shape():
    assert shaped_like_person("Tendai Mashonga") and not shaped_like_person("North Mashonga")
    assert not shaped_like_person("Globex Police") and not shaped_like_person("Paris Mashonga")
    assert acronym_shaped("WGA-EAST") and acronym_shaped("AT&T") and not acronym_shaped("Nasa")


def test_org_short_forms_first_word_or_the_founder_name_before_a_legal_form():
    assert org_short_forms("Acme Industrial Holdings") == {"acme"}
    assert org_short_forms("Walt Disney Co.") == {"walt", "disney"}
    assert org_short_forms("Springfield County Police") == frozenset()  # a place opens it
    assert org_short_forms("Acme") == frozenset()


def test_unconfirmed_place_tags_yield_to_name_form(nlp):
    text = ("Tendai Mashonga bowled well. The Springfield County Police closed roads. Officers of "
            "the Springfield County Police spoke in Toronto.")
    ents = [("Tendai Mashonga", "FAC"), ("Springfield County Police", "FAC"), ("Toronto", "GPE")]
    kinds = _kinds(_entities(nlp, text, ents))
    assert kinds == {"Tendai Mashonga": "Person", "Springfield County Police": "Organization", "Toronto": "Place"}


def test_saint_before_a_city_is_no_title(nlp):
    (e,) = _entities(nlp, "Flights to St Louis resumed.", [("St Louis", "GPE")])
    assert (e.label, e.kind, e.titles) == ("St Louis", "Place", ())


def test_acronym_and_country_names_are_no_persons(nlp):
    text = "The WGA-EAST union met. WGA-EAST said no. Georgia voted, and Georgia said."
    kinds = _kinds(_entities(nlp, text, [("WGA-EAST", "PERSON"), ("WGA-EAST", "PERSON", 1),
                                         ("Georgia", "PERSON"), ("Georgia", "PERSON", 1)]))
    assert kinds == {"WGA-EAST": "Organization", "Georgia": "Place"}


def test_possessor_of_staff_or_of_a_person_is_no_person(nlp):
    text = "Globex's chief executive Jane Roe resigned. Reporters asked Initech's Ann Smithers."
    ents = [("Globex", "PERSON"), ("Jane Roe", "PERSON"), ("Initech", "PERSON"), ("Ann Smithers", "PERSON")]
    p = _parsed(nlp, text, ents)
    cues = {(text[c.start:c.end], c.kind, c.rule) for c in find_kind_cues(p, find_mentions(p))}
    assert {(name, kind) for name, kind, _ in cues} == {("Globex", "Organization"), ("Initech", "Organization")}
    assert cues <= {(n, "Organization", r) for n in ("Globex", "Initech")
                    for r in ("possessor-of-staff", "possessor-of-person")}


def test_names_listed_together_vote_for_each_other(nlp):
    text = "Studios including Globex, Initech and Hooli refused."
    p = _parsed(nlp, text, [("Globex", "ORG"), ("Initech", "GPE"), ("Hooli", "ORG")])
    mentions = find_mentions(p)
    kinds = _kinds(resolve_entities(p, mentions, tuple(find_kind_cues(p, mentions))))
    assert kinds == {"Globex": "Organization", "Initech": "Organization", "Hooli": "Organization"}


# -- short forms (item 3) ----------------------------------------------------------

def test_a_given_surname_tagged_org_takes_its_person_tagged_surname(nlp):
    text = "Ravi Okonkwo scored twice. Okonkwo was tired, and Okonkwo rested."
    entities = _entities(nlp, text, [("Ravi Okonkwo", "ORG"), ("Okonkwo", "PERSON", 1), ("Okonkwo", "PERSON", 2)])
    assert [(e.label, e.kind, len(e.mentions)) for e in entities] == [("Ravi Okonkwo", "Person", 3)]


def test_legal_forms_and_one_word_short_forms_join_the_organization(nlp):
    text = ("The Globex Holdings Co. said on Monday that Globex Holdings Company would grow. Globex "
            "shares rose. Acme Industrial Holdings fell; Acme said little.")
    ents = [("Globex Holdings Co.", "ORG"), ("Globex Holdings Company", "ORG"), ("Globex", "ORG", 2),
            ("Acme Industrial Holdings", "ORG"), ("Acme", "ORG", 1)]
    entities = _entities(nlp, text, ents)
    assert sorted((e.label, len(e.mentions)) for e in entities) == [("Acme Industrial Holdings", 2),
                                                                   ("Globex Holdings Co.", 3)]


def test_state_abbreviation_names_the_state(nlp):
    text = "It opened in Fresno, Calif., on Monday. California officials came."
    entities = _entities(nlp, text, [("Fresno", "GPE"), ("Calif.", "GPE"), ("California", "GPE")])
    assert sorted((e.label, len(e.mentions)) for e in entities) == [("California", 2), ("Fresno", 1)]


def orgs(*docs):
    models = [doc_model(d, [ent(d, "e1", "Organization", label)]) for d, label in docs]
    return sorted(e.label for e in merge_documents(models).entities)


def test_across_documents_short_legal_and_compact_forms_join():
    assert orgs(("a", "Walt Globex Co."), ("b", "Globex")) == ["Walt Globex Co."]
    assert orgs(("a", "Initech Corp."), ("b", "Initech Corporation")) == ["Initech Corp."]
    assert orgs(("a", "United Widgetcare"), ("b", "UnitedWidgetcare")) == ["United Widgetcare"]


def test_an_ambiguous_short_form_joins_neither_organization():
    assert orgs(("a", "Acme Foods"), ("b", "Acme Motors"), ("c", "Acme")) == ["Acme", "Acme Foods", "Acme Motors"]


def test_a_node_kind_hears_the_legal_form_of_any_member():
    from graphbuild.resolve.kinds import decide_kind

    person = ent("a", "e1", "Person", "Walt Globex", "Globex")  # two mentions tagged PERSON
    company = ent("b", "e1", "Organization", "Walt Globex Co.")
    assert decide_kind([person]) == "Person"
    assert decide_kind([person, company]) == "Organization"
