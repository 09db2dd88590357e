"""Definite descriptions that stand for a named entity because the document has tied
their noun to that name, within one document (rule-based, read from the parse: no
coreference model's weights can be had here).

Contract: `description_links(view)` maps the token index of the head noun of each such
description to a `PronounLink(entity, "description")`, reading only the parse and the
view's entities (with their titles); the same view gives the same links. The links are
referring mentions only (`model.REFERRING_RULES`): never names, aliases or relation
arguments. `referring_spans(view)` gives these and the `pronouns.pronoun_links` as spans,
for the referring stage to publish.

A tie makes a common noun one entity's description: an apposition to the name ("Ann
Varga, the comedian"; not a name in apposition to the noun, as in "her show, Varga"),
the attribute of a copula whose subject is the name ("Varga will be the host"), an "as"
complement of a verb with the name as its object or subject ("named Varga as host",
"Varga returns as host"), a noun compounded before a person's name ("comedian Ann
Varga"), the last word of a title the extractors gave the entity ("Coach Ann Varga"), or
the organization head noun an organization's name ends in ("the navy" of "Varland Navy").
A tied noun inside the name's own phrase (compound, apposition) is not published: it
belongs to the name's mention. A predicate tie (copula attribute, "as" complement) of a
person is a mention of its own (a role; said of a body or place it is mostly a
characterization: "the festival is a force") ("Varga will be the host"), from its first word ("the host"; after a
possessive: "Kim's successor" gives "successor"). A later definite noun phrase with the tied noun's lemma and number as its head ("the host", "this
comedian") is, when the document ties that lemma to one entity only and no other
entity of its kind has been named since its last name.
"""
from __future__ import annotations

from spacy.tokens import Span, Token

from graphbuild.extract.pronouns import RELATIVE, DocumentView, PronounLink, pronoun_links

NOUN_RULES = frozenset({"definite-subject", "description"})
# Ties inside the name's own noun phrase ("comedian Ann Varga", "Ann Varga, the comedian"):
# the noun belongs to the name's mention; a predicate ("Varga will be the host") is one of its own.
NAME_PHRASE_DEPS = frozenset({"compound", "appos"})  # links whose span is a noun phrase
TITLE_PREPS = frozenset("of for".split())
COPULAS = frozenset("be become remain".split())
DEFINITE = frozenset("the this that".split())
# Nouns that stand for an amount or a part ("one of the players", "a total of"), not the entity.
NOT_DESCRIPTIONS = frozenset("one part member total number lot kind sort type percent".split())
Key = tuple[str, str]  # (lemma, fine tag): "host"/NN; the tag keeps singular and plural apart


def _is_common_noun(view: DocumentView, tok: Token) -> bool:
    return (tok.pos_ == "NOUN" and tok.is_alpha and tok.lemma_.lower() not in NOT_DESCRIPTIONS
            and view.token_entity(tok) is None)


def _name_child(view: DocumentView, head: Token, deps: tuple[str, ...]) -> str | None:
    """The entity of the first child of `head` with one of `deps` that is (in) a name."""
    for c in head.children:
        if c.dep_ in deps and (eid := view.token_entity(c)) is not None:
            return eid
    return None


def tied_entity(view: DocumentView, noun: Token) -> str | None:
    """The named entity the syntax ties the common noun `noun` to (module docstring)."""
    if not _is_common_noun(view, noun):
        return None
    head = noun.head
    if noun.dep_ == "appos" and (eid := view.token_entity(head)) is not None:
        return eid
    if noun.dep_ == "compound" and noun.i < head.i and (eid := view.token_entity(head)) is not None:
        return eid if view.kind(eid) == "Person" else None  # "Acme shares" ties nothing
    if noun.dep_ == "attr" and head.lemma_ in COPULAS:
        return _name_child(view, head, ("nsubj", "nsubjpass"))
    if noun.dep_ == "pobj" and head.lower_ == "as" and head.dep_ == "prep" and head.head.pos_ in ("VERB", "AUX"):
        verb = head.head
        return _name_child(view, verb, ("dobj", "oprd")) or _name_child(view, verb, ("nsubj", "nsubjpass"))
    return None


def _title_head(title: str) -> str | None:
    """The head noun of a title: its last word before "of"/"for" ("Secretary of State": secretary)."""
    words = title.lower().split()
    cut = next((i for i, w in enumerate(words) if w in TITLE_PREPS), len(words))
    head = words[cut - 1] if cut else None
    return head if head and head.isalpha() else None


