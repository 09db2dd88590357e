"""Hand-built GraphModels for the network tests (unit and browser): small, exact, fast."""
from __future__ import annotations

from datetime import date

from graphbuild.model import (
    Count, Document, Entity, Event, EventLink, Evidence, GraphModel, Membership, Mention, Participant, Quote,
    Relation, TimeValue,
)

XSS = "<img src=x onerror=window.__xss=1>"
BREAKOUT = "</script><script>window.__xss=2</script>"
TEMPLATE = "{{7*7}}"

TEXT_A = ("Qassem Soleimani was killed in Baghdad on Friday. "
          "Hossein Salami, the commander of the Islamic Revolutionary Guards Corps, spoke in Kerman. "
          "A stampede in Kerman killed 56 people. "
          "\"We will take revenge,\" Hossein Salami said.")
TEXT_B = "Qasem Soleimani was buried in Kerman, Iran. The IRGC mourned. \U0001F600 Kerman was crowded."


def _sentence(text: str, at: int) -> tuple[int, int]:
    start = text.rfind(". ", 0, at)
    start = 0 if start < 0 else start + 2
    end = text.find(". ", at)
    return start, (len(text) if end < 0 else end + 1)


def _mention(doc_id: str, text: str, surface: str, label: str, nth: int = 0) -> Mention:
    at = -1
    for _ in range(nth + 1):
        at = text.index(surface, at + 1)
    s, e = _sentence(text, at)
    return Mention(doc_id, at, at + len(surface), surface, label, s, e)


def _evidence(doc_id: str, text: str, surface: str) -> Evidence:
    s, e = _sentence(text, text.index(surface))
    return Evidence(doc_id, s, e, "test", 0.9)


def small_model() -> GraphModel:
    """Two articles: 6 entities, 2 events, relations, a membership, quotes, an event link."""
    a = Document("a", TEXT_A, title="Soleimani killed", published=date(2020, 1, 7), url="https://example.org/a",
                 source="Example News")
    b = Document("b", TEXT_B, title="Funeral in Kerman", published=date(2020, 1, 7), url="javascript:alert(1)")
    soleimani = Entity("p1", "Person", "Qassem Soleimani", ("Qasem Soleimani",),
                       (_mention("a", TEXT_A, "Qassem Soleimani", "PERSON"),
                        _mention("b", TEXT_B, "Qasem Soleimani", "PERSON")))
    salami = Entity("p2", "Person", "Hossein Salami", (),
                    (_mention("a", TEXT_A, "Hossein Salami", "PERSON"), _mention("a", TEXT_A, "Hossein Salami", "PERSON", 1)),
                    titles=("commander",))
    irgc = Entity("o1", "Organization", "Islamic Revolutionary Guards Corps", ("IRGC",),
                  (_mention("a", TEXT_A, "Islamic Revolutionary Guards Corps", "ORG"), _mention("b", TEXT_B, "IRGC", "ORG")))
    kerman = Entity("l1", "Place", "Kerman", (), (_mention("a", TEXT_A, "Kerman", "GPE"), _mention("b", TEXT_B, "Kerman", "GPE"),
                                                  _mention("b", TEXT_B, "Kerman", "GPE", 1)))
    iran = Entity("l2", "Place", "Iran", (), (_mention("b", TEXT_B, "Iran", "GPE"),))
    baghdad = Entity("l3", "Place", "Baghdad", (), (_mention("a", TEXT_A, "Baghdad", "GPE"),))
    stampede = Event("v1", "Stampede", "stampede", (_mention("a", TEXT_A, "stampede", "EVENT"),), places=("l1",),
                     times=(TimeValue("on Tuesday", "2020-01-07", "date"),),
                     counts=(Count("dead", 56, None),), evidence=(_evidence("a", TEXT_A, "stampede"),))
    killing = Event("v2", "Attack", "killed", (_mention("a", TEXT_A, "killed", "EVENT"),), places=("l3",),
                    times=(TimeValue("on Friday", "2020-01-03", "date"),),
                    participants=(Participant("victim", "p1"),), evidence=(_evidence("a", TEXT_A, "killed in"),))
    quote_at = TEXT_A.index("We will")
    return GraphModel(
        documents=(a, b),
        entities=(soleimani, salami, irgc, kerman, iran, baghdad),
        relations=(Relation("p2", "headOf", "o1", (_evidence("a", TEXT_A, "the commander of"),)),
                   Relation("l1", "containedInPlace", "l2", (_evidence("b", TEXT_B, "Kerman, Iran"),))),
        memberships=(Membership("p2", "o1", "commander", (_evidence("a", TEXT_A, "the commander of"),)),),
        events=(stampede, killing),
        event_links=(EventLink("v1", "duringEvent", "v2", ()),),
        quotes=(Quote("q1", "p2", "We will take revenge,", "a", quote_at, quote_at + 21),),
    )


