"""The event evaluation on a small ECB+ slice: it runs and its figures are sane."""
from graphbuild.evaluate.events import _match, evaluate_events, format_event_table
from tests.conftest import skip_or_fail


def test_overlap_matching_is_one_to_one():
    assert _match([(0, 5), (10, 15)], [(1, 3), (2, 4), (12, 20)]) == (2, 1, 0)


def test_event_evaluation_on_ecbplus_dev(shared_data):
    gold = shared_data / "ecbplus_dev.jsonl"
    if not gold.exists():
        skip_or_fail(f"{gold} is missing")
    scores = evaluate_events(gold, limit=10)
    assert scores.documents == 10 and scores.events > 0
    assert scores.mentions.precision > 0.6 and scores.mentions.recall > 0.2
    assert "Event mention scores" in format_event_table(scores)
