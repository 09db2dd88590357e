"""When two event nodes can be one happening: kind, place, time and participant checks.

Pure functions over model values. Places agree when equal or one is contained in the
other (the model's containedInPlace relations, transitively), and conflict only when both
are located (named by a containment relation, e.g. linked to their country) and neither
holds the other: an unlinked street or park may lie in the other's city. Times agree when
equal, one inside the other's interval, or partial dates agreeing on what they state. `signals`
lists the facts two events positively share (place, date, participant, trigger lemma);
`conflicts` says whether anything stated contradicts joining them.
"""
from __future__ import annotations

import calendar
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import date
from functools import cache, lru_cache

from graphbuild.model import Event, Relation, TimeValue, VERB_TRIGGER

CONTAINED_IN = "containedInPlace"
# Roles naming who an event happened to: two different such people are two events.
VICTIM_ROLES = frozenset({"victim", "patient", "target"})
# Roles that add nothing about identity: a shared "participant" still agrees with an agent.
GENERIC_ROLES = frozenset({"participant"})
# Speech acts recur in every article ("said", "told"): never joined.
REPORTING_KINDS = frozenset({"Statement"})
ROOT_KINDS = frozenset({"Event"})
# Suffixes stripped from a trigger's last word to compare lemmas crudely (killed ~ kill).
_SUFFIXES = ("ings", "ing", "ed", "es", "s")
# Plural-looking endings that are not plurals.
_NOT_PLURAL = ("ss", "us", "is", "news")

Containment = Mapping[str, frozenset[str]]


def containment(relations: Iterable[Relation], located: Iterable[str] = ()) -> dict[str, frozenset[str]]:
    """place id -> every place it is contained in, transitively, for every place a
    containment relation names and every `located` one (linked to a gazetteer: a country
    containing nothing mentioned is still a known place). A place absent from the map is
    one whose whereabouts the model does not know."""
    up: dict[str, set[str]] = defaultdict(set)
    for r in relations:
        if r.predicate == CONTAINED_IN and r.subject != r.object:
            up[r.subject].add(r.object)
    closed: dict[str, frozenset[str]] = {}
    for start in sorted(up):
        seen, stack = set(), [start]
        while stack:
            for nxt in up.get(stack.pop(), ()):
                if nxt not in seen and nxt != start:
                    seen.add(nxt)
                    stack.append(nxt)
        closed[start] = frozenset(seen)
    for outer in sorted(({o for v in up.values() for o in v} | set(located)) - set(closed)):
        closed[outer] = frozenset()  # a top container (a country) or a lone linked place
    return closed


def place_pair_compatible(p: str, q: str, up: Containment) -> bool:
    return p == q or q in up.get(p, ()) or p in up.get(q, ())


def places_compatible(a: Sequence[str], b: Sequence[str], up: Containment) -> bool:
    """Unknown places are compatible; known ones when some pair is equal or nested."""
    return not a or not b or any(place_pair_compatible(p, q, up) for p in a for q in b)


def places_disjoint(a: Sequence[str], b: Sequence[str], up: Containment) -> bool:
    """Whether `a` and `b` are known to be different places: both state places, no pair
    is equal or nested, and some pair is of two gazetteer-located places (each with a
    known container, e.g. its country). A street, park or unlinked name may lie inside
    the other side's place without the model knowing it: no conflict."""
    if places_compatible(a, b, up):
        return False
    return any(p in up and q in up for p in a for q in b)


def most_specific_places(places: Iterable[str], up: Containment) -> tuple[str, ...]:
    """`places` without those that contain another of them (Baghdad, not Iraq), sorted."""
    ps = set(places)
    return tuple(sorted(p for p in ps if not any(p in up.get(q, ()) for q in ps if q != p)))


# --- time ------------------------------------------------------------------------------

def _parse_day(s: str) -> date | None:
    try:
        return date.fromisoformat(s)
    except ValueError:
        return None


