"""Event kinds across news domains (business, legal, sport, politics, labour, health), the
non-event senses of trigger words, and which events make a node (event-sense evidence and
an argument; a quote is a Quotation, not also a Statement event). Sentences of our own."""
from __future__ import annotations

from datetime import date

import pytest

from graphbuild.model import Document

PUBLISHED = date(2022, 5, 10)


@pytest.fixture(scope="module")
def events_of(nlp):
    from graphbuild.analyze import analyze
    from graphbuild.nlp import parse

    def run(text: str):
        return analyze(parse(nlp, Document(id="t", text=text, published=PUBLISHED)))

    return run


def _kinds(model) -> set[str]:
    return {e.kind for e in model.events}


@pytest.mark.parametrize("text, kind", [
    ("Acme Corp completed its acquisition of Beta Inc on Monday.", "Acquisition"),
    ("Gamma Holdings and Delta Group announced a merger in London.", "Acquisition"),
    ("Orbit Networks cut 2,000 jobs in Ohio last week.", "Layoff"),
    ("Orbit Networks announced layoffs in Ohio on Tuesday.", "Layoff"),
    ("Zeta Motors reported quarterly earnings on Thursday.", "Earnings"),
    ("Zeta Motors unveiled its new electric car in Detroit on Monday.", "ProductLaunch"),
    ("Police arrested Tom Baker in Leeds on Sunday.", "Arrest"),
    ("Prosecutors charged Tom Baker with fraud in Leeds.", "Charge"),
    ("The trial of Tom Baker opened in Leeds on Monday.", "Trial"),
    ("A jury convicted Tom Baker in Leeds on Friday.", "Verdict"),
    ("A judge sentenced Tom Baker to five years in Leeds.", "Sentencing"),
    ("Tom Baker lodged an appeal against the ruling in London on Monday.", "Appeal"),
    ("Rovers beat United 2-1 in the final in Glasgow on Saturday.", "Competition"),
    ("Rovers signed the striker Ian Lake from United in January.", "Transfer"),
    ("Anna Berg won the presidential election in Sweden on Sunday.", "Election"),
    ("Anna Berg was sworn in as president in Stockholm on Monday.", "Inauguration"),
    ("Prime Minister Karl Lind resigned in Oslo on Friday.", "Resignation"),
    ("Thousands went on strike in Boston on Monday.", "Event"),
    ("The nurses union began a strike over pay in Boston on Monday.", "LabourStrike"),
    ("The union and Mercy Hospital signed an agreement in Boston on Friday.", "Agreement"),
    ("An outbreak of cholera hit Lusaka in March.", "Outbreak"),
    ("The agency approved the vaccine in Geneva on Monday.", "Approval"),
    ("The governor declared a state of emergency in Florida on Sunday.", "Declaration"),
    ("A wildfire destroyed homes in Lahaina on Tuesday.", "Fire"),
    ("Customs officers seized 40 kilograms of cocaine in Rotterdam on Friday.", "Seizure"),
    ("Tom Baker was arrested for drunk driving in Leeds on Sunday.", "Crime"),
    ("Zeta Motors is recalling 80,000 vehicles in Canada over faulty brakes.", "Recall"),
    ("The central bank of Norland cut its benchmark interest rate in Ostby on Thursday.", "RateDecision"),
    ("The Reserve Bank held rates steady in Wellington on Wednesday.", "RateDecision"),
    ("Researchers at Lund University discovered a new species of frog in Peru in May.", "Discovery"),
    ("Prosecutors opened an investigation into the contracts in Madrid on Monday.", "Investigation"),
    ("Anna Berg took the helm at Zeta Motors in Detroit in 2024.", "Appointment"),
    ("Norway lost the World Cup qualifier against Spain in Oslo on Friday.", "Competition"),
])
def test_domain_kinds(events_of, text, kind):
    assert kind in _kinds(events_of(text)), text


