"""Whether two spellings are one name's: sound keys (jellyfish Metaphone), spelling
similarity (Jaro-Winkler) and, for given names, nicknames (the nicknames package's
curated table). No list of any person's names. Words come normalized
(`graphbuild.names.normalize`): lowercase, accents stripped.
"""
from __future__ import annotations

import re
from functools import lru_cache

import jellyfish

# Doubled letters vary between spellings of one name ("Qassem"/"Qasem", "Hassan"/"Hasan").
_DOUBLED = re.compile(r"([a-z])\1+")
# How alike two spellings must be, beside sounding alike, to be one name's variants
# (jellyfish Jaro-Winkler), and how long a word must be: a short given name carries
# too little to tell a variant ("Mohammed"/"Mohammad") from another name ("Ted"/"Tad",
# "Karen"/"Karan"), so given names need GIVEN_NAME_MIN letters, other words WORD_MIN.
VARIANT_SIMILARITY = 0.8
WORD_MIN = 5
GIVEN_NAME_MIN = 6


@lru_cache(maxsize=1 << 16)
def fold_word(word: str) -> str:
    """One normalized word with doubled letters single ("qassem" → "qasem"): spellings
    that differ only so are one spelling."""
    return _DOUBLED.sub(r"\1", word)


@lru_cache(maxsize=1 << 16)
def phonetic_word(word: str) -> str:
    """The sound key of one normalized word: its Metaphone code (jellyfish) without
    "H", which transliterations add or drop ("Gaddafi"/"Qadhafi" → "KTF")."""
    code = jellyfish.metaphone(word).replace("H", "") if word.isalpha() else ""
    return code or word


def word_variants(x: str, y: str, min_len: int = WORD_MIN) -> bool:
    """Whether two normalized words are spellings of one name: the same spelling
    (`fold_word`), or both at least `min_len` letters, sounding alike (`phonetic_word`)
    and spelled alike (Jaro-Winkler ≥ VARIANT_SIMILARITY): "Laden"/"Ladin",
    "Gaddafi"/"Qadhafi", never "Cruz"/"Cruise"."""
    fx, fy = fold_word(x), fold_word(y)
    if fx == fy:
        return True
    if min(len(fx), len(fy)) < min_len or phonetic_word(fx) != phonetic_word(fy):
        return False
    return jellyfish.jaro_winkler_similarity(fx, fy) >= VARIANT_SIMILARITY


@lru_cache(maxsize=1)
def _nicknamer():
    from nicknames import NickNamer

    return NickNamer()


@lru_cache(maxsize=1 << 14)
def _nickname_of(short: str, full: str) -> bool:
    """Whether given name `short` is a nickname of `full` ("bob", "robert"); names that
    merely share a full form ("ted", "ned": Edward) are not."""
    return len(short) > 1 and full in _nicknamer().canonicals_of(short)


def given_names_variants(x: str, y: str) -> bool:
    """Whether two normalized given names can be one person's: the same spelling, an
    initial of the other, a nickname of the other ("Bob"/"Robert") or a long name's
    variant ("Mohammed"/"Mohammad"). The given name is strong evidence: "Ted" is not
    "Tad", "Karen" not "Karan"."""
    if (len(x) == 1 and y.startswith(x)) or (len(y) == 1 and x.startswith(y)):
        return True
    if _nickname_of(x, y) or _nickname_of(y, x):
        return True  # "Bob" is a "Robert" (the nicknames package's curated table)
    fx, fy = fold_word(x), fold_word(y)
    if fx != fy and (fx.startswith(fy) or fy.startswith(fx)):
        return False  # an added ending makes another name: "Daniel"/"Danielle", "Paul"/"Paula"
    return word_variants(x, y, GIVEN_NAME_MIN)


__all__ = ["fold_word", "given_names_variants", "phonetic_word", "word_variants"]
