"""Every fact checked against the final kinds of the nodes it links.

`check_facts(model)` runs after the kinds are decided (`resolve.kinds`) and before any
RDF is built. A fact whose ends no longer fit the shapes' class constraints
(`graphbuild.shapes`), or that names a node the model does not hold, is dropped: a
relation, membership or event link as a whole, an event's place or participant, a
quote's speaker (the quote stays, unattributed). An event whose every argument was
dropped goes too, with its mentions and links: an event node needs an argument. Each
drop is counted by its reason, so `report.json` says what was dropped and why.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, replace

from graphbuild.model import GraphModel, Participant
from graphbuild.shapes import curie, violations
from graphbuild.vocab import ORG, SCHEMA, SEM, entity_classes, property_for, role_for

MISSING = "names no node of the graph"
EMPTIED = "event left with no argument"
_QUOTATION = frozenset({SCHEMA.Quotation})


@dataclass(frozen=True)
class CheckedModel:
    """The model with only the facts that fit, and the count of drops by reason."""

    model: GraphModel
    dropped: Counter[str]


class _Checker:
    """Looks up the classes of a fact's ends (entities and events are separate maps: an
    event id never stands where an entity is expected) and counts the misfits."""

    def __init__(self, model: GraphModel):
        self.entity = {e.id: frozenset(entity_classes(e.kind)) for e in model.entities}
        self.event = {v.id: frozenset(entity_classes(v.kind)) for v in model.events}
        self.dropped: Counter[str] = Counter()

    def fits(self, subject_classes: frozenset | None, predicate, object_classes: frozenset | None) -> bool:
        """Whether a statement with ends of these classes fits (None: the end names no
        node); a misfit is counted by its first reason."""
        if subject_classes is None or object_classes is None:
            self.dropped[f"{curie(predicate)} {MISSING}"] += 1
            return False
        broken = violations(predicate, subject_classes, object_classes)
        if broken:
            self.dropped[broken[0].reason()] += 1
        return not broken

    def relation(self, subject: str, predicate, obj: str) -> bool:
        return self.fits(self.entity.get(subject), predicate, self.entity.get(obj))

    def place(self, event_id: str, place: str) -> bool:
        return self.fits(self.event[event_id], SEM.hasPlace, self.entity.get(place))

    def participant(self, event_id: str, p: Participant) -> bool:
        s, o = self.event[event_id], self.entity.get(p.entity)
        return self.fits(s, SEM.hasActor, o) and self.fits(s, role_for(p.role), o)

    def link(self, subject: str, predicate, obj: str) -> bool:
        return self.fits(self.event.get(subject), predicate, self.event.get(obj))


def check_facts(model: GraphModel) -> CheckedModel:
    """`model` without the facts that do not fit its nodes' kinds (see the module docstring)."""
    check = _Checker(model)
    relations = tuple(r for r in model.relations if check.relation(r.subject, property_for(r.predicate), r.object))
    memberships = tuple(m for m in model.memberships if check.relation(m.member, ORG.memberOf, m.organization))
    events = []
    for v in model.events:
        places = tuple(p for p in v.places if check.place(v.id, p))
        participants = tuple(p for p in v.participants if check.participant(v.id, p))
        if (places, participants) == (v.places, v.participants):
            events.append(v)
        elif places or participants or v.times or v.counts:
            events.append(replace(v, places=places, participants=participants))
        else:  # every argument it had was a misfit: a bare trigger is no event node
            check.dropped[EMPTIED] += 1
            del check.event[v.id]
    links = tuple(x for x in model.event_links if check.link(x.subject, property_for(x.predicate), x.object))
    quotes = tuple(q if q.speaker is None or check.fits(_QUOTATION, SCHEMA.creator, check.entity.get(q.speaker))
                   else replace(q, speaker=None) for q in model.quotes)
    checked = replace(model, relations=relations, memberships=memberships, events=tuple(events),
                      event_links=links, quotes=quotes)
    return CheckedModel(checked, check.dropped)


__all__ = ["CheckedModel", "EMPTIED", "MISSING", "check_facts"]
