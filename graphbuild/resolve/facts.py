"""Sorting and merging of facts and provenance: one order for every merged tuple, so the
same input always gives the same model, and one fact per (subject, predicate, object)
with the evidence of all its statements."""
from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from operator import attrgetter

from graphbuild.model import REFERRING_RULES, Entity, EventLink, Evidence, Membership, Mention, MergeStep, Relation
from graphbuild.names import normalize, shouted


def sorted_evidence(items: Iterable[Evidence]) -> tuple[Evidence, ...]:
    return tuple(sorted(set(items), key=lambda e: (e.doc_id, e.start, e.end, e.rule, e.confidence)))


def sorted_mentions(items: Iterable[Mention]) -> tuple[Mention, ...]:
    return tuple(sorted(set(items), key=lambda m: (m.doc_id, m.start, m.end, m.label, m.rule, m.text)))


def sorted_merges(items: Iterable[MergeStep]) -> tuple[MergeStep, ...]:
    return tuple(sorted(set(items), key=lambda s: (s.doc_id, s.surface, s.rule, s.score)))


def merge_relation_list(items: list[Relation]) -> tuple[Relation, ...]:
    """Relations with the same (subject, predicate, object) as one, evidence unioned;
    reflexive ones (made so by a merge) dropped."""
    return _merge_facts(items, Relation, ("subject", "predicate", "object"), ("subject", "object"))


def merge_memberships(items: list[Membership]) -> tuple[Membership, ...]:
    return _merge_facts(items, Membership, ("member", "organization", "role"), ("member", "organization"))


def merge_links(items: list[EventLink]) -> tuple[EventLink, ...]:
    return _merge_facts(items, EventLink, ("subject", "predicate", "object"), ("subject", "object"))


def _merge_facts(items, make, fields: tuple[str, str, str], ends: tuple[str, str]) -> tuple:
    """`make(*fields, evidence)` per distinct `fields`, evidence unioned, sorted; facts
    whose `ends` are one node (made so by a merge: an artifact, not a fact) dropped."""
    key, pair = attrgetter(*fields), attrgetter(*ends)
    grouped: dict[tuple[str, str, str], list[Evidence]] = defaultdict(list)
    for x in items:
        a, b = pair(x)
        if a != b:
            grouped[key(x)].extend(x.evidence)
    return tuple(make(*k, sorted_evidence(ev)) for k, ev in sorted(grouped.items()))


def name_weight(e: Entity) -> int:
    """How many times `e` is named (at least 1): its mentions less the referring ones
    ("he", "the company"), which say nothing of which name or kind is right; counting
    them lets the document with more pronouns pick a merged node's label."""
    return max(1, sum(1 for m in e.mentions if m.rule not in REFERRING_RULES))


def canonical_label(entities: Sequence[Entity]) -> str:
    """The most complete, most frequent form among the labels of `entities`: most words
    first, then not written in capitals ("Columbus" over a dateline's "COLUMBUS"), then
    most mentions, then alphabetical (for determinism)."""
    weight: Counter[str] = Counter()
    for e in entities:
        weight[e.label] += name_weight(e)
    return min(weight, key=lambda lab: (-len(normalize(lab).split()), shouted(lab), -weight[lab], lab))


__all__ = ["canonical_label", "merge_links", "merge_memberships", "merge_relation_list", "name_weight", "sorted_evidence",
           "sorted_merges", "sorted_mentions"]
