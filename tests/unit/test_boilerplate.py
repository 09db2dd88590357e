"""Layout cues of extract.boilerplate: headings, notices, captions, repeated lines."""
from graphbuild.extract.boilerplate import caption_spans, is_heading, is_notice, line_shape, repeated_lines


def test_repeated_lines_counts_documents_not_occurrences():
    texts = ["Watch the video below\nA story.\nA story.", "watch  the video below\nOther text."]
    assert repeated_lines(texts) == frozenset({"watch the video below"})


def test_title_case_headline_is_heading():
    assert is_heading("Stampede Aftermath")
    assert is_heading("Storm Leaves Thousands Without Power In The North")


def test_sentence_and_single_word_lines_are_not_headings():
    assert not is_heading("The storm left thousands without power.")
    assert not is_heading("Washington")  # one word: a dateline or a table cell, not a headline


def test_unpunctuated_sentence_fragment_is_a_notice():
    assert is_notice("Your player cannot show this clip")
    assert not is_notice("The player could not show the clip to the viewers.")


def test_bullet_line_is_a_notice():
    assert is_notice("  • Audio report by Example Radio")
    assert line_shape("• Audio").bullet


def test_dateline_and_table_rows_are_not_notices_even_when_repeated():
    repeated = frozenset({"london 1996-08-30", "essex 372 and 120-3"})
    assert not is_notice("LONDON 1996-08-30", repeated)
    assert not is_notice("Essex 372 and 120-3", repeated)


def test_repeated_unpunctuated_prose_is_a_notice_but_repeated_sentences_are_not():
    repeated = frozenset({"sign up for our daily briefing", "it gave no further details ."})
    assert is_notice("Sign up for our daily briefing", repeated)
    assert not is_notice("It gave no further details .", repeated)


def test_caption_credit_tail():
    text = "Crowds gathered in the square. Photo: Reuters\nCredit: Jane Doe\nHe said: \"We will stay.\""
    spans = [text[a:b] for a, b in caption_spans(text)]
    assert spans == ["Photo: Reuters", "Credit: Jane Doe"]
