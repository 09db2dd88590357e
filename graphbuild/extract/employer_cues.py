"""A name written before a title that introduces a person names where that person holds
the title: "Galwex chairwoman Beata Mróz", "Halberg CEO Katrin Vogelsang", "NFF president
Aliyu Bello", "Lindenhof sporting director Jürgen Hollmann" make Galwex, Halberg, the NFF
and Lindenhof organizations, whatever the model tagged; a place's name stays a place
("Texas Governor Greg Abbott", "Nigeria forward Chinedu Okafor").

Titles that serve a person are left out: "Trump lawyer Rudy Giuliani", "Biden aide Ann
Roe" name a client or a boss. Team staff make a club (`team_before_staff`): "Pittsburgh
coach Mike Roe" names the team, not the city. Read-only
over the parse; `kind_cues.find_kind_cues` weighs the cue.
"""
from __future__ import annotations

from collections.abc import Callable, Iterator

from spacy.tokens import Token

from graphbuild.lexicon.countries import is_nation
from graphbuild.lexicon.name_forms import in_gazetteer
from graphbuild.lexicon.roles import HEAD_TITLES, MODIFIERS, PLAYER_TITLES, WORK_TITLES
from graphbuild.model import KindCue, Mention
from graphbuild.names import POSSESSIVE
from graphbuild.nlp import ParsedDocument

TEAM_STAFF = frozenset("coach manager squad team players lineup".split()) | PLAYER_TITLES
# A band's members name no club: "Leeds guitarist Eric Holm" is from Leeds.
BAND_MEMBERS = frozenset("bassist drummer guitarist vocalist keyboardist frontman frontwoman".split())
EMPLOYER_BEFORE_TITLE = "employer-before-title"
# Titles held of a person rather than of an organization.
SERVING_A_PERSON = frozenset(
    "lawyer attorney aide adviser advisor spokesman spokeswoman spokesperson publicist agent "
    "assistant staffer host".split())
TITLE_WORDS = (HEAD_TITLES | WORK_TITLES | frozenset("ceo cfo coo cto governor officer".split())) - SERVING_A_PERSON
MAX_TITLE = 4  # words of a title between the name and the person ("chief financial officer")


def employer_cues(parsed: ParsedDocument, mention_of: Callable[[Token], Mention | None],
                  personal: Callable[[Mention], bool], weight: float) -> Iterator[KindCue]:
    """Organization (or Place) cues for names right before a title and a personal name."""
    doc = parsed.doc
    seen: set[Mention] = set()
    for first in doc[1:-1]:
        before = mention_of(doc[first.i - 1])
        if before is None or before in seen or mention_of(first) is not None or doc[first.i - 1].is_punct:
            continue
        end, titled = first.i, False
        while end < len(doc) and end - first.i < MAX_TITLE and mention_of(doc[end]) is None:
            word = doc[end].lower_
            if word in TITLE_WORDS:
                titled = True
            elif word not in MODIFIERS and word != "sporting":
                break
            end += 1
        after = mention_of(doc[end]) if titled and end < len(doc) else None
        if after is None or after is before or not personal(after):
            continue
        seen.add(before)
        name = POSSESSIVE.sub("", before.text)
        kind = "Place" if in_gazetteer(name) or is_nation(name) else "Organization"
        yield KindCue(before.start, before.end, kind, EMPLOYER_BEFORE_TITLE, weight)


def team_before_staff(parsed: ParsedDocument, mention_of: Callable[[Token], Mention | None],
                      personal: Callable[[Mention], bool], weight: float) -> Iterator[KindCue]:
    """An Organization cue for a name written before a team's staff noun that introduces
    a person ("Pittsburgh coach Mike Roe", "Leeds striker Jo Doe"): the club, not the
    city. A nation stays a place (its national side)."""
    doc = parsed.doc
    for staff in doc[1:-1]:
        if not staff.is_lower or staff.lower_ not in TEAM_STAFF or staff.lower_ in BAND_MEMBERS:
            continue
        after = mention_of(doc[staff.i + 1])
        before = mention_of(doc[staff.i - 1])
        if after is None or before is None or before is after or not personal(after):
            continue
        if not doc[staff.i - 1].is_punct and not is_nation(POSSESSIVE.sub("", before.text)):
            yield KindCue(before.start, before.end, "Organization", "team-of-staff", weight)
