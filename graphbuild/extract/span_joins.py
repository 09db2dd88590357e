"""Candidate spans joined with the words next to them, and names found by what describes them.

- `with_credentials`: "Jane Roe, MD" is one personal name, and "MD" no place.
- `person_of_country`: "Casper Ruud of Norway" is a person and a country.
- `with_conjoined_tail`: "American College of Obstetricians" + "and Gynecologists" is one name;
  `split_conjoined_organizations`: "Kessler Foods and Prairie Market" is two.
- `with_surname_after_particle`: "Ursula von der" + "Leyen" is one personal name, "Bay
  of" + "Bengal" one place; `with_hyphenated_words`: "Croix" + "-Rousse" is one name, and
  "Jean-Luc" + "Marchand".
- `described_organizations`: a proper name in apposition to an organization noun ("the
  rights group Open Reach", "Tarvo, a Swedish lender,") that the model left untagged or
  took for a product names an organization (rule "described"); one in apposition to a
  noun of a work ("her album, Northern Lights") is a title, no mention.
All work in the parser's text coordinates (`doc.text`), like `extract.mentions`.
"""
from __future__ import annotations

import re
from collections.abc import Iterator

from spacy.tokens import Token

from graphbuild.extract.layout import Span
from graphbuild.lexicon.countries import by_name
from graphbuild.lexicon.name_forms import legal_form, name_votes, no_personal_name
from graphbuild.lexicon.roles import OCCUPATION_NOUNS, ROLE_NOUNS
from graphbuild.lexicon.words import (FUNCTION_WORDS, ORG_HEAD_NOUNS, ORGANIZATION_DESCRIPTORS, PLACE_HEAD_NOUNS, PLACE_MODIFIERS,
                                      WORK_NOUNS)
from graphbuild.lexicon.calendar import MONTHS, WEEKDAYS
from graphbuild.names import CREDENTIALS_AFTER, is_honorific, is_title_noun

# Lowercase words that open a surname ("Ursula von der Leyen", "Bashar al Assad",
# "Vincent van Gogh"): a personal name never ends with one.
_SURNAME_PARTICLES = frozenset({"von", "van", "der", "den", "de", "da", "di", "del", "della", "du", "la", "le",
                                "bin", "ibn", "al", "el", "ter", "ten", "zu", "dos", "das", "do"})
_NEXT_WORD = re.compile(r" ([A-Z][\w'’-]+)")
_NAME_WORD = re.compile(r"[A-Z][a-z'’-]+|[A-Z]\.")
_NO_NAME_WORDS = ORG_HEAD_NOUNS | PLACE_HEAD_NOUNS | PLACE_MODIFIERS | ORGANIZATION_DESCRIPTORS | ROLE_NOUNS


def with_surname_after_particle(text: str, spans: list[Span]) -> list[Span]:
    """A personal name the model ended on a particle ("Ursula von der" + "Leyen"), or another
    name it ended on "of" ("the Bay of" + "Bengal"), runs on to the capitalized word after
    it; a span the model made of that word goes."""
    out, absorbed = [], set()
    for s in spans:
        words = text[s.start:s.end].split()
        m = _NEXT_WORD.match(text, s.end) if len(words) > 1 and (
            s.label == "PERSON" and words[-1] in _SURNAME_PARTICLES or s.label != "PERSON" and words[-1] == "of") else None
        if m:
            end = m.end()
            for t in spans:
                if t.start == m.start(1):
                    end = max(end, t.end)
                    absorbed.add(t)
            s = Span(s.start, end, s.label, s.rule)
        out.append(s)
    return [s for s in out if s not in absorbed]


_HYPHEN_TAIL = re.compile(r"(?:-[A-Z][\w'’]*)+")
# A given name's lowercase syllable after a hyphen ("Choi Min" + "-jae", "Lee Seung" + "-woo"),
# not a word written onto a name ("Smith-led", "Obama-era").
_SYLLABLE_TAIL = re.compile(r"-([a-z]{2,5})\b(?!-)")
_NO_NAME_TAILS = frozenset("born based led era style like run owned made type free wide old year linked".split())
_HYPHENATED_GIVEN_NAME = re.compile(r"[A-Z][a-z]+-[A-Z][a-z]+")


