"""Argument-less event mentions that refer back to an event the document already has.

A trigger that states no place, time or participant is no node of its own, yet it is often
one more mention of an event the document describes elsewhere: "the shooting" after "a man
shot two guards", "Killing shocks town" above "X was killed in Y". `absorb` publishes such
a mention as a further mention of that event, when a general cue says so:
- the same word or a derivation of it (shoot / shooting, explode / explosion), or
- a definite noun ("the attack", "this killing", "its takeover") of a compatible class.
Never for speech acts (every "said" is its own act), never a plural onto a singular, never
across classes that cannot name one event. Pure functions over model values.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

from graphbuild.model import Event

MIN_STEM = 4  # letters two words must share at the start to count as one derivation
# Endings of inflection and derivation (and "" for the bare stem).
ENDINGS = frozenset({"", "e", "s", "es", "ed", "d", "ing", "er", "ers", "y", "ion", "ions", "ation", "ition",
                     "sion", "tion", "ment", "al", "ure", "ance", "ence", "ery", "ry"})
STEM_SLACK = 2  # letters the shorter word may have beyond the shared start ("explode"/"explosion")


@dataclass(frozen=True)
class Cue:
    """What the anaphora rules read from one candidate's mentions."""

    lemmas: frozenset[str]
    definite: bool  # some mention is a noun with a definite determiner or a possessor
    plural: bool
    start: int  # the first mention's source offset


def related(a: str, b: str) -> bool:
    """Whether two lemmas are one word or one derivation (a shared start covering the
    shorter word but for STEM_SLACK letters, then an ending (`ENDINGS`): "kill"/"killing",
    "explode"/"explosion"; not "die"/"dine", "protest"/"protect")."""
    if a == b:
        return True
    n = 0
    for x, y in zip(a, b):
        if x != y:
            break
        n += 1
    if n < MIN_STEM or n < min(len(a), len(b)) - STEM_SLACK:
        return False
    # What follows the shared start is an ending on one side at least, and at most a stem
    # change on the other: "explo-de/-sion", "kill/-ing"; not "prote-st/-ct", "elect/-rocute".
    ra, rb = a[n:], b[n:]
    return (ra in ENDINGS and (rb in ENDINGS or len(rb) <= STEM_SLACK)) or \
        (rb in ENDINGS and len(ra) <= STEM_SLACK)


def absorb(events: list[Event], worth: Callable[[Event], bool], cues: dict[str, Cue],
           compatible: Callable[[str, str], bool], generic: str,
           speech: Callable[[str], bool]) -> list[Event]:
    """`events` with each argument-less one (not `worth` a node) that refers back to a
    worthy event (see the module notes) folded into it as further mentions. The host is
    the nearest worthy event before the mention, else the nearest after it."""
    hosts = [v for v in events if worth(v) and not speech(v.kind)]
    merged = {v.id: v for v in events}
    gone: set[str] = set()
    for v in events:
        if worth(v) or speech(v.kind) or v.id not in cues:
            continue
        host = _host(v, cues[v.id], hosts, cues, compatible, generic)
        if host is None:
            continue
        h = merged[host.id]
        merged[host.id] = replace(h, mentions=h.mentions + v.mentions,
                                  evidence=tuple(dict.fromkeys(h.evidence + v.evidence)))
        gone.add(v.id)
    return [merged[v.id] for v in events if v.id not in gone]


def _host(v: Event, cue: Cue, hosts: list[Event], cues: dict[str, Cue],
          compatible: Callable[[str, str], bool], generic: str) -> Event | None:
    def fits(h: Event) -> bool:
        c = cues.get(h.id)
        if c is None or c.plural != cue.plural:
            return False
        same_word = any(related(a, b) for a in cue.lemmas for b in c.lemmas)
        if v.kind == generic or h.kind == generic:
            return same_word  # a word with no class says nothing of which event it is
        return compatible(v.kind, h.kind) and (same_word or cue.definite)

    before = [h for h in hosts if fits(h) and cues[h.id].start < cue.start]
    if before:
        return max(before, key=lambda h: cues[h.id].start)
    after = [h for h in hosts if fits(h)]
    return min(after, key=lambda h: cues[h.id].start) if after else None
