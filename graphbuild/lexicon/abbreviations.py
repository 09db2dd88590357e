"""Abbreviated place names as news style writes them (AP style for US states:
"Cupertino, Calif."), mapped to the full names the gazetteers know."""
from __future__ import annotations

US_STATES = {
    "ala": "Alabama", "ariz": "Arizona", "ark": "Arkansas", "calif": "California", "colo": "Colorado",
    "conn": "Connecticut", "del": "Delaware", "fla": "Florida", "ga": "Georgia", "ill": "Illinois",
    "ind": "Indiana", "kan": "Kansas", "kans": "Kansas", "ky": "Kentucky", "la": "Louisiana", "md": "Maryland",
    "mass": "Massachusetts", "mich": "Michigan", "minn": "Minnesota", "miss": "Mississippi", "mo": "Missouri",
    "mont": "Montana", "neb": "Nebraska", "nev": "Nevada", "n.h": "New Hampshire", "n.j": "New Jersey",
    "n.m": "New Mexico", "n.y": "New York", "n.c": "North Carolina", "n.d": "North Dakota", "okla": "Oklahoma",
    "ore": "Oregon", "pa": "Pennsylvania", "r.i": "Rhode Island", "s.c": "South Carolina", "s.d": "South Dakota",
    "tenn": "Tennessee", "tex": "Texas", "vt": "Vermont", "va": "Virginia", "wash": "Washington",
    "w.va": "West Virginia", "wis": "Wisconsin", "wyo": "Wyoming",
}


def expand_state(name: str) -> str | None:
    """The state an abbreviation written with its final dot names ("Calif." ->
    "California"), else None: without the dot "Mass" or "Miss" is a word."""
    if not name.endswith(".") or " " in name.strip():
        return None
    return US_STATES.get(name[:-1].casefold())


# Words of place names that news style abbreviates ("Mt Orlo", "Ft. Worth").
PLACE_WORDS = {"mt": "mount", "mtn": "mountain", "ft": "fort", "pt": "point", "is": "island"}


def expand_place_words(normalized: str) -> str:
    """A normalized place name with its abbreviated words written out ("mt cook" ->
    "mount cook"); "is" only as a last word ("rhode is")."""
    words = normalized.split()
    return " ".join(PLACE_WORDS.get(w, w) if w != "is" or i == len(words) - 1 else w
                    for i, w in enumerate(words))
