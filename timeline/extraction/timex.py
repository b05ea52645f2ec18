"""What calendar interval a resolved TIMEX3 value denotes.

The event pipeline dates events by the interval of their time expression: `2025-06`
is June 2025 at month precision, `2025-W24` the ISO week, `2025-SU` June to August.
Values that name no fixed interval give None: durations and sets (`P3M`, `P1W`),
the document-relative references (`PRESENT_REF`, `PAST_REF`, `FUTURE_REF`) and anything
whose year is unknown (`XXXX-04`). A time (`2025-06-11T22:01`) denotes its day.

`mod` narrows nothing here on purpose: "early 2025" still dates an event to 2025, at
year precision; the mod is kept on the mention for display.
"""

from __future__ import annotations

import datetime as dt
import re

from timeline.extraction.records import DateSpan
from timeline.extraction.timex_lexicon import SEASON_MONTHS

_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:T.*)?$")
_WEEK = re.compile(r"^(\d{4})-W(\d{1,2})(?:-(?:WE|[1-7]))?$")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_PART = re.compile(r"^(\d{4})-(Q[1-4]|H[12]|SP|SU|FA|WI)$")
_YEAR = re.compile(r"^(\d{4})$")
_DECADE = re.compile(r"^(\d{3})$")


def _month_end(year: int, month: int) -> dt.date:
    if month == 12:
        return dt.date(year, 12, 31)
    return dt.date(year, month + 1, 1) - dt.timedelta(days=1)


def span_of(value: str, mod: str = "") -> DateSpan | None:
    """The calendar interval of a TIMEX3 `value`, or None when it names no fixed interval."""
    v = (value or "").strip()
    if not v or "X" in v or v.startswith("P") or v.endswith("_REF"):
        return None
    try:
        return _span(v)
    except (ValueError, OverflowError):
        return None


def _span(v: str) -> DateSpan | None:
    m = _DAY.match(v)
    if m:
        d = dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        return DateSpan(d, d, "day")
    m = _WEEK.match(v)
    if m:
        start = dt.date.fromisocalendar(int(m.group(1)), int(m.group(2)), 1)
        if v.endswith("-WE"):
            return DateSpan(start + dt.timedelta(days=5), start + dt.timedelta(days=6), "week")
        return DateSpan(start, start + dt.timedelta(days=6), "week")
    m = _MONTH.match(v)
    if m:
        year, month = int(m.group(1)), int(m.group(2))
        return DateSpan(dt.date(year, month, 1), _month_end(year, month), "month")
    m = _PART.match(v)
    if m:
        year, part = int(m.group(1)), m.group(2)
        if part[0] == "Q":
            first = 3 * int(part[1]) - 2
            return DateSpan(dt.date(year, first, 1), _month_end(year, first + 2), "quarter")
        if part[0] == "H":
            first = 6 * int(part[1]) - 5
            return DateSpan(dt.date(year, first, 1), _month_end(year, first + 5), "half")
        first, last = SEASON_MONTHS[part]
        end_year = year + 1 if last < first else year
        return DateSpan(dt.date(year, first, 1), _month_end(end_year, last), "season")
    m = _YEAR.match(v)
    if m:
        year = int(m.group(1))
        return DateSpan(dt.date(year, 1, 1), dt.date(year, 12, 31), "year")
    m = _DECADE.match(v)
    if m:
        first = int(m.group(1)) * 10
        if first < 1:
            return None
        return DateSpan(dt.date(first, 1, 1), dt.date(first + 9, 12, 31), "decade")
    return None