def _ties(view: DocumentView) -> tuple[dict[Key, set[str]], dict[Key, int], set[int]]:
    """(key -> entities tied to it, key -> token index of its first tie, tied tokens)."""
    owners: dict[Key, set[str]] = {}
    first: dict[Key, int] = {}
    tied: set[int] = set()
    starts: dict[str, int] = {}
    for tok in view.doc:
        if (eid := view.token_entity(tok)) is not None:
            starts.setdefault(eid, tok.i)
        elif (eid := tied_entity(view, tok)) is not None:
            tied.add(tok.i)
            key = (tok.lemma_.lower(), tok.tag_)
            owners.setdefault(key, set()).add(eid)
            first.setdefault(key, tok.i)
    for e in view.entities:  # a title is a tie at the name's first mention ("Coach Ann Varga")
        for w in filter(None, (*map(_title_head, e.titles), _own_head(view, e))):
            if e.id in starts:
                owners.setdefault((w, "NN"), set()).add(e.id)
                first[(w, "NN")] = min(first.get((w, "NN"), starts[e.id]), starts[e.id])
    return owners, first, tied


# Head nouns of bodies that news refers back to by the noun alone ("the navy", "the
# council"); not every organization head noun: "the capital", "the energy", "the post"
# are no references to "Kearny Capital", "Orlen Energy" or "The Daily Post".
BODY_NOUNS = frozenset("navy army police council ministry agency court university college school hospital "
                       "company club team party union league church government commission committee".split())


def _own_head(view: DocumentView, entity) -> str | None:
    """The head noun an organization's name ends in, as a tie ("Varland Navy": navy),
    when it is a body's noun (`BODY_NOUNS`)."""
    words = entity.label.split()
    head = words[-1].lower() if len(words) >= 2 and view.kind(entity.id) == "Organization" else None
    return head if head in BODY_NOUNS else None


def _is_definite(tok: Token) -> bool:
    return any(c.dep_ == "det" and c.lower_ in DEFINITE for c in tok.children)


def description_links(view: DocumentView) -> dict[int, PronounLink]:
    """Token index -> the entity a definite description stands for (module docstring)."""
    links: dict[int, PronounLink] = {}
    if not view.doc.has_annotation("DEP"):
        return links
    owners, first, tied = _ties(view)
    last: dict[str, str] = {}  # kind -> the entity of that kind named last
    for tok in view.doc:
        if (named := view.token_entity(tok)) is not None:
            last[view.kind(named)] = named
            continue
        key = (tok.lemma_.lower(), tok.tag_)
        if tok.i in tied:
            eid = tied_entity(view, tok) if tok.dep_ not in NAME_PHRASE_DEPS else None
            if eid is not None and view.kind(eid) == "Person":  # "Varga will be the host": a mention of its own
                links[tok.i] = PronounLink(eid, "description")  # (of a body or place: "a force", "the top")
            continue
        if len(owners.get(key, ())) != 1 or tok.i < first[key]:
            continue
        eid = next(iter(owners[key]))
        # another entity of its kind named since: "the slain commander" may be that one
        if last.get(view.kind(eid)) == eid and _is_common_noun(view, tok) and _is_definite(tok) and tok.dep_ != "compound":
            links[tok.i] = PronounLink(eid, "description")
    return links


def referring_spans(view: DocumentView) -> list[tuple[Span, PronounLink]]:
    """The span of each link of `pronouns.pronoun_links` and `description_links`
    (a pronoun's link wins), in text order: the pronoun token, or a description from its
    first word to its noun ("the company"), never reaching into a name before it. A
    relative pronoun is no mention of its own (as in OntoNotes and mostly in ECB+): its
    link serves the extractors and the discourse centre only."""
    doc = view.doc
    links = {**description_links(view), **pronoun_links(view)}
    out = []
    for i, link in sorted(links.items()):
        tok = doc[i]
        if tok.lower_ in RELATIVE and link.rule == "pronoun":
            continue
        start = i
        if link.rule in NOUN_RULES:
            while start > tok.left_edge.i and view.token_entity(doc[start - 1]) is None and (
                    not doc[start - 1].is_punct or doc[start - 1].text == "-") and (  # "the 62-year-old general"
                    doc[start - 1].tag_ != "POS"):  # "Varga's successor": from "successor"
                start -= 1
        out.append((doc[start : i + 1], link))
    return out