def xss_model() -> GraphModel:
    """Entity names, titles, quotes, alt labels and a document title carrying payloads."""
    text = f"{XSS} met {BREAKOUT} and {TEMPLATE} in <b>Town</b>. \"{XSS} {TEMPLATE}\" said {XSS}."
    doc = Document("x<1>", text, title=f"{XSS}{BREAKOUT}{TEMPLATE}", url="javascript:window.__xss=3",
                   source="<!-- source -->")
    p1 = Entity("x1", "Person", XSS, (BREAKOUT, TEMPLATE), (_mention("x<1>", text, XSS, "PERSON"),),
                titles=(f"{TEMPLATE} {XSS}",))
    p2 = Entity("x2", "Organization", BREAKOUT, (), (_mention("x<1>", text, BREAKOUT, "ORG"),))
    p3 = Entity("x3", "Place", "<b>Town</b>", (), (_mention("x<1>", text, "<b>Town</b>", "GPE"),))
    quote_at = text.index(f"\"{XSS}") + 1
    return GraphModel(
        documents=(doc,),
        entities=(p1, p2, p3),
        relations=(Relation("x1", "memberOf", "x2", (Evidence("x<1>", 0, len(text), "test", 0.5),)),),
        memberships=(Membership("x1", "x2", f"{XSS}{TEMPLATE}", (Evidence("x<1>", 0, 20, "test", 0.5),)),),
        quotes=(Quote("q", "x1", f"{XSS} {TEMPLATE}", "x<1>", quote_at, quote_at + len(XSS) + 8),),
    )


def synthetic_model(n_nodes: int, n_edges: int, seed: int = 1) -> GraphModel:
    """A random graph of `n_nodes` entities and `n_edges` relations (benchmarks)."""
    import random

    rng = random.Random(seed)
    kinds = ("Person", "Organization", "Place")
    sentences = [f"Sentence {i} names Entity {i} and Entity {(i * 7) % n_nodes}." for i in range(n_nodes)]
    text = " ".join(sentences)
    offsets, at = [], 0
    for s in sentences:
        offsets.append((at, at + len(s)))
        at += len(s) + 1
    doc = Document("synthetic", text, title="Synthetic", published=date(2020, 1, 1))
    entities = []
    for i in range(n_nodes):
        s, e = offsets[i]
        surface = f"Entity {i}"
        m_at = text.index(surface, s)
        entities.append(Entity(f"n{i}", kinds[i % 3], surface, (f"E{i}",),
                               (Mention("synthetic", m_at, m_at + len(surface), surface, "PERSON", s, e),)))
    relations, preds = [], ("memberOf", "worksFor", "headOf", "containedInPlace")
    for j in range(n_edges):
        # preferential-ish attachment so centrality varies
        a = rng.randrange(n_nodes)
        b = int(rng.random() ** 2 * n_nodes)
        if a == b:
            b = (b + 1) % n_nodes
        s, e = offsets[a]
        relations.append(Relation(f"n{a}", preds[j % 4], f"n{b}", (Evidence("synthetic", s, e, "synthetic", 1.0),)))
    return GraphModel(documents=(doc,), entities=tuple(entities), relations=tuple(relations))
