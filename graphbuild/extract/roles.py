"""Titles and roles of people: "Secretary of State Mike Pompeo", "Labour leader Jeremy
Corbyn", "the IRGC's top commander Hossein Salami", "Pirhossein Koulivand, the head of
Iran's emergency medical services".

A person's title is read from the words right before the name (premodifiers) or from an
appositive right after it. The title goes to `Entity.titles`; where an organization is
named with it, a Membership and one shortcut edge: headOf (leading titles), worksFor
(jobs such as correspondent), memberOf (the rest). A country named with the title is a
nationality (see `affiliation`). Titles alone never invent organizations; an unknown
organization becomes an entity only if it is written as a proper name (or a capitalized
plural mid-sentence, "Chargers", or the short form of an organization named in full).
Lowercase department words before a leading title ("program director", "head of house
production for ORG") make it a job at the organization (worksFor), not headOf. "ORG's NAME"
with no title is worksFor (or the predicate of the person's title elsewhere in the text).
"""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from spacy.tokens import Span, Token

from graphbuild.extract.organizations import names_organization, resolve_organization
from graphbuild.lexicon.roles import (
    HEAD_TITLES,
    MODIFIERS,
    PAST,
    PORTFOLIOS,
    POSITION_BIGRAMS,
    RANKS,
    ROLE_ABBREVIATIONS,
    ROLE_NOUNS,
    SUBORDINATE,
    TITLE_PREPS,
    UNIT_PREPS,
    WORK_TITLES,
)

if TYPE_CHECKING:
    from graphbuild.extract.relations_stage import Builder

# Dependency labels of a lowercase word that qualifies the title noun ("chief medical
# correspondent", "program director"); such a word names a department, not the organization.
QUALIFIER_DEPS = frozenset("amod compound nmod".split())
MAX_QUALIFIERS = 3


@dataclass(frozen=True)
class TitlePhrase:
    """A title found next to a person: the words, its head noun, where it names an
    organization or country (`affiliation` tokens), and the rule that found it."""

    person: str
    person_span: Span
    title: Span | None  # the title words, None when only an affiliation was found
    head: Token | None  # the title's head noun
    affiliation: Span | None  # tokens naming the organization/country, if any
    rule: str
    past: bool = False  # "former", "ex-": a title no longer held
    unit: bool = False  # the title is of a unit inside the organization ("head of X for ORG")


def _word(t: Token) -> str:
    return ROLE_ABBREVIATIONS.get(t.lower_, t.text)


def _is_title_word(t: Token) -> bool:
    low = t.lower_
    return low in ROLE_NOUNS or low in MODIFIERS or low in RANKS or low in ROLE_ABBREVIATIONS


def _is_qualifier(t: Token, title: list[Token]) -> bool:
    """A lowercase adjective or noun that modifies a word of the title run."""
    return (
        t.is_alpha and t.is_lower and t.pos_ in ("ADJ", "NOUN") and t.dep_ in QUALIFIER_DEPS
        and title[0].i <= t.head.i <= title[-1].i + 3
    )


def _unlabelled_name(t: Token, adjacent: bool) -> bool:
    """A capitalized plural name right before a title that NER left untagged ("Chargers
    general manager"): team and company names written as plural nouns."""
    return (
        adjacent and t.is_alpha and t.text[:1].isupper()
        and t.tag_ in ("NNS", "NNPS") and t.lower_ not in ROLE_NOUNS and t.lower_ not in MODIFIERS
        # the whole name: not the tail of a longer capitalized phrase ("Civil Rights")
        and (t.i == t.sent.start or not t.doc[t.i - 1].text[:1].isupper() or t.doc[t.i - 1].dep_ == "det")
    )


def _title_text(tokens: list[Token]) -> str:
    words = [_word(t) for t in tokens]
    text = " ".join(words).replace(" - ", "-")
    return text


