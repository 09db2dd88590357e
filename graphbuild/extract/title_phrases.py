"""Title phrases next to person mentions: the words right before a name (premodifiers,
"Secretary of State Mike Pompeo", "the IRGC's top commander Hossein Salami") or an
appositive right after it ("Pirhossein Koulivand, the head of Iran's emergency medical
services"), or from a copula or a verb of appointment ("X became / was named chairman of Y"). `title_phrases(view)` reads them once per document, without changing
anything; what a phrase makes (titles, memberships, edges) is `roles`' business.
"""
from __future__ import annotations

from dataclasses import dataclass, replace

from spacy.tokens import Span, Token

from graphbuild.extract.organizations import names_organization
from graphbuild.extract.view import DocumentView
from graphbuild.lexicon import countries
from graphbuild.lexicon.roles import (
    MODIFIERS, PAST, PORTFOLIOS, POSITION_BIGRAMS, RANKS, ROLE_ABBREVIATIONS, ROLE_NOUNS, TITLE_PREPS,
    UNIT_PREPS,
)

# Dependency labels of a lowercase word that qualifies the title noun ("chief medical
# correspondent", "program director"); such a word names a department, not the organization.
QUALIFIER_DEPS = frozenset("amod compound nmod".split())
MAX_QUALIFIERS = 3
# Adjectives that describe the holder's tenure, not the office: "its new director, X".
NOT_IN_TITLES = frozenset("new current present incoming newly-appointed".split())
LINKING_VERBS = frozenset("be become remain".split())  # "X became chief executive of Y"
# Verbs that give a person a post: "X was named chief executive", "Y appointed X as chairman".
NAMING_VERBS = frozenset("name appoint elect promote install nominate".split())


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
    unit: bool = False  # the title is of a unit inside the organization ("head of X for ORG")


def _is_title_word(t: Token) -> bool:
    low = t.lower_
    return low in ROLE_NOUNS or low in MODIFIERS or low in RANKS or low in ROLE_ABBREVIATIONS


def _is_qualifier(t: Token, title: list[Token]) -> bool:
    """A lowercase adjective or noun that modifies a word of the title run."""
    return (
        t.is_alpha and t.is_lower and t.pos_ in ("ADJ", "NOUN") and t.dep_ in QUALIFIER_DEPS
        and title[0].i <= t.head.i <= title[-1].i + 3
    )


ACRONYM_MAX = 6  # letters of an organization's initials ("WHO", "UNICEF")


def _unlabelled_name(t: Token, adjacent: bool) -> bool:
    """A capitalized plural name or an acronym right before a title that NER left
    untagged ("Chargers general manager", "WHO Director-General"): team and company
    names written as plural nouns, organizations by their initials."""
    acronym = t.is_upper and t.tag_ == "NNP" and 2 <= len(t) <= ACRONYM_MAX and t.lower_ not in ROLE_ABBREVIATIONS
    return (
        adjacent and t.is_alpha and t.text[:1].isupper()
        and (t.tag_ in ("NNS", "NNPS") or acronym) and t.lower_ not in ROLE_NOUNS and t.lower_ not in MODIFIERS
        # the whole name: not the tail of a longer capitalized phrase ("Civil Rights")
        and (t.i == t.sent.start or not t.doc[t.i - 1].text[:1].isupper() or t.doc[t.i - 1].dep_ == "det")
    )


