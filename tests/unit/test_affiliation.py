"""Nationality from demonyms and country names before titles: the affiliation extractor
alone (`country_words`, `country_entity`, `nationality`) over hand-built entities. A
country the rules would create shows as a `NewEntity` record."""
from __future__ import annotations

from graphbuild.extract import affiliation
from graphbuild.extract.records import NewEntity
from graphbuild.extract.title_phrases import title_phrases
from graphbuild.lexicon import countries
from tests.helpers.extract import view_of


def nationalities_of(nlp, text: str) -> tuple[set[tuple[str, str, str]], list[NewEntity]]:
    """(person label, "nationality", country label) found, and the countries to create."""
    view = view_of(nlp, text)
    facts, created = set(), []
    for words in affiliation.country_words(title_phrases(view)):
        country = affiliation.country_entity(view, words.span, create=words.rule == "demonym")
        if isinstance(country, NewEntity):
            created.append(country)
        if country is not None:
            r = affiliation.nationality(words, "new" if isinstance(country, NewEntity) else country)
            facts.add((view.label(r.subject), r.predicate, country.label if isinstance(country, NewEntity)
                       else view.label(r.object)))
    return facts, created


def test_demonym_table_from_country_data():
    assert countries.by_demonym("Iranian").label == "Iran"
    assert countries.by_demonym("Russian").label == "Russia"
    assert countries.by_demonym("Iraqi").label == "Iraq"
    assert countries.by_demonym("Chinese").label == "China"
    assert countries.by_demonym("Kerman") is None
    assert countries.by_demonym("Islamic") is None
    assert countries.by_name("U.S.").code == "US"
    assert countries.by_capital("Tehran").label == "Iran"


def test_a_country_code_names_a_country_only_in_capitals():
    assert countries.by_name("US").code == "US" and countries.by_name("UAE").code == "AE"
    assert countries.by_name("NZ").code == "NZ" and countries.by_name("M.C.").code == "MC"
    # lowercase words that are codes ("sworn in at City Hall")
    for word in ("at", "in", "it", "no", "be", "us", "At", "It"):
        assert countries.by_name(word) is None, word
    assert countries.by_name("Chad").code == "TD" and countries.by_name("the United States").code == "US"


def test_the_word_at_makes_no_country_of_a_sentence(nlp):
    from graphbuild.analyze import analyze
    from graphbuild.model import Document
    from graphbuild.nlp import parse

    model = analyze(parse(nlp, Document("d1", "She will be sworn in at City Hall in Marlow on December 1.")))
    assert not any(e.label in ("Austria", "India") for e in model.entities)


def test_demonym_creates_country(nlp):
    facts, (iran,) = nationalities_of(nlp, "Iranian Foreign Minister Mohammad Javad Zarif said it.")
    assert ("Mohammad Javad Zarif", "nationality", "Iran") in facts
    assert iran.kind == "Place" and iran.rule == "demonym" and iran.span.text == "Iranian"


def test_demonym_reuses_existing_country(nlp):
    facts, created = nationalities_of(nlp, "Russian President Vladimir Putin flew home to Russia.")
    assert ("Vladimir Putin", "nationality", "Russia") in facts and not created


def test_country_possessive(nlp):
    facts, _ = nationalities_of(nlp, "Iran's Supreme Leader Ayatollah Ali Khamenei wept.")
    assert any(p == "nationality" and o == "Iran" for _, p, o in facts)


def test_no_nationality_without_a_person(nlp):
    assert nationalities_of(nlp, "Iranian officials met the Russian delegation.") == (set(), [])
