"""Where places lie, from the phrases that say so.

- "Brenton is a small town in Lowell County, Nebraska, United States" / "Brenton, a town
  in ...": the subject in each place of the chain, and each place of the chain in the
  ones after it ("place-phrase", "place-chain").
- "Kessel Dam is located near Dalton, Georgia" / "a school situated in Y": the subject in
  the chain (after "near", only in the regions after the neighbour).
- "the U.S. state of Oregon", "the Canadian province of Alberta": the unit in the
  country, which a demonym may name (`CountryRef`, resolved by the stage); so does "X is
  a Norwegian village" ("demonym-place").

A chain is the run of places after a preposition: "in Y, Z (W)", "in Y in western Z",
"in the city of Y", "in the Y region of Z"; a list ("in Y, Z and W") is no chain. Read-only: yields records.
"""
from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterator
from typing import NamedTuple

from spacy.tokens import Span, Token

from graphbuild.extract.places import list_goes_on, possessed_at
from graphbuild.extract.records import FoundRelation
from graphbuild.extract.view import DocumentView
from graphbuild.lexicon import countries
from graphbuild.lexicon.place_words import (
    ADMIN_NOUNS, COMPASS, CONTAINER_PREPS, LOCATION_VERBS, NEAR_PREPS, PLACE_NOUNS,
)

ARTICLES = frozenset("the a an".split())
LIST_WORDS = frozenset("and or".split())
CONTAINED = "containedInPlace"
# Nouns whose "of Y" is their container ("a suburb of Y", "the capital of Y", "the county
# seat of Y"), besides the administrative units.
PART_NOUNS = frozenset("suburb neighbourhood neighborhood part quarter district area capital seat".split())
MAX_SKIP = 6  # words between a preposition and the place it introduces
# Nouns of a part of a place written before it ("the far northeastern part of Y", "on the
# outskirts of Y"): what lies in the part lies in Y.
PART_OF_NOUNS = frozenset("part parts portion corner edge outskirts heart centre center".split())
# Prepositions after which a run of places ("at Y in Z", "from Y, Z") is a chain.
CHAIN_PREPS = frozenset("in within at from near to of on outside into throughout".split())


class CountryRef(NamedTuple):
    """A unit named with its country's word ("the U.S. state of Oregon"): `place` lies in
    the country `span` names; the stage finds or makes that country's entity."""

    place: str
    span: Span
    sentence: Span
    rule: str


class _Chain(NamedTuple):
    places: list[tuple[str, Span]]
    countries: list[CountryRef]


def _country_words(doc, j: int, end: int) -> int | None:
    """The end of a country's name or demonym starting at token `j` that an
    administrative noun follows ("U.S. state", "Canadian province"), else None."""
    for k in range(min(end, j + 3), j, -1):
        words = doc[j:k]
        if k < end and doc[k].lower_ in ADMIN_NOUNS and (countries.by_name(words.text) or countries.by_demonym(words.text)):
            return k
    return None


def _skip_to_place(view: DocumentView, doc, i: int, by_start: dict, refs: list) -> int:
    """Token index of the place introduced at `i` after articles, compass words and "the
    [country] state of"; a country word before a unit noun is noted in `refs` as
    (span, None) until its place is known."""
    end = doc[i].sent.end if i < len(doc) else i
    j, steps = i, 0
    while j < end and steps < MAX_SKIP:
        t = doc[j]
        if j in by_start and _country_words(doc, j, end) is None:
            break
        if t.lower_ in ARTICLES or t.lower_ in COMPASS or t.lower_ == "far" or t.text == "-":
            j += 1
        elif t.is_lower and t.lower_ in PART_OF_NOUNS and j + 1 < end and doc[j + 1].lower_ == "of":
            j += 2  # "the far northeastern part of Y"
        elif t.is_lower and t.pos_ == "ADJ" and j + 1 < end and doc[j + 1].lower_ in ADMIN_NOUNS:
            j += 1  # "the administrative district of Y"
        elif t.lower_ in ADMIN_NOUNS and j + 1 < end and doc[j + 1].lower_ == "of":
            j += 2
        elif (k := _country_words(doc, j, end)) is not None:
            refs.append(doc[j:k])
            j = k
        else:
            break
        steps += 1
    return j


