"""Corrections as constraints on cross-document clustering (the corrections file's meaning).

`constrain(items, corrections)` is called on the entities to be clustered, before any pair
is scored. It drops the entities a `drop` names, gives the entities a `kind` names their
kind, and returns `Constraints`: must-links (merge, alias, the mentions a split takes
apart), cannot-links (a split's part against the rest of its node), kind overrides and the
ids the corrected nodes keep (so IRIs stay stable). `entity_match.cluster_entities` binds
them to its indices (`Constraints.bind`) and obeys them.

A correction side names a node as it was: its id (an entity of an existing graph keeps it)
and its mention spans (an entity with a mention over one of them is the node: re-analysing
the same text finds the same spans). `alias` and `drop` name bare names and hold in every
document.
`conflicts(corrections)` lists the pairs of corrections that contradict each other.
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace

from graphbuild.model import CorrectedNode, Correction
from graphbuild.names import normalize
from graphbuild.resolve.scopes import GLOBAL, NodeRef, ScopedEntity

RULES = {"merge": "correction-merge", "alias": "correction-alias", "split": "correction-split"}


def _names(node: CorrectedNode) -> frozenset[str]:
    return frozenset(n for n in map(normalize, node.names) if n)


def _forms(s: ScopedEntity) -> frozenset[str]:
    return frozenset(normalize(f) for f in (s.entity.label, *s.entity.alt_labels))


def _docs(s: ScopedEntity) -> frozenset[str]:
    return frozenset(m.doc_id for m in s.entity.mentions) if s.scope == GLOBAL else frozenset({s.scope})


def _overlaps(s: ScopedEntity, spans: Sequence[tuple[str, int, int]]) -> bool:
    return any(m.doc_id == d and m.start < end and start < m.end for m in s.entity.mentions for d, start, end in spans)


def matches(s: ScopedEntity, node: CorrectedNode, by_name: bool = False) -> bool:
    """Whether the entity `s` is (part of) `node`: the node's own id in an existing graph,
    or a mention over one of the node's mention spans; `by_name` (alias, drop): one of
    the node's names, in any document."""
    if by_name:
        return bool(_forms(s) & _names(node))
    if s.scope == GLOBAL and node.id is not None and s.entity.id == node.id:
        return True
    return _overlaps(s, node.spans)


@dataclass
class Constraints:
    """What the corrections ask of one clustering, by node ref (see the module docstring)."""

    must: list[tuple[tuple[NodeRef, ...], str]] = field(default_factory=list)  # refs, rule
    apart: list[tuple[frozenset[NodeRef], frozenset[NodeRef]]] = field(default_factory=list)
    kinds: dict[NodeRef, str] = field(default_factory=dict)
    keep_id: list[tuple[frozenset[NodeRef], str]] = field(default_factory=list)
    applied: dict[str, bool] = field(default_factory=dict)  # correction key -> matched anything

    def bind(self, index: dict[NodeRef, int]) -> Bound:
        def ix(refs: Iterable[NodeRef]) -> frozenset[int]:
            return frozenset(index[r] for r in refs if r in index)

        must = [(sorted(ix(refs)), rule) for refs, rule in self.must]
        return Bound([(m[0], j, rule) for m, rule in must if m for j in m[1:]],
                     [(ix(a), ix(b)) for a, b in self.apart],
                     {index[r]: k for r, k in self.kinds.items() if r in index},
                     [(ix(refs), gid) for refs, gid in self.keep_id])


@dataclass
class Bound:
    """`Constraints` on the indices of one clustering."""

    must: list[tuple[int, int, str]]
    apart: list[tuple[frozenset[int], frozenset[int]]]
    kinds: dict[int, str]
    keep_id: list[tuple[frozenset[int], str]]
    claimed: set[str] = field(default_factory=set)

    def allows(self, a: Sequence[int], b: Sequence[int]) -> bool:
        """Whether clusters `a` and `b` may join (no split keeps them apart)."""
        if not self.apart:
            return True
        sa, sb = set(a), set(b)
        return not any((x & sa and y & sb) or (x & sb and y & sa) for x, y in self.apart)

    def kind(self, group: Sequence[int]) -> str | None:
        return next((self.kinds[i] for i in group if i in self.kinds), None)

    def reserved(self) -> set[str]:
        return {gid for _, gid in self.keep_id}

    def kept_id(self, group: Sequence[int]) -> str | None:
        """The id a corrected node keeps, once, for the first group holding it."""
        for refs, gid in self.keep_id:
            if gid not in self.claimed and refs & set(group):
                self.claimed.add(gid)
                return gid
        return None


