"""General English words that say a thing is a place, or where it lies (no names)."""
from __future__ import annotations

# Nouns that make "X is a NOUN in Y" a statement that place X lies in Y.
PLACE_NOUNS = frozenset(
    "city town village hamlet municipality commune comune frazione gmina district county borough township parish "
    "suburb neighbourhood neighborhood community settlement locality region province state "
    "territory prefecture canton oblast governorate department island islands peninsula river "
    "lake mountain mountains valley bay creek stream tributary reservoir dam bridge airport park "
    "forest capital port harbour harbor square quarter area place seat resort beach coast "
    "desert volcano glacier canal headland cape ward constituency subdivision division "
    "archipelago atoll range hill hills plateau road street avenue boulevard freeway highway "
    "motorway expressway trail castle church cathedral monastery abbey palace stadium arena "
    "museum lighthouse zone wilderness mall".split()
)
# Nouns of administrative units written "the [country's] NOUN of Y" ("the U.S. state of
# Oregon", "the Canadian province of Alberta", "the city of Angleton").
ADMIN_NOUNS = frozenset(
    "state province county region prefecture city town village district territory oblast "
    "canton municipality department governorate emirate island borough parish commune comune gmina township".split()
)
# Adjectives that place a thing inside a region without naming another ("in western Turkey").
COMPASS = frozenset(
    "north south east west northern southern eastern western central northeastern "
    "northwestern southeastern southwestern north-eastern north-western south-eastern "
    "south-western northeast northwest southeast southwest upper lower rural downtown "
    "suburban coastal greater inner outer mid".split()
)
# Verbs whose "in Y" says where their subject lies.
LOCATION_VERBS = frozenset("locate situate lie sit base stand border".split())
# Prepositions after a place noun or a location verb that name its container.
CONTAINER_PREPS = frozenset("in within on".split())
# Prepositions that name a neighbour, not the container (its later regions still contain).
NEAR_PREPS = frozenset("near outside".split())
