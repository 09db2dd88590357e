"""End to end on the two bundled samples: one node per actor and for the stampede."""
from __future__ import annotations

import pytest

from graphbuild.resolve.cross_doc import merge_documents
from graphbuild.resolve.explain import find_nodes
from graphbuild.resolve.incremental import merge_into


@pytest.fixture(scope="module")
def doc_models(nlp, samples):
    from graphbuild.analyze import analyze, corpus_context
    from graphbuild.nlp import parse

    context = corpus_context(samples)
    return [analyze(parse(nlp, d), context) for d in samples]


@pytest.fixture(scope="module")
def merged(doc_models):
    return merge_documents(doc_models)


def node(model, name, kind):
    found = [n for n in find_nodes(model, name) if n.kind == kind]
    assert len(found) == 1, (name, [n.id for n in found])
    return found[0]


def docs_of(n):
    return {m.doc_id for m in n.mentions}


@pytest.mark.parametrize("name,kind", [
    ("Qassem Soleimani", "Person"), ("Qasem Soleimani", "Person"), ("Mohammed Javad Zarif", "Person"),
    ("Mohammad Javad Zarif", "Person"), ("IRGC", "Organization"), ("Islamic Revolutionary Guards Corps", "Organization"),
    ("Hossein Salami", "Person"), ("Mike Pompeo", "Person"), ("Kerman", "Place"),
])
def test_actor_is_one_node_with_mentions_in_both_documents(merged, samples, name, kind):
    n = node(merged, name, kind)
    assert docs_of(n) == {d.id for d in samples}


def test_us_aliases_are_one_country_node(merged):
    us = [e for e in merged.entities if "https://sws.geonames.org/6252001/" in e.same_as]
    assert len(us) == 1


def test_kerman_is_linked_and_contained_in_iran(merged):
    model = merged
    kerman = node(model, "Kerman", "Place")
    assert kerman.same_as == ("https://sws.geonames.org/128234/",)
    iran = node(model, "Iran", "Place")
    assert any((r.subject, r.predicate, r.object) == (kerman.id, "containedInPlace", iran.id) for r in model.relations)


def test_stampede_is_one_event_across_both_articles(merged, samples):
    stampedes = [v for v in merged.events if v.kind == "Stampede"]
    assert len(stampedes) == 1 and docs_of(stampedes[0]) == {d.id for d in samples}


def test_adding_b_into_a_equals_building_both(doc_models):
    a, b = doc_models
    incremental = merge_into(merge_documents([a]), [b])
    together = merge_documents([a, b])

    def key(model):
        return ([(e.id, e.label, e.mentions) for e in model.entities], [(v.id, v.mentions) for v in model.events])

    assert key(incremental) == key(together)
    assert merge_into(together, [b]) == together
    assert merge_documents([b, a]) == together


def test_the_pipeline_build_has_one_soleimani_across_both_documents(sample_build, samples):
    n = node(sample_build.model, "Qassem Soleimani", "Person")
    assert docs_of(n) == {d.id for d in samples}
