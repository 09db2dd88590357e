"""Small closed-class words that rules about names and places share."""
from __future__ import annotations

# "in X", "at X", "near X": prepositions that locate what follows them.
LOCATIVES = frozenset({"in", "at", "near", "outside", "inside", "across", "around", "throughout"})
# Small words that never make a name on their own or as a propagated surname.
FUNCTION_WORDS = frozenset("a an and as at but by for from in into of on or the to with".split())
# Words skipped when reading a name's initials: "Council on Foreign Relations".
ACRONYM_SKIP = frozenset({"of", "the", "and", "for", "on", "in", "&", "de", "du", "des", "la"})
# Leading articles that never distinguish two names.
ARTICLES = frozenset({"the"})
# Arabic/Persian name particles: "al-Assad", "el-Sisi", "bin Salman" compare as their
# remainder. Hyphenated or separate, in the transliterations news agencies use.
PARTICLES = frozenset({"al", "el", "ul", "ad", "ar", "as", "ash", "at", "az", "an", "ibn", "bin", "abu", "abd"})
# Particles that are dropped only when attached by a hyphen or followed by a longer
# name; "bin" and "abu" carry meaning ("bin Laden"), so they stay in the surname key.
DROPPABLE_PARTICLES = frozenset({"al", "el", "ul", "ad", "ar", "as", "ash", "at", "az", "an"})

# Abbreviations of common nouns that the tagger reads as names when written in capitals:
# technologies, business terms, diseases, time zones ("at 1400 GMT"). None names a
# person, an organization or a place.
COMMON_ABBREVIATIONS = frozenset("""
ai ar vr xr ml api app apps gps gpu cpu pc tv hd 4k 5g 3d ui ux iot
ceo cfo coo cto gdp ipo eps ebitda esg faq hr vip mvp
covid covid-19 sars-cov-2 hiv aids mrsa ebola
gmt utc bst cet cest eet est edt cst cdt mst mdt pst pdt akst hst ist jst aest aedt
""".split())
