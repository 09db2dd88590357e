"""Event triggers, types, arguments, counts and links on real parses (entities from the
entity layer), one test per pattern, with negatives."""
from datetime import date

import pytest

from graphbuild.model import Document
from graphbuild.resolve.event_compat import is_plural

PUBLISHED = date(2020, 1, 7)  # a Tuesday


@pytest.fixture(scope="module")
def events_of(nlp):
    from graphbuild.analyze import analyze
    from graphbuild.nlp import parse

    def run(text: str, published: date | None = PUBLISHED):
        model = analyze(parse(nlp, Document(id="t", text=text, published=published)))
        labels = {e.id: e.label for e in model.entities}
        return model, labels

    return run


def _kinds(model):
    return [e.kind for e in model.events]


def _one(model, kind):
    found = [e for e in model.events if e.kind == kind]
    assert len(found) == 1, [(e.kind, e.label) for e in model.events]
    return found[0]


def test_lexicon_comes_from_the_ontology():
    from graphbuild.extract.event_lexicon import lexicon

    lex = lexicon()
    assert lex.kind("stampede", set()) == "Stampede"
    assert lex.kind("assassination", set()) == "Killing"
    assert "Death" in lex.parents["Killing"] and "Event" in lex.parents["Stampede"]
    assert lex.kind("table", set()) is None


@pytest.mark.parametrize("text, kind", [
    ("Police arrested three men in Paris on Friday.", "Arrest"),
    ("The earthquake struck Chile on Monday.", "Earthquake"),
    ("The leaders will hold a meeting in Berlin on Tuesday.", "Meeting"),
    ("Putin made a visit to Damascus on January 7.", "Visit"),
    ("The parliament passed a piece of legislation on Monday.", "Legislation"),
    ("The funeral was held in Tehran on Monday.", "Funeral"),
    ("He was buried in Kerman.", "Burial"),
    ("NATO suspended its training in Iraq.", "Suspension"),
])
def test_trigger_types(events_of, text, kind):
    model, _ = events_of(text)
    assert kind in _kinds(model)


def test_inflections_and_nominalisations_share_a_type(events_of):
    # (Every event states an argument: an event node needs one.)
    model, _ = events_of("Gunmen killed the mayor in Paris on Friday. The killing in Paris shocked the town. "
                         "His assassination in Paris was planned.")
    assert set(_kinds(model)) == {"Killing"}
    assert {m.text for e in model.events for m in e.mentions} == {"killed", "killing", "assassination"}
    rules = {m.text: m.rule for e in model.events for m in e.mentions}
    assert all(m.label == "EVENT" for e in model.events for m in e.mentions)
    assert rules == {"killed": "verb-trigger", "killing": "trigger", "assassination": "trigger"}


def test_a_verb_ending_in_s_is_not_a_plural_event(events_of):
    # A headline verb in the present ("foils", "shoots") is one act, not "attacks" in general.
    model, _ = events_of("Navy foils attack on tanker in the Gulf on Friday.")
    foils = [v for v in model.events if any(m.text == "foils" for m in v.mentions)]
    assert foils and all(m.rule == "verb-trigger" for v in foils for m in v.mentions if m.text == "foils")
    assert not any(is_plural(v) for v in foils)


def test_strike_is_typed_by_context(events_of):
    air, _ = events_of("The general was killed in a US air strike in Baghdad.")
    drone, _ = events_of("A drone strike hit the convoy near Baghdad.")
    labour, _ = events_of("Thousands of workers joined the general strike in Paris.")
    assert "AirStrike" in _kinds(air) and "AirStrike" in _kinds(drone)
    assert "AirStrike" not in _kinds(labour) and "LabourStrike" in _kinds(labour)


def test_place_and_date_by_attachment(events_of):
    model, labels = events_of("On January 6, crowds filled the streets of the capital, Tehran, to mourn the general "
                              "in a funeral procession.")
    funeral = next(e for e in model.events if e.kind == "FuneralProcession")
    assert [labels[p] for p in funeral.places] == ["Tehran"]
    assert [(t.value, t.datatype) for t in funeral.times] == [("2020-01-06", "date")]
    t = funeral.times[0]
    assert t.doc_id == "t" and t.text == "January 6" and model.documents[0].text[t.start:t.stop] == "January 6"


def test_relative_weekday_and_place_of_a_strike(events_of):
    model, labels = events_of("Soleimani's death in a drone strike in Baghdad on Friday sparked calls for revenge.")
    strike = _one(model, "AirStrike")
    assert [labels[p] for p in strike.places] == ["Baghdad"]
    assert [t.value for t in strike.times] == ["2020-01-03"]


