"""Kinds decided once from all evidence, and facts checked against them (issue: every
real corpus builds). Hand-built models; the constraints come from ontology/shapes.ttl."""
from __future__ import annotations

from collections import Counter
from dataclasses import replace

from graphbuild.model import (
    Document,
    Entity,
    Event,
    EventLink,
    GraphModel,
    Mention,
    Participant,
    Quote,
    Relation,
    TimeValue,
)
from graphbuild.rdf.build import to_dataset
from graphbuild.rdf.validate import validate
from graphbuild.resolve.cross_doc import merge_documents
from graphbuild.resolve.fact_check import EMPTIED, MISSING, check_facts
from graphbuild.resolve.kinds import decide_kind, role_votes
from graphbuild.shapes import OBJECT, SUBJECT, class_constraints, violations
from graphbuild.vocab import SCHEMA, SEM, entity_classes, property_for
from tests.helpers.models import BASE, realistic_model


def _classes(kind: str) -> frozenset:
    return frozenset(entity_classes(kind))


def test_shapes_give_the_domains_and_ranges_of_the_typed_relations():
    found = {(c.predicate, c.side, c.cls, c.when) for c in class_constraints()}
    assert (SEM.hasPlace, OBJECT, SEM.Place, SEM.Event) in found
    assert (property_for("containedInPlace"), SUBJECT, SCHEMA.Place, None) in found
    assert (property_for("containedInPlace"), OBJECT, SCHEMA.Place, None) in found
    assert (property_for("headOf"), OBJECT, SCHEMA.Organization, None) in found
    assert (property_for("nationality"), SUBJECT, SCHEMA.Person, None) in found
    # memberOf constrains only its object: organizations and countries are members too
    assert not [c for c in class_constraints() if c.predicate == property_for("memberOf") and c.side == SUBJECT]


def test_violations_name_the_broken_end():
    (broken,) = violations(SEM.hasPlace, _classes("Stampede"), _classes("Person"))
    assert broken.reason() == "sem:hasPlace object is not a sem:Place"
    assert violations(SEM.hasPlace, _classes("Stampede"), _classes("Place")) == []
    assert sorted(c.side for c in violations(property_for("worksFor"), _classes("Place"), _classes("Person"))) == [
        OBJECT, SUBJECT]


def _mention(doc: str, text: str, label: str, start: int = 0, sentence_end: int = 200) -> Mention:
    return Mention(doc, start, start + len(text), text, label, 0, sentence_end)


def test_facts_that_no_longer_fit_are_dropped_and_counted():
    model = realistic_model()
    # A later vote made Kerman an organization and the US a person.
    entities = tuple(replace(e, kind="Organization") if e.id == "place:kerman" else
                     replace(e, kind="Person") if e.id == "place:us" else e for e in model.entities)
    quotes = (*model.quotes, Quote("q3", "event:stampede", "no", "rferl", 0, 2))
    relations = (*model.relations, Relation("person:pompeo", "worksFor", "nobody", ()))
    checked = check_facts(replace(model, entities=entities, quotes=quotes, relations=relations))
    m = checked.model
    stampede = next(v for v in m.events if v.id == "event:stampede")
    assert stampede.places == ()  # Kerman is no place any more
    assert {r.predicate for r in m.relations} == {"headOf"}  # Kerman-in-Iran, Pompeo-US, dangling worksFor
    assert next(q for q in m.quotes if q.id == "q3").speaker is None
    assert checked.dropped == Counter({
        "sem:hasPlace object is not a sem:Place": 1,
        "schema:containedInPlace subject is not a schema:Place": 1,
        "schema:nationality object is not a schema:Place": 1,
        f"schema:worksFor {MISSING}": 1,
        f"schema:creator {MISSING}": 1,
    })
    assert validate(to_dataset(m, BASE)).conforms


def test_a_fitting_model_is_unchanged():
    model = realistic_model()
    checked = check_facts(model)
    assert checked.model == model and not checked.dropped


def test_roles_vote_for_the_kind_the_shapes_require():
    doc = "d1"
    place = Entity("e1", "Place", "Eastern Conference", mentions=(_mention(doc, "Eastern Conference", "LOC"),))
    final = Event("v1", "Competition", "final", (_mention(doc, "final", "EVENT", 40),), places=("e1",))
    votes = role_votes(GraphModel(entities=(place,), events=(final,)))
    assert votes == {"e1": Counter({"Place": 1.0})}
    org = Entity("e9", "Organization", "Eastern Conference",
                 mentions=tuple(_mention("d2", "Eastern Conference", "ORG", i * 30) for i in range(3)))
    # three ORG mentions outweigh one LOC mention and one event-place role...
    assert decide_kind([place, org], [votes["e1"]]) == "Organization"
    # ...and a single ORG mention does not
    assert decide_kind([place, replace(org, mentions=org.mentions[:1])], [votes["e1"]]) == "Place"


