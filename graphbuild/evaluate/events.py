"""Event mention scoring on ECB+ (`kind: event` gold): precision/recall/F1 by span
overlap inside the selected sentences, and the share of our events with a place and
with a date (over all events of the scored documents).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from graphbuild.evaluate.gold import read_records
from graphbuild.evaluate.mentions import Counts, _inside
from graphbuild.model import Document

Span = tuple[int, int]


@dataclass
class EventScores:
    gold: str
    documents: int = 0
    mentions: Counts = field(default_factory=Counts)
    events: int = 0
    with_place: int = 0
    with_date: int = 0
    by_kind: dict[str, int] = field(default_factory=dict)

    @property
    def place_share(self) -> float:
        return self.with_place / self.events if self.events else 0.0

    @property
    def date_share(self) -> float:
        return self.with_date / self.events if self.events else 0.0


def _gold_events(r: dict, default_id: str) -> tuple[Document, list[Span], tuple[Span, ...] | None]:
    """The document, its gold event spans and its selected sentences (None: everywhere)."""
    regions = None
    if r.get("sentences"):
        regions = tuple((s["start"], s["end"]) for s in r["sentences"] if s.get("selected", True))
    gold = [(e["start"], e["end"]) for e in r.get("entities", ())
            if e.get("kind") == "event" and e.get("selected", True) and _inside(e["start"], e["end"], regions)]
    return Document(id=str(r.get("doc_id") or default_id), text=r["text"]), gold, regions


def _match(gold: list[Span], predicted: list[Span]) -> tuple[int, int, int]:
    """(tp, fp, fn) with one-to-one matching of overlapping spans."""
    used: set[int] = set()
    tp = 0
    for p in predicted:
        for i, g in enumerate(gold):
            if i not in used and p[0] < g[1] and g[0] < p[1]:
                used.add(i)
                tp += 1
                break
    return tp, len(predicted) - tp, len(gold) - tp


def evaluate_events(gold: Path, limit: int | None = None, model: str = "en_core_web_sm",
                    output_dir: Path | None = None) -> EventScores:
    """Event mention P/R/F1 (overlap, selected sentences) and place/date shares of the
    event nodes of the graph a real build makes of the gold texts (`gold.build_graph`)."""
    from graphbuild.evaluate.gold import build_graph, mentions_by_document

    records = list(read_records(gold, limit, _gold_events, "the ECB+ JSONL format of shared/data/README.md"))
    graph = build_graph([d for d, _, _ in records], model, output_dir)
    by_doc = mentions_by_document(graph.events)
    scores = EventScores(gold=str(gold), documents=len(records))
    for document, gold_spans, regions in records:
        predicted = sorted({(m.start, m.end) for _, m in by_doc.get(document.id, ())
                            if _inside(m.start, m.end, regions)})
        tp, fp, fn = _match(gold_spans, predicted)
        scores.mentions.tp += tp
        scores.mentions.fp += fp
        scores.mentions.fn += fn
    for e in graph.events:
        scores.events += 1
        scores.with_place += bool(e.places)
        scores.with_date += any(t.value for t in e.times)
        scores.by_kind[e.kind] = scores.by_kind.get(e.kind, 0) + 1
    return scores


def format_event_table(scores: EventScores) -> str:
    c = scores.mentions
    kinds = ", ".join(f"{k} {n}" for k, n in sorted(scores.by_kind.items(), key=lambda kv: -kv[1])[:8])
    return "\n".join([
        f"Event mention scores on {scores.gold}: {scores.documents} documents (overlap, selected sentences)",
        f"{'P':>6} {'R':>6} {'F1':>6} {'tp':>6} {'fp':>6} {'fn':>6}",
        f"{100 * c.precision:6.1f} {100 * c.recall:6.1f} {100 * c.f1:6.1f} {c.tp:6d} {c.fp:6d} {c.fn:6d}",
        f"events: {scores.events}; with a place: {100 * scores.place_share:.1f}%; "
        f"with a date: {100 * scores.date_share:.1f}%",
        f"most frequent kinds: {kinds}",
    ])
