"""Which events make nodes, and what events lend one another, within one document.

`nested` and `propagate` lend a place, date or participants to an event that states none:
from the event it is named inside ("arrested on suspicion of X"), and along stated links
(during, causes). `kept` keeps the events worth a node (an argument; not a plain statement
framing a quote) and renumbers them. Pure functions over model values and found events.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from graphbuild.extract.events import FoundEvent
from graphbuild.model import Event, EventLink, Quote, TimeValue

SPEECH_KIND = "Statement"  # the plain speech act a quote already records


def worth_a_node(quotes: tuple[Quote, ...], argued: set[str]) -> Callable[[Event], bool]:
    """Whether an event is worth a node: it has an argument (a place, time, participant or
    count, or its id is in `argued`: one the model cannot show), and it is not a plain
    statement framing a quote (that is the quote's)."""
    quoted = {(ev.doc_id, ev.start, ev.end) for q in quotes for ev in q.evidence}

    def framing(v: Event) -> bool:
        return v.kind == SPEECH_KIND and all((m.doc_id, m.sentence_start, m.sentence_end) in quoted
                                             or any(d == m.doc_id and a <= m.start and m.end <= b for d, a, b in quoted)
                                             for m in v.mentions)

    return lambda v: bool(v.places or v.times or v.participants or v.counts or v.id in argued) and not framing(v)


def kept(events: list[Event], links: list[EventLink], quotes: tuple[Quote, ...],
          argued: set[str]) -> tuple[list[Event], list[EventLink]]:
    """The events worth a node (`worth_a_node`), renumbered v1, v2, ... in order, and the
    links between them."""
    worth = list(filter(worth_a_node(quotes, argued), events))  # the quoted spans gathered once
    ids = {v.id: f"v{n + 1}" for n, v in enumerate(worth)}
    return ([replace(v, id=ids[v.id]) for v in worth],
            [replace(k, subject=ids[k.subject], object=ids[k.object]) for k in links
             if k.subject in ids and k.object in ids])


def nested(events: list[Event], found: list[FoundEvent], cluster_of: dict[int, int]) -> list[Event]:
    """An event named inside another's clause ("arrested on suspicion of drunk driving",
    "fled after killing her") shares the place and time of its host when it states none,
    and the host's participants when the host's subject is its own (a verbal path). One
    step, from what each host states itself."""
    own, out = list(events), list(events)
    for f in found:
        if f.host is None or f.host.i not in cluster_of:
            continue
        n, h = cluster_of[f.trigger.i], cluster_of[f.host.i]
        if n == h:
            continue
        taker, giver = out[n], own[h]
        if not taker.places and giver.places:
            taker = replace(taker, places=giver.places)
        if not taker.times and giver.times:
            taker = replace(taker, times=giver.times)
        if f.shares_actors and not taker.participants and giver.participants:
            taker = replace(taker, participants=tuple(p for p in giver.participants if p.role == "agent"))
        out[n] = taker
    return out


def propagate(events: list[Event], links: list[EventLink]) -> list[Event]:
    """Stated links lend a place or date to an event that states none (or only a vaguer
    date containing the other's day): an event during another shares its place and date
    (the stampede during the procession was where and when the procession was), and an
    effect takes its cause's ("killed in a US air strike in Baghdad"). One step,
    from what each event states itself, so nothing spreads along chains."""
    own = {e.id: e for e in events}
    out = dict(own)
    for link in links:
        pairs = [(link.subject, link.object), (link.object, link.subject)]
        if link.predicate == "causes":
            pairs = pairs[1:]  # the effect takes the cause's; a cause is not located by one effect
        for taker, giver in pairs:
            t, g = out[taker], own[giver]
            if not t.places and g.places:
                t = replace(t, places=g.places)
            days = [x for x in g.times if x.datatype == "date" and x.end is None]
            if days and not any(x.end is None for x in t.times) and (
                    not t.times or any(_within(d, x) for d in days for x in t.times)):
                t = replace(t, times=t.times + tuple(days))
            out[taker] = t
    return [out[e.id] for e in events]


def _within(day: TimeValue, span: TimeValue) -> bool:
    return span.value is not None and span.datatype == "date" and span.value <= day.value <= (span.end or span.value)
