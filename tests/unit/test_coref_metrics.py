"""Coreference metrics against the worked example of Pradhan et al. (2014), "Scoring
Coreference Partitions of Predicted Mentions": key {a,b,c},{d,e,f,g}; response
{a,b},{c,d},{f,g,h,i}."""
from __future__ import annotations

import pytest

from graphbuild.evaluate.coref import b_cubed, ceaf_e, match_mentions, muc, score_topic

KEY = [frozenset("abc"), frozenset("defg")]
RESPONSE = [frozenset("ab"), frozenset("cd"), frozenset("fghi")]


def test_muc():
    s = muc(KEY, RESPONSE)
    assert (s.recall, s.precision) == (pytest.approx(0.4), pytest.approx(0.4))


def test_b_cubed():
    s = b_cubed(KEY, RESPONSE)
    assert s.recall == pytest.approx(5 / 12) and s.precision == pytest.approx(0.5)


def test_ceaf_e():
    s = ceaf_e(KEY, RESPONSE)
    assert s.recall == pytest.approx(0.65) and s.precision == pytest.approx(1.3 / 3)


def test_perfect_and_singletons():
    assert muc(KEY, KEY).f1 == 1.0 and b_cubed(KEY, KEY).f1 == 1.0 and ceaf_e(KEY, KEY).f1 == 1.0
    singles = [frozenset(x) for x in "abcdefg"]
    assert muc(KEY, singles).recall == 0.0 and muc(KEY, singles).precision == 0.0
    assert b_cubed(KEY, singles).precision == 1.0


def test_mentions_match_by_exact_span_then_by_head():
    heads = {("d", 0, 16): 7, ("d", 20, 29): 20}
    got = match_mentions(heads, [("d", 0, 16), ("d", 18, 29), ("d", 40, 45)])
    assert got == {("d", 0, 16): ("d", 0, 16), ("d", 18, 29): ("d", 20, 29)}


def test_score_topic_maps_system_onto_gold():
    gold = {"c1": {("d", 0, 16), ("e", 5, 14)}}
    heads = {("d", 0, 16): 7, ("e", 5, 14): 5}
    scores, g, s = score_topic(gold, heads, [[("d", 0, 16), ("e", 5, 14)], [("e", 30, 35)]])
    assert (g, s) == (2, 3)
    assert scores["MUC"].f1 == 1.0 and scores["B3"].recall == 1.0 and scores["B3"].precision == pytest.approx(2 / 3)  # the twinless singleton
