"""Place descriptions as kind evidence: what the text calls a town, a river or a stadium
is a place, whatever its name looks like.

"X is a village in Y", "X, a river of Y," / "X was a small market town": the subject of
the copula (or the head of the appositive) whose describing noun is a kind of place votes
Place (`PlaceCue`, rule "described-as-place"), as strongly as a possessor cue, so a
place named after a person ("Jane Roe Drive is a street in ...") or tagged ORG by the
model ends a place. Only the describing noun's own head counts: "a city councillor" or
"a river pilot" describe people. Likewise a name written before a lowercase place noun
("the Lazio region", "the Ostra river", "Sarn county") or after a settlement's noun and
"of" ("the city of Tarn") names a place, and so does a name the model did not tag
PERSON, with no organization's word ("Institute") and not shaped "Given Surname", that
a comma joins to the region holding it ("Dunmore, Tarrow County", "Brenton, Nebraska",
"Brenton, Alberta, Canada"; not a list, nor the subject of a clause: rule "comma-region"),
and so does a name a direction is measured from ("40 miles southwest of Tarn": rule
"direction-of").
"""
from __future__ import annotations

from collections.abc import Callable, Iterator

from spacy.tokens import Token

from graphbuild.lexicon.countries import by_name
from graphbuild.lexicon.name_forms import name_votes, shaped_like_person
from graphbuild.model import KindCue, Mention
from graphbuild.nlp import ParsedDocument

# Kinds of places that no person or organization is called (the ambiguous ones of
# `place_words.PLACE_NOUNS` are left out: "area", "seat", "division", "community", "place").
DESCRIBING_NOUNS = frozenset(
    "city town village hamlet municipality commune county region district territory borough township parish suburb "
    "neighbourhood neighborhood settlement locality province prefecture canton oblast governorate "
    "island islet peninsula river lake mountain valley bay creek stream tributary reservoir "
    "dam airport park forest harbour harbor beach desert volcano glacier canal headland "
    "cape archipelago atoll hill plateau road street avenue boulevard freeway highway motorway "
    "expressway castle cathedral monastery abbey palace stadium arena lighthouse mall cemetery "
    "waterfall lagoon strait fjord estuary pass massif summit peak".split()
)
# Nouns of settlements and areas that name their place with "of": "the city of X", "the
# province of Y" (not "the castle of", "the streets of": what follows may be an owner).
OF_PLACE_NOUNS = frozenset(
    "city town village hamlet municipality commune county region district territory borough township parish "
    "suburb province prefecture canton oblast governorate island state".split()
)
# Offices held of a town or a country: "the mayor of X", "the King of Y", "the prime
# minister of Z" (a governor or a president may be a bank's, a mayor is a town's).
OF_PLACE_OFFICES = frozenset("mayor premier king queen emperor empress sultan tsar czar shah monarch".split())
# The people of a place: "the people of X", "residents of Y" (lowercase).
OF_PLACE_PEOPLE = frozenset("people citizens inhabitants residents".split())
_CUE_NOUNS = DESCRIBING_NOUNS | {"mayor"}  # the nouns whose compound names a place ("the Lazio region")
DESCRIBED_AS_PLACE = "described-as-place"
DIRECTION_OF = "direction-of"
# Directions a distance is measured in ("north - east" is read at its last word).
DIRECTIONS = frozenset(
    "north south east west northeast northwest southeast southwest north-east north-west south-east "
    "south-west northward southward eastward westward".split()
)
COMMA_REGION = "comma-region"
# As strong as `kind_cues.CUE_WEIGHT` (outweighs a full name tagged PERSON), and enough for
# `resolve.group_kind.STRONG_PLACE_CUE`: a confirmed place, no one's surname.
CUE_WEIGHT = 4.5
# "X of Aurora" only confirms what the gazetteer says: more than a one-word PERSON tag.
PERSON_OF_PLACE = "person-of-place"
RESIDENCE_WEIGHT = 2.0


def described_subject(noun: Token) -> Token | None:
    """The token a describing noun is said of: the copula's subject ("X is a town"), the
    appositive's head ("X, a town"), through a coordination ("a town and municipality")."""
    if noun.dep_ == "conj" and noun.head.dep_ in ("attr", "appos"):
        return described_subject(noun.head)
    if noun.dep_ == "attr":
        return next((c for c in noun.head.children if c.dep_ == "nsubj"), None)
    if noun.dep_ == "appos":
        return noun.head
    return None


def place_cues(parsed: ParsedDocument, mention_of: Callable[[Token], Mention | None]) -> Iterator[KindCue]:
    """Place cues for the mentions a describing noun calls a place (module docstring)."""
    seen: set[Mention] = set()
    for noun in parsed.doc:
        office = _holds_a_place(noun)  # "X, the mayor" is a person
        if not office and (noun.pos_ != "NOUN" or noun.lemma_.lower() not in DESCRIBING_NOUNS):
            continue
        subject = None if office else described_subject(noun)
        if subject is not None and subject.pos_ != "PRON":
            yield from _cue(mention_of(subject), seen)
        if noun.is_lower and noun.pos_ == "NOUN" and noun.lemma_.lower() in _CUE_NOUNS:
            for c in noun.children:  # "the Lazio region": the name before a place noun
                if c.dep_ == "compound" and c.pos_ == "PROPN" and c.i == noun.i - 1:
                    yield from _cue(mention_of(c), seen)
        if office or (noun.is_lower and noun.lemma_.lower() in OF_PLACE_NOUNS):  # "the city of X"
            for prep in noun.children:
                if prep.dep_ == "prep" and prep.lower_ == "of" and prep.i == noun.i + 1:
                    for c in prep.children:
                        if c.dep_ == "pobj" and c.pos_ == "PROPN":
                            yield from _cue(mention_of(c), seen)


