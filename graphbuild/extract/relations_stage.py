"""The relations stage: roles, affiliations, places and quotes of one document.

`relations_stage(parsed, model)` is registered in `analyze._stages()`. The extractors
(`roles`, `affiliation`, `places`, `quotes`) share one `Builder`, which maps spans of the
parse to entity ids, creates the few entities a rule may add (a country named by its
demonym, an organization named in a title), and collects relations, memberships, titles
and quotes with their evidence, merging duplicates.
"""
from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Span, Token

from graphbuild.extract.index import EntityIndex
from graphbuild.model import Entity, Evidence, GraphModel, Membership, Mention, Quote, Relation
from graphbuild.nlp import ParsedDocument

PERSON = "Person"
ORGANIZATION = "Organization"
PLACE = "Place"


class Builder:
    """Accumulates one document's additions; `model()` returns the extended model."""

    def __init__(self, parsed: ParsedDocument, model: GraphModel):
        self.parsed = parsed
        self.doc_id = parsed.document.id
        self.base = model
        self.entities: dict[str, Entity] = {e.id: e for e in model.entities}
        self.index = EntityIndex(tuple(self.entities.values()))
        self.relations: dict[tuple[str, str, str], Relation] = {}
        self.memberships: dict[tuple[str, str, str], Membership] = {}
        self.quotes: list[Quote] = []
        self._titles: dict[str, list[str]] = {}
        self._token_entities: dict[int, str | None] = {}  # token index -> entity id

    # -- spans and entities -------------------------------------------------------
    def source(self, start: int, end: int) -> tuple[int, int]:
        """Source offsets of the doc character span [start, end)."""
        return self.parsed.source(start, end)

    def entity_at(self, start: int, end: int, kinds: tuple[str, ...] = ()) -> str | None:
        """The entity whose mention overlaps the doc char span [start, end), if of `kinds`."""
        if end <= start:
            return None
        eid = self.index.at(*self.source(start, end))
        if eid is None or (kinds and self.kind(eid) not in kinds):
            return None
        return eid

    def entity_of_tokens(self, tokens: Span | list[Token], kinds: tuple[str, ...] = ()) -> str | None:
        toks = list(tokens)
        if not toks:
            return None
        return self.entity_at(toks[0].idx, toks[-1].idx + len(toks[-1]), kinds)

    def token_entity(self, token: Token) -> str | None:
        """The entity id of `token` (cached until the index changes)."""
        if token.i not in self._token_entities:
            self._token_entities[token.i] = self.entity_at(token.idx, token.idx + len(token))
        return self._token_entities[token.i]

    def token_kind(self, token: Token) -> str | None:
        """The kind of the entity of `token`, or None when it is no entity's."""
        eid = self.token_entity(token)
        return None if eid is None else self.kind(eid)

    def entity_spans(self, kinds: tuple[str, ...]) -> list[tuple[str, Span]]:
        """Maximal token runs of the parse that belong to one entity of `kinds`."""
        doc = self.parsed.doc
        out: list[tuple[str, Span]] = []
        i = 0
        while i < len(doc):
            eid = self.token_entity(doc[i]) if not doc[i].is_punct or doc[i].text == "." else None
            if eid is None or self.kind(eid) not in kinds:
                i += 1
                continue
            j = i + 1
            while j < len(doc) and self.token_entity(doc[j]) == eid and doc[j].sent.start == doc[i].sent.start:
                j += 1
            out.append((eid, doc[i:j]))
            i = j
        return out

    def kind(self, entity_id: str) -> str:
        return self.entities[entity_id].kind

    def label(self, entity_id: str) -> str:
        return self.entities[entity_id].label

    def find_by_label(self, names: set[str], kind: str) -> str | None:
        """An existing entity of `kind` whose label or alt label is one of `names`."""
        folded = {n.casefold() for n in names}
        for e in self.entities.values():
            if e.kind == kind and ({e.label.casefold()} | {a.casefold() for a in e.alt_labels}) & folded:
                return e.id
        return None

    def add_entity(self, kind: str, label: str, span: Span, ner_label: str, rule: str) -> str:
        """Create an entity for `span` (or extend the one already there)."""
        sent = span.sent if span.doc.has_annotation("SENT_START") else span
        mention = self._mention(span, sent, ner_label, rule)
        n = len(self.entities) + 1
        while f"e{n}" in self.entities:
            n += 1
        eid = f"e{n}"
        self.entities[eid] = Entity(eid, kind, label, mentions=(mention,))
        self._reindex()
        return eid

    def add_mention(self, entity_id: str, span: Span, ner_label: str, rule: str) -> None:
        """Record `span` as one more mention of an existing entity (if not already one)."""
        if self.index.at(*self.source(span.start_char, span.end_char)) == entity_id:
            return
        e = self.entities[entity_id]
        mention = self._mention(span, span.sent, ner_label, rule)
        text = mention.text
        alts = e.alt_labels if text in e.alt_labels or text == e.label else e.alt_labels + (text,)
        self.entities[entity_id] = replace(e, mentions=e.mentions + (mention,), alt_labels=alts)
        self._reindex()

    def _mention(self, span: Span, sent: Span, ner_label: str, rule: str) -> Mention:
        start, end = self.source(span.start_char, span.end_char)
        s_start, s_end = self.source(sent.start_char, sent.end_char)
        return Mention(self.doc_id, start, end, self.parsed.document.text[start:end], ner_label, s_start, s_end, rule)

    def _reindex(self) -> None:
        self.index = EntityIndex(tuple(self.entities.values()))
        self._token_entities.clear()

    # -- facts --------------------------------------------------------------------
    def evidence(self, sent: Span, rule: str, confidence: float) -> Evidence:
        start, end = self.source(sent.start_char, sent.end_char)
        return Evidence(self.doc_id, start, end, rule, confidence)

    def add_relation(self, subject: str, predicate: str, obj: str, sent: Span, rule: str, confidence: float) -> None:
        if subject != obj:
            ev = self.evidence(sent, rule, confidence)
            _add_evidence(self.relations, (subject, predicate, obj), Relation(subject, predicate, obj, ()), ev)

    def add_membership(self, member: str, organization: str, role: str, sent: Span, rule: str, confidence: float) -> None:
        if member != organization:
            ev = self.evidence(sent, rule, confidence)
            _add_evidence(self.memberships, (member, organization, role), Membership(member, organization, role, ()), ev)

    def add_title(self, entity_id: str, title: str) -> None:
        titles = self._titles.setdefault(entity_id, [])
        existing = set(self.entities[entity_id].titles) | set(titles)
        if title and title not in existing:
            titles.append(title)

    def add_quote(self, speaker: str | None, start: int, end: int, sent_start: int, sent_end: int,
                  rule: str, confidence: float) -> None:
        """A quote of the doc char span [start, end) in the sentence(s) [sent_start, sent_end)."""
        s, e = self.source(start, end)
        ss, se = self.source(sent_start, sent_end)
        if any(q.start == s and q.end == e for q in self.quotes):
            return
        text = self.parsed.document.text[s:e]
        ev = Evidence(self.doc_id, ss, se, rule, confidence)
        self.quotes.append(Quote(f"q{len(self.quotes) + 1}", speaker, text, self.doc_id, s, e, (ev,)))

    def model(self) -> GraphModel:
        entities = tuple(
            replace(e, titles=e.titles + tuple(self._titles.get(e.id, ()))) if self._titles.get(e.id) else e
            for e in self.entities.values()
        )
        return replace(
            self.base,
            entities=entities,
            relations=self.base.relations + tuple(self.relations.values()),
            memberships=self.base.memberships + tuple(self.memberships.values()),
            quotes=self.base.quotes + tuple(self.quotes),
        )


def _add_evidence(facts: dict, key: tuple[str, str, str], fact: Relation | Membership, ev: Evidence) -> None:
    """Store `fact` under `key` with evidence `ev`, or add `ev` to the fact stored there."""
    old = facts.get(key, fact)
    if ev not in old.evidence:
        facts[key] = replace(old, evidence=old.evidence + (ev,))


def relations_stage(parsed: ParsedDocument, model: GraphModel) -> GraphModel:
    """The model with titles, memberships, relations (headOf, memberOf, worksFor,
    nationality, containedInPlace, homeLocation) and quotes of `parsed` added."""
    from graphbuild.extract import affiliation, places, quotes, roles

    b = Builder(parsed, model)
    roles.extract_roles(b)
    affiliation.extract_affiliations(b)
    places.extract_places(b)
    quotes.extract_quotes(b)
    return b.model()
