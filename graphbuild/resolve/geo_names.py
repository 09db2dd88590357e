"""Containment that the form of two place names of one document states.

- A unit named after a place: "Tarvik" lies in "Tarvik Province" (also "Tarvik Region",
  "Tarvik District", "Province of Tarvik"; rule "name-unit"): a region is named after
  its seat, as most provinces, prefectures and counties are.
- A facility named after a place: "Tarvik International Airport", "Tarvik Central
  Station", "Tarvik Zoo", "Tarvik Route 12" lie in Tarvik (rule "name-facility").
The shorter place must be no country, US state or continent (a unit of a country's name,
"Luxembourg Province", holds no part of that country); evidence: the contained place's
first mention. spaCy-free; `geo_containment` calls it per document.
"""
from __future__ import annotations

from collections.abc import Callable, Iterator

from graphbuild.model import Entity, Evidence, Mention, Relation
from graphbuild.names import normalize

CONTAINED_IN = "containedInPlace"
CONFIDENCE = {"name-unit": 0.75, "name-facility": 0.7}
# Administrative units named after their seat ("Aldor Province", "Province of Aldor").
UNIT_WORDS = frozenset(
    "province region district prefecture governorate oblast voivodeship county municipality canton "
    "department".split()
)
# Built things that carry the name of the place they serve ("Aldor International Airport");
# natural features (rivers, valleys, mountains) cross borders and are left out.
FACILITY_WORDS = frozenset(
    "airport station zoo stadium arena dam bridge harbour harbor port cathedral palace castle route "
    "highway tramway metro".split()
)
MAX_EXTRA = 3  # words between the place's name and the facility noun ("Aldor International Airport")


def _unit_of(place: str, unit: str) -> bool:
    """Whether the unit called `unit` is named after the place called `place`."""
    p, u = place.split(), unit.split()
    n = len(p)
    if u[:n] == p and len(u) == n + 1 and u[n].lower() in UNIT_WORDS:
        return True
    return len(u) == n + 2 and u[0].lower() in UNIT_WORDS and u[1].lower() == "of" and u[2:] == p  # "Province of X"


def _facility_of(facility: str, place: str) -> bool:
    """Whether the place called `facility` is a built thing named after the place `place`."""
    p, f = place.split(), facility.split()
    n = len(p)
    if f[:n] != p or len(f) == n:
        return False
    named = [w for w in f[n:] if not w.isdigit()]
    return (0 < len(named) <= MAX_EXTRA and any(w.lower() in FACILITY_WORDS for w in named)
            and all(w[:1].isupper() for w in named))


def _rule(inner: list[str], outer: list[str]) -> str | None:
    if any(_unit_of(a, b) for a in inner for b in outer):
        return "name-unit"
    if any(_facility_of(a, b) for a in inner for b in outer):
        return "name-facility"
    return None


def name_containment(here: dict[str, Mention], by_id: dict[str, Entity],
                     is_region: Callable[[Entity], bool]) -> Iterator[Relation]:
    """The "name-unit" and "name-facility" edges among the places `here` (entity id ->
    first mention in one document); `is_region(e)` says a place is a country, a US state
    or a continent, which no unit named after it contains."""
    names = {eid: sorted({n.strip() for n in (by_id[eid].label, *by_id[eid].alt_labels) if n.strip()})
             for eid in sorted(here)}
    for inner in sorted(here):
        for outer in sorted(here):
            if inner == outer:
                continue
            rule = _rule(names[inner], names[outer])
            if rule is None or rule == "name-unit" and (is_region(by_id[inner]) or is_region(by_id[outer])):
                continue
            m = here[inner]
            yield Relation(inner, CONTAINED_IN, outer, (Evidence(m.doc_id, m.sentence_start, m.sentence_end, rule,
                                                                 CONFIDENCE[rule]),))
