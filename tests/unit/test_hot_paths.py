"""Hand-written fast paths equal what they replace (CPU hot spots of a build, issue 10)."""
from __future__ import annotations

import re
import unicodedata

from hypothesis import given, settings, strategies as st

from graphbuild.extract.missed_names import _stands_at
from graphbuild.names import strip_accents

_ALPHABET = st.sampled_from(list("Ab .-'’_9é\u00a0\nZ"))


def _regex_stands_at(text: str, name: str, a: int) -> bool:
    pattern = re.compile(r"(?<![\w.'’-])" + re.escape(name) + r"(?![\w-]|\.\w)")
    return pattern.match(text, a) is not None


@settings(max_examples=400, deadline=None)
@given(st.text(_ALPHABET, max_size=12), st.text(_ALPHABET, min_size=1, max_size=4), st.data())
def test_stands_at_is_the_name_pattern(text, name, data):
    text = text[: len(text) // 2] + name + text[len(text) // 2:]
    for a in range(len(text) + 1):
        assert _stands_at(text, name, a) == _regex_stands_at(text, name, a), (text, name, a)


def test_stands_at_examples():
    text = "Iran said. Iran's IRAN-based Irani Iran.x (Iran) Iran"
    found = [a for a in range(len(text)) if _stands_at(text, "Iran", a)]
    assert found == [a for a in range(len(text)) if _regex_stands_at(text, "Iran", a)]
    assert found == [0, 11, 43, 49]  # not "Irani", "Iran.x", "IRAN" (case)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=12))
def test_strip_accents_fast_path_is_the_same(text):
    decomposed = unicodedata.normalize("NFKD", text)
    assert strip_accents(text) == "".join(c for c in decomposed if not unicodedata.combining(c))
