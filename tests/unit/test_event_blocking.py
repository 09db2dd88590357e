"""Blocking of event pairs: every pair `score_events` can join is a candidate (so the
clusters equal those of scoring all pairs), and pairs sharing nothing are not scored."""
from __future__ import annotations

from itertools import combinations

from graphbuild.model import Event, Participant, TimeValue
from graphbuild.resolve.event_blocking import candidate_pairs
from graphbuild.resolve.event_match import score_events
from tests.helpers.cross_doc import mention


def _event(doc: str, trigger: str, kind: str, places=(), day=None, actors=()) -> Event:
    times = (TimeValue("that day", day, "date", doc_id=doc),) if day else ()
    return Event(f"v-{trigger}", kind, trigger, (mention(doc, trigger, 100, "EVENT"),), places=places,
                 times=times, participants=tuple(Participant("victim", a) for a in actors))


def _events() -> list[tuple[str, Event]]:
    up = {"kerman": frozenset({"iran"})}
    return [
        ("a", _event("a", "earthquake", "Earthquake", ("kerman",), "2020-01-07")),
        ("b", _event("b", "quake", "Earthquake", ("iran",), "2020-01-07")),  # place (nested) + date only
        ("c", _event("c", "killing", "Attack", (), "2020-01-03", ("soleimani",))),
        ("d", _event("d", "strike", "Attack", (), "2020-01-03", ("soleimani",))),  # participant + date
        ("e", _event("e", "earthquakes", "Earthquake", ("chile",), None)),  # lemma only
        ("f", _event("f", "storm", "Storm", ("peru",), "2019-05-01")),  # shares nothing
        ("g", _event("g", "said", "Statement", ("kerman",), "2020-01-07")),  # never joined
    ], up


def test_every_joinable_pair_is_a_candidate():
    ordered, up = _events()
    candidates = set(candidate_pairs(ordered, up))
    joinable = {(i, j) for i, j in combinations(range(len(ordered)), 2)
                if score_events(ordered[i][1], ordered[j][1], up, same_scope=False)}
    assert joinable and joinable <= candidates
    assert {(0, 1), (2, 3)} <= joinable  # a nested place with a date; a participant with a date


def test_pairs_that_share_nothing_are_not_scored():
    ordered, up = _events()
    candidates = candidate_pairs(ordered, up)
    assert candidates == sorted(candidates)
    assert not [p for p in candidates if 5 in p or 6 in p]  # the storm; the Statement


def test_towns_of_one_country_are_no_block_but_the_country_pairs_with_its_towns():
    up = {"kerman": frozenset({"iran"}), "tabriz": frozenset({"iran"})}
    ordered = [
        ("a", _event("a", "flood", "Storm", ("kerman",), "2020-01-07")),
        ("b", _event("b", "earthquake", "Earthquake", ("tabriz",), "2020-02-01")),  # another town: nothing shared
        ("c", _event("c", "quake", "Earthquake", ("iran",), "2020-03-05")),  # located at the container
    ]
    assert candidate_pairs(ordered, up) == [(0, 2), (1, 2)]


def test_a_shared_trigger_alone_pairs_events_only_where_they_could_anchor():
    """A pair sharing only its trigger word joins only with a date, a place or one story:
    without any of them it is not scored (a corpus's thousands of "killed")."""
    ordered = [
        ("a", _event("a", "killing", "Attack")),
        ("b", _event("b", "killing", "Attack")),  # no date, no place: nothing to anchor on
        ("c", _event("c", "killing", "Attack", ("gaza",), "2021-05-01")),
        ("d", _event("d", "killing", "Attack", ("mosul",), "2021-06-02")),  # both dated and placed
    ]
    assert candidate_pairs(ordered, {}, lambda i, j: False) == [(2, 3)]
    assert candidate_pairs(ordered, {}, lambda i, j: {i, j} == {0, 1}) == [(0, 1), (2, 3)]  # one story
    assert len(candidate_pairs(ordered, {})) == 6  # no story test: every pair of the trigger


def test_the_pruned_pairs_are_never_joinable():
    ordered, up = _events()
    ordered = ordered + [("h", _event("h", "earthquake", "Earthquake"))]  # the trigger only
    candidates = set(candidate_pairs(ordered, up, lambda i, j: False))
    joinable = {(i, j) for i, j in combinations(range(len(ordered)), 2)
                if score_events(ordered[i][1], ordered[j][1], up, same_scope=False)}
    assert joinable <= candidates and not [p for p in candidates if 7 in p]
