"""Honorifics and title words read around a person's name (general English, no names).

Two different noun lists on purpose: `TITLE_NOUNS` here are the nouns that head a
capitalized title phrase written before a name ("Defence Secretary", "Secretary of
State"), used to split names from titles; `roles.ROLE_NOUNS` are the nouns that make
a membership edge, a wider list (players, jobs) read from the parse.
"""
from __future__ import annotations

# Forms of address and ranks written before a name (compared without a final dot).
HONORIFICS = frozenset("""
mr mrs ms miss mx dr prof sir dame lord lady madam mister msgr monsignor
gen general lt col colonel maj major capt captain cmdr commander adm admiral sgt sergeant
cpl corporal pvt brig brigadier marshal field
president vice prime minister secretary chancellor governor senator sen rep representative
congressman congresswoman mayor judge justice ambassador ayatollah imam sheikh shaikh
king queen prince princess emperor pope cardinal bishop archbishop rev reverend father
pastor rabbi chairman chairwoman chief deputy director minister premier supreme leader
coach manager officer inspector detective agent st saint
striker goalkeeper goalie midfielder defender winger fullback quarterback kicker punter linebacker
pitcher catcher shortstop outfielder batsman bowler footballer cricketer
""".split())  # the last line: positions written before a name at a sentence's start ("Striker Jo Roe scores")
# Nouns that head a title phrase ("Defence Secretary", "Supreme Leader",
# "Secretary of State"): a capitalized neighbour of one of these is part of a title.
TITLE_NOUNS = frozenset("""
secretary minister leader president chairman chairwoman chair director general commander
chief governor senator ambassador spokesman spokeswoman spokesperson mayor premier
chancellor king queen prince judge justice officer head deputy correspondent editor
reporter coach captain manager ayatollah
""".split())
# Small words allowed inside a title phrase ("Secretary of State").
TITLE_JOINERS = frozenset({"of", "for", "the", "and", "on"})
# Forms of address: honorifics, but no job title (schema:jobTitle).
ADDRESS_FORMS = frozenset("mr mrs ms miss mx mister madam sir dame dr".split())
# Abbreviated ranks and offices written out, so "Gen." and "General" are one title.
ABBREVIATIONS = {"gen": "General", "lt": "Lieutenant", "col": "Colonel", "maj": "Major", "capt": "Captain",
                 "cmdr": "Commander", "adm": "Admiral", "sgt": "Sergeant", "cpl": "Corporal", "pvt": "Private",
                 "brig": "Brigadier", "sen": "Senator", "rep": "Representative", "gov": "Governor",
                 "pres": "President", "prof": "Professor", "rev": "Reverend", "insp": "Inspector"}
