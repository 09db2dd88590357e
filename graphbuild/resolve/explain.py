"""Why a node is what it is: the mentions merged into it and the rule behind each merge.

`explain(model, name)` finds the entities and events whose label or alternative labels
match `name` (normalized, transliteration-folded, or as a substring) and describes, line
by line, each node, its merge steps (surface, document, rule, score) and its mentions
(document, offsets, text, label, rule).
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from graphbuild.model import Entity, Event, GraphModel
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

    def lines(self) -> list[str]:
        out = [f"{self.label} [{self.kind}] id={self.node_id}"]
        if self.alt_labels:
            out.append("  also: " + "; ".join(self.alt_labels))
        for surface, doc, rule, score in self.merges:
            out.append(f"  merged {surface!r} from {doc} by {rule} (score {score:.2f})")
        for doc, start, end, text, label, rule in self.mentions:
            out.append(f"  mention {doc} [{start}:{end}] {text!r} {label} ({rule})")
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


def explain_nodes(model: GraphModel, name: str) -> list[Explanation]:
    out = []
    for n in find_nodes(model, name):
        out.append(Explanation(
            node_id=n.id, kind=n.kind, label=n.label, alt_labels=tuple(getattr(n, "alt_labels", ())),
            merges=tuple((s.surface, s.doc_id, s.rule, s.score) for s in n.merges),
            mentions=tuple((m.doc_id, m.start, m.end, m.text, m.label, m.rule) for m in n.mentions),
        ))
    return out


def explain(model: GraphModel, name: str) -> list[str]:
    """Lines describing every node matching `name`; empty when nothing matches."""
    lines: list[str] = []
    for e in explain_nodes(model, name):
        if lines:
            lines.append("")
        lines.extend(e.lines())
    return lines
