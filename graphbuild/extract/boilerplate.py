"""Layout cues: which lines of an article are boilerplate or headings, not prose.

Pure string functions (no spaCy). Nothing here lists the strings of any site: a line is
judged by its shape — length, final punctuation, casing, a bullet or a one-word
"Label:" caption prefix — and by whether it repeats across the documents of a batch.
`extract.mentions` uses these cues to decide which entity spans to distrust.
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

# A heading or caption is short; a prose line is longer or ends like a sentence.
MAX_HEADING_WORDS = 12
# Characters that end a sentence (closing quotes and brackets count as the sentence's).
SENTENCE_FINAL = frozenset(".!?;:\"”’')]…")
# Small words that stay lowercase inside Title Case headlines.
HEADLINE_SMALL_WORDS = frozenset(
    "a an and as at but by for from in into of off on or over per the to up via vs with".split())
# Bullets that open list items, video/photo notices and share links.
BULLETS = frozenset("•·▪►▶◦‣*-–—")
# A one-word label and colon followed by a short unpunctuated tail: "Credit: X",
# "Photo: Y", "Image: Z" closing a caption (at line start or after a sentence).
_CAPTION_TAIL = re.compile(r"(?:^|(?<=[.!?”\"]\s))([A-Z][a-z]+):[ \t]+([^.!?:\n]{1,40})[ \t]*$", re.M)
_WORD = re.compile(r"[^\W\d_][\w'’.-]*")
# A photo or wire credit: capitalized names joined by slashes ("Name/Agency", "Name /
# Agency", "AP Photo/Name", "Name/Invision/AP, File"), in brackets or filling a line.
# Names in prose are never slash-joined like this, so nothing in a credit is an entity.
_CREDIT_NAME = r"[A-Z][\w.'’&-]*(?:[ \t]+[A-Z][\w.'’&-]*){0,3}"
_CREDIT = re.compile(rf"(?:^[ \t]*|\(){_CREDIT_NAME}(?:[ \t]*/[ \t]*{_CREDIT_NAME})+"
                     rf"(?:,[ \t]*[A-Z][\w.'’-]*)?(?:[ \t]*\)|[ \t]*$)", re.M)

# "(Reporting by A in Oslo; Writing by B; Editing by C)": who wrote the story, in brackets.
_STAFF_CREDIT = re.compile(r"\((?:Additional )?(?:[Rr]eporting|Writing|Editing|Compiled|Produced) by [^()\n]*\)")


def normalize_line(line: str) -> str:
    """The comparable form of a line: whitespace collapsed, case folded."""
    return " ".join(line.split()).casefold()


def repeated_lines(texts: Iterable[str]) -> frozenset[str]:
    """Normalized non-empty lines that occur in more than one of `texts`."""
    seen: Counter[str] = Counter()
    for text in texts:
        seen.update({n for n in map(normalize_line, text.splitlines()) if n})
    return frozenset(line for line, count in seen.items() if count > 1)


@dataclass(frozen=True)
class LineShape:
    """What a line looks like: `heading` (short, unpunctuated), `title_case` (its words
    capitalized as in a headline, or all caps), `prose_words` (lowercase words: a
    sentence-shaped fragment has several), `bullet` (opens with a list bullet)."""

    heading: bool
    title_case: bool
    prose_words: int
    bullet: bool
    words: int


def line_shape(line: str) -> LineShape:
    """The layout shape of one line of text."""
    stripped = line.strip()
    bullet = bool(stripped) and stripped[0] in BULLETS and stripped[1:2].isspace()
    if bullet:
        stripped = stripped[1:].strip()
    words = _WORD.findall(stripped)
    final = stripped[-1:] in SENTENCE_FINAL if stripped else False
    lower = [w for w in words if w[0].islower()]
    prose = [w for w in lower if w.casefold() not in HEADLINE_SMALL_WORDS]
    title_case = bool(words) and not prose and any(w[0].isupper() for w in words)
    heading = bool(words) and len(words) <= MAX_HEADING_WORDS and not final
    return LineShape(heading, title_case, len(lower), bullet, len(words))


def is_heading(line: str) -> bool:
    """A headline-like line: short, no sentence-final punctuation, Title Case."""
    shape = line_shape(line)
    return shape.heading and shape.title_case and shape.words >= 2


def is_notice(line: str, repeated: frozenset[str] = frozenset()) -> bool:
    """A layout notice rather than article prose: a short unpunctuated line shaped like
    a sentence fragment, mostly lowercase words ("Your player cannot show this"), a short
    bullet line, or such a line repeated across documents. Tables, datelines and list
    rows (mostly names and numbers) are not."""
    shape = line_shape(line)
    if shape.bullet:  # "• Video", not a bulleted sentence of a digest
        return shape.heading
    # Syndicated articles repeat whole sentences; a repeated line is boilerplate only
    # when it is no sentence (no final punctuation) yet reads like one.
    if normalize_line(line) in repeated and shape.prose_words >= 2 and 2 * shape.prose_words > shape.words:
        return not _ends_sentence(line)
    return shape.heading and shape.prose_words >= 3 and 2 * shape.prose_words > shape.words


def _ends_sentence(line: str) -> bool:
    return line.rstrip()[-1:] in SENTENCE_FINAL


def caption_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of caption tails such as "Credit: Agency" closing a line (a
    one-word label, a colon and a short tail without sentence punctuation), of
    slash-joined photo credits ("(AP Photo/Name)", a line "Name / Agency") and of a wire
    story's staff credits ("(Reporting by A; Writing by B; Editing by C)"), sorted."""
    tails = [(m.start(), m.end()) for m in _CAPTION_TAIL.finditer(text) if len(m.group(2).split()) <= 5]
    staff = [(m.start(), m.end()) for m in _STAFF_CREDIT.finditer(text)]
    return sorted(tails + staff + [(m.start(), m.end()) for m in _CREDIT.finditer(text)])


def line_spans(text: str) -> list[tuple[int, int]]:
    """[start, end) of every line of `text` (without the line break)."""
    spans, start = [], 0
    for line in text.split("\n"):
        spans.append((start, start + len(line)))
        start += len(line) + 1
    return spans
