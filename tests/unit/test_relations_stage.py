"""What `relations_stage` makes of the extractors' records: ids for new entities, one
entity per organization or country however many rules name it, evidence offsets in the
source, duplicate facts merged, quote ids. (The extractors alone: test_roles.py,
test_affiliation.py, test_places.py, test_quotes.py.)"""
from __future__ import annotations

from dataclasses import replace

from graphbuild.extract.relations_stage import relations_stage
from graphbuild.model import GraphModel
from tests.helpers.extract import build_model


def stage(nlp, text: str, merge_same_labels: bool = False) -> GraphModel:
    parsed, model = build_model(nlp, text)
    if merge_same_labels:  # one entity per label, as within-document resolution makes
        by_label: dict = {}
        for e in model.entities:
            first = by_label.setdefault(e.label, e)
            if first is not e:
                by_label[e.label] = replace(first, mentions=first.mentions + e.mentions)
        model = replace(model, entities=tuple(by_label.values()))
    return relations_stage(parsed, model)


def labelled(m: GraphModel) -> list[tuple[str, str, str, int]]:
    label = {e.id: e.label for e in m.entities}
    return [(label[r.subject], r.predicate, label[r.object], len(r.evidence)) for r in m.relations]


def test_every_fact_has_sentence_evidence(nlp):
    text = "Labour leader Jeremy Corbyn questioned why. Nothing else happened."
    m = stage(nlp, text)
    (r,) = m.relations
    ev = r.evidence[0]
    assert text[ev.start : ev.end] == "Labour leader Jeremy Corbyn questioned why."
    assert ev.confidence == 0.85 and ev.doc_id == "t" and ev.rule == "title-premodifier"


def test_a_fact_found_twice_is_one_fact_with_two_evidences(nlp):
    m = stage(nlp, "Labour leader Jeremy Corbyn spoke. Labour leader Jeremy Corbyn left.", merge_same_labels=True)
    assert labelled(m) == [("Jeremy Corbyn", "headOf", "Labour", 2)]
    (ms,) = m.memberships
    assert ms.role == "leader" and len(ms.evidence) == 2
    assert next(e.titles for e in m.entities if e.label == "Jeremy Corbyn") == ("leader",)


def test_a_country_made_from_a_demonym_is_made_once(nlp):
    m = stage(nlp, "Iranian President Hassan Rouhani met Iranian Foreign Minister Mohammad Javad Zarif.")
    (iran,) = [e for e in m.entities if e.label == "Iran"]
    assert iran.id == "e3" and iran.kind == "Place" and [x.rule for x in iran.mentions] == ["demonym"]
    assert labelled(m) == [("Hassan Rouhani", "nationality", "Iran", 1), ("Mohammad Javad Zarif", "nationality", "Iran", 1)]


def test_an_organization_made_for_one_title_is_the_one_the_next_names(nlp):
    text = "The team said Chargers general manager A.J. Smith spoke. Later, Chargers coach Norv Turner spoke."
    m = stage(nlp, text)
    (org,) = [e for e in m.entities if e.kind == "Organization"]
    assert org.label == "Chargers" and [x.rule for x in org.mentions] == ["title-object", "title-object"]
    assert [text[x.start : x.end] for x in org.mentions] == ["Chargers", "Chargers"]
    assert labelled(m) == [("A.J. Smith", "worksFor", "Chargers", 1), ("Norv Turner", "worksFor", "Chargers", 1)]


def test_quotes_get_ids_and_source_offsets(nlp):
    text = '"We will take revenge. We will set ablaze a place they like," Hossein Salami said.'
    (q,) = stage(nlp, text).quotes
    assert text[q.start : q.end] == q.text == "We will take revenge. We will set ablaze a place they like"
    assert q.id == "q1" and q.doc_id == "t" and q.evidence[0].rule == "quote-after"
