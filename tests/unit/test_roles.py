"""Titles and roles, the roles extractor alone (`title_phrases`, `resolve_organization`,
`roles.title_records`, `roles.possessive_affiliations`) over real parses with hand-built
entities (one per NER span). Nothing is applied: an organization the rules would create
shows as a `NewEntity` record (what the stage makes of them: test_relations_stage.py)."""
from __future__ import annotations

from dataclasses import dataclass, field

from graphbuild.extract import roles
from graphbuild.extract.organizations import NOTHING, resolve_organization
from graphbuild.extract.records import FoundMembership, FoundRelation, FoundTitle, NewEntity, NewMention
from graphbuild.extract.title_phrases import title_phrases
from tests.helpers.extract import view_of


@dataclass
class Found:
    """What the roles extractor found, with entity ids read as labels."""

    facts: set[tuple[str, str, str]] = field(default_factory=set)
    titles: dict[str, list[str]] = field(default_factory=dict)
    memberships: list[FoundMembership] = field(default_factory=list)
    created: list[NewEntity | NewMention] = field(default_factory=list)


def roles_of(nlp, text: str) -> Found:
    view = view_of(nlp, text)
    out, records = Found(), []
    phrases = title_phrases(view)
    for tp in phrases:
        found = NOTHING if tp.affiliation is None else resolve_organization(view, tp.affiliation)
        org = found.organization
        if isinstance(org, (NewEntity, NewMention)):
            out.created.append(org)
        org_id = "new:" + org.label if isinstance(org, NewEntity) else getattr(org, "entity", org)
        records += roles.title_records(tp, org_id, found.place)
    related = {(r.subject, r.object) for r in records if isinstance(r, FoundRelation)}
    records += roles.possessive_affiliations(view, phrases, related)

    def label(eid: str) -> str:
        return eid[4:] if eid.startswith("new:") else view.label(eid)

    for r in records:
        if isinstance(r, FoundRelation):
            out.facts.add((label(r.subject), r.predicate, label(r.object)))
        elif isinstance(r, FoundMembership):
            out.memberships.append(r)
        elif isinstance(r, FoundTitle):
            out.titles.setdefault(label(r.entity), []).append(r.title)
    return out


def titles(found: Found, name: str) -> tuple[str, ...]:
    return tuple(dict.fromkeys(found.titles[name]))


def test_premodifier_title_with_portfolio(nlp):
    m = roles_of(nlp, "But Secretary of State Mike Pompeo said the decision was right.")
    assert titles(m, "Mike Pompeo") == ("Secretary of State",)
    assert not [f for f in m.facts if f[1] in ("headOf", "memberOf", "worksFor")]


def test_possessive_org_top_commander_is_head(nlp):
    m = roles_of(nlp, "At the start, the IRGC's top commander Hossein Salami threatened to go.")
    assert ("Hossein Salami", "headOf", "IRGC") in m.facts
    assert titles(m, "Hossein Salami") == ("top commander",)
    (ms,) = m.memberships
    assert ms.role == "top commander" and ms.rule == "title-premodifier"


def test_party_leader(nlp):
    m = roles_of(nlp, "Labour leader Jeremy Corbyn questioned why.")
    assert ("Jeremy Corbyn", "headOf", "Labour") in m.facts


def test_appositive_head_of_common_noun_keeps_title_only(nlp):
    m = roles_of(nlp, "Pirhossein Koulivand, the head of Iran's emergency medical services, told state television.")
    assert titles(m, "Pirhossein Koulivand") == ("head of Iran's emergency medical services",)
    assert not m.facts and not m.memberships
    assert not m.created


def test_appositive_head_of_named_org(nlp):
    m = roles_of(nlp, "General Mark Milley, chairman of the Joint Chiefs of Staff, added that it was a draft.")
    assert any(p == "headOf" and s == "Mark Milley" for s, p, _ in m.facts)


def test_deputy_is_member_not_head(nlp):
    m = roles_of(nlp, "The letter went to Abdul Amir, the deputy director of Combined Joint Operations.")
    f = m.facts
    assert any(p == "memberOf" for _, p, _ in f)
    assert not any(p == "headOf" for _, p, _ in f)


