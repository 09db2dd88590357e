"""The relations stage: roles, affiliations, places and quotes of one document.

`relations_stage(parsed, model)` is registered in `analyze._stages()`. The extractors
(`title_phrases`, `roles`, `organizations`, `affiliation`, `places`, `quotes`) only read
a `DocumentView` and return records; this module applies them, in one place: new
entities get their ids here, sentences become evidence offsets, duplicate facts merge.

Where a rule depends on what an earlier one added, the stage applies in sequence and
finds again on the new view: an organization created for one title is the one a later
title names; a country created from a demonym is reused by the next; possessive
affiliations, places and quotes see every entity the title rules made.
"""
from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Span

from graphbuild.containment import closure
from graphbuild.extract import affiliation, memberships, person_facts, place_phrases, places, quotes, roles
from graphbuild.extract import affiliation_phrases, band_members, employment_phrases
from graphbuild.extract.nationality_phrases import nationality_phrases
from graphbuild.extract.origin_phrases import origin_places
from graphbuild.extract.residence_phrases import residence_places
from graphbuild.extract.organizations import NOTHING, resolve_organization
from graphbuild.extract.demonym_mentions import DEMONYM_MENTION, demonym_spans
from graphbuild.extract.descriptions import referring_spans
from graphbuild.extract.records import (
    FoundMembership, FoundQuote, FoundRelation, FoundTitle, NewEntity, NewMention,
)
from graphbuild.extract.title_phrases import title_phrases
from graphbuild.extract.unnamed import fold_unnamed, split_unnamed
from graphbuild.extract.view import DocumentView
from graphbuild.model import Entity, Evidence, GraphModel, Membership, Mention, Quote, Relation
from graphbuild.nlp import ParsedDocument

Record = FoundRelation | FoundMembership | FoundTitle | FoundQuote


def relations_stage(parsed: ParsedDocument, model: GraphModel) -> GraphModel:
    """The model with titles, memberships, relations (headOf, memberOf, worksFor,
    nationality, containedInPlace, homeLocation) and quotes of `parsed` added."""
    out = _Additions(parsed, model)
    phrases = title_phrases(out.view)
    for tp in phrases:  # one at a time: a title may create the organization the next names
        found = NOTHING
        if tp.affiliation is not None and tp.title is not None and tp.head is not None:
            found = resolve_organization(out.view, tp.affiliation)
        out.add_all(roles.title_records(tp, out.entity_of(found.organization), found.place))
    out.add_all(roles.possessive_affiliations(out.view, phrases, {(s, o) for s, _, o in out.relations}))
    described = [*person_facts.nationality_words(out.view), *nationality_phrases(out.view)]
    for words in [*affiliation.country_words(phrases), *described]:  # one at a time: a new country is reused
        country = out.entity_of(affiliation.country_entity(out.view, words.span, create=words.rule == "demonym"))
        if country is not None:
            out.add(affiliation.nationality(words, country))
    out.add_all(places.find_places(out.view))
    out.add_all(person_facts.birth_places(out.view))
    out.add_all(origin_places(out.view))
    out.add_all(residence_places(out.view))
    out.add_all(memberships.affiliations(out.view))
    out.add_all(employment_phrases.find_employment_phrases(out.view))
    out.add_all(band_members.find_band_members(out.view))
    for found in list(affiliation_phrases.find_affiliation_phrases(out.view)):  # one at a time: a new party is reused
        out.add_all(filter(None, [affiliation_phrases.relation_of(found, out.view, out.entity_of)]))
    for found in list(place_phrases.find_place_phrases(out.view)):
        if isinstance(found, place_phrases.CountryRef):  # one at a time: a new country is reused
            country = out.entity_of(affiliation.country_entity(out.view, found.span, create=True))
            if country is not None:
                out.add(place_phrases.country_ref_relation(found, country))
        else:
            out.add(found)
    out.close_containment()
    out.add_all(quotes.find_quotes(out.view))
    return out.model()


def referring_stage(parsed: ParsedDocument, model: GraphModel) -> GraphModel:
    """The model with each pronoun or definite subject linked to an entity
    (`extract.pronouns`) as one more mention of it, with the link's rule; no alias is
    made of it. The last stage, so that no extractor reads "he" as a name."""
    named, unnamed = split_unnamed(model)
    out = _Additions(parsed, named)
    out.add_referring_mentions()
    out.add_demonym_mentions()
    return fold_unnamed(out.model(), unnamed)


