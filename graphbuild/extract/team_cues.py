"""Sports results as kind evidence: names that stand where results put teams name teams.

A team is an organization even when it carries a city's or a county's name. The places
results put a team, read from the line's layout or the parse:
- a results line ("Leeds 2 Chelsea 1", "Leeds ( England ) 92 Porto ( Portugal ) 81");
- a standings row ("Leeds 5 3 1 1 9 4 10", "LEEDS 83 49 .629 -");
- a fixture ("Leeds v Chelsea", "May 14 v Leeds ( three days )", "LEEDS AT CHELSEA");
- a scorecard line ("Leeds 259 and 207-6", "Leeds 24 points");
- the subject or object of a verb of winning and losing ("Leeds beat Chelsea", "drew
  with Leeds", "lost to Leeds"; "face", "host", "play" only between two names) or beside
  a team noun ("first division side Leeds").
A nation's name stays a place (a national side is named by its country, or by a
country within one: "England"), and a personal name stays a person's ("Jane Roe 2 John
Doe 1" is a tennis score): no cue for a name tagged PERSON with two words or more, nor,
after a win verb, for any name tagged PERSON ("Roe beat Doe"). `table_names` finds the
names of results and standings rows that the model did not tag at all.
"""
from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from graphbuild.extract.layout import Span
from graphbuild.lexicon.countries import is_nation
from graphbuild.lexicon.name_forms import person_structure
from graphbuild.lexicon.words import FUNCTION_WORDS
from graphbuild.model import KindCue, Mention
from graphbuild.names import POSSESSIVE
from graphbuild.nlp import ParsedDocument

TEAM_WEIGHT = 4.5  # as strong as a possessor cue: outweighs a few place tags of a city's name
_NAME = "@"  # a mention's placeholder in a line's template
_BRACKETED = re.compile(r"\s*\([^()\n]*\)")
_SCORE = r"\d{1,3}"
_RESULT = re.compile(rf"^@(\d+) {_SCORE} @(\d+) {_SCORE}(?![\d.,:/-])")
_STANDING = re.compile(r"^@(\d+)(?: (?:\d+(?: \d/\d)?|\d*\.\d+|-)){3,}\s*$")
_FIXTURE = re.compile(r"^@(\d+) (?:v|vs\.?|V|VS) @(\d+)\s*\.?$|^@(\d+) AT @\d+\s*$")
_AWAY = re.compile(r"(?:^|\d |: )v @(\d+)\s*$")
_SCORECARD = re.compile(rf"(?:^|: |, )@(\d+) {_SCORE}(?:-\d{{1,2}})?(?= and | points\b| ,| \.|\s*$)")
# "Leeds beat Chelsea" on one line, whatever the parser made of it (it may take a dateline
# above for the subject).
_WIN_LINE = re.compile(r"@(\d+) (?:(?:have|has|had|were|was) )?(?:beat|beaten|defeated|thrashed|trounced|routed|edged|"
                       r"downed|overcame|crushed|hammered|drew(?: \d+-\d+)? with|lost to|beaten by|held) @(\d+)")
WIN_VERBS = frozenset("beat defeat thrash trounce rout overcome outclass edge down draw lose play host face "
                      "eliminate outplay hammer crush".split())
# Verbs of winning that are as often no sport at all ("could face 20 years", "lost his
# job", "will host a summit", "drew criticism"): a team only when the verb's other
# argument is a name as well ("Leeds face Chelsea").
GENERAL_VERBS = frozenset("draw lose play host face down edge".split())
TEAM_NOUNS = frozenset("side club team squad outfit xi striker midfielder defender goalkeeper skipper".split())
# Lines made of names and numbers: words other than these make a line prose.
_ROW_NAME = re.compile(r"[A-Z][\w'’.&-]*(?: (?:[A-Z][\w'’.&-]*|of|de|la|del|do|da))*")


def team_cues(parsed: ParsedDocument, mentions: Sequence[Mention]) -> Iterator[KindCue]:
    """Organization cues for the mentions that results place as teams (module docstring)."""
    text = parsed.document.text
    teams: set[Mention] = set()
    winners: set[Mention] = set()  # a win verb's arguments: persons win too ("Roe beat Doe")
    for line_mentions, template in _templates(text, mentions):
        for pattern in (_RESULT, _STANDING, _FIXTURE, _AWAY, _SCORECARD, _WIN_LINE):
            for m in pattern.finditer(template):
                found = winners if pattern is _WIN_LINE else teams
                found.update(line_mentions[int(g)] for g in m.groups() if g is not None)
    winners.update(_parsed_teams(parsed, mentions))
    teams.update(m for m in winners if m.label != "PERSON")
    for m in sorted(teams, key=lambda m: (m.start, m.end)):
        if _may_be_team(m):
            yield KindCue(m.start, m.end, "Organization", "team-in-results", TEAM_WEIGHT)


