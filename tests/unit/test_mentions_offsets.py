"""Property: every mention's offsets index the source text exactly, whatever the
layout (BOMs, no-break spaces, zero-width characters, line breaks inside names)."""
from __future__ import annotations

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from graphbuild.analyze import CorpusContext, analyze
from graphbuild.model import Document
from graphbuild.nlp import parse

FRAGMENTS = [
    "Angela Merkel", "Merkel's", "the United Nations", "Berlin", "Mr\u00a0Obama", "NATO (North Atlantic Treaty Organization)",
    "General Qassem Soleimani", "\ufeff", "\u200b", "\n", "\n\n", " ", ", ", ". ", " said on Monday", "Credit: AP",
    "Storm Aftermath", "\u2022 Video", "Kerman, Iran", "LONDON 1996-08-30", "Kent 108-3", "’s", "U.S.",
]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.sampled_from(FRAGMENTS), min_size=1, max_size=25))
@example(["Angela Merkel", "\n\n", "Angela Merkel"])  # the parser broke the sentence inside the name
def test_mention_offsets_are_exact(nlp, parts):
    text = "".join(parts)
    model = analyze(parse(nlp, Document("h", text)), CorpusContext())
    for entity in model.entities:
        assert entity.label and "\n" not in entity.label
        for m in entity.mentions:
            assert text[m.start:m.end] == m.text
            assert m.sentence_start <= m.start and m.end <= m.sentence_end
