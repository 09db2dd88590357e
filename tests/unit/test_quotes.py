"""Direct quotes, reported speech and their speakers: `quotes.find_quotes` alone, over
hand-built entities (what the stage makes of the records: test_relations_stage.py)."""
from __future__ import annotations

from graphbuild.extract.quotes import find_quotes, quote_spans
from tests.helpers.extract import view_of


def quotes_of(nlp, text: str) -> list[tuple[str | None, str, str]]:
    """(speaker label, quoted text, rule) of each quote found."""
    view = view_of(nlp, text)
    return [(view.label(q.speaker) if q.speaker else None, view.doc.text[q.start:q.end], q.rule)
            for q in find_quotes(view)]


def test_quote_spans_pair_mixed_marks():
    text = 'He said: \u201cWe will go," she said. "Open\nnext'
    spans = quote_spans(text)
    assert [text[a:z] for a, z, _ in spans] == ["We will go,", "Open"]
    assert [c for _, _, c in spans] == [True, False]


def test_quote_then_said(nlp):
    text = '"We will take revenge. We will set ablaze a place they like," Hossein Salami said.'
    assert quotes_of(nlp, text) == [
        ("Hossein Salami", "We will take revenge. We will set ablaze a place they like", "quote-after")]


def test_said_colon_quote_and_he_added(nlp):
    text = ('Secretary of State Mike Pompeo said: "Every target will be reviewed under the law." '
            'He added: "At the end our policy is about protecting the homeland."')
    qs = quotes_of(nlp, text)
    assert [s for s, _, r in qs if r != "reported-speech"] == ["Mike Pompeo", "Mike Pompeo"]
    assert any(t.startswith("At the end") for _, t, _ in qs)


def test_said_inside_a_quote_is_no_new_speaker(nlp):
    text = '"John Smith said we should leave the city at once," Mary Jones told reporters.'
    qs = quotes_of(nlp, text)
    assert [s for s, _, r in qs if r != "reported-speech"] == ["Mary Jones"]
    assert all(s == "Mary Jones" for s, _, _ in qs)


def test_reported_speech(nlp):
    got = quotes_of(nlp, "Defence Secretary Mark Esper told reporters that the US is not pulling troops out of Iraq.")
    assert ("Mark Esper", "the US is not pulling troops out of Iraq", "reported-speech") in got


def test_scare_quotes_are_no_quotes(nlp):
    assert not quotes_of(nlp, 'Dominic Raab has travelled to Brussels to "de-escalate" the situation.')


def test_unknown_subject_leaves_reported_speech_out(nlp):
    assert not quotes_of(nlp, "The draft letter said troops would be repositioning over the coming days.")


def test_quote_continues_after_attributed_quote(nlp):
    text = ('"We will find him soon," Sgt. John Miller said. "He cannot hide forever from us."\n'
            '"The search goes on tonight and tomorrow."\n'
            'The weather was bad. "Nobody saw anything there at all."')
    got = quotes_of(nlp, text)
    assert ("John Miller", "He cannot hide forever from us.", "quote-continued") in got
    assert ("John Miller", "The search goes on tonight and tomorrow.", "quote-continued") in got
    # a sentence without speech in between ends the chain
    assert not any(t.startswith("Nobody saw") for _, t, _ in got)


def test_quote_after_reported_speech_sentence(nlp):
    got = quotes_of(nlp, 'Ann Lee said the case was closed. "We are done with this case now."')
    assert ("Ann Lee", "We are done with this case now.", "quote-continued") in got


def test_curly_quote_said_name_and_title_before_speaker(nlp):
    text = ('\u201cWe have found the missing boat near the coast,\u201d said Captain John Miller. '
            '"It was empty when we got there," Sgt. Ann Lee said.')
    got = quotes_of(nlp, text)
    assert ("John Miller", "We have found the missing boat near the coast", "quote-after") in got
    assert ("Ann Lee", "It was empty when we got there", "quote-after") in got


def test_said_inside_quote_is_no_speaker_for_the_next_quote(nlp):
    text = 'The report was short. "Officials said it was safe to return home." "Nobody believed it at all."'
    got = quotes_of(nlp, text)
    assert not [s for s, _, _ in got if s is not None]