def _may_be_team(m: Mention) -> bool:
    name = POSSESSIVE.sub("", m.text)
    if m.rule == "dateline" or is_nation(name) or person_structure(name):
        return False
    return not (m.label == "PERSON" and len(name.split()) >= 2)


def _templates(text: str, mentions: Sequence[Mention]) -> Iterator[tuple[list[Mention], str]]:
    """Per line with mentions: its mentions and the line with each (outside brackets)
    replaced by "@<index>" and bracketed asides removed."""
    by_line: dict[int, list[Mention]] = {}
    for m in sorted(mentions, key=lambda m: (m.start, -m.end)):
        by_line.setdefault(text.rfind("\n", 0, m.start) + 1, []).append(m)
    for start, ms in by_line.items():
        end = text.find("\n", start)
        end = len(text) if end < 0 else end
        pieces, at, kept = [], start, []
        for m in ms:
            if m.start < at or m.end > end:
                continue
            pieces.append(text[at:m.start])
            pieces.append(f"{_NAME}{len(kept)}")
            kept.append(m)
            at = m.end
        pieces.append(text[at:end])
        template = _BRACKETED.sub("", "".join(pieces)).strip()
        yield kept, " ".join(template.split())


def _parsed_teams(parsed: ParsedDocument, mentions: Sequence[Mention]) -> Iterator[Mention]:
    """Mentions whose last token is the subject or object of a verb of winning ("Leeds
    beat Chelsea", "drew with Leeds"), or that a team noun modifies or stands beside
    ("first division side Leeds", "Leeds, the club")."""
    by_end = {m.end: m for m in mentions}
    for token in parsed.doc:
        name, head = token, token.head
        if token.dep_ in ("nsubj", "dobj"):
            hit = head.pos_ == "VERB" and head.lemma_ in WIN_VERBS and (
                head.lemma_ not in GENERAL_VERBS or _named_other(token, by_end, parsed))
        elif token.dep_ == "pobj":
            hit = head.lower_ in ("with", "to", "over") and head.head.lemma_ in WIN_VERBS | {"win", "victory"}
        elif token.dep_ in ("compound", "appos") and token.lower_ in TEAM_NOUNS:
            name, hit = head, True  # "first division side Leeds", "Leeds, the club"
        else:
            hit = token.dep_ == "appos" and head.lower_ in TEAM_NOUNS  # "the club, Leeds"
        # The parser may run a sentence across lines ("MINSK 1996-08-31 | Belarus beat ..."):
        # the name and the word that makes it a team stand on one line.
        if hit and (m := by_end.get(parsed.source(name.idx, name.idx + len(name))[1])) is not None \
                and "\n" not in parsed.doc.text[min(token.idx, head.idx):max(token.idx, head.idx)]:
            yield m


def _named_other(arg, by_end: dict[int, Mention], parsed: ParsedDocument) -> bool:
    """Whether the verb of `arg` (its subject or object) has a name for its other argument."""
    other = "dobj" if arg.dep_ == "nsubj" else "nsubj"
    return any(c.dep_ == other and parsed.source(c.idx, c.idx + len(c))[1] in by_end for c in arg.head.children)


def table_names(text: str, spans: Sequence[Span]) -> list[Span]:
    """Names in results and standings rows ("Leeds 2 Chelsea 1", "Leeds 5 3 1 1 9 4 10")
    that no span covers (rule "table", label ORG). Only whole lines of that form count."""
    out = []
    at = 0
    for line in text.split("\n"):
        start, at = at, at + len(line) + 1
        for a, b in _row_names(line):
            a, b = start + a, start + b
            if not any(s.start < b and a < s.end for s in spans):
                out.append(Span(a, b, "ORG", "table"))
    return out


_RESULT_ROW = re.compile(rf"^({_ROW_NAME.pattern}) {_SCORE} ({_ROW_NAME.pattern}) {_SCORE}(?: \(.*\))?\s*$")
_STANDING_ROW = re.compile(rf"^({_ROW_NAME.pattern})(?: (?:\d+(?: \d/\d)?|\d*\.\d+|-)){{3,}}\s*$")


def _row_names(line: str) -> list[tuple[int, int]]:
    m = _RESULT_ROW.match(line) or _STANDING_ROW.match(line)
    if not m:
        return []
    return [m.span(g) for g in range(1, (m.re.groups or 0) + 1)
            if m.group(g) and m.group(g).casefold() not in FUNCTION_WORDS and not is_nation(m.group(g))]
