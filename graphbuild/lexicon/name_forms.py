"""What a name's own form says about its kind, apart from the tagger's label.

`name_votes(name)` returns kind votes from evidence any reader of the name would use:
- a legal-form suffix ("Walt Disney Co.", "Deutsche Bank AG", read by cleanco) and an
  organization head noun at the end ("Maui County Police", "Screen Actors Guild"):
  Organization;
- a place head noun at the end ("Blair County Courthouse", "Gaza Strip"), a place word
  opening a short name ("Lake Varn", "Mount Orlo") or the whole
  name in the gazetteers we ship (GeoNames cities, US states, countries): Place;
- personal-name structure (nameparser): a middle initial ("Marina E. Franco") or a
  generational suffix ("John Smith Jr.") is how people, not companies, are written.
`org_short_forms(name)` are the one-word forms an organization's name is shortened to
("Acme" for "Acme Industrial Holdings", "Disney" for "Walt Disney Co."), and
`acronym_shaped(name)` says a name is written as an acronym ("SAG-AFTRA"), which no
personal name is. `shaped_like_person(name)` is the weaker cue "Given Surname": two or three capitalized
words, none a place, organization or compass word; callers weigh it only against a
tag they already doubt (a Place tag the gazetteer does not confirm).
Pure string functions over the packaged data (a base module: extract and resolve both
use it), memoized: the same names recur across documents.
"""
from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from cleanco import basename, typesources
from cleanco.clean import normalized, strip_tail
from nameparser import HumanName

from graphbuild.lexicon.countries import by_name, former_state, geonames
from graphbuild.lexicon.place_words import COMPASS, PLACE_NOUNS
from graphbuild.lexicon.words import (
    ORG_HEAD_NOUNS, ORG_ONLY_HEADS, PLACE_HEAD_NOUNS, PLACE_MODIFIERS, PLACE_ONLY_HEADS, PLACE_OPENERS,
)
from graphbuild.names import normalize

LEGAL_FORM_WEIGHT = 3.0  # "Co.", "Inc.", "GmbH": as strong as a full name tagged PERSON
HEAD_NOUN_WEIGHT = 2.0  # the head noun of a name decides over one tag
GAZETTEER_WEIGHT = 1.0  # a known place name counts as one mention more
NAME_STRUCTURE_WEIGHT = 2.0  # "Marina E. Franco", "John Smith Jr."
_NAME_MARKS = frozenset("'’-")


def _capitalized_word(word: str) -> bool:
    """A capital, a lowercase letter, then lowercase letters, "'" or "-", in any script:
    "Tom", "Iñaki", "Mróz", "Zaręba" (not "TOM", "tom", "Ab1")."""
    return (len(word) >= 2 and word[0].isupper() and word[1].islower()
            and all(c.islower() or c in _NAME_MARKS for c in word[2:]))
_MIDDLE_INITIAL = re.compile(r"[A-Z]\.?")


@lru_cache(maxsize=1)
def _legal_form_terms() -> frozenset[str]:
    """cleanco's legal-form terms, normalized its way once (`cleanco.matches` normalizes
    all of them again for every name it is asked about)."""
    return frozenset(normalized(term) for _, term in typesources())


# Lowercase words cleanco takes for legal forms that are name particles in a personal
# name ("Lula da Silva", "Marta de"); "plc" or "ltd" in lowercase are still legal forms.
NAME_PARTICLES = frozenset({"da", "de", "do", "dos", "das", "du", "di", "del", "van", "von", "y", "e", "as", "et"})


def _legal_prefix(name: str) -> bool:
    """Whether `name` opens with a legal form written in capitals ("PT Bank Mandiri",
    "OOO Gazprom"), the only place other than the end where one stands; two capitals
    before one word or a particle are a person's initials ("AB de Villiers", "PT Barnum")."""
    first, *rest = strip_tail(name).split()
    initials = len(first) <= 2 and (len(rest) < 2 or rest[0].islower())
    return first.isupper() and not initials and normalized(first) in _legal_form_terms()


# Legal forms a company writes as a capitalized word ("Acme Corp", "Walt Disney Company",
# "Fiskars Oy"); cleanco's others in that case are surnames or name words ("C. Everett
# Koop", "Angus Óg", "Sir John Smith, 5th Bt"): companies write those in capitals ("AG").
TITLE_CASE_FORMS = frozenset(
    "inc corp co ltd limited company corporation incorporated plc llc llp lp oy oyj gmbh spa pty pvt bhd ltda".split())