def premodifier_titles(view: DocumentView, person: str, span: Span) -> TitlePhrase | None:
    """The title written right before the name: "[affiliation] [title words] NAME"."""
    doc, sent = span.doc, span.sent
    j = span.start - 1
    title: list[Token] = []
    # Title words adjacent to the name, with "of <portfolio>" inside ("Secretary of State").
    while j >= sent.start:
        t = doc[j]
        if _is_title_word(t) and view.token_kind(t) != "Person":
            title.insert(0, t)
            j -= 1
        elif (t.text == "-" and title and j - 1 >= sent.start and _is_title_word(doc[j - 1]) and not t.whitespace_
              and doc[j - 1].lower_ not in PAST):
            title[0:0] = [doc[j - 1], t]  # "Director-General", "Secretary-General"
            j -= 2
        elif j - 1 >= sent.start and f"{doc[j - 1].lower_} {t.lower_}" in POSITION_BIGRAMS:
            title[0:0] = [doc[j - 1], t]  # "running back"
            j -= 2
        elif title and _is_qualifier(t, title) and sum(not _is_title_word(x) for x in title) < MAX_QUALIFIERS:
            title.insert(0, t)  # "chief medical correspondent", "program director"
            j -= 1
        elif t.lower_ == "of" and title and title[0].lower_ in PORTFOLIOS and j - 1 >= sent.start and doc[j - 1].lower_ in ROLE_NOUNS:
            title.insert(0, t)  # "Secretary of State"
            j -= 1
        elif (t.lower_ in PORTFOLIOS or t.lower_ == "&") and j - 1 >= sent.start:
            # "Secretary of State", "Secretary of Homeland Security"
            k = j
            while k >= sent.start and (doc[k].lower_ in PORTFOLIOS or doc[k].lower_ in ("&", "and")):
                k -= 1
            if k - 1 >= sent.start and doc[k].lower_ == "of" and doc[k - 1].lower_ in ROLE_NOUNS:
                title[0:0] = list(doc[k : j + 1])
                j = k - 1
            else:
                break
        else:
            break
    if not any(t.lower_ in ROLE_NOUNS or t.lower_ in RANKS or t.lower_ in ROLE_ABBREVIATIONS for t in title) \
            and not ends_with_position(title):
        return None
    # A lowercase title after a determiner with no name-like qualifier ("the general X")
    # is still a title; the affiliation is what stands before it.
    aff_end = j + 1
    k = j
    if k >= sent.start and doc[k].tag_ == "POS":  # "the IRGC's top commander"
        k -= 1
    while k >= sent.start and (
        # an ORG tag the mention rules dropped ("Group" of "Group Captain") is no organization
        doc[k].ent_type_ in ("NORP", "GPE", "LOC", "FAC")
        or view.token_kind(doc[k]) not in (None, "Person")
        or _unlabelled_name(doc[k], k == aff_end - 1)
    ) and not doc[k].is_punct:
        k -= 1
    affiliation = doc[k + 1 : aff_end] if k + 1 < aff_end else None
    if affiliation is not None and affiliation[-1].tag_ == "POS":
        affiliation = affiliation[:-1] if len(affiliation) > 1 else None
    heads = [t for t in title if t.lower_ in ROLE_NOUNS or t.lower_ in ROLE_ABBREVIATIONS]
    head = heads[-1] if heads else title[-1]
    first = affiliation.start if affiliation is not None else title[0].i
    past = any(doc[x].lower_ in PAST for x in range(max(sent.start, first - 2), first))
    return TitlePhrase(person, span, doc[title[0].i : title[-1].i + 1], head, affiliation, "title-premodifier", past)


def _preposition_object(doc, sent: Span, title_end: int) -> Span | None:
    """The object of the preposition at `title_end` ("of the party"), cut at a comma."""
    prep = doc[title_end]
    objs = [c for c in prep.children if c.dep_ == "pobj"]
    if objs:
        sub = list(objs[0].subtree)
        a, z = sub[0].i, sub[-1].i + 1
    else:
        a, z = title_end + 1, title_end + 1
        while z < sent.end and not doc[z].is_punct and doc[z].pos_ not in ("VERB", "AUX"):
            z += 1
    for k in range(a, z):  # stop the object at a comma ("of the party, said")
        if doc[k].text in (",", ";", "(", ")", '"', "\u201c", "\u201d"):
            z = k
            break
    return doc[a:z] if a < z and a == title_end + 1 else None


