"""Direct quotes, reported speech and their speakers."""
from __future__ import annotations

from graphbuild.extract.quotes import quote_spans
from tests.unit.test_roles import run


def quotes(m):
    label = {e.id: e.label for e in m.entities}
    return [(label.get(q.speaker), q.text, q.evidence[0].rule) for q in m.quotes]


def test_quote_spans_pair_mixed_marks():
    text = 'He said: \u201cWe will go," she said. "Open\nnext'
    spans = quote_spans(text)
    assert [text[a:z] for a, z, _ in spans] == ["We will go,", "Open"]
    assert [c for _, _, c in spans] == [True, False]


def test_quote_then_said(nlp):
    text = '"We will take revenge. We will set ablaze a place they like," Hossein Salami said.'
    m = run(nlp, text)
    (q,) = m.quotes
    assert quotes(m)[0][0] == "Hossein Salami"
    assert text[q.start : q.end] == q.text == "We will take revenge. We will set ablaze a place they like"
    assert q.id == "q1" and q.doc_id == "t"


def test_said_colon_quote_and_he_added(nlp):
    text = ('Secretary of State Mike Pompeo said: "Every target will be reviewed under the law." '
            'He added: "At the end our policy is about protecting the homeland."')
    qs = quotes(run(nlp, text))
    assert [s for s, _, r in qs if r != "reported-speech"] == ["Mike Pompeo", "Mike Pompeo"]
    assert any(t.startswith("At the end") for _, t, _ in qs)


def test_said_inside_a_quote_is_no_new_speaker(nlp):
    text = '"John Smith said we should leave the city at once," Mary Jones told reporters.'
    qs = quotes(run(nlp, text))
    assert [s for s, _, r in qs if r != "reported-speech"] == ["Mary Jones"]
    assert all(s == "Mary Jones" for s, _, _ in qs)


def test_reported_speech(nlp):
    m = run(nlp, "Defence Secretary Mark Esper told reporters that the US is not pulling troops out of Iraq.")
    assert ("Mark Esper", "the US is not pulling troops out of Iraq", "reported-speech") in quotes(m)


def test_scare_quotes_are_no_quotes(nlp):
    assert not run(nlp, 'Dominic Raab has travelled to Brussels to "de-escalate" the situation.').quotes


def test_unknown_subject_leaves_reported_speech_out(nlp):
    assert not run(nlp, "The draft letter said troops would be repositioning over the coming days.").quotes