def test_unknown_publication_date_gives_partial_or_nothing(events_of):
    model, _ = events_of("The January 7 ceremony in Kerman was delayed. Police arrested him on Friday.", None)
    ceremony = next(e for e in model.events if e.kind == "Ceremony")
    assert [(t.value, t.datatype) for t in ceremony.times] == [("--01-07", "gMonthDay")]
    arrest = _one(model, "Arrest")
    assert arrest.times == ()  # "Friday" without a publication date is not guessed


def test_agent_and_victim(events_of):
    model, labels = events_of("John Smith murdered Tom Jones in London.")
    killing = _one(model, "Killing")
    roles = {(p.role, labels[p.entity]) for p in killing.participants}
    assert ("agent", "John Smith") in roles and ("victim", "Tom Jones") in roles


def test_passive_victim_and_cause_link(events_of):
    model, labels = events_of("General Qassem Soleimani was killed in a US air strike in Baghdad.")
    killing, strike = _one(model, "Killing"), _one(model, "AirStrike")
    assert ("victim", "Qassem Soleimani") in {(p.role, labels[p.entity]) for p in killing.participants}
    assert any(l.subject == strike.id and l.predicate == "causes" and l.object == killing.id for l in model.event_links)


def test_counts_go_to_the_disaster(events_of):
    model, _ = events_of("A stampede at the funeral procession has left at least 56 people dead and 213 injured.")
    stampede = _one(model, "Stampede")
    assert {(c.kind, c.value, c.qualifier) for c in stampede.counts} == {("dead", 56, "at least"), ("injured", 213, None)}
    assert all(c.evidence for c in stampede.counts)


def test_a_million_mourners_is_no_death_toll(events_of):
    model, _ = events_of("Up to a million people have taken to the streets to mourn the general at his funeral.")
    assert all(c.kind != "dead" for e in model.events for c in e.counts)


def test_stampede_during_the_procession(events_of):
    for text in ("A stampede at the funeral procession in Kerman killed 56 people.",
                 "The stampede happened during the funeral procession in Kerman."):
        model, _ = events_of(text)
        stampede, procession = _one(model, "Stampede"), _one(model, "FuneralProcession")
        assert any(l.subject == stampede.id and l.predicate == "duringEvent" and l.object == procession.id
                   for l in model.event_links), text


def test_during_link_lends_place_and_date(events_of):
    model, labels = events_of("The stampede happened during the funeral procession in Kerman on January 7.")
    stampede = _one(model, "Stampede")
    assert [labels[p] for p in stampede.places] == ["Kerman"]
    assert [t.value for t in stampede.times] == ["2020-01-07"]


def test_mentions_of_one_event_are_one_node(events_of):
    model, _ = events_of("A stampede killed dozens in Kerman. There is no information as to what set off the stampede. "
                         "The cause of the stampede was not immediately clear.")
    stampede = _one(model, "Stampede")
    assert len(stampede.mentions) == 3


def test_events_with_different_dates_stay_apart(events_of):
    model, _ = events_of("On January 6, crowds joined a funeral procession in Tehran. "
                         "On January 7, mourners joined the funeral procession in Kerman.")
    assert _kinds(model).count("FuneralProcession") == 2


def test_statements_never_merge(events_of):
    model, _ = events_of("Pompeo said it was right. Esper said it was legal.")
    assert _kinds(model).count("Statement") == 2


def test_mentions_carry_source_offsets(events_of):
    text = "\ufeffThe  stampede\u00a0killed 56 people."
    model, _ = events_of(text)
    for e in model.events:
        for m in e.mentions:
            assert text[m.start:m.end] == m.text


def test_a_date_that_bounds_a_stretch_of_time_dates_no_event(events_of):
    model, _ = events_of("The quake was the strongest to hit the region since 2015.")
    assert all(e.times == () for e in model.events)
    model, _ = events_of("The trial began on Monday and is expected to last until March.")
    assert [t.value for t in _one(model, "Trial").times] == ["2020-01-06"]


def test_a_date_in_a_clause_of_its_own_dates_no_event_of_the_sentence(events_of):
    model, _ = events_of("Norcastle will cut 300 jobs, said Tom Reed, who joined the firm from Maersk in 2009.")
    assert all("2009" not in t.value for e in model.events for t in e.times)


def test_a_relative_clause_of_the_event_noun_dates_it(events_of):
    model, _ = events_of("None of the four fires that erupted on Maui on Sunday have been contained.")
    assert [t.value for t in _one(model, "Fire").times] == ["2020-01-05"]
