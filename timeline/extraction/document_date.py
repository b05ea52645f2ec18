"""Find an article's own date when the text states it at its top.

Three shapes are recognised, and only within the first few non-empty lines (a date
further down is something the story talks about, not when it was written):

* **inline**: a labelled prefix, `date 2025-06-13 Mark Zuckerberg ...`, `Published:
  June 11, 2025`, `Updated 13 June 2025` (source "inline");
* **date line**: a line that is nothing but a date, optionally with a weekday and a
  clock time, `June 11, 2025, 10:01 pm`, or a byline ending in one, `By Jane Doe |
  June 11, 2025` (source "dateline");
* **dateline**: a place in capitals, optionally an agency, then a date, then a dash,
  `SAN FRANCISCO, June 11, 2025 —`, `WASHINGTON, June 11, 2025 (Reuters) -` (source
  "dateline").

A date without a year ("WASHINGTON, June 11 (Reuters) -") is not enough to date an
article, so it gives None; so does a text with no date at its top. Dates are read with
the tagger's own absolute-date patterns; anything they miss on a date-only line goes to
dateparser, which only ever sees that one short line.
"""

from __future__ import annotations

import datetime as dt
import re

from timeline.extraction.records import ReferenceDate
from timeline.extraction.timex_dateparser import parse_absolute
from timeline.extraction.timex_lexicon import (
    DAY,
    MONTH,
    TIME_OF_DAY,
    TIME_ZONE,
    WEEKDAY_ANY,
    YEAR,
    month_number,
)

_TOP_LINES = 5
_TOP_CHARS = 600

_ISO = (
    r"(?P<iso>(?:19|20)\d\d-[01]\d-[0-3]\d)"
    r"(?:[T ][0-2]\d:[0-5]\d(?::[0-5]\d)?(?:Z|[+-]\d\d:?\d\d)?)?"
)
_WRITTEN = (
    rf"(?:{WEEKDAY_ANY},?\s+)?(?:(?P<mon>{MONTH})\s*(?P<day>{DAY}),?\s+(?P<year>{YEAR})"
    rf"|(?P<day2>{DAY})\s+(?P<mon2>{MONTH}),?\s+(?P<year2>{YEAR}))"
    rf"(?:(?:,\s*|\s+at\s+|\s+)(?:{TIME_OF_DAY}){TIME_ZONE}?)?"
)
_NUMERIC = r"(?P<num>\d{1,2}[/.]\d{1,2}[/.](?:19|20)\d\d)"
_DATE = rf"(?:{_ISO}|{_WRITTEN}|{_NUMERIC})"

_INLINE = re.compile(
    rf"^\s*(?i:date|dated|published|posted|updated|last\s+updated|first\s+published)"
    rf"(?:\s+on)?\s*[:\-–]?\s*(?P<date>{_DATE})"
)
_DATE_LINE = re.compile(rf"^\s*(?P<date>{_DATE})\s*$")
# A byline that carries the date: "By Jane Doe | June 11, 2025", "By Jane Doe, June 11, 2025".
_BYLINE = re.compile(
    rf"^\s*(?i:by)\s+[^|•·\n]{{2,60}}?\s*[|•·,–—-]\s*(?:(?i:published|updated):?\s*)?"
    rf"(?P<date>{_DATE})\s*(?:[|•·].{{0,40}})?$"
)
_DATELINE = re.compile(
    r"^\s*(?P<place>[A-Z][A-Z.'’-]+(?:\s+[A-Z][A-Z.'’-]+){0,3})"
    r"(?:,\s*[A-Z][A-Za-z.]+(?:\s+[A-Z][A-Za-z.]+)?)?"
    r"(?:\s*\([^)\n]{2,40}\))?,?\s*"
    rf"(?P<date>{_DATE})"
    r"(?:\s*\([^)\n]{2,40}\))?\s*[-–—:]"
)


def _to_date(m: re.Match) -> dt.date | None:
    """The calendar day of a `_DATE` match."""
    try:
        if m.group("iso"):
            return dt.date.fromisoformat(m.group("iso"))
        if m.group("num"):
            return parse_absolute(m.group("num"))
        mon = m.group("mon") or m.group("mon2")
        day = m.group("day") or m.group("day2")
        year = m.group("year") or m.group("year2")
        month = month_number(mon)
        return dt.date(int(year), month, int(re.match(r"\d+", day).group(0)))
    except (ValueError, TypeError, AttributeError):
        return None


def _top_lines(text: str):
    """(offset, line) of the first few non-empty lines within the top of the text."""
    pos = 0
    seen = 0
    for line in text.split("\n"):
        if pos > _TOP_CHARS or seen >= _TOP_LINES:
            return
        if line.strip():
            seen += 1
            yield pos, line
        pos += len(line) + 1


def find_reference_date(text: str) -> ReferenceDate | None:
    """The article's own date stated at its top, with where it was found, or None."""
    for offset, line in _top_lines(text or ""):
        for pattern, source, reason in (
            (_INLINE, "inline", "labelled date prefix at the top"),
            (_DATE_LINE, "dateline", "date line near the top"),
            (_BYLINE, "dateline", "date in the byline"),
            (_DATELINE, "dateline", "place-and-date dateline"),
        ):
            m = pattern.match(line)
            if not m:
                continue
            d = _to_date(m)
            if d is None:
                continue
            start = offset + m.start("date")
            end = offset + m.end("date")
            if source == "dateline" and pattern is _DATELINE:
                reason = f"dateline of {m.group('place').title()}"
            return ReferenceDate(d, source, start, end, reason)
    return None
