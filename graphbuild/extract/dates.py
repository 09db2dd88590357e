"""Normalize DATE (and day-part TIME) expressions against the publication date.

Only tagged expressions are fed to dateparser (run over free text it reads "we" as
Wednesday). Relative expressions need the publication date; without it they come out
unknown (`value=None`) or partial ("January 7" → "--01-07" gMonthDay), never guessed.
"""
from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, datetime, timedelta
from functools import cache, lru_cache

from graphbuild.lexicon import calendar
from graphbuild.lexicon.calendar import WEEKDAYS
from graphbuild.model import TimeValue

# Expressions that mean the publication day itself in a news report.
SAME_DAY = re.compile(r"\b(today|tonight|this (morning|afternoon|evening)|earlier (in the day|today)|"
                      r"later (in the day|today)|(early|late) (morning|afternoon|evening)|"
                      r"(the|this) (morning|afternoon|evening|night))\b", re.I)
WEEKEND = re.compile(r"\b(this|last|the|over the) ?weekend\b|^weekend$", re.I)
MONTHS = tuple(m.lower() for m in calendar.MONTHS) + calendar.MONTH_ABBREVIATIONS
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
_DAY_NUMBER = re.compile(r"\b([0-3]?\d)(st|nd|rd|th)?\b")
# A span of time, not a point in it ("a five-year term", "10-day", "six months", "24 hours"):
# a count joined to a unit, with no word that anchors it in time ("ago", "last", "next").
_COUNT = (r"(?:\d+|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|"
          r"thirty|forty|fifty|sixty|hundred|several|few|many|couple of)")
DURATION = re.compile(rf"^(?:the |an? )?(?:(?:past|first|full|whole) )?{_COUNT}(?:[- ]and[- ]a[- ]half)?"
                      r"[- ](?:year|month|week|day|night|hour|minute|decade|century|centuries)s?\b", re.I)
ANCHORED = re.compile(r"\b(ago|last|next|this|earlier|later|before|after|since|from now|until|till|by)\b", re.I)
# A clock time ("at 1400 GMT", "10:30 p.m.", "0900 hours"): never a year, a month or a day.
CLOCK = re.compile(r"\b(\d{1,2}[:.]\d{2}|[ap]\.m\.?|[ap]m|o'clock|noon|midnight|hours|hrs|"
                   r"gmt|utc|bst|cet|cest|est|edt|cst|cdt|mst|mdt|pst|pdt|jst|aest)\b", re.I)
# The clock part of a date with a time ("November 19 at 10 a.m."), cut before parsing the day.
CLOCK_PART = re.compile(r"(?:\b(?:at|around|about|by)\s+)?(?:\b\d{1,2}(?:[:.]\d{2})?\s*(?:[ap]\.m\.?|[ap]m\b)|"
                        r"\b\d{1,2}:\d{2}\b|\b\d{4}\s*(?:gmt|utc|hours|hrs)\b|\bnoon\b|\bmidnight\b)"
                        r"(?:\s*\b(?:gmt|utc|bst|cet|cest|est|edt|cst|cdt|mst|mdt|pst|pdt|jst|aest)\b)?", re.I)
# A season or a span of years ("2019-20", "the 2023/24 season"), not a day.
_SEASON = re.compile(r"\b(?:1[89]|20)\d\d\s*[-/\u2013]\s*\d\d(?:\d\d)?\b(?!\s*[-/]\s*\d)")
_CALENDAR_DAY = re.compile(r"\b(yesterday|today|tomorrow)\b", re.I)
# A date expression must contain one of these to be worth parsing (no "the 1990s" guesses).
_ANCHORS = re.compile(r"\b(" + "|".join(WEEKDAYS + MONTHS) + r"|yesterday|today|tomorrow|week|month|year|"
                      r"ago|\d{4})\b", re.I)


@cache
def _parser(base: date | None):
    from dateparser.date import DateDataParser

    settings = {"PREFER_DATES_FROM": "past", "PREFER_DAY_OF_MONTH": "first"}
    if base is not None:
        settings["RELATIVE_BASE"] = datetime(base.year, base.month, base.day)
    return DateDataParser(languages=["en"], settings=settings)


@lru_cache(maxsize=1 << 12)  # dateparser takes milliseconds a phrase; articles repeat theirs
def normalize_date(text: str, published: date | None) -> TimeValue:
    """The TimeValue of one DATE expression `text` in an article of `published`."""
    phrase = " ".join(text.split())
    low = phrase.lower()
    if SAME_DAY.search(low):
        return _day(phrase, published)
    if WEEKEND.search(low):
        if published is None:
            return TimeValue(phrase, None, "date")
        # The weekend before the publication day (or the one it falls on).
        saturday = published - timedelta(days=(published.weekday() - 5) % 7)
        return TimeValue(phrase, saturday.isoformat(), "date", end=(saturday + timedelta(days=1)).isoformat())
    words = set(re.findall(r"[a-z]+", low))
    weekday = next((WEEKDAYS.index(w) for w in words if w in WEEKDAYS), None)
    if weekday is not None and not (words & set(MONTHS)) and not _YEAR.search(low):
        if published is None:
            return TimeValue(phrase, None, "date")
        back = (published.weekday() - weekday) % 7  # "on Tuesday" in a Tuesday paper is that day
        if re.search(r"\bnext\b", low):
            back = -((weekday - published.weekday()) % 7 or 7)
        elif re.search(r"\blast\b", low) and back == 0:
            back = 7
        return _day(phrase, published - timedelta(days=back))
    if not _ANCHORS.search(low) or _span_or_clock(low, words) or _SEASON.search(low):
        return TimeValue(phrase, None, "date")
    day = " ".join(CLOCK_PART.sub(" ", phrase).split()).strip(" ,")
    if day != phrase:  # a day with a time: read the day
        return replace(_parsed(day, day.lower(), words, published), text=phrase)
    return _parsed(phrase, low, words, published)


