"""Why a node is what it is: the mentions merged into it and the rule behind each merge.

`explain(model, name)` finds the entities and events whose label or alternative labels
match `name` (normalized, transliteration-folded, or as a substring) and describes, line
by line, each node, its merge steps (surface, document, rule, score) and its mentions
(document, offsets, text, label, rule); for an event, its factuality and whether that
counts as having happened (asserted and reported do; negated, hypothetical, future not).
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from graphbuild.model import HAPPENED, Correction, Entity, Event, GraphModel
from graphbuild.names import fold, normalize, phonetic


@dataclass(frozen=True)
class Explanation:
    """One node's story: what it is, how it was merged, where it was mentioned."""

    node_id: str
    kind: str
    label: str
    alt_labels: tuple[str, ...]
    merges: tuple[tuple[str, str, str, float], ...]  # (surface, doc_id, rule, score)
    mentions: tuple[tuple[str, int, int, str, str, str], ...]  # (doc, start, end, text, label, rule)
    corrections: tuple[str, ...] = ()  # the corrections that name the node, described
    factuality: str | None = None  # events only

    @property
    def happened(self) -> bool | None:
        """Whether an event counts as having happened (None for an entity)."""
        return None if self.factuality is None else self.factuality in HAPPENED

    def lines(self) -> list[str]:
        out = [f"{self.label} [{self.kind}] id={self.node_id}"]
        if self.alt_labels:
            out.append("  also: " + "; ".join(self.alt_labels))
        if self.factuality is not None:
            out.append(f"  factuality: {self.factuality} ("
                       + ("happened" if self.happened else "not stated as having happened") + ")")
        for surface, doc, rule, score in self.merges:
            out.append(f"  merged {surface!r} from {doc} by {rule} (score {score:.2f})")
        for doc, start, end, text, label, rule in self.mentions:
            out.append(f"  mention {doc} [{start}:{end}] {text!r} {label} ({rule})")
        out.extend(f"  correction {c}" for c in self.corrections)
        return out


def matches(name: str, labels: Sequence[str]) -> int:
    """How well `name` matches a node's labels: 3 exact, 2 transliteration-folded,
    1 contained, 0 not at all."""
    key, folded = normalize(name), fold(name)
    best = 0
    for label in labels:
        if normalize(label) == key:
            return 3
        if folded and (fold(label) == folded or phonetic(label) == phonetic(name)):
            best = max(best, 2)
        elif key and key in normalize(label):
            best = max(best, 1)
    return best


def find_nodes(model: GraphModel, name: str) -> list[Entity | Event]:
    """The nodes matching `name`, best matches only (exact beats folded beats substring)."""
    scored = [(matches(name, (n.label, *getattr(n, "alt_labels", ()))), n)
              for n in (*model.entities, *model.events)]
    best = max((s for s, _ in scored), default=0)
    return sorted((n for s, n in scored if s == best and best > 0), key=lambda n: n.id)


def describe_correction(c: Correction) -> str:
    """`merge 'A' = 'B' (merge/1a2b3c4d) by alice at 2026-12-01T10:00:00+00:00: note`."""
    return f"{c.describe()} ({c.key}) by {c.agent or 'someone'} at {c.created}" + (f": {c.note}" if c.note else "")


def explain_nodes(model: GraphModel, name: str, corrections: Sequence[Correction] = ()) -> list[Explanation]:
    from graphbuild.resolve.corrections import corrections_for

    out = []
    for n in find_nodes(model, name):
        applied = corrections_for(n, corrections) if isinstance(n, Entity) else []
        out.append(Explanation(
            node_id=n.id, kind=n.kind, label=n.label, alt_labels=tuple(getattr(n, "alt_labels", ())),
            merges=tuple((s.surface, s.doc_id, s.rule, s.score) for s in n.merges),
            mentions=tuple((m.doc_id, m.start, m.end, m.text, m.label, m.rule) for m in n.mentions),
            corrections=tuple(describe_correction(c) for c in applied),
            factuality=n.factuality if isinstance(n, Event) else None,
        ))
    return out


def explain(model: GraphModel, name: str, corrections: Sequence[Correction] = ()) -> list[str]:
    """Lines describing every node matching `name` and the corrections that name it; a
    name no node has but a `drop` correction names gets that correction; empty when
    nothing matches."""
    lines: list[str] = []
    for e in explain_nodes(model, name, corrections):
        if lines:
            lines.append("")
        lines.extend(e.lines())
    if not lines:
        dropped = [c for c in corrections if c.action == "drop" and matches(name, c.subject.names) == 3]
        lines = [f"{name!r} is no node: correction {describe_correction(c)}" for c in dropped]
    return lines
