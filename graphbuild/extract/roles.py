"""Titles and roles of people: "Secretary of State Mike Pompeo", "Labour leader Jeremy
Corbyn", "the IRGC's top commander Hossein Salami", "Pirhossein Koulivand, the head of
Iran's emergency medical services".

A person's title is read from the words right before the name (premodifiers) or from an
appositive right after it. The title goes to `Entity.titles`; where an organization is
named with it, a Membership and one shortcut edge: headOf (leading titles), worksFor
(jobs such as correspondent), memberOf (the rest). A country named with the title is a
nationality (see `affiliation`). Titles alone never invent organizations; an unknown
organization becomes an entity only if it is written as a proper name.
"""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from spacy.tokens import Span, Token

if TYPE_CHECKING:
    from graphbuild.extract.relations_stage import Builder

# Nouns that lead an organization when unqualified (a "deputy director" does not).
HEAD_TITLES = frozenset(
    "head leader chairman chairwoman chair chairperson commander director chief president "
    "ceo boss founder-president premier secretary-general".split()
)
# Jobs: the person works for the organization.
WORK_TITLES = frozenset(
    "correspondent reporter editor journalist analyst producer anchor presenter columnist "
    "photographer employee engineer executive economist researcher manager coach "
    "spokesman spokeswoman spokesperson lawyer attorney".split()
)
# Offices and ranks: the person is a member of the organization.
MEMBER_TITLES = frozenset(
    "minister secretary member official officer general lawmaker senator mp adviser "
    "advisor ambassador envoy diplomat negotiator commissioner representative governor "
    "mayor colonel lieutenant captain admiral sergeant marshal ayatollah cleric".split()
)
TITLE_NOUNS = HEAD_TITLES | WORK_TITLES | MEMBER_TITLES
# Ranks and forms of address that stand before a name on their own.
RANKS = frozenset(
    "general brigadier major colonel lieutenant captain admiral sergeant marshal ayatollah "
    "president king queen prince princess sheikh pope cardinal bishop imam".split()
)
ABBREVIATIONS = {
    "gen.": "General", "lt.": "Lieutenant", "col.": "Colonel", "capt.": "Captain",
    "sgt.": "Sergeant", "adm.": "Admiral", "gov.": "Governor", "sen.": "Senator",
    "rep.": "Representative", "pres.": "President", "maj.": "Major", "brig.": "Brigadier",
}
# Words that qualify a title without being an organization.
MODIFIERS = frozenset(
    "senior junior chief top deputy vice assistant associate acting interim former ex "
    "supreme foreign defence defense home interior finance health justice prime "
    "international political diplomatic military executive managing national regional "
    "security intelligence economic economics trade education culture state first "
    "principal special general major brigadier lieutenant rear longtime veteran "
    "press".split()
)
# Qualifiers that make a leading title a subordinate one, or a past one.
SUBORDINATE = frozenset("deputy vice assistant associate".split())
PAST = frozenset("former ex late".split())
# Portfolios that complete "Secretary of ..." / "Minister of ..." and are not organizations.
PORTFOLIOS = frozenset(
    "state defense defence staff treasury justice commerce energy agriculture labor labour "
    "education health transportation interior finance homeland security foreign affairs "
    "home trade culture".split()
)
# Prepositions that attach an organization to an appositive title.
TITLE_PREPS = frozenset("of for at with".split())


@dataclass(frozen=True)
class TitlePhrase:
    """A title found next to a person: the words, its head noun, where it names an
    organization or country (`affiliation` tokens), and the rule that found it."""

    person: str
    person_span: Span
    title: Span | None  # the title words, None when only an affiliation was found
    head: Token | None  # the title's head noun
    affiliation: Span | None  # tokens naming the organization/country, if any
    rule: str
    past: bool = False  # "former", "ex-": a title no longer held


def _word(t: Token) -> str:
    return ABBREVIATIONS.get(t.lower_, t.text)


def _is_title_word(t: Token) -> bool:
    low = t.lower_
    return low in TITLE_NOUNS or low in MODIFIERS or low in RANKS or low in ABBREVIATIONS


def _title_text(tokens: list[Token]) -> str:
    words = [_word(t) for t in tokens]
    text = " ".join(words).replace(" - ", "-")
    return text


