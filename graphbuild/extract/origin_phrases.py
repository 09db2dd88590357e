"""Where a person comes from, from the noun that describes them.

"X is a singer from Y", "X, a farmer from Y, ...", "X was a painter from Y, Z": the
describing noun's "from Y" gives homeLocation X -> Y (rule "person-from"), when Y is a
place below a country (a country there is a nationality, `person_facts`). Only the
describing noun's own "from" counts: "X is a singer who moved from Y" says nothing of home.
Read-only: yields records; the stage applies them.
"""
from __future__ import annotations

from collections.abc import Iterator

from graphbuild.extract.person_facts import described_person
from graphbuild.extract.records import FoundRelation
from graphbuild.extract.view import DocumentView
from graphbuild.lexicon import countries

CONFIDENCE = 0.75


def origin_places(view: DocumentView) -> Iterator[FoundRelation]:
    """homeLocation from "a NOUN from Y" said of a person (module docstring)."""
    by_start = {s.start: (eid, s) for eid, s in view.entity_spans(("Place",))}
    for noun in view.doc:
        if noun.pos_ != "NOUN" or noun.dep_ not in ("attr", "appos", "conj"):
            continue
        prep = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "from"), None)
        if prep is None:
            continue
        k = prep.i + 1 + (prep.i + 1 < len(view.doc) and view.doc[prep.i + 1].lower_ == "the")
        hit = by_start.get(k)
        if hit is None or countries.by_name(hit[1].text) or countries.by_name(view.label(hit[0])):
            continue
        person = described_person(view, noun)
        if person is not None:
            yield FoundRelation(person, "homeLocation", hit[0], noun.sent, "person-from", CONFIDENCE)
