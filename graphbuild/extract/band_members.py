"""Members of bands from the musician's noun that introduces them:

- a band's name before the noun before a person's name: "Orbit Club bassist Jane Roe"
  (the band an Organization: a town before the noun is where the person is from);
- the band owning the noun: "the Orbit Club's drummer, John Doe", "the Orbit Club's
  singer John Doe";
- the band after the noun said of a person: "John Doe, the guitarist of the Orbit
  Club", "Jane Roe is the drummer for the Orbit Club", "Roe, lead singer of the Orbit Club";
- people introduced by their instrument in a clause whose subject is the band: "The
  Orbit Club was formed in 1990 by guitarist John Doe and bassist Jane Roe, later
  recruiting drummer Max Moe", "the band recruited singer Ann Poe".
All memberOf. A "former" or "ex-" musician is none (a past membership). Read-only:
yields FoundRelation records; the stage applies them.
"""
from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from graphbuild.extract.affiliation_phrases import described_group, organizations
from graphbuild.extract.person_facts import described_person
from graphbuild.extract.records import FoundRelation
from graphbuild.extract.view import DocumentView
from graphbuild.lexicon.roles import PAST

# Nouns of a band's musicians ("bassist"); "singer" and "vocalist" with "lead" too.
MUSICIAN_NOUNS = frozenset(
    "bassist drummer guitarist vocalist singer keyboardist pianist organist saxophonist trumpeter "
    "violinist cellist percussionist frontman frontwoman rapper mc turntablist harmonicist "
    "co-vocalist songwriter".split())
BAND_PREPS = frozenset("of for in with".split())
# Verbs of a band taking on its first or new members ("formed by", "recruiting").
FORMING_VERBS = frozenset("form found co-found cofound start recruit add enlist".split())
CONFIDENCE = 0.7


def find_band_members(view: DocumentView) -> Iterator[FoundRelation]:
    """memberOf of the musicians of a band (see the module docstring)."""
    for noun in view.doc:
        if noun.lemma_.lower() not in MUSICIAN_NOUNS or noun.pos_ not in ("NOUN", "PROPN") or _past(noun):
            continue
        person = _person_of_noun(view, noun)
        if person is None:
            continue
        for band in dict.fromkeys(_bands(view, noun)):
            if band != person:
                yield FoundRelation(person, "memberOf", band, noun.sent, "band-musician", CONFIDENCE)


def _past(noun: Token) -> bool:
    """"former guitarist X", "Former Orbit Club guitarist X": a past word before the noun
    in its phrase (or the name's it premodifies)."""
    phrase = noun.head if noun.dep_ == "compound" else noun
    return any((t.lower_ in PAST or t.lower_.startswith("ex-")) for t in phrase.subtree if t.i <= noun.i)


def _person_of_noun(view: DocumentView, noun: Token) -> str | None:
    """The person the noun introduces: the name it premodifies ("bassist Jane Roe"), its
    apposition ("the drummer, John Doe"), or the one it is said of ("Roe, the drummer")."""
    candidates = [noun.head] if noun.dep_ == "compound" else []
    candidates += [c for c in noun.children if c.dep_ == "appos"]
    for t in candidates:
        eid = view.token_entity(t)
        if eid is not None and view.kind(eid) == "Person":
            return eid
    eid = described_person(view, noun)
    return eid if eid is not None and view.kind(eid) == "Person" else None


def _bands(view: DocumentView, noun: Token) -> Iterator[str]:
    """The organizations the noun's phrase or clause names as the band."""
    doc = view.doc
    first = min((c.i for c in noun.children if c.dep_ in ("compound", "amod") and c.i < noun.i), default=noun.i)
    if first > noun.sent.start:  # "Orbit Club bassist Jane Roe"
        eid = view.token_entity(doc[first - 1])
        if eid is not None and view.kind(eid) == "Organization":
            yield eid
    for c in noun.children:
        if c.dep_ == "poss":  # "the Orbit Club's drummer"
            eid = view.token_entity(c) or view.referent(c)
            if eid is not None and view.kind(eid) == "Organization":
                yield eid
        elif c.dep_ == "prep" and c.lower_ in BAND_PREPS:  # "the guitarist of the Orbit Club"
            for o in (x for x in c.children if x.dep_ == "pobj"):
                yield from organizations(view, o)
    band = _forming_subject(view, noun)
    if band is not None:
        yield band


def _forming_subject(view: DocumentView, noun: Token) -> str | None:
    """The band that is the subject of the forming or recruiting verb the musician's
    phrase hangs from ("X was formed by guitarist A", "..., later recruiting drummer B")."""
    subj = forming_subject(noun)
    eid = None if subj is None else view.token_entity(subj) or view.referent(subj) or described_group(view, subj)
    return eid if eid is not None and view.kind(eid) == "Organization" else None


def forming_subject(noun: Token) -> Token | None:
    """The subject of the forming or recruiting verb a musician's noun `noun` hangs from
    (through the name, prepositions, conjuncts and, when the parser leaves the later
    names loose, a noun-phrase adverbial)."""
    verb = noun.head if noun.dep_ == "compound" else noun
    while verb.pos_ not in ("VERB", "AUX") and verb.head != verb and verb.dep_ in (
            "compound", "pobj", "dobj", "conj", "appos", "agent", "prep", "npadvmod"):
        verb = verb.head
    while verb.pos_ in ("VERB", "AUX") and verb.lemma_.lower() in FORMING_VERBS:
        subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is not None:
            return subj
        if verb.dep_ not in ("advcl", "xcomp", "conj") or verb.head == verb:
            return None
        verb = verb.head
    return None