def _strip_det(tokens: list[Token]) -> list[Token]:
    while tokens and tokens[0].dep_ == "det" or (tokens and tokens[0].lower_ in ("the", "a", "an")):
        tokens = tokens[1:]
    return tokens


def premodifier_titles(b: Builder, person: str, span: Span) -> TitlePhrase | None:
    """The title written right before the name: "[affiliation] [title words] NAME"."""
    doc, sent = span.doc, span.sent
    j = span.start - 1
    title: list[Token] = []
    # Title words adjacent to the name, with "of <portfolio>" inside ("Secretary of State").
    while j >= sent.start:
        t = doc[j]
        tid = b.token_entity(t)
        if _is_title_word(t) and not (tid is not None and b.kind(tid) == "Person"):
            title.insert(0, t)
            j -= 1
        elif t.lower_ == "of" and title and title[0].lower_ in PORTFOLIOS and j - 1 >= sent.start and doc[j - 1].lower_ in TITLE_NOUNS:
            title.insert(0, t)  # "Secretary of State"
            j -= 1
        elif (t.lower_ in PORTFOLIOS or t.lower_ == "&") and j - 1 >= sent.start:
            # "Secretary of State", "Secretary of Homeland Security"
            k = j
            while k >= sent.start and (doc[k].lower_ in PORTFOLIOS or doc[k].lower_ in ("&", "and")):
                k -= 1
            if k - 1 >= sent.start and doc[k].lower_ == "of" and doc[k - 1].lower_ in TITLE_NOUNS:
                title[0:0] = list(doc[k : j + 1])
                j = k - 1
            else:
                break
        else:
            break
    if not any(t.lower_ in TITLE_NOUNS | RANKS or t.lower_ in ABBREVIATIONS for t in title):
        return None
    # A lowercase title after a determiner with no name-like qualifier ("the general X")
    # is still a title; the affiliation is what stands before it.
    aff_end = j + 1
    k = j
    if k >= sent.start and doc[k].tag_ == "POS":  # "the IRGC's top commander"
        k -= 1
    while k >= sent.start and (
        doc[k].ent_type_ in ("ORG", "NORP", "GPE", "LOC", "FAC")
        or (b.token_entity(doc[k]) is not None and b.kind(b.token_entity(doc[k])) != "Person")
    ) and not doc[k].is_punct:
        k -= 1
    affiliation = doc[k + 1 : aff_end] if k + 1 < aff_end else None
    if affiliation is not None and affiliation[-1].tag_ == "POS":
        affiliation = affiliation[:-1] if len(affiliation) > 1 else None
    heads = [t for t in title if t.lower_ in TITLE_NOUNS or t.lower_ in ABBREVIATIONS]
    head = heads[-1] if heads else title[-1]
    first = affiliation.start if affiliation is not None else title[0].i
    past = any(doc[x].lower_ in PAST for x in range(max(sent.start, first - 2), first))
    return TitlePhrase(person, span, doc[title[0].i : title[-1].i + 1], head, affiliation, "title-premodifier", past)


def appositive_title(b: Builder, person: str, span: Span) -> TitlePhrase | None:
    """The title in an appositive after the name: "NAME, (the) [modifiers] NOUN (of ORG)"."""
    doc, sent = span.doc, span.sent
    i = span.end
    if i >= sent.end or doc[i].text != ",":
        return None
    i += 1
    if i < sent.end and doc[i].lower_ in ("the", "a", "an"):
        i += 1
    start = i
    while i < sent.end and doc[i].lower_ in MODIFIERS and doc[i].lower_ not in TITLE_NOUNS:
        i += 1
    # the head noun: the last title noun of a run ("chief executive", "head")
    if i >= sent.end or doc[i].lower_ not in TITLE_NOUNS:
        return None
    while i + 1 < sent.end and doc[i + 1].lower_ in TITLE_NOUNS:
        i += 1
    head = doc[i]
    title_end = i + 1
    affiliation = None
    if title_end < sent.end and doc[title_end].lower_ in TITLE_PREPS:
        prep = doc[title_end]
        objs = [c for c in prep.children if c.dep_ == "pobj"]
        if objs:
            sub = list(objs[0].subtree)
            a, z = sub[0].i, sub[-1].i + 1
        else:
            a, z = title_end + 1, title_end + 1
            while z < sent.end and not doc[z].is_punct and doc[z].pos_ not in ("VERB", "AUX"):
                z += 1
        # stop the object at a comma ("of the party, said")
        for k in range(a, z):
            if doc[k].text in (",", ";", "(", ")", '"', "\u201c", "\u201d"):
                z = k
                break
        if a < z and a == title_end + 1:
            affiliation = doc[a:z]
    return TitlePhrase(person, span, doc[start:title_end], head, affiliation, "title-appositive")


