"""A country's demonym as a mention of the country: "a Venezuelan urbanist", "the Czech
border", "Tarvo is Swedish" name Venezuela, Czechia and Sweden, as a lead's adjectives
often do where the country's own name never appears.

`demonym_spans(view)` yields the demonyms ("Iranian", "South African") that modify a word
after them or are a copula's complement, written alone: no part of another entity's name
("American Airlines"), not a name of a country themselves ("Panama"), not a language
("in English": no modifier of a later word), not a plural noun ("Germans" name people)
and not before a capitalized word ("the Norwegian Cup", "Canadian Pacific": a name's start);
nor one in a sentence about a person ("a German internist": a nationality, not a place named).
The stage links each to its country's Place entity, making it when absent (rule
"demonym-mention"), so the gazetteers' containment of the document's places
(`resolve.geo_containment`) can reach a country the text names this way only.
Read-only: yields spans.
"""
from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span

from graphbuild.extract.view import DocumentView
from graphbuild.lexicon import countries

DEMONYM_MENTION = "demonym-mention"  # one of `model.REFERRING_RULES`: it names no one
MAX_WORDS = 2  # "South African", "New Zealander"
MODIFIER_DEPS = frozenset("amod compound nmod".split())
COMPLEMENT_DEPS = frozenset("acomp attr".split())
TAGS = frozenset("NORP".split())


def _modifies_or_complements(span: Span) -> bool:
    last = span[-1]
    if last.dep_ in MODIFIER_DEPS:
        return last.head.i > last.i
    return last.dep_ in COMPLEMENT_DEPS and last.tag_ == "JJ"


def _describes_person(view: DocumentView, span: Span) -> bool:
    """The demonym is said of a person ("X was a German internist", "Spanish singer
    Ana Roe") or stands in a sentence about one ("He wrote for a British magazine"): a
    nationality or a detail of a life, which says little of where the places named lie."""
    noun = span[-1].head if span[-1].dep_ in MODIFIER_DEPS else span[-1]
    while noun.dep_ in MODIFIER_DEPS and noun.head.i > noun.i:
        noun = noun.head
    subject = noun
    if noun.dep_ == "conj" and noun.head.dep_ in ("attr", "appos"):
        noun = noun.head
    if noun.dep_ in ("attr", "acomp"):
        subject = next((c for c in noun.head.children if c.dep_ == "nsubj"), noun)
    elif noun.dep_ == "appos":
        subject = noun.head
    root = span.sent.root
    clause = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), root)
    opening = next((t for t in span.sent if view.token_entity(t) is not None), root)  # "X (died 1300) was ..."
    for tok in {noun, subject, clause, opening}:
        eid = view.token_entity(tok) or view.referent(tok)
        if eid is not None and view.kind(eid) == "Person":
            return True
    return False


def _demonym(span: Span) -> bool:
    text = span.text
    if countries.by_demonym(text) is None or countries.by_name(text) is not None:
        return False
    last = span[-1]
    if last.tag_ in ("NNS", "NNPS") or last.lower_.endswith("s") and countries.by_demonym(text[:-1]) is not None:
        return False  # "Germans": the people
    return all(t.ent_type_ in TAGS or not t.ent_type_ for t in span)


def demonym_spans(view: DocumentView) -> Iterator[Span]:
    """The demonyms of the document that name their country (module docstring)."""
    doc = view.doc
    i = 0
    while i < len(doc):
        found = None
        for n in range(MAX_WORDS, 0, -1):
            span = doc[i : i + n]
            if len(span) == n and span.text[:1].isupper() and _demonym(span):
                found = span
                break
        if found is None:
            i += 1
            continue
        i = found.end
        if any(view.token_entity(t) is not None for t in found):
            continue
        if not _modifies_or_complements(found) or _describes_person(view, found):
            continue
        before = doc[found.start - 1] if found.start > 0 else None
        after = doc[found.end] if found.end < len(doc) else None
        if before is not None and before.ent_type_ and before.ent_type_ not in TAGS and view.token_entity(before):
            continue  # inside a longer name the model tagged
        if after is not None and after.text[:1].isupper():
            continue  # "the Norwegian Cup", "Canadian Pacific": the start of a name
        yield found
