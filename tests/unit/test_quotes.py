"""Direct quotes, reported speech and their speakers: `quotes.find_quotes` alone, over
hand-built entities (what the stage makes of the records: test_relations_stage.py)."""
from __future__ import annotations

from graphbuild.extract.quotes import find_quotes, quote_spans
from tests.helpers.extract import view_of


def quotes_of(nlp, text: str) -> list[tuple[str | None, str, str]]:
    """(speaker label, quoted text, rule) of each quote found."""
    view = view_of(nlp, text)
    return [(view.label(q.speaker) if q.speaker else None, view.doc.text[q.start:q.end], q.rule)
            for q in find_quotes(view)]


def test_quote_spans_pair_mixed_marks():
    text = 'He said: \u201cWe will go," she said. "Open\nnext'
    spans = quote_spans(text)
    assert [text[a:z] for a, z, _ in spans] == ["We will go,", "Open"]
    assert [c for _, _, c in spans] == [True, False]


def test_quote_then_said(nlp):
    text = '"We will take revenge. We will set ablaze a place they like," Hossein Salami said.'
    assert quotes_of(nlp, text) == [
        ("Hossein Salami", "We will take revenge. We will set ablaze a place they like", "quote-after")]


def test_said_colon_quote_and_he_added(nlp):
    text = ('Secretary of State Mike Pompeo said: "Every target will be reviewed under the law." '
            'He added: "At the end our policy is about protecting the homeland."')
    qs = quotes_of(nlp, text)
    assert [s for s, _, r in qs if r != "reported-speech"] == ["Mike Pompeo", "Mike Pompeo"]
    assert any(t.startswith("At the end") for _, t, _ in qs)


def test_said_inside_a_quote_is_no_new_speaker(nlp):
    text = '"John Smith said we should leave the city at once," Mary Jones told reporters.'
    qs = quotes_of(nlp, text)
    assert [s for s, _, r in qs if r != "reported-speech"] == ["Mary Jones"]
    assert all(s == "Mary Jones" for s, _, _ in qs)


def test_reported_speech(nlp):
    got = quotes_of(nlp, "Defence Secretary Mark Esper told reporters that the US is not pulling troops out of Iraq.")
    assert ("Mark Esper", "the US is not pulling troops out of Iraq", "reported-speech") in got


def test_scare_quotes_are_no_quotes(nlp):
    assert not quotes_of(nlp, 'Dominic Raab has travelled to Brussels to "de-escalate" the situation.')


def test_unknown_subject_leaves_reported_speech_out(nlp):
    assert not quotes_of(nlp, "The draft letter said troops would be repositioning over the coming days.")


def test_quote_continues_after_attributed_quote(nlp):
    text = ('"We will find him soon," Sgt. John Miller said. "He cannot hide forever from us."\n'
            '"The search goes on tonight and tomorrow."\n'
            'The weather was bad. "Nobody saw anything there at all."')
    got = quotes_of(nlp, text)
    assert ("John Miller", "He cannot hide forever from us.", "quote-continued") in got
    assert ("John Miller", "The search goes on tonight and tomorrow.", "quote-continued") in got
    # a sentence without speech in between ends the chain
    assert not any(t.startswith("Nobody saw") for _, t, _ in got)


def test_quote_after_reported_speech_sentence(nlp):
    got = quotes_of(nlp, 'Ann Lee said the case was closed. "We are done with this case now."')
    assert ("Ann Lee", "We are done with this case now.", "quote-continued") in got


def test_curly_quote_said_name_and_title_before_speaker(nlp):
    text = ('\u201cWe have found the missing boat near the coast,\u201d said Captain John Miller. '
            '"It was empty when we got there," Sgt. Ann Lee said.')
    got = quotes_of(nlp, text)
    assert ("John Miller", "We have found the missing boat near the coast", "quote-after") in got
    assert ("Ann Lee", "It was empty when we got there", "quote-after") in got


def test_said_inside_quote_is_no_speaker_for_the_next_quote(nlp):
    text = 'The report was short. "Officials said it was safe to return home." "Nobody believed it at all."'
    got = quotes_of(nlp, text)
    assert not [s for s, _, _ in got if s is not None]


