"""A short name defined in brackets is the long name's (`resolve.bracket_aliases`)."""
from __future__ import annotations



def _entities(nlp, text, ents):
    from graphbuild.extract.kind_cues import find_kind_cues
    from graphbuild.extract.mentions import find_mentions
    from graphbuild.resolve.within_doc import resolve_entities
    from tests.unit.test_entity_evidence import _parsed

    p = _parsed(nlp, text, ents)
    mentions = find_mentions(p)
    return {e.label: sorted({m.text for m in e.mentions}) for e in resolve_entities(p, mentions, tuple(find_kind_cues(p, mentions)))}


def test_a_short_name_in_brackets_joins_the_name_before_it_whatever_it_spells(nlp):
    text = "The Federal Office for Road Haulage (KVB) approved the fix. The KVB said so on Monday."
    assert _entities(nlp, text, [("Federal Office for Road Haulage", "ORG"), ("KVB", "ORG")]) == {
        "Federal Office for Road Haulage": ["Federal Office for Road Haulage", "KVB"]}
    text = "The National Office of Relief (Onarel) sent teams."
    assert _entities(nlp, text, [("National Office of Relief", "ORG"), ("Onarel", "ORG")]) == {
        "National Office of Relief": ["National Office of Relief", "Onarel"]}


def test_a_place_or_a_party_in_brackets_stays_apart(nlp):
    found = _entities(nlp, "Officials of Torvane Motors (Germany) met Lena Marsh (Labour).",
                      [("Torvane Motors", "ORG"), ("Germany", "GPE"), ("Lena Marsh", "PERSON"), ("Labour", "ORG")])
    assert set(found) == {"Torvane Motors", "Germany", "Lena Marsh", "Labour"}
