"""Nationality and birthplace of people from the phrases that describe them.

- "X is an American actor", "X, a Norwegian politician," / "Italian singer X",
  "Jamaican X": nationality from the demonym (or country name) on the describing noun
  (`affiliation.CountryWords`, resolved by the stage; a new country from a demonym).
- "X (born 4 May 1961 in Leeds)", "X was born in Leeds", "Oslo-born painter X", "Born
  in Leeds, he ...", "X (4 May 1861 in Leeds – 1925 in Hull)": birthPlace; "X, a native
  of Y", "a resident of Y", "X, a Honolulu resident": homeLocation.
- "X served as Prime Minister of Y" (a national office of a country): nationality.
Subjects may be pronouns or definite descriptions (`DocumentView.referent`).

Read-only: yields records; the stage applies them.
"""
from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span, Token

from graphbuild.extract.affiliation import CountryWords
from graphbuild.extract.place_phrases import place_chain
from graphbuild.extract.records import FoundRelation
from graphbuild.extract.view import DocumentView
from graphbuild.lexicon import countries

DESCRIBING_DEPS = frozenset("amod compound".split())
NAME_DEPS = frozenset("compound flat nmod".split())  # the words of a name before its head word
# Head nouns of the national offices whose holder is a citizen of the country ("Prime
# Minister of Poland", "President of Chile", "King of Spain").
OFFICE_NOUNS = frozenset("president minister king queen chancellor premier emperor empress monarch senator".split())
# A national legislature: its members are citizens of its country ("a member of
# Argentina's Congress", "a member of the Parliament of Finland").
LEGISLATURES = frozenset("congress parliament senate diet assembly legislature riksdag storting bundestag".split())
MAX_NOUNS = 3  # lowercase nouns between a demonym and a name ("Italian pop singer X")


def _person_of(view: DocumentView, tok: Token | None) -> str | None:
    if tok is None:
        return None
    # the whole name before the head word ("Joao Paulo de Leiria e Silva"), not its clauses
    k = tok.i
    while k > tok.sent.start and tok.doc[k - 1].dep_ in NAME_DEPS and not tok.doc[k - 1].is_punct \
            and tok.doc[k - 1].head.i >= k - 1:
        k -= 1
    eid = view.token_entity(tok) or view.entity_of_tokens(tok.doc[k : tok.i + 1]) or view.referent(tok)
    return eid if eid is not None and view.kind(eid) == "Person" else None


