"""Corrections as clustering constraints (resolve.corrections) and the corrections file
(rdf.corrections): hand-built models, sentences of our own."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from graphbuild.errors import InputError
from graphbuild.model import CorrectedNode, Correction
from graphbuild.rdf.corrections import append_correction, read_corrections
from graphbuild.resolve.corrections import conflicts
from graphbuild.resolve.cross_doc import merge_documents
from graphbuild.resolve.incremental import merge_into
from graphbuild.settings import DEFAULT_BASE_IRI
from tests.helpers.cross_doc import doc_model, ent

WHEN = "2026-12-01T10:00:00+00:00"


def node(doc: str, label: str, start: int = 0, eid: str | None = None) -> CorrectedNode:
    return CorrectedNode((label,), eid, (doc,), ((doc, start, start + len(label)),))


def docs():
    a = doc_model("a", [ent("a", "e1", "Person", "Jordan Smith"), ent("a", "e2", "Place", "Burma", start=100)])
    b = doc_model("b", [ent("b", "e1", "Person", "Jordan Smith"), ent("b", "e2", "Place", "Myanmar", start=100)])
    c = doc_model("c", [ent("c", "e1", "Organization", "Photo Credit"), ent("c", "e2", "Person", "J. Smyth", start=100)])
    return [a, b, c]


def by_label(model):
    return {e.label: e for e in model.entities}


def test_without_corrections_nothing_changes():
    assert merge_documents(docs(), ()) == merge_documents(docs())


def test_merge_joins_what_scoring_keeps_apart_and_keeps_the_first_id():
    plain = by_label(merge_documents(docs()))
    assert "J. Smyth" in plain and "Jordan Smith" in plain  # no rule joins these
    merge = Correction("merge", node("a", "Jordan Smith", eid="person/jordan smith"), node("c", "J. Smyth", 100),
                       agent="t", created=WHEN)
    merged = merge_documents(docs(), (merge,))
    smith = merged.entity("person/jordan smith")
    assert {m.doc_id for m in smith.mentions} == {"a", "b", "c"}
    assert "J. Smyth" not in by_label(merged)
    assert any(s.rule == "correction-merge" for s in smith.merges)
    assert ("correction", f"{merge.key} applied") in merged.meta


def test_split_keeps_one_documents_mentions_apart_and_the_rest_keeps_the_iri():
    split = Correction("split", CorrectedNode(("Jordan Smith",), "person/jordan smith", ("a", "b"),
                                              (("a", 0, 12), ("b", 0, 12))), documents=("b",), created=WHEN)
    merged = merge_documents(docs(), (split,))
    kept, part = merged.entity("person/jordan smith"), merged.entity("person/jordan smith #2")
    assert {m.doc_id for m in kept.mentions} == {"a"} and {m.doc_id for m in part.mentions} == {"b"}


def test_kind_alias_and_drop():
    kind = Correction("kind", node("a", "Burma", 100), kind="Organization", created=WHEN)
    alias = Correction("alias", CorrectedNode(("Burma",)), CorrectedNode(("Myanmar",)), created=WHEN)
    drop = Correction("drop", CorrectedNode(("Photo Credit",)), created=WHEN)
    merged = by_label(merge_documents(docs(), (alias, drop)))
    assert "Photo Credit" not in merged
    assert {"Burma", "Myanmar"} <= {merged[k].label for k in merged} | set(merged.get("Burma", merged.get("Myanmar")).alt_labels)
    assert len([e for e in merged.values() if e.kind == "Place"]) == 1
    assert by_label(merge_documents(docs(), (kind,)))["Burma"].kind == "Organization"


def test_a_correction_that_matches_nothing_is_reported():
    stale = Correction("merge", node("z", "Nobody"), node("a", "Jordan Smith"), created=WHEN)
    assert ("correction", f"{stale.key} unmatched") in merge_documents(docs(), (stale,)).meta


def test_corrections_hold_when_adding_documents():
    merge = Correction("merge", node("a", "Jordan Smith", eid="person/jordan smith"), node("c", "J. Smyth", 100),
                       created=WHEN)
    a, b, c = docs()
    into = merge_into(merge_documents([a, c], (merge,)), [b], (merge,))
    together = merge_documents([a, b, c], (merge,))
    # the same nodes, ids and mentions (labels and merge records follow the order of resolution)
    assert {(e.id, e.mentions) for e in into.entities} == {(e.id, e.mentions) for e in together.entities}


def test_merge_and_split_of_one_pair_conflict():
    merge = Correction("merge", node("a", "Jordan Smith", eid="person/jordan smith"), node("c", "J. Smyth", 100),
                       created=WHEN)
    whole = CorrectedNode(("Jordan Smith", "J. Smyth"), "person/jordan smith", ("a", "c"),
                          (("a", 0, 12), ("c", 100, 108)))
    undo = Correction("split", whole, documents=("c",), created=WHEN)
    other = Correction("split", whole, documents=("a",), created=WHEN)  # a, not c: the merge's first side
    assert conflicts([merge, undo]) == [(merge, undo)]
    assert conflicts([merge, other]) == [(merge, other)]
    assert conflicts([Correction("kind", node("a", "X", eid="x"), kind="Place", created=WHEN),
                      Correction("kind", node("a", "X", eid="x"), kind="Person", created=WHEN)])
    assert conflicts([merge, Correction("drop", CorrectedNode(("Photo Credit",)), created=WHEN)]) == []


names = st.text(st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=30)


@settings(max_examples=40, deadline=None)
@given(label=names, other=names, note=st.none() | names, who=names)
def test_the_file_round_trips(tmp_path_factory, label, other, note, who):
    path = tmp_path_factory.mktemp("c") / "corrections.ttl"
    written = [Correction("merge", node("d#1", label, 3, "person/x"), node("d 2", other), agent=who, created=WHEN,
                          note=note),
               Correction("kind", node("d", label), kind="Place", agent=who, created=WHEN),
               Correction("split", node("d", label, eid="p"), documents=("d",), agent=who, created=WHEN),
               Correction("alias", CorrectedNode((label,)), CorrectedNode((other,)), agent=who, created=WHEN)]
    for c in written:
        append_correction(path, c, DEFAULT_BASE_IRI)
    assert sorted(read_corrections(path), key=lambda c: c.key) == sorted(written, key=lambda c: c.key)


def test_a_broken_file_names_itself(tmp_path):
    path = tmp_path / "corrections.ttl"
    path.write_text("<a> <b> .\n", encoding="utf-8")
    with pytest.raises(InputError, match="corrections.ttl: cannot parse the corrections file"):
        read_corrections(path)


def test_the_file_conforms_to_the_shapes_and_a_block_without_its_author_does_not(tmp_path):
    from graphbuild.store.check import check_output

    path = tmp_path / "corrections.ttl"
    append_correction(path, Correction("merge", node("a", "Jordan Smith", eid="person/jordan smith"),
                                       node("c", "J. Smyth", 100), agent="t", created=WHEN, note="why"),
                      DEFAULT_BASE_IRI)
    append_correction(path, Correction("drop", CorrectedNode(("Photo Credit",)), agent="t", created=WHEN),
                      DEFAULT_BASE_IRI)
    report = check_output(path)
    assert report.parse_errors == {} and report.violations == 0, report.summary
    lines = [x for x in path.read_text(encoding="utf-8").splitlines() if "wasAttributedTo" not in x]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    report = check_output(path)
    assert report.violations == 2 and "wasAttributedTo" in report.summary
