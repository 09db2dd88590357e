"""Memberships and employers of people (and of organizations and countries) from the
verbs and nouns that state them:

- "X plays for ORG", "a footballer who played for ORG", "X signed for/with ORG", "X
  joined ORG", "X was signed by / traded to ORG": memberOf; "X works for/at ORG": worksFor;
  "previously", "formerly" or "once" on the verb tells a past one: none.
- "X is a member of ORG", "X was elected a member of ORG", "X, a founding member of ORG",
  "X is a member state of ORG", "COUNTRY joined ORG": memberOf, X a person, an
  organization or a country; "a former member" is none.
- "the Alliance, representing studios including A, B and C": A, B, C memberOf it.
- "X heads/chairs ORG", "ORG, led by X", "ORG is headed by X": headOf.
- "X of ORG" right after a person's name ("Ann Roe of Apex Bank said", "Ann Roe of the
  pop group Z"): memberOf; "X of Denmark" (a place) is none.
Subjects may be pronouns or definite descriptions (`DocumentView.referent`). Read-only:
yields records; the stage applies them.
"""
from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from graphbuild.extract import affiliation_phrases
from graphbuild.extract.person_facts import described_person
from graphbuild.extract.records import FoundRelation
from graphbuild.extract.view import DocumentView
from graphbuild.lexicon import countries
from graphbuild.lexicon.roles import PAST

# verb lemma -> (preposition or "" for a direct object, predicate)
AFFILIATION_VERBS = {
    ("play", "for"): "memberOf", ("play", "with"): "memberOf", ("sign", "for"): "memberOf", ("sign", "with"): "memberOf",
    ("join", ""): "memberOf", ("work", "for"): "worksFor", ("work", "at"): "worksFor",
    ("captain", ""): "memberOf", ("coach", ""): "worksFor", ("manage", ""): "worksFor",
    ("compete", "for"): "memberOf", ("work", "with"): "worksFor",
    ("head", ""): "headOf", ("chair", ""): "headOf",
}
LED_VERBS = frozenset("lead head chair".split())  # "ORG, led by X", "ORG was chaired by X": headOf
# Passive verbs whose agent or destination is the person's new club or employer
# ("he was signed by ORG", "she was traded to ORG", "drafted by ORG", "loaned to ORG").
PASSIVE_AFFILIATION = {
    ("sign", "by"): "memberOf", ("draft", "by"): "memberOf", ("trade", "to"): "memberOf",
    ("loan", "to"): "memberOf", ("transfer", "to"): "memberOf", ("select", "by"): "memberOf",
    ("employ", "by"): "worksFor", ("hire", "by"): "worksFor", ("recruit", "by"): "memberOf",
}
COLLEGE_WORDS = frozenset("college collegiate varsity".split())  # "played college football for X": schooling
PAST_WORDS = frozenset("former ex".split())  # "a former member of": no current membership
# Adverbs that put the verb's membership in the past ("who previously worked at X").
PAST_ADVERBS = frozenset("previously formerly once".split())

def _organizations(view: DocumentView, tok: Token) -> Iterator[str]:
    """The organization a preposition's object or a direct object names (and its conjuncts)."""
    return affiliation_phrases.organizations(view, tok)


def _college(obj: Token) -> bool:
    """"college football", "college basketball": a student's team, read as education."""
    return any(t.lower_ in COLLEGE_WORDS for t in obj.subtree if t.i <= obj.i)


def _college_play(verb: Token) -> bool:
    return verb.lemma_.lower() == "play" and any(c.dep_ == "dobj" and _college(c) for c in verb.children)


def _nested_for(obj: Token) -> Iterator[Token]:
    """The "for" prepositions inside an object or prepositional phrase of "play", through
    phrases only ("parts of two seasons in the minors for X"), never into a clause."""
    stack = list(obj.children)
    while stack:
        t = stack.pop()
        if t.dep_ == "prep" and t.lower_ == "for":
            yield t
        elif t.dep_ in ("prep", "pobj"):
            stack.extend(t.children)


def _passive(verb: Token) -> bool:
    """"was signed", "signed by" (a participle modifying its subject)."""
    return any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children) or verb.tag_ == "VBN"


