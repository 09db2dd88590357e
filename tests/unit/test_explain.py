from __future__ import annotations

from graphbuild.resolve.cross_doc import merge_documents
from graphbuild.resolve.explain import explain, explain_nodes
from tests.helpers.cross_doc import doc_model, ent


def model():
    return merge_documents([doc_model("a", [ent("a", "e1", "Person", "Qassem Soleimani", "Soleimani")]),
                            doc_model("b", [ent("b", "e1", "Person", "Qasem Soleimani")]),
                            doc_model("c", [ent("c", "e1", "Person", "Mark Esper")])])


def test_explain_lists_merges_and_mentions_with_rule_and_offsets():
    lines = explain(model(), "Qasem Soleimani")
    assert lines[0].startswith("Qassem Soleimani [Person] id=person/qassem soleimani")
    assert "  merged 'Qasem Soleimani' from b by transliteration (score 0.97)" in lines
    assert "  mention a [20:29] 'Soleimani' PERSON (ner)" in lines
    assert any(line.startswith("  mention b [0:15]") for line in lines)


def test_explain_matches_folded_and_partial_names_and_nothing_else():
    assert [e.node_id for e in explain_nodes(model(), "soleimani")] == ["person/qassem soleimani"]
    assert [e.node_id for e in explain_nodes(model(), "Qasem Suleimani")] == ["person/qassem soleimani"]
    assert explain(model(), "Milley") == []