def test_long_subject_before_the_speech_verb(nlp):
    text = '"We are ready for the season ahead," chairman of the board Lena Ortiz said in a statement.'
    assert quotes_of(nlp, text) == [("Lena Ortiz", "We are ready for the season ahead", "quote-after")]


def test_commented_framing(nlp):
    assert quotes_of(nlp, '"The numbers are worse than we feared," Wu commented.')[0][0] == "Wu"


def test_clause_first_then_speaker(nlp):
    found = quotes_of(nlp, "None of the three fires has been contained, Fire Chief Omar Reyes said at the news conference.")
    assert ("Omar Reyes", "None of the three fires has been contained", "reported-speech") in found


def test_participle_opening_is_not_the_statement(nlp):
    found = quotes_of(nlp, "Speaking at a conference in Oslo, Admiral Tom Hale said there would be many difficulties.")
    assert [q[1] for q in found] == ["there would be many difficulties"]


def test_statement_clause_stays_on_its_line(nlp):
    found = quotes_of(nlp, "Big Night Ahead\nThe show will return for a second season, producers Ann Cole and Max Reed announced today.")
    assert [q[1] for q in found] == ["The show will return for a second season"]


def test_stating_that_after_a_preposition(nlp):
    found = quotes_of(nlp, "Dana Wu led Orbis until 2020 before stating that she was leaving the firm.")
    assert ("Dana Wu", "she was leaving the firm", "reported-speech") in found


def test_the_agency_said_is_the_organization_named_before(nlp):
    text = "The Federal Aviation Agency grounded the jets. The agency said the planes would stay on the ground for weeks."
    assert quotes_of(nlp, text) == [("The Federal Aviation Agency", "the planes would stay on the ground for weeks",
                                     "reported-speech")]


def test_according_to_an_organization(nlp):
    assert quotes_of(nlp, "About 300 people lost their homes, according to the Red Cross.") == [
        ("the Red Cross", "About 300 people lost their homes", "according-to")]
    found = quotes_of(nlp, "Star Named Host\nAccording to Laurence Mark, producer of the show, the actor was selected by the board.")
    assert found == [("Laurence Mark", "the actor was selected by the board", "according-to")]


def test_according_to_a_document_is_nobody(nlp):
    assert not quotes_of(nlp, "The deal is worth $5 billion, according to the statement.")


def test_speaker_named_in_an_appositive_of_the_subject(nlp):
    text = '"We have waited a long time for a player like him," the club\'s manager, Alan Pryce, commented.'
    assert quotes_of(nlp, text)[0][0] == "Alan Pryce"


def test_reported_speech_after_a_dateline_leaves_the_dateline_out(nlp):
    from graphbuild.analyze import analyze
    from graphbuild.model import Document
    from graphbuild.nlp import parse
    text = ("Floods in the north\n\nTAMALE, Ghana - Heavy rains have flooded villages across the region, "
            "regional director Kojo Asante said on Thursday.")
    quotes = analyze(parse(nlp, Document(id="t", text=text))).quotes
    assert quotes and all(q.text.startswith("Heavy rains") for q in quotes)


def test_a_hyphenated_word_opening_a_line_is_no_dateline(nlp):
    from graphbuild.analyze import analyze
    from graphbuild.model import Document
    from graphbuild.nlp import parse
    text = ("Cases rise\n\nCOVID-19 cases rose sharply in Lagos last month, Governor Ade Bello said.\n\n"
            "UK-based lenders cut 3,000 jobs this year, finance minister Rachel Moss said.")
    texts = {q.text for q in analyze(parse(nlp, Document(id="t", text=text))).quotes}
    assert any(t.startswith("COVID-19 cases") for t in texts) and any(t.startswith("UK-based") for t in texts)


def test_dateline_ends_after_the_agency_and_the_date_only_where_datelines_stand():
    from graphbuild.extract.missed_names import dateline_end
    line = "LONDON, March 3 (dpa) - Police said"
    assert line[dateline_end(line, 0):] == "Police said"
    assert dateline_end("NASA - the agency said", 0) == 0  # a bare one only for a known place
    late = "a\nb\nc\nd\nTAMALE, Ghana - Rain fell"
    assert dateline_end(late, late.index("TAMALE")) == late.index("TAMALE")


