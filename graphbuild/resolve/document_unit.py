"""The one first-level unit of a country as the container of a document's other places
(rule "document-unit"), as `document_state` does for a US state.

A lead that names one first-level subdivision only (ISO 3166-2 through pycountry:
"Alberta", "Queensland", "Kotayk Province"), and that in its opening sentence, and no
US state, sets its scene there: each other place of the document that no edge puts in
a subdivision or a state yet lies in that unit, unless it is a country, a unit itself,
a continent or a sea, or GeoNames knows its name as a city of other countries only, or
as a city at all when the unit is a city itself ("Berlin": no city lies in it).
Evidence: the place's first mention, confidence `CONFIDENCE`.
"""
from __future__ import annotations

from collections.abc import Callable

from graphbuild.lexicon.countries import by_name
from graphbuild.model import Entity, Evidence, Mention, Relation
from graphbuild.resolve.document_state import opening_region

CONTAINED_IN = "containedInPlace"
DOCUMENT_UNIT = "document-unit"
CONFIDENCE = 0.55


def document_unit(mentions: dict[str, dict[str, Mention]], opening: dict[str, int], by_id: dict[str, Entity],
                  relations: list[Relation], unit_country: Callable[[Entity], str | None],
                  may_lie_in: Callable[[Entity, str, Entity], bool], countries: dict[str, str]) -> list[Relation]:
    """The "document-unit" edges of each document: `unit_country(e)` is the country code
    of the unit (or US state, "US") place `e` names, else None; `may_lie_in(e, code,
    unit)` whether place `e` may lie in `unit` of country `code`;
    `countries` maps country entity ids to their codes (an edge into another country
    keeps a place out)."""
    units = {eid: f"{code}:{eid}" for eid, e in by_id.items() if (code := unit_country(e)) is not None}
    placed: dict[str, set[str]] = {}  # doc -> places an edge puts in a unit
    abroad: dict[str, dict[str, set[str]]] = {}  # doc -> place -> the countries edges put it in
    for r in relations:
        if r.predicate == CONTAINED_IN and (r.object in units or r.object in countries):
            for ev in r.evidence:
                if r.object in units:
                    placed.setdefault(ev.doc_id, set()).add(r.subject)
                else:
                    abroad.setdefault(ev.doc_id, {}).setdefault(r.subject, set()).add(countries[r.object])
    out = []
    for doc_id in sorted(mentions):
        here = mentions[doc_id]
        found = opening_region(here, {eid: units[eid] for eid in here if eid in units}, opening.get(doc_id))
        if found is None or found[0].startswith("US:"):
            continue  # a US state is `document_state`'s
        code, home = found[0].split(":", 1)[0], found[1]
        for eid in sorted(here):
            e = by_id[eid]
            if eid == home or eid in units or eid in placed.get(doc_id, ()) or any(by_name(n) for n in (e.label, *e.alt_labels)):
                continue
            if not may_lie_in(e, code, by_id[home]) or abroad.get(doc_id, {}).get(eid, {code}) != {code}:
                continue
            m = here[eid]
            ev = Evidence(doc_id, m.sentence_start, m.sentence_end, DOCUMENT_UNIT, CONFIDENCE)
            out.append(Relation(eid, CONTAINED_IN, home, (ev,)))
    return out
