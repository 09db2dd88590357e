"""Titles and roles over real parses with hand-built entities (one per NER span)."""
from __future__ import annotations

import pytest

from graphbuild.extract.relations_stage import relations_stage
from graphbuild.model import Document, Entity, GraphModel, Mention
from graphbuild.nlp import parse

KIND = {"PERSON": "Person", "ORG": "Organization", "GPE": "Place", "LOC": "Place", "FAC": "Place"}


def build_model(nlp, text: str, doc_id: str = "t"):
    """A ParsedDocument and a model with one entity per spaCy entity span."""
    parsed = parse(nlp, Document(doc_id, text))
    ents = []
    for e in parsed.doc.ents:
        if e.label_ in KIND:
            s, t = parsed.source(e.start_char, e.end_char)
            ss, st = parsed.source(e.sent.start_char, e.sent.end_char)
            mention = Mention(doc_id, s, t, text[s:t], e.label_, ss, st)
            ents.append(Entity(f"e{len(ents) + 1}", KIND[e.label_], e.text, mentions=(mention,)))
    return parsed, GraphModel(documents=(parsed.document,), entities=tuple(ents))


def run(nlp, text: str) -> GraphModel:
    parsed, model = build_model(nlp, text)
    return relations_stage(parsed, model)


def facts(model: GraphModel) -> set[tuple[str, str, str]]:
    label = {e.id: e.label for e in model.entities}
    return {(label[r.subject], r.predicate, label[r.object]) for r in model.relations}


def titles(model: GraphModel, name: str) -> tuple[str, ...]:
    return next(e.titles for e in model.entities if e.label == name)


def test_premodifier_title_with_portfolio(nlp):
    m = run(nlp, "But Secretary of State Mike Pompeo said the decision was right.")
    assert titles(m, "Mike Pompeo") == ("Secretary of State",)
    assert not [r for r in m.relations if r.predicate in ("headOf", "memberOf", "worksFor")]


def test_possessive_org_top_commander_is_head(nlp):
    m = run(nlp, "At the start, the IRGC's top commander Hossein Salami threatened to go.")
    assert ("Hossein Salami", "headOf", "IRGC") in facts(m)
    assert titles(m, "Hossein Salami") == ("top commander",)
    (ms,) = m.memberships
    assert ms.role == "top commander" and ms.evidence[0].rule == "title-premodifier"


def test_party_leader(nlp):
    m = run(nlp, "Labour leader Jeremy Corbyn questioned why.")
    assert ("Jeremy Corbyn", "headOf", "Labour") in facts(m)


def test_appositive_head_of_common_noun_keeps_title_only(nlp):
    m = run(nlp, "Pirhossein Koulivand, the head of Iran's emergency medical services, told state television.")
    assert titles(m, "Pirhossein Koulivand") == ("head of Iran's emergency medical services",)
    assert not m.relations and not m.memberships
    assert not [e for e in m.entities if e.kind == "Organization"]


def test_appositive_head_of_named_org(nlp):
    m = run(nlp, "General Mark Milley, chairman of the Joint Chiefs of Staff, added that it was a draft.")
    assert any(p == "headOf" and s == "Mark Milley" for s, p, _ in facts(m))


def test_deputy_is_member_not_head(nlp):
    m = run(nlp, "The letter went to Abdul Amir, the deputy director of Combined Joint Operations.")
    f = facts(m)
    assert any(p == "memberOf" for _, p, _ in f)
    assert not any(p == "headOf" for _, p, _ in f)


def test_head_of_state_is_no_organization(nlp):
    m = run(nlp, "John Smith, the head of state, arrived in the city.")
    assert titles(m, "John Smith") == ("head of state",)
    assert not m.relations and not m.memberships


def test_job_at_news_org_is_works_for(nlp):
    m = run(nlp, "Apple chief executive Tim Cook said so.")
    assert ("Tim Cook", "worksFor", "Apple") in facts(m)


def test_former_title_makes_no_edge(nlp):
    m = run(nlp, "Former Labour leader Tony Blair spoke.")
    assert not m.relations and not m.memberships
    assert titles(m, "Tony Blair") == ("former leader",)


def test_every_fact_has_sentence_evidence(nlp):
    text = "Labour leader Jeremy Corbyn questioned why. Nothing else happened."
    m = run(nlp, text)
    (r,) = m.relations
    ev = r.evidence[0]
    assert text[ev.start : ev.end] == "Labour leader Jeremy Corbyn questioned why."
    assert 0 < ev.confidence <= 1 and ev.doc_id == "t"


# -- recall patterns: role nouns, qualifiers, short names, possessives, units --------------


def test_player_position_is_member(nlp):
    m = run(nlp, "New Orleans Saints running back Reggie Bush is out for the season.")
    assert ("Reggie Bush", "memberOf", "New Orleans Saints") in facts(m)


def test_qualified_correspondent_works_for(nlp):
    m = run(nlp, "CNN chief medical correspondent Sanjay Gupta said the tests were clear.")
    assert ("Sanjay Gupta", "worksFor", "CNN") in facts(m)


def test_short_plural_team_name_links_to_full_org(nlp):
    m = run(nlp, "San Diego Chargers lost again. Chargers general manager A.J. Smith said the team was aware.")
    assert ("A.J. Smith", "worksFor", "San Diego Chargers") in facts(m)
    org = next(e for e in m.entities if e.label == "San Diego Chargers")
    assert "Chargers" in {x.text for x in org.mentions}


def test_tail_of_capitalized_phrase_is_no_org(nlp):
    m = run(nlp, "He bugged the Civil Rights leader Martin Luther King.")
    assert not m.relations and "Rights" not in {e.label for e in m.entities}


def test_possessive_org_before_name_works_for(nlp):
    m = run(nlp, "The BBC's Frances Harrison in Tehran says children were hurt.")
    assert ("Frances Harrison", "worksFor", "BBC") in facts(m)


def test_possessive_place_is_no_employer(nlp):
    m = run(nlp, "Germany's Gene Pukall said so.")
    assert not [r for r in m.relations if r.predicate in ("headOf", "memberOf", "worksFor")]


def test_appositive_with_department_words_works_for(nlp):
    m = run(nlp, "Noah Greenwald, biodiversity program director for the Center for Biological Diversity, said so.")
    assert any(s == "Noah Greenwald" and p == "worksFor" and o.endswith("Center for Biological Diversity") for s, p, o in facts(m))
    assert not any(p == "headOf" for _, p, _ in facts(m))


def test_head_of_a_unit_for_org_is_works_for_not_head(nlp):
    m = run(nlp, "Susan Smith, head of house production for Paperny Films, said so.")
    f = facts(m)
    assert any(s == "Susan Smith" and p == "worksFor" for s, p, _ in f)
    assert not any(p == "headOf" for _, p, _ in f)


def test_president_of_org_appositive_is_head(nlp):
    m = run(nlp, "Tom Jones, president of ABC Entertainment Group, said so.")
    assert ("Tom Jones", "headOf", "ABC Entertainment Group") in facts(m)


def test_modifiers_then_title_appositive(nlp):
    m = run(nlp, "Jamie Clark, executive vice president of Defenders of Wildlife, said so.")
    f = facts(m)
    assert ("Jamie Clark", "memberOf", "Defenders of Wildlife") in f
    assert not any(p == "headOf" for _, p, _ in f)
