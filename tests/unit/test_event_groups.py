"""How groups of event reports join (`resolve.event_match.cluster_events`): a report whose
one stray date conflicts with one other report still joins the story's event when most
reports agree with it; two events one article tells apart by their dates never become
one through other reports; a lone conflicting pair stays apart. Values of our own."""
from __future__ import annotations

from graphbuild.model import Event, Mention, Participant, Relation, TimeValue
from graphbuild.resolve.event_compat import containment
from graphbuild.resolve.event_match import cluster_events

UP = containment([Relation("p_varnholm", "containedInPlace", "p_ostria", ())])


def day(value: str) -> TimeValue:
    return TimeValue("that day", value, "date")


def ev(eid, kind, trigger, doc, start=0, places=(), times=(), participants=()) -> Event:
    m = Mention(doc, start, start + len(trigger), trigger, "EVENT", start, start + 60, "trigger")
    return Event(eid, kind, trigger, (m,), places=tuple(places), times=tuple(times),
                 participants=tuple(participants))


def groups(*events) -> list[list[str]]:
    ordered = [(v.mentions[0].doc_id, v) for v in events]
    found, _ = cluster_events(ordered, UP)
    return sorted(sorted(ordered[i][1].id for i in g) for g in found)


def test_one_stray_date_does_not_split_a_story_that_mostly_agrees():
    # Four reports of the arrest of Talia Brennick in Varnholm; one gives a day that
    # contradicts the only other dated report.
    who = [Participant("patient", "person/talia brennick")]
    a = ev("a1", "Arrest", "arrested", "a", places=["p_varnholm"], times=[day("2031-04-02")], participants=who)
    b = ev("b1", "Arrest", "arrested", "b", places=["p_varnholm"], participants=who)
    c = ev("c1", "Arrest", "arrested", "c", places=["p_varnholm"], times=[day("2031-04-09")], participants=who)
    d = ev("d1", "Arrest", "detained", "d", places=["p_varnholm"], participants=who)
    assert groups(a, b, c, d) == [["a1", "b1", "c1", "d1"]]


def test_a_lone_pair_of_conflicting_reports_stays_apart():
    who = [Participant("patient", "person/talia brennick")]
    a = ev("a1", "Arrest", "arrested", "a", places=["p_varnholm"], times=[day("2031-04-02")], participants=who)
    c = ev("c1", "Arrest", "arrested", "c", places=["p_varnholm"], times=[day("2031-04-09")], participants=who)
    b = ev("b1", "Arrest", "arrested", "b", places=["p_varnholm"], participants=who)
    assert groups(a, c) == [["a1"], ["c1"]]
    # With one undated report the conflicting pair is half of the pairs: not a majority.
    assert len(groups(a, b, c)) == 2


def test_two_events_one_article_dates_apart_never_join_through_other_reports():
    # One article: the council declared an emergency in 2029 and declared it over in 2032;
    # two undated reports of "the declaration" must not fuse them.
    council = [Participant("agent", "organization/ostrian health council")]
    first = ev("a1", "Declaration", "declared", "a", 0, times=[day("2029-01-30")], participants=council)
    second = ev("a2", "Declaration", "declared", "a", 200, times=[day("2032-05-05")], participants=council)
    b = ev("b1", "Declaration", "declared", "b", participants=council)
    c = ev("c1", "Declaration", "declared", "c", participants=council)
    found = groups(first, second, b, c)
    assert not any({"a1", "a2"} <= set(g) for g in found)
    assert sum(len(g) for g in found) == 4 and len(found) == 2


def test_a_plural_report_never_joins_a_group_of_single_events():
    who = [Participant("victim", "person/orrin vale")]
    a = ev("a1", "Killing", "killed", "a", places=["p_varnholm"], participants=who)
    b = ev("b1", "Killing", "killing", "b", places=["p_varnholm"], participants=who)
    many = ev("c1", "Killing", "killings", "c", places=["p_varnholm"], participants=who)
    assert groups(a, b, many) == [["a1", "b1"], ["c1"]]