@lru_cache(maxsize=1 << 14)
def legal_form(name: str) -> bool:
    """Whether `name` ends with a company's legal form ("Apple Inc.", "Toyota Motor
    Corp", "Walt Disney Company"); a bare legal-form word is no name of a company."""
    if len(name.split()) < 2:
        return False
    base = basename(name).strip(" ,")
    if base and name.startswith(base) and base != name.strip(" ,"):
        # cleanco strips a tail that is a legal-form term whatever its case.
        tail = name[len(base):].strip(" ,.")
        if tail[:1].isupper() and tail[1:].islower() and tail.casefold() not in TITLE_CASE_FORMS:
            return False
        return tail not in NAME_PARTICLES
    return base != "" and _legal_prefix(name)


def without_legal_form(name: str) -> str:
    """`name` without its legal form ("Walt Disney Co." -> "Walt Disney"), or unchanged."""
    if not legal_form(name):
        return name
    return basename(name).strip(" ,") or name


# Kinds of first-level subdivision (ISO 3166-2) large enough to be named in the news
# ("Minas Gerais", "Telangana", "Bayern"); municipalities and councils are left out.
_REGION_TYPES = frozenset(("State", "Province", "Region", "Autonomous region", "Autonomous community",
                           "Autonomous province", "Autonomous republic", "Governorate", "Prefecture",
                           "Department", "Land", "Union territory", "Federal district", "Oblast",
                           "Emirate", "Republic", "Canton", "Metropolitan region"))
_GENERIC = COMPASS | PLACE_NOUNS | {"centre", "centrale", "nord", "sud", "est", "ouest", "norte", "sul"}


def _region_name(name: str) -> str | None:
    """The normalized name of a subdivision, unless it is generic ("Northern", "Centre",
    "Lakes") or so short that it is mostly another word ("Meta", "Pool")."""
    if any(ch in name for ch in ",/[()†"):
        return None
    norm = normalize(name)
    words = norm.replace("-", " ").split()
    if not words or all(w in _GENERIC or w.rstrip("s") in _GENERIC for w in words):
        return None
    return norm if len(words) > 1 or len(norm) >= 5 else None


@lru_cache(maxsize=1)
def _place_names() -> frozenset[str]:
    """Normalized names of the packaged GeoNames cities, US states and large first-level
    subdivisions (pycountry)."""
    import pycountry

    gc = geonames()
    names = [rec["name"] for rec in gc.get_cities().values()] + [rec["name"] for rec in gc.get_us_states().values()]
    regions = (_region_name(s.name) for s in pycountry.subdivisions if s.parent_code is None and s.type in _REGION_TYPES)
    return frozenset(normalize(n) for n in names) | {r for r in regions if r}


@lru_cache(maxsize=1 << 14)
def in_gazetteer(name: str) -> bool:
    """Whether the whole of `name` is a GeoNames city, a US state, a large first-level
    subdivision ("Minas Gerais"), a country or a former state ("Soviet Union")."""
    return normalize(name) in _place_names() or by_name(name) is not None or former_state(name)


def _head(name: str) -> str:
    words = normalize(name).split()
    return words[-1] if len(words) >= 2 else ""


def _opener(name: str) -> bool:
    """A short name opened by a place word ("Lake Varn", "Mount Orlo"), with no
    organization word in it ("Mount Sinai Hospital")."""
    words = normalize(name).split()
    return 2 <= len(words) <= 3 and words[0] in PLACE_OPENERS and not any(w in ORG_HEAD_NOUNS for w in words)


def person_structure(name: str) -> bool:
    """A middle initial between a given name and a surname, or a generational suffix:
    the structure of a personal name (nameparser)."""
    words = name.split()
    if len(words) < 2 or not all(w[:1].isupper() for w in words):
        return False
    parsed = HumanName(name)
    if parsed.suffix and parsed.first and parsed.last:
        return True
    middle = parsed.middle.split()
    return bool(parsed.first and parsed.last and middle and all(_MIDDLE_INITIAL.fullmatch(m) for m in middle))


