"""Which organization the words of a title's affiliation name: an Organization entity
already there, the short form of one named in full ("Chargers"), or a capitalized name
that becomes a new Organization entity (rule "title-object"). Read-only: a new entity
or mention comes back as a record for the stage to apply."""
from __future__ import annotations

from typing import NamedTuple

from spacy.tokens import Span, Token

from graphbuild.extract.records import NewEntity, NewMention
from graphbuild.extract.view import DocumentView
from graphbuild.lexicon.roles import PORTFOLIOS


class Affiliation(NamedTuple):
    """What an affiliation names: an organization (an entity id, or a record that makes
    or extends one) or else a place (an entity id); both None when neither."""

    organization: str | NewEntity | NewMention | None
    place: str | None


NOTHING = Affiliation(None, None)


def _strip_det(tokens: list[Token]) -> list[Token]:
    while tokens and tokens[0].dep_ == "det" or (tokens and tokens[0].lower_ in ("the", "a", "an")):
        tokens = tokens[1:]
    return tokens


def names_organization(view: DocumentView, tokens: Span) -> bool:
    """The tokens hold an Organization entity or a capitalized name."""
    if any(view.token_kind(t) == "Organization" for t in tokens):
        return True
    return _is_proper_name(_org_name(list(tokens)))


def _org_name(tokens: list[Token]) -> list[Token]:
    """The organization part of an affiliation: after a possessive ("Iran's X" -> X),
    before a trailing "in <place>"; determiners dropped."""
    tokens = _strip_det(tokens)
    pos = [k for k, t in enumerate(tokens) if t.tag_ == "POS"]
    if pos:
        tokens = _strip_det(tokens[pos[-1] + 1 :])
    for k, t in enumerate(tokens):
        if t.text in ("in", "at", "on", "from", "who", "which", "that"):  # lowercase: "WHO" is a name
            return tokens[:k]
    return tokens


def _is_proper_name(tokens: list[Token]) -> bool:
    content = [t for t in tokens if t.is_alpha and t.lower_ not in ("of", "and", "for", "the", "&")]
    return bool(content) and all(t.text[:1].isupper() for t in content) and any(t.pos_ == "PROPN" for t in tokens)


def resolve_organization(view: DocumentView, affiliation: Span) -> Affiliation:
    """What the affiliation tokens name. An existing Organization entity wins; a
    capitalized name not yet an entity becomes one (rule "title-object"); else a Place."""
    tokens = list(affiliation)
    name = _org_name(tokens)
    org = view.entity_of_tokens(name, ("Organization",)) if name else None
    if org is not None:
        return Affiliation(org, None)
    whole = view.entity_of_tokens(tokens)
    if whole is not None and view.kind(whole) == "Place" and (not name or view.entity_of_tokens(name) == whole):
        return Affiliation(None, whole)
    if name and all(t.tag_ in ("NNS", "NNPS") and t.text[:1].isupper() for t in name):
        # a short name of an organization named in full elsewhere ("Chargers")
        short = affiliation.doc[name[0].i : name[-1].i + 1]
        full = _org_ending_with(view, short.text)
        if full is not None:
            return Affiliation(NewMention(full, short, "ORG", "title-object"), None)
        if short.start != short.sent.start:  # capitalized mid-sentence: a name
            existing = view.find_by_label({short.text}, "Organization")
            return Affiliation(existing or NewEntity("Organization", short.text, short, "ORG", "title-object"), None)
    if name and _is_proper_name(name) and not any(view.token_kind(t) == "Person" for t in name):
        span = affiliation.doc[name[0].i : name[-1].i + 1]
        if span.text.casefold() in PORTFOLIOS:
            return NOTHING
        existing = view.find_by_label({span.text}, "Organization")
        if existing:
            return Affiliation(existing, None)
        if any(t.ent_type_ in ("GPE", "NORP", "PERSON") for t in span):
            return NOTHING
        return Affiliation(NewEntity("Organization", span.text, span, "ORG", "title-object"), None)
    return NOTHING


def _org_ending_with(view: DocumentView, name: str) -> str | None:
    """The one Organization whose label is `name` or ends with it as whole words."""
    folded = name.casefold()
    found = {
        e.id for e in view.entities
        if e.kind == "Organization" and (e.label.casefold() == folded or e.label.casefold().endswith(" " + folded))
    }
    return found.pop() if len(found) == 1 else None
