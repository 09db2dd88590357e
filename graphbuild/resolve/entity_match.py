"""Cross-document entity clustering: which entities of different documents are one node.

`cluster_entities` compares entities only within blocks (shared blocking keys from
`names.blocking_keys`), scores each candidate pair with `scoring.score_pair` and joins
pairs greedily from the best score down, refusing a join that would put two entities of
one document (already resolved within it) or two conflicting names into one cluster.
Everything is ordered by content keys, so the result does not depend on input order.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence

from graphbuild.model import Entity, GraphModel, MergeStep
from graphbuild.resolve.corrections import NO_CONSTRAINTS, Bound, Constraints
from graphbuild.resolve.facts import canonical_label, name_weight, sorted_mentions, sorted_merges
from graphbuild.resolve.kinds import decide_kind
from graphbuild.resolve.scopes import GLOBAL, NodeRef, ScopedEntity, entity_key, scope_of, unique_key
from graphbuild.resolve.scoring import Candidate, MatchContext, compatible_clusters, same_country, score_pair

# Rule recorded for the first member of a cluster (nothing was matched to admit it).
SEED_RULE = "seed"


def cluster_entities(
    items: Sequence[ScopedEntity], models: Sequence[GraphModel], pinned: GraphModel | None,
    roles: dict[NodeRef, Counter[str]] | None = None, constraints: Constraints = NO_CONSTRAINTS,
) -> tuple[list[Entity], dict[NodeRef, str]]:
    """Merged entities with global ids, and the map (scope, local id) -> global id.

    Entities of `pinned` (scope GLOBAL) keep their ids; the others get
    `entity_key(kind, label)`, made unique in a deterministic order. Each node's kind is
    decided once here (`kinds.decide_kind`), from its members and the role votes `roles`
    of the facts that name them. `constraints` (the corrections, `resolve.corrections`)
    join their pairs first, keep split parts apart, force kinds and keep ids."""
    ordered = sorted(items, key=lambda s: s.ref)
    bound = constraints.bind({s.ref: i for i, s in enumerate(ordered)})
    context = MatchContext.of(ordered, models, pinned)
    cands = [context.candidate(s) for s in ordered]
    parent = list(range(len(cands)))
    joined_by: dict[int, tuple[str, float]] = {}

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    members: dict[int, list[int]] = {i: [i] for i in range(len(cands))}
    # Clusters only grow and keep the smaller root, so (root, size) names one cluster's
    # members: two found apart stay apart until one grows (a hub's pairs come in bulk).
    apart: set[tuple[tuple[int, int], ...]] = set()

    def join(i: int, j: int, rule: str, score: float, forced: bool) -> None:
        ri, rj = find(i), find(j)
        if ri == rj:
            return
        state = tuple(sorted(((ri, len(members[ri])), (rj, len(members[rj])))))
        if not forced and state in apart:
            return
        a, b = [cands[k] for k in members[ri]], [cands[k] for k in members[rj]]
        if not forced and (not compatible_clusters(a, b) or not bound.allows(members[ri], members[rj])):
            apart.add(state)
            return
        root, other = min(ri, rj), max(ri, rj)
        parent[other] = root
        members[root].extend(members.pop(other))
        # Pairs come best first: each member records the best link that admitted it.
        joined_by.setdefault(i, (rule, score))
        joined_by.setdefault(j, (rule, score))

    for i, j, rule in bound.must:  # a correction's join comes first, past every veto
        join(i, j, rule, 1.0, True)
    for score, rule, i, j in _scored_pairs(cands, context):
        join(i, j, rule, score, False)
    groups = sorted((sorted(ms) for ms in members.values()), key=lambda ms: ordered[ms[0]].ref)
    return _build(groups, ordered, joined_by, document_rank(models), roles or {}, bound)


def document_rank(models: Sequence[GraphModel]) -> dict[str, tuple[str, str]]:
    """Scope -> sort key (publication date, id): the order in which documents are
    considered seen. A node's id comes from its earliest document, so adding later
    articles to a graph gives the ids a batch build of all of them gives."""
    rank = {GLOBAL: ("", "")}
    for model in models:
        for d in model.documents:
            rank[d.id] = (d.published.isoformat() if d.published else "9999", d.id)
    return rank


def _scored_pairs(cands: list[Candidate], context: MatchContext) -> list[tuple[float, str, int, int]]:
    blocks: dict[str, list[int]] = defaultdict(list)
    for i, c in enumerate(cands):
        for key in c.keys:
            blocks[key].append(i)
    seen: set[int] = set()  # pair i < j as i * n + j: a corpus's blocks hold millions of pairs
    scored, n = [], len(cands)
    for key in sorted(blocks):
        idx = blocks[key]
        for x in range(len(idx)):
            for y in range(x + 1, len(idx)):
                i, j = idx[x], idx[y]
                code = i * n + j
                if code in seen or (cands[i].scope == cands[j].scope and not same_country(cands[i], cands[j])):
                    continue
                seen.add(code)
                result = score_pair(cands[i], cands[j], context)
                if result is not None:
                    rule, score = result
                    scored.append((score, rule, i, j))
    scored.sort(key=lambda t: (-t[0], t[2], t[3], t[1]))
    return scored


def _build(
    groups: list[list[int]], ordered: list[ScopedEntity], joined_by: dict[int, tuple[str, float]],
    rank: dict[str, tuple[str, str]], roles: dict[NodeRef, Counter[str]], bound: Bound,
) -> tuple[list[Entity], dict[NodeRef, str]]:
    taken = {s.entity.id for s in ordered if s.scope == GLOBAL}
    bound.claimed |= taken  # an existing node's id stays its own
    taken |= bound.reserved()
    planned = []
    for group in groups:
        ents = [ordered[i].entity for i in group]
        pinned_ids = sorted(ordered[i].entity.id for i in group if ordered[i].scope == GLOBAL)
        kind = bound.kind(group) or decide_kind(ents, (roles[ordered[i].ref] for i in group if ordered[i].ref in roles))
        label = canonical_label(ents)
        first = min(rank.get(ordered[i].scope, ("9999", ordered[i].scope)) for i in group)
        anchor = [ordered[i] for i in group if rank.get(ordered[i].scope, ("9999", ordered[i].scope)) == first]
        anchor_ents = [a.entity for a in anchor]
        key = entity_key(majority_kind(anchor_ents), canonical_label(anchor_ents))
        planned.append((first, key, min(a.ref for a in anchor), group, ents, pinned_ids, kind, label))
    # Fresh ids are assigned in document order, then key order, ties by the first
    # member: the same clusters always get the same ids, and a later document never
    # takes an id an earlier one would get.
    planned.sort(key=lambda p: p[:3])
    out: list[Entity] = []
    mapping: dict[NodeRef, str] = {}
    for _, key, _, group, ents, pinned_ids, kind, label in planned:
        gid = pinned_ids[0] if pinned_ids else bound.kept_id(group) or unique_key(key, taken)
        taken.add(gid)
        steps = []
        for i in group:
            s = ordered[i]
            mapping[s.ref] = gid
            if s.scope != GLOBAL:
                rule, score = joined_by.get(i, (SEED_RULE, 1.0))
                steps.append(MergeStep(s.entity.label, s.scope, rule, round(score, 3)))
        out.append(merge_entities(gid, kind, label, ents, steps))
    return out, mapping


def majority_kind(ents: Sequence[Entity]) -> str:
    """The kind most mentions vote for (ties: alphabetical, for determinism)."""
    votes: Counter[str] = Counter()
    for e in ents:
        votes[e.kind] += name_weight(e)
    return min(votes, key=lambda k: (-votes[k], k))


def merge_entities(gid: str, kind: str, label: str, ents: Sequence[Entity], steps: Sequence[MergeStep]) -> Entity:
    """One entity carrying the union of what `ents` carry."""
    alts: dict[str, str] = {}
    for e in ents:
        for form in (e.label, *e.alt_labels):
            if form != label:
                alts.setdefault(form, form)
    lat = next((e.lat for e in ents if e.lat is not None), None)
    long = next((e.long for e in ents if e.long is not None), None)
    merged = Entity(
        id=gid,
        kind=kind,
        label=label,
        alt_labels=tuple(sorted(alts)),
        mentions=sorted_mentions(m for e in ents for m in e.mentions),
        titles=tuple(sorted({t for e in ents for t in e.titles})),
        same_as=tuple(sorted({x for e in ents for x in e.same_as})),
        lat=lat,
        long=long,
        merges=sorted_merges([*(s for e in ents for s in e.merges), *steps]),
    )
    return merged


__all__ = ["cluster_entities", "majority_kind", "merge_entities", "scope_of"]
