"""Kind cues from the parse: what the words around a mention say about what it names.

`find_kind_cues(parsed, mentions)` yields `KindCue` records; `resolve.within_doc` weighs
them with the mention labels. Two cues, both "this is no person":
- the possessor of a noun that only organizations and places have ("Acme's chief
  executive", "India's coach", "the company's shareholders");
- the possessor of a person's name ("Globex's Jane Roe": her employer).
Such a possessor votes Organization, or Place when the gazetteers know its name
("Iran's president"). A third, weaker cue: names listed together are mostly of one kind
("Globex, Initech and Hooli"), so each conjunct votes for its conjuncts' tags. And one
"this is a person": a role noun written in lowercase right before a name shaped like a
personal name ("chief executive Marcus Feld", "spokeswoman Ann Roe"), tagged what it may;
and the name before that noun, when it is a team's ("Pittsburgh coach Mike Roe"), is a club;
so is a personal name in apposition to such a noun ("the foreign minister, Maja Holm,")
or one a relative "who" follows.
A name in apposition to an organization noun ("the software firm X") is an organization,
and so is the name after an occupation noun and "at" ("an engineer at X") or after a role
held of an organization and "of" ("the manager of X"; a place when the gazetteers know it).
A name a copula or an apposition joins to an occupation only people have ("X was an
English actor") is a person whatever its words, and so is the agent of a verb of
authorship ("directed by X").
"""
from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator, Sequence

from spacy.tokens import Token

from graphbuild.extract.affiliation_cues import affiliation_cues
from graphbuild.extract.after_name_cues import after_name_cues, byline_cues
from graphbuild.extract.birth_cues import birth_cues
from graphbuild.extract.descriptor_cues import name_before_descriptor_cues
from graphbuild.extract.employer_cues import TEAM_STAFF, employer_cues, team_before_staff
from graphbuild.extract.employment_phrases import EMPLOYER_PREPS
from graphbuild.extract.its_cues import its_antecedent_cues
from graphbuild.extract.place_cues import comma_region_cues, direction_cues, person_of_place_cues, place_cues
from graphbuild.extract.span_joins import described_names
from graphbuild.extract.team_cues import team_cues
from graphbuild.lexicon.countries import is_nation
from graphbuild.lexicon.name_forms import in_gazetteer, name_votes, no_personal_name, person_structure, shaped_like_person
from graphbuild.lexicon.roles import HEAD_TITLES, OCCUPATION_NOUNS, PLAYER_TITLES, ROLE_NOUNS
from graphbuild.lexicon.titles import TITLE_NOUNS
from graphbuild.lexicon.words import ORGANIZATION_DESCRIPTORS
from graphbuild.model import KindCue, Mention
from graphbuild.names import POSSESSIVE
from graphbuild.nlp import ParsedDocument

# Nouns a person has none of: staff, officers and the players of a team.
OWNED_BY_ORGANIZATIONS = frozenset(
    "ceo chairman chairwoman chairperson president board shareholders shareholder employees "
    "workforce staff founder co-founder executive executives subsidiary subsidiaries headquarters "
    "coach squad team players lineup".split()) | PLAYER_TITLES
# Staff of a firm or an institution, never of a town or a base ("officials at Bagram",
# "a spokesman at Fort Hood", "a reporter at the scene" name places).
STAFF_NOUNS = frozenset(
    "analyst economist strategist researcher scientist engineer professor lecturer teacher employee staffer "
    "nurse physician surgeon executive developer programmer designer accountant banker trader".split())
# Verbs of making a work that a person does ("directed by X"; not "produced by", "published
# by", "designed by": studios, houses and firms do those).
AUTHORSHIP_VERBS = frozenset("direct write compose paint sculpt illustrate choreograph narrate".split())
# Roles held "of" an organization or a country, never of a person ("the manager of X",
# "a member of X"; not "the coach of", "the lawyer of", "an aide of": those serve people).
HELD_OF_ORGANIZATIONS = frozenset(
    "head leader chairman chairwoman chairperson chair director president ceo boss founder co-founder "
    "premier secretary-general manager member employee executive spokesman spokeswoman spokesperson "
    "owner shareholder".split())
