"""The kind of a group of same-name mentions within a document (`within_doc`): a
weighted vote of the mentions' labels with cues that make "Trump" a person where the
model said ORG: a full name tagged PERSON anywhere, an honorific or a surname chain, a
locative in front ("in X"), the cues around the mentions (`extract.kind_cues`) and the
names' own form (`lexicon.name_forms.name_votes`, country names; a name ending in a noun
that ends no personal name is no person's whatever the tags say: "Merrow Freight" is an
organization's, "Ramorino Glacier" a place's).
"""
from __future__ import annotations

import re
from collections import Counter

from graphbuild.lexicon.name_forms import (acronym_shaped, in_gazetteer, name_votes, no_personal_name, place_not_person,
                                          shaped_like_person)
from graphbuild.lexicon.words import LOCATIVES
from graphbuild.names import is_honorific, name_of
from graphbuild.resolve.geo import country_code

KINDS = {"PERSON": "Person", "ORG": "Organization", "GPE": "Place", "LOC": "Place", "FAC": "Place"}
# Vote weights: the model's own tag, a propagated tag (weaker), cue bonuses.
RULE_WEIGHT = {"ner": 1.0, "acronym": 1.0, "dateline": 1.0, "name-shape": 1.0, "string-match": 0.3}
FULL_NAME_PERSON_BONUS = 3.0  # per "Donald Trump" tagged PERSON: settles "Trump"
HONORIFIC_BONUS = 3.0  # "Mr Pompeo", "General Soleimani"
# After a locative ("in X", "at X", "near X") a one-word name is a place more often
# than a person.
LOCATIVE_BONUS = 1.5
# A Place tag that neither the gazetteers, a place head noun nor a locative confirms
# counts this much ("Jasprit Bumrah" tagged FAC); then a "Given Surname" shape votes
# Person with PERSON_SHAPE_BONUS.
UNCONFIRMED_PLACE = 0.5
PERSON_SHAPE_BONUS = 0.75
# Place cues this strong confirm a place ("X is a town in Y": `extract.place_cues`).
STRONG_PLACE_CUE = 4.5
# A Person cue this strong ("chief executive Marcus Feld": `extract.kind_cues`) makes a
# name a personal one, as a PERSON tag does, for the surname rules of `within_doc`.
STRONG_PERSON_CUE = 4.5
# The cue of a name a noun says is an organization ("the lender X", `extract.kind_cues`):
# the text says what it is, so PERSON tags of the name (a company's name the model
# reads as a personal one, however often) do not outvote it.
DESCRIBED_RULE = "described-as-organization"


def after_honorific(text: str, start: int) -> bool:
    """Whether an honorific ("Mr", "General") stands right before `start`."""
    m = re.search(r"(\S+)\s$", text[max(0, start - 20):start])
    return bool(m) and is_honorific(m.group(1)) and m.group(1)[:1].isupper()


def after_locative(text: str, start: int) -> bool:
    """Whether a locative preposition ("in", "at", "near") stands right before `start`."""
    m = re.search(r"(\w+)\s+$", text[max(0, start - 12):start])
    return bool(m) and m.group(1) in LOCATIVES


def full_personal_name(m, name: str) -> bool:
    """A mention the model tagged PERSON with two words or more in its `name` (titles
    removed), other than a known place's whole name ("Da Nang")."""
    return m.label == "PERSON" and m.rule == "ner" and len(name.split()) >= 2 and not in_gazetteer(name)


def group_kind(g) -> str:
    """The kind of a group of mentions (`mention_group.MentionGroup`) by a weighted vote (module
    docstring)."""
    votes: Counter[str] = Counter()
    for m in g.mentions:
        if m.label in KINDS:
            votes[KINDS[m.label]] += RULE_WEIGHT.get(m.rule, 1.0)
    # A full personal name tagged PERSON counts extra: it settles its surname's kind. A
    # known place's whole name tagged PERSON ("in nearby Da Nang") is no full personal name.
    votes["Person"] += FULL_NAME_PERSON_BONUS * sum(1 for m in g.mentions if full_personal_name(m, name_of(m.text)[1]))
    if g.honorific or g.surname_used:
        votes["Person"] += HONORIFIC_BONUS
    elif not g.person_full and not votes["Organization"]:
        # Only against a bare PERSON tag: "in Congress" is still an organization.
        votes["Place"] += LOCATIVE_BONUS * g.located
    votes.update(g.cues)
    _weigh_name_form(g, votes)
    if not votes:
        return "Organization"
    # Ties go to the kind of the first mention, for determinism.
    best = max(votes.values())
    for m in sorted(g.mentions, key=lambda m: m.start):
        if votes.get(KINDS.get(m.label, ""), -1) == best:
            return KINDS[m.label]
    return sorted(k for k, v in votes.items() if v == best)[0]


def _weigh_name_form(g, votes: Counter[str]) -> None:
    """Add what the names' own form says (`name_votes`, the strongest per kind) and
    discount a Place tag nothing confirms."""
    form: Counter[str] = Counter()
    for name in set(g.names):
        for kind, weight in name_votes(name).items():
            form[kind] = max(form[kind], weight)
    if any(country_code(n) for n in set(g.names)):  # a country's name is the country
        votes["Place"] += votes.pop("Person", 0) + votes.pop("Organization", 0)
    if votes["Person"] and not g.honorific and all(acronym_shaped(n) for n in g.names):
        votes["Organization"] += votes.pop("Person")  # "SAG-AFTRA" is no personal name
    if votes["Person"] and not g.honorific and any(no_personal_name(n) for n in g.names):
        votes["Organization"] += votes.pop("Person")  # nor is "Merrow Freight", tagged PERSON
    if votes["Person"] and not g.honorific and any(place_not_person(n) for n in g.names):
        votes["Place"] += votes.pop("Person")  # nor "Ramorino Glacier", tagged PERSON
    if votes["Person"] and g.described and not g.honorific and g.cues["Person"] < STRONG_PERSON_CUE:
        votes["Organization"] += votes.pop("Person")  # nor "the lender Hansa Kredit", tagged PERSON
    if votes["Place"] and not form["Place"] and not g.located and g.cues["Place"] < STRONG_PLACE_CUE:
        votes["Place"] *= UNCONFIRMED_PLACE
        if any(shaped_like_person(n) for n in set(g.names)):
            votes["Person"] += PERSON_SHAPE_BONUS
    votes.update(form)
