"""Names the model missed, found from what the document already tells: acronyms
defined in brackets (rule "acronym"), dateline places ("dateline"), initialled personal
names and names introduced by a role noun ("name-shape"; places before "-based" are
`extract.located_names`'s), and further occurrences of names already found — the full name,
a person's surname, the all-caps form in all-caps lines ("string-match"). Each finder
takes the spans so far (parser coordinates) and returns new, non-overlapping ones."""
from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter, defaultdict

from graphbuild.extract.layout import Layout, Span
from graphbuild.lexicon.countries import by_demonym, by_name
from graphbuild.lexicon.name_forms import in_gazetteer, shaped_like_person
from graphbuild.lexicon.roles import ROLE_NOUNS
from graphbuild.lexicon.words import FUNCTION_WORDS, ORG_HEAD_NOUNS
from graphbuild.names import initialled_name, initials, is_honorific, is_title_noun

_WORD_RUN = re.compile(r"\w+")
_ACRONYM_AFTER = re.compile(r"\s*\(\s*([A-Z][A-Z&.]{1,9})\s*\)")
# A dateline opening a story: "DUBLIN 1996-08-31", "LANDGRAAF , Netherlands 1996-08-31",
# "WASHINGTON (Agency) -": the place in capitals, a date or an agency credit after it.
_DATELINE = re.compile(r"^([A-Z][A-Z.'’-]+(?: [A-Z][A-Z.'’-]+){0,3})(?=(?: ?, ?[A-Z][\w.]+(?: [A-Z][\w.]+)?)? "
                       r"(?:\d{1,4}[-/]\d{1,2}[-/]\d{1,4}$|\(\s*[A-Z][\w ]*\)\s*[-–—]))", re.M)
# Initials then a capitalized surname, not inside a longer capitalized run.
_INITIALLED_NAME = re.compile(r"(?<![\w.'’-])(?:[A-Z]\.\s?){1,3}(?P<surname>[A-Z][a-z]+(?:[-'’][A-Z]?[a-z]+)?)(?![\w'’-]| [A-Z])")
# "SAN FRANCISCO - ", "COLUMBUS, Ohio — ": a bare dateline, taken only for a place the
# gazetteers know ("UPDATE 2 - ", "EXCLUSIVE - " are wire slugs in the same form).
_BARE_DATELINE = re.compile(r"^([A-Z][A-Z.'’-]+(?: [A-Z][A-Z.'’-]+){0,3})(?: ?, ?[A-Z][\w.]+(?: [A-Z][\w.]+)?)? [-–—] ", re.M)
DATELINE_LINES = 4  # a dateline stands in the first lines of a story
# A whole dateline, place to dash: "SAO PAULO (AP) - ", "EDMONTON, Alberta (CP) — ",
# "LONDON, March 3 (dpa) - ". The dash stands apart ("COVID-19", "UK-based" are words).
_DATELINE_EXTENT = re.compile(r"(?P<place>[A-Z][A-Z.'’-]*[A-Z.](?: [A-Z][A-Z.'’-]*[A-Z.])*)"
                              r"(?P<more>(?: ?, ?[A-Z][\w.]+(?: [A-Z][\w.]+)?)?(?:,? [A-Z][a-z]{2,8}\.? \d{1,2})?"
                              r"(?: \(\s*[A-Za-z][\w ]*\))?) [-–—]+ ")


def _initials(words: list[str]) -> str:
    return initials(words, letters_only=True)


def acronyms(text: str, spans: list[Span]) -> list[Span]:
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


def datelines(text: str, spans: list[Span]) -> list[Span]:
    """The place of a dateline (rule "dateline", label GPE; with a bare "PLACE -" only for
    a place the gazetteers know) that the model missed or tagged as exactly this span
    under another label ("DETROIT (Reuters) -" read as an organization) or only in part
    ("ALEGRE" of "PORTO ALEGRE"): the caller replaces the spans inside it."""
    head = "\n".join(text.split("\n")[:DATELINE_LINES])
    out = []
    bare = [m for m in _BARE_DATELINE.finditer(head) if in_gazetteer(m.group(1).title())]
    for m in sorted([*_DATELINE.finditer(head), *bare], key=lambda m: m.start()):
        a, b = m.span(1)
        if any(o.start == a for o in out):
            continue
        # A span inside the place ("ALEGRE" of "PORTO ALEGRE") gives way to it; one reaching out of it stays.
        if not any(s.start < b and a < s.end and not (a <= s.start and s.end <= b) for s in spans):
            out.append(Span(a, b, "GPE", "dateline"))
    return out