CONJUNCT_WEIGHT = 0.75  # per listed neighbour: less than one tag of the name itself
TAG_KINDS = {"PERSON": "Person", "ORG": "Organization", "GPE": "Place", "LOC": "Place", "FAC": "Place"}
LOOK_BACK = 3
CUE_WEIGHT = 4.5  # outweighs a full name tagged PERSON once (tag 1 + FULL_NAME_PERSON_BONUS 3)
# "the club X" says what X is in so many words: more than a full name's PERSON tag and shape.
DESCRIBED_WEIGHT = 1.5 * CUE_WEIGHT


def find_kind_cues(parsed: ParsedDocument, mentions: Sequence[Mention]) -> Iterator[KindCue]:
    """Cues for the mentions of `parsed` that possess an organization's noun or a
    person's name (see the module docstring)."""
    ordered = sorted(mentions, key=lambda m: (m.start, m.end))
    starts = [m.start for m in ordered]

    def mention_of(token) -> Mention | None:
        a, b = parsed.source(token.idx, token.idx + len(token))
        # The mentions starting last before the token: one of them holds it, if any
        # does (mentions barely overlap; a few cover the case of two that do).
        i = bisect_right(starts, a) - 1
        for j in range(i, max(-1, i - LOOK_BACK), -1):
            if b <= ordered[j].end:
                return ordered[j]
        return None

    yield from _conjunct_cues(parsed.doc, mention_of)
    yield from _role_before_name(parsed, mention_of)
    yield from team_before_staff(parsed, mention_of, _personal, CUE_WEIGHT)
    yield from _described_as_organization(parsed, mention_of)
    yield from name_before_descriptor_cues(parsed, mention_of)
    yield from _described_as_person(parsed, mention_of)
    yield from _before_who(parsed, mention_of)
    yield from _author_of_work(parsed, mention_of)
    yield from _holder_of_role(parsed, mention_of)
    yield from _employer_of_occupation(parsed, mention_of)
    yield from team_cues(parsed, mentions)
    yield from affiliation_cues(parsed, mentions)
    yield from place_cues(parsed, mention_of)
    yield from comma_region_cues(parsed, mention_of)
    yield from direction_cues(parsed, mention_of)
    yield from person_of_place_cues(parsed, mention_of)
    yield from birth_cues(parsed, mention_of)
    yield from its_antecedent_cues(parsed, mention_of, _owned, CUE_WEIGHT)
    yield from after_name_cues(parsed.document.text, mentions, DESCRIBED_WEIGHT)
    yield from byline_cues(parsed.document.text, mentions, DESCRIBED_WEIGHT)
    yield from employer_cues(parsed, mention_of, _personal, CUE_WEIGHT)
    seen = set()
    for token in parsed.doc:
        if token.dep_ != "poss" or (m := mention_of(token)) is None or m in seen:
            continue
        head = token.head
        owner, owned = mention_of(head), _owned(head)
        if owned or (owner is not None and owner is not m and _personal(owner)):
            seen.add(m)
            name = POSSESSIVE.sub("", m.text)
            # "Leeds' coach" is the club's; "Iran's coach" the national side's, a place.
            team = head.lower_ in TEAM_STAFF and not is_nation(name)
            kind = "Place" if in_gazetteer(name) and not team else "Organization"
            yield KindCue(m.start, m.end, kind, "possessor-of-staff" if owned else "possessor-of-person", CUE_WEIGHT)


def _owned(noun: Token) -> bool:
    """A noun only organizations and places have: "chief executive", "shareholders",
    "chairwoman", "general manager"."""
    low = noun.lower_
    if low == "chief" and any(c.lower_ == "of" for c in noun.children):
        return False  # "Trump's chief of staff" serves a person
    return low in OWNED_BY_ORGANIZATIONS or low in HEAD_TITLES or (
        low in ("officer", "manager") and any(c.lower_ in ("executive", "chief", "general") for c in noun.children))


