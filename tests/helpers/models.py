"""Hand-built GraphModels for exporter tests (no spaCy): a realistic two-document model of
the sample story, and a model whose strings are hostile (quotes, markup, controls)."""
from __future__ import annotations

from datetime import date

from graphbuild.model import (
    Count,
    Document,
    Entity,
    Event,
    EventLink,
    Evidence,
    GraphModel,
    Membership,
    Mention,
    MergeStep,
    Participant,
    Quote,
    Relation,
    TimeValue,
)

BASE = "https://w3id.org/graphbuild/id/"


TEXT_A = ("Iran's Revolutionary Guard chief Hossein Salami spoke in Kerman on Tuesday.\n"
          "A stampede killed at least 56 people at the funeral of General Qassem Soleimani.\n"
          "\"We will take revenge,\" Salami said.")


TEXT_B = "US Secretary of State Mike Pompeo said Qasem Soleimani was killed in Baghdad on Friday."


def mention_at(doc: str, text: str, needle: str, label: str, occurrence: int = 0) -> Mention:
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(needle, start + 1)
    s0 = text.rfind("\n", 0, start) + 1
    s1 = text.find("\n", start)
    return Mention(doc, start, start + len(needle), needle, label, s0, len(text) if s1 < 0 else s1)


def evidence_at(doc: str, text: str, needle: str, rule: str = "test-rule", conf: float = 0.8) -> Evidence:
    m = mention_at(doc, text, needle, "X")
    return Evidence(doc, m.sentence_start, m.sentence_end, rule, conf)


def realistic_model() -> GraphModel:
    a, b = "itv-news", "rferl"
    docs = (
        Document(a, TEXT_A, title="Stampede at funeral", published=date(2020, 1, 7), url="https://itv.com/x?a=1&b=2",
                 source="ITV News"),
        Document(b, TEXT_B, title=None, published=date(2020, 1, 7), source="RFE/RL"),
    )
    ents = (
        Entity("org:irgc", "Organization", "Islamic Revolutionary Guards Corps", ("Revolutionary Guard",),
               (mention_at(a, TEXT_A, "Revolutionary Guard", "ORG"),),
               merges=(MergeStep("Revolutionary Guard", a, "acronym", 0.9),)),
        Entity("person:salami", "Person", "Hossein Salami", ("Salami",),
               (mention_at(a, TEXT_A, "Hossein Salami", "PERSON"), mention_at(a, TEXT_A, "Salami", "PERSON", 1)), titles=("chief",)),
        Entity("person:soleimani", "Person", "Qassem Soleimani", ("Qasem Soleimani",),
               (mention_at(a, TEXT_A, "Qassem Soleimani", "PERSON"), mention_at(b, TEXT_B, "Qasem Soleimani", "PERSON")),
               titles=("General",),
               merges=(MergeStep("Qasem Soleimani", b, "transliteration", 0.93),)),
        Entity("person:pompeo", "Person", "Mike Pompeo", (), (mention_at(b, TEXT_B, "Mike Pompeo", "PERSON"),),
               titles=("Secretary of State",)),
        Entity("place:kerman", "Place", "Kerman", (), (mention_at(a, TEXT_A, "Kerman", "GPE"),),
               same_as=("https://sws.geonames.org/128234/",), lat=30.28321, long=57.07879),
        Entity("place:baghdad", "Place", "Baghdad", (), (mention_at(b, TEXT_B, "Baghdad", "GPE"),), lat=33.34058, long=44.40088),
        Entity("place:iran", "Place", "Iran", (), (mention_at(a, TEXT_A, "Iran", "GPE"),)),
        Entity("place:us", "Place", "US", (), (mention_at(b, TEXT_B, "US", "GPE"),)),
    )
    stampede = Event(
        "event:stampede", "Event", "stampede", (mention_at(a, TEXT_A, "stampede", "EVENT"),), places=("place:kerman",),
        times=(TimeValue("on Tuesday", "2020-01-07", "date", doc_id=a, start=TEXT_A.index("on Tuesday"),
                         stop=TEXT_A.index("on Tuesday") + 10),),
        participants=(Participant("victim", "person:soleimani"),),
        counts=(Count("dead", 56, "at least", (evidence_at(a, TEXT_A, "56"),)),),
        evidence=(evidence_at(a, TEXT_A, "stampede", "trigger", 0.7),),
    )
    killing = Event(
        "event:killing", "Event", "killed", (mention_at(b, TEXT_B, "killed", "EVENT"),), places=("place:baghdad",),
        times=(TimeValue("on Friday", "2020-01-03", "date", doc_id=b),
               TimeValue("that weekend", "2020-01-04", "date", end="2020-01-05"),
               TimeValue("sometime", None, "gYear")),
        participants=(Participant("patient", "person:soleimani"), Participant("agent", "place:us")),
        evidence=(evidence_at(b, TEXT_B, "killed"),),
        merges=(MergeStep("killed", b, "same-type", 1.0),),
    )
    return GraphModel(
        documents=docs, entities=ents,
        relations=(Relation("person:salami", "headOf", "org:irgc", (evidence_at(a, TEXT_A, "Salami"),)),
                   Relation("place:kerman", "containedInPlace", "place:iran", ()),
                   Relation("person:pompeo", "nationality", "place:us", (evidence_at(b, TEXT_B, "Pompeo", conf=1.0),))),
        memberships=(Membership("person:salami", "org:irgc", "chief", (evidence_at(a, TEXT_A, "chief"),)),),
        events=(stampede, killing),
        event_links=(EventLink("event:killing", "causes", "event:stampede", ()),),
        quotes=(Quote("q1", "person:salami", "We will take revenge,", a, TEXT_A.index("We"),
                      TEXT_A.index("We") + len("We will take revenge,"), (evidence_at(a, TEXT_A, "revenge", "quote", 0.9),)),
                Quote("q2", None, "was killed", b, TEXT_B.index("was killed"), TEXT_B.index("was killed") + 10)),
    )


def hostile_model() -> GraphModel:
    text = 'He said "<script>alert(1)</script>"\nand\tleft. Ünïcødé 東京 \\ end'
    doc = Document("a b\n<c>", text, title='T"i\ntle <b>', url="javascript:alert(1) <x>", source="S\x01")
    label = 'Evil "Name"\n<script>'
    ment = Mention(doc.id, 9, 35, text[9:35], "PERSON", 0, len(text))
    return GraphModel(documents=(doc,), entities=(Entity("id with spaces\t<>{}|^`\\", "Person", label, ("東京",), (ment,)),))
