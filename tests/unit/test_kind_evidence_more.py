"""Kinds, spans and short forms on sentences of our own: an office in apposition makes a
person, a verb the model swept into a name is no part of it, a company may share a
town's name, a job title makes a person whatever the name's head noun, "the quake hit"
is an earthquake."""
from __future__ import annotations

from graphbuild.model import Document, Entity, Mention
from graphbuild.resolve.kinds import decide_kind


def _model(nlp, text):
    from graphbuild.analyze import analyze
    from graphbuild.nlp import parse

    return analyze(parse(nlp, Document(id="t", text=text)))


def _kinds(nlp, text) -> dict[str, str]:
    return {e.label: e.kind for e in _model(nlp, text).entities}


def test_a_name_in_apposition_to_an_office_is_a_person(nlp):
    kinds = _kinds(nlp, "The new foreign minister, Maja Holm, will travel to Brussels on Thursday.")
    assert kinds.get("Maja Holm") == "Person"


def test_an_organization_in_apposition_to_a_role_noun_is_not_made_a_person(nlp):
    # One word is no personal name's shape: "the market leader" says nothing of a person.
    kinds = _kinds(nlp, "Apple, the market leader, said sales rose in China.")
    assert kinds.get("Apple") == "Organization"


def test_a_verb_the_model_swept_into_a_name_is_cut_off(nlp):
    labels = {e.label for e in _model(nlp, "Holm will travel to Brussels to meet European Union officials.").entities}
    assert not any(label.startswith("meet ") for label in labels)


def test_a_company_named_like_a_town_takes_its_short_form(nlp):
    model = _model(nlp, "Harlow Systems Inc said on Wednesday it would cut 1,200 jobs. Shares of Harlow fell "
                        "12% in extended trading.")
    (company,) = [e for e in model.entities if e.label.startswith("Harlow")]
    assert company.kind == "Organization" and sum(m.text == "Harlow" for m in company.mentions) == 1


def test_a_town_in_a_sentence_of_its_own_stays_apart_from_a_company_named_after_it(nlp):
    kinds = _kinds(nlp, "Boston Scientific said sales rose. Protesters gathered in Boston on Sunday.")
    assert kinds.get("Boston Scientific") == "Organization" and kinds.get("Boston") == "Place"


def _entity(i: int, label: str, kind: str, titles: tuple[str, ...] = ()) -> Entity:
    m = Mention(f"d{i}", 0, len(label), label, "PERSON" if kind == "Person" else "FAC", 0, len(label))
    return Entity(id=f"e{i}", kind=kind, label=label, mentions=(m,), titles=titles)


def test_a_job_title_outweighs_a_place_head_noun_in_the_name():
    # "Park" ends place names, and a document's PERSON tag alone does not outweigh it
    # ("Kennicott Glacier" tagged PERSON is a glacier); a lawyer is a person.
    assert decide_kind([_entity(1, "Ellen Park", "Person", ("lawyer",))]) == "Person"
    assert decide_kind([_entity(1, "Kennicott Glacier", "Person")]) == "Place"


def test_members_that_disagree_are_settled_by_the_name_form():
    assert decide_kind([_entity(1, "Ashton Park", "Person"), _entity(2, "Ashton Park", "Place")]) == "Place"


def test_a_cued_trigger_takes_the_sub_class_its_cue_names():
    from graphbuild.extract.event_lexicon import lexicon

    lex = lexicon()
    assert lex.kind("hit", {"quake"}) == "Earthquake"
    assert lex.kind("hit", {"storm"}) == "Storm"
    assert lex.kind("hit", {"magnitude"}) == "NaturalDisaster"  # a cue that names no sub-class


def test_a_membership_the_verb_puts_in_the_past_is_none(nlp):
    model = _model(nlp, "Mei Lin, who previously worked at Apple, founded Nova. Ann Roe works for Apple.")
    works = {(r.subject, r.object) for r in model.relations if r.predicate == "worksFor"}
    labels = {e.id: e.label for e in model.entities}
    assert {(labels[s], labels[o]) for s, o in works} == {("Ann Roe", "Apple")}


def _event_kinds(nlp, text) -> set[str]:
    return {v.kind for v in _model(nlp, text).events}


def test_a_speech_participle_qualifying_a_noun_is_no_statement(nlp):
    assert "Statement" not in _event_kinds(nlp, "Officials counted 14 cases reported since early January.")
    assert "Statement" in _event_kinds(nlp, "The results announced by the ministry on Monday showed a rise.")


def test_returning_to_work_is_no_journey(nlp):
    assert "Travel" not in _event_kinds(nlp, "Dockworkers at the port returned to work on Thursday.")
