"""Events across documents: same kind, compatible date and place, shared facts -> one node."""
from __future__ import annotations

from dataclasses import replace

from graphbuild.model import Count, Event, Participant, TimeValue
from graphbuild.resolve.cross_doc import merge_documents
from tests.helpers.cross_doc import doc_model, ent, evid, mention


def stampede(doc, place_id="e1", day="2020-01-07", counts=(), label="stampede", kind="Stampede"):
    times = (TimeValue("Tuesday", day, "date", doc_id=doc),) if day else ()
    return Event("v1", kind, label, (mention(doc, label, 200, "EVENT"),), places=(place_id,), times=times,
                 counts=counts)


def kerman_doc(doc, event):
    return doc_model(doc, [ent(doc, "e1", "Place", "Kerman"), ent(doc, "e2", "Place", "Iran", start=40)], events=[event])


def test_same_event_in_two_articles_is_one_node_and_keeps_both_counts():
    a = kerman_doc("a", stampede("a", counts=(Count("injured", 213, None, evid("a")),)))
    b = kerman_doc("b", stampede("b", counts=(Count("injured", 200, "more than", evid("b")),)))
    m = merge_documents([a, b])
    (v,) = m.events
    assert {x.doc_id for x in v.mentions} == {"a", "b"}
    assert v.places == ("place/kerman",)
    assert sorted((c.value, c.qualifier) for c in v.counts) == [(200, "more than"), (213, None)]
    assert {s.doc_id for s in v.merges} == {"a", "b"} and all("place" in s.rule for s in v.merges)


def test_different_dates_or_kinds_stay_apart():
    a = kerman_doc("a", stampede("a"))
    assert len(merge_documents([a, kerman_doc("b", stampede("b", day="2020-01-03"))]).events) == 2
    assert len(merge_documents([a, kerman_doc("b", stampede("b", kind="Attack", label="attack"))]).events) == 2


def test_kind_alone_is_not_enough():
    a = doc_model("a", events=[Event("v1", "Attack", "attack", (mention("a", "attack", 5, "EVENT"),))])
    b = doc_model("b", events=[Event("v1", "Attack", "strike", (mention("b", "strike", 5, "EVENT"),))])
    assert len(merge_documents([a, b]).events) == 2


def test_shared_participants_and_date_join():
    def model(doc):
        return doc_model(doc, [ent(doc, "e1", "Person", "Qassem Soleimani")], events=[Event(
            "v1", "Attack", "strike", (mention(doc, "strike", 50, "EVENT"),),
            times=(TimeValue("Friday", "2020-01-03", "date", doc_id=doc),), participants=(Participant("victim", "e1"),))])
    (v,) = merge_documents([model("a"), model("b")]).events
    assert v.participants == (Participant("victim", "person/qassem soleimani"),)


def _story_doc(doc, names):
    ents = [ent(doc, f"e{i}", kind, label, start=60 + 60 * i) for i, (kind, label) in enumerate(names, 1)]
    return doc_model(doc, ents, events=[Event("v1", "LabourStrike", "strike", (mention(doc, "strike", 5, "EVENT"),))])


def test_same_trigger_in_one_story_is_one_event():
    names = [("Organization", "Dorrin Mill Workers Union"), ("Place", "Carvel Bay")]
    assert len(merge_documents([_story_doc("a", names), _story_doc("b", names)]).events) == 1


def test_naming_the_same_countries_is_not_one_story():
    names = [("Place", "France"), ("Place", "Germany")]
    assert len(merge_documents([_story_doc("a", names), _story_doc("b", names)]).events) == 2


def test_one_story_joins_a_class_and_its_sub_class_named_by_one_word():
    """Two reports of one story: "was killed" read as a death in one and a killing in the
    other is one event (Killing is a sub-class of Death); unrelated classes stay apart."""
    names = [("Person", "Orla Venn"), ("Place", "Carvel Bay")]

    def doc(d, kind):
        model = _story_doc(d, names)
        (v,) = model.events
        return replace(model, events=(replace(v, kind=kind, label="killed",
                                              mentions=(mention(d, "killed", 5, "EVENT"),)),))

    assert len(merge_documents([doc("a", "Death"), doc("b", "Killing")]).events) == 1
    assert len(merge_documents([doc("a", "Arrest"), doc("b", "Killing")]).events) == 2
