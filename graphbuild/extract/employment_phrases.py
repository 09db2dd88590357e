"""Employers and parties of people from the nouns that describe them, where no verb or
title rule reads them:

- an occupation noun with "at"/"for" an organization said of a person: "X is a lecturer
  at ORG", "X, a professor of law at ORG", "X, an engineer at ORG": worksFor;
- an organization's name before an occupation noun said of a person: "X is a BBC
  journalist", "Acme engineer X": worksFor;
- a party's name before a politician's noun: "X is an Arvish Labour Party politician",
  "X, a Green Party candidate": memberOf the party;
- a title owned by "its"/"their" standing for an organization: "its leader X", "X, its
  chairman": the title's predicate (`roles.predicate_for`: headOf, worksFor, memberOf).
"Former" or "ex-" on the noun tells a past job or party, never a current one: none.
Read-only: yields FoundRelation records; the stage applies them.
"""
from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from graphbuild.extract.affiliation_phrases import organizations
from graphbuild.extract.person_facts import described_person
from graphbuild.extract.records import FoundRelation
from graphbuild.extract.roles import predicate_for
from graphbuild.extract.view import DocumentView

# Nouns of paid work whose "at"/"for" ORG, or whose ORG premodifier, is the employer.
# No "student", "graduate", "fellow", "member", "visitor": none of them is employed.
OCCUPATION_NOUNS = frozenset(
    "professor lecturer researcher scientist engineer journalist reporter correspondent editor "
    "columnist writer analyst economist employee staffer teacher instructor physician surgeon "
    "nurse lawyer attorney consultant designer developer programmer producer presenter anchor "
    "curator librarian adviser advisor official spokesman spokeswoman spokesperson executive "
    "chemist physicist historian mathematician biologist astronaut pilot photographer "
    "accountant architect diplomat broadcaster commentator".split())
EMPLOYER_PREPS = frozenset(("at", "for"))
# Nouns of a party's people: "a Labour Party politician", "a Green Party candidate".
PARTY_PEOPLE = frozenset("politician activist lawmaker legislator candidate nominee member".split())
PAST_WORDS = frozenset("former ex ex- onetime erstwhile then retired".split())
CONFIDENCE = 0.7


def find_employment_phrases(view: DocumentView) -> Iterator[FoundRelation]:
    """worksFor and party memberOf from describing nouns (see the module docstring)."""
    for noun in view.doc:
        low = noun.lemma_.lower()
        if noun.pos_ not in ("NOUN", "PROPN") or _past(noun):
            continue
        if low in OCCUPATION_NOUNS:
            yield from _employers(view, noun)
        if low in PARTY_PEOPLE:
            yield from _parties(view, noun)
        yield from _pronoun_titles(view, noun)


def _past(noun: Token) -> bool:
    return any(c.lower_ in PAST_WORDS or c.lower_.startswith("ex-") for c in noun.children)


def _holder(view: DocumentView, noun: Token) -> str | None:
    """The person the noun describes: "X is a NOUN", "X, a NOUN", or "NOUN X" (the name
    the noun premodifies)."""
    person = described_person(view, noun)
    if person is None and noun.dep_ == "compound" and view.token_kind(noun.head) == "Person":
        person = view.token_entity(noun.head)
    return person if person is not None and view.kind(person) == "Person" else None


def _employers(view: DocumentView, noun: Token) -> Iterator[FoundRelation]:
    """worksFor the organization of "NOUN at/for ORG" (also after "of FIELD": "a professor
    of law at ORG") or of an organization's name premodifying the noun ("a BBC journalist")."""
    person = _holder(view, noun)
    if person is None:
        return
    heads = [noun, *(o for p in noun.children if p.dep_ == "prep" and p.lower_ == "of"
                     for o in p.children if o.dep_ == "pobj")]
    objects = [o for h in heads for p in h.children if p.dep_ == "prep" and p.lower_ in EMPLOYER_PREPS
               for o in p.children if o.dep_ == "pobj"]
    for o in objects:
        for org in organizations(view, o):
            yield FoundRelation(person, "worksFor", org, noun.sent, "occupation-at", CONFIDENCE)
    # a capitalized title ("the County Solicitor") is the title rules' to read
    org = _premodifier(view, noun) if noun.is_lower else None
    if org is not None:
        yield FoundRelation(person, "worksFor", org, noun.sent, "occupation-premodifier", CONFIDENCE)


def _parties(view: DocumentView, noun: Token) -> Iterator[FoundRelation]:
    """memberOf a party whose name premodifies a party person's noun."""
    org = _premodifier(view, noun)
    if org is None or "party" not in view.label(org).lower().split():
        return
    person = _holder(view, noun)
    if person is not None:
        yield FoundRelation(person, "memberOf", org, noun.sent, "party-premodifier", CONFIDENCE)


def _premodifier(view: DocumentView, noun: Token) -> str | None:
    """The organization named by the compound words right before `noun` ("BBC" of "a BBC
    journalist", "Labour Party" of "an Arvish Labour Party politician")."""
    mods = [c for c in noun.children if c.dep_ in ("compound", "amod") and c.i < noun.i]
    if not mods or mods[-1].i != noun.i - 1:
        return None
    eid = view.token_entity(mods[-1])
    return eid if eid is not None and view.kind(eid) == "Organization" else None


def _pronoun_titles(view: DocumentView, noun: Token) -> Iterator[FoundRelation]:
    """The title's predicate between the person named beside "its/their NOUN" and the
    organization the possessive stands for ("its leader X", "X, its chief executive")."""
    poss = next((c for c in noun.children if c.dep_ == "poss" and c.lower_ in ("its", "their")), None)
    if poss is None:
        return
    first = min((c.i for c in noun.children if c.dep_ in ("amod", "compound") and poss.i < c.i < noun.i),
                default=noun.i)
    predicate = predicate_for(noun, noun.doc[first : noun.i + 1])
    if predicate is None:
        return
    beside = [c for c in noun.children if c.dep_ == "appos"]
    if noun.dep_ in ("appos", "compound"):
        beside.append(noun.head)
    person = next((e for t in beside if (e := view.token_entity(t)) is not None and view.kind(e) == "Person"), None)
    org = view.referent(poss)
    if person is not None and org is not None and view.kind(org) == "Organization":
        yield FoundRelation(person, predicate, org, noun.sent, "title-possessive-pronoun", CONFIDENCE)