@cache
def _span(value: str, datatype: str, end: str | None) -> tuple[date, date] | None:
    """The first and last day a full (year-stating) time value covers, or None."""
    try:
        if datatype == "date":
            first = _parse_day(value)
            last = _parse_day(end) if end else first
            return (first, last) if first and last and first <= last else None
        if datatype == "gYearMonth":
            y, m = int(value[:4]), int(value[5:7])
            return date(y, m, 1), date(y, m, calendar.monthrange(y, m)[1])
        if datatype == "gYear":
            y = int(value[:4])
            return date(y, 1, 1), date(y, 12, 31)
    except (ValueError, IndexError):
        return None
    return None


def _month_day(t: TimeValue) -> tuple[int, int] | None:
    if t.datatype != "gMonthDay" or not t.value:
        return None
    try:
        return int(t.value[2:4]), int(t.value[5:7])
    except ValueError:
        return None


@lru_cache(maxsize=1 << 12)  # a corpus states few intervals, compared for every pair of events
def _days_of(span: tuple[date, date]) -> frozenset[tuple[int, int]]:
    first, last = span
    if (last - first).days > 366:
        return frozenset()
    out, d = set(), first
    while d <= last:
        out.add((d.month, d.day))
        d = date.fromordinal(d.toordinal() + 1)
    return frozenset(out)


def times_compatible(s: TimeValue, t: TimeValue) -> bool:
    """Equal, one inside the other, or partial values agreeing on what they state;
    an unknown value is compatible with anything."""
    if not s.value or not t.value:
        return True
    ss, ts = _span(s.value, s.datatype, s.end), _span(t.value, t.datatype, t.end)
    if ss and ts:
        return (ss[0] <= ts[0] and ts[1] <= ss[1]) or (ts[0] <= ss[0] and ss[1] <= ts[1])
    ms, mt = _month_day(s), _month_day(t)
    if ms and mt:
        return ms == mt
    if ms and ts:
        return ms in _days_of(ts) or (s.value[2:4] == t.value[5:7] and t.datatype == "gYearMonth")
    if mt and ss:
        return mt in _days_of(ss) or (t.value[2:4] == s.value[5:7] and s.datatype == "gYearMonth")
    return True  # a form we cannot compare: no contradiction known


def _is_day(t: TimeValue) -> bool:
    span = _span(t.value, t.datatype, t.end) if t.value else None
    return bool(_month_day(t)) or bool(span and span[0] == span[1])


def specificity(t: TimeValue) -> int:
    """Days a time value covers (smaller is more specific); unknown values last."""
    if not t.value:
        return 10**6
    if _month_day(t):
        return 1
    span = _span(t.value, t.datatype, t.end)
    return (span[1] - span[0]).days + 1 if span else 10**5


def event_times_compatible(a: Event, b: Event) -> bool:
    """Unknown times are compatible; known ones when some pair is (as within a document,
    `extract.event_coref`): one mention's stray date ("in 2007, he ...") does not keep
    apart two reports of one event whose other dates agree."""
    known_a, known_b = [s for s in a.times if s.value], [t for t in b.times if t.value]
    return not known_a or not known_b or any(times_compatible(s, t) for s in known_a for t in known_b)


def dates_agree(a: Event, b: Event) -> bool:
    """A stated day of one matches a stated day of, or lies inside a stated interval of,
    the other (two nested intervals are compatible, not agreeing)."""
    return any((_is_day(s) or _is_day(t)) and s.value and t.value and times_compatible(s, t)
               for s in a.times for t in b.times)


# --- participants, triggers ------------------------------------------------------------

def victims(event: Event) -> set[str]:
    return {p.entity for p in event.participants if p.role in VICTIM_ROLES}


def participants_conflict(a: Event, b: Event) -> bool:
    va, vb = victims(a), victims(b)
    return bool(va and vb and not va & vb)


