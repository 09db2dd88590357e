"""Mentions of people, organizations and places in one parsed document.

`find_mentions` takes the model's PERSON/ORG/GPE/LOC/FAC entities, repairs their spans
(split at line breaks and where one span holds two names; a leading "the", a possessive
"'s" and a trailing score trimmed), drops those that layout cues mark as headline or
boilerplate artefacts, titles of works ("her album, Northern Lights"), title fragments
("Defence" of "Defence Secretary", `extract.title_spans`), titles with no name ("Rear
Admiral") and sentence-initial common nouns, then adds the names the model missed (see
`extract.missed_names`). Offsets are source offsets: `document.text[m.start:m.end] ==
m.text`; each mention carries its rule (ner, acronym, dateline, name-shape, string-match).
"""
from __future__ import annotations

import re
from bisect import bisect_right

from graphbuild.extract.context import CorpusContext
from graphbuild.extract.layout import Layout, Span
from graphbuild.extract.located_names import located_places
from graphbuild.extract.missed_names import acronyms, datelines, initialled, introduced, propagate
from graphbuild.extract.span_joins import described_names, described_organizations, described_works
from graphbuild.extract.span_joins import (person_of_country, split_conjoined_organizations, with_conjoined_tail,
                                           with_credentials, with_given_name_before, with_hyphenated_words,
                                           with_surname_after_particle)
from graphbuild.extract.team_cues import table_names
from graphbuild.extract.title_spans import title_fragment, without_portfolio
from graphbuild.lexicon.countries import by_demonym, by_name
from graphbuild.lexicon.name_forms import in_gazetteer, shaped_like_person
from graphbuild.lexicon.roles import only_a_title
from graphbuild.lexicon.words import COMMON_ABBREVIATIONS, FUNCTION_WORDS
from graphbuild.model import Mention
from graphbuild.names import POSSESSIVE
from graphbuild.nlp import ParsedDocument

ENTITY_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC"})
_LEADING_ARTICLE = re.compile(r"^(?:the|The|THE|(?:Photo|Photograph|Picture|Image|Video|Caption|File|Graphic):)\s+")
_TRAILING_PUNCT = re.compile(r"[\s,;:\-–—]+$")
# A score or figure glued to a name by the model ("Kent 108-3", "Mexico 2-0").
_TRAILING_NUMBER = re.compile(r"(?:\s+[\d][\d.,:/-]*)+$")
# Where one span holds two names: a comma ("Kerman, Iran"), an unclosed bracket
# ("Organisation of Islamic Conference ( OIC"), "at" ("Yorkshire at Headingley"), a
# spaced dash ("Romania - Cosmin Contra") or a number between them ("Haitai 2 Samsung").
# A fiscal quarter or half ("Q4", "H1"), a clock time's zone is in COMMON_ABBREVIATIONS.
_PERIOD = re.compile(r"[QH][1-4]")
# Determiners in front of a capitalized common noun ("The Board has ...", "His Arrest").
_DETERMINERS = frozenset("the a an his her its their our my your this that these those".split())
_POSSESSIVE_DETERMINERS = frozenset("his her its their our my your".split())
# The rest of a ministry's name that lists its portfolios ("Ministry of Trade", ", Industry and Energy").
_LISTED_PORTFOLIOS = re.compile(r"(?:, [A-Z][a-z]+)+,? and [A-Z][a-z]+$")
_SPLIT = re.compile(r"\s*,\s+|\s+\(\s*|\s+(?:at|AT)\s+|\s+[-–—]+\s+|\s+\d[\d.,:/-]*\s+")
def find_mentions(parsed: ParsedDocument, context: CorpusContext = CorpusContext()) -> list[Mention]:
    """Entity mentions of `parsed`, sorted by position (see the module docstring)."""
    text = parsed.doc.text
    layout = Layout(text, context.repeated_lines)
    spans = [without_portfolio(text, p) for ent in parsed.doc.ents if ent.label_ in ENTITY_LABELS
             for s in _repair(text, Span(_name_start(ent), ent.end_char, ent.label_)) for p in person_of_country(text, s)]
    spans = split_conjoined_organizations(text, spans)
    spans = with_credentials(text, [p for s in spans for p in _heading_pieces(layout, s) if _trusted(parsed, layout, p)])
    described = list(described_names(parsed.doc))  # one pass over the tokens for both uses
    works = described_works(described)
    spans = [s for s in spans if not any(a < s.end and s.start < b for a, b in works)]
    spans = _with_team_nicknames(parsed, layout, spans)
    spans = with_conjoined_tail(text, with_hyphenated_words(text, with_surname_after_particle(text, spans)))
    spans = with_given_name_before(parsed.doc, spans)
    places = datelines(text, spans)
    spans = [s for s in spans if not any(p.start <= s.start and s.end <= p.end for p in places)] + places
    spans += initialled(text, spans)
    named = introduced(parsed.doc, spans)
    spans = [s for s in spans if not any(n.start <= s.start and s.end <= n.end for n in named)] + named
    spans += located_places(text, spans)
    spans += described_organizations(parsed.doc, described, spans)
    spans += acronyms(text, spans)
    spans += table_names(text, spans)
    spans += propagate(parsed.doc, layout, spans)
    return _to_mentions(parsed, sorted(set(spans), key=lambda s: (s.start, -s.end)))


