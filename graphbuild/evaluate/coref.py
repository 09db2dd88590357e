"""Coreference scores (MUC, B3, CEAF-e, CoNLL F1) on ECB+-style gold, per topic.

Gold: mentions with a `cluster` in selected sentences; entities of the coarse types our
pipeline produces (PERSON, ORG, GPE, LOC, FAC), events of kind "event". System: the
clusters of the graph a real build makes of all the documents (`gold.build_graph`),
each scored on the mentions of one topic in selected sentences. Baselines from the
same model: entities = raw
spaCy `doc.ents` clustered by exact string; events = our event mentions clustered by
exact lowercase string (a surface-match baseline).

Mention matching: a system mention is the gold mention with the exact same span, else
the gold mention whose last token (an approximation of the head for names and event
triggers) lies inside the system span; each gold mention is matched once. Unmatched
mentions stay in their own clusters on both sides (twinless mentions lower recall or
precision as in the CoNLL-2012 scorer). Totals are micro-averaged over topics.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

Mention = tuple[str, int, int]  # (doc_id, start, end)
Cluster = frozenset
METRICS = ("MUC", "B3", "CEAF-e")
ENTITY_TYPES = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC"})
MODEL_ENTITY_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP"})


@dataclass
class PR:
    """Recall and precision as numerator/denominator, summed over topics."""

    r_num: float = 0.0
    r_den: float = 0.0
    p_num: float = 0.0
    p_den: float = 0.0

    def add(self, other: PR) -> None:
        self.r_num += other.r_num
        self.r_den += other.r_den
        self.p_num += other.p_num
        self.p_den += other.p_den

    @property
    def recall(self) -> float:
        return self.r_num / self.r_den if self.r_den else 0.0

    @property
    def precision(self) -> float:
        return self.p_num / self.p_den if self.p_den else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def muc(key: Sequence[Cluster], response: Sequence[Cluster]) -> PR:
    """MUC (Vilain et al. 1995): links needed to rebuild each cluster from the other side."""

    def side(a: Sequence[Cluster], b: Sequence[Cluster]) -> tuple[float, float]:
        where = {m: i for i, c in enumerate(b) for m in c}
        num = den = 0
        for c in a:
            parts = {where.get(m, ("alone", m)) for m in c}
            num += len(c) - len(parts)
            den += len(c) - 1
        return num, den

    rn, rd = side(key, response)
    pn, pd = side(response, key)
    return PR(rn, rd, pn, pd)


def b_cubed(key: Sequence[Cluster], response: Sequence[Cluster]) -> PR:
    """B3 (Bagga & Baldwin 1998): per-mention overlap of its key and response clusters."""

    def side(a: Sequence[Cluster], b: Sequence[Cluster]) -> tuple[float, float]:
        where = {m: c for c in b for m in c}
        num = 0.0
        total = 0
        for c in a:
            for m in c:
                total += 1
                other = where.get(m)
                if other is not None:
                    num += len(c & other) / len(c)
        return num, total

    rn, rd = side(key, response)
    pn, pd = side(response, key)
    return PR(rn, rd, pn, pd)


def ceaf_e(key: Sequence[Cluster], response: Sequence[Cluster]) -> PR:
    """Entity-based CEAF (Luo 2005): the best one-to-one alignment of clusters under
    phi4 = 2|K∩R| / (|K| + |R|)."""
    import networkx as nx

    graph = nx.Graph()
    for i, k in enumerate(key):
        for j, r in enumerate(response):
            common = len(k & r)
            if common:
                graph.add_edge(("k", i), ("r", j), weight=2 * common / (len(k) + len(r)))
    matching = nx.max_weight_matching(graph)
    total = sum(graph[a][b]["weight"] for a, b in matching)
    return PR(total, len(key), total, len(response))


def score_all(key: Sequence[Cluster], response: Sequence[Cluster]) -> dict[str, PR]:
    return {"MUC": muc(key, response), "B3": b_cubed(key, response), "CEAF-e": ceaf_e(key, response)}


@dataclass
class CorefScores:
    """Scores per task ("entities", "events") and system, micro-averaged over topics."""

    gold: str
    documents: int = 0
    topics: int = 0
    table: dict[tuple[str, str], dict[str, PR]] = field(default_factory=dict)
    mentions: dict[tuple[str, str], tuple[int, int]] = field(default_factory=dict)  # (gold, system) counts

    def add(self, task: str, system: str, scores: dict[str, PR], gold_n: int, sys_n: int) -> None:
        row = self.table.setdefault((task, system), {m: PR() for m in METRICS})
        for m in METRICS:
            row[m].add(scores[m])
        g, s = self.mentions.get((task, system), (0, 0))
        self.mentions[(task, system)] = (g + gold_n, s + sys_n)

    def conll(self, task: str, system: str) -> float:
        row = self.table[(task, system)]
        return sum(row[m].f1 for m in METRICS) / len(METRICS)


def match_mentions(gold: dict[Mention, str], system: Iterable[Mention]) -> dict[Mention, Mention]:
    """System mention -> the gold mention it stands for (see the module notes)."""
    by_doc: dict[str, list[Mention]] = defaultdict(list)
    for g in gold:
        by_doc[g[0]].append(g)
    out: dict[Mention, Mention] = {}
    used: set[Mention] = set()
    system = sorted(set(system))
    for s in system:
        if s in gold:
            out[s] = s
            used.add(s)
    for s in system:
        if s in out:
            continue
        for g in sorted(by_doc[s[0]], key=lambda g: (abs(g[1] - s[1]) + abs(g[2] - s[2]), g)):
            if g in used:
                continue
            if s[1] <= gold[g] < s[2]:  # the gold mention's last token is inside
                out[s] = g
                used.add(g)
                break
    return out


def _clusters(groups: Iterable[Iterable[Mention]]) -> list[Cluster]:
    return [frozenset(g) for g in groups if g]


def score_topic(gold_clusters: dict[str, set[Mention]], heads: dict[Mention, int],
                system_clusters: Iterable[Iterable[Mention]]) -> tuple[dict[str, PR], int, int]:
    """Scores of one topic: system mentions mapped onto gold ones, then all metrics."""
    system_clusters = [list(c) for c in system_clusters]
    mapping = match_mentions(heads, [m for c in system_clusters for m in c])
    response = _clusters({mapping.get(m, ("sys",) + m) for m in c} for c in system_clusters)
    key = _clusters(gold_clusters.values())
    return score_all(key, response), sum(len(c) for c in key), sum(len(c) for c in response)


def _last_token_start(text: str, start: int, end: int) -> int:
    span = text[start:end].rstrip()
    cut = max(span.rfind(" "), span.rfind("-"))
    return start + cut + 1 if cut >= 0 else start


def evaluate_coref(gold: Path, limit: int | None = None, model: str = "en_core_web_sm",
                   output_dir: Path | None = None) -> CorefScores:
    """MUC, B3, CEAF-e and CoNLL F1 of our pipeline and the baselines on `gold`. Ours are
    the clusters of the graph a real build makes of all the gold texts together
    (`gold.build_graph`), scored topic by topic on the topic's mentions."""
    from graphbuild.evaluate.gold import build_graph, parse_all, read_records
    from graphbuild.model import Document
    from graphbuild.nlp import load_model

    records = list(read_records(gold, limit, lambda record, _: record,
                                "the ECB+ JSONL format of shared/data/README.md"))
    docs = [Document(id=r["doc_id"], text=r["text"]) for r in records]
    graph = build_graph(docs, model, output_dir)
    nlp = load_model(model)
    scores = CorefScores(gold=str(gold), documents=len(docs))
    by_topic: dict[str, list] = defaultdict(list)
    for record, parsed in zip(records, parse_all(nlp, docs)):
        regions = [(s["start"], s["end"]) for s in record.get("sentences", ()) if s.get("selected")]

        def inside(start: int, end: int, regions=regions) -> bool:
            return any(a <= start and end <= b for a, b in regions)

        raw = []
        for ent in parsed.doc.ents:
            if ent.label_ in MODEL_ENTITY_LABELS:
                start, end = parsed.source(ent.start_char, ent.end_char)
                if inside(start, end):
                    raw.append((record["text"][start:end], (record["doc_id"], start, end)))
        by_topic[str(record.get("topic", ""))].append((record, raw, inside))
    for topic in sorted(by_topic):
        _score_one_topic(scores, by_topic[topic], graph)
        scores.topics += 1
    return scores