NO_CONSTRAINTS = Constraints()


def constrain(items: Sequence[ScopedEntity], corrections: Sequence[Correction]) -> tuple[list[ScopedEntity], Constraints]:
    """`items` without dropped entities, with corrected kinds, and the constraints."""
    out = Constraints()
    dropped: set[NodeRef] = set()
    for c in corrections:
        if c.action == "drop":
            hit = {s.ref for s in items if matches(s, c.subject, by_name=True)}
            dropped |= hit
            out.applied[c.key] = bool(hit)
    kept = [s for s in items if s.ref not in dropped]
    for c in corrections:
        if c.action != "drop":
            _add(c, kept, out)
    kept = [replace(s, entity=replace(s.entity, kind=out.kinds[s.ref])) if s.ref in out.kinds else s for s in kept]
    return kept, out


def _add(c: Correction, items: Sequence[ScopedEntity], out: Constraints) -> None:
    anywhere = c.action == "alias"
    subject = [s for s in items if matches(s, c.subject, anywhere)]
    refs = frozenset(s.ref for s in subject)
    if c.action in ("merge", "alias"):
        other = [s.ref for s in items if c.object is not None and matches(s, c.object, anywhere)]
        out.applied[c.key] = bool(refs) and bool(other)
        if out.applied[c.key]:
            out.must.append((tuple(sorted(refs | set(other))), RULES[c.action]))
            if c.subject.id is not None:
                out.keep_id.append((refs | frozenset(other), c.subject.id))
    elif c.action == "split":
        part = frozenset(s.ref for s in subject if _docs(s) <= set(c.documents))
        out.applied[c.key] = bool(part)
        if part:
            out.must.append((tuple(sorted(part)), RULES["split"]))
            out.apart.append((part, refs - part))
            if c.subject.id is not None and refs - part:
                out.keep_id.append((refs - part, c.subject.id))
    elif c.action == "kind":
        out.applied[c.key] = bool(refs)
        out.kinds.update({r: c.kind for r in refs})
        if c.subject.id is not None and refs:
            out.keep_id.append((refs, c.subject.id))


def corrections_for(entity, corrections: Sequence[Correction]) -> list[Correction]:
    """The corrections that name `entity` (a node of a built graph)."""
    s = ScopedEntity(GLOBAL, entity)
    by_name = ("alias", "drop")
    return [c for c in corrections
            if any(side is not None and matches(s, side, c.action in by_name) for side in (c.subject, c.object))]


def _same(a: CorrectedNode, b: CorrectedNode) -> bool:
    return (a.id is not None and a.id == b.id) or bool(set(a.spans) & set(b.spans)) or bool(_names(a) & _names(b))


def conflicts(corrections: Sequence[Correction]) -> list[tuple[Correction, Correction]]:
    """Pairs of corrections that contradict each other: a merge that joins what a split
    keeps apart (one side only in the split's documents, the other also elsewhere), or
    two different kinds for one node."""
    found = []
    for i, a in enumerate(corrections):
        for b in corrections[i + 1:]:
            if _contradict(a, b) or _contradict(b, a):
                found.append((a, b))
    return found


def _contradict(a: Correction, b: Correction) -> bool:
    if a.action == "kind" and b.action == "kind":
        return a.subject.id is not None and a.subject.id == b.subject.id and a.kind != b.kind
    if a.action != "merge" or b.action != "split" or a.object is None:
        return False
    split_docs = set(b.documents)

    def inside(x: CorrectedNode) -> bool:
        return bool(x.documents) and set(x.documents) <= split_docs and _same(x, b.subject)

    def outside(x: CorrectedNode) -> bool:
        return _same(x, b.subject) and (not x.documents or not set(x.documents) <= split_docs)

    return (inside(a.subject) and outside(a.object)) or (inside(a.object) and outside(a.subject))


__all__ = ["Bound", "Constraints", "NO_CONSTRAINTS", "RULES", "conflicts", "constrain", "corrections_for", "matches"]
