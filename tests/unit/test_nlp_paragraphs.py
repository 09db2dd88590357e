"""A blank line ends a sentence, so headlines never fuse with the sentence after them."""
from __future__ import annotations

from graphbuild.model import Document
from graphbuild.nlp import parse


def test_blank_line_ends_the_sentence(nlp):
    text = "Diplomatic Maneuvering\n\nAmid heightened tension, Russian President Vladimir Putin made a surprise visit to Damascus."
    parsed = parse(nlp, Document(id="d", text=text))
    starts = [s.start_char for s in parsed.doc.sents]
    assert text.index("Amid") in starts


def test_single_line_breaks_are_left_to_the_parser(nlp):
    text = "The minister said the talks\nwould resume on Monday in Geneva."
    parsed = parse(nlp, Document(id="d", text=text))
    assert len(list(parsed.doc.sents)) == 1