def direction_cues(parsed: ParsedDocument, mention_of: Callable[[Token], Mention | None]) -> Iterator[KindCue]:
    """Place cues for the names a lowercase direction and "of" measure from ("40 miles
    southwest of Tarn", "east of the Ostra", "the north of Varn"): only places lie north
    of something. Rule "direction-of", as strong as a description."""
    seen: set[Mention] = set()
    for prep in parsed.doc:
        if prep.lower_ != "of" or prep.dep_ != "prep" or prep.i == 0:
            continue
        direction = prep.doc[prep.i - 1]
        if prep.head.i != direction.i or not direction.is_lower or direction.lower_ not in DIRECTIONS:
            continue
        for obj in prep.children:
            if obj.dep_ == "pobj" and obj.pos_ == "PROPN":
                yield from _cue(mention_of(obj), seen, DIRECTION_OF)


def _holds_a_place(noun: Token) -> bool:
    """An office or a people that "of" ties to a place: "the mayor of", "the King of",
    "the prime minister of", "the people of"."""
    low = noun.lemma_.lower()
    if noun.pos_ not in ("NOUN", "PROPN"):
        return False
    if low in OF_PLACE_OFFICES:
        return True
    if low == "minister":
        return any(c.lower_ == "prime" for c in noun.children)
    return low in OF_PLACE_PEOPLE and noun.is_lower


def _cue(m: Mention | None, seen: set[Mention], rule: str = DESCRIBED_AS_PLACE,
         weight: float = CUE_WEIGHT) -> Iterator[KindCue]:
    if m is not None and m not in seen:
        seen.add(m)
        yield KindCue(m.start, m.end, "Place", rule, weight)


def person_of_place_cues(parsed: ParsedDocument, mention_of: Callable[[Token], Mention | None]) -> Iterator[KindCue]:
    """A Place cue for a name the gazetteers know written after a person's name and "of"
    ("Mark Ellison of Aurora": where he is from), tagged what it may but ORG ("Jo Roe of
    Acme" is her employer's, and the tag says so)."""
    seen: set[Mention] = set()
    for prep in parsed.doc:
        if prep.lower_ != "of" or prep.dep_ != "prep" or (person := mention_of(prep.head)) is None \
                or person.label != "PERSON":
            continue
        for obj in prep.children:
            m = mention_of(obj) if obj.dep_ == "pobj" and obj.pos_ == "PROPN" else None
            if m is not None and m is not person and m.label != "ORG" and name_votes(m.text)["Place"]:
                yield from _cue(m, seen, PERSON_OF_PLACE, RESIDENCE_WEIGHT)


def comma_region_cues(parsed: ParsedDocument, mention_of: Callable[[Token], Mention | None]) -> Iterator[KindCue]:
    """Place cues for "X, R" where R names a country, a first-level region or a unit
    ("Tarrow County"), X is not tagged PERSON and no list goes on after R."""
    from graphbuild.extract.places import is_region_name, possessed_at  # the gazetteer test of "Kerman, Iran"

    doc, seen = parsed.doc, set()
    for comma in doc:
        i = comma.i
        if comma.text != "," or i == 0 or i + 1 >= len(doc):
            continue
        left, right = mention_of(doc[i - 1]), mention_of(doc[i + 1])
        if left is None or right is None or left is right or left.label == "PERSON" or name_votes(left.text)["Organization"]:
            continue  # "the Institute for Quiet Study, Tarnow": an organization in a city
        end = _mention_end(parsed, right, i + 1)
        if not is_region_name(right.text) or is_region_name(left.text):
            continue
        if _list_goes_on(doc, end, mention_of) and not _country_closes(parsed, doc, end, mention_of):
            continue
        if doc[end - 1].dep_ in ("nsubj", "nsubjpass") or shaped_like_person(left.text):
            continue  # "Inspired by Jane Roe, India won": the region opens a clause; a person's name
        if possessed_at(doc, end):
            continue  # "Vellmora, Germany's largest insurer": an apposition
        yield from _cue(left, seen, COMMA_REGION)


def _mention_end(parsed: ParsedDocument, m: Mention, i: int) -> int:
    """The index of the first token after mention `m`, which starts at token `i`."""
    doc = parsed.doc
    while i < len(doc) and parsed.source(doc[i].idx, doc[i].idx)[0] < m.end:
        i += 1
    return i


def _country_closes(parsed: ParsedDocument, doc, k: int, mention_of) -> bool:
    """After a region at token `k`: ", C" with C a country's name, and no list after it
    ("Dunmore, Alberta, Canada" is a chain, not a list)."""
    if k + 1 >= len(doc) or doc[k].text != ",":
        return False
    country = mention_of(doc[k + 1])
    if country is None or by_name(country.text) is None:
        return False
    return not _list_goes_on(doc, _mention_end(parsed, country, k + 1), mention_of)


def _list_goes_on(doc, k: int, mention_of) -> bool:
    """After a place at token `k`: ", Z" or "and Z" with a name Z ("Leeds, Hull and York")."""
    if k < len(doc) and doc[k].text == ",":
        k += 1
    if k < len(doc) and doc[k].lower_ in ("and", "or"):
        k += 1
    return k < len(doc) and k > 0 and doc[k - 1].text in (",", "and", "or") and any(
        mention_of(doc[j]) is not None for j in range(k, min(len(doc), k + 2)))
