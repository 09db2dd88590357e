"""`find_events` alone over a parse: frozen records, and links that belong to another
mention (the cause of a killing is the strike) attached to that mention."""
from __future__ import annotations

import dataclasses

import pytest

from graphbuild.extract.event_lexicon import lexicon
from graphbuild.extract.events import find_events
from graphbuild.model import Document
from graphbuild.nlp import parse


def found(nlp, text: str):
    doc = parse(nlp, Document("t", text)).doc
    places = [e.root for e in doc.ents if e.label_ in ("GPE", "LOC", "FAC")]
    return {e.trigger.lower_: e for e in find_events(doc, lexicon(), places)}


def test_records_are_frozen(nlp):
    events = found(nlp, "A stampede killed 56 people in Kerman on Tuesday.")
    with pytest.raises(dataclasses.FrozenInstanceError):
        events["stampede"].kind = "Event"  # type: ignore[misc]


def test_a_cause_found_from_the_effect_is_the_cause_s_link(nlp):
    events = found(nlp, "Soleimani was killed in a drone strike in Baghdad on Friday.")
    killed, strike = events["killed"], events["strike"]
    assert [(p, t.lower_) for p, t in strike.links] == [("causes", "killed")]
    assert not killed.links and [(r, t.text) for r, t in killed.roles] == [("victim", "Soleimani")]
    # the place attaches to the strike; the stage lends it to the killing along the link
    assert [t.text for t, _ in strike.places] == ["Baghdad"] and not killed.places


def test_counts_go_to_the_cause(nlp):
    events = found(nlp, "The stampede left 56 people dead.")
    assert [c.value for c in events["stampede"].counts] == [56]


def test_an_acronym_the_tagger_took_for_a_name_is_a_trigger(nlp):
    # "DUI" comes out as a one-word ORG; the lexicon lists "dui" as a crime on its own.
    events = found(nlp, "Actress Mara Quint was arrested for DUI in Glendale on Friday.")
    assert events["dui"].kind == "Crime" and events["arrested"].kind == "Arrest"


def test_a_capitalized_name_word_is_no_trigger(nlp):
    # A word inside a longer name stays a name ("Fire" of the foundation), and an
    # all-capitals name word is a trigger only when the lexicon lists it on its own.
    events = found(nlp, "The Kestrel Fire Foundation and NATO met in Varnholm on Monday.")
    assert "fire" not in events and "nato" not in events and "met" in events
