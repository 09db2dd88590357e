"""More event mentions without more empty nodes: argument-less mentions that refer back to
the document's event (same word, a derivation, a definite noun of a compatible class),
capitalized triggers the tagger took for names (headlines, acronyms), predicative
adjectives ("found dead"), and the wider lexicon. Sentences of our own, real parses."""
from __future__ import annotations

import pytest

from graphbuild.extract.event_anaphora import Cue, absorb, related
from graphbuild.model import Document, Event, Mention, Participant


@pytest.fixture(scope="module")
def events_of(nlp):
    from graphbuild.analyze import analyze
    from graphbuild.nlp import parse

    return lambda text: analyze(parse(nlp, Document(id="t", text=text))).events


def _by_kind(events, kind):
    return [e for e in events if e.kind == kind]


def test_related_words_are_one_derivation():
    assert related("shoot", "shooting") and related("explode", "explosion") and related("kill", "kill")
    assert not related("die", "dine") and not related("attack", "arrest")
    assert related("evacuate", "evacuation") and related("injure", "injury") and related("resign", "resignation")
    assert not any(related(a, b) for a, b in [("protest", "protect"), ("resign", "resist"), ("attack", "attach"),
                                              ("strike", "strive"), ("elect", "electrocute")])


def _ev(eid, kind, start, participants=()):
    m = Mention("d", start, start + 5, "words", "EVENT", start, start + 40, "trigger")
    return Event(eid, kind, "words", (m,), participants=tuple(participants))


def _compatible(a, b):
    return a == b or {a, b} == {"Death", "Killing"}


def test_absorb_folds_a_definite_mention_into_the_event_before_it():
    host = _ev("v1", "Killing", 0, [Participant("victim", "person/x")])
    bare = _ev("v2", "Death", 100)
    other = _ev("v3", "Arrest", 200)
    cues = {"v1": Cue(frozenset({"kill"}), False, False, 0), "v2": Cue(frozenset({"death"}), True, False, 100),
            "v3": Cue(frozenset({"arrest"}), True, False, 200)}
    out = absorb([host, bare, other], lambda v: bool(v.participants), cues, _compatible, "Event", lambda k: False)
    assert [v.id for v in out] == ["v1", "v3"]
    assert [m.start for m in out[0].mentions] == [0, 100]


def test_absorb_needs_a_cue_and_never_joins_plural_to_singular():
    host = _ev("v1", "Killing", 0, [Participant("victim", "person/x")])
    indefinite = _ev("v2", "Death", 100)
    plural = _ev("v3", "Killing", 200)
    cues = {"v1": Cue(frozenset({"kill"}), False, False, 0), "v2": Cue(frozenset({"death"}), False, False, 100),
            "v3": Cue(frozenset({"kill"}), True, True, 200)}
    out = absorb([host, indefinite, plural], lambda v: bool(v.participants), cues, _compatible, "Event",
                 lambda k: False)
    assert [len(v.mentions) for v in out] == [1, 1, 1]


def test_headline_capitals_and_acronyms_are_triggers(events_of):
    events = events_of("Teacher Arrested For DUI In Denver\nA teacher was arrested in Denver on Sunday.")
    arrests = _by_kind(events, "Arrest")
    assert len(arrests) == 1 and {m.text for m in arrests[0].mentions} == {"Arrested", "arrested"}
    assert _by_kind(events, "Crime")


def test_a_name_is_no_capitalized_trigger(events_of):
    assert not _by_kind(events_of("Strike Industries opened a plant in Denver on Sunday."), "LabourStrike")


def test_predicative_adjective_is_a_death_with_its_victim(events_of):
    deaths = _by_kind(events_of("A hiker was found dead in Denver on Sunday."), "Death")
    assert len(deaths) == 1 and deaths[0].mentions[0].text == "dead"


def test_attributive_adjective_is_no_event(events_of):
    assert not _by_kind(events_of("A dead phone battery stranded the hiker in Denver on Sunday."), "Death")


@pytest.mark.parametrize("text, kind", [
    ("Gunmen gunned down a shopkeeper in Denver on Sunday.", "Killing"),
    ("The singer checked into rehab in Denver on Sunday.", "MedicalTreatment"),
    ("Firefighters rescued four miners in Denver on Sunday.", "Rescue"),
    ("A court overturned the conviction in Denver on Sunday.", "Verdict"),
    ("Police say arson destroyed the warehouse in Denver on Sunday.", "Crime"),
])
def test_wider_lexicon(events_of, text, kind):
    assert _by_kind(events_of(text), kind), [(e.kind, e.label) for e in events_of(text)]


