"""A node's kind, decided once, after cross-document clustering, from all its evidence.

Three kinds of evidence are weighed together:
- each member entity's own kind, decided within its document from its mentions' labels
  and cue words (honorifics, "in X", full names tagged PERSON), weighted by its number
  of mentions;
- country data: a member named by a country's name or code (pycountry/GeoNames, through
  `geo.country_code`) votes Place with COUNTRY_WEIGHT ("Georgia" tagged a person once);
- the names' own form (`lexicon.name_forms.name_votes`: legal forms, head nouns,
  personal-name structure), the strongest vote per kind over the node's
  names, so a node merged from differently typed members still hears "Co." or "Jr.";
- the roles the members play in facts: the place of an event, the object of
  `nationality`, the organization of a membership, ... Each role votes for the one
  entity kind that the shapes (`graphbuild.shapes`) require at that end of the fact,
  with weight ROLE_WEIGHT; a constraint that several kinds meet (sem:Actor) votes for none.

Facts are checked against the kinds decided here afterwards (`resolve.fact_check`).
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from functools import cache

from graphbuild.lexicon.name_forms import name_votes
from graphbuild.model import Entity, GraphModel
from graphbuild.resolve.facts import name_weight
from graphbuild.resolve.geo import country_code
from graphbuild.shapes import OBJECT, SUBJECT, constraints_for
from graphbuild.vocab import ORG, SCHEMA, SEM, entity_classes, property_for, role_for

ENTITY_KINDS = ("Organization", "Person", "Place")
ROLE_WEIGHT = 1.0  # one fact counts as much as one mention
COUNTRY_WEIGHT = 1.0  # a country's name counts as one mention more
TITLE_WEIGHT = 2.0  # a member with a job title: as much as a name's head noun (`name_votes`)


@cache
def _kind_with(cls) -> str | None:
    """The one entity kind whose classes include `cls`, or None (none, or several)."""
    kinds = [k for k in ENTITY_KINDS if cls in entity_classes(k)]
    return kinds[0] if len(kinds) == 1 else None


def _votes(predicate, side: str, subject_classes: frozenset = frozenset()) -> list[str]:
    """The kinds the shapes require at `side` of a `predicate` statement whose subject
    has `subject_classes`."""
    kinds = []
    for c in constraints_for(predicate):
        if c.side == side and (c.when is None or c.when in subject_classes):
            if (kind := _kind_with(c.cls)) is not None:
                kinds.append(kind)
    return kinds


def role_votes(model: GraphModel) -> dict[str, Counter[str]]:
    """Entity id -> kind votes from the facts of `model` that name the entity."""
    votes: dict[str, Counter[str]] = {}

    def vote(entity_id: str | None, kinds: Iterable[str]) -> None:
        if entity_id is not None:
            for kind in kinds:
                votes.setdefault(entity_id, Counter())[kind] += ROLE_WEIGHT

    for r in model.relations:
        prop = property_for(r.predicate)
        vote(r.subject, _votes(prop, SUBJECT))
        vote(r.object, _votes(prop, OBJECT))
    for m in model.memberships:
        vote(m.organization, _votes(ORG.memberOf, OBJECT))
    for v in model.events:
        for place in v.places:
            vote(place, _votes(SEM.hasPlace, OBJECT, frozenset(entity_classes(v.kind))))
        for p in v.participants:
            vote(p.entity, _votes(role_for(p.role), OBJECT))
    for q in model.quotes:
        vote(q.speaker, _votes(SCHEMA.creator, OBJECT))
    return votes


def decide_kind(members: Sequence[Entity], roles: Iterable[Counter[str]] = ()) -> str:
    """The kind of a node made of `members`, given the role votes of each member.
    Ties go alphabetically, for determinism."""
    votes: Counter[str] = Counter()
    for e in members:
        votes[e.kind] += name_weight(e)
        if country_code(e.label) is not None:
            votes["Place"] += COUNTRY_WEIGHT
        if e.titles:  # a job title is a person's: "Park" of "lawyer Ellen Park" makes no place of her
            votes["Person"] += TITLE_WEIGHT
    form: Counter[str] = Counter()
    for name in sorted({n for e in members for n in (e.label, *e.alt_labels)}):
        for kind, weight in name_votes(name, gazetteer=False).items():  # countries are counted above
            form[kind] = max(form[kind], weight)
    votes.update(form)
    for counter in roles:
        votes.update(counter)
    return min(votes, key=lambda k: (-votes[k], k))


__all__ = ["COUNTRY_WEIGHT", "ENTITY_KINDS", "ROLE_WEIGHT", "TITLE_WEIGHT", "decide_kind", "role_votes"]