def test_a_quote_inside_a_written_clause_is_the_writers(nlp):
    text = ('Judge Ilse Varna wrote that the bill handed the Finance Ministry "powers no parliament should give." '
            'The government of Premier Oskar Lind said it would draft a new bill.')
    qs = quotes_of(nlp, text)
    assert ("Ilse Varna", "powers no parliament should give.") in [(s, t) for s, t, _ in qs]
    assert all(s != "Finance Ministry" for s, _, _ in qs)


def test_a_full_stop_quote_before_a_sentence_with_its_own_speech_is_not_that_sentences(nlp):
    text = ('"The harbour will stay closed." Mayor Ken Lott said on Monday. '
            'Oskar Lind ended the talks. "Nothing has been agreed yet." The union said it would strike.')
    qs = {t: s for s, t, r in quotes_of(nlp, text) if r != "reported-speech"}
    assert qs.get("The harbour will stay closed.") == "Ken Lott"
    assert qs.get("Nothing has been agreed yet.") is None


def test_a_full_stop_quote_before_told_keeps_its_speaker(nlp):
    text = '"We are proud of the result." Coach Ilse Marten told the BBC after the match.'
    assert [(s, t) for s, t, r in quotes_of(nlp, text) if r != "reported-speech"] == [
        ("Ilse Marten", "We are proud of the result.")]


def test_words_another_speaker_called_something_are_not_the_reporters(nlp):
    text = 'Judge Ilse Varna said the mayor had called the plan "a disaster for every family in the city" last week.'
    assert all(t != "a disaster for every family in the city" for _, t, _ in quotes_of(nlp, text))


def test_a_persons_possessor_does_not_speak_for_them(nlp):
    text = "Kiiza's lawyer said the charges against his client were false and politically motivated."
    assert all(s != "Kiiza" for s, _, _ in quotes_of(nlp, text))


def test_the_company_said_is_the_company_the_story_is_about(nlp):
    text = ("Quill Harbor Inc bought Dorn Analytics from Veyra Partners on Monday. "
            "The company said the deal would close in March.")
    qs = quotes_of(nlp, text)
    assert ("Quill Harbor Inc", "the deal would close in March") in [(s, t) for s, t, _ in qs]


def test_a_league_named_before_the_club_noun_is_not_the_club(nlp):
    text = ("Harlow Athletic signed the striker Jon Pell from Corby Rangers on Monday, "
            "the Northern League club said in a statement.")
    speakers = {s for s, _, r in quotes_of(nlp, text) if r == "reported-speech"}
    assert speakers and "Northern League" not in speakers


def test_a_quote_inside_reported_speech_is_one_statement_with_its_marks(nlp):
    text = ('Daniel Okafor said he was "monitoring the situation closely". '
            'Shipping line Atlantica Freight said it had diverted four vessels to Dover.')
    assert quotes_of(nlp, text) == [
        ("Daniel Okafor", 'he was "monitoring the situation closely"', "reported-speech"),
        ("Atlantica Freight", "it had diverted four vessels to Dover", "reported-speech")]


def test_a_stop_after_the_closing_mark_ends_the_quote_s_sentence(nlp):
    text = ('The mayor described the plan as "a waste of public money and time". '
            'Acme Holdings said it would appeal.')
    assert all(s != "Acme Holdings" for s, t, _ in quotes_of(nlp, text) if "waste" in t)


def test_an_unnamed_spokesperson_speaks_for_the_organization(nlp):
    text = "A spokesperson for the World Health Organization said the outbreak was over."
    assert [q[0] for q in quotes_of(nlp, text)] == ["the World Health Organization"]
    text = "Maria Lopez, a spokeswoman for the World Health Organization, said the outbreak was over."
    assert [q[0] for q in quotes_of(nlp, text)] == ["Maria Lopez"]  # a named one speaks herself
    text = "The World Health Organization met in Geneva. A spokesperson for the agency said the outbreak was over."
    assert [q[0] for q in quotes_of(nlp, text)] == ["The World Health Organization"]
