"""Memberships stated by phrases the verb rules of `memberships` do not read:

- a party word said of a person: "elected as a Whig", "a Labour politician", "a
  Republican member of the House", "Democrat Jane Roe", "Jane Roe (Green Party)":
  memberOf the party (an Organization, created from the party word when the document
  names none, rule "party-word");
- the people a group is made of: "the band consists of singer A, guitarist B and
  drummer C", "the trio comprises A, B and C": memberOf the group;
- a player sent to a club: "the club loaned him to ORG", "sold her to ORG", "a season
  on loan at ORG", "began his career with ORG": memberOf.
Party words are the names of party families (`PARTY_WORDS`), never a country's demonym.
Read-only: `find_affiliation_phrases` yields FoundRelation and PartyRef records;
`relation_of` turns a PartyRef into a relation once the stage has the party's entity.
"""
from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import NamedTuple

from spacy.tokens import Span, Token

from graphbuild.extract.person_facts import described_person, verb_person
from graphbuild.extract.records import FoundRelation, NewEntity
from graphbuild.extract.view import DocumentView
from graphbuild.lexicon.roles import PAST

# A party member's word (noun or adjective) -> the party family's name.
PARTY_WORDS = {
    "democrat": "Democratic Party", "democratic": "Democratic Party", "republican": "Republican Party",
    "whig": "Whig Party", "labour": "Labour Party", "labor": "Labor Party", "conservative": "Conservative Party",
    "tory": "Conservative Party", "liberal": "Liberal Party", "socialist": "Socialist Party",
    "communist": "Communist Party", "federalist": "Federalist Party", "libertarian": "Libertarian Party",
}
# Verbs whose "as a PARTY" names the person's party ("elected as a Whig to Congress").
PARTY_AS_VERBS = frozenset("elect re-elect reelect run serve sit stand nominate choose".split())
# Person nouns a party word qualifies ("a Labour politician").
PARTY_PERSON_NOUNS = frozenset(
    "politician member senator congressman congresswoman representative candidate nominee lawmaker "
    "legislator mp deputy councillor councilor activist leader governor mayor".split())
# What a party's candidates seek, win or lose ("sought the Democratic nomination").
NOMINATION_NOUNS = frozenset("nomination nominations primary ticket".split())
NOMINATION_VERBS = frozenset("seek win lose secure gain earn accept clinch contest".split())
# Verbs whose subject, a group, has the people they list as members: lemma -> preposition
# or "" for a direct object ("the band consists of vocalist A and drummer B").
GROUP_VERBS = {"consist": "of", "comprise": "", "feature": "", "include": ""}
# Verbs that send a player to a club, with the person as direct object ("loaned him to ORG").
SEND_VERBS = frozenset("loan sell transfer trade send".split())
# Nouns whose preposition names the club ("on loan at ORG", "his career with ORG").
CLUB_NOUNS = {"loan": ("at", "to", "with"), "career": ("with", "at")}
CONFIDENCE = 0.7
TEAM_NOUNS = frozenset("club side team outfit franchise".split())  # "LEAGUE club X": X is the club
# Nouns naming a group whose members the text lists ("the band consists of ...").
GROUP_NOUNS = frozenset("band group duo trio quartet quintet ensemble".split())


class PartyRef(NamedTuple):
    """A person said to belong to the party the words `span` name (`label`)."""

    person: str
    span: Span
    label: str
    sentence: Span
    rule: str


def find_affiliation_phrases(view: DocumentView) -> Iterator[FoundRelation | PartyRef]:
    """Party and club memberships (see the module docstring), in text order."""
    yield from party_refs(view)
    yield from club_phrases(view)
    yield from group_members(view)


def relation_of(found: FoundRelation | PartyRef, view: DocumentView,
                entity_of: Callable[[str | NewEntity | None], str | None]) -> FoundRelation | None:
    """`found` as a relation; for a PartyRef, to the party's entity, which `entity_of`
    creates when the document (`view`) has none."""
    if isinstance(found, FoundRelation):
        return found
    party = entity_of(party_entity(view, found))
    return None if party is None else FoundRelation(found.person, "memberOf", party, found.sentence, found.rule,
                                                    CONFIDENCE)


def party_entity(view: DocumentView, ref: PartyRef) -> str | NewEntity:
    """The Organization at the party word or labelled with the party's name, else a new one."""
    at = view.entity_of_tokens(ref.span, ("Organization",))
    if at is not None:
        return at
    existing = view.find_by_label({ref.label}, "Organization")
    return existing if existing is not None else NewEntity("Organization", ref.label, ref.span, "NORP", "party-word")


