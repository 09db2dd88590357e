"""Minted IRIs are deterministic, strict-parser safe, and keep distinct keys apart."""
from __future__ import annotations

import pyoxigraph
import pytest
from hypothesis import given, settings, strategies as st

from graphbuild import iri
from graphbuild.errors import UsageError

BASE = "https://w3id.org/graphbuild/id/"
HOSTILE = ["a b\n<c>", 'x"y', "{}|^`\\", "\x00nul", "Ünïcødé 東京", "", "   ", "tab\there"]


def parses(value: str) -> bool:
    try:
        pyoxigraph.NamedNode(value)
    except ValueError:
        return False
    text = f"<{value}> <{value}> <{value}> .\n"
    return len(list(pyoxigraph.parse(text.encode(), format=pyoxigraph.RdfFormat.N_TRIPLES))) == 1


@pytest.mark.parametrize("key", HOSTILE)
def test_hostile_keys_give_valid_iris(key):
    for value in (iri.document_iri(BASE, key), iri.entity_iri(BASE, key), iri.mention_iri(BASE, key, 0, 3, key),
                  iri.span_iri(BASE, key, 1, 2), iri.quote_iri(BASE, key, key, 0, 1)):
        assert parses(value), value
        assert not any(c in value for c in ' \n\t\x00<>"{}|^`\\')


def test_deterministic_and_readable():
    assert iri.document_iri(BASE, "itv-news") == iri.document_iri(BASE, "itv-news")
    assert iri.entity_iri(BASE, "Qasem Soleimani").startswith(BASE + "entity/qasem-soleimani-")


@settings(max_examples=300, deadline=None)
@given(st.text(), st.text())
def test_distinct_keys_distinct_iris(a, b):
    for mint in (iri.document_iri, iri.entity_iri, iri.event_iri):
        x, y = mint(BASE, a), mint(BASE, b)
        assert parses(x)
        assert (x == y) == (a == b)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.text(max_size=5), min_size=3, max_size=3), st.lists(st.text(max_size=5), min_size=3, max_size=3))
def test_composite_keys_unambiguous(p, q):
    assert (iri.key(*p) == iri.key(*q)) == (p == q)


def test_bad_base_iri_is_a_usage_error():
    for bad in ("not an iri", "https://x.org/a b/", "https://x.org/no-slash"):
        with pytest.raises(UsageError):
            iri.check_base(bad)
    assert iri.check_base(BASE) == BASE