def place_chain(view: DocumentView, i: int, by_start: dict) -> _Chain:
    """The places of the chain that starts at token `i` (right after a preposition)."""
    doc = view.doc
    if i >= len(doc):
        return _Chain([], [])
    end = doc[i].sent.end
    chain: list[tuple[str, Span]] = []
    refs: list[CountryRef] = []
    while i < end and len(chain) < 6:
        pending: list[Span] = []
        j = _skip_to_place(view, doc, i, by_start, pending)
        hit = by_start.get(j)
        if hit is None or any(eid == hit[0] for eid, _ in chain):
            break
        if chain and list_goes_on(doc, hit[1].end, end, by_start):
            if len(chain) >= 2:  # "in A, B, C and D": the commas joined a list, no chain
                return _Chain([], refs)
            break
        span = hit[1]
        if chain and possessed_at(doc, span.end):
            break  # "of Vellmora, Germany's largest insurer": an apposition, no place in Germany
        chain.append(hit)
        refs.extend(CountryRef(hit[0], s, hit[1].sent, "admin-unit-of-country") for s in pending)
        if countries.by_name(hit[1].text) or countries.by_name(view.label(hit[0])):
            break  # nothing after a country contains it ("Texas (United States) in Brazoria County")
        k = hit[1].end
        if k < end and doc[k].text == ")" and k > 0:
            k += 1
        if k + 1 < end and doc[k].is_lower and doc[k].lower_ in ADMIN_NOUNS and doc[k + 1].lower_ in ("of", "in"):
            i = k + 2  # "in the Lazio region of central Italy"
        elif k + 1 < end and doc[k].text in (",", "(") and doc[k + 1].lower_ in ("in", "within"):
            i = k + 2  # ", in Bergen County"
        elif k + 1 < end and doc[k].text in (",", "("):
            i = k + 1
        elif k + 1 < end and doc[k].lower_ in ("in", "within"):
            i = k + 1
        else:
            break
    return _Chain(chain, refs)


def _subject_entity(view: DocumentView, tok: Token) -> str | None:
    words = [tok] + [c for c in tok.children if c.dep_ in ("compound", "flat", "det")]
    return view.token_entity(tok) or view.entity_of_tokens(sorted(words, key=lambda t: t.i)) or view.referent(tok)


def _container_preps(noun: Token) -> Iterator[Token]:
    """The prepositions under a place noun or location verb that name its container,
    through "located in" clauses and "one of the towns of"."""
    for c in noun.children:
        low = c.lower_
        if c.dep_ == "prep" and (low in CONTAINER_PREPS or low in NEAR_PREPS):
            yield c
        elif c.dep_ == "prep" and low == "of" and (noun.lemma_.lower() in ADMIN_NOUNS or noun.lemma_.lower() in PART_NOUNS):
            yield c
        elif c.dep_ == "prep" and low == "of" and noun.lower_ == "one":
            for p in c.children:
                if p.dep_ == "pobj" and p.lemma_.lower() in PLACE_NOUNS:
                    yield from _container_preps(p)
        elif c.dep_ in ("acl", "relcl") and c.lemma_.lower() in LOCATION_VERBS:
            yield from _container_preps(c)
        elif c.dep_ == "conj" and c.pos_ == "NOUN":  # "a town and comune in Y": the last noun holds "in"
            yield from _container_preps(c)