def premodifier_titles(b: Builder, person: str, span: Span) -> TitlePhrase | None:
    """The title written right before the name: "[affiliation] [title words] NAME"."""
    doc, sent = span.doc, span.sent
    j = span.start - 1
    title: list[Token] = []
    # Title words adjacent to the name, with "of <portfolio>" inside ("Secretary of State").
    while j >= sent.start:
        t = doc[j]
        if _is_title_word(t) and b.token_kind(t) != "Person":
            title.insert(0, t)
            j -= 1
        elif j - 1 >= sent.start and f"{doc[j - 1].lower_} {t.lower_}" in POSITION_BIGRAMS:
            title[0:0] = [doc[j - 1], t]  # "running back"
            j -= 2
        elif title and _is_qualifier(t, title) and sum(not _is_title_word(x) for x in title) < MAX_QUALIFIERS:
            title.insert(0, t)  # "chief medical correspondent", "program director"
            j -= 1
        elif t.lower_ == "of" and title and title[0].lower_ in PORTFOLIOS and j - 1 >= sent.start and doc[j - 1].lower_ in ROLE_NOUNS:
            title.insert(0, t)  # "Secretary of State"
            j -= 1
        elif (t.lower_ in PORTFOLIOS or t.lower_ == "&") and j - 1 >= sent.start:
            # "Secretary of State", "Secretary of Homeland Security"
            k = j
            while k >= sent.start and (doc[k].lower_ in PORTFOLIOS or doc[k].lower_ in ("&", "and")):
                k -= 1
            if k - 1 >= sent.start and doc[k].lower_ == "of" and doc[k - 1].lower_ in ROLE_NOUNS:
                title[0:0] = list(doc[k : j + 1])
                j = k - 1
            else:
                break
        else:
            break
    if not any(t.lower_ in ROLE_NOUNS or t.lower_ in RANKS or t.lower_ in ROLE_ABBREVIATIONS for t in title) and not _position(title):
        return None
    # A lowercase title after a determiner with no name-like qualifier ("the general X")
    # is still a title; the affiliation is what stands before it.
    aff_end = j + 1
    k = j
    if k >= sent.start and doc[k].tag_ == "POS":  # "the IRGC's top commander"
        k -= 1
    while k >= sent.start and (
        doc[k].ent_type_ in ("ORG", "NORP", "GPE", "LOC", "FAC")
        or b.token_kind(doc[k]) not in (None, "Person")
        or _unlabelled_name(doc[k], k == aff_end - 1)
    ) and not doc[k].is_punct:
        k -= 1
    affiliation = doc[k + 1 : aff_end] if k + 1 < aff_end else None
    if affiliation is not None and affiliation[-1].tag_ == "POS":
        affiliation = affiliation[:-1] if len(affiliation) > 1 else None
    heads = [t for t in title if t.lower_ in ROLE_NOUNS or t.lower_ in ROLE_ABBREVIATIONS]
    head = heads[-1] if heads else title[-1]
    first = affiliation.start if affiliation is not None else title[0].i
    past = any(doc[x].lower_ in PAST for x in range(max(sent.start, first - 2), first))
    return TitlePhrase(person, span, doc[title[0].i : title[-1].i + 1], head, affiliation, "title-premodifier", past)


def _preposition_object(doc, sent: Span, title_end: int) -> Span | None:
    """The object of the preposition at `title_end` ("of the party"), cut at a comma."""
    prep = doc[title_end]
    objs = [c for c in prep.children if c.dep_ == "pobj"]
    if objs:
        sub = list(objs[0].subtree)
        a, z = sub[0].i, sub[-1].i + 1
    else:
        a, z = title_end + 1, title_end + 1
        while z < sent.end and not doc[z].is_punct and doc[z].pos_ not in ("VERB", "AUX"):
            z += 1
    for k in range(a, z):  # stop the object at a comma ("of the party, said")
        if doc[k].text in (",", ";", "(", ")", '"', "\u201c", "\u201d"):
            z = k
            break
    return doc[a:z] if a < z and a == title_end + 1 else None


def appositive_title(b: Builder, person: str, span: Span) -> TitlePhrase | None:
    """The title in an appositive after the name: "NAME, (the) [modifiers] NOUN (of ORG)".

    Lowercase words may qualify the title ("biodiversity program director for ORG"). A
    leading title "of" a unit that is no organization, followed by "for/at/with ORG"
    ("head of house production for ORG"), is a job at ORG (`unit`)."""
    doc, sent = span.doc, span.sent
    i = span.end
    if i >= sent.end or doc[i].text != ",":
        return None
    i += 1
    if i < sent.end and doc[i].lower_ in ("the", "a", "an"):
        i += 1
    start = i
    # the run of modifiers, qualifiers and title nouns; the head is its last title noun
    head_i = None
    while i < sent.end and i - start < 6:
        t = doc[i]
        if t.lower_ in ROLE_NOUNS:
            head_i = i
        elif t.lower_ in MODIFIERS or (t.is_alpha and t.is_lower and t.pos_ in ("ADJ", "NOUN") and t.dep_ in QUALIFIER_DEPS):
            pass
        else:
            break
        i += 1
    if head_i is None:
        return None
    head = doc[head_i]
    title_end = head_i + 1
    affiliation = None
    unit = False
    if title_end < sent.end and doc[title_end].lower_ in TITLE_PREPS:
        affiliation = _preposition_object(doc, sent, title_end)
        if affiliation is not None and doc[title_end].lower_ == "of":
            # "of <unit> for <ORG>": split at the second preposition
            cut = next((t.i for t in affiliation if t.lower_ in UNIT_PREPS), affiliation.end)
            inner = doc[affiliation.start : cut]
            if not inner or not names_organization(b, inner):
                org = _preposition_object(doc, sent, cut) if cut < sent.end and doc[cut].lower_ in UNIT_PREPS else None
                if org is not None and names_organization(b, org):
                    affiliation, unit = org, True
            else:
                affiliation = inner
    return TitlePhrase(person, span, doc[start:title_end], head, affiliation, "title-appositive", unit=unit)