def _described_as_organization(parsed: ParsedDocument, mention_of) -> Iterator[KindCue]:
    """An Organization cue for a name that a noun says is one: in apposition ("the
    software firm Quill Harbor", "Tarvo, a Swedish lender,", "X, one of Denmark's largest
    shipping companies,") or right before it ("Austrian club Rapid Vienna"), tagged what it
    may; a nation stays a place ("the national team, Brazil")."""
    for name, noun in described_names(parsed.doc):
        if noun.lemma_.lower() not in ORGANIZATION_DESCRIPTORS:
            continue
        m = mention_of(name)
        if m is not None and not is_nation(POSSESSIVE.sub("", m.text)):
            yield KindCue(m.start, m.end, "Organization", "described-as-organization", DESCRIBED_WEIGHT)


def _described_as_person(parsed: ParsedDocument, mention_of) -> Iterator[KindCue]:
    """A Person cue for a name shaped like a personal name in apposition to a role noun
    ("the new foreign minister, Maja Holm,", "Ann Roe, a lawyer,"), tagged what it may:
    an office or a trade is held by a person; so is a name a copula joins to one ("the
    first prime minister was Arno Taavet", "Ann Roe is the club's treasurer")."""
    for name, noun in (*described_names(parsed.doc), *_copula_names(parsed.doc)):
        lemma = noun.lemma_.lower()
        if not noun.is_lower or (lemma not in ROLE_NOUNS and lemma not in TITLE_NOUNS and lemma not in OCCUPATION_NOUNS):
            continue
        m = mention_of(name)
        if m is None or m.label == "PERSON":
            continue
        name_text = POSSESSIVE.sub("", m.text)
        # An occupation only people have says enough; an office ("the market leader",
        # "a member") may be an organization's, unless the name is shaped like a person's.
        if (lemma in OCCUPATION_NOUNS and not no_personal_name(name_text) and not is_nation(name_text)) \
                or shaped_like_person(name_text, surname_may_be_a_place=True):
            yield KindCue(m.start, m.end, "Person", "described-as-person", CUE_WEIGHT)


def _object_mentions(prep: Token, mention_of) -> Iterator[Mention]:
    """The mentions of the proper nouns that preposition `prep` takes as objects."""
    for obj in prep.children:
        if obj.dep_ == "pobj" and obj.pos_ == "PROPN" and (m := mention_of(obj)) is not None:
            yield m


def _author_of_work(parsed: ParsedDocument, mention_of) -> Iterator[KindCue]:
    """A Person cue for the agent of a verb of authorship ("a film directed by Sydney
    Pollack", "written by James Poe"), tagged what it may, unless its words end an
    organization's name or name a nation."""
    for agent in parsed.doc:
        if agent.dep_ != "agent" or agent.head.lemma_.lower() not in AUTHORSHIP_VERBS:
            continue
        for m in _object_mentions(agent, mention_of):
            if m.label == "PERSON":
                continue
            name = POSSESSIVE.sub("", m.text)
            if not no_personal_name(name) and not is_nation(name) and not name_votes(name)["Organization"]:
                yield KindCue(m.start, m.end, "Person", "author-of-work", CUE_WEIGHT)


def _holder_of_role(parsed: ParsedDocument, mention_of) -> Iterator[KindCue]:
    """The name after a role noun and "of" ("the manager of Galatasaray", "a member of the
    Riksdag") is no person: an Organization cue, or Place when the gazetteers know the
    name ("the president of France") or its form is a place's ("the head of Lake Varn"),
    unless it is shaped like a personal name."""
    for noun in parsed.doc:
        if noun.pos_ != "NOUN" or not noun.is_lower or noun.lemma_.lower() not in HELD_OF_ORGANIZATIONS:
            continue
        for prep in noun.children:
            if prep.dep_ != "prep" or prep.lower_ != "of" or prep.i != noun.i + 1:
                continue
            for m in _object_mentions(prep, mention_of):
                name = POSSESSIVE.sub("", m.text)
                if not shaped_like_person(name) and not person_structure(name):
                    form = name_votes(name, gazetteer=False)  # "the head of Lake Varn": a place by its form
                    place = in_gazetteer(name) or form["Place"] > form["Organization"]
                    yield KindCue(m.start, m.end, "Place" if place else "Organization", "holder-of-role", CUE_WEIGHT)


