"""Places the model left untagged where a text writes them onto "-based" or "-born"
("the Enugu-born forward", "a Zaragoza-based builder"): gazetteer names only. Works in
the parser's text coordinates, like `extract.mentions`."""
from __future__ import annotations

import re

from graphbuild.extract.layout import Span
from graphbuild.lexicon.name_forms import in_gazetteer
from graphbuild.lexicon.words import FUNCTION_WORDS

# A capitalized run written onto "-based" or "-born" ("the Enugu-born forward").
_BEFORE_LOCATED = re.compile(r"[A-Z][\w'’.]*(?: [A-Z][\w'’.]*){0,2}(?=-(?:based|born|headquartered)\b)")


def located_places(text: str, spans: list[Span]) -> list[Span]:
    """Places the model missed before "-based" or "-born": the longest end of the
    capitalized run that the gazetteers know ("Enugu" of "The Enugu-born"; rule
    "name-shape", GPE)."""
    out = []
    for m in _BEFORE_LOCATED.finditer(text):
        words = m.group().split(" ")
        for k in range(len(words)):
            a = m.end() - len(" ".join(words[k:]))
            if words[k].casefold() not in FUNCTION_WORDS and in_gazetteer(text[a:m.end()]):
                if not any(s.start < m.end() and a < s.end for s in spans):
                    out.append(Span(a, m.end(), "GPE", "name-shape"))
                break
    return out