def described_person(view: DocumentView, noun: Token) -> str | None:
    """The person a describing noun is said of: "X is a NOUN", "X, a NOUN", "X was born"."""
    if noun.dep_ == "conj" and noun.head.dep_ in ("attr", "appos"):
        return described_person(view, noun.head)
    if noun.dep_ == "attr" or noun.pos_ in ("VERB", "AUX"):
        head = noun.head if noun.dep_ == "attr" else noun
        subj = next((c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        return _person_of(view, subj)
    if noun.dep_ == "appos":
        return _person_of(view, noun.head)
    return None


def _country_word(view: DocumentView, t: Token) -> str | None:
    """"demonym" or "country-premodifier" when token `t` names a country by itself."""
    eid = view.token_entity(t)
    if eid is not None and view.kind(eid) != "Place":
        return None  # "the French Foreign Legion"
    if countries.by_demonym(t.text) is not None:
        return "demonym"
    if eid is not None and countries.by_name(t.text) is not None:
        return "country-premodifier"
    return None


def _appositive_person(view: DocumentView, noun: Token) -> str | None:
    """The person named in apposition to a lowercase noun: "the German chancellor, X,"."""
    if noun.pos_ != "NOUN" or not noun.is_lower:
        return None
    return next((p for c in noun.children if c.dep_ == "appos" and (p := _person_of(view, c))), None)


def nationality_words(view: DocumentView) -> Iterator[CountryWords]:
    """Country words describing a person (see the module docstring)."""
    doc = view.doc
    for noun in doc:
        if noun.pos_ not in ("NOUN", "PROPN"):
            continue
        if noun.pos_ == "PROPN" and view.token_entity(noun) is not None:
            continue  # "X, Paris": a name, not a describing noun ("a U.S. Representative" is one)
        person = described_person(view, noun) if noun.dep_ in ("attr", "appos", "conj") else _appositive_person(view, noun)
        if person is None:
            continue
        for c in noun.children:
            if c.dep_ in DESCRIBING_DEPS and c.i < noun.i and (rule := _country_word(view, c)):
                a = c.i - 1 if c.i > 0 and countries.by_demonym(doc[c.i - 1 : c.i + 1].text) else c.i
                yield CountryWords(person, noun.sent, doc[a : c.i + 1], rule)  # "Equatorial Guinean"
    yield from _office_countries(view)
    before: dict[int, tuple[Span, str]] = {}  # a name's root token -> the country words before it
    for person, span in view.entity_spans(("Person",)):
        found = _words_before(view, span)
        if found is None and span.root.dep_ == "conj":  # "Australian pacers X, Y and Z"
            first = span.root
            while first.dep_ == "conj" and first.head != first:
                first = first.head
            found = before.get(first.i)
        if found is not None:
            before[span.root.i] = found
            yield CountryWords(person, span.sent, found[0], found[1])


def _office_holder(view: DocumentView, noun: Token) -> str | None:
    """Who holds the office `noun` names: "X is/was the NOUN", "X, NOUN of", "X served
    as NOUN", "the NOUN of Y, X"."""
    person = described_person(view, noun)
    if person is None and noun.dep_ == "pobj" and noun.head.lower_ == "as" and noun.head.head.pos_ in ("VERB", "AUX"):
        person = verb_person(view, noun.head.head)
    if person is None:
        person = next((p for c in noun.children if c.dep_ == "appos" and (p := _person_of(view, c))), None)
    if person is None and noun.dep_ == "nsubj" and noun.head.lemma_ == "be":  # "the first NOUN of Y was X"
        person = next((p for c in noun.head.children if c.dep_ == "attr" and (p := _person_of(view, c))), None)
    return person


def _country_tokens(noun: Token) -> Iterator[Token]:
    """The tokens that may name the country of an office or a legislature: "NOUN of Y",
    "Y's NOUN", and for a member, "of Y's Congress" / "of the Parliament of Y"."""
    if noun.lemma_.lower() != "member":
        yield from (c for c in noun.children if c.dep_ == "poss")
    for prep in noun.children:
        if prep.dep_ != "prep" or prep.lower_ != "of":
            continue
        for o in prep.children:
            if o.dep_ != "pobj":
                continue
            if noun.lemma_.lower() != "member":
                yield o
            elif o.lemma_.lower() in LEGISLATURES:
                yield from (c for c in o.children if c.dep_ == "poss")
                yield from (p for c in o.children if c.dep_ == "prep" and c.lower_ == "of"
                            for p in c.children if p.dep_ == "pobj")


def _office_countries(view: DocumentView) -> Iterator[CountryWords]:
    """The country of a national office its holder held or of the legislature a person is
    a member of: nationality (`OFFICE_NOUNS`, `LEGISLATURES`)."""
    for noun in view.doc:
        low = noun.lemma_.lower()
        if (low not in OFFICE_NOUNS and low != "member") or noun.pos_ not in ("NOUN", "PROPN"):
            continue
        for o in _country_tokens(noun):
            eid = view.token_entity(o)
            if eid is None or view.kind(eid) != "Place" or countries.by_name(view.label(eid)) is None:
                continue
            person = _office_holder(view, noun)
            if person is not None:
                span = next((s for e, s in view.entity_spans(("Place",)) if e == eid and s.start <= o.i < s.end), None)
                if span is not None:  # a former or deputy office tells the citizenship too
                    yield CountryWords(person, noun.sent, span, "office-of-country")


def _words_before(view: DocumentView, span: Span) -> tuple[Span, str] | None:
    """The country words right before a name: a demonym or country name, with up to
    `MAX_NOUNS` lowercase nouns between ("Italian singer X"), or a country's possessive
    ("Australia's X")."""
    doc = span.doc
    j = span.start - 1
    if j - 1 >= span.sent.start and doc[j].tag_ == "POS":
        name = view.token_entity(doc[j - 1])
        if name is not None and view.kind(name) == "Place" and countries.by_name(view.label(name)):
            k = j - 1
            while k - 1 >= span.sent.start and view.token_entity(doc[k - 1]) == name:
                k -= 1
            return doc[k:j], "country-possessive"
        return None
    nouns = 0
    while j >= span.sent.start and doc[j].is_lower and doc[j].pos_ == "NOUN" and nouns < MAX_NOUNS:
        j -= 1
        nouns += 1
    if j >= span.sent.start and (rule := _country_word(view, doc[j])) and doc[j].ent_type_ in ("NORP", "GPE", ""):
        return doc[j : j + 1], rule
    return None


def _bracketed_person(view: DocumentView, born: Token) -> str | None:
    """The person named right before "(born": "X (born Y Z on 4 May 1961 in W)", where
    the parse may hang "born" anywhere and take the birth name Y Z for its subject."""
    if born.i < 2 or born.doc[born.i - 1].text != "(":
        return None
    return next((eid for eid, span in view.entity_spans(("Person",)) if span.end == born.i - 1), None)


def _born_person(view: DocumentView, born: Token) -> str | None:
    """Whose birth "born" tells: the name before "(born", its passive subject, or the
    name it modifies."""
    person = _bracketed_person(view, born) or described_person(view, born)
    if person is None and born.dep_ in ("acl", "amod", "appos", "relcl"):
        person = _person_of(view, born.head) or described_person(view, born.head)  # "X was an actor, born in Y"
    if person is None and born.dep_ == "advcl":  # "Born in Y, he moved to Z"
        person = verb_person(view, born.head)
    k = born.head
    for _ in range(3):  # "Oslo-born painter X": born -> painter -> X
        if person is not None:
            break
        person = _person_of(view, k)
        k = k.head
    return person


def _born_place(view: DocumentView, born: Token, by_start: dict) -> list[tuple[str, Span]]:
    """The place chain of "born ... in Y" or "(born DATE, Y)" after `born`, in its clause."""
    doc = born.doc
    end = born.sent.end
    if born.i > 0 and doc[born.i - 1].text == "-":
        return []  # "Kenyan-born runner X won in Boston": the place stands before "born"
    for k in range(born.i + 1, min(end, born.i + 12)):
        t = doc[k]
        if t.lower_ == "and" and k + 1 < end and doc[k + 1].lower_ in ("raised", "bred", "brought"):
            continue  # "born and raised in Y"
        if t.text in (")", ";") or t.lower_ in ("and", "to", "as") or (t.pos_ in ("VERB", "AUX") and t.lower_ not in ("raised", "bred")):
            break  # another clause's verb: "born in 1990, she moved to Y" reads no further
        if t.lower_ in ("in", "at") or (t.text == "," and k + 1 in by_start):
            places = place_chain(view, k + 1, by_start).places
            if places or t.text == ",":
                return places  # else "born in 1963 in Y": read on
    return []


def birth_places(view: DocumentView) -> Iterator[FoundRelation]:
    """birthPlace from "born in Y", "(born DATE, Y)", "Y-born"; homeLocation from "a
    native of Y"."""
    doc = view.doc
    by_start = {s.start: (eid, s) for eid, s in view.entity_spans(("Place",))}
    by_end = {s.end: (eid, s) for eid, s in view.entity_spans(("Place",))}
    yield from lifespan_places(view, by_start)
    for t in doc:
        low = t.lower_
        if low == "born" and t.i >= 2 and doc[t.i - 1].text == "-" and t.i - 1 in by_end:
            person = _born_person(view, t)
            if person is not None:
                yield FoundRelation(person, "birthPlace", by_end[t.i - 1][0], t.sent, "place-born", 0.8)
        elif low == "born":
            person = _born_person(view, t)
            places = _born_place(view, t, by_start) if person is not None else []
            if places:
                yield FoundRelation(person, "birthPlace", places[0][0], t.sent, "born-in", 0.85)
        elif low in ("resident", "native") and t.pos_ == "NOUN" and t.i in by_end:  # "a Honolulu resident"
            person = described_person(view, t)
            if person is not None:
                yield FoundRelation(person, "homeLocation", by_end[t.i][0], t.sent, f"place-{low}", 0.8)
        elif low in ("native", "resident") and t.pos_ == "NOUN" and t.i + 1 < len(doc) and doc[t.i + 1].lower_ == "of":
            person = described_person(view, t)
            places = place_chain(view, t.i + 2, by_start).places if person is not None else []
            if places:
                yield FoundRelation(person, "homeLocation", places[0][0], t.sent, f"{low}-of", 0.8)


DASHES = frozenset("– — - ‒".split())


def lifespan_places(view: DocumentView, by_start: dict) -> Iterator[FoundRelation]:
    """birthPlace from a lifespan in brackets after a name: "X (11 May 1874 in Y – 1915
    in Z)", "X (Y, May 1869 – Z, 1925)": the place before the dash, beside the birth date."""
    doc = view.doc
    for person, span in view.entity_spans(("Person",)):
        if span.end >= len(doc) or doc[span.end].text != "(":
            continue
        k, dated, place = span.end + 1, False, None
        while k < min(len(doc), span.end + 16) and doc[k].text not in DASHES and doc[k].text != ")":
            dated = dated or doc[k].ent_type_ == "DATE" or (doc[k].like_num and len(doc[k].text) == 4)
            if place is None and k in by_start and doc[k].lower_ != "born":
                place = by_start[k][0]
            if doc[k].lower_ == "born":
                break  # "born ... in Y" is `birth_places`' reading
            k += 1
        if dated and place is not None and k < len(doc) and doc[k].text in DASHES:
            yield FoundRelation(person, "birthPlace", place, span.sent, "lifespan-place", 0.75)


def verb_person(view: DocumentView, verb: Token) -> str | None:
    """The person doing `verb`: its subject, or the person a relative clause describes."""
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is not None and subj.lower_ not in ("who", "that"):
        return _person_of(view, subj)
    if verb.dep_ in ("relcl", "acl"):  # "a footballer who plays for", "a forward playing with"
        return _person_of(view, verb.head) or described_person(view, verb.head)
    if verb.dep_ in ("conj", "xcomp", "advcl") and verb.head != verb:
        return verb_person(view, verb.head)
    return None