def test_check_without_a_care_cue_is_no_event(events_of):
    assert not _by_kind(events_of("Officers checked the documents in Denver on Sunday."), "MedicalTreatment")



def test_according_to_is_a_source_not_an_agreement(events_of):
    events = events_of("The mayor resigned in Denver on Sunday, according to the city council.")
    assert not _by_kind(events, "Agreement")
    assert _by_kind(events, "Resignation")


def test_a_court_striking_down_a_law_is_no_traffic_accident(events_of):
    events = events_of("The High Court of Varnia struck down a law on Tuesday. A van knocked down a cyclist in Orlo.")
    assert not any(e.kind == "TrafficAccident" and "struck" in e.label for e in events)
    assert _by_kind(events, "TrafficAccident")


def test_calling_an_event_something_does_not_make_one_its_agent(events_of):
    events = events_of("The case was heard by the court, and campaigner Iva Roon called the verdict a victory.")
    names = {p.entity for e in events if e.kind == "Verdict" for p in e.participants if p.role == "agent"}
    assert not names


def test_the_participle_of_a_compound_adjective_is_no_event(events_of):
    events = events_of("A fast-moving wildfire burned 900 acres near Orlo on Saturday. Troops were moving toward Orlo.")
    assert [e.label for e in events if e.kind == "MilitaryMovement"] == ["moving"]


def test_a_place_read_as_the_agent_of_an_election_or_a_flood_is_where_it_happened(events_of):
    events = events_of("Chile's presidential election ended on Sunday. Peru's attack on the base was condemned.")
    election = _by_kind(events, "Election")[0]
    assert not election.participants and election.places
    attack = _by_kind(events, "Attack")[0]
    assert [p.role for p in attack.participants] == ["agent"]


def test_hosting_a_summit_is_no_appointment_and_a_cyberattack_is_a_crime(events_of):
    events = events_of("Premier Ada Voss, who hosted the summit in Orlo on Friday, praised the deal. "
                       "A cyberattack shut down the port of Orlo on Monday.")
    assert not _by_kind(events, "Appointment")
    assert _by_kind(events, "Crime")


@pytest.mark.parametrize("text, kind, words", [
    ("Coast guards foiled a hijack attempt on a cargo ship near the port of Mombasa on Tuesday.", "Attack",
     "hijack attempt"),
    ("A former clerk went on a shooting spree at a warehouse in Leeds last week.", "Attack", "shooting spree"),
])
def test_an_attempt_noun_is_the_event_of_its_compound(events_of, text, kind, words):
    """The noun the event word is compounded onto is the mention ("thwarted a hijack
    attempt"), not a classifier dropping both."""
    found = [m.text for e in events_of(text) if e.kind == kind for m in e.mentions]
    assert words in found


def test_an_ordinary_compound_noun_stays_a_classifier(events_of):
    """"riot police", "murder weapon": the head is no attempt noun, so no mention."""
    texts = [m.text for e in events_of("Riot police in Lyon found the murder weapon on Monday.") for m in e.mentions]
    assert not any("police" in t or "weapon" in t for t in texts)


@pytest.mark.parametrize("text, kind", [
    ("The singer will host the 81st Academy Awards at a theatre in Los Angeles on Feb. 22.", "Ceremony"),
    ("Athletes from Kenya dominated the Commonwealth Games in Glasgow last summer.", "Competition"),
])
def test_a_name_headed_by_an_event_noun_is_an_event(events_of, text, kind):
    """A name the tagger types as an organization but whose head is an event noun of the
    lexicon ("Awards", "Games") is also an event mention."""
    assert any(m.text in ("Awards", "Games") for e in events_of(text) if e.kind == kind for m in e.mentions)


def test_a_monument_or_person_named_with_an_event_word_is_no_event(events_of):
    """A singular ceremony word in a name is a monument ("the Lincoln Memorial"); a
    person's name is never an event ("Oscar Wilde")."""
    events = events_of("Oscar Wilde visited the Lincoln Memorial in Washington in 1882.")
    assert not [e for e in events if e.kind == "Ceremony"]


@pytest.mark.parametrize("text", [
    "The hiker slipped and fell about 200m down a steep gully near Arthur's Pass on Friday.",
    "A young mountaineer from Perth was killed in a fall on Mount Cook on Sunday.",
])
def test_a_fall_that_kills_or_follows_a_slip_is_an_accident(events_of, text):
    assert any(m.text in ("fell", "fall") for e in events_of(text) if e.kind == "Accident" for m in e.mentions)


def test_prices_falling_are_no_accident(events_of):
    events = events_of("Shares of the retailer fell 5% in London on Monday after the results.")
    assert not [e for e in events if e.kind == "Accident"]
