"""Nationality, birthplace and affiliation of people from describing phrases
(`person_facts` through `relations_stage`, hand-built entities, one per NER span)."""
from __future__ import annotations

from graphbuild.extract.relations_stage import relations_stage
from tests.helpers.extract import build_model, stage_facts as facts


def test_demonym_on_the_describing_noun(nlp):
    assert ("Jorge Vega", "nationality", "Mexico") in facts(nlp, "Jorge Vega, a Mexican actor, joined Televisa in 2001.")


def test_irregular_demonym_from_countryinfo(nlp):
    f = facts(nlp, "Claire Dubois is a French novelist and translator.")
    assert ("Claire Dubois", "nationality", "France") in f


def test_demonym_before_a_lowercase_noun_and_name(nlp):
    assert ("Tiziano Ferro", "nationality", "Italy") in facts(nlp, "The song is by Italian singer Tiziano Ferro.")


def test_demonym_inside_an_organization_name_is_no_nationality(nlp):
    f = facts(nlp, "Paul Girard joined the French Foreign Legion in 1918.")
    assert not any(p == "nationality" for _, p, _ in f)


def test_born_in_with_date(nlp):
    f = facts(nlp, "Rachel Proctor (born August 11, 1974 in Youngstown, Ohio) is an American singer.")
    assert ("Rachel Proctor", "birthPlace", "Youngstown") in f
    assert ("Rachel Proctor", "nationality", "United States") in f
    assert ("Youngstown", "containedInPlace", "Ohio") in f


def test_place_born(nlp):
    assert ("Eva Dahl", "birthPlace", "Oslo") in facts(nlp, "Oslo-born painter Eva Dahl left.")


def test_plays_as_a_striker_for(nlp):
    f = facts(nlp, "Tom Fenn is a Scottish footballer who plays as a striker for Dunmore Athletic.")
    assert ("Tom Fenn", "memberOf", "Dunmore Athletic") in f


def test_joined_an_organization(nlp):
    assert ("Jorge Vega", "memberOf", "Televisa") in facts(nlp, "Jorge Vega, a Mexican actor, joined Televisa in 2001.")


def test_copular_title_with_organization(nlp):
    assert ("Dana Wu", "headOf", "Orbis Systems") in facts(nlp, "Dana Wu is the chief executive of Orbis Systems.")
    assert ("Ben Ode", "memberOf", "the National Assembly") in facts(nlp, "Ben Ode is a member of the National Assembly.")


def test_past_titles_make_no_current_edge(nlp):
    for text in ("Then-President Donald Trump met ex-CEO Jim Barr of Acme Corp.",
                 "Leila Haddad, the outgoing president of the Lyon Chamber Orchestra, resigned.",
                 "Former Acme chief executive John Hale spoke."):
        parsed, model = build_model(nlp, text)
        m = relations_stage(parsed, model)
        assert not m.memberships and not [r for r in m.relations if r.predicate in ("headOf", "memberOf", "worksFor")]
        assert all(t.startswith("former ") for e in m.entities for t in e.titles), [e.titles for e in m.entities]


def test_demonym_before_a_list_of_names(nlp):
    f = facts(nlp, "Australian pacers Mitchell Starc (3/55), Pat Cummins (2/34) and Josh Hazlewood (2/60) kept India in check.")
    assert {("Mitchell Starc", "nationality", "Australia"), ("Pat Cummins", "nationality", "Australia"),
            ("Josh Hazlewood", "nationality", "Australia")} <= f


def test_country_possessive_before_a_name(nlp):
    assert ("Emmanuel Macron", "nationality", "France") in facts(nlp, "France's Emmanuel Macron met the press.")


def test_born_and_raised_in(nlp):
    assert ("Mark Hale", "birthPlace", "Chicago") in facts(nlp, "Mark Hale was born and raised in Chicago.")


def test_place_resident_is_home(nlp):
    assert ("Luis Ortega", "homeLocation", "Denver") in facts(nlp, "Luis Ortega, a Denver resident, was arrested.")


def test_hyphenated_head_title(nlp):
    f = facts(nlp, "NATO Secretary-General Jens Stoltenberg said the alliance was ready.")
    assert ("Jens Stoltenberg", "headOf", "NATO") in f


