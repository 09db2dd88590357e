"""Pair scores for cross-document entity matching.

`score_pair(a, b, context)` says whether two entities of different documents name the
same real-world actor, as (rule, score in 0..1) or None. Evidence combined: the name
(exact, transliteration-folded, fuzzy via rapidfuzz, acronym, surname only, partial
name with the same head noun, country alias), type agreement, shared titles and shared
neighbours (entities both are related to). `compatible_clusters` vetoes joins that
would put conflicting names together ("Mark Esper" with "Mark Milley").
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from graphbuild.model import Entity, GraphModel
from graphbuild.resolve.names import blocking_keys, fold, normalize

# A pair joins when its score reaches this.
THRESHOLD = 0.85


@dataclass(frozen=True)
class Candidate:
    """What matching needs to know of one entity, precomputed once."""

    scope: str
    id: str
    kind: str
    label: str
    folded: frozenset[str]  # folded forms of the label and every alt label
    keys: frozenset[str]  # blocking keys
    titles: frozenset[str]
    neighbours: frozenset[str]  # folded labels of related entities
    weight: int  # number of mentions


@dataclass(frozen=True)
class MatchContext:
    """Corpus-wide facts used by the scores (neighbour names per entity)."""

    neighbours: dict[tuple[str, str], frozenset[str]]

    @classmethod
    def of(cls, items: Sequence, models: Sequence[GraphModel], pinned: GraphModel | None) -> MatchContext:
        from graphbuild.resolve.cross_doc import GLOBAL, scope_of

        labels = {s.ref: s.entity.label for s in items}
        neighbours: dict[tuple[str, str], set[str]] = defaultdict(set)
        for model in ([pinned] if pinned is not None else []) + list(models):
            scope = GLOBAL if model is pinned else scope_of(model)
            edges = [(r.subject, r.object) for r in model.relations]
            edges += [(m.member, m.organization) for m in model.memberships]
            for a, b in edges:
                la, lb = labels.get((scope, a)), labels.get((scope, b))
                if la and lb:
                    neighbours[(scope, a)].add(fold(lb))
                    neighbours[(scope, b)].add(fold(la))
        return cls({k: frozenset(v) for k, v in neighbours.items()})

    def candidate(self, scoped) -> Candidate:
        e: Entity = scoped.entity
        forms = (e.label, *e.alt_labels)
        keys = set()
        for form in forms:
            keys |= blocking_keys(form, e.kind)
        return Candidate(
            scope=scoped.scope,
            id=e.id,
            kind=e.kind,
            label=e.label,
            folded=frozenset(fold(f) for f in forms if fold(f)),
            keys=frozenset(keys),
            titles=frozenset(normalize(t) for t in e.titles),
            neighbours=self.neighbours.get(scoped.ref, frozenset()),
            weight=max(1, len(e.mentions)),
        )


def score_pair(a: Candidate, b: Candidate, context: MatchContext) -> tuple[str, float] | None:
    """(rule, score) when `a` and `b` are the same actor, else None."""
    if a.kind == b.kind and fold(a.label) == fold(b.label):
        return ("exact" if normalize(a.label) == normalize(b.label) else "transliteration", 1.0)
    return None


def compatible_clusters(a: Sequence[Candidate], b: Sequence[Candidate]) -> bool:
    """Whether two clusters may join: never two entities of one document."""
    scopes = {c.scope for c in a}
    return not any(c.scope in scopes for c in b)
