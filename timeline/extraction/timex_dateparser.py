"""The one place the tagger calls dateparser: absolute dates in numeric formats.

dateparser knows the many ways numeric dates are written (`11/06/2025`, `13.06.2025`,
`2025/6/13`, two-digit years) but costs a fraction of a millisecond to milliseconds per
call, so it only ever sees a short candidate string that a rule already found, never a
whole text, and results are cached per string. The field order is decided here, not
guessed by dateparser from the locale: slashes are month first as in US news unless the
first number cannot be a month, dots are day first, a leading four-digit year is YMD.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

_LEADING = re.compile(r"\d+")


def _order(candidate: str) -> str:
    first = _LEADING.match(candidate)
    if first is None:
        return "MDY"
    if len(first.group(0)) == 4:
        return "YMD"
    if "." in candidate or int(first.group(0)) > 12:
        return "DMY"
    return "MDY"


@lru_cache(maxsize=4096)
def parse_absolute(candidate: str) -> dt.date | None:
    """The calendar day an absolute date string denotes, or None if it is not one."""
    import dateparser

    settings = {
        "PREFER_DAY_OF_MONTH": "first",
        "REQUIRE_PARTS": ["day", "month", "year"],
        "DATE_ORDER": _order(candidate),
        "RETURN_AS_TIMEZONE_AWARE": False,
    }
    try:
        parsed = dateparser.parse(candidate, languages=["en"], settings=settings)
    except (ValueError, OverflowError, TypeError):
        return None
    return parsed.date() if parsed is not None else None