class _Additions:
    """One document's additions, applied record by record; `view` is always current."""

    def __init__(self, parsed: ParsedDocument, model: GraphModel):
        self.parsed = parsed
        self.doc_id = parsed.document.id
        self.base = model
        self.entities: dict[str, Entity] = {e.id: e for e in model.entities}
        self.view = DocumentView(parsed, tuple(self.entities.values()))
        self.relations: dict[tuple[str, str, str], Relation] = {}
        self.memberships: dict[tuple[str, str, str], Membership] = {}
        self.quotes: list[Quote] = []
        self._titles: dict[str, list[str]] = {}

    # -- entities -----------------------------------------------------------------
    def entity_of(self, found: str | NewEntity | NewMention | None) -> str | None:
        """The entity id of an extractor's answer, creating or extending the entity."""
        if isinstance(found, NewEntity):
            return self._add_entity(found)
        if isinstance(found, NewMention):
            self._add_mention(found)
            return found.entity
        return found

    def _add_entity(self, new: NewEntity) -> str:
        sent = new.span.sent if new.span.doc.has_annotation("SENT_START") else new.span
        mention = self._mention(new.span, sent, new.ner_label, new.rule)
        n = len(self.entities) + 1
        while f"e{n}" in self.entities:
            n += 1
        eid = f"e{n}"
        self.entities[eid] = Entity(eid, new.kind, new.label, mentions=(mention,))
        self._reindex()
        return eid

    def _add_mention(self, new: NewMention) -> None:
        """`new.span` as one more mention of its entity (if not already one)."""
        if self.view.index.at(*self.parsed.source(new.span.start_char, new.span.end_char)) == new.entity:
            return
        e = self.entities[new.entity]
        mention = self._mention(new.span, new.span.sent, new.ner_label, new.rule)
        text = mention.text
        alts = e.alt_labels if text in e.alt_labels or text == e.label else e.alt_labels + (text,)
        self.entities[new.entity] = replace(e, mentions=e.mentions + (mention,), alt_labels=alts)
        self._reindex()

    def _mention(self, span: Span, sent: Span, ner_label: str, rule: str) -> Mention:
        start, end = self.parsed.source(span.start_char, span.end_char)
        s_start, s_end = self.parsed.source(sent.start_char, sent.end_char)
        return Mention(self.doc_id, start, end, self.parsed.document.text[start:end], ner_label, s_start, s_end, rule)

    def add_referring_mentions(self) -> None:
        """Each link of `descriptions.referring_spans` as a mention of its entity."""
        added: dict[str, list[Mention]] = {}
        for span, link in referring_spans(self.view):
            added.setdefault(link.entity, []).append(self._mention(span, span.sent, _label(self.entities[link.entity]), link.rule))
        for eid, ms in added.items():
            self.entities[eid] = replace(self.entities[eid], mentions=self.entities[eid].mentions + tuple(ms))
        if added:
            self._reindex()

    def add_demonym_mentions(self) -> None:
        """Each span of `demonym_mentions.demonym_spans` as a mention of its country's
        Place entity (no alt label: "Czech" names no place), made when the document names
        that country in no other way (its name is then its mention)."""
        for span in list(demonym_spans(self.view)):
            found = affiliation.country_entity(self.view, span, create=True)
            if isinstance(found, NewEntity):
                self.entity_of(found._replace(ner_label="NORP", rule=DEMONYM_MENTION))
            elif found is not None and all(m.rule in (DEMONYM_MENTION, "demonym") for m in self.entities[found].mentions):
                e = self.entities[found]
                self.entities[found] = replace(e, mentions=e.mentions + (self._mention(span, span.sent, "NORP", DEMONYM_MENTION),))
                self._reindex()

    def _reindex(self) -> None:
        self.view = self.view.with_entities(tuple(self.entities.values()))

    # -- facts --------------------------------------------------------------------
    def add_all(self, records) -> None:
        for r in records:
            self.add(r)

    def add(self, r: Record) -> None:
        if isinstance(r, FoundRelation):
            if r.subject != r.object:
                fact = Relation(r.subject, r.predicate, r.object, ())
                _add_evidence(self.relations, (r.subject, r.predicate, r.object), fact, self._evidence(r))
        elif isinstance(r, FoundMembership):
            if r.member != r.organization:
                fact = Membership(r.member, r.organization, r.role, ())
                _add_evidence(self.memberships, (r.member, r.organization, r.role), fact, self._evidence(r))
        elif isinstance(r, FoundTitle):
            titles = self._titles.setdefault(r.entity, [])
            if r.title and r.title not in set(self.entities[r.entity].titles) | set(titles):
                titles.append(r.title)
        else:
            self._add_quote(r)

    def close_containment(self) -> None:
        """Add what the document's containedInPlace edges imply (A in B in C: A in C), on
        the evidence of the edge A in B, rule "place-transitive"."""
        pairs = {(s, o) for s, p, o in self.relations if p == place_phrases.CONTAINED}
        for (a, c), (_, b) in closure(pairs).items():
            first = self.relations.get((a, place_phrases.CONTAINED, b))
            if first is None or not first.evidence:
                continue
            ev = replace(first.evidence[0], rule="place-transitive", confidence=0.75)
            _add_evidence(self.relations, (a, place_phrases.CONTAINED, c),
                          Relation(a, place_phrases.CONTAINED, c, ()), ev)

    def _evidence(self, r: FoundRelation | FoundMembership) -> Evidence:
        start, end = self.parsed.source(r.sentence.start_char, r.sentence.end_char)
        return Evidence(self.doc_id, start, end, r.rule, r.confidence)

    def _add_quote(self, q: FoundQuote) -> None:
        s, e = self.parsed.source(q.start, q.end)
        ss, se = self.parsed.source(q.sentence_start, q.sentence_end)
        if any(x.start == s and x.end == e for x in self.quotes):
            return
        text = self.parsed.document.text[s:e]
        ev = Evidence(self.doc_id, ss, se, q.rule, q.confidence)
        self.quotes.append(Quote(f"q{len(self.quotes) + 1}", q.speaker, text, self.doc_id, s, e, (ev,)))

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


def _label(e: Entity) -> str:
    """The NER-style label of a referring mention of `e`: its other mentions' first label."""
    return next((m.label for m in e.mentions if m.label), "PERSON" if e.kind == "Person" else "ORG")
