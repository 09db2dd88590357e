"""Nationality from demonyms that `person_facts` does not read: longer describing phrases.

- "American singer-songwriter X", "British dance-pop singer X's album", "South Korean
  swimmer X": a demonym of one or two words, then up to `MAX_WORDS` lowercase words
  (nouns, adjectives, hyphens) right before the name;
- "X (born 1992), South Korean swimmer" / "X, Hungarian footballer": a list entry or an
  appositive without an article, the demonym after the name's comma;
- "X is a Thai martial arts film actor", "X was a Swedish Christian democratic
  politician": a demonym before the run of words before the describing noun of "X is a NOUN" / "X, a NOUN".
- "X represented Ghana at the Olympics", "X played for the Czech national team", "X was
  called up to the Turkey national football team": a country's sport is its citizens'
  (rule "national-team"; a country name only when it is a place of the document).
- "X is a citizen of Peru", "X, a national of Peru": nationality (rule "citizen-of").
- "X of Canada won the race", "King Carl of Sweden": a person's name followed by "of" and
  a country's name (rule "person-of-country"; a city or region is no nationality).
- "X, a member of the Belgian Federal Parliament", "X was elected to the Norwegian
  Parliament": a member of a legislature its demonym names (`person_facts.LEGISLATURES`).
Each yields `affiliation.CountryWords`, resolved by the stage like the other demonyms.
Read-only.
"""
from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span, Token

from graphbuild.extract.affiliation import CountryWords
from graphbuild.extract.person_facts import LEGISLATURES, described_person, verb_person
from graphbuild.extract.view import DocumentView
from graphbuild.lexicon import countries

MAX_WORDS = 5  # lowercase words between a demonym and the name or noun it describes
TEAM_NOUNS = frozenset("team side squad eleven".split())
# Nouns whose "of/for the national team" names a player: "a member of", "captain of".
PLAYER_NOUNS = frozenset("member captain player goalkeeper striker forward defender midfielder".split())
CITIZEN_NOUNS = frozenset("citizen national".split())  # "a citizen of Peru"
MAX_BRACKET = 12  # tokens of a bracket after a name ("(born 4 May 1961 in Leeds)")


def _demonym_ending(doc, end: int, start: int) -> Span | None:
    """A demonym of one or two words ending right before token `end` ("South Korean")."""
    for width in (2, 1):
        a = end - width
        if a >= start and countries.by_demonym(doc[a:end].text) is not None and doc[a].is_title:
            return doc[a:end]
    return None


def _demonym_starting(doc, i: int, end: int) -> Span | None:
    for width in (2, 1):
        if i + width <= end and countries.by_demonym(doc[i:i + width].text) is not None and doc[i].is_title:
            return doc[i:i + width]
    return None


def _describing_run(doc, start: int, stop: int, forward: bool, need_noun: bool = True) -> int | None:
    """From token `start`, the index past a run of at most `MAX_WORDS` lowercase words,
    hyphens or group adjectives ("Christian", no country's demonym), walking forward or
    back, not past `stop`, when at least one is a noun (or `need_noun` is False)."""
    step = 1 if forward else -1
    k, words, noun = start, 0, not need_noun
    while (k < stop if forward else k >= stop) and words < MAX_WORDS:
        t = doc[k]
        group = t.ent_type_ == "NORP" and t.is_title and countries.by_demonym(t.text) is None
        if t.text in ("-", "–") or group or (t.is_lower and t.is_alpha and t.pos_ in ("NOUN", "ADJ", "PROPN")):
            noun |= t.pos_ == "NOUN"
            k += step
            words += 1
        else:
            break
    return k if noun else None


def _before_name(view: DocumentView, person: str, span: Span) -> CountryWords | None:
    doc = span.doc
    k = _describing_run(doc, span.start - 1, span.sent.start, forward=False)
    if k is None:
        return None
    words = _demonym_ending(doc, k + 1, span.sent.start)
    return CountryWords(person, span.sent, words, "demonym") if words is not None else None


def _after_name(view: DocumentView, person: str, span: Span) -> CountryWords | None:
    """"X (dates), Demonym noun" / "X, Demonym noun": no article, a noun run ending the
    clause (a comma, a full stop, "and", a bracket or the sentence end)."""
    doc, end = span.doc, span.sent.end
    k = span.end
    if k < end and doc[k].text == "(":
        close = next((j for j in range(k, min(end, k + MAX_BRACKET)) if doc[j].text == ")"), None)
        if close is None:
            return None
        k = close + 1
    if k >= end or doc[k].text != ",":
        return None
    words = _demonym_starting(doc, k + 1, end)
    if words is None:
        return None
    stop = _describing_run(doc, words.end, end, forward=True)
    if stop is None or (stop < end and doc[stop].text not in (",", ".", ";", ")", "(") and doc[stop].lower_ != "and"):
        return None
    return CountryWords(person, span.sent, words, "demonym")


def _in_noun_phrase(view: DocumentView) -> Iterator[CountryWords]:
    """A demonym before the words of a describing noun: "X is a Thai martial arts actor"."""
    doc = view.doc
    for noun in doc:
        if noun.pos_ != "NOUN" or noun.dep_ not in ("attr", "appos") or not noun.is_lower:
            continue
        k = _describing_run(doc, noun.i - 1, noun.sent.start, forward=False, need_noun=False)
        words = _demonym_ending(doc, k + 1, noun.sent.start) if k is not None and k + 1 < noun.i - 1 else None
        person = described_person(view, noun) if words is not None else None
        if person is not None:
            yield CountryWords(person, noun.sent, words, "demonym")


