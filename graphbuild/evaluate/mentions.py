"""Exact-span mention scoring (CoNLL-style labels PER/ORG/LOC) of the raw spaCy model's
`doc.ents` and of our pipeline's entity mentions, computed in one run from one parse.

Gold: one JSON object a line with `text` and `entities` (`start`, `end`, `label` or
`coarse`, optional `kind`/`selected`) and optional `sentences` with `selected` flags
(ECB+): then only mentions inside selected sentences are scored, gold and predicted.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from graphbuild.evaluate.gold import parse_all, read_records
from graphbuild.model import Document

TYPES = ("PER", "ORG", "LOC")
SYSTEMS = ("spaCy raw", "graphbuild")
# spaCy OntoNotes labels and ECB+ coarse labels → the scored types (others ignored).
MODEL_LABELS = {"PERSON": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC"}
GOLD_LABELS = {"PER": "PER", "ORG": "ORG", "LOC": "LOC", **MODEL_LABELS}
KIND_LABELS = {"Person": "PER", "Organization": "ORG", "Place": "LOC"}

Span = tuple[int, int, str]


@dataclass
class Counts:
    """True positives, false positives and false negatives of one type."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, gold: set[Span], predicted: set[Span]) -> None:
        self.tp += len(gold & predicted)
        self.fp += len(predicted - gold)
        self.fn += len(gold - predicted)


@dataclass
class Scores:
    """Per system ("spaCy raw", "graphbuild"): Counts by type and "ALL" (micro)."""

    gold: str
    documents: int = 0
    systems: dict[str, dict[str, Counts]] = field(
        default_factory=lambda: {s: {t: Counts() for t in (*TYPES, "ALL")} for s in SYSTEMS})

    def f1(self, system: str, type_: str = "ALL") -> float:
        return self.systems[system][type_].f1

    def add(self, system: str, gold: set[Span], predicted: set[Span]) -> None:
        for t in TYPES:
            self.systems[system][t].add({g for g in gold if g[2] == t}, {p for p in predicted if p[2] == t})
        self.systems[system]["ALL"].add(gold, predicted)


@dataclass(frozen=True)
class GoldDocument:
    document: Document
    mentions: frozenset[Span]
    regions: tuple[tuple[int, int], ...] | None  # selected sentences; None: everywhere


def read_gold(path: Path, limit: int | None = None) -> Iterator[GoldDocument]:
    """The first `limit` gold documents of the JSONL file `path`."""
    return read_records(path, limit, _gold_document,
                        "the JSONL format of shared/data/README.md with `text` and `entities`")


def _gold_document(record: dict, default_id: str) -> GoldDocument:
    text = record["text"]
    doc_id = str(record.get("doc_id") or record.get("id") or default_id)
    regions = None
    sentences = [s for s in record.get("sentences") or () if isinstance(s, dict)]  # CoNLL: [start, end] pairs
    if sentences:
        selected = tuple((s["start"], s["end"]) for s in sentences if s.get("selected", True))
        if len(selected) < len(sentences):
            regions = selected
    mentions = set()
    for e in record.get("entities", ()):
        if e.get("kind", "entity") != "entity" or not e.get("selected", True):
            continue
        label = GOLD_LABELS.get(e.get("coarse") or e.get("label"))
        if label and _inside(e["start"], e["end"], regions):
            mentions.add((e["start"], e["end"], label))
    return GoldDocument(Document(id=doc_id, text=text), frozenset(mentions), regions)


def _inside(start: int, end: int, regions: tuple[tuple[int, int], ...] | None) -> bool:
    return regions is None or any(a <= start and end <= b for a, b in regions)


def _keep(spans: Iterable[Span], regions: tuple[tuple[int, int], ...] | None) -> set[Span]:
    return {s for s in spans if _inside(s[0], s[1], regions)}


def evaluate_mentions(gold: Path, limit: int | None = None, model: str = "en_core_web_sm",
                      output_dir: Path | None = None) -> Scores:
    """Exact-span P/R/F1 by type of the raw model and of our pipeline on `gold`. Ours are
    the mentions of the graph a real build makes of the gold texts (`gold.build_graph`)."""
    from graphbuild.evaluate.gold import build_graph, mentions_by_document
    from graphbuild.model import REFERRING_RULES
    from graphbuild.nlp import load_model

    gold_docs = list(read_gold(Path(gold), limit))
    documents = [g.document for g in gold_docs]
    graph = build_graph(documents, model, output_dir)
    by_doc = mentions_by_document(graph.entities)
    nlp = load_model(model)
    scores = Scores(gold=str(gold), documents=len(gold_docs))
    for g, parsed in zip(gold_docs, parse_all(nlp, documents)):
        raw = set()
        for ent in parsed.doc.ents:
            label = MODEL_LABELS.get(ent.label_)
            if label:
                start, end = parsed.source(ent.start_char, ent.end_char)
                raw.add((start, end, label))
        ours = {(m.start, m.end, KIND_LABELS[e.kind])
                for e, m in by_doc.get(g.document.id, ()) if e.kind in KIND_LABELS and m.rule not in REFERRING_RULES}
        scores.add("spaCy raw", set(g.mentions), _keep(raw, g.regions))
        scores.add("graphbuild", set(g.mentions), _keep(ours, g.regions))
    return scores


def format_table(scores: Scores) -> str:
    """A plain-text table: one block per system, rows by type and overall (micro)."""
    lines = [f"Mention scores on {scores.gold}: {scores.documents} documents (exact span, PER/ORG/LOC)",
             f"{'system':<12} {'type':<4} {'P':>6} {'R':>6} {'F1':>6} {'tp':>6} {'fp':>6} {'fn':>6}"]
    for system in SYSTEMS:
        for t in (*TYPES, "ALL"):
            c = scores.systems[system][t]
            lines.append(f"{system:<12} {t:<4} {100 * c.precision:6.1f} {100 * c.recall:6.1f} {100 * c.f1:6.1f} "
                         f"{c.tp:6d} {c.fp:6d} {c.fn:6d}")
    delta = 100 * (scores.f1("graphbuild") - scores.f1("spaCy raw"))
    lines.append(f"graphbuild vs spaCy raw: {delta:+.1f} F1 (overall)")
    return "\n".join(lines)
