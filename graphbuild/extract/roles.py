"""Titles and roles of people: "Secretary of State Mike Pompeo", "Labour leader Jeremy
Corbyn", "the IRGC's top commander Hossein Salami", "Pirhossein Koulivand, the head of
Iran's emergency medical services".

A person's title is read from the words right before the name (premodifiers) or from an
appositive right after it (`title_phrases`). The title goes to `Entity.titles`; where an organization is
named with it, a Membership and one shortcut edge: headOf (leading titles), worksFor
(jobs such as correspondent), memberOf (the rest). A country named with the title is a
nationality (see `affiliation`). Titles alone never invent organizations; an unknown
organization becomes an entity only if it is written as a proper name (or a capitalized
plural mid-sentence, "Chargers", or the short form of an organization named in full).
Lowercase department words before a leading title ("program director", "head of house
production for ORG") make it a job at the organization (worksFor), not headOf. "ORG's NAME"
with no title is worksFor (or the predicate of the person's title elsewhere in the text).
These functions only read the parse and yield records; `relations_stage` applies them.
"""
from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span, Token

from graphbuild.extract.records import FoundMembership, FoundRelation, FoundTitle
from graphbuild.extract.title_phrases import TitlePhrase, ends_with_position
from graphbuild.extract.view import DocumentView
from graphbuild.lexicon.roles import (
    FOUNDER_TITLES, HEAD_PHRASES, HEAD_TITLES, MODIFIERS, PAST, ROLE_ABBREVIATIONS, ROLE_NOUNS, SUBORDINATE, WORK_TITLES,
)

Record = FoundTitle | FoundMembership | FoundRelation


def _word(t: Token) -> str:
    return ROLE_ABBREVIATIONS.get(t.lower_, t.text)


def _title_text(tokens: list[Token]) -> str:
    return " ".join(_word(t) for t in tokens).replace(" - ", "-")


def predicate_for(head: Token, title: Span) -> str | None:
    """headOf / worksFor / memberOf for a title, or None for a past one or a founder's.

    A leading noun qualified by a lowercase department word ("program director", "head of
    house production") heads a unit, not the organization: worksFor. So does a subordinate
    one ("vice president")."""
    words = {t.lower_ for t in title}
    if words & PAST or head.lower_ in FOUNDER_TITLES:
        return None
    if any(p in _title_text(list(title)).lower() for p in HEAD_PHRASES) and not words & SUBORDINATE:
        return "headOf"  # "chief executive", "managing director"
    if ends_with_position(title) and head.i == title[-1].i:
        return "memberOf"
    noun = head.lower_
    qualified = any(
        t.i < head.i and t.is_lower and t.lower_ not in MODIFIERS and t.lower_ not in ROLE_NOUNS for t in title
    )
    if noun in HEAD_TITLES and qualified and not words & SUBORDINATE:
        return "worksFor"
    if noun in HEAD_TITLES and not words & SUBORDINATE:
        return "headOf"
    if noun in WORK_TITLES:
        return "worksFor"
    if noun in ROLE_NOUNS or noun in ROLE_ABBREVIATIONS:
        return "memberOf"
    return None


def title_records(tp: TitlePhrase, org: str | None, place: str | None) -> Iterator[Record]:
    """The title of `tp` and, when it names organization `org` (an entity id) and is not
    past, a membership and the headOf/worksFor/memberOf edge. `org` and `place` are what
    `organizations.resolve_organization` found for the phrase's affiliation."""
    if tp.title is None or tp.head is None:
        return
    text = _title_text(list(tp.title))
    # a past title reads "former X" however the text said it ("then-", "outgoing", "ex-")
    role = "former " + " ".join(w for w in text.split() if w.lower() not in PAST) if tp.past else text
    if org is None and tp.affiliation is not None and tp.rule in ("title-appositive", "title-copular") and place is None:
        # keep the unlinked object in the title: "head of Iran's emergency medical services"
        yield FoundTitle(tp.person, _title_text(list(tp.title)) + " " + tp.title.doc[tp.title.end].text + " "
                         + tp.affiliation.text)
    else:
        yield FoundTitle(tp.person, role)
    if org is not None and not tp.past:
        sent = tp.person_span.sent
        conf = 0.9 if tp.rule == "title-appositive" else 0.85
        yield FoundMembership(tp.person, org, role, sent, tp.rule, conf)
        predicate = predicate_for(tp.head, tp.title)
        if tp.unit and predicate is not None:
            predicate = "worksFor"
        if predicate:
            yield FoundRelation(tp.person, predicate, org, sent, tp.rule, conf)


def possessive_organization(view: DocumentView, span: Span) -> str | None:
    """The Organization of "ORG's NAME" / "ORGs' NAME" right before a person's name."""
    doc = span.doc
    k = span.start - 1
    if k - 1 < span.sent.start or doc[k].tag_ != "POS" or span[-1].tag_ == "NNPS":
        return None  # a plural "name" is a team tagged as a person ("the NBA's Bobcats")
    org = view.token_entity(doc[k - 1])
    return org if org is not None and view.kind(org) == "Organization" else None


def possessive_affiliations(view: DocumentView, phrases: list[TitlePhrase],
                            related: set[tuple[str, str]]) -> Iterator[FoundRelation]:
    """worksFor (or the predicate of the person's memberOf/worksFor title elsewhere in the
    text) for "ORG's NAME", unless the person and ORG are `related` already."""
    predicates: dict[str, str] = {}  # person -> predicate of a title found in the document
    for tp in phrases:
        if tp.head is not None and tp.title is not None and not tp.past:
            p = predicate_for(tp.head, tp.title)
            if p in ("memberOf", "worksFor"):
                predicates.setdefault(tp.person, p)
    related = set(related)
    for person, span in view.entity_spans(("Person",)):
        org = possessive_organization(view, span)
        if org is not None and (person, org) not in related:
            yield FoundRelation(person, predicates.get(person, "worksFor"), org, span.sent, "possessive-affiliation", 0.7)
            related.add((person, org))
