"""A read-only view of one document for the relation extractors: the parse and the
document's entities, with span -> entity lookups.

Extractors read a `DocumentView` and yield records; only the stage makes a new view
(`with_entities`) after it has applied records that add entities. Lookups are memoized
per view, which is safe because a view never changes.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from graphbuild.extract.index import EntityIndex
from graphbuild.model import Entity
from graphbuild.nlp import ParsedDocument


@dataclass(frozen=True, eq=False)
class DocumentView:
    """The parse of one document and its entities (in id order of creation)."""

    parsed: ParsedDocument
    entities: tuple[Entity, ...]
    index: EntityIndex = field(init=False, repr=False)
    _by_id: dict[str, Entity] = field(init=False, repr=False)
    _token_entities: dict[int, str | None] = field(init=False, repr=False)  # token index -> entity id
    _spans: dict[tuple[str, ...], list[tuple[str, Span]]] = field(init=False, repr=False)
    _pronouns: dict = field(init=False, repr=False)  # memo of `pronouns.pronoun_links`

    def __post_init__(self) -> None:
        object.__setattr__(self, "index", EntityIndex(self.entities))
        object.__setattr__(self, "_by_id", {e.id: e for e in self.entities})
        object.__setattr__(self, "_token_entities", {})
        object.__setattr__(self, "_spans", {})
        object.__setattr__(self, "_pronouns", {})

    def with_entities(self, entities: tuple[Entity, ...]) -> DocumentView:
        return DocumentView(self.parsed, entities)

    @property
    def doc(self):
        return self.parsed.doc

    def source(self, start: int, end: int) -> tuple[int, int]:
        """Source offsets of the doc character span [start, end)."""
        return self.parsed.source(start, end)

    def entity(self, entity_id: str) -> Entity:
        return self._by_id[entity_id]

    def kind(self, entity_id: str) -> str:
        return self._by_id[entity_id].kind

    def label(self, entity_id: str) -> str:
        return self._by_id[entity_id].label

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
        """The entity id of `token`."""
        if token.i not in self._token_entities:
            self._token_entities[token.i] = self.entity_at(token.idx, token.idx + len(token))
        return self._token_entities[token.i]

    def referent(self, token: Token) -> str | None:
        """The entity `token` names, or the one it stands for as a pronoun or definite
        subject ("He was born in ...", "The company is based in ...": `extract.pronouns`)."""
        eid = self.token_entity(token)
        if eid is not None:
            return eid
        if "links" not in self._pronouns:
            from graphbuild.extract.pronouns import pronoun_links

            self._pronouns["links"] = pronoun_links(self)
        link = self._pronouns["links"].get(token.i)
        return None if link is None else link.entity

    def token_kind(self, token: Token) -> str | None:
        """The kind of the entity of `token`, or None when it is no entity's."""
        eid = self.token_entity(token)
        return None if eid is None else self.kind(eid)

    def entity_spans(self, kinds: tuple[str, ...]) -> list[tuple[str, Span]]:
        """Maximal token runs of the parse that belong to one entity of `kinds`."""
        if () not in self._spans:  # the runs of every entity, found once per view
            self._spans[()] = self._runs()
        return [(eid, span) for eid, span in self._spans[()] if self.kind(eid) in kinds]

    def _runs(self) -> list[tuple[str, Span]]:
        """Maximal runs of tokens of one entity within one sentence (a run of an entity
        of other kinds is skipped whole, so filtering these by kind gives the runs of
        those kinds)."""
        doc = self.parsed.doc
        sentence = [0] * len(doc)  # token -> start of its sentence (Token.sent is costly)
        for sent in doc.sents:
            sentence[sent.start:sent.end] = [sent.start] * (sent.end - sent.start)
        out: list[tuple[str, Span]] = []
        i = 0
        while i < len(doc):
            eid = self.token_entity(doc[i]) if not doc[i].is_punct or doc[i].text == "." else None
            if eid is None:
                i += 1
                continue
            j = i + 1
            while j < len(doc) and self.token_entity(doc[j]) == eid and sentence[j] == sentence[i]:
                j += 1
            out.append((eid, doc[i:j]))
            i = j
        return out

    def find_by_label(self, names: set[str], kind: str) -> str | None:
        """The first entity of `kind` whose label or alt label is one of `names`."""
        folded = {n.casefold() for n in names}
        for e in self.entities:
            if e.kind == kind and ({e.label.casefold()} | {a.casefold() for a in e.alt_labels}) & folded:
                return e.id
        return None