def _party_word(view: DocumentView, t: Token) -> str | None:
    """The party a capitalized party word names, unless it is part of another entity
    than an organization ("Liberal" in a place's name) or qualified as past."""
    if t.lower_ not in PARTY_WORDS or not t.text[:1].isupper() or t.i == t.sent.start:
        return None
    kind = view.token_kind(t)
    if kind not in (None, "Organization") or any(c.lower_ in PAST for c in t.children):
        return None
    return PARTY_WORDS[t.lower_]


def party_refs(view: DocumentView) -> Iterator[PartyRef]:
    """"as a PARTY" after an election verb, a PARTY person noun said of a person, a
    PARTY word before a person's name, "NAME (X Party)"."""
    for t in view.doc:
        label = _party_word(view, t)
        if label is None:
            continue
        person, rule = None, "party-word"
        head = t.head
        if t.dep_ == "pobj" and head.lower_ == "as" and head.head.lemma_.lower() in PARTY_AS_VERBS:
            person = verb_person(view, head.head)
        elif t.dep_ in ("amod", "compound") and head.lower_ in PARTY_PERSON_NOUNS:
            person = described_person(view, head)
        elif t.dep_ in ("amod", "compound") and view.token_kind(head) == "Person":
            person = view.token_entity(head)
        elif t.dep_ in ("amod", "compound") and head.lower_ in NOMINATION_NOUNS and head.dep_ == "dobj" \
                and head.head.lemma_.lower() in NOMINATION_VERBS:
            person = verb_person(view, head.head)  # "X sought the Democratic nomination"
        if person is not None and view.kind(person) == "Person":
            yield PartyRef(person, view.doc[t.i : t.i + 1], label, t.sent, rule)
    yield from _bracketed_parties(view)


def _bracketed_parties(view: DocumentView) -> Iterator[PartyRef]:
    """"Jane Roe (Green Party)": a party's name in brackets right after a person's."""
    doc = view.doc
    for person, span in view.entity_spans(("Person",)):
        k = span.end
        if k + 2 >= len(doc) or doc[k].text != "(":
            continue
        close = next((j for j in range(k + 1, min(k + 8, len(doc))) if doc[j].text == ")"), None)
        if close is None or doc[close - 1].lower_ != "party":
            continue
        inner = doc[k + 1 : close]
        org = view.entity_of_tokens(inner, ("Organization",))
        if org is not None or inner[0].text[:1].isupper():
            yield PartyRef(person, inner, view.label(org) if org else inner.text, span.sent, "party-bracketed")


def club_phrases(view: DocumentView) -> Iterator[FoundRelation]:
    """memberOf from "loaned/sold/transferred PERSON to ORG", "on loan at ORG", "his career
    with ORG"."""
    for t in view.doc:
        lemma = t.lemma_.lower()
        if t.pos_ == "VERB" and lemma in SEND_VERBS and not _passive(t):
            obj = next((c for c in t.children if c.dep_ == "dobj"), None)
            person = None if obj is None else view.referent(obj)
            preps = [c for c in t.children if c.dep_ in ("prep", "dative") and c.lower_ == "to"]
        elif t.pos_ == "NOUN" and lemma in CLUB_NOUNS:
            person = _owner_of_noun(view, t)
            preps = club_noun_preps(t)
        else:
            continue
        if person is None or view.kind(person) != "Person":
            continue
        for prep in preps:
            for o in (c for c in prep.children if c.dep_ == "pobj"):
                for org in organizations(view, o):
                    yield FoundRelation(person, "memberOf", org, t.sent, f"club-{lemma}", CONFIDENCE)


def group_members(view: DocumentView) -> Iterator[FoundRelation]:
    """memberOf from "ORG consists of / comprises / features / includes PERSON, PERSON and
    PERSON" (the subject an organization, pronouns and definite subjects resolved)."""
    for verb in view.doc:
        prep = GROUP_VERBS.get(verb.lemma_.lower()) if verb.pos_ == "VERB" else None
        if prep is None:
            continue
        subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        group = None if subj is None else view.referent(subj) or described_group(view, subj)
        if group is None or view.kind(group) != "Organization":
            continue
        if prep:
            objs = [o for p in verb.children if p.dep_ == "prep" and p.lower_ == prep
                    for o in p.children if o.dep_ == "pobj"]
        else:
            objs = [c for c in verb.children if c.dep_ == "dobj"]
        for person in _listed_people(view, objs):
            yield FoundRelation(person, "memberOf", group, verb.sent, f"group-{verb.lemma_.lower()}", CONFIDENCE)


