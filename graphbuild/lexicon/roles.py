"""Word lists for titles and roles (general English, no names): title nouns by the edge
they make, positions, ranks, abbreviations, modifiers and portfolios."""
from __future__ import annotations

from graphbuild.lexicon.titles import ABBREVIATIONS as WRITTEN_OUT
from graphbuild.lexicon.titles import ADDRESS_FORMS, HONORIFICS, TITLE_JOINERS, TITLE_NOUNS

# Nouns that lead an organization when unqualified (a "deputy director" does not).
HEAD_TITLES = frozenset(
    "head leader chairman chairwoman chair chairperson commander director chief president "
    "ceo boss founder-president premier secretary-general".split()
)
# Jobs: the person works for the organization.
WORK_TITLES = frozenset(
    "correspondent reporter editor journalist analyst producer anchor presenter columnist "
    "photographer employee engineer executive economist researcher manager coach "
    "spokesman spokeswoman spokesperson lawyer attorney scout trainer staffer aide "
    "examiner investigator detective physician doctor surgeon nurse professor teacher "
    "scientist writer commentator host administrator publicist pastor".split()
)
# Players and crew of a team: the person is a member of it.
PLAYER_TITLES = frozenset(
    "player receiver quarterback cornerback linebacker safety tackle guard forward center "
    "centre pitcher catcher outfielder infielder shortstop slugger reliever closer striker "
    "goalkeeper goalie midfielder defenseman defender teammate rookie footballer cricketer "
    "batsman batter bowler wicketkeeper bassist drummer guitarist vocalist keyboardist frontman "
    "frontwoman".split()
)
# Two-word positions whose second word alone is no title ("running back").
POSITION_BIGRAMS = frozenset(
    ("running back", "defensive back", "tight end", "defensive end", "wide receiver",
     "offensive tackle", "defensive tackle", "first baseman", "second baseman",
     "third baseman", "left fielder", "right fielder", "center fielder", "point guard",
     "shooting guard", "power forward", "small forward")
)
# Offices and ranks: the person is a member of the organization.
MEMBER_TITLES = frozenset(
    "minister secretary member official officer general lawmaker senator mp adviser "
    "advisor ambassador envoy diplomat negotiator commissioner representative governor "
    "mayor colonel lieutenant captain admiral sergeant marshal ayatollah cleric politician "
    "founder co-founder cofounder".split()
) | PLAYER_TITLES
# Titles of who founded an organization: a title, but no membership edge (founding a
# movement, a company or a religion says nothing of belonging to it now).
FOUNDER_TITLES = frozenset("founder co-founder cofounder".split())
# Every noun that makes a role edge (see `titles.TITLE_NOUNS` for the narrower list of
# nouns heading a capitalized title before a name).
ROLE_NOUNS = HEAD_TITLES | WORK_TITLES | MEMBER_TITLES
# Ranks and forms of address that stand before a name on their own.
RANKS = frozenset(
    "general brigadier major colonel lieutenant captain admiral sergeant marshal ayatollah "
    "president king queen prince princess sheikh pope cardinal bishop imam".split()
)
# Abbreviated ranks and offices as tokens ("gen." -> "General"), written out as in
# `titles.ABBREVIATIONS`; only these make a role ("Prof.", "Rev." name no membership).
ROLE_ABBREVIATIONS = {f"{k}.": WRITTEN_OUT[k] for k in "gen lt col capt sgt adm gov sen rep pres maj brig".split()}
# Words that qualify a title without being an organization.
MODIFIERS = frozenset(
    "senior junior chief top deputy vice assistant associate acting interim former ex "
    "supreme foreign defence defense home interior finance health justice prime "
    "international political diplomatic military executive managing national regional "
    "security intelligence economic economics trade education culture state first "
    "principal special general major brigadier lieutenant rear longtime veteran "
    "press transport transportation environment housing agriculture energy communications "
    "infrastructure tourism economy immigration employment industry science technology".split()
)
# Qualifiers that make a leading title a subordinate one, or a past one.
SUBORDINATE = frozenset("deputy vice assistant associate".split())
# "former", "ex-" (a token of its own before the hyphen), "then-", "outgoing": held no more.
PAST = frozenset("former ex late then outgoing erstwhile onetime one-time".split())
# Title phrases that lead the organization though their last noun alone would not.
HEAD_PHRASES = ("chief executive", "managing director", "editor-in-chief", "editor in chief",
                "director-general", "secretary-general", "head coach")
# Portfolios that complete "Secretary of ..." / "Minister of ..." and are not organizations.
PORTFOLIOS = frozenset(
    "state defense defence staff treasury justice commerce energy agriculture labor labour "
    "education health transportation interior finance homeland security foreign affairs "
    "home trade culture".split()
)
# Prepositions that attach an organization to an appositive title.
TITLE_PREPS = frozenset("of for at with".split())
# Prepositions after "head of <unit>" that name the unit's organization.
UNIT_PREPS = frozenset("for at with".split())
# Occupations only people have (no company is "an English actor" or "a prefect"): a
# name a copula or an apposition joins to one is a person, whatever its words look like.
OCCUPATION_NOUNS = frozenset("""
actor actress singer songwriter singer-songwriter painter sculptor architect poet novelist playwright
composer conductor pianist violinist cellist musician rapper dancer choreographer comedian filmmaker
screenwriter illustrator cartoonist historian philosopher theologian mathematician physicist chemist
biologist astronomer sociologist psychologist linguist scholar botanist zoologist geologist explorer
inventor priest monk nun prefect centurion statesman activist businessman businesswoman entrepreneur
athlete sprinter swimmer cyclist boxer wrestler jockey golfer skier skater
""".split()) | PLAYER_TITLES


# Offices that end a title and head no title phrase before a name ("Associate Dean",
# "Surgeon General", "District Attorney").
_OFFICE_NOUNS = frozenset("dean provost rector surgeon sheriff undersheriff attorney".split())
_TITLE_HEADS = HONORIFICS | TITLE_NOUNS | _OFFICE_NOUNS
# Words that are a title alone only abbreviated or as forms of address ("Sgt", "Msgr", "Dr").
_SHORT_TITLES = frozenset(WRITTEN_OUT) | ADDRESS_FORMS | {"msgr"}


def only_a_title(name: str) -> bool:
    """A title with no name in it ("Rear Admiral", "Associate Dean", "Msgr."): every word
    a form of address, a title noun or a title's modifier, the last a title noun; one
    word only when abbreviated ("Sgt", not "President")."""
    words = [k for k in (w.rstrip(".").casefold() for w in name.split()) if k]
    if not words or words[-1] not in _TITLE_HEADS \
            or not all(w in _TITLE_HEADS or w in MODIFIERS or w in TITLE_JOINERS for w in words):
        return False
    return len(words) >= 2 or name.rstrip().endswith(".") or words[0] in _SHORT_TITLES