def test_head_of_state_is_no_organization(nlp):
    m = roles_of(nlp, "John Smith, the head of state, arrived in the city.")
    assert titles(m, "John Smith") == ("head of state",)
    assert not m.facts and not m.memberships


def test_chief_executive_heads_the_company(nlp):
    # "chief executive" leads the company (issue 15: "chief executive of" is headOf), though
    # "executive" alone is a job
    m = roles_of(nlp, "Apple chief executive Tim Cook said so.")
    assert ("Tim Cook", "headOf", "Apple") in m.facts


def test_job_at_news_org_is_works_for(nlp):
    m = roles_of(nlp, "Apple marketing executive Tim Cook said so.")
    assert ("Tim Cook", "worksFor", "Apple") in m.facts


def test_former_title_makes_no_edge(nlp):
    m = roles_of(nlp, "Former Labour leader Tony Blair spoke.")
    assert not m.facts and not m.memberships
    assert titles(m, "Tony Blair") == ("former leader",)


# -- recall patterns: role nouns, qualifiers, short names, possessives, units --------------


def test_player_position_is_member(nlp):
    m = roles_of(nlp, "New Orleans Saints running back Reggie Bush is out for the season.")
    assert ("Reggie Bush", "memberOf", "New Orleans Saints") in m.facts


def test_qualified_correspondent_works_for(nlp):
    m = roles_of(nlp, "CNN chief medical correspondent Sanjay Gupta said the tests were clear.")
    assert ("Sanjay Gupta", "worksFor", "CNN") in m.facts


def test_short_plural_team_name_links_to_full_org(nlp):
    m = roles_of(nlp, "San Diego Chargers lost again. Chargers general manager A.J. Smith said the team was aware.")
    assert ("A.J. Smith", "worksFor", "San Diego Chargers") in m.facts
    assert [c.span.text for c in m.created if isinstance(c, NewMention)] == ["Chargers"]


def test_tail_of_capitalized_phrase_is_no_org(nlp):
    m = roles_of(nlp, "He bugged the Civil Rights leader Martin Luther King.")
    assert not m.facts and "Rights" not in {c.label for c in m.created}


def test_possessive_org_before_name_works_for(nlp):
    m = roles_of(nlp, "The BBC's Frances Harrison in Tehran says children were hurt.")
    assert ("Frances Harrison", "worksFor", "BBC") in m.facts


def test_possessive_place_is_no_employer(nlp):
    m = roles_of(nlp, "Germany's Gene Pukall said so.")
    assert not [f for f in m.facts if f[1] in ("headOf", "memberOf", "worksFor")]


def test_appositive_with_department_words_works_for(nlp):
    m = roles_of(nlp, "Noah Greenwald, biodiversity program director for the Center for Biological Diversity, said so.")
    assert any(s == "Noah Greenwald" and p == "worksFor" and o.endswith("Center for Biological Diversity") for s, p, o in m.facts)
    assert not any(p == "headOf" for _, p, _ in m.facts)


def test_head_of_a_unit_for_org_is_works_for_not_head(nlp):
    m = roles_of(nlp, "Susan Smith, head of house production for Paperny Films, said so.")
    f = m.facts
    assert any(s == "Susan Smith" and p == "worksFor" for s, p, _ in f)
    assert not any(p == "headOf" for _, p, _ in f)


def test_president_of_org_appositive_is_head(nlp):
    m = roles_of(nlp, "Tom Jones, president of ABC Entertainment Group, said so.")
    assert ("Tom Jones", "headOf", "ABC Entertainment Group") in m.facts


def test_modifiers_then_title_appositive(nlp):
    m = roles_of(nlp, "Jamie Clark, executive vice president of Defenders of Wildlife, said so.")
    f = m.facts
    assert ("Jamie Clark", "memberOf", "Defenders of Wildlife") in f
    assert not any(p == "headOf" for _, p, _ in f)