def title_phrases(b: Builder) -> Iterator[TitlePhrase]:
    """Every title next to a person mention of the document."""
    for person, span in b.entity_spans(("Person",)):
        for found in (premodifier_titles(b, person, span), appositive_title(b, person, span)):
            if found is not None:
                yield found


def _org_name(tokens: list[Token]) -> list[Token]:
    """The organization part of an affiliation: after a possessive ("Iran's X" -> X),
    before a trailing "in <place>"; determiners dropped."""
    tokens = _strip_det(tokens)
    pos = [k for k, t in enumerate(tokens) if t.tag_ == "POS"]
    if pos:
        tokens = _strip_det(tokens[pos[-1] + 1 :])
    for k, t in enumerate(tokens):
        if t.lower_ in ("in", "at", "on", "from", "who", "which", "that"):
            return tokens[:k]
    return tokens


def _is_proper_name(tokens: list[Token]) -> bool:
    content = [t for t in tokens if t.is_alpha and t.lower_ not in ("of", "and", "for", "the", "&")]
    return bool(content) and all(t.text[:1].isupper() for t in content) and any(t.pos_ == "PROPN" for t in tokens)


def resolve_organization(b: Builder, affiliation: Span) -> tuple[str | None, str | None]:
    """(organization id, country-or-place id) named by the affiliation tokens.

    An existing Organization entity wins; a capitalized name not yet an entity becomes
    one (rule "title-object"); a Place is returned as the second item; else (None, None).
    """
    tokens = list(affiliation)
    name = _org_name(tokens)
    org = b.entity_of_tokens(name, ("Organization",)) if name else None
    if org is not None:
        return org, None
    whole = b.entity_of_tokens(tokens)
    if whole is not None and b.kind(whole) == "Place" and (not name or b.entity_of_tokens(name) == whole):
        return None, whole
    if name and _is_proper_name(name) and not any(b.token_entity(t) is not None and b.kind(b.token_entity(t)) == "Person" for t in name):
        span = affiliation.doc[name[0].i : name[-1].i + 1]
        if span.text.casefold() in PORTFOLIOS:
            return None, None
        existing = b.find_by_label({span.text}, "Organization")
        if existing:
            return existing, None
        if any(t.ent_type_ in ("GPE", "NORP", "PERSON") for t in span):
            return None, None
        return b.add_entity("Organization", span.text, span, "ORG", "title-object"), None
    return None, None


def predicate_for(head: Token, title: Span) -> str | None:
    """headOf / worksFor / memberOf for a title, or None for a past one."""
    words = {t.lower_ for t in title}
    if words & PAST:
        return None
    noun = head.lower_
    if noun in HEAD_TITLES and not words & SUBORDINATE:
        return "headOf"
    if noun in WORK_TITLES:
        return "worksFor"
    if noun in TITLE_NOUNS or noun in ABBREVIATIONS:
        return "memberOf"
    return None


def extract_roles(b: Builder) -> None:
    """Add titles, memberships and headOf/memberOf/worksFor edges for every title phrase."""
    for tp in title_phrases(b):
        if tp.title is None or tp.head is None:
            continue
        sent = tp.person_span.sent
        org, place = (None, None)
        if tp.affiliation is not None:
            org, place = resolve_organization(b, tp.affiliation)
        role = ("former " if tp.past else "") + _title_text(list(tp.title))
        if org is None and tp.affiliation is not None and tp.rule == "title-appositive" and place is None:
            # keep the unlinked object in the title: "head of Iran's emergency medical services"
            role_full = _title_text(list(tp.title)) + " " + tp.title.doc[tp.title.end].text + " " + tp.affiliation.text
            b.add_title(tp.person, role_full)
        else:
            b.add_title(tp.person, role)
        if org is not None and not tp.past:
            conf = 0.9 if tp.rule == "title-appositive" else 0.85
            b.add_membership(tp.person, org, role, sent, tp.rule, conf)
            predicate = predicate_for(tp.head, tp.title)
            if predicate:
                b.add_relation(tp.person, predicate, org, sent, tp.rule, conf)
