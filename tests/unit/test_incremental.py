"""merge_into: existing ids kept, new mentions gained, re-adding a document is a no-op."""
from __future__ import annotations

from graphbuild.resolve.cross_doc import merge_documents
from graphbuild.resolve.document_removal import drop_documents
from graphbuild.resolve.incremental import merge_into
from tests.helpers.cross_doc import doc_model, ent, model_a, model_b


def summary(model):
    return ([(e.id, e.label, e.alt_labels, e.mentions) for e in model.entities],
            [(v.id, v.mentions, v.places) for v in model.events],
            model.relations, model.memberships, model.quotes, model.documents)


def test_add_b_into_a_equals_a_plus_b():
    assert summary(merge_into(merge_documents([model_a()]), [model_b()])) == summary(
        merge_documents([model_a(), model_b()]))


def test_readding_same_document_changes_nothing():
    ab = merge_documents([model_a(), model_b()])
    assert merge_into(ab, [model_b()]) == ab
    assert merge_into(ab, []) == ab


def test_existing_ids_are_kept_even_when_a_new_key_would_differ():
    a = merge_documents([model_a()])
    renamed = a.__class__(**{**a.__dict__, "entities": tuple(
        e.__class__(**{**e.__dict__, "id": "person/legacy-id"}) if e.kind == "Person" else e for e in a.entities)})
    # references in the existing graph point at the old id
    renamed = renamed.__class__(**{**renamed.__dict__, "relations": (), "memberships": (), "quotes": (), "events": ()})
    merged = merge_into(renamed, [model_b()])
    sol = merged.entity("person/legacy-id")
    assert {m.doc_id for m in sol.mentions} == {"a", "b"}


def test_changed_document_replaces_its_old_contribution():
    ab = merge_documents([model_a(), model_b()])
    b2 = doc_model("b", [ent("b", "e1", "Person", "Ali Khamenei")])
    b2 = b2.__class__(**{**b2.__dict__, "documents": (b2.documents[0].__class__("b", "a changed text"),)})
    merged = merge_into(ab, [b2])
    assert "person/hossein salami" not in {e.id for e in merged.entities}
    assert "person/ali khamenei" in {e.id for e in merged.entities}
    assert {m.doc_id for m in merged.entity("person/qassem soleimani").mentions} == {"a"}
    assert not any(r.predicate == "nationality" for r in merged.relations)


def test_drop_documents_removes_nodes_only_seen_there():
    ab = merge_documents([model_a(), model_b()])
    # (merge steps differ: in A+B, A's Soleimani was admitted by an exact match)
    assert summary(drop_documents(ab, {"b"})) == summary(merge_documents([model_a()]))