def _name_start(ent) -> int:
    """Where the name of a model's span starts: after a lowercase verb the span took in
    ("to meet European Union officials" tagged "meet European Union"), or a gerund that
    opens the sentence ("Having Jackman host" tagged "Having Jackman")."""
    i = ent.start
    while i < ent.end - 1 and ent.doc[i].is_lower and ent.doc[i].pos_ in ("VERB", "AUX"):
        i += 1
    first = ent.doc[i]
    if i == ent.start and i < ent.end - 1 and first.is_sent_start and first.tag_ == "VBG" \
            and first.dep_ not in ("compound", "amod", "nmod") and not in_gazetteer(first.text):
        i += 1  # "Reading Football Club" stays whole: a town's name
    return ent.doc[i].idx


def _with_team_nicknames(parsed: ParsedDocument, layout: Layout, spans: list[Span]) -> list[Span]:
    """A place name the model ended before a capitalized plural ("the Philadelphia
    76ers", "Oakland Raiders") names a team: one organization span. Not a demonym
    ("California Democrats") nor a word the text also writes in lowercase."""
    doc, starts, out = parsed.doc, {s.start for s in spans}, []
    text = doc.text  # spaCy joins every token's text again on each access
    for s in spans:
        toks = doc.char_span(s.start, s.end, alignment_mode="expand") if s.label in ("GPE", "LOC") else None
        t = doc[toks.end] if toks is not None and toks.end < len(doc) else None
        if t is not None and t.idx == s.end + 1 and text[s.end] == " " and t.idx not in starts and _nickname(t, layout):
            out.append(Span(s.start, t.idx + len(t), "ORG", s.rule))
        else:
            out.append(s)
    return out


def _nickname(t, layout: Layout) -> bool:
    w, after = t.text, t.nbor(1) if t.i + 1 < len(t.doc) else None
    return (len(w) > 3 and (w[0].isupper() or w[0].isdigit()) and w.endswith("s") and not w.isupper()
            and t.tag_ in ("NNPS", "NNS", "NNP") and t.ent_type_ != "NORP" and w.casefold() not in layout.lowercase_words
            and not (after is not None and after.text[:1].isupper()))


def _repair(text: str, span: Span) -> list[Span]:
    """The span split at line breaks (and where it holds two names) and trimmed of
    "the", "'s", a trailing number and stray punctuation."""
    out, pieces, start = [], [], span.start
    for line in text[span.start:span.end].split("\n"):
        cuts = [(m.start(), m.end()) for m in _SPLIT.finditer(line)
                if not (span.label == "ORG" and _LISTED_PORTFOLIOS.match(line, m.start()) and " of " in line[:m.start()])
                ] if ")" not in line else []
        previous = 0
        for c, d in [*cuts, (len(line), len(line))]:
            pieces.append((start + previous, start + c))
            previous = d
        start += len(line) + 1
    pieces = [q for a, b in pieces for q in _split_at_case(text, a, b)]
    for a, b, label in [q for a, b in pieces for q in _split_at_place(text, a, b, span.label)]:
        while a < b and text[a].isspace():
            a += 1
        m = _LEADING_ARTICLE.match(text[a:b])
        if m and b - a > m.end():
            a += m.end()
        for pattern in (_TRAILING_PUNCT, _TRAILING_NUMBER, POSSESSIVE, _TRAILING_PUNCT):
            m = pattern.search(text[a:b])
            if m and m.start() > 0:
                b = a + m.start()
        # A name has a capital or a digit: "the south coast" is a description.
        if b > a and any(c.isupper() or c.isdigit() for c in text[a:b]) and text[a:b] not in FUNCTION_WORDS:
            out.append(Span(a, b, label, span.rule))
    return out


