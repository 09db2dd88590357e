"""What the relation extractors find: small frozen records over the parse.

Extractors yield these; `relations_stage` applies them (gives new entities their ids,
turns sentences into evidence offsets, merges duplicate facts). Spans and offsets are
in parse coordinates; entity ids are the document's.
"""
from __future__ import annotations

from typing import NamedTuple

from spacy.tokens import Span


class NewEntity(NamedTuple):
    """An entity a rule names that the document has none for (a country named by its
    demonym, an organization named in a title)."""

    kind: str
    label: str
    span: Span
    ner_label: str
    rule: str


class NewMention(NamedTuple):
    """One more mention of an existing entity (the short form of an organization)."""

    entity: str
    span: Span
    ner_label: str
    rule: str


class FoundRelation(NamedTuple):
    subject: str
    predicate: str
    object: str
    sentence: Span
    rule: str
    confidence: float


class FoundMembership(NamedTuple):
    member: str
    organization: str
    role: str
    sentence: Span
    rule: str
    confidence: float


class FoundTitle(NamedTuple):
    entity: str
    title: str


class FoundQuote(NamedTuple):
    """A quote of the doc char span [start, end) in the sentence(s) [sentence_start,
    sentence_end), attributed to `speaker` (an entity id) or to nobody."""

    speaker: str | None
    start: int
    end: int
    sentence_start: int
    sentence_end: int
    rule: str
    confidence: float