def dateline_end(text: str, start: int) -> int:
    """Where a dateline opening at `start` ends ("SAO PAULO (AP) - " before the prose), or
    `start` when none opens there or `start` is past the story's first lines: the filing
    place and agency are no part of the story."""
    if text.count("\n", 0, start) >= DATELINE_LINES:
        return start
    m = _DATELINE_EXTENT.match(text, start)
    # A bare "PLACE - " only for a place the gazetteers know ("NASA - the agency" is prose).
    if m is None or not (m.group("more") or in_gazetteer(m.group("place").title())):
        return start
    return m.end()


def dateline_extents(text: str) -> list[tuple[int, int]]:
    """The datelines, place to dash, opening lines among the first of `text`."""
    out, start = [], 0
    for line in text.split("\n")[:DATELINE_LINES]:
        end = dateline_end(text, start)
        if end > start:
            out.append((start, end))
        start += len(line) + 1
    return out


def initialled(text: str, spans: list[Span]) -> list[Span]:
    """Names written as initials and a surname ("P. Simmons", "A.J. Smith") that the
    model missed, as in scorecards and result lists (rule "name-shape", PERSON)."""
    occupied = [(s.start, s.end) for s in spans]
    out = []
    for m in _INITIALLED_NAME.finditer(text):
        a, b = m.span()
        if not any(s < b and a < e for s, e in occupied) and not is_title_noun(m.group("surname")):
            out.append(Span(a, b, "PERSON", "name-shape"))
    return out


def introduced(doc, spans: list[Span]) -> list[Span]:
    """Personal names the model left untagged where news introduces a person: right
    after a lowercase role noun ("Linfield coach Ana Ruiz", "striker Jon Belo"; or in
    commas after it, "its finance chief, Ana Ruiz,") or before
    ", who" ("Ruben Castillo, who served as mayor"): two or three capitalized words
    shaped like a given name and a surname (rule "name-shape", PERSON). The model may
    have tagged the surname alone as something else ("chief executive Ana Ruiz" with
    "Ruiz" an ORG): the name takes its place (the caller drops spans inside the new ones)."""
    occupied = [(s.start, s.end) for s in spans]
    out = []
    for run in _introduced_runs(doc):
        a, b = run.start_char, run.end_char
        if not 2 <= len(run) <= 3:
            continue
        surname = run[-1].idx  # a span of the surname alone may stand inside the name
        if 2 <= len(run) <= 3 and not any(x < b and a < y and (x, y) != (surname, b) for x, y in occupied) \
                and shaped_like_person(run.text) and not any(
                    (t.ent_type_ and t.i != run.end - 1) or is_title_noun(t.text) or is_honorific(t.text) for t in run):
            out.append(Span(a, b, "PERSON", "name-shape"))
    return out


def _introduced_runs(doc):
    """The runs of proper nouns after a lowercase role noun and before ", who"."""
    for t in doc[:-2]:
        if t.pos_ == "NOUN" and t.is_lower and t.lemma_ in ROLE_NOUNS:
            start = t.i + 1 + (doc[t.i + 1].text == ",")  # "its finance chief, Ana Ruiz, said"
            end = start
            while end < len(doc) and end - start <= 3 and doc[end].tag_ == "NNP":
                end += 1
            if start == t.i + 1 or (end < len(doc) and doc[end].text in (",", ".", ";")):
                yield doc[start:end]
        elif t.text == "," and doc[t.i + 1].text == "who" and t.i > 0 and doc[t.i - 1].tag_ == "NNP":
            start = t.i - 1
            while start > 0 and t.i - start < 4 and doc[start - 1].tag_ == "NNP":
                start -= 1
            if start == 0 or not doc[start - 1].text[:1].isupper() or doc[start - 1].is_sent_start:
                yield doc[start:t.i]


def propagate(doc, layout: Layout, spans: list[Span]) -> list[Span]:
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
    shorts = _organization_short_forms(names, layout)
    names.update(dict.fromkeys(shorts, "ORG"))
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
        if len(name) < 2 or name.casefold() in FUNCTION_WORDS or not name[0].isupper() or first is None:
            continue
        positions = where.get(first.group().casefold())
        if not positions:
            continue  # its first word is nowhere in the text: no pattern to compile
        variants = {name}
        if len(name) > 3:
            # The capitals of a headline ("IRAN"), and a headline's name in the prose.
            variants |= {name.upper(), name.title()} if name.isupper() else {name.upper()}
        for variant in variants:
            for a in positions:
                if not _stands_at(text, variant, a):
                    continue
                b = a + len(variant)
                line = layout.line_of(a)
                if layout.notice[line] or layout.in_caption(a, b):
                    continue
                if variant.isupper() and variant != name and not layout.caps[line]:
                    continue  # the all-caps form is only trusted in all-caps lines
                if _overlaps(occupied, starts, a, b):
                    continue
                if not layout.caps[line] and _inside_longer_name(doc, text, token_starts, a, b, layout.lowercase_words):
                    continue
                if name in shorts and not _short_form_token(doc, token_starts, a):
                    continue
                out.append(Span(a, b, names[name], "string-match"))
                i = bisect_right(starts, a)
                occupied.insert(i, (a, b))
                starts.insert(i, a)
    return out


