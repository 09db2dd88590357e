"""The layout of one parsed text: its lines and what each looks like, for the mention
filters (which spans sit in headings, notices, captions or all-caps lines)."""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import cached_property

from graphbuild.extract.boilerplate import SENTENCE_FINAL, caption_spans, is_heading, is_notice, line_spans

_WORDS = re.compile(r"[^\W\d_]+")
_WORD_RUN = re.compile(r"\w+")


@dataclass
class Layout:
    """Lines of `text` with their shapes; offsets are those of `text`."""

    text: str
    repeated: frozenset[str] = frozenset()

    def __post_init__(self) -> None:
        self.lines = line_spans(self.text)
        self._starts = [a for a, _ in self.lines]
        self.captions = caption_spans(self.text)
        # A line is judged without its caption tail ("... the square. Credit: X").
        lines = [self.text[a:next((c for c, _ in self.captions if a <= c <= b), b)] for a, b in self.lines]
        wrapped = [_wrapped(lines, i) for i in range(len(lines))]
        self.heading = [is_heading(t) and not w for t, w in zip(lines, wrapped)]
        self.notice = [is_notice(t, self.repeated) and not w for t, w in zip(lines, wrapped)]
        self.caps = [any(c.isalpha() for c in t) and t.upper() == t for t in lines]

    def line_of(self, offset: int) -> int:
        """Index of the line holding character `offset`."""
        return bisect_right(self._starts, offset) - 1

    def line_text(self, index: int) -> str:
        a, b = self.lines[index]
        return self.text[a:b]

    def in_caption(self, start: int, end: int) -> bool:
        return any(a <= start and end <= b for a, b in self.captions)

    def is_prose(self, index: int) -> bool:
        """A line of running text (not a heading, notice or all-caps line)."""
        return not (self.heading[index] or self.notice[index] or self.caps[index])

    @cached_property
    def lowercase_words(self) -> frozenset[str]:
        """Words that occur in lowercase in prose lines: common words of this text."""
        return frozenset(w for i, (a, b) in enumerate(self.lines) if self.is_prose(i)
                         for w in _WORDS.findall(self.text[a:b]) if w.islower())

    @cached_property
    def prose_text(self) -> str:
        """The prose lines joined (other lines blanked, offsets kept)."""
        chars = [" "] * len(self.text)
        for i, (a, b) in enumerate(self.lines):
            if self.is_prose(i):
                chars[a:b] = self.text[a:b]
        return "".join(chars)

    @cached_property
    def _prose_words(self) -> dict[str, list[int]]:
        """Start offsets of each word of the prose lines, by its exact form."""
        where: dict[str, list[int]] = {}
        for m in _WORD_RUN.finditer(self.prose_text):
            where.setdefault(m.group(), []).append(m.start())
        return where

    def occurs_in_prose(self, name: str, outside: tuple[int, int] | None = None) -> bool:
        """Whether `name` occurs at word boundaries in a prose line (other than the
        span `outside`)."""
        first = _WORD_RUN.search(name)
        if first is None:
            return False
        pattern = re.compile(r"(?<!\w)" + re.escape(name) + r"(?!\w)")
        for i in self._prose_words.get(first.group(), ()):
            m = pattern.match(self.prose_text, i - first.start()) if i >= first.start() else None
            if m and (outside is None or not (m.start() < outside[1] and outside[0] < m.end())):
                return True
        return False


@dataclass(frozen=True)
class Span:
    """A candidate mention in the parser's text (`doc.text`) coordinates."""

    start: int
    end: int
    label: str
    rule: str = "ner"


def _wrapped(lines: list[str], i: int) -> bool:
    """Whether line `i` is part of a hard-wrapped paragraph: the line before breaks off
    mid-sentence after a lowercase word, or the line after goes on in lowercase."""
    before = lines[i - 1].rstrip() if i > 0 else ""
    after = lines[i + 1].lstrip() if i + 1 < len(lines) else ""
    if before and before[-1] not in SENTENCE_FINAL and (
            (before.split() or [""])[-1][:1].islower() or lines[i].lstrip()[:1].islower()):
        return True
    return after[:1].islower()
