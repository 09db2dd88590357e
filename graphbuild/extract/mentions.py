"""Mentions of people, organizations and places in one parsed document.

`find_mentions` takes the model's PERSON/ORG/GPE/LOC/FAC entities, repairs their spans
(split at line breaks, a leading "the" and a possessive "'s" trimmed), drops those that
layout cues mark as headline or boilerplate artefacts and title fragments, then adds what
the model missed: acronyms defined in brackets (rule "acronym") and repeated occurrences
of names already found — the full name, a person's surname, an acronym (rule
"string-match"). Offsets are source offsets: `document.text[m.start:m.end] == m.text`.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter, defaultdict
from dataclasses import dataclass

from graphbuild.analyze import CorpusContext
from graphbuild.extract.layout import Layout
from graphbuild.model import Mention
from graphbuild.nlp import ParsedDocument
from graphbuild.resolve.titles import initialled_name, is_honorific, is_title_noun

ENTITY_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC"})
# Small words that never make a name on their own or as a propagated surname.
_FUNCTION_WORDS = frozenset("a an and as at but by for from in into of on or the to with".split())
_WORD_RUN = re.compile(r"\w+")
_LEADING_ARTICLE = re.compile(r"^(?:the|The|THE)\s+")
_POSSESSIVE = re.compile(r"(?:['’]s|(?<=s)['’])$")
_TRAILING_PUNCT = re.compile(r"[\s,;:\-–—]+$")
# A score or figure glued to a name by the model ("Kent 108-3", "Mexico 2-0").
_TRAILING_NUMBER = re.compile(r"(?:\s+[\d][\d.,:/-]*)+$")
# Where one span holds two names: a comma ("Kerman, Iran"), an unclosed bracket
# ("Organisation of Islamic Conference ( OIC"), "at" ("Yorkshire at Headingley"), a
# spaced dash ("Romania - Cosmin Contra") or a number between them ("Haitai 2 Samsung").
_SPLIT = re.compile(r"\s*,\s+|\s+\(\s*|\s+(?:at|AT)\s+|\s+[-–—]+\s+|\s+\d[\d.,:/-]*\s+")
_ACRONYM_AFTER = re.compile(r"\s*\(\s*([A-Z][A-Z&.]{1,9})\s*\)")
# A dateline opening a story: "DUBLIN 1996-08-31", "LANDGRAAF , Netherlands 1996-08-31",
# "WASHINGTON (Agency) -": the place in capitals, a date or an agency credit after it.
_DATELINE = re.compile(r"^([A-Z][A-Z.'’-]+(?: [A-Z][A-Z.'’-]+){0,3})(?=(?: ?, ?[A-Z][\w.]+(?: [A-Z][\w.]+)?)? "
                       r"(?:\d{1,4}[-/]\d{1,2}[-/]\d{1,4}$|\(\s*[A-Z][\w ]*\)\s*[-–—]))", re.M)
# Initials then a capitalized surname, not inside a longer capitalized run.
_INITIALLED_NAME = re.compile(r"(?<![\w.'’-])(?:[A-Z]\.\s?){1,3}(?P<surname>[A-Z][a-z]+(?:[-'’][A-Z]?[a-z]+)?)(?![\w'’-]| [A-Z])")
DATELINE_LINES = 4  # a dateline stands in the first lines of a story
# Words skipped when reading an expansion's initials: "Council on Foreign Relations".
_ACRONYM_SKIP = frozenset({"of", "the", "and", "for", "on", "in", "&", "de", "du", "des", "la"})


@dataclass(frozen=True)
class Span:
    """A candidate mention in the parser's text (`doc.text`) coordinates."""

    start: int
    end: int
    label: str
    rule: str = "ner"


def find_mentions(parsed: ParsedDocument, context: CorpusContext = CorpusContext()) -> list[Mention]:
    """Entity mentions of `parsed`, sorted by position (see the module docstring)."""
    text = parsed.doc.text
    layout = Layout(text, context.repeated_lines)
    spans = [s for ent in parsed.doc.ents if ent.label_ in ENTITY_LABELS
             for s in _repair(text, Span(ent.start_char, ent.end_char, ent.label_))]
    spans = [s for s in spans if _trusted(parsed, layout, s)]
    spans += _datelines(text, spans)
    spans += _initialled(text, spans)
    spans += _acronyms(text, spans)
    spans += _propagate(parsed.doc, layout, spans)
    return _to_mentions(parsed, sorted(set(spans), key=lambda s: (s.start, -s.end)))