def _member(view: DocumentView, noun: Token) -> str | None:
    """Who a "member" noun is said of: a person, an organization, or a country ("South
    Sudan is a member of the African Union")."""
    person = described_person(view, noun)
    if person is not None:
        return person
    if noun.dep_ in ("attr", "oprd"):  # "X is a member of", "X was elected a member of"
        subj = next((c for c in noun.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    elif noun.dep_ == "appos":
        subj = noun.head
    else:
        return None
    eid = None if subj is None else view.token_entity(subj) or view.referent(subj)
    if eid is not None and view.kind(eid) == "Person" and noun.dep_ == "oprd":
        return eid  # "X was elected a member of" (described_person reads "is a member" only)
    if eid is None or view.kind(eid) == "Person":
        return None
    return eid if view.kind(eid) == "Organization" or countries.by_name(view.label(eid)) else None


def memberships(view: DocumentView) -> Iterator[FoundRelation]:
    """memberOf from "X is a member of ORG", "X, a founding member of ORG", "X became a
    member of ORG", "X is a member state of ORG" (and the organizations conjoined with
    ORG); X a person, an organization or a country."""
    for noun in view.doc:
        low = noun.lemma_.lower()
        if noun.pos_ != "NOUN" or any(c.lower_ in PAST_WORDS for c in noun.children):
            continue
        if low != "member" and not (low in ("state", "country", "nation") and any(
                c.lower_ == "member" and c.dep_ == "compound" for c in noun.children)):
            continue
        member = _member(view, noun)
        if member is None:
            continue
        for prep in _of_preps(noun):
            for o in prep.children:
                if o.dep_ == "pobj":
                    for org in _organizations(view, o):
                        yield FoundRelation(member, "memberOf", org, noun.sent, "member-of", 0.75)


def listed_after(view: DocumentView, tok: Token) -> Iterator[str]:
    """The organizations of a comma list that goes on after `tok`'s phrase, read from
    the surface where the parser hung the later names elsewhere ("played for the A, B C,
    D E and F G"): each next name right after ",", "and" or "or" (and "the"), up to a
    name that is the subject of a clause of its own."""
    doc = view.doc
    # every entity's runs: a name the tagger typed otherwise goes on the list, unread
    starts = {span.start: (eid, span) for eid, span in view.entity_spans(("Organization", "Place", "Person"))}
    k = max(t.i for t in tok.subtree) + 1
    while k < tok.sent.end and doc[k].lower_ in (",", "and", "or"):
        while k < tok.sent.end and doc[k].lower_ in (",", "and", "or", "the"):
            k += 1
        if k not in starts:
            return
        eid, span = starts[k]
        if span.root.dep_ in ("nsubj", "nsubjpass"):  # "..., and B hired her": a new clause
            return
        if view.kind(eid) == "Organization":
            yield eid
        k = span.end


def _joining_country(view: DocumentView, verb: Token) -> str | None:
    """The country that is the subject of "join" ("Croatia joined the EU in 2013")."""
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    eid = None if subj is None else view.token_entity(subj)
    return eid if eid is not None and view.kind(eid) == "Place" and countries.by_name(view.label(eid)) else None


def _of_preps(noun: Token) -> Iterator[Token]:
    """The "of" prepositions of a member noun, with those conjoined to them ("a member of
    A and of B")."""
    stack = [c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"]
    while stack:
        prep = stack.pop(0)
        yield prep
        stack.extend(c for c in prep.children if c.dep_ == "conj" and c.lower_ == "of")


def represented_members(view: DocumentView) -> Iterator[FoundRelation]:
    """memberOf from an organization that represents others: "the Alliance, representing
    studios including A, B and C", "the league, which represents A and B": each
    organization named in what it represents is a member of it."""
    for verb in view.doc:
        if verb.lemma_.lower() != "represent" or verb.pos_ != "VERB" or verb.dep_ not in ("acl", "relcl", "ROOT"):
            continue
        head = verb.head if verb.dep_ != "ROOT" else next((c for c in verb.children if c.dep_ == "nsubj"), None)
        group = None if head is None else view.token_entity(head) or view.referent(head)
        if group is None or view.kind(group) != "Organization":
            continue
        for obj in (c for c in verb.children if c.dep_ == "dobj"):
            for t in obj.subtree:
                if t.dep_ in ("dobj", "pobj", "conj") and t != verb:
                    for org in _organizations(view, t):
                        if org != group:
                            yield FoundRelation(org, "memberOf", group, verb.sent, "represents-members", 0.7)


def person_of_organization(view: DocumentView) -> Iterator[FoundRelation]:
    """memberOf from a person's name followed by "of ORG" ("Ann Roe of Apex Bank", "Ann
    Roe of the pop group Z"): the preposition on the name's own head word; the names
    conjoined before it share it ("Ann Roe and Max Moe of Apex Bank") unless one has a
    preposition of its own ("Prince Karl of Y and Ann Roe of Z")."""
    doc = view.doc
    for person, span in view.entity_spans(("Person",)):
        if any(t.lower_ in PAST for t in doc[max(span.sent.start, span.start - 4) : span.start]):
            continue  # "ex-CEO X of ORG", "former minister X of ORG": no current membership
        for prep in span.root.children:
            if prep.dep_ == "prep" and prep.lower_ == "of" and prep.i == span.end:
                for o in (c for c in prep.children if c.dep_ == "pobj"):
                    for org in _organizations(view, o):
                        for member in [person, *_conjoined_persons(view, span.root)]:
                            yield FoundRelation(member, "memberOf", org, span.sent, "person-of-organization", 0.7)


def _conjoined_persons(view: DocumentView, tok: Token) -> Iterator[str]:
    """The persons named by the conjunction heads before `tok` ("A, B and tok"), up to one
    that is no person's name or has a preposition of its own."""
    while tok.dep_ == "conj" and tok.head != tok:
        tok = tok.head
        eid = view.token_entity(tok)
        if eid is None or view.kind(eid) != "Person" or any(c.dep_ == "prep" for c in tok.children):
            return
        yield eid


def led_by(view: DocumentView) -> Iterator[FoundRelation]:
    """headOf from a passive "lead/head/chair" whose agent is a person and whose subject,
    or the noun it modifies, an organization ("the council, chaired by X")."""
    for verb in view.doc:
        if verb.lemma_.lower() not in LED_VERBS or verb.pos_ != "VERB" or not _passive(verb):
            continue
        agents = [o for c in verb.children if c.dep_ == "agent" for o in c.children if o.dep_ == "pobj"]
        heads = [verb.head] if verb.dep_ == "acl" else [c for c in verb.children if c.dep_ == "nsubjpass"]
        persons = [e for o in agents if (e := view.token_entity(o)) is not None and view.kind(e) == "Person"]
        for org in (org for h in heads for org in _organizations(view, h)):
            for person in persons:
                yield FoundRelation(person, "headOf", org, verb.sent, "led-by", 0.7)


def affiliations(view: DocumentView) -> Iterator[FoundRelation]:
    """memberOf / worksFor from "plays for", "signed with", "joined", "works for", "was
    signed by", "X of ORG", and `memberships`."""
    yield from memberships(view)
    yield from represented_members(view)
    yield from person_of_organization(view)
    yield from led_by(view)
    for verb in view.doc:
        if verb.pos_ != "VERB":
            continue
        lemma = verb.lemma_.lower()
        targets: list[tuple[Token, str]] = []
        for c in verb.children:
            if c.dep_ == "dobj" and (lemma, "") in AFFILIATION_VERBS:
                targets.append((c, AFFILIATION_VERBS[(lemma, "")]))
            elif c.dep_ == "prep" and (lemma, c.lower_) in AFFILIATION_VERBS and not _college_play(verb):
                targets += [(o, AFFILIATION_VERBS[(lemma, c.lower_)]) for o in c.children if o.dep_ == "pobj"]
            elif c.dep_ in ("agent", "prep", "dative") and (lemma, c.lower_) in PASSIVE_AFFILIATION and _passive(verb):
                targets += [(o, PASSIVE_AFFILIATION[(lemma, c.lower_)]) for o in c.children if o.dep_ == "pobj"]
            elif c.dep_ in ("dobj", "prep") and lemma == "play" and not _college(c):
                # "played two seasons in the minors for X", "plays as a striker for X"
                targets += [(p, "memberOf") for x in _nested_for(c) for p in x.children if p.dep_ == "pobj"]
        if not targets or any(c.dep_ == "advmod" and c.lower_ in PAST_ADVERBS for c in verb.children):
            continue
        person = affiliation_phrases.doer(view, verb) or (_joining_country(view, verb) if lemma == "join" else None)
        if person is None:
            continue
        for tok, predicate in targets:
            for org in [*_organizations(view, tok), *listed_after(view, tok)]:
                yield FoundRelation(person, predicate, org, verb.sent, f"verb-{lemma}", 0.75)