def _score_one_topic(scores: CorefScores, items: list, graph) -> None:
    gold: dict[str, dict[str, set[Mention]]] = {"entities": defaultdict(set), "events": defaultdict(set)}
    heads: dict[str, dict[Mention, int]] = {"entities": {}, "events": {}}
    for record, _, _ in items:
        for e in record.get("entities", ()):
            if not e.get("selected") or not e.get("cluster"):
                continue
            task = "events" if e.get("kind") == "event" else "entities"
            if task == "entities" and e.get("coarse") not in ENTITY_TYPES:
                continue
            m = (record["doc_id"], e["start"], e["end"])
            gold[task][e["cluster"]].add(m)
            heads[task][m] = _last_token_start(record["text"], e["start"], e["end"])
    inside = {record["doc_id"]: f for record, _, f in items}

    def kept(mentions) -> list[Mention]:
        return [(m.doc_id, m.start, m.end) for m in mentions if m.doc_id in inside and inside[m.doc_id](m.start, m.end)]

    ours = {"entities": [c for e in graph.entities if (c := kept(e.mentions))],
            "events": [c for v in graph.events if (c := kept(v.mentions))]}
    by_string: dict[str, list[Mention]] = defaultdict(list)
    for _, raw, _ in items:
        for text, m in raw:
            by_string[text].append(m)
    by_event_string: dict[str, list[Mention]] = defaultdict(list)
    for v in graph.events:
        for m in v.mentions:
            if m.doc_id in inside and inside[m.doc_id](m.start, m.end):
                by_event_string[m.text.casefold()].append((m.doc_id, m.start, m.end))
    systems = {
        ("entities", "graphbuild"): ours["entities"],
        ("entities", "spaCy raw, exact string"): list(by_string.values()),
        ("events", "graphbuild"): ours["events"],
        ("events", "our triggers, exact string"): list(by_event_string.values()),
    }
    for (task, system), clusters in systems.items():
        result, gold_n, sys_n = score_topic(gold[task], heads[task], clusters)
        scores.add(task, system, result, gold_n, sys_n)


def format_coref(scores: CorefScores) -> str:
    """A plain-text table: one row per task and system, R/P/F1 per metric and CoNLL F1."""
    lines = [f"Coreference on {scores.gold}: {scores.documents} documents, {scores.topics} topics "
             "(selected sentences; micro over topics)",
             f"{'task':9} {'system':28} {'gold':>5} {'sys':>5}  " + "  ".join(f"{m:>17}" for m in METRICS) + "  CoNLL F1"]
    for (task, system), row in sorted(scores.table.items(), key=lambda kv: (kv[0][0], kv[0][1] != "graphbuild", kv[0][1])):
        g, s = scores.mentions[(task, system)]
        cells = "  ".join(f"{100 * row[m].recall:5.1f}/{100 * row[m].precision:5.1f}/{100 * row[m].f1:5.1f}" for m in METRICS)
        lines.append(f"{task:9} {system:28} {g:5d} {s:5d}  {cells}  {100 * scores.conll(task, system):8.1f}")
    lines.append("cells: recall/precision/F1 (%)")
    return "\n".join(lines)
