"""Spans that are parts of titles, not names (`extract.mentions` drops them): "Defence"
of "Defence Secretary", "State" of "Secretary of State", "GM" of "assistant GM"; and a
title's portfolio word the model took into a name ("Telangana Industries" of "Telangana
Industries Minister": `without_portfolio` gives "Telangana")."""
from __future__ import annotations

import re

from graphbuild.extract.layout import Span
from graphbuild.lexicon.roles import MODIFIERS, ROLE_NOUNS
from graphbuild.names import is_honorific, is_title_noun
from graphbuild.nlp import ParsedDocument

# Lowercase words before an abbreviated title ("assistant GM", "senior VP").
_TITLE_QUALIFIERS = frozenset("assistant associate deputy vice senior acting interim".split())


def title_fragment(parsed: ParsedDocument, span: Span) -> bool:
    """A one-word non-person span that belongs to a title phrase: "Defence" in "Defence
    Secretary" or "Defense attorney", "Supreme" in "Supreme Leader", "State" in "Secretary
    of State", "GM" in "assistant GM"."""
    if span.label == "PERSON":
        return False
    doc = parsed.doc
    tokens = doc.char_span(span.start, span.end, alignment_mode="expand")
    if tokens is None or len(tokens) != 1:
        return False
    i = tokens.start
    after = doc[i + 1] if i + 1 < len(doc) else None
    if after is not None and after.text[:1].isupper() and (is_title_noun(after.text) or is_honorific(after.text)):
        return not _is_place_adjective(doc[i])
    if after is not None and after.is_lower and after.lemma_ in ROLE_NOUNS and doc[i].lower_ in MODIFIERS:
        return True  # "Defense attorney", "Health officials": the field of a job
    if i >= 1 and doc[i - 1].is_lower and doc[i - 1].lower_ in _TITLE_QUALIFIERS and doc[i].text.isupper() \
            and not (after is not None and after.is_lower and after.pos_ == "NOUN"):
        return True  # "assistant GM", "senior VP": an abbreviated title; not "senior GM engineers"
    if i >= 2 and doc[i - 1].lower_ in ("of", "for") and is_title_noun(doc[i - 2].text) and doc[i - 2].text[:1].isupper():
        # "State" of "Secretary of State" is the title's; "Canada" of "Prime Minister of
        # Canada" is the office's country, a place the tagger saw as one
        return span.label not in ("GPE", "LOC")
    return False


def _is_place_adjective(token) -> bool:
    # "US Secretary", "NATO Secretary General": a place or an acronym in front of a
    # title is still a name; "Defence", "Supreme" are words of the title.
    return token.ent_type_ in ("GPE", "LOC") or token.is_upper


_NEXT_WORD = re.compile(r" ([A-Z][a-z]+)\b")


def without_portfolio(text: str, span: Span) -> Span:
    """`span` less its last word when that word is a portfolio and a title noun follows
    ("Telangana Industries" + " Minister", "UK Health" + " Secretary"); else `span`."""
    words = text[span.start:span.end].split(" ")
    after = _NEXT_WORD.match(text, span.end)
    if len(words) < 2 or span.label == "PERSON" or after is None or not is_title_noun(after.group(1)):
        return span
    last = words[-1].casefold()
    singular = last[:-3] + "y" if last.endswith("ies") else last[:-1] if last.endswith("s") else last
    if last in MODIFIERS or singular in MODIFIERS:
        return Span(span.start, span.end - len(words[-1]) - 1, span.label, span.rule)
    return span