def _place_subject(view: DocumentView, noun: Token) -> str | None:
    """The entity a place noun or location verb describes: the copula's subject ("X is a
    town"), the appositive's head ("X, a town"), the passive subject ("X is located")."""
    if noun.dep_ in ("attr", "acomp") or noun.pos_ in ("VERB", "AUX"):
        head = noun.head if noun.dep_ in ("attr", "acomp") else noun
        subj = next((c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        return _subject_entity(view, subj) if subj is not None else None
    if noun.dep_ == "appos":
        return _subject_entity(view, noun.head)
    if noun.dep_ == "conj" and noun.head.dep_ in ("attr", "appos"):
        return _place_subject(view, noun.head)
    if noun.dep_ == "conj" and noun.head.lemma_ == "be":  # "X is a town and comune in Y", parsed on "is"
        subj = next((c for c in noun.head.children if c.dep_ == "nsubj"), None)
        return _subject_entity(view, subj) if subj is not None else None
    return None


def _triggers(view: DocumentView) -> Iterator[tuple[str, Token, str]]:
    """(subject entity, preposition, rule) of every place phrase and location verb."""
    for t in view.doc:
        low = t.lemma_.lower()
        if t.pos_ in ("NOUN", "PROPN", "NUM") and (low in PLACE_NOUNS or (low == "one" and t.dep_ == "attr")):
            rule = "place-phrase"
        elif t.pos_ == "VERB" and low in LOCATION_VERBS and t.dep_ != "acl":
            rule = "place-located"
        else:
            continue
        if t.dep_ not in ("attr", "appos", "conj") and rule == "place-phrase":
            continue
        subject = _place_subject(view, t)
        if subject is None or view.kind(subject) == "Person" and rule == "place-located":
            continue
        if view.kind(subject) == "Organization" and rule == "place-located":
            continue  # "a company based in Y": where it sits, not a place in a place
        for prep in _container_preps(t):
            yield subject, prep, rule


def find_place_phrases(view: DocumentView) -> Iterator[FoundRelation | CountryRef]:
    """containedInPlace edges (and country references) of the document's place phrases."""
    by_start = {s.start: (eid, s) for eid, s in view.entity_spans(("Place",))}
    seen: set[int] = set()
    for subject, prep, rule in _triggers(view):
        chain = place_chain(view, prep.i + 1, by_start)
        seen.add(prep.i + 1)
        places = chain.places[1:] if prep.lower_ in NEAR_PREPS else chain.places
        sent = prep.sent
        for eid, _ in places:
            yield FoundRelation(subject, CONTAINED, eid, sent, rule, 0.8)
        yield from _chain_edges(chain.places, sent)
        yield from chain.countries
    yield from _admin_units(view, by_start, seen)
    yield from _demonym_places(view)


def _demonym_places(view: DocumentView) -> Iterator[CountryRef]:
    """"X is a Norwegian village", "X, an American national park": the place X lies in
    the country the demonym names."""
    for t in view.doc:
        if t.pos_ != "NOUN" or t.lemma_.lower() not in PLACE_NOUNS or t.dep_ not in ("attr", "appos"):
            continue
        demonyms = [c for c in t.children if c.dep_ == "amod" and countries.by_demonym(c.text)]
        subject = _place_subject(view, t) if demonyms else None
        if subject is not None and view.kind(subject) != "Person":  # the noun says it is a place
            yield CountryRef(subject, view.doc[demonyms[0].i:demonyms[0].i + 1], t.sent, "demonym-place")


def _chain_edges(places: list[tuple[str, Span]], sent: Span) -> Iterator[FoundRelation]:
    for a, (inner, _) in enumerate(places):
        for outer, _ in places[a + 1 :]:
            yield FoundRelation(inner, CONTAINED, outer, sent, "place-chain", 0.8)


def _admin_units(view: DocumentView, by_start: dict, seen: set[int]) -> Iterator[FoundRelation | CountryRef]:
    """Chains after a preposition that no place phrase read: "in the U.S. state of Oregon",
    and the chain's own containment ("in Kahului, Maui County, Hawaii", "born at Y in Z",
    "from Y, Z")."""
    doc = view.doc
    starts = sorted(by_start)
    for t in doc:
        if t.pos_ != "ADP" or t.i + 1 in seen:
            continue
        k = bisect_left(starts, t.i + 1)  # no place within reach: no chain to read
        if k == len(starts) or starts[k] > t.i + 1 + MAX_SKIP:
            continue
        chain = place_chain(view, t.i + 1, by_start)
        yield from chain.countries
        if len(chain.places) > 1 and t.lower_ in CHAIN_PREPS:
            yield from _chain_edges(chain.places, t.sent)


def country_ref_relation(ref: CountryRef, country: str) -> FoundRelation:
    return FoundRelation(ref.place, CONTAINED, country, ref.sentence, ref.rule, 0.85)