def test_a_long_name_split_by_the_parser_is_still_the_subject(nlp):
    f = facts(nlp, "James Paul Maher (November 3, 1865 – July 31, 1946) was a U.S. Representative from New York.")
    assert ("James Paul Maher", "nationality", "U.S.") in f


def test_member_of_an_organization(nlp):
    f = facts(nlp, "Lena Ek is a Swedish politician and a member of the Centre Party.")
    assert ("Lena Ek", "memberOf", "the Centre Party") in f
    assert ("Hans Gruber", "memberOf", "the Berlin Philharmonic") in facts(
        nlp, "Hans Gruber, a founding member of the Berlin Philharmonic, died in 1990.")


def test_a_former_member_is_no_member(nlp):
    assert not any(p == "memberOf" for _, p, _ in facts(nlp, "Jack Lowe was a former member of the Liberal Party."))


def test_national_office_of_a_country_is_a_nationality(nlp):
    assert ("Jan Kowal", "nationality", "Poland") in facts(nlp, "Jan Kowal served as Prime Minister of Poland from 1990 to 1991.")
    f = facts(nlp, "Ana Lima was the Governor of Texas.")
    assert not any(p == "nationality" for _, p, _ in f)  # no national office, no country


def test_birth_place_from_a_lifespan_in_brackets(nlp):
    f = facts(nlp, "John Miller (11 October 1874 in Leeds – 6 January 1915 in London) was an English chemist.")
    assert ("John Miller", "birthPlace", "Leeds") in f and ("John Miller", "birthPlace", "London") not in f
    f = facts(nlp, "Sarah Johnson (Boston, Massachusetts, August 29, 1869 – Chicago, July 23, 1925) was a painter.")
    assert ("Sarah Johnson", "birthPlace", "Boston") in f
    assert not any(p == "birthPlace" for _, p, _ in facts(nlp, "Tom Hill (1950 – 2010) was a writer from Leeds."))


def test_a_country_or_an_organization_can_be_a_member(nlp):
    f = facts(nlp, "Norway is a member of NATO and the United Nations.")
    assert {("Norway", "memberOf", "NATO"), ("Norway", "memberOf", "the United Nations")} <= f


def test_organizations_an_alliance_represents_are_its_members(nlp):
    f = facts(nlp, "Talks broke off with the Alliance of Film Makers representing employers including Paramount, "
                   "Sony and Universal.")
    assert ("Paramount", "memberOf", "the Alliance of Film Makers") in f
    assert not any(p == "memberOf" for _, p, _ in facts(nlp, "The union, which represents 160,000 actors, called a strike."))


def test_member_of_a_country_s_legislature_is_its_national(nlp):
    f = facts(nlp, "Chris Wray, a longtime member of Canada's Parliament, will lead the new party.")
    assert ("Chris Wray", "nationality", "Canada") in f
    assert not any(p == "nationality" for _, p, _ in facts(nlp, "Aino Virtanen is a member of the Chess Club."))


def test_an_organization_only_modifying_the_represented_is_no_member(nlp):
    f = facts(nlp, "The Brewers Federation, which represents about 9,000 Hallow Breweries workers, called a strike.")
    assert not any(p == "memberOf" for _, p, _ in f)


def test_a_two_word_demonym_before_a_describing_noun(nlp):
    from tests.helpers.extract import stage_facts
    facts = stage_facts(nlp, "Tomas Verlund is an Equatorial Guinean sculptor and artist.")
    assert ("Tomas Verlund", "nationality", "Equatorial Guinea") in facts
    assert ("Tomas Verlund", "nationality", "Guinea") not in facts


def test_an_ambassador_to_a_country_is_not_its_citizen(nlp):
    from tests.helpers.extract import stage_facts
    facts = stage_facts(nlp, "Pierre Dumas is the French ambassador to Spain.")
    assert ("Pierre Dumas", "nationality", "Spain") not in facts
    assert not {f for f in stage_facts(nlp, "Acme is an American company.") if f[1] == "nationality"}


def test_born_with_a_birth_name_in_brackets(nlp):
    # The parse takes the birth name for the object of "born" and hangs "born" on the verb.
    f = facts(nlp, "Zev Marlow (born Thomas Edgar Hull on 3 May 1970 in Saverne, France) is a French painter.")
    assert ("Zev Marlow", "birthPlace", "Saverne") in f