def _repair(text: str, span: Span) -> list[Span]:
    """The span split at line breaks (and where it holds two names) and trimmed of
    "the", "'s", a trailing number and stray punctuation."""
    out, pieces, start = [], [], span.start
    for line in text[span.start:span.end].split("\n"):
        cuts = [(m.start(), m.end()) for m in _SPLIT.finditer(line)] if ")" not in line else []
        previous = 0
        for c, d in [*cuts, (len(line), len(line))]:
            pieces.append((start + previous, start + c))
            previous = d
        start += len(line) + 1
    for a, b in pieces:
        while a < b and text[a].isspace():
            a += 1
        m = _LEADING_ARTICLE.match(text[a:b])
        if m and b - a > m.end():
            a += m.end()
        for pattern in (_TRAILING_PUNCT, _TRAILING_NUMBER, _POSSESSIVE, _TRAILING_PUNCT):
            m = pattern.search(text[a:b])
            if m and m.start() > 0:
                b = a + m.start()
        # A name has a capital or a digit: "the south coast" is a description.
        if b > a and any(c.isupper() or c.isdigit() for c in text[a:b]) and text[a:b] not in _FUNCTION_WORDS:
            out.append(Span(a, b, span.label, span.rule))
    return out


def _trusted(parsed: ParsedDocument, layout: Layout, span: Span) -> bool:
    """False for spans that layout cues or title context show are no names."""
    text = layout.text
    name = text[span.start:span.end]
    if layout.in_caption(span.start, span.end):
        return False
    if _title_fragment(parsed, span) or _common_noun(parsed, span):
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


def _title_fragment(parsed: ParsedDocument, span: Span) -> bool:
    """A one-word non-person span that belongs to a title phrase: "Defence" in "Defence
    Secretary", "Supreme" in "Supreme Leader", "State" in "Secretary of State"."""
    if span.label == "PERSON":
        return False
    doc = parsed.doc
    tokens = doc.char_span(span.start, span.end, alignment_mode="expand")
    if tokens is None or len(tokens) != 1:
        return False
    i = tokens.start
    after = doc[i + 1] if i + 1 < len(doc) else None
    if after is not None and after.text[:1].isupper() and (is_title_noun(after.text) or is_honorific(after.text)):
        return not _is_place_adjective(doc[i])
    if i >= 2 and doc[i - 1].lower_ in ("of", "for") and is_title_noun(doc[i - 2].text) and doc[i - 2].text[:1].isupper():
        return True
    return False


def _common_noun(parsed: ParsedDocument, span: Span) -> bool:
    """A one-word span opening a sentence that the tagger reads as a plural common noun
    ("Coffins of ... were carried"): the tagger and the recognizer disagree, and a
    capital at a sentence start is no evidence of a name."""
    tokens = parsed.doc.char_span(span.start, span.end, alignment_mode="expand")
    if tokens is None or len(tokens) != 1:
        return False
    token = tokens[0]
    return token.is_sent_start and token.tag_ == "NNS" and not token.is_upper


def _is_place_adjective(token) -> bool:
    # "US Secretary", "NATO Secretary General": a place or an acronym in front of a
    # title is still a name; "Defence", "Supreme" are words of the title.
    return token.ent_type_ in ("GPE", "LOC") or token.is_upper


def _initials(words: list[str]) -> str:
    return "".join(w[0] for w in words if w.casefold() not in _ACRONYM_SKIP and w[:1].isalpha()).upper()


def _acronyms(text: str, spans: list[Span]) -> list[Span]:
    """Acronyms defined in brackets after a name: "Islamic Revolutionary Guards Corps
    (IRGC)" gives a mention of "IRGC" (rule "acronym", the name's label)."""
    out = []
    taken = {(s.start, s.end) for s in spans}
    for s in spans:
        m = _ACRONYM_AFTER.match(text, s.end)
        if not m:
            continue
        acronym = m.group(1).replace(".", "")
        words = re.findall(r"[\w'’-]+", text[s.start:s.end])
        if len(acronym) >= 2 and _initials(words).startswith(acronym[:2]) and acronym in (
                _initials(words), _initials([p for w in words for p in w.split("-")])):
            span = (m.start(1), m.end(1))
            if span not in taken:
                out.append(Span(*span, s.label, "acronym"))
    return out


def _datelines(text: str, spans: list[Span]) -> list[Span]:
    """The place of a dateline the model missed (rule "dateline", label GPE)."""
    head = "\n".join(text.split("\n")[:DATELINE_LINES])
    out = []
    for m in _DATELINE.finditer(head):
        a, b = m.span(1)
        if not any(s.start < b and a < s.end for s in spans):
            out.append(Span(a, b, "GPE", "dateline"))
    return out


def _initialled(text: str, spans: list[Span]) -> list[Span]:
    """Names written as initials and a surname ("P. Simmons", "A.J. Smith") that the
    model missed, as in scorecards and result lists (rule "name-shape", PERSON)."""
    occupied = [(s.start, s.end) for s in spans]
    out = []
    for m in _INITIALLED_NAME.finditer(text):
        a, b = m.span()
        if not any(s < b and a < e for s, e in occupied) and not is_title_noun(m.group("surname")):
            out.append(Span(a, b, "PERSON", "name-shape"))
    return out