def with_hyphenated_words(text: str, spans: list[Span]) -> list[Span]:
    """A name the model ended inside a hyphenated word ("Croix" of "the Croix-Rousse
    district", a person's "Choi Min" of "Choi Min-jae") runs on to the word's end, and a hyphenated given name alone ("Jean-Luc"
    of "Jean-Luc Marchand", tagged PERSON) runs on to the capitalized surname after it;
    a span the model made of what is taken in goes."""
    out, absorbed = [], set()
    for s in spans:
        end = s.end
        if (m := _HYPHEN_TAIL.match(text, end)) is not None or (
                s.label == "PERSON" and (m := _SYLLABLE_TAIL.match(text, end)) is not None
                and m.group(1) not in _NO_NAME_TAILS and not m.group(1).endswith(("ed", "ing"))):
            end = m.end()
        elif s.label == "PERSON" and _HYPHENATED_GIVEN_NAME.fullmatch(text[s.start:s.end]) and (
                m := _NEXT_WORD.match(text, end)) is not None and m.group(1).casefold() not in _NO_NAME_WORDS:
            end = m.end()
        if end != s.end:
            for t in spans:
                if s.end < t.end and t.start < end and t is not s:
                    end = max(end, t.end)
                    absorbed.add(t)
            s = Span(s.start, end, s.label, s.rule)
        out.append(s)
    return [s for s in out if s not in absorbed]


def with_given_name_before(doc, spans: list[Span]) -> list[Span]:
    """A personal name the model began after its given name ("Lucía" + "Ferrández Ortega"
    at a line's start) runs back over it: a capitalized proper noun opening the sentence
    or the line right before the span, joined to it as a compound, that is no title,
    honorific, role, month or day, nor in another span."""
    starts = {t.idx: t for t in doc}
    taken = {(s.start, s.end) for s in spans}
    out = []
    for s in spans:
        first = starts.get(s.start)
        before = doc[first.i - 1] if first is not None and first.i > 0 else None
        if (s.label == "PERSON" and before is not None and before.idx + len(before) + 1 == s.start
                and before.pos_ == "PROPN" and before.dep_ == "compound" and s.start <= before.head.idx < s.end
                and before.is_title and before.is_alpha and before.text.casefold() not in _NOT_GIVEN
                and (before.is_sent_start or before.i == 0 or "\n" in doc[before.i - 1].text_with_ws)
                and not (is_title_noun(before.text) or is_honorific(before.text))
                and not any(a <= before.idx < b for a, b in taken)):
            s = Span(before.idx, s.end, s.label, s.rule)
        out.append(s)
    return out


_NOT_GIVEN = frozenset(m.casefold() for m in MONTHS) | frozenset(WEEKDAYS) | FUNCTION_WORDS | ROLE_NOUNS | OCCUPATION_NOUNS
_OF_COUNTRY = re.compile(r"^(?P<person>.+?) of (?P<country>[A-Z][\w .'’-]+)$")


def person_of_country(text: str, span: Span) -> list[Span]:
    """A span the model made of a name and a country ("Casper Ruud of Norway", as sport
    writes it; "Deutsche Telekom of Germany") split into the name, under the span's tag,
    and the country; any other span as it is."""
    name = text[span.start:span.end]
    m = _OF_COUNTRY.match(name) if span.label in ("ORG", "PERSON") and by_name(name) is None else None
    if m is None or by_name(m.group("country")) is None or not _personal_name_form(m.group("person")):
        return [span]
    # the name keeps the model's tag: the kind vote weighs it with the rest of the text
    return [Span(span.start, span.start + m.end("person"), span.label, span.rule),
            Span(span.start + m.start("country"), span.end, "GPE", span.rule)]


def _personal_name_form(name: str) -> bool:
    """Two or three capitalized words that name no organization or place by their form
    (a given name may be a town's: "Casper")."""
    words = name.split()
    return (2 <= len(words) <= 3 and all(_NAME_WORD.fullmatch(w) and w.casefold() not in _NO_NAME_WORDS for w in words)
            and not name_votes(name))


# " and Gynecologists": one capitalized plural after "and", no name after it.
_AND_TAIL = re.compile(r" and [A-Z][\w'’-]*[a-z]s(?![\w'’-]| [A-Z])")
_PLURAL_END = re.compile(r"[A-Z][\w'’-]*[a-z]s$")


def with_conjoined_tail(text: str, spans: list[Span]) -> list[Span]:
    """An organization's name the model cut at "and" between two plural nouns ("American
    College of Obstetricians" + " and Gynecologists") runs on over the second, and a span
    the model made of that word alone goes; "the Bank of England and Barclays" names two."""
    out, absorbed = [], set()
    for s in spans:
        name = text[s.start:s.end]
        m = _AND_TAIL.match(text, s.end) if s.label == "ORG" and " of " in name and _PLURAL_END.search(name) else None
        inside = [t for t in spans if m and m.start() < t.end and t.start < m.end()]
        if m and all((t.start, t.end) == (m.start() + 5, m.end()) for t in inside):
            s = Span(s.start, m.end(), s.label, s.rule)
            absorbed.update(inside)
        out.append(s)
    return [s for s in out if s not in absorbed]


_AND = re.compile(r" (?:and|&) ")
_CAPITALIZED = re.compile(r"[A-Z][\w'’.-]*")