def _copula_names(doc) -> Iterator[tuple[Token, Token]]:
    """(name token, noun) pairs a copula joins: "X was the mayor", "the mayor was X"."""
    for verb in doc:
        if verb.lemma_ != "be":
            continue
        subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        attr = next((c for c in verb.children if c.dep_ == "attr"), None)
        if subj is None or attr is None:
            continue
        if subj.pos_ == "PROPN" and attr.pos_ == "NOUN":
            yield subj, attr
        elif subj.pos_ == "NOUN" and attr.pos_ == "PROPN":
            yield attr, subj


def _before_who(parsed: ParsedDocument, mention_of) -> Iterator[KindCue]:
    """A Person cue for a name shaped like a personal name that a relative "who" follows
    ("Ruben Castillo, who served as mayor"): organizations take "which"."""
    doc = parsed.doc
    for comma in doc[1:-1]:
        if comma.text == "," and doc[comma.i + 1].text == "who":
            m = mention_of(doc[comma.i - 1])
            if m is not None and shaped_like_person(POSSESSIVE.sub("", m.text)):
                yield KindCue(m.start, m.end, "Person", "before-who", CUE_WEIGHT)


def _employer_of_occupation(parsed: ParsedDocument, mention_of) -> Iterator[KindCue]:
    """An Organization cue for the name after an occupation noun and "at"/"for"
    ("analysts at Berenberg", "an engineer at Codelco"): where people work, not a
    town, unless the gazetteers know the name as a place."""
    for noun in parsed.doc:
        if noun.pos_ != "NOUN" or noun.lemma_.lower() not in STAFF_NOUNS:
            continue
        for prep in noun.children:
            if prep.dep_ != "prep" or prep.lower_ not in EMPLOYER_PREPS or prep.i != noun.i + 1:
                continue
            for m in _object_mentions(prep, mention_of):
                # "a lawyer for Jo Roe" works for a person; no one works "at" one
                if (m.label != "PERSON" or prep.lower_ == "at") and not in_gazetteer(POSSESSIVE.sub("", m.text)):
                    yield KindCue(m.start, m.end, "Organization", "employer-of-occupation", CUE_WEIGHT)


def _role_before_name(parsed: ParsedDocument, mention_of) -> Iterator[KindCue]:
    """A Person cue for each name shaped like a personal name that a lowercase role noun
    stands right before ("chief executive Marcus Feld"): how news introduces a person."""
    doc = parsed.doc
    for before in doc[:-1]:
        if before.pos_ != "NOUN" or not before.is_lower or before.lemma_ not in ROLE_NOUNS:
            continue
        nxt = doc[before.i + 1]
        m = mention_of(nxt)
        if m is None or m.label == "PERSON" or m.start != parsed.source(nxt.idx, nxt.idx + 1)[0]:
            continue
        if shaped_like_person(POSSESSIVE.sub("", m.text), surname_may_be_a_place=True):
            yield KindCue(m.start, m.end, "Person", "role-before-name", CUE_WEIGHT)


def _personal(m: Mention) -> bool:
    """A mention tagged PERSON or written with a personal name's structure."""
    return m.label == "PERSON" or person_structure(POSSESSIVE.sub("", m.text))


def _conjunct_cues(doc, mention_of) -> Iterator[KindCue]:
    """Each mention in a coordination ("A, B and C") votes for the tags of the other
    mentions in it. Only conj arcs are walked: the cue costs little on long texts."""
    groups: dict[int, list[int]] = {}
    for token in doc:
        if token.dep_ == "conj":
            first = token.head
            while first.dep_ == "conj" and first.head.i != first.i:
                first = first.head
            groups.setdefault(first.i, [first.i]).append(token.i)
    for members in groups.values():
        mentions = list(dict.fromkeys(m for m in (mention_of(doc[i]) for i in members) if m is not None))
        for m in mentions:
            for other in mentions:
                if other is not m and other.label in TAG_KINDS:
                    yield KindCue(m.start, m.end, TAG_KINDS[other.label], "coordinated-with", CONJUNCT_WEIGHT)