def appositive_title(view: DocumentView, person: str, span: Span) -> TitlePhrase | None:
    """The title in an appositive after the name: "NAME, (the) [modifiers] NOUN (of ORG)".

    Lowercase words may qualify the title ("biodiversity program director for ORG"). A
    leading title "of" a unit that is no organization, followed by "for/at/with ORG"
    ("head of house production for ORG"), is a job at ORG (`unit`)."""
    doc, sent = span.doc, span.sent
    i = span.end
    if i >= sent.end or doc[i].text != ",":
        return None
    return _title_after(view, person, span, i + 1, "title-appositive")


def copular_title(view: DocumentView, person: str, span: Span) -> TitlePhrase | None:
    """The title a copula gives the name: "NAME is/was/became (the) [modifiers] NOUN (of
    ORG)" ("X is the chief executive of Acme", "X was a politician for the Labour Party")."""
    root = span.root
    verb = root.head
    if root.dep_ != "nsubj" or verb.lemma_ not in LINKING_VERBS or verb.i < span.end:
        return None
    attr = next((c for c in verb.children if c.dep_ == "attr"), None)
    if attr is None:
        return None
    first = min(t.i for t in attr.subtree)
    return _title_after(view, person, span, first, "title-copular")


def named_title(view: DocumentView, person: str, span: Span) -> TitlePhrase | None:
    """The title a verb of appointment gives the name: "NAME was named/appointed (as) NOUN
    (of ORG)", "ORG appointed NAME as NOUN", "ORG named NAME its new NOUN"; with no "of
    ORG", the organization that appointed the person is the affiliation."""
    root, verb = span.root, span.root.head
    if root.dep_ not in ("nsubjpass", "dobj") or verb.lemma_.lower() not in NAMING_VERBS:
        return None
    complements = [c for c in verb.children if c.dep_ in ("oprd", "attr", "xcomp") and c.i > span.end]
    complements += [p for c in verb.children if c.dep_ == "prep" and c.lower_ == "as" for p in c.children if p.dep_ == "pobj"]
    complements += [c for c in root.children if c.dep_ == "appos" and c.i > span.end]  # "named X its new chairman"
    if not complements:
        return None
    first = min(t.i for t in complements[0].subtree)
    while first < span.sent.end - 1 and (span.doc[first].lower_ in ("its", "their") or span.doc[first].lower_ in NOT_IN_TITLES):
        first += 1
    tp = _title_after(view, person, span, first, "title-named")
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if tp is not None and tp.affiliation is None and subject is not None and view.token_kind(subject) == "Organization":
        tp = replace(tp, affiliation=span.doc[subject.left_edge.i : subject.i + 1])
    return tp


def _title_after(view: DocumentView, person: str, span: Span, i: int, rule: str) -> TitlePhrase | None:
    """The title run starting at token `i` (after an appositive's comma or a copula)."""
    doc, sent = span.doc, span.sent
    if i < sent.end and doc[i].lower_ in ("the", "a", "an"):
        i += 1
    start = i
    # the run of modifiers, qualifiers and title nouns; the head is its last title noun
    head_i = None
    while i < sent.end and i - start < 6:
        t = doc[i]
        if t.lower_ in ROLE_NOUNS:
            head_i = i
        elif t.lower_ in MODIFIERS or (t.is_alpha and t.is_lower and t.pos_ in ("ADJ", "NOUN") and t.dep_ in QUALIFIER_DEPS):
            pass
        elif i == start and countries.by_demonym(t.text) is not None:
            start += 1  # "a Norwegian politician": the demonym is a nationality, not the title
        else:
            break
        i += 1
    if head_i is None:
        return None
    head = doc[head_i]
    title_end = head_i + 1
    affiliation = None
    unit = False
    if title_end < sent.end and doc[title_end].lower_ in TITLE_PREPS:
        affiliation = _preposition_object(doc, sent, title_end)
        if affiliation is not None and doc[title_end].lower_ == "of":
            # "of <unit> for <ORG>": split at the second preposition
            cut = next((t.i for t in affiliation if t.lower_ in UNIT_PREPS), affiliation.end)
            inner = doc[affiliation.start : cut]
            if not inner or not names_organization(view, inner):
                org = _preposition_object(doc, sent, cut) if cut < sent.end and doc[cut].lower_ in UNIT_PREPS else None
                if org is not None and names_organization(view, org):
                    affiliation, unit = org, True
            else:
                affiliation = inner
    past = any(t.lower_ in PAST for t in doc[start:title_end])
    return TitlePhrase(person, span, doc[start:title_end], head, affiliation, rule, past=past, unit=unit)