@pytest.mark.parametrize("text, not_kind", [
    ("Maria Lopez faced a host of issues in Madrid on Monday.", "Appointment"),
    ("Riot police stood by in Paris on Monday.", "Protest"),
    ("The ministry issued a press release in Rome on Monday.", "Release"),
    ("Ian Lake took a shot on goal in Glasgow on Saturday.", "Attack"),
    ("Shares of Zeta Motors fell in New York on Monday.", "Accident"),
    ("Zeta Motors fired its chief executive in Detroit on Monday.", "Fire"),
    ("Troops opened fire on protesters in Lagos on Monday.", "Fire"),
    ("Anna Berg was in charge of the team in Sweden.", "Charge"),
    ("Customs officers seized 40 kilograms of cocaine in Rotterdam on Friday.", "Arrest"),
    ("Tom Baker was driving to Leeds on Sunday.", "Crime"),
    ("Anna Berg recalled her first day in Stockholm on Monday.", "Recall"),
    ("Zeta Motors cut 400 jobs in Detroit on Monday.", "RateDecision"),
    ("Police found a body near the river in Leeds on Monday.", "Discovery"),
    ("Anna Berg took the bus to Leeds on Sunday.", "Appointment"),
    ("The laboratory in Leeds was flooded with calls on Wednesday.", "Storm"),
])
def test_non_event_senses_make_no_event_of_that_kind(events_of, text, not_kind):
    assert not_kind not in _kinds(events_of(text)), text


def test_the_other_sense_is_read_where_the_cues_say_so(events_of):
    assert "Appointment" in _kinds(events_of("Zeta Motors fired its chief executive in Detroit on Monday."))
    assert "Attack" in _kinds(events_of("Troops opened fire on protesters in Lagos on Monday."))


def test_an_event_node_needs_an_argument(events_of):
    assert events_of("The meeting was long.").events == ()
    assert [e.kind for e in events_of("The meeting in Berlin was long.").events] == ["Meeting"]


@pytest.mark.parametrize("text", [
    "Police arrested 23 pirates.",
    "A man was killed.",
    "Hundreds of workers were fired.",
])
def test_an_unnamed_group_or_an_introduced_person_is_an_argument(events_of, text):
    assert events_of(text).events, text


@pytest.mark.parametrize("text", [
    "It captured the imagination.",
    "He pleaded ignorance.",
    "It declared independence.",
])
def test_an_abstract_noun_is_no_argument(events_of, text):
    assert events_of(text).events == (), text


def test_a_quote_is_not_also_a_statement_event(events_of):
    model = events_of('"We will rebuild the bridge," Mayor John Smith said in Leeds on Monday.')
    assert model.quotes and "Statement" not in _kinds(model)
    announced = events_of("Mayor John Smith announced a plan in Leeds on Monday.")
    assert "Statement" in _kinds(announced)  # no quote: the announcement is the event


def test_a_mention_inside_another_shares_its_place_and_time(events_of):
    model = events_of("Tom Baker was arrested in Leeds on Sunday on suspicion of drunk driving.")
    suspicion = next(e for e in model.events if any(m.text == "suspicion" for m in e.mentions))
    assert suspicion.places and suspicion.times


def test_the_holder_of_a_role_of_a_place_is_no_argument_naming_the_place(events_of):
    # "the mayor of Tarnby" is a person: Tarnby is not who was arrested. A group's part
    # still names the group ("the board of Velcorp").
    model = events_of("A former mayor of Tarnby, Ohio, was arrested on Thursday.")
    names = {e.id: e.label for e in model.entities}
    arrests = [v for v in model.events if v.kind == "Arrest"]
    assert arrests and not any(names.get(p.entity) == "Tarnby" for v in arrests for p in v.participants)
    model = events_of("The board of Velcorp Industries was sued on Monday.")
    names = {e.id: e.label for e in model.entities}
    assert any(names.get(p.entity) == "Velcorp Industries" for v in model.events for p in v.participants)