@lru_cache(maxsize=1 << 14)
def name_votes(name: str, gazetteer: bool = True) -> Counter[str]:
    """Kind votes from the form of `name` (see the module docstring); empty when the
    form says nothing. Without `gazetteer`, a known place name adds nothing (for
    callers that count countries and places themselves)."""
    votes: Counter[str] = Counter()
    head = _head(name)
    if legal_form(name):
        votes["Organization"] += LEGAL_FORM_WEIGHT
    elif head in ORG_HEAD_NOUNS and not former_state(name):  # the "Union" of "Soviet Union"
        votes["Organization"] += HEAD_NOUN_WEIGHT
    elif head in PLACE_HEAD_NOUNS or _opener(name):
        votes["Place"] += HEAD_NOUN_WEIGHT
    if gazetteer and in_gazetteer(name):
        # A place's name of two words or more ("Da Nang", "San Jose") is rarely a person's;
        # one word ("Lincoln", "Austin") often is a surname.
        votes["Place"] += GAZETTEER_WEIGHT * (2 if " " in name.strip() else 1)
    if person_structure(name):
        votes["Person"] += NAME_STRUCTURE_WEIGHT
    return votes


_ACRONYM_SHAPE = re.compile(r"[A-Z][A-Z.&-]*[A-Z]\.?")


def acronym_shaped(name: str) -> bool:
    """Written as an acronym: capitals with dots, hyphens or "&" ("SAG-AFTRA", "AT&T")."""
    return bool(_ACRONYM_SHAPE.fullmatch(name.strip()))


@lru_cache(maxsize=1 << 14)
def org_short_forms(name: str, places: bool = False) -> frozenset[str]:
    """Normalized one-word forms `name` is shortened to when it names an organization:
    the first distinctive word ("acme" of "Acme Industrial Holdings") and, for a name
    with a legal form, the last word of its two-word base ("disney" of "Walt Disney
    Co."); a head noun or a small word is never a short form, nor a place name unless
    `places` (for a short name known to name an organization: "Harlow" of "Harlow
    Systems Inc" where the text calls Harlow a company, though a town has the name)."""
    base = normalize(without_legal_form(name)).split()
    if base and base[0] == "the":
        base = base[1:]
    if len(base) < 2:
        return frozenset()
    out = set()
    for word in (base[0], base[-1] if legal_form(name) and len(base) == 2 else ""):
        if len(word) >= 3 and word not in ORG_HEAD_NOUNS and word not in PLACE_HEAD_NOUNS \
                and word not in PLACE_MODIFIERS and (places or not in_gazetteer(word)):
            out.add(word)
    return frozenset(out)


@lru_cache(maxsize=1 << 14)
def shaped_like_person(name: str, surname_may_be_a_place: bool = False) -> bool:
    """Two or three capitalized words ("Jasprit Bumrah") with no head noun, compass or
    place word and no known place among them: the shape of "Given Surname". Where a role
    noun introduces the name, `surname_may_be_a_place`: only the first word and the whole
    are checked against the gazetteers ("Tarvo Bank" stays no person's shape elsewhere)."""
    words = name.split()
    if not 2 <= len(words) <= 3 or not all(_capitalized_word(w) for w in words):
        return False
    folded = [w.casefold() for w in words]
    if any(w in ORG_HEAD_NOUNS or w in PLACE_HEAD_NOUNS or w in PLACE_MODIFIERS for w in folded):
        return False
    if surname_may_be_a_place:  # "spokesperson Nuria Belmonte": a surname may be a town's
        return not name_votes(name) and not in_gazetteer(name) and not in_gazetteer(words[0])
    return not name_votes(name) and not any(in_gazetteer(w) for w in words)


def no_personal_name(name: str) -> bool:
    """Whether `name` ends with a noun that ends organizations' names and no person's
    ("Harbourne United", "Merrow Freight"; not "Margaret Court")."""
    return _head(name) in ORG_ONLY_HEADS


def place_not_person(name: str) -> bool:
    """Whether `name` ends with a noun that ends places' names and no person's ("Ramorino
    Glacier", "Wayne Gretzky Drive", "Kazan Governorate"; not "Ricki Lake")."""
    return _head(name) in PLACE_ONLY_HEADS


def org_head(name: str) -> str | None:
    """The head noun of an organization's name, lowercased: its last word ("navy" of
    "Indian Navy"), or the word before "of" ("academy" of "Academy of Arts"); None when
    that word is no organization head noun."""
    words = name.casefold().split()
    if len(words) < 2:
        return None
    head = words[words.index("of") - 1] if "of" in words[1:] else words[-1]
    return head if head in ORG_HEAD_NOUNS else None


__all__ = ["acronym_shaped", "no_personal_name", "org_head", "place_not_person", "in_gazetteer", "org_short_forms", "legal_form", "name_votes", "person_structure", "shaped_like_person",
           "without_legal_form"]