def apposed_title(view: DocumentView, person: str, span: Span) -> TitlePhrase | None:
    """The title a name stands in apposition to, written before it: "Globex's chief
    executive, Marta Lind," (the possessor is the affiliation), "the head of the Harbour
    Authority, Pavel Ostrov," (the object of the title's preposition)."""
    doc, sent = span.doc, span.sent
    root, noun = span.root, span.root.head
    for _ in range(3):  # the parser hangs the name on the last noun: "head of the X of Y, NAME"
        if noun.lower_ in ROLE_NOUNS or noun.dep_ != "pobj" or noun.head.lower_ not in TITLE_PREPS:
            break
        noun = noun.head.head
    # A capitalized title the tagger reads as a proper noun ("Acme's CEO, Jane Roe,") is
    # one too, unless it is part of a name.
    title_word = noun.pos_ == "NOUN" or (noun.pos_ == "PROPN" and view.token_entity(noun) is None)
    if (root.dep_ != "appos" or noun.i >= span.start or not title_word or noun.lower_ not in ROLE_NOUNS
            or span.start - 1 <= sent.start or doc[span.start - 1].text != ","):
        return None
    first = noun.i  # the modifiers right before the noun ("chief", "finance")
    while first - 1 >= sent.start and doc[first - 1].head == noun and doc[first - 1].dep_ in QUALIFIER_DEPS \
            and doc[first - 1].is_lower and doc[first - 1].lower_ not in NOT_IN_TITLES:
        first -= 1  # "chief", "finance", "financial"; not "new"
    affiliation = None
    poss = next((c for c in noun.lefts if c.dep_ == "poss"), None)
    if poss is not None and view.token_kind(poss) not in (None, "Person"):
        affiliation = doc[poss.left_edge.i : poss.i + 1]
    elif noun.i + 1 < span.start - 1 and doc[noun.i + 1].lower_ in TITLE_PREPS:
        obj = _preposition_object(doc, sent, noun.i + 1)
        if obj is not None and obj.end == span.start - 1 and names_organization(view, obj):
            affiliation = obj
    elif noun.i + 1 != span.start - 1:
        return None  # the comma must close the title's phrase
    past = any(doc[x].lower_ in PAST for x in range(max(sent.start, first - 2), noun.i))
    return TitlePhrase(person, span, doc[first : noun.i + 1], noun, affiliation, "title-apposed", past)


def title_phrases(view: DocumentView) -> list[TitlePhrase]:
    """Every title next to a person mention of the document, in text order (a mention's
    premodifier before its appositive)."""
    found = (f for person, span in view.entity_spans(("Person",))
             for f in (premodifier_titles(view, person, span), apposed_title(view, person, span),
                       appositive_title(view, person, span), copular_title(view, person, span),
                       named_title(view, person, span)))
    return [f for f in found if f is not None]


def ends_with_position(title: Span | list[Token]) -> bool:
    """The title ends with a two-word position ("running back")."""
    toks = list(title)
    return len(toks) >= 2 and f"{toks[-2].lower_} {toks[-1].lower_}" in POSITION_BIGRAMS
