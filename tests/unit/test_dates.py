"""DATE normalization against the publication date (Tuesday 2020-01-07), one test per
kind of expression, and without a publication date: partial or unknown, never a guess."""
from datetime import date

import pytest

from graphbuild.extract.dates import normalize_date

TUESDAY = date(2020, 1, 7)


@pytest.mark.parametrize("text, value, datatype, end", [
    ("on Friday", "2020-01-03", "date", None),  # relative weekday: the last one
    ("Monday", "2020-01-06", "date", None),
    ("Tuesday", "2020-01-07", "date", None),  # the paper's own weekday is that day
    ("last Friday", "2020-01-03", "date", None),
    ("January 7", "2020-01-07", "date", None),  # month-day without a year
    ("January 9", "2020-01-09", "date", None),  # a coming day stays in this year
    ("December 28", "2019-12-28", "date", None),  # nearest year, not the future
    ("Jan. 3", "2020-01-03", "date", None),
    ("January 7, 2020", "2020-01-07", "date", None),
    ("over the weekend", "2020-01-04", "date", "2020-01-05"),  # an interval
    ("last week", "2019-12-30", "date", "2020-01-05"),
    ("earlier in the day", "2020-01-07", "date", None),  # the publication day
    ("today", "2020-01-07", "date", None),
    ("the early evening", "2020-01-07", "date", None),
    ("yesterday", "2020-01-06", "date", None),
    ("April", "2019-04", "gYearMonth", None),  # a bare month: the last one
    ("2019", "2019", "gYear", None),
    ("January 2019", "2019-01", "gYearMonth", None),
])
def test_with_publication_date(text, value, datatype, end):
    tv = normalize_date(text, TUESDAY)
    assert (tv.text, tv.value, tv.datatype, tv.end) == (text, value, datatype, end)


@pytest.mark.parametrize("text, value, datatype", [
    ("January 7", "--01-07", "gMonthDay"),  # partial, not a guessed year
    ("on Friday", None, "date"),
    ("over the weekend", None, "date"),
    ("last week", None, "date"),
    ("earlier in the day", None, "date"),
    ("January 7, 2020", "2020-01-07", "date"),  # absolute dates need no reference
    ("2019", "2019", "gYear"),
])
def test_without_publication_date(text, value, datatype):
    tv = normalize_date(text, None)
    assert (tv.value, tv.datatype) == (value, datatype)


@pytest.mark.parametrize("text", ["the 1990s", "Orthodox Christmas Day", "the coming days", "recent weeks"])
def test_unresolvable_expressions_are_unknown(text):
    assert normalize_date(text, TUESDAY).value is None


def test_durations_and_clock_times_are_no_dates():
    """A span of time ("a five-year term") or a clock time ("at 1400 GMT") is no day, month
    or year; a day written with a time is still that day."""
    from datetime import date

    from graphbuild.extract.dates import normalize_date

    paper = date(2023, 11, 20)
    for text in ("five-year", "a 10-day", "six-month", "24 hours", "1400 GMT", "at 0930 GMT", "2000 GMT",
                 "0900 hours", "10:30 p.m.", "a decade and a half"):
        assert normalize_date(text, paper).value is None, text
    assert normalize_date("three years ago", paper).value == "2020"
    assert normalize_date("last week", paper).value == "2023-11-13"
    assert normalize_date("in 2019", paper).value == "2019"
    assert normalize_date("Nov. 19, 2023, at 9:30 p.m. EST", paper).value == "2023-11-19"
    assert normalize_date("November 19 at 10 a.m.", paper).value == "2023-11-19"
    assert normalize_date("at 1400 GMT on May 5", date(2023, 5, 6)).value == "2023-05-05"


def test_dateline_timestamp_and_photo_dates_stamp_the_page():
    from graphbuild.extract.dates import is_stamp_date

    def stamp(line: str, date: str) -> bool:
        i = line.index(date)
        return is_stamp_date(line, i, i + len(date))

    assert stamp("GENEVA, Nov. 20 (AP) \u2014 The agency said on Friday it would act.", "Nov. 20")
    assert stamp("SAN JOSE, California, March 3 \u2013 Apple said on Monday it would build a plant.", "March 3")
    assert stamp("Updated: Nov. 20, 2023", "Nov. 20, 2023")
    assert stamp("FILE - In this Dec. 16, 2019, file photo, the chief executive arrives.", "Dec. 16, 2019")
    assert not stamp("The agency said on Nov. 20 that it would act.", "Nov. 20")
    assert not stamp("Talks resumed March 3 \u2014 a week after the strike began.", "March 3")


def test_an_events_date_is_not_the_datelines(nlp):
    from graphbuild.extract.event_args import is_date

    doc = nlp("GENEVA, Nov. 20 (AP) \u2014 The agency said it would end the emergency on Friday.")
    dates = [e.text for e in doc.ents if e.label_ == "DATE" and is_date(e)]
    assert "Nov. 20" not in dates and "Friday" in dates


def test_seasons_spans_and_counted_years_are_no_day():
    from datetime import date as d

    from graphbuild.extract.dates import normalize_date

    paper = d(2023, 11, 20)
    for text in ("2019-20", "the 2023/24 season", "2010-2014", "two years after 2020", "a six-month"):
        assert normalize_date(text, paper).value is None, text
    assert normalize_date("2019-11-20", paper).value == "2019-11-20"


def test_a_qualified_year_is_that_year():
    from datetime import date as d

    from graphbuild.extract.dates import normalize_date

    for text in ("early 2024", "mid-2024", "the first half of 2024"):
        assert normalize_date(text, d(2023, 11, 20)).value == "2024", text
