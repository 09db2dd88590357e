"""Hand-built one-document models for resolution tests: entities with mentions, a document
model, evidence, and two small models of the sample story."""
from __future__ import annotations

from graphbuild.model import (
    Document,
    Entity,
    Event,
    Evidence,
    GraphModel,
    Membership,
    Mention,
    Participant,
    Quote,
    Relation,
)


def mention(doc: str, text: str, start: int = 0, label: str = "PERSON") -> Mention:
    return Mention(doc, start, start + len(text), text, label, 0, 200)


def ent(doc: str, eid: str, kind: str, label: str, *alts: str, titles=(), start: int = 0,
        label_tag: str | None = None) -> Entity:
    tag = label_tag or {"Person": "PERSON", "Organization": "ORG", "Place": "GPE"}[kind]
    forms = (label, *alts)
    mentions = tuple(mention(doc, f, start + 20 * i, tag) for i, f in enumerate(forms))
    return Entity(eid, kind, label, tuple(alts), mentions, tuple(titles))


def doc_model(doc: str, entities=(), relations=(), memberships=(), events=(), links=(), quotes=()) -> GraphModel:
    return GraphModel(
        documents=(Document(doc, "x" * 300),), entities=tuple(entities), relations=tuple(relations),
        memberships=tuple(memberships), events=tuple(events), event_links=tuple(links), quotes=tuple(quotes),
    )


def evid(doc: str, start: int = 0) -> tuple[Evidence, ...]:
    return (Evidence(doc, start, start + 50, "test", 0.9),)


def model_a() -> GraphModel:
    return doc_model(
        "a",
        [ent("a", "e1", "Person", "Qassem Soleimani", "Soleimani", titles=("General",)),
         ent("a", "e2", "Place", "Kerman", start=100),
         ent("a", "e3", "Organization", "Islamic Revolutionary Guards Corps", "IRGC", start=150)],
        relations=[Relation("e1", "memberOf", "e3", evid("a"))],
        memberships=[Membership("e1", "e3", "commander", evid("a"))],
        events=[Event("v1", "Stampede", "stampede", (mention("a", "stampede", 200, "EVENT"),), places=("e2",),
                      participants=(Participant("agent", "e1"),))],
        quotes=[Quote("q1", "e1", "We will", "a", 250, 257)],
    )


def model_b() -> GraphModel:
    return doc_model(
        "b",
        [ent("b", "e1", "Place", "Kerman"),
         ent("b", "e2", "Person", "Qassem Soleimani", start=50),
         ent("b", "e3", "Person", "Hossein Salami", start=120)],
        relations=[Relation("e3", "nationality", "e1", evid("b"))],
        events=[Event("v1", "Funeral", "funeral", (mention("b", "funeral", 220, "EVENT"),), places=("e1",))],
        links=[],
    )