def _doc_model(doc: str, kind: str, label_tag: str, n: int, with_event: bool) -> GraphModel:
    from graphbuild.model import Document

    text = " ".join(["Eastern Conference"] * n) + " final"
    ents = (Entity("e1", kind, "Eastern Conference",
                   mentions=tuple(_mention(doc, "Eastern Conference", label_tag, i * 19, len(text)) for i in range(n))),)
    events = (Event("v1", "Competition", "final", (_mention(doc, "final", "EVENT", len(text) - 5, len(text)),),
                    places=("e1",)),) if with_event else ()
    return GraphModel(documents=(Document(doc, text),), entities=ents, events=events)


def test_after_clustering_a_kind_change_never_leaves_an_event_placed_at_a_non_place():
    # The corpus failure: one document saw a place, two others an organization.
    models = [_doc_model("a", "Place", "LOC", 1, True), _doc_model("b", "Organization", "ORG", 2, False),
              _doc_model("c", "Organization", "ORG", 2, False)]
    merged = merge_documents(models)
    (node,) = merged.entities
    assert node.kind == "Organization"
    checked = check_facts(merged)
    # The place was the final's only argument: the bare trigger is no event node any more.
    assert checked.model.events == ()
    assert checked.dropped == Counter({"sem:hasPlace object is not a sem:Place": 1, EMPTIED: 1})
    assert validate(to_dataset(checked.model, BASE)).conforms


def test_an_event_left_with_no_argument_goes_with_its_links():
    doc = "d1"
    club = Entity("e1", "Organization", "Riverside", mentions=(_mention(doc, "Riverside", "ORG"),))
    coach = Entity("e2", "Person", "Ann Lee", mentions=(_mention(doc, "Ann Lee", "PERSON", 20),))
    # A match placed at what is now a club, and a firing with a person and a place misfit.
    match = Event("v1", "Competition", "match", (_mention(doc, "match", "EVENT", 40),), places=("e1",))
    fired = Event("v2", "Appointment", "fired", (_mention(doc, "fired", "EVENT", 60),),
                  places=("e1",), participants=(Participant("patient", "e2"),))
    left = Event("v3", "Competition", "game", (_mention(doc, "game", "EVENT", 80),), places=("e1",),
                 times=(TimeValue("on Sunday", "2026-11-29", "date"),))
    links = (EventLink("v2", "causes", "v1", ()), EventLink("v3", "duringEvent", "v2", ()))
    text = "".join(w.ljust(20) for w in ("Riverside", "Ann Lee", "match", "fired", "game")).ljust(200)
    checked = check_facts(GraphModel(documents=(Document(doc, text),), entities=(club, coach),
                                     events=(match, fired, left), event_links=links))
    m = checked.model
    assert [v.id for v in m.events] == ["v2", "v3"]  # the match had only the misfit place
    assert next(v for v in m.events if v.id == "v2").participants == (Participant("patient", "e2"),)
    assert next(v for v in m.events if v.id == "v3").places == ()  # its date is still an argument
    assert [(x.subject, x.object) for x in m.event_links] == [("v3", "v2")]
    assert checked.dropped[EMPTIED] == 1 and checked.dropped["sem:hasPlace object is not a sem:Place"] == 3
    assert validate(to_dataset(m, BASE)).conforms


def test_participants_stay_when_the_actor_is_any_entity():
    model = realistic_model()
    killing = next(v for v in model.events if v.id == "event:killing")
    assert Participant("agent", "place:us") in killing.participants
    checked = check_facts(model)
    assert next(v for v in checked.model.events if v.id == "event:killing").participants == killing.participants


def test_a_country_name_votes_place():
    person = Entity("e1", "Person", "Georgia", mentions=(_mention("a", "Georgia", "PERSON"),))
    place = Entity("e2", "Place", "Georgia", mentions=(_mention("b", "Georgia", "GPE"),))
    assert decide_kind([person, place]) == "Place"  # one mention each; the country name decides
    two = replace(person, mentions=person.mentions * 2 + (_mention("a", "Georgia", "PERSON", 30),))
    assert decide_kind([two, place]) == "Person"  # three PERSON mentions outweigh it
    org = Entity("e3", "Organization", "Acme", mentions=(_mention("a", "Acme", "ORG"),))
    assert decide_kind([org, replace(org, kind="Person")]) == "Organization"  # a tie, alphabetical