_CAPS_THEN_TITLE = re.compile(r"[A-Z][A-Z'’.-]+(?: [A-Z][A-Z'’.-]+)+(?= [A-Z][a-z])")


def _split_at_case(text: str, a: int, b: int) -> list[tuple[int, int]]:
    """[a, b) cut where two or more words in capitals give way to a capitalized word: a
    byline's writer and the agency ("NIKO SURYADI Associated Press")."""
    m = _CAPS_THEN_TITLE.match(text, a, b)
    return [(a, m.end()), (m.end() + 1, b)] if m else [(a, b)]


def _split_at_place(text: str, a: int, b: int, label: str) -> list[tuple[int, int, str]]:
    """[a, b) with its label, cut at " in " when a known place follows ("Super Eagles in
    Uyo": a name and a place)."""
    k = text.find(" in ", a, b)
    if label == "PERSON" or k < 0 or not in_gazetteer(text[k + 4:b]):
        return [(a, b, label)]
    return [(a, k, label), (k + 4, b, "GPE")]


def _trusted(parsed: ParsedDocument, layout: Layout, span: Span) -> bool:
    """False for spans that layout cues or title context show are no names."""
    text = layout.text
    name = text[span.start:span.end]
    if layout.in_caption(span.start, span.end) or _common_abbreviation(name) or only_a_title(name):
        return False  # a credit, "GMT", or a title with no name ("Rear Admiral")
    if _determined_common_noun(parsed, layout, span):
        return False
    if title_fragment(parsed, span) or _common_noun(parsed, layout, span):
        return False
    line = layout.line_of(span.start)
    suspect_heading = layout.heading[line] and not layout.caps[line]
    if not (layout.notice[line] or suspect_heading):
        return True
    # A name the article's prose also uses is a name wherever it stands.
    if layout.occurs_in_prose(name, (span.start, span.end)):
        return True
    if layout.notice[line]:
        return False
    # A headline read as a name: the whole line (a byline of a person's name
    # excepted), or a name whose first word the text uses as a common word
    # ("Stampede" of "Stampede Kills ..." where "the stampede" occurs).
    a, b = layout.lines[line]
    whole = text[a:b].strip(" •\t") == name and len(name.split()) > 1 and span.label != "PERSON"
    first = re.findall(r"[^\W\d_]+", name)[:1]
    return not (whole or (first and first[0].casefold() in layout.lowercase_words))


def _heading_pieces(layout: Layout, span: Span) -> list[Span]:
    """A name in a title-case headline without the headline's words glued to it: edge
    words of a personal name whose forms the prose writes in lowercase ("Hire Jane Roe",
    "Jane Roe Returns": "hired", "return"); a span of any label that such a word splits
    into a personal name and the rest ("Acme To Hire Jane Roe") gives both names."""
    line = layout.line_of(span.start)
    a, b = layout.lines[line]
    if not (layout.caps[line] or _title_case(layout.text[a:b])):
        return [span]
    words = [(span.start + m.start(), span.start + m.end())
             for m in re.finditer(r"\S+", layout.text[span.start:span.end])]
    lower = layout.lowercase_words

    def common(w: tuple[int, int]) -> bool:
        word = layout.text[w[0]:w[1]].casefold()
        if word in FUNCTION_WORDS:
            return True
        forms = (word, word + "d", word + "ed", word + "s", word + "ing", word[:-1] if word.endswith("s") else word)
        return any(f in lower for f in forms)

    runs, run = [], []
    for w in words:
        if common(w):
            runs.append(run)
            run = []
        else:
            run.append(w)
    runs = [r for r in [*runs, run] if r]
    names = [layout.text[r[0][0]:r[-1][1]] for r in runs]
    if len(runs) < 2 or not any(shaped_like_person(n) for n in names):
        if span.label == "PERSON" and len(runs) == 1 and len(runs[0]) >= 2:
            return [Span(runs[0][0][0], runs[0][-1][1], span.label, span.rule)]
        return [span]
    return [Span(r[0][0], r[-1][1], "PERSON" if shaped_like_person(n) else span.label, span.rule)
            for r, n in zip(runs, names)]