def described_group(view: DocumentView, noun: Token) -> str | None:
    """The organization a definite group noun ("the band", "the group") stands for: the
    last one said before it to be one ("X is an American rock band")."""
    if noun.lemma_.lower() not in GROUP_NOUNS or not any(c.lower_ == "the" for c in noun.children):
        return None
    found = None
    for t in view.doc[: noun.i]:
        if t.dep_ == "attr" and t.lemma_.lower() in GROUP_NOUNS and t.head.lemma_ == "be":
            subj = next((c for c in t.head.children if c.dep_ == "nsubj"), None)
            eid = None if subj is None else _named_in(view, subj)
            found = eid if eid is not None and view.kind(eid) == "Organization" else found
    return found


def _named_in(view: DocumentView, t: Token) -> str | None:
    """The entity of `t` or, for a name the tagger cut short, of a word of its phrase."""
    return view.token_entity(t) or next(
        (view.token_entity(x) for x in t.subtree if view.token_entity(x) is not None), None)


def _listed(t: Token) -> bool:
    """A conjunct, or an apposition not in brackets ("A, B and C"; not "League (NFL)")."""
    return t.dep_ == "conj" or (t.dep_ == "appos" and t.i > 0 and t.doc[t.i - 1].text != "(")


def _listed_people(view: DocumentView, tokens: list[Token]) -> Iterator[str]:
    """The persons `tokens` and the names listed with them name."""
    seen: set[str] = set()
    stack = list(tokens)
    while stack:
        t = stack.pop()
        stack.extend(c for c in t.children if _listed(c))
        eid = view.token_entity(t)
        if eid is not None and eid not in seen and view.kind(eid) == "Person":
            seen.add(eid)
            yield eid


def club_noun_preps(noun: Token) -> list[Token]:
    """The prepositions naming the club of a CLUB_NOUNS noun: its own ("a loan to ORG")
    or, as the parser often attaches them, the next ones of the verb it hangs from ("began
    his career with ORG", "spent a season on loan at ORG")."""
    allowed = CLUB_NOUNS.get(noun.lemma_.lower(), ())
    own = [c for c in noun.children if c.dep_ == "prep" and c.lower_ in allowed]
    verb = noun.head.head if noun.dep_ == "pobj" else noun.head
    if own or noun.dep_ not in ("dobj", "pobj") or verb.pos_ not in ("VERB", "AUX"):
        return own
    later = [c for c in verb.children if c.dep_ == "prep" and c.i > noun.i]
    return later[:1] if later and later[0].lower_ in allowed else []


def _passive(verb: Token) -> bool:
    return any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children)


def _owner_of_noun(view: DocumentView, noun: Token) -> str | None:
    """Whose loan or career: the possessor ("his career"), else the doer of the verb the
    noun hangs from ("spent a season on loan", "began his career")."""
    poss = next((c for c in noun.children if c.dep_ == "poss"), None)
    if poss is not None:
        return view.referent(poss)
    head = noun.head
    while head.pos_ not in ("VERB", "AUX") and head.head != head:
        head = head.head
    return doer(view, head) if head.pos_ in ("VERB", "AUX") else None


def doer(view: DocumentView, verb: Token) -> str | None:
    """`verb_person`, also through a preposition's clause ("before joining ORG")."""
    if verb.dep_ == "pcomp" and verb.head.dep_ == "prep" and verb.head.head != verb.head:
        return doer(view, verb.head.head)
    return verb_person(view, verb)


def organizations(view: DocumentView, tok: Token) -> Iterator[str]:
    """The organizations `tok` and the names listed with it (conjuncts and, as the parser
    reads some lists, appositions; however deep the chain) name; for a proper noun the
    tagger left out of a longer name, the rightmost organization of its words, unless a
    team noun follows it (the league of "Premier League club X")."""
    seen: set[str] = set()
    stack = [tok]
    while stack:
        t = stack.pop()
        stack.extend(c for c in t.children if _listed(c))
        eid = view.token_entity(t)
        # A common noun names no organization of its own ("40,000 Acme employees"), nor
        # does an apposition describing one ("ORG, a Texas-based company")
        if eid is None and t.dep_ != "appos" and t.pos_ == "PROPN":
            inner = [x for x in t.subtree if x.i <= t.i and view.token_kind(x) == "Organization"]
            # "Premier League club X": the organization before a team noun is the league
            league = bool(inner) and view.doc[inner[-1].i + 1].lower_ in TEAM_NOUNS
            eid = view.token_entity(inner[-1]) if inner and not league else None
        if eid is not None and eid not in seen and view.kind(eid) == "Organization":
            seen.add(eid)
            yield eid
