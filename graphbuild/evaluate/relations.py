"""Relation and quote-attribution precision/recall against a small hand-made gold file.

Gold JSONL, one document a line: {"doc_id", "text", "relations": [[subject, predicate,
object], ...]} where subject/object are surface forms of the entities, predicate is a
relation predicate (headOf, memberOf, worksFor, nationality, containedInPlace,
homeLocation) or "quote" (object: the first words of the quoted or reported text).
A predicted relation matches when the predicate is equal and each gold surface is the
entity's label or one of its alt labels (case-insensitive); a quote matches when its
speaker matches and its text contains the gold words. Only attributed quotes count.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from graphbuild.evaluate.gold import read_records
from graphbuild.model import REFERRING_RULES, GraphModel


@dataclass(frozen=True)
class Scores:
    """Counts per predicate; `errors` lists the false positives and negatives."""

    tp: dict[str, int]
    fp: dict[str, int]
    fn: dict[str, int]
    errors: tuple[str, ...]

    def precision(self, predicate: str | None = None) -> float:
        tp, fp = self._sum(self.tp, predicate), self._sum(self.fp, predicate)
        return tp / (tp + fp) if tp + fp else 0.0

    def recall(self, predicate: str | None = None) -> float:
        tp, fn = self._sum(self.tp, predicate), self._sum(self.fn, predicate)
        return tp / (tp + fn) if tp + fn else 0.0

    @staticmethod
    def _sum(counts: dict[str, int], predicate: str | None) -> int:
        return sum(counts.values()) if predicate is None else counts.get(predicate, 0)


def _surfaces(model: GraphModel, entity_id: str) -> set[str]:
    e = model.entity(entity_id)
    return {s.casefold() for s in (e.label, *e.alt_labels, *(m.text for m in e.mentions if m.rule not in REFERRING_RULES))}


def predicted(model: GraphModel, doc_id: str | None = None) -> list[tuple[set[str], str, str | set[str]]]:
    """(subject surfaces, predicate, object surfaces or quote text) of the relations and
    attributed quotes of `model` stated in document `doc_id` (None: all of them). A
    containment taken from the gazetteer is no statement of the text: the gold, labelled
    by reading, has none, so it is not scored."""
    from graphbuild.resolve.geo_containment import GAZETTEER_RULES

    out: list[tuple[set[str], str, str | set[str]]] = []
    for r in model.relations:
        if any((doc_id is None or ev.doc_id == doc_id) and ev.rule not in GAZETTEER_RULES for ev in r.evidence):
            out.append((_surfaces(model, r.subject), r.predicate, _surfaces(model, r.object)))
    for q in model.quotes:
        if q.speaker is not None and (doc_id is None or q.doc_id == doc_id):
            out.append((_surfaces(model, q.speaker), "quote", q.text.casefold()))
    return out


def _matches(pred: tuple[set[str], str, str | set[str]], gold: list[str]) -> bool:
    subj, predicate, obj = pred
    # a relation's object surfaces or a quote's text: containment works for both
    return predicate == gold[1] and gold[0].casefold() in subj and gold[2].casefold() in obj


def score_document(model: GraphModel, gold: list[list[str]], doc_id: str = "") -> tuple[Counter, Counter, Counter, list[str]]:
    tp, fp, fn, errors = Counter(), Counter(), Counter(), []
    preds = predicted(model, doc_id or None)
    used: set[int] = set()
    for g in gold:
        hit = next((k for k, p in enumerate(preds) if k not in used and _matches(p, g)), None)
        if hit is None:
            fn[g[1]] += 1
            errors.append(f"{doc_id} missed {g}")
        else:
            used.add(hit)
            tp[g[1]] += 1
    for k, (subj, predicate, obj) in enumerate(preds):
        if k not in used:
            fp[predicate] += 1
            errors.append(f"{doc_id} wrong {sorted(subj)[0]!r} {predicate} {obj if isinstance(obj, str) else sorted(obj)[0]!r}")
    return tp, fp, fn, errors


def evaluate_relations(gold: Path, model: str = "en_core_web_sm", limit: int | None = None,
                       output_dir: Path | None = None) -> Scores:
    """Score the relations and quotes of the graph a real build makes of the gold texts
    (`gold.build_graph`), document by document."""
    from graphbuild.evaluate.gold import build_graph
    from graphbuild.model import Document

    items = list(read_records(gold, limit, lambda record, _: record, "JSONL with doc_id, text, relations"))
    graph = build_graph([Document(item["doc_id"], item["text"]) for item in items], model, output_dir)
    tp, fp, fn, errors = Counter(), Counter(), Counter(), []
    for item in items:
        a, b, c, e = score_document(graph, item["relations"], item["doc_id"])
        tp += a
        fp += b
        fn += c
        errors += e
    return Scores(dict(tp), dict(fp), dict(fn), tuple(errors))


def format_relations(scores: Scores) -> str:
    """A plain-text table: precision, recall and counts by predicate, then the total."""
    preds = sorted(set(scores.tp) | set(scores.fp) | set(scores.fn))
    rows = [f"{'predicate':<18}{'P':>7}{'R':>7}{'tp':>5}{'fp':>5}{'fn':>5}"]
    for p in preds + [None]:
        name = p or "all"
        rows.append(f"{name:<18}{scores.precision(p):>7.2f}{scores.recall(p):>7.2f}"
                    f"{Scores._sum(scores.tp, p):>5}{Scores._sum(scores.fp, p):>5}{Scores._sum(scores.fn, p):>5}")
    return "\n".join(rows)