def _title_case(line: str) -> bool:
    """A headline written in title case: no final stop, most words capitalized."""
    words = re.findall(r"[^\W\d_]+", line)
    if len(words) < 3 or line.rstrip().endswith((".", "!", "?", '"', "”")):
        return False
    return sum(w[0].isupper() for w in words) >= 0.6 * len(words)


def _common_noun(parsed: ParsedDocument, layout: Layout, span: Span) -> bool:
    """A one-word span that is a common word here: opening a sentence, the tagger reads
    it as a plural noun ("Coffins of ... were carried"), or as a plural name whose
    singular the text writes in lowercase ("Libertarians" beside "a libertarian"); in an all-caps line, the text
    uses it in lowercase ("SOCCER - ..." beside "soccer"). A capital at a sentence start
    or in an all-caps line is no evidence of a name ("Navy" at a sentence start stays)."""
    tokens = parsed.doc.char_span(span.start, span.end, alignment_mode="expand")
    if tokens is None or len(tokens) != 1:
        return False
    token = tokens[0]
    line = layout.line_of(span.start)
    opens = token.is_sent_start or span.start == layout.lines[line][0] or layout.caps[line]
    if not opens:
        return False
    if layout.caps[line]:  # "SOCCER - ..." where the story says "soccer"
        return token.lower_ in layout.lowercase_words
    if token.tag_ == "NNPS" and not token.is_upper:  # "Libertarians, in general, ..." beside "a libertarian"
        return any(token.lower_[:-k] in layout.lowercase_words for k in (1, 2) if token.lower_.endswith("s"))
    return token.tag_ == "NNS" and not token.is_upper


def _common_abbreviation(name: str) -> bool:
    """"AI", "VR", "COVID-19", "GMT", "Q4": abbreviations of common nouns, no names;
    likewise a bare demonym ("Russian", "Tajiks"), which names no one entity."""
    if name.casefold() in COMMON_ABBREVIATIONS or _PERIOD.fullmatch(name):
        return True
    return " " not in name and by_demonym(name) is not None and by_name(name) is None


def _determined_common_noun(parsed: ParsedDocument, layout: Layout, span: Span) -> bool:
    """A one-word span after a determiner that the text also uses in lowercase ("The
    Board has concluded" beside "chairman of the board"), or after a possessive
    determiner ("in His Arrest"; no name follows "his"): a capitalized common noun."""
    tokens = parsed.doc.char_span(span.start, span.end, alignment_mode="expand")
    if tokens is None or len(tokens) != 1 or tokens.start == 0 or tokens[0].is_upper:
        return False
    before, token = parsed.doc[tokens.start - 1], tokens[0]
    if before.lower_ not in _DETERMINERS:
        return False
    if token.lower_ in layout.lowercase_words:
        return True
    return before.lower_ in _POSSESSIVE_DETERMINERS


def _to_mentions(parsed: ParsedDocument, spans: list[Span]) -> list[Mention]:
    doc, source = parsed.doc, parsed.document.text
    token_starts = [t.idx for t in doc]
    out, seen = [], set()
    for s in spans:
        start, end = parsed.source(s.start, s.end)
        if (start, end) in seen:
            continue
        seen.add((start, end))
        if len(doc):
            # The sentences of the first and the last token: the parser may break a
            # sentence inside a name it did not tag, and the evidence must cover it.
            first = doc[max(0, bisect_right(token_starts, s.start) - 1)].sent
            last = doc[max(0, bisect_right(token_starts, s.end - 1) - 1)].sent
            sent_start, sent_end = parsed.source(first.start_char, max(first.end_char, last.end_char))
        else:
            sent_start, sent_end = start, end
        out.append(Mention(doc_id=parsed.document.id, start=start, end=end, text=source[start:end],
                           label=s.label, sentence_start=sent_start, sentence_end=sent_end, rule=s.rule))
    return out
