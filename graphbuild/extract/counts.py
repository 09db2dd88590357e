"""Numbers of dead, injured, arrested... stated in a sentence, read from the parse.

A number counts for a kind only when the parse ties it to a casualty word: "56 people
dead", "Fifty-six people have been killed", "more than 200 (were) injured", "killing 12".
"Up to a million people have taken to the streets" ties to no casualty word: no count.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Span, Token

# Lemma of the casualty word -> Count.kind.
KIND_BY_LEMMA = {
    "kill": "dead", "die": "dead", "dead": "dead", "death": "dead", "slay": "dead", "slain": "dead",
    "fatality": "dead", "killed": "dead", "injure": "injured", "injured": "injured", "wound": "injured",
    "wounded": "injured", "hurt": "injured", "injury": "injured", "arrest": "arrested", "detain": "arrested",
    "missing": "missing", "evacuate": "evacuated", "rescue": "rescued",
}
QUALIFIERS = (("no more than", "up to"), ("no fewer than", "at least"), ("no less than", "at least"),
              ("at least", "at least"), ("more than", "more than"), ("over", "more than"), ("up to", "up to"),
              ("about", "about"), ("around", "about"), ("roughly", "about"), ("approximately", "about"),
              ("nearly", "about"), ("almost", "about"), ("some", "about"), ("at most", "up to"))
UNITS = {"zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
         "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
         "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "a": 1, "an": 1}
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
        "ninety": 90}
SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000, "dozen": 12}
_LINKS = {"nummod", "nsubj", "nsubjpass", "dobj", "npadvmod", "appos", "conj", "pobj", "attr"}


@dataclass(frozen=True)
class FoundCount:
    kind: str
    value: int
    qualifier: str | None
    number: Span  # the number's tokens (qualifier excluded)
    word: Token  # the casualty word it is tied to


def parse_number(text: str) -> int | None:
    """An integer from digits ("1,200", "56") or words ("Fifty-six", "a million"); None
    for vague amounts ("dozens", "hundreds of thousands")."""
    cleaned = text.lower().replace(",", "").strip()
    if re.fullmatch(r"\d+", cleaned):
        return int(cleaned)
    m = re.fullmatch(r"(\d+(?:\.\d+)?)\s+(hundred|thousand|million|billion)", cleaned)
    if m:
        return int(float(m.group(1)) * SCALES[m.group(2)])
    total, current, seen = 0, 0, False
    for word in re.split(r"[\s-]+", cleaned):
        if word == "and" and seen:
            continue
        if word in UNITS:
            current += UNITS[word]
        elif word in TENS:
            current += TENS[word]
        elif word in SCALES and not word.endswith("s"):
            current = max(current, 1) * SCALES[word]
            if SCALES[word] >= 1000:
                total, current = total + current, 0
        else:
            return None
        seen = True
    return total + current if seen else None


def _number_tokens(tok: Token) -> list[Token]:
    """The number `tok` heads, with its compound/number parts ("Fifty - six")."""
    parts = [tok] + [c for c in tok.children if c.dep_ in ("compound", "quantmod", "nummod") and c.like_num]
    parts += [c for c in tok.children if c.dep_ == "punct" and c.text == "-"]
    return sorted(parts, key=lambda t: t.i)


def _qualifier(sent_text_before: str) -> str | None:
    low = sent_text_before.lower().rstrip()
    for phrase, norm in QUALIFIERS:
        if low.endswith(" " + phrase) or low == phrase:
            return norm
    return None


def _casualty_word(number: Token) -> Token | None:
    """The casualty word the parse ties `number` to, climbing from the number through
    its noun ("56 people") to the predicate ("killed", "dead", "left ... dead")."""
    node = number
    if node.dep_ == "nummod":
        node = node.head  # "56 people"
        if node.lemma_.lower() in KIND_BY_LEMMA:
            return node  # "56 deaths"
    for child in node.children:  # "213 injured" parsed as a noun phrase, "56 dead"
        if child.dep_ in ("amod", "acl") and child.lemma_.lower() in KIND_BY_LEMMA:
            return child
    if node.dep_ not in _LINKS:
        return None
    head = node.head
    if head.lemma_.lower() in KIND_BY_LEMMA and node.dep_ != "pobj":
        return head  # "people have been killed", "200 injured", "killing 12 people"
    if head.lemma_.lower() in ("leave", "kill") or head.pos_ == "AUX":  # "left 56 people dead"
        words = [c for c in head.children
                 if c.dep_ in ("oprd", "acomp", "xcomp", "attr") and c.lemma_.lower() in KIND_BY_LEMMA]
        # "left one person dead and four wounded": each number's word is the first after it
        return next((c for c in words if c.i > number.i), words[-1] if words else None)
    return None


def find_counts(sent: Span) -> list[FoundCount]:
    """Casualty counts stated in the sentence `sent`."""
    found: list[FoundCount] = []
    seen: set[int] = set()
    for tok in sent:
        if not tok.like_num or tok.i in seen or tok.dep_ in ("compound", "quantmod") and tok.head.like_num:
            continue
        parts = _number_tokens(tok)
        value = parse_number(" ".join(t.text for t in parts).replace(" - ", "-"))
        if value is None or any(c.dep_ == "det" and c.lower_ == "no" for c in tok.children):
            continue  # "no one was hurt" counts no one
        seen.update(t.i for t in parts)
        word = _casualty_word(tok)
        if word is None:
            continue
        first = parts[0]
        before = sent.text[:first.idx - sent.start_char]  # (not doc.text: rebuilt on every access)
        if first.i > 0 and first.nbor(-1).lower_ == "a" and tok.lower_ in SCALES:  # "a million"
            before = sent.text[:first.nbor(-1).idx - sent.start_char]
        found.append(FoundCount(KIND_BY_LEMMA[word.lemma_.lower()], value, _qualifier(" " + before),
                                sent.doc[first.i:parts[-1].i + 1], word))
    # "56 people dead and 213 injured": the second predicate is conj of the first.
    return found
