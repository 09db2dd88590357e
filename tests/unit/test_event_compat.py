"""Event compatibility (containment, intervals, partial dates) and joining within and
across documents after place linking."""
from __future__ import annotations

from dataclasses import replace

from graphbuild.model import VERB_TRIGGER, Count, Event, Mention, Participant, Relation, TimeValue
from graphbuild.resolve.event_compat import (
    containment,
    is_plural,
    most_specific_places,
    places_compatible,
    sorted_times,
    times_compatible,
)
from graphbuild.resolve.event_match import cluster_events, describe, kinds_compatible, merge_events

UP = containment([Relation("city", "containedInPlace", "country", ()),
                  Relation("district", "containedInPlace", "city", ())])


def day(value, text="Friday", end=None):
    return TimeValue(text, value, "date", end=end)


def ev(eid, kind, trigger, places=(), times=(), participants=(), counts=(), doc="a", start=0):
    m = Mention(doc, start, start + len(trigger), trigger, "EVENT", start, start + 50, "trigger")
    return Event(eid, kind, trigger, (m,), places=tuple(places), times=tuple(times),
                 participants=tuple(participants), counts=tuple(counts))


def groups(*events, scope=None):
    ordered = [(scope or v.mentions[0].doc_id, v) for v in events]
    found, _ = cluster_events(ordered, UP)
    return [[ordered[i][1].id for i in g] for g in found]


# --- places and times ------------------------------------------------------------------

def test_containment_is_transitive_and_places_nest():
    assert UP["district"] == {"city", "country"}
    assert places_compatible(("city",), ("country",), UP) and places_compatible(("country",), ("district",), UP)
    assert not places_compatible(("city",), ("elsewhere",), UP)
    assert places_compatible((), ("city",), UP)  # unknown is no conflict
    assert most_specific_places(["country", "city"], UP) == ("city",)


def test_times_equal_nested_or_partial():
    week = day("2019-12-30", "last week", end="2020-01-05")
    assert times_compatible(day("2020-01-03"), week)
    assert not times_compatible(day("2020-01-07", "Tuesday"), day("2020-01-03"))
    assert not times_compatible(day("2020-01-07", "Tuesday"), week)
    assert times_compatible(TimeValue("January 3", "--01-03", "gMonthDay"), day("2020-01-03"))
    assert not times_compatible(TimeValue("January 7", "--01-07", "gMonthDay"), day("2020-01-03"))
    assert times_compatible(TimeValue("January", "2020-01", "gYearMonth"), day("2020-01-03"))
    assert times_compatible(TimeValue("January 3", "--01-03", "gMonthDay"), week)


def test_the_most_specific_time_comes_first():
    week = day("2019-12-30", "last week", end="2020-01-05")
    assert [t.text for t in sorted_times([week, day("2020-01-03")])] == ["Friday", "last week"]


def test_kinds_are_compatible_along_the_class_hierarchy():
    assert kinds_compatible("AirStrike", "Attack") and kinds_compatible("Killing", "Killing")
    assert not kinds_compatible("Stampede", "Killing")


def test_plural_mentions_are_generic():
    assert is_plural(ev("v", "Attack", "attacks")) and not is_plural(ev("v", "Attack", "attack"))
    verb = ev("v", "Attack", "shoots")
    verb = Event("v", "Attack", "shoots", (replace(verb.mentions[0], rule=VERB_TRIGGER),))
    assert is_plural(ev("v", "Attack", "shoots")) and not is_plural(verb)  # "gunman shoots three"


# --- joining ---------------------------------------------------------------------------