def title_phrases(b: Builder) -> Iterator[TitlePhrase]:
    """Every title next to a person mention of the document."""
    for person, span in b.entity_spans(("Person",)):
        for found in (premodifier_titles(b, person, span), appositive_title(b, person, span)):
            if found is not None:
                yield found


def _position(title: Span | list[Token]) -> bool:
    """The title ends with a two-word position ("running back")."""
    toks = list(title)
    return len(toks) >= 2 and f"{toks[-2].lower_} {toks[-1].lower_}" in POSITION_BIGRAMS


def predicate_for(head: Token, title: Span) -> str | None:
    """headOf / worksFor / memberOf for a title, or None for a past one.

    A leading noun qualified by a lowercase department word ("program director", "head of
    house production") heads a unit, not the organization: worksFor. So does a subordinate
    one ("vice president")."""
    words = {t.lower_ for t in title}
    if words & PAST:
        return None
    if _position(title) and head.i == title[-1].i:
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


def possessive_organization(b: Builder, span: Span) -> str | None:
    """The Organization of "ORG's NAME" / "ORGs' NAME" right before a person's name."""
    doc = span.doc
    k = span.start - 1
    if k - 1 < span.sent.start or doc[k].tag_ != "POS" or span[-1].tag_ == "NNPS":
        return None  # a plural "name" is a team tagged as a person ("the NBA's Bobcats")
    org = b.token_entity(doc[k - 1])
    return org if org is not None and b.kind(org) == "Organization" else None


def extract_roles(b: Builder) -> None:
    """Add titles, memberships and headOf/memberOf/worksFor edges for every title phrase,
    then worksFor (or the predicate of the person's title) for "ORG's NAME"."""
    predicates: dict[str, str] = {}  # person -> predicate of a title found in the document
    for tp in title_phrases(b):
        if tp.head is not None and tp.title is not None and not tp.past:
            p = predicate_for(tp.head, tp.title)
            if p in ("memberOf", "worksFor"):
                predicates.setdefault(tp.person, p)
    _title_roles(b)
    related = {(s, o) for s, _, o in b.relations}
    for person, span in b.entity_spans(("Person",)):
        org = possessive_organization(b, span)
        if org is not None and (person, org) not in related:
            b.add_relation(person, predicates.get(person, "worksFor"), org, span.sent, "possessive-affiliation", 0.7)
            related.add((person, org))


def _title_roles(b: Builder) -> None:
    for tp in title_phrases(b):
        if tp.title is None or tp.head is None:
            continue
        sent = tp.person_span.sent
        org, place = (None, None)
        if tp.affiliation is not None:
            org, place = resolve_organization(b, tp.affiliation)
        role = ("former " if tp.past else "") + _title_text(list(tp.title))
        if org is None and tp.affiliation is not None and tp.rule == "title-appositive" and place is None:
            # keep the unlinked object in the title: "head of Iran's emergency medical services"
            role_full = _title_text(list(tp.title)) + " " + tp.title.doc[tp.title.end].text + " " + tp.affiliation.text
            b.add_title(tp.person, role_full)
        else:
            b.add_title(tp.person, role)
        if org is not None and not tp.past:
            conf = 0.9 if tp.rule == "title-appositive" else 0.85
            b.add_membership(tp.person, org, role, sent, tp.rule, conf)
            predicate = predicate_for(tp.head, tp.title)
            if tp.unit and predicate is not None:
                predicate = "worksFor"
            if predicate:
                b.add_relation(tp.person, predicate, org, sent, tp.rule, conf)
