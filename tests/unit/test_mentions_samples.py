"""Mentions and within-document entities of the two bundled sample articles."""
from __future__ import annotations

import pytest

from graphbuild.analyze import analyze, corpus_context
from graphbuild.extract.boilerplate import is_heading, is_notice
from graphbuild.nlp import parse


@pytest.fixture(scope="module")
def sample_models(nlp, samples):
    context = corpus_context(samples)
    return {d.id: analyze(parse(nlp, d), context) for d in samples}


def _layout_lines(text):
    return {line.strip() for line in text.splitlines() if line.strip() and (is_heading(line) or is_notice(line))}


def test_no_person_or_organization_is_a_headline_or_notice(sample_models):
    for model in sample_models.values():
        text = model.documents[0].text
        lines = _layout_lines(text)
        assert lines  # the samples do have headlines and notices
        for e in model.entities:
            if e.kind in ("Person", "Organization"):
                assert e.label not in lines
                # A several-word name seen only in headlines/notices is a headline fragment.
                assert len(e.label.split()) == 1 or any(_in_prose(text, m) for m in e.mentions), e.label


def _in_prose(text, m):
    start = text.rfind("\n", 0, m.start) + 1
    end = text.find("\n", m.end)
    line = text[start: end if end >= 0 else len(text)]
    return not (is_heading(line) or is_notice(line))


def test_no_entity_from_the_player_notice_or_credits(sample_models):
    for model in sample_models.values():
        labels = {e.label for e in model.entities}
        assert not any("HTML" in label or "\n" in label or "Aftermath" in label or "Stampede" in label for label in labels)


def test_soleimani_is_one_person_with_titles(sample_models):
    for model in sample_models.values():
        people = [e for e in model.entities if "Soleimani" in e.label or "Soleimani" in " ".join(e.alt_labels)]
        assert len(people) == 1, [(e.label, e.kind) for e in people]
        person = people[0]
        assert person.kind == "Person"
        assert person.label in ("Qassem Soleimani", "Qasem Soleimani")
        assert "General" in person.titles
        assert len(person.mentions) >= 10


def test_pompeo_is_one_person(sample_models):
    for model in sample_models.values():
        people = [e for e in model.entities if "Pompeo" in e.label or "Pompeo" in " ".join(e.alt_labels)]
        assert [(e.label, e.kind) for e in people] == [("Mike Pompeo", "Person")]
        assert "Secretary of State" in " ".join(people[0].titles)


def test_irgc_links_to_its_expansion(sample_models):
    model = sample_models["001_0030a6936abeb198"]
    (org,) = [e for e in model.entities if e.label == "Islamic Revolutionary Guards Corps"]
    assert org.kind == "Organization" and "IRGC" in org.alt_labels


def test_mention_offsets_are_exact(sample_models):
    for model in sample_models.values():
        text = model.documents[0].text
        for e in model.entities:
            for m in e.mentions:
                assert text[m.start:m.end] == m.text