def nationality_phrases(view: DocumentView) -> Iterator[CountryWords]:
    """Country words describing a person (module docstring)."""
    for person, span in view.entity_spans(("Person",)):
        for found in (_before_name(view, person, span), _after_name(view, person, span)):
            if found is not None:
                yield found
    yield from _in_noun_phrase(view)
    yield from national_teams(view)
    yield from legislature_members(view)
    yield from persons_of_countries(view)
    yield from citizens(view)


def _country_object(view: DocumentView, prep: Token) -> Span | None:
    """The words of a country-named Place entity that is the object of `prep`."""
    for o in (c for c in prep.children if c.dep_ == "pobj"):
        place = view.token_entity(o)
        if place is None or view.kind(place) != "Place":
            continue
        words = [t for t in o.subtree if view.token_entity(t) == place]
        country = o.doc[words[0].i : words[-1].i + 1] if words else None
        if country is not None and countries.by_name(country.text) is not None:
            return country
    return None


def citizens(view: DocumentView) -> Iterator[CountryWords]:
    """"X is a citizen of COUNTRY", "X, a national of COUNTRY" (module docstring)."""
    for noun in view.doc:
        if noun.lower_ not in CITIZEN_NOUNS or noun.pos_ != "NOUN" or noun.dep_ not in ("attr", "appos"):
            continue
        person = described_person(view, noun)
        prep = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        country = _country_object(view, prep) if person is not None and prep is not None else None
        if country is not None:
            yield CountryWords(person, noun.sent, country, "citizen-of")


def persons_of_countries(view: DocumentView) -> Iterator[CountryWords]:
    """"NAME of COUNTRY" (module docstring): the preposition on the name's head word,
    right after the name, its object a Place entity named as a country."""
    for person, span in view.entity_spans(("Person",)):
        for prep in span.root.children:
            if prep.dep_ != "prep" or prep.lower_ != "of" or prep.i != span.end:
                continue
            country = _country_object(view, prep)
            if country is not None:
                yield CountryWords(person, span.sent, country, "person-of-country")


def _country_span(view: DocumentView, words: Span) -> Span | None:
    """`words` when they name a country: a demonym, or a country whose place the
    document names (a name inside a team's name makes no country of its own)."""
    if countries.by_demonym(words.text) is not None:
        return words
    c = countries.by_name(words.text)
    if c is not None and view.find_by_label(set(c.names) | {c.label}, "Place") is not None:
        return words
    return None


def _team_country(view: DocumentView, team: Token) -> Span | None:
    """The country words before "national" in "the Turkey national football team"."""
    doc = team.doc
    nat = next((c for c in team.children if c.lower_ == "national" and c.i < team.i), None)
    if nat is None:
        return None
    for width in (2, 1):
        a = nat.i - width
        if a >= team.sent.start and doc[a].is_title and (found := _country_span(view, doc[a:nat.i])) is not None:
            return found
    return None


def _team_player(view: DocumentView, team: Token) -> str | None:
    """Who plays in the team: "X played for / was called up to / was a member of" it."""
    prep = team.head if team.dep_ == "pobj" else None
    if prep is None or prep.lower_ not in ("for", "to", "of", "with", "in"):
        return None
    head = prep.head
    if head.pos_ in ("VERB", "AUX"):
        return verb_person(view, head)
    if head.lemma_.lower() in PLAYER_NOUNS:
        return described_person(view, head)
    return None


def national_teams(view: DocumentView) -> Iterator[CountryWords]:
    """Nationality of the players of national teams and of who represents a country."""
    doc = view.doc
    for t in doc:
        if t.lemma_.lower() in TEAM_NOUNS and t.pos_ == "NOUN":
            words = _team_country(view, t)
            person = _team_player(view, t) if words is not None else None
        elif t.lemma_.lower() == "represent" and t.pos_ == "VERB":
            obj = next((c for c in t.children if c.dep_ == "dobj"), None)
            eid = view.token_entity(obj) if obj is not None else None
            words = next((s for e, s in view.entity_spans(("Place",)) if e == eid and s.start <= obj.i < s.end), None) \
                if eid is not None and countries.by_name(view.label(eid)) else None
            person = verb_person(view, t) if words is not None else None
        else:
            continue
        if person is not None:
            yield CountryWords(person, t.sent, words, "demonym")


def _legislature_demonym(house: Token) -> Span | None:
    """The demonym opening the name of a legislature: "the Belgian Federal Parliament"."""
    if house.lemma_.lower() not in LEGISLATURES:
        return None
    doc = house.doc
    first = min((t.i for t in house.subtree if t.i <= house.i and t.dep_ != "det"), default=house.i)
    if not all(doc[k].dep_ in ("compound", "amod") and doc[k].head.i <= house.i for k in range(first, house.i)):
        return None  # only the name's own words before the house ("Parliament")
    return _demonym_starting(doc, first, house.i)


def legislature_members(view: DocumentView) -> Iterator[CountryWords]:
    """A member of, or one elected to, a legislature its demonym names is its country's
    citizen: "X, a member of the Belgian Parliament", "X was elected to the Swedish Riksdag"."""
    for house in view.doc:
        prep = house.head
        if house.dep_ != "pobj" or (words := _legislature_demonym(house)) is None:
            continue
        holder = prep.head
        if prep.lower_ == "of" and holder.lemma_.lower() == "member":
            person = described_person(view, holder)
        elif prep.lower_ in ("to", "in") and holder.lemma_.lower() in ("elect", "sit", "serve"):
            person = verb_person(view, holder)
        else:
            continue
        if person is not None:
            yield CountryWords(person, house.sent, words, "demonym")