def split_conjoined_organizations(text: str, spans: list[Span]) -> list[Span]:
    """An organization span that holds two names joined by "and" ("Kessler Foods and
    Prairie Market"): two spans, when the first ends as only an organization's name
    ends (a head noun such as "Foods", or a legal form) and the second is two or more
    capitalized words. "Procter and Gamble", "Marks and Spencer" and "Department of
    Health and Human Services" stay whole."""
    out = []
    for s in spans:
        name = text[s.start:s.end]
        m = _AND.search(name) if s.label == "ORG" else None
        left, right = (name[:m.start()], name[m.end():]) if m else ("", "")
        if m and (no_personal_name(left) or legal_form(left)) and len(right.split()) >= 2 \
                and all(_CAPITALIZED.fullmatch(w) for w in right.split()) and not _AND.search(right):
            out += [Span(s.start, s.start + m.start(), s.label, s.rule), Span(s.start + m.end(), s.end, s.label, s.rule)]
        else:
            out.append(s)
    return out


def with_credentials(text: str, spans: list[Span]) -> list[Span]:
    """Personal names with the degrees written after them ("Jane Roe, MD"): one
    mention, and no place "MD"."""
    out, covered = [], []
    for s in spans:
        m = CREDENTIALS_AFTER.match(text, s.end) if s.label == "PERSON" else None
        if m:
            s = Span(s.start, m.end(), s.label, s.rule)
            covered.append((m.start(), m.end()))
        out.append(s)
    return [s for s in out if not any(a <= s.start and s.end <= b for a, b in covered)]


# Labels under which the model files an organization's name it did not recognize.
_UNTYPED = frozenset({"", "PRODUCT", "WORK_OF_ART", "NORP"})


def described_names(doc) -> Iterator[tuple[Token, Token]]:
    """(name token, describing noun) pairs: a proper name in apposition to a common noun
    ("the firm Quill Harbor", "Quill, a lender", "Quill, one of the largest lenders") or
    right after a lowercase noun that modifies it ("Austrian club Rapid Vienna")."""
    for tok in doc:
        if tok.dep_ == "appos":
            name, noun = (tok, tok.head) if tok.pos_ == "PROPN" else (tok.head, tok)
            if noun.dep_ == "pobj" and noun.head.head.lemma_.lower() in ROLE_NOUNS:
                continue  # "a spokesman for the company, Tom Reedley": the spokesman's name
            if noun.lower_ == "one" and noun.pos_ == "NUM":  # "one of Denmark's largest companies"
                noun = next((p for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"
                             for p in c.children if p.dep_ == "pobj"), noun)
            if name.pos_ == "PROPN" and noun.pos_ == "NOUN":
                yield name, noun
        elif (tok.dep_ == "compound" and tok.pos_ == "NOUN" and tok.is_lower and tok.i + 1 < len(doc)
              and _opens_name(doc[tok.i + 1]) and tok.head.pos_ == "PROPN"):
            yield tok.head, tok


def _opens_name(tok: Token) -> bool:
    """A capitalized proper noun that is no title ("union President Ana Rulova")."""
    return tok.pos_ == "PROPN" and tok.text[:1].isupper() and not (is_title_noun(tok.text) or is_honorific(tok.text))


def described_organizations(doc, described: list[tuple[Token, Token]], spans: list[Span]) -> list[Span]:
    """Proper names a noun says are organizations (`described`: `described_names`), outside every
    span, that the model left untagged or took for a product; an all-caps word is no name here."""
    occupied = [(s.start, s.end) for s in spans]
    out = []
    for name, noun in described:
        if noun.lemma_.lower() not in ORGANIZATION_DESCRIPTORS:
            continue
        first = name.i
        while first > 0 and doc[first - 1].pos_ == "PROPN" and doc[first - 1].dep_ == "compound":
            first -= 1
        toks = doc[first:name.i + 1]
        if any(t.ent_type_ not in _UNTYPED or not t.text[:1].isupper() or t.is_upper for t in toks):
            continue
        a, b = toks.start_char, toks.end_char
        if len(toks.text) > 1 and not any(x < b and a < y for x, y in occupied):
            out.append(Span(a, b, "ORG", "described"))
            occupied.append((a, b))
    return out


def described_works(described: list[tuple[Token, Token]]) -> list[tuple[int, int]]:
    """Character extents of the names a noun says are works ("her album, Northern Lights",
    "the film Quiet Harbor"): titles, neither persons, organizations nor places."""
    out = []
    for name, noun in described:
        if noun.lemma_.lower() in WORK_NOUNS:
            out.append((name.left_edge.idx if name.left_edge.pos_ == "PROPN" else name.idx, name.idx + len(name)))
    return out