def participants_agree(a: Event, b: Event) -> bool:
    """A shared participant in the same role (or one role unspecific)."""
    return any(p.entity == q.entity and (p.role == q.role or p.role in GENERIC_ROLES or q.role in GENERIC_ROLES)
               for p in a.participants for q in b.participants)


@lru_cache(maxsize=1 << 16)  # asked for every candidate pair of events
def _head(text: str) -> str:
    words = text.casefold().replace("-", " ").split()
    return words[-1] if words else ""


@lru_cache(maxsize=1 << 16)
def stem(word: str) -> str:
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3 and not word.endswith(_NOT_PLURAL):
            return word[: -len(suffix)]
    return word


def trigger_stems(event: Event) -> set[str]:
    words = [_head(m.text) for m in event.mentions] or [_head(event.label)]
    return {stem(w) for w in words if w}


def is_plural(event: Event) -> bool:
    """Every mention of the event is a plural noun ("attacks", "funeral processions"):
    a generic or collective mention, not one happening."""
    if any(m.rule == VERB_TRIGGER for m in event.mentions):
        return False  # "police foils attack": a verb, whatever its ending
    words = [_head(m.text) for m in event.mentions] or [_head(event.label)]
    return bool(words) and all(w.endswith("s") and not w.endswith(_NOT_PLURAL) and len(w) > 3 for w in words)


def lemmas_agree(a: Event, b: Event) -> bool:
    return bool(trigger_stems(a) & trigger_stems(b))


def signals(a: Event, b: Event, up: Containment) -> list[str]:
    """The facts `a` and `b` positively share."""
    out = []
    if a.places and b.places and places_compatible(a.places, b.places, up):
        out.append("place")
    if dates_agree(a, b):
        out.append("date")
    if participants_agree(a, b):
        out.append("participants")
    if lemmas_agree(a, b):
        out.append("lemma")
    return out


def conflicts(a: Event, b: Event, up: Containment, kinds_ok, plural: Callable[[Event], bool] = is_plural) -> bool:
    """Anything stated that forbids `a` and `b` being one event (`plural`: `is_plural`,
    or a clustering's lookup of it, asked for both events of every pair)."""
    return (
        not kinds_ok(a.kind, b.kind)
        or a.kind in REPORTING_KINDS or b.kind in REPORTING_KINDS
        or plural(a) != plural(b)
        or places_disjoint(a.places, b.places, up)
        or not event_times_compatible(a, b)
        or participants_conflict(a, b)
    )


def sorted_times(times: Iterable[TimeValue]) -> tuple[TimeValue, ...]:
    """Most specific first, then by value and source position (deterministic)."""
    return tuple(sorted(set(times), key=lambda t: (specificity(t), t.value or "", t.end or "", t.text,
                                                    t.doc_id or "", t.start if t.start is not None else -1,
                                                    repr(t))))


def continent_containment(places: Iterable[tuple[str, str]]) -> tuple[list[Relation], set[str]]:
    """What the gazetteer says of continents among `places` ((id, label) pairs): a
    containedInPlace relation from each country to its continent when both are named
    (Syria in Asia), and the ids of the continents (known places, so "Europe" and "Syria"
    are apart even when no relation links them). For event joining only."""
    from graphbuild.lexicon.countries import geonames
    from graphbuild.names import normalize
    from graphbuild.resolve.geo import country_code, gazetteer

    places = list(places)
    by_name = {normalize(c["name"]): code for code, c in geonames().get_continents().items()}
    continents = {code: pid for pid, label in places if (code := by_name.get(normalize(label)))}
    relations = []
    for pid, label in places:
        code = country_code(label)
        record = gazetteer().countries.get(code) if code else None
        outer = continents.get(record.get("continentcode")) if record else None
        if outer and outer != pid:
            relations.append(Relation(pid, CONTAINED_IN, outer, ()))
    return relations, set(continents.values())