def _propagate(doc, layout: Layout, spans: list[Span]) -> list[Span]:
    """Occurrences of known names the model missed: full names, persons' surnames and
    acronyms, at word boundaries, outside other mentions and boilerplate."""
    text = doc.text
    labels: dict[str, Counter[str]] = defaultdict(Counter)
    for s in spans:
        labels[text[s.start:s.end]][s.label] += 1
    names: dict[str, str] = {}
    for name, counts in labels.items():
        names[name] = counts.most_common(1)[0][0]
    for name, counts in labels.items():
        words = name.split()
        if (counts["PERSON"] or initialled_name(name)) and len(words) >= 2 and not is_honorific(words[-1]):
            surname = words[-1]
            if (len(surname) > 2 and surname[0].isupper() and surname.casefold() not in layout.lowercase_words
                    and surname not in names):
                names[surname] = "PERSON"
    occupied = sorted((s.start, s.end) for s in spans)
    starts = [a for a, _ in occupied]
    # Where each word starts, by its folded form: a name is looked for only where its
    # first word stands, so the text is scanned once, not once per name.
    where: dict[str, list[int]] = defaultdict(list)
    for m in _WORD_RUN.finditer(text):
        where[m.group().casefold()].append(m.start())
    token_starts = [t.idx for t in doc]
    out: list[Span] = []
    for name in sorted(names, key=len, reverse=True):
        first = _WORD_RUN.match(name)
        if len(name) < 2 or name.casefold() in _FUNCTION_WORDS or not name[0].isupper() or first is None:
            continue
        variants = {name, name.upper()} if len(name) > 3 else {name}
        for variant in variants:
            pattern = re.compile(r"(?<![\w.'’-])" + re.escape(variant) + r"(?![\w-]|\.\w)")
            for a in where.get(first.group().casefold(), ()):
                m = pattern.match(text, a)
                if m is None:
                    continue
                b = m.end()
                line = layout.line_of(a)
                if layout.notice[line] or layout.in_caption(a, b):
                    continue
                if variant != name and not layout.caps[line]:
                    continue  # the all-caps form is only trusted in all-caps lines
                if _overlaps(occupied, starts, a, b):
                    continue
                if not layout.caps[line] and _inside_longer_name(doc, text, token_starts, a, b, layout.lowercase_words):
                    continue
                out.append(Span(a, b, names[name], "string-match"))
                i = bisect_right(starts, a)
                occupied.insert(i, (a, b))
                starts.insert(i, a)
    return out


def _overlaps(occupied: list[tuple[int, int]], starts: list[int], a: int, b: int) -> bool:
    i = bisect_right(starts, b)
    return any(s < b and a < e for s, e in occupied[max(0, i - 8):i])


def _inside_longer_name(doc, text: str, token_starts: list[int], a: int, b: int, common: frozenset[str]) -> bool:
    """Whether the match at [a, b) of `doc.text` continues into a capitalized word
    ("Washington Post"), or follows one that is no honorific ("Jack Washington"); a
    sentence-opening word that is common or not a proper noun ("Later Merkel said")
    does not count. (`text` is `doc.text`, which spaCy rebuilds on each access.)"""
    after = re.match(r" ([A-Z][\w'’-]*)", text[b:b + 40])
    if after and after.group(1).casefold() not in _FUNCTION_WORDS:
        return True
    before = re.search(r"([A-Z][\w.'’-]*) $", text[max(0, a - 40):a])
    if before and not is_honorific(before.group(1)):
        word = before.group(1).casefold()
        prev = text[max(0, a - 40):a - len(before.group(0))].rstrip()
        if prev and prev[-1] not in ".!?\n\"“":
            return True
        i = bisect_right(token_starts, a - len(before.group(0))) - 1
        proper = 0 <= i < len(doc) and doc[i].pos_ == "PROPN"
        return proper and word not in common and word not in _FUNCTION_WORDS
    return False


def _to_mentions(parsed: ParsedDocument, spans: list[Span]) -> list[Mention]:
    doc, source = parsed.doc, parsed.document.text
    token_starts = [t.idx for t in doc]
    out, seen = [], set()
    for s in spans:
        start, end = parsed.source(s.start, s.end)
        if (start, end) in seen:
            continue
        seen.add((start, end))
        i = max(0, bisect_right(token_starts, s.start) - 1)
        sent = doc[i].sent if len(doc) else None
        sent_start, sent_end = parsed.source(sent.start_char, sent.end_char) if sent is not None else (start, end)
        out.append(Mention(doc_id=parsed.document.id, start=start, end=end, text=source[start:end],
                           label=s.label, sentence_start=sent_start, sentence_end=sent_end, rule=s.rule))
    return out