def _organization_short_forms(names: dict[str, str], layout: Layout) -> set[str]:
    """The first words of the document's organizations' names that may stand for them
    ("Vestra" of "Vestra Chemie", "Lindenhof" of "FC Lindenhof"): no common word of the text, function word, title,
    place or demonym, and no first word of a person's name here."""
    person_words = {n.split()[0] for n, label in names.items() if label == "PERSON"}
    out = set()
    for name, label in names.items():
        words = name.split()
        if label != "ORG" or len(words) < 2:
            continue
        # "Lindenhof" of "FC Lindenhof": a club's or a firm's capitals before it are no name
        prefixed = len(words) == 2 and words[0].isupper() and len(words[0]) <= 4 and not by_name(words[0])
        w = words[1] if prefixed else words[0]
        if (len(w) < 3 or w.casefold() in ORG_HEAD_NOUNS or not w.isalpha() or not w.istitle() or w in names or w in person_words
                or w.casefold() in layout.lowercase_words or w.casefold() in FUNCTION_WORDS
                or is_honorific(w) or is_title_noun(w) or in_gazetteer(w) or by_demonym(w) or by_name(w)):
            continue
        out.add(w)
    return out


def _short_form_token(doc, token_starts: list[int], a: int) -> bool:
    """Whether the word at `a` reads as a name there: the model tagged it as some entity
    (the "Vestra" of "Vestra shares rose", tagged NORP) or, inside a sentence, as a
    proper noun; a capital opening a sentence is no evidence by itself."""
    i = bisect_right(token_starts, a) - 1
    if i < 0 or doc[i].idx != a:
        return False
    t = doc[i]
    return bool(t.ent_type_) or (t.tag_ == "NNP" and not t.is_sent_start)


def _is_word_char(ch: str) -> bool:
    return ch.isalnum() or ch == "_"  # the regex class \w of a str pattern


def _stands_at(text: str, name: str, a: int) -> bool:
    r"""Whether `name` stands at `a` of `text` as a whole name: what the pattern
    `(?<![\w.'’-])NAME(?![\w-]|\.\w)` matches there (tested by hand: compiling a pattern
    per name and document cost more than the whole search)."""
    if not text.startswith(name, a):
        return False
    if a > 0 and (_is_word_char(text[a - 1]) or text[a - 1] in ".'’-"):
        return False
    b = a + len(name)
    after = text[b:b + 2]
    if after[:1] and (_is_word_char(after[0]) or after[0] == "-"):
        return False
    return not (after[:1] == "." and len(after) == 2 and _is_word_char(after[1]))


def _overlaps(occupied: list[tuple[int, int]], starts: list[int], a: int, b: int) -> bool:
    i = bisect_right(starts, b)
    return any(s < b and a < e for s, e in occupied[max(0, i - 8):i])


def _inside_longer_name(doc, text: str, token_starts: list[int], a: int, b: int, common: frozenset[str]) -> bool:
    """Whether the match at [a, b) of `doc.text` continues into a capitalized word
    ("Washington Post"), or follows one that is no honorific ("Jack Washington"); a
    sentence-opening word that is common or not a proper noun ("Later Merkel said")
    does not count. (`text` is `doc.text`, which spaCy rebuilds on each access.)"""
    after = re.match(r" ([A-Z][\w'’-]*)", text[b:b + 40])
    if after and after.group(1).casefold() not in FUNCTION_WORDS:
        return True
    before = re.search(r"([A-Z][\w.'’-]*) $", text[max(0, a - 40):a])
    if before and not is_honorific(before.group(1)):
        word = before.group(1).casefold()
        prev = text[max(0, a - 40):a - len(before.group(0))].rstrip()
        if prev and prev[-1] not in ".!?\n\"“":
            return True
        i = bisect_right(token_starts, a - len(before.group(0))) - 1
        proper = 0 <= i < len(doc) and doc[i].pos_ == "PROPN"
        return proper and word not in common and word not in FUNCTION_WORDS
    return False
