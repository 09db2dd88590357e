"""merge_documents: global deterministic ids, rewritten references, unioned mentions."""
from __future__ import annotations

import random

from hypothesis import given, settings
from hypothesis import strategies as st

from graphbuild.model import (
    Count,
    Event,
    EventLink,
    Relation,
    TimeValue,
)
from graphbuild.resolve.cross_doc import merge_documents
from tests.helpers.cross_doc import doc_model, ent, evid, mention, model_a, model_b


def test_same_name_is_one_node_with_mentions_of_both_documents():
    merged = merge_documents([model_a(), model_b()])
    ids = [e.id for e in merged.entities]
    assert len(ids) == len(set(ids))
    sol = merged.entity("person/qassem soleimani")
    assert {m.doc_id for m in sol.mentions} == {"a", "b"}
    assert sol.alt_labels == ("Soleimani",)
    assert sol.titles == ("General",)
    assert {s.doc_id for s in sol.merges} == {"a", "b"}
    assert merged.entity("place/kerman").mentions[0].doc_id == "a"
    assert [d.id for d in merged.documents] == ["a", "b"]


def test_every_reference_is_rewritten_to_global_ids():
    merged = merge_documents([model_a(), model_b()])
    ids = {e.id for e in merged.entities}
    for r in merged.relations:
        assert r.subject in ids and r.object in ids
    assert Relation("person/hossein salami", "nationality", "place/kerman", evid("b")) in merged.relations
    assert merged.memberships[0].member == "person/qassem soleimani"
    assert merged.memberships[0].organization == "organization/islamic revolutionary guards corps"
    for v in merged.events:
        assert set(v.places) <= ids and {p.entity for p in v.participants} <= ids
    assert {v.id for v in merged.events} == {"event/stampede/stampede", "event/funeral/funeral"}
    (q,) = merged.quotes
    assert q.speaker == "person/qassem soleimani" and q.id == "quote/a/q1"


def test_colliding_keys_are_disambiguated_deterministically():
    # Two different people with the same name in one document stay two nodes.
    m = doc_model("a", [ent("a", "e1", "Person", "John Smith"), ent("a", "e2", "Person", "John Smith", start=90)])
    merged = merge_documents([m])
    assert [e.id for e in merged.entities] == ["person/john smith", "person/john smith #2"]


def test_event_links_and_counts_survive():
    ev = Event("v1", "Stampede", "stampede", (mention("a", "stampede", 5, "EVENT"),),
               counts=(Count("dead", 56, None, evid("a")),), times=(TimeValue("Tuesday", "2020-01-07", "date", doc_id="a"),))
    ev2 = Event("v2", "Funeral", "funeral", (mention("a", "funeral", 40, "EVENT"),))
    m = doc_model("a", events=[ev, ev2], links=[EventLink("v1", "duringEvent", "v2", evid("a"))])
    merged = merge_documents([m])
    (link,) = merged.event_links
    assert (link.subject, link.object) == ("event/stampede/stampede", "event/funeral/funeral")
    stampede = next(v for v in merged.events if v.kind == "Stampede")
    assert stampede.counts[0].value == 56 and stampede.times[0].value == "2020-01-07"


def test_dangling_references_are_dropped():
    m = doc_model("a", [ent("a", "e1", "Person", "Ann Lee")], relations=[Relation("e1", "memberOf", "e9", evid("a"))])
    assert merge_documents([m]).relations == ()


def test_readding_a_document_replaces_it():
    assert merge_documents([model_a(), model_a()]) == merge_documents([model_a()])


@settings(max_examples=25, deadline=None)
@given(st.randoms(use_true_random=False))
def test_ids_do_not_depend_on_input_order(rnd: random.Random):
    models = [model_a(), model_b(), doc_model("c", [ent("c", "e1", "Person", "Qassem Soleimani"),
                                                   ent("c", "e2", "Person", "Kerman", label_tag="PERSON")])]
    expected = merge_documents(models)
    shuffled = list(models)
    rnd.shuffle(shuffled)
    assert merge_documents(shuffled) == expected