def test_strike_in_a_city_and_in_its_country_within_the_week_is_one_event():
    a = ev("v1", "AirStrike", "air strike", ["city"], [day("2019-12-30", "last week", end="2020-01-05")],
           [Participant("target", "p1")])
    b = ev("v2", "AirStrike", "drone strike", ["country"], [day("2020-01-03")], start=100)
    events, _ = merge_events([("a", a), ("a", b)], set(), UP, {"city": "Baghdad", "country": "Iraq", "p1": "X"})
    (v,) = events
    assert v.places == ("city",) and v.times[0].value == "2020-01-03"
    assert v.label == "Air strike in Baghdad on 2020-01-03"


def test_killings_on_different_days_never_join():
    friday = ev("v1", "Killing", "killed", ["country"], [day("2020-01-03")], [Participant("victim", "p1")])
    tuesday = ev("v2", "Killing", "killed", [], [day("2020-01-07", "Tuesday")],
                 counts=[Count("dead", 56, "at least")], start=100)
    assert len(groups(friday, tuesday)) == 2
    other = ev("v3", "Killing", "killed", [], [day("2020-01-07", "Tuesday")], doc="b")
    assert sorted(groups(friday, tuesday, other)) == [["v1"], ["v2", "v3"]]


def test_different_victims_are_different_killings():
    a = ev("v1", "Killing", "killed", ["city"], [day("2020-01-03")], [Participant("victim", "p1")])
    b = ev("v2", "Killing", "killed", ["city"], [day("2020-01-03")], [Participant("victim", "p2")], start=100)
    assert len(groups(a, b)) == 2


def test_one_agreeing_fact_is_not_enough_within_a_document():
    a = ev("v1", "Killing", "killed", ["city"])
    b = ev("v2", "Killing", "assassination", ["country"], start=100)  # place only
    assert len(groups(a, b)) == 2
    c = ev("v3", "Killing", "assassination", ["country"], [day("2020-01-03")], start=200)
    d = ev("v4", "Killing", "kill", ["city"], [day("2020-01-03")], start=300)
    assert len(groups(c, d)) == 1  # place and date agree


def test_statements_and_plurals_never_join():
    s1 = ev("v1", "Statement", "said", ["city"], [day("2020-01-03")])
    s2 = ev("v2", "Statement", "said", ["city"], [day("2020-01-03")], start=100)
    assert len(groups(s1, s2)) == 2
    many = ev("v3", "Attack", "attacks", ["city"], [day("2020-01-03")])
    one = ev("v4", "Attack", "attack", ["city"], [day("2020-01-03")], start=100)
    assert len(groups(many, one)) == 2


def test_a_trigger_word_alone_never_joins_across_documents():
    # "a delay" in two stories: a cross-document join needs a shared participant, place or date.
    friday = ev("v1", "Killing", "killed", ["city"], [day("2020-01-03")])
    bare = ev("v3", "Killing", "killed", doc="b")
    assert sorted(groups(friday, bare)) == [["v1"], ["v3"]]
    a = ev("v1", "Suspension", "delay", participants=[Participant("agent", "p1")])
    b = ev("v2", "Suspension", "delay", participants=[Participant("agent", "p2")], doc="b")
    assert sorted(groups(a, b)) == [["v1"], ["v2"]]


def test_a_shared_participant_and_class_join_different_triggers():
    a = ev("v1", "Arrest", "arrested", participants=[Participant("patient", "p1")])
    b = ev("v2", "Arrest", "detained", participants=[Participant("patient", "p1")], doc="b")
    assert sorted(groups(a, b)) == [["v1", "v2"]]
    c = ev("v3", "Arrest", "detained", participants=[Participant("patient", "p2")], doc="b")
    assert sorted(groups(a, c)) == [["v1"], ["v3"]]


def test_labels_are_descriptive():
    v = ev("v1", "Killing", "kill", ["city"], [day("2020-01-03")], [Participant("victim", "p1")])
    assert describe(v, {"city": "Baghdad", "p1": "Qasem Soleimani"}) == "Killing of Qasem Soleimani in Baghdad on 2020-01-03"
    assert describe(ev("v2", "Killing", "slaying"), {}) == "Killing (slaying)"