def _span_or_clock(low: str, words: set[str]) -> bool:
    """A duration ("five-year") or a clock time with no calendar day ("1400 GMT"): no date.
    A duration counted from a year ("two years after 2020") is left unknown too."""
    if DURATION.search(low) and (not ANCHORED.search(low) or _YEAR.search(low)):
        return True
    return bool(CLOCK.search(low)) and not (words & set(MONTHS)) and not _CALENDAR_DAY.search(low)


def _parsed(phrase: str, low: str, words: set[str], published: date | None) -> TimeValue:
    data = _parser(published).get_date_data(phrase)
    found, period = data.date_obj, data.period
    years = _YEAR.findall(low)
    if found is None and len(years) == 1 and not words & set(MONTHS) and not re.search(r"\d{4}\s*[-/]\s*\d", low):
        return TimeValue(phrase, years[0], "gYear")  # "early 2024", "the first half of 2024"
    if found is None or (found.hour, found.minute, found.second) != (0, 0, 0):
        return TimeValue(phrase, None, "date")
    has_year = bool(_YEAR.search(low))
    has_month = bool(words & set(MONTHS))
    if period == "week":
        if published is None:
            return TimeValue(phrase, None, "date")
        monday = found.date() - timedelta(days=found.weekday())
        return TimeValue(phrase, monday.isoformat(), "date", end=(monday + timedelta(days=6)).isoformat())
    if has_month and not has_year:
        if published is None:
            if period == "day":
                return TimeValue(phrase, f"--{found.month:02d}-{found.day:02d}", "gMonthDay")
            return TimeValue(phrase, None, "gYearMonth")
        # A day is read in the nearest year (papers announce coming days); a bare month
        # ("in April") in the past, as dateparser prefers.
        found = _nearest_year(found.date(), published) if period == "day" else found.date()
    elif not has_year and published is None:
        return TimeValue(phrase, None, "date")  # "last month", "two days ago": relative
    else:
        found = found.date()
    if period == "year":
        return TimeValue(phrase, f"{found.year:04d}", "gYear")
    if period == "month":
        return TimeValue(phrase, f"{found.year:04d}-{found.month:02d}", "gYearMonth")
    return TimeValue(phrase, found.isoformat(), "date")


def _nearest_year(found: date, published: date) -> date:
    """`found`'s month and day in the year that puts it nearest to `published` (a paper of
    7 January means next 9 January by "January 9", last 28 December by "December 28")."""
    best = None
    for year in (published.year - 1, published.year, published.year + 1):
        try:
            candidate = found.replace(year=year)
        except ValueError:  # 29 February
            continue
        if best is None or abs(candidate - published) < abs(best - published):
            best = candidate
    return best or found


def _day(phrase: str, day: date | None) -> TimeValue:
    return TimeValue(phrase, day.isoformat() if day else None, "date")


# What stands before a date that stamps the page, not the event: a dateline's place
# ("GENEVA, Nov. 20 (AP) —"), a timestamp ("Updated: Nov. 20, 2023"), a file photo's date
# ("FILE - In this Dec. 16, 2019, file photo").
_DATELINE_PLACE = re.compile(r"^\s*[A-Z][A-Z.'\u2019-]+(?:\s+[A-Z][A-Z.'\u2019-]+)*(?:,\s*[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?)?,?\s*$")
_DATELINE_AFTER = re.compile(r"^\s*(?:\([^)]{1,40}\)\s*)?[\u2014\u2013-]")
_STAMP = re.compile(r"^\s*(?:last\s+)?(?:updated|posted|published|first published|modified)(?:\s+on)?\s*:?\s*$", re.I)
_PHOTO_BEFORE = re.compile(r"\bin this\s+$", re.I)
_PHOTO_AFTER = re.compile(r"^\s*,?\s*(?:file\s+)?(?:photo|image|picture)", re.I)


def is_stamp_date(line: str, start: int, end: int) -> bool:
    """Whether the date at [start, end) of `line` dates the page or a photo (a dateline,
    a timestamp, "In this DATE file photo") rather than what the text tells."""
    before, after = line[:start], line[end:]
    if _STAMP.match(before):
        return True
    if _DATELINE_PLACE.match(before) and _DATELINE_AFTER.match(after):
        return True
    return bool(_PHOTO_BEFORE.search(before) and _PHOTO_AFTER.match(after))
