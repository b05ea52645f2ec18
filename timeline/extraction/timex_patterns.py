"""Compiled patterns that find candidate time expressions in a text.

This module only *finds*: every rule is a compiled regular expression paired with a
builder that turns a match into a `Candidate` (an extent plus an unresolved meaning,
`Sem`). Turning a meaning into a TIMEX3 value needs the reference date, the discourse
focus and the tense of the sentence; that lives in `timex_resolve`.

Why regular expressions over the raw text and not a tokenizer with per-token rules:
every rule is anchored on a closed list of trigger words (month names, weekdays, unit
words, deictic adverbs, digits) and the regex engine matches multi-word shapes in C.
Scanning every rule over the whole text would still cost one pass per rule, so one
cheap pass over the words first marks where each kind of trigger occurs, and each rule
scans only the windows around its own triggers (`find_candidates`).

The words and regex pieces come from `timex_lexicon`. A bare capitalised month with no
day or year must follow a word that introduces a date ("in", "last", "early", ...),
which keeps "May I" and "March on Washington" out.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache
from typing import NamedTuple

from timeline.extraction.timex_lexicon import (
    DAY,
    DAY_SPAN,
    EDGE_L,
    EDGE_R,
    FULL_WEEKDAYS,
    MONTH,
    MONTHS,
    NUM,
    ORDINAL,
    ORDINALS,
    PART_OF_DAY,
    PARTS_OF_DAY,
    SEASON,
    SEASONS,
    SPELLED_YEAR,
    TIME_OF_DAY,
    TIME_ZONE,
    UNIT,
    UNITS,
    VAGUE,
    WEEKDAY,
    WEEKDAY_ANY,
    WEEKDAYS,
    YEAR,
    Candidate,
    Sem,
    cased,
    compile_rule,
    month_number,
    number_value,
    spelled_year_value,
    unit_code,
    weekday_number,
)

# ---------------------------------------------------------------------------
# Rules: (compiled pattern, builder). A builder reads a match and returns the
# meaning, or None to reject the match (a number that is not a year, a verb ...).
# ---------------------------------------------------------------------------

_DATE_INTRO = re.compile(
    r"(?i:\b(?:in|since|until|till|by|last|next|this|that|past|coming|early|late|mid|of|"
    r"during|before|after|through|from|to|between|and|or|on|each|every|throughout|"
    r"beginning|end|start|middle|around|for|as|at|within|into|including|except|"
    r"starting|ending|spring|summer|fall|autumn|winter|the|a|an|over)[\s-]+$)"
)
_YEAR_REJECT_BEFORE = re.compile(
    r"(?i:(?:\b(?:no|nos|number|version|v|model|page|pages|room|route|flight|"
    r"item|chapter|section|rule|article|code|id|ref|iso|win|windows|office|"
    r"interstate|highway|suite|box|apt|unit|vol|volume|issue|rank|ranked|top|"
    r"top-|price|cost|costs|paid|pay|pays|sold|total|totaled|totaling|about|some|nearly|"
    r"almost|approximately|roughly)\.?|[#$€£¥])\s*$|\d[,.]?$|\d\s+$)"
)
_YEAR_REJECT_AFTER = re.compile(
    r"(?i:\s*(?:[-–]\s*\d|%|percent\b|per\b|(?:million|billion|trillion|thousand|hundred|"
    r"people|persons|staff|staffers|employees|workers|jobs|members|troops|soldiers|"
    r"students|users|customers|units|cars|vehicles|homes|houses|shares|votes|copies|"
    r"words|points|miles|kilometers|km|meters|feet|tons|tonnes|pounds|barrels|acres|"
    r"dollars|euros|yen|yuan|rupees|cases|deaths|patients|residents|children|"
    r"refugees|police|officers|delegates|seats|rooms|beds|sites|stores|locations|"
    r"companies|firms|pages|times|degrees|calories|hp|mph|mw|gw|kw|gb|tb|mb|ft|lbs|"
    r"kg|mm|cm|m|s|x)\b)|\s+(?:GMT|UTC|[ECMP][SD]T)\b)"
)
_CAP_WORD_BEFORE = re.compile(r"([A-Z][\w'&.-]*)\s+$")
_PREP_CAPS = frozenset(
    "A An The That This These Those Its His Her Their Our My Your Each Every Last Next "
    "In Since By Of From Until Till Through During Before After For And Or As At "
    "Early Late Mid Fiscal To Between Around Circa Spring Summer Fall Autumn "
    "Winter End Start Beginning Year Throughout".split()
)


def _before(m: re.Match, width: int = 40) -> str:
    s = m.start()
    return m.string[max(0, s - width) : s]


def _after(m: re.Match, width: int = 40) -> str:
    e = m.end()
    return m.string[e : e + width]


def plausible_year(m: re.Match, group: str = "year") -> bool:
    """Whether a bare four-digit number in a match reads as a year, not a count or a name.

    Rejects money and counts ("$2014", "2000 staff", "2014 percent"), ranges, and model
    names ("Windows 2000", "Vision 2030": a capitalised word right before the number that is
    not a preposition at the start of a sentence).
    """
    s = m.start(group)
    left = m.string[max(0, s - 30) : s]
    if _YEAR_REJECT_BEFORE.search(left):
        return False
    if _YEAR_REJECT_AFTER.match(m.string, m.end(group)):
        return False
    cap = _CAP_WORD_BEFORE.search(left)
    if cap and cap.group(1) not in _PREP_CAPS and not cap.group(1).endswith(("'s", "’s")):
        word = cap.group(1).rstrip(".").lower()
        if word not in MONTHS and word not in SEASONS:
            return False
    return True


def _intro_ok(m: re.Match) -> bool:
    """A bare month, season or part word needs a date-introducing word right before it."""
    return bool(_DATE_INTRO.search(_before(m, 20)))


def _int(m: re.Match, g: str) -> int | None:
    v = m.group(g)
    if v is None:
        return None
    digits = re.match(r"\d+", v)
    return int(digits.group(0)) if digits else None


def _clock(text: str | None) -> tuple[int, int] | None:
    """Hour and minute of a clock expression (`10:01 pm`, `noon`, `6 a.m.`)."""
    if not text:
        return None
    t = text.lower()
    if "noon" in t or "midday" in t:
        return 12, 0
    if "midnight" in t:
        return 0, 0
    mt = re.match(r"(\d{1,2})(?:[:.](\d\d))?", t)
    if not mt:
        return None
    hour, minute = int(mt.group(1)), int(mt.group(2) or 0)
    is_pm = re.search(r"p\.?\s*m", t) is not None
    is_am = re.search(r"a\.?\s*m", t) is not None
    if is_pm and hour < 12:
        hour += 12
    if is_am and hour == 12:
        hour = 0
    if hour > 23:
        return None
    return hour, minute


def _valid_day(year: int | None, month: int, day: int) -> bool:
    limits = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)
    if not 1 <= day <= limits[month - 1]:
        return False
    if month == 2 and day == 29 and year is not None:
        return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)
    return True


# A weekday in apposition belongs to the date it names: "Monday, Oct. 26" is one mention.
_WD = rf"(?:(?P<wd0>{WEEKDAY_ANY}),?\s+(?:the\s+)?)?"
_CLOCK_TAIL = rf"(?:(?:,\s*|\s+at\s+|\s+)(?P<time>{TIME_OF_DAY}){TIME_ZONE}?)?"


def b_month_day_year(m: re.Match) -> Sem | None:
    month = month_number(m.group("mon"))
    day = _int(m, "day")
    year = _int(m, "year")
    if day is None or not _valid_day(year, month, day):
        return None
    clock = _clock(m.group("time") or m.groupdict().get("time0"))
    if year is None:
        return Sem("month_day", month=month, day=day)
    if clock:
        return Sem("absolute", "TIME", year, month, day, clock[0], clock[1])
    return Sem("absolute", year=year, month=month, day=day)


def b_month_day(m: re.Match) -> Sem | None:
    month = month_number(m.group("mon"))
    day = _int(m, "day")
    if day is None or not _valid_day(None, month, day):
        return None
    if month == 5 and m.group("mon") in ("May", "MAY") and not m.group("day")[0].isdigit():
        return None
    clock = _clock(m.groupdict().get("time") or m.groupdict().get("time0"))
    sem = Sem("month_day", month=month, day=day)
    if m.groupdict().get("wd0"):
        sem.weekday = weekday_number(m.group("wd0"))
    if clock:
        sem.type, sem.hour, sem.minute = "TIME", clock[0], clock[1]
    return sem


def b_second_day(m: re.Match) -> Sem | None:
    """The bare second day of "April 24 and 25" is a date of its own, in the same month."""
    sem = b_month_day(m)
    if sem is not None:
        sem.extra["start"] = m.start("day")
    return sem


def b_week_of(m: re.Match) -> Sem | None:
    """The week (or weekend) holding a date: "the week of March 6"."""
    sem = b_month_day(m)
    if sem is not None:
        sem.part = "WE" if "weekend" in m.group(0).lower() else "W"
    return sem


# "this year", "last year", "next year": years from the reference's.
_YEAR_OFFSET = {"this": 0, "last": -1, "next": 1}


def b_month_rel_year(m: re.Match) -> Sem | None:
    """A month of a year counted from the reference: "January this year", "June last year"."""
    offset = _YEAR_OFFSET[m.group("rel").lower()]
    return Sem("month", month=month_number(m.group("mon")), offset=offset, anchor="year")


def b_month_day_rel_year(m: re.Match) -> Sem | None:
    """A day of a year counted from the reference: "Nov. 30 last year", "March 3 this year"."""
    sem = b_month_day(m)
    if sem is not None:
        sem.anchor, sem.offset = "year", _YEAR_OFFSET[m.group("rel").lower()]
    return sem


def b_year_ending(m: re.Match) -> Sem | None:
    """A twelve-month period, not a calendar year: "the year ended Sept. 30"."""
    return Sem("duration", "DURATION", unit="Y", n=1)


def b_year_period(m: re.Match) -> Sem | None:
    return Sem("year_unit", year=int(m.group("year")), unit="")


def b_month_year(m: re.Match) -> Sem | None:
    if not plausible_year(m):
        return None
    return Sem("absolute", year=int(m.group("year")), month=month_number(m.group("mon")))


def b_iso(m: re.Match) -> Sem | None:
    year, month, day = int(m.group("y")), int(m.group("mo")), int(m.group("d"))
    if not 1 <= month <= 12 or not _valid_day(year, month, day):
        return None
    if m.group("h") is not None:
        hour, minute = int(m.group("h")), int(m.group("mi"))
        if hour < 24:
            return Sem("absolute", "TIME", year, month, day, hour, minute)
    return Sem("absolute", year=year, month=month, day=day)


def b_numeric(m: re.Match) -> Sem | None:
    """Slash or dot dates go to dateparser: it knows the locale conventions for them."""
    return Sem("dateparser", value=m.group(0))


# Which way from the reference a relative word points: "last April", "this coming Friday".
_DIRECTION_OF_REL = {"last": "before", "past": "before", "next": "after", "coming": "after"}


def _direction(rel: list[str], this: str) -> str:
    """The direction the words before a name point ("this past" -> "before"), and `this`
    for a bare "this" (the same year, or for a weekday the same week)."""
    if rel == ["this"]:
        return this
    return _DIRECTION_OF_REL.get(rel[-1] if rel else "", "")


def b_bare_month(m: re.Match) -> Sem | None:
    rel = (m.group("rel") or "").lower().split()
    mon = m.group("mon")
    if not rel and not _intro_ok(m):
        return None
    if mon.rstrip(".").lower() in ("may", "march") and not rel:
        before = _before(m, 12).lower()
        if not re.search(
            r"\b(?:in|since|until|by|of|early|late|mid|during|through|before|after)[\s-]+$", before
        ):
            return None
    direction = _direction(rel, this="same")
    return Sem(
        "month", month=month_number(mon), direction=direction, anchor="deictic" if rel else ""
    )


def b_weekday(m: re.Match) -> Sem | None:
    rel = (m.group("rel") or "").lower().split()
    wd = weekday_number(m.group("wd"))
    direction = _direction(rel, this="same_week")
    sem = Sem("weekday", weekday=wd, direction=direction)
    pod = m.group("pod")
    if pod:
        sem.part = PARTS_OF_DAY[pod.lower()]
        sem.type = "TIME"
    clock = _clock(m.groupdict().get("time") or m.groupdict().get("time2"))
    if clock:
        sem.type, sem.hour, sem.minute = "TIME", clock[0], clock[1]
    return sem


_DEICTIC_DAYS = {"today": 0, "yesterday": -1, "tomorrow": 1, "tonight": 0}


def b_deictic_day(m: re.Match) -> Sem | None:
    word = m.group("dd").lower()
    offset = _DEICTIC_DAYS[word]
    pre = (m.group("pre") or "").lower()
    if "before" in pre:
        offset -= 1
    elif "after" in pre:
        offset += 1
    sem = Sem("day_offset", offset=offset)
    pod = m.group("pod")
    if word == "tonight":
        sem.part, sem.type = "NI", "TIME"
    if pod:
        sem.part, sem.type = PARTS_OF_DAY[pod.lower()], "TIME"
    clock = _clock(m.groupdict().get("time"))
    if clock:
        sem.type, sem.hour, sem.minute = "TIME", clock[0], clock[1]
    return sem


def b_last_night(m: re.Match) -> Sem | None:
    return Sem("day_offset", "TIME", offset=-1, part=PARTS_OF_DAY[m.group("pod").lower()])


def b_focus_pod(m: re.Match) -> Sem | None:
    rel = m.group("rel").lower()
    offset = 1 if ("next" in rel or "following" in rel) else -1 if "previous" in rel else 0
    return Sem("focus_day", "TIME", offset=offset, part=PARTS_OF_DAY[m.group("pod").lower()])


def b_this_pod(m: re.Match) -> Sem | None:
    return Sem("day_offset", "TIME", part=PARTS_OF_DAY[m.group("pod").lower()])


# Document-relative words. Left out on purpose, because news uses them mostly in other
# senses and TimeBank rarely marks them: "soon", "previously", "once", bare "recent".
_REFS = {
    "now": "PRESENT_REF",
    "currently": "PRESENT_REF",
    "current": "PRESENT_REF",
    "presently": "PRESENT_REF",
    "at present": "PRESENT_REF",
    "nowadays": "PRESENT_REF",
    "these days": "PRESENT_REF",
    "the present": "PRESENT_REF",
    "recently": "PAST_REF",
    "lately": "PAST_REF",
    "formerly": "PAST_REF",
    "the past": "PAST_REF",
    "the future": "FUTURE_REF",
    "the near future": "FUTURE_REF",
    "the near term": "FUTURE_REF",
    "the short term": "FUTURE_REF",
}
_REF_WORDS = "|".join(words.replace(" ", r"\s+") for words in _REFS)


def b_ref(m: re.Match) -> Sem | None:
    word = re.sub(r"\s+", " ", m.group(0).lower())
    if word == "current" and re.match(
        r"\s+(?:account|affairs|events|form|version|model|"
        r"state|status|system|and|or)\b",
        _after(m, 20),
        re.I,
    ):
        return None
    return Sem("ref", value=_REFS[word])


def b_past_ref(m: re.Match) -> Sem | None:
    """Some unstated time back: "recent years", "months ago", "(at) the time"."""
    return Sem("ref", value="PAST_REF")


_REL_WORDS = {
    "last": ("deictic", -1),
    "past": ("deictic", -1),
    "previous": ("focus", -1),
    "prior": ("focus", -1),
    "preceding": ("focus", -1),
    "next": ("deictic", 1),
    "coming": ("deictic", 1),
    "following": ("focus", 1),
    "this": ("deictic", 0),
    "current": ("deictic", 0),
    "same": ("focus", 0),
    "that": ("focus", 0),
    "latest": ("latest", 0),
    "recent": ("latest", 0),
}


def b_relative_unit(m: re.Match) -> Sem | None:
    words = re.sub(r"\s+", " ", m.group("rel").lower()).split()
    unit = unit_code(m.group("unit"))
    key = next((w for w in reversed(words) if w in _REL_WORDS), "this")
    anchor, offset = _REL_WORDS[key]
    if words[0] == "the" and key == "next":
        anchor = "focus"
    if key == "last" and words[0] == "the":
        anchor = "deictic"
    if words[0] in ("earlier", "later", "early", "late") and key == "that":
        anchor = "focus"
    if unit == "D" and anchor == "deictic":
        return None
    if unit == "WE":
        direction = {-1: "before", 1: "after"}.get(offset, "same" if key == "this" else "")
        return Sem("weekend", direction=direction, anchor=anchor)
    return Sem("relative", unit=unit, offset=offset, anchor=anchor)


def b_every_named(m: re.Match) -> Sem | None:
    """A set of months or seasons: "every January", "each summer"."""
    word = m.group("name").lower()
    if word in SEASONS:
        return Sem("set", "SET", value=f"XXXX-{SEASONS[word]}")
    return Sem("set", "SET", value=f"XXXX-{month_number(word):02d}")


def b_unit_long(m: re.Match) -> Sem | None:
    """A duration used as an adjective: "decades-long", "day-long", "a months-long"."""
    unit = unit_code(m.group("unit"))
    if m.group("plural"):
        return Sem("duration", "DURATION", unit=unit, n=None)
    num = m.group("num")
    return Sem("duration", "DURATION", unit=unit, n=number_value(num) if num else 1.0)


def b_half(m: re.Match) -> Sem | None:
    """Halves: "half a century", "a half-century", "a year and a half"."""
    unit = unit_code(m.group("unit") or m.group("unit2") or m.group("unit3"))
    n = 1.5 if m.group("unit2") else 0.5
    return Sem("duration", "DURATION", unit=unit, n=n)


def b_the_unit(m: re.Match) -> Sem | None:
    word = m.group("unit").lower()
    mods = m.group("mods").lower()
    if word == "period":
        return Sem("the_unit", unit="", anchor="focus")
    if word == "weekend":
        return Sem("weekend")
    latest = "latest" in mods or "recent" in mods
    return Sem("the_unit", unit=unit_code(word), anchor="latest" if latest else "")


def b_later_date(m: re.Match) -> Sem | None:
    return Sem("ref", value="FUTURE_REF")


def b_weekday_of_week(m: re.Match) -> Sem | None:
    """A weekday of a week counted from the reference or the focus: "Thursday of last
    week" is that week's Thursday, which need not be the last Thursday."""
    sem = b_relative_unit(m)
    if sem is None or sem.kind != "relative":
        return None
    sem.kind, sem.weekday = "weekday_of_week", weekday_number(m.group("wd"))
    return sem


def b_ordinal_day(m: re.Match) -> Sem | None:
    """A day counted within an event or a period: "the second day of the talks", "(his)
    first day in office". A date, but which one the text alone does not say."""
    return Sem("ref", value="XXXX-XX-XX")


def b_pod_in_focus(m: re.Match) -> Sem | None:
    """That part of the day the text is talking about: "in the morning", "mid-afternoon"."""
    return Sem("focus_day", "TIME", part=PARTS_OF_DAY[m.group("pod").lower()])


def b_pod_of_day(m: re.Match) -> Sem | None:
    """A part of a named day, the day after it: "afternoon yesterday", "mid-morning Friday"."""
    if re.search(r"(?i:\b(?:every|each|per|a|the)\s+(?:mid[\s-]?)?)$", _before(m, 16)):
        return None  # "every morning Monday through Friday", "the night Friday"
    part = PARTS_OF_DAY[m.group("pod").lower()]
    if m.group("dd"):
        return Sem("day_offset", "TIME", offset=_DEICTIC_DAYS[m.group("dd").lower()], part=part)
    return Sem("weekday", "TIME", weekday=weekday_number(m.group("wd")), part=part)


_HOUR_WORDS = {
    w: i + 1
    for i, w in enumerate("one two three four five six seven eight nine ten eleven twelve".split())
}


def b_clock_pod(m: re.Match) -> Sem | None:
    """An hour told with its part of the day: "4 in the morning", "ten o'clock at night"."""
    h = m.group("h").lower()
    hour = int(h) if h.isdigit() else _HOUR_WORDS[h]
    pod = (m.group("pod") or m.group("pod2") or "").lower()
    if not 1 <= hour <= 12 or (not pod and not m.group("oc")):
        return None
    if pod == "morning":
        hour %= 12
    elif pod in ("afternoon", "evening") or (pod == "night" and hour >= 6):
        hour = hour % 12 + 12
    elif pod == "night" and hour == 12:
        hour = 0
    if not pod and not h.isdigit() and not _intro_ok(m):
        return None  # "one o'clock" needs "at": "at one o'clock"
    return Sem("clock", "TIME", hour=hour, minute=0)


def b_unit_before(m: re.Match) -> Sem | None:
    """One unit from the focus, nothing else named: "the day before", "the year after"."""
    sign = -1 if m.group("dir").lower() in ("before", "earlier") else 1
    return Sem("shift", unit=unit_code(m.group("unit")), n=1, offset=sign, anchor="focus")


def b_the_day(m: re.Match) -> Sem | None:
    return Sem("focus_day")


def b_year_ago_unit(m: re.Match) -> Sem | None:
    """The focus period one year back: "the year-earlier quarter", "year-ago" results."""
    unit = (m.group("unit") or "").lower()
    if unit.startswith("quarter") or m.group("q"):
        sem = Sem("year_ago", unit="Q")
        if m.group("q"):
            sem.n = ORDINALS.get(m.group("q").lower(), 0) or None
        return sem
    if m.group("num") and unit != "period":
        n = number_value(m.group("num"))
        return Sem("duration", "DURATION", unit=unit_code(unit), n=n)
    return Sem("year_ago", unit={"month": "M", "week": "W", "year": "Y"}.get(unit, ""))


def b_same_period_last_year(m: re.Match) -> Sem | None:
    """ "the same period last year", "the corresponding quarter a year earlier"."""
    unit = m.group("unit").lower()
    return Sem("year_ago", unit={"quarter": "Q", "month": "M", "week": "W"}.get(unit, ""))


def b_relative_weekday(m: re.Match) -> Sem | None:
    """A weekday counted from the focus: "the following Tuesday", "that Friday"."""
    _, offset = _REL_WORDS[m.group("rel").lower().split()[-1]]
    return Sem("focus_weekday", weekday=weekday_number(m.group("wd")), offset=offset)


def b_ago(m: re.Match) -> Sem | None:
    unit = unit_code(m.group("unit"))
    num = m.group("num")
    n = number_value(num) if num else None
    suffix = m.group("suf").lower()
    if suffix in ("ago", "before", "earlier"):
        sign = -1
    else:
        sign = 1
    anchor = "deictic" if suffix in ("ago", "from now", "hence") else "focus"
    sem = Sem("shift", unit=unit, n=n, offset=sign, anchor=anchor)
    _approx(sem, m)
    if suffix == "ago":
        # A point in time keeps its vague quantifier: "about two years ago" is one
        # expression in TimeBank, where "about two years" leaves "about" outside.
        sem.extra.pop("start", None)
    return sem


def _approx(sem: Sem, m: re.Match) -> None:
    """Set `mod` from a quantity modifier; vague ones ("about") stay outside the extent.

    TimeBank mostly keeps "more than", "less than", "at least", "up to" and "nearly" inside
    the expression but leaves "about", "around", "almost" and "over" outside it.
    """
    word = m.groupdict().get("approx")
    sem.mod = _approx_mod(word)
    if not sem.mod and m.groupdict().get("orso"):
        sem.mod = "APPROX"  # "a week or so"
    if word and re.sub(r"\s+", " ", word.lower()) not in _KEPT_APPROX:
        sem.extra["start"] = m.start("num")


_KEPT_APPROX = frozenset(
    {"more than", "less than", "no more than", "no less than", "at least", "up to", "nearly"}
)


def _approx_mod(word: str | None) -> str:
    if not word:
        return ""
    w = re.sub(r"\s+", " ", word.lower())
    return {
        "more than": "MORE_THAN",
        "no more than": "EQUAL_OR_LESS",
        "no less than": "EQUAL_OR_MORE",
        "over": "MORE_THAN",
        "less than": "LESS_THAN",
        "under": "LESS_THAN",
        "nearly": "LESS_THAN",
        "almost": "LESS_THAN",
        "at least": "EQUAL_OR_MORE",
        "up to": "EQUAL_OR_LESS",
        "at most": "EQUAL_OR_LESS",
    }.get(w, "APPROX" if w in ("about", "around", "roughly", "some", "approximately") else "")


_NOT_RATE_AFTER = re.compile(r"\s+(?i:later|earlier|ago|before|after|or|long|old)\b")
_RATE_BEFORE = re.compile(r"(?:\d|million|billion|trillion|percent|%|times|once|twice|thrice)\s*$")
_NOT_RATE_WORD = frozenset(
    "for in about than took take takes taking spent spend after within over nearly almost is "
    "was be been are were of and or to by from during throughout last lasted lasts only just "
    "some once more less least up half".split()
)


def _is_rate(m: re.Match) -> bool:
    """Whether "a year" / "a day" reads as a rate: "$3 billion a year", "20,000 visitors a day"."""
    if _NOT_RATE_AFTER.match(m.string, m.end()):
        return False
    left = _before(m, 40).lower()
    if _RATE_BEFORE.search(left):
        return True
    words = re.findall(r"[a-z$%\d][\w,.$%]*", left)
    if not words or words[-1] in _NOT_RATE_WORD:
        return False
    return any(re.match(r"[$\d]", w) for w in words[-5:])


def _is_fraction(m: re.Match) -> bool:
    """A fraction, not time: "three-quarters of its food", "two quarters of the vote"."""
    if "-" in m.group(0) and m.group(0).lower().endswith("quarters"):
        return True
    return _FRACTION_OF.match(_after(m, 30)) is not None


_FRACTION_OF = re.compile(
    r"\s+of\s+(?:the|its|his|her|their|our|your|a|an|all|this|that|these|those)\b"
    r"(?!\s+(?:fiscal\s+|calendar\s+)?year)"
)


def b_duration_range(m: re.Match) -> Sem | None:
    """ "two to three weeks", "12 to 18 months": one duration, valued at its lower bound."""
    if m.string[m.end() : m.end() + 4].lower() in ("-old", " old"):
        return None
    low = number_value(m.group("low"))
    if low is None or low <= 0:
        return None
    return Sem("duration", "DURATION", unit=unit_code(m.group("unit")), n=low)


def b_of_the_century(m: re.Match) -> Sem | None:
    """ "(the turn) of the century", "(the end) of the decade": the current one."""
    return Sem("relative", unit=unit_code(m.group("unit")), offset=0, anchor="deictic")


def b_overnight(m: re.Match) -> Sem | None:
    return Sem("focus_day", "TIME", part="NI")


def b_duration(m: re.Match) -> Sem | None:
    unit = unit_code(m.group("unit"))
    num = m.group("num")
    rest = m.string[m.end() : m.end() + 6].lower()
    if rest.startswith("-old") or rest.startswith(" old"):
        return None
    n = number_value(num) if num else None
    if n is not None and m.groupdict().get("half"):
        n += 0.5
    if unit == "Q" and _is_fraction(m):
        return None
    if num and re.fullmatch(YEAR, num) and not m.group(0).lower().endswith("s"):
        # "the 1988 quarter", "the 1989 year": a year naming a period, not a count.
        return Sem("year_unit", year=int(num), unit=unit)
    if (
        unit == "S"
        and num
        and num.lower() in ("a", "one")
        and _ORDINAL_SECOND.match(m.string, m.end())
    ):
        return None  # "a second attempt": the ordinal, not a unit of time
    if num and num.lower() in ("a", "an") and m.start("num") == m.start() and _is_rate(m):
        return Sem("set", "SET", unit=unit, n=1)
    if n is not None and n <= 0:
        return None
    sem = Sem("duration", "DURATION", unit=unit, n=n)
    _approx(sem, m)
    return sem


_ORDINAL_SECOND = re.compile(
    r"[\s-]+(?!(?i:later|earlier|ago|before|after|or|and|long|of|to|in|on|at|for|too|more|less"
    r"|passed|went|goes|go|left|is|was|delay)\b)[A-Za-z]"
)


def b_vague_duration(m: re.Match) -> Sem | None:
    """An open stretch of time: "the weeks ahead", "days later", "the past few years"."""
    return Sem("duration", "DURATION", unit=unit_code(m.group("unit")), n=None)


def b_quarter(m: re.Match) -> Sem | None:
    q = m.group("q")
    unit = (m.group("qunit") or "quarter").lower()
    qn = ORDINALS[q.lower()] if q.lower() in ORDINALS else int(q)
    if q.lower() == "last" and unit == "half":
        qn = 2
    if q.lower() == "last" and not (
        m.group("year") or m.group("year0") or m.group("year1") or m.group("yrel")
    ):
        return None  # "the last quarter" is the previous one: a relative expression
    year = m.group("year") or m.group("year0") or m.group("year1")
    sem = Sem("quarter", unit="H" if unit == "half" else "Q", n=qn)
    rel = (m.group("rel") or m.group("yrel") or "").lower()
    if rel == "the":
        rel = ""  # "the second half of the year": the year of the story, as for no year
    if rel and not year:
        sem.offset = {"last": -1, "next": 1}.get(rel, 0)
        sem.anchor = "deictic"
    if unit == "half" and qn > 2:
        return None
    if year:
        sem.year = int(year) if len(year) == 4 else None
        if len(year) == 3:
            sem.extra["short_year"] = int(year[1:])
    return sem


def b_q_code(m: re.Match) -> Sem | None:
    sem = Sem("quarter", unit="Q", n=int(m.group("q")))
    y = m.group("year") or m.group("year2")
    if y:
        y = y.lstrip("'")
        if len(y) == 4:
            sem.year = int(y)
        else:
            sem.extra["short_year"] = int(y)
    return sem


def b_season(m: re.Match) -> Sem | None:
    rel = (m.group("rel") or "").lower().split()
    year = m.group("year")
    if not rel and not year and not _intro_ok(m):
        return None
    if m.group("season").lower() == "fall" and not rel and not year:
        if not re.search(
            r"(?i:\b(?:in|this|last|next|the|by|until|since|during|early|late)\s+$)", _before(m, 15)
        ):
            return None
    direction = _direction(rel, this="same")
    return Sem(
        "season",
        value=SEASONS[m.group("season").lower()],
        year=int(year) if year else None,
        direction=direction,
    )


_SPELLED_INTRO = re.compile(r"(?i:\b(?:in|since|of|by|until|till|from|before|after|year)\s+$)")


def b_spelled_year(m: re.Match) -> Sem | None:
    """A year in words, maybe with its month or season: "January nineteen ninety-seven"."""
    year = spelled_year_value(m.group("sy"))
    if year is None:
        return None
    words = m.group("sy").lower().split()
    if (
        (words[:2] == ["two", "thousand"] or words[-1] == "hundred")
        and not m.group("pre")
        and not _SPELLED_INTRO.search(_before(m, 12))
    ):
        return None  # "two thousand people", "nineteen hundred miles": counts, not years
    if m.group("season"):
        return Sem("season", value=SEASONS[m.group("season").lower()], year=year)
    if m.group("mon"):
        day = int(m.group("day")) if m.group("day") else None
        return Sem("absolute", year=year, month=month_number(m.group("mon")), day=day)
    return Sem("absolute", year=year)


def b_year(m: re.Match) -> Sem | None:
    if not plausible_year(m):
        return None
    return Sem("absolute", year=int(m.group("year")))


def b_decade(m: re.Match) -> Sem | None:
    dec = m.group("dec")
    if dec.startswith("'"):
        return Sem("short_decade", n=int(dec[1:3]))
    return Sem("decade", year=int(dec[:4]))


def b_century(m: re.Match) -> Sem | None:
    n = _int(m, "n")
    if not n or n > 21:
        return None
    return Sem("century", n=n)


def b_time(m: re.Match) -> Sem | None:
    clock = _clock(m.group("time"))
    if clock is None:
        return None
    return Sem("clock", "TIME", hour=clock[0], minute=clock[1])


def b_set(m: re.Match) -> Sem | None:
    word = m.group(0).lower()
    for key, part in (("morning", "MO"), ("afternoon", "AF"), ("evening", "EV")):
        if key in word:
            return Sem("set", "SET", value=f"XXXX-XX-XXT{part}")
    for key, unit in (
        ("hour", "H"),
        ("dai", "D"),
        ("day", "D"),
        ("night", "D"),
        ("week", "W"),
        ("month", "M"),
        ("quarter", "Q"),
        ("annual", "Y"),
        ("year", "Y"),
    ):
        if key in word:
            return Sem("set", "SET", unit=unit, n=1)
    return None


def b_every_weekday(m: re.Match) -> Sem | None:
    word = m.group("wd")
    if word.lower().endswith("days"):
        word = word[:-1]
    return Sem("set", "SET", weekday=weekday_number(word))


_DECADE_WORDS = {
    "twenties": 2,
    "thirties": 3,
    "forties": 4,
    "fifties": 5,
    "sixties": 6,
    "seventies": 7,
    "eighties": 8,
    "nineties": 9,
}


def b_decade_word(m: re.Match) -> Sem | None:
    return Sem("decade", year=1900 + 10 * _DECADE_WORDS[m.group("dw").lower()])


def b_range_year(m: re.Match) -> Sem | None:
    """Each end of a year range ("2007-2012", "2012–13") is a year of its own."""
    year = m.group("year")
    if len(year) == 2:
        first = int(m.group("first"))
        return Sem("absolute", year=first // 100 * 100 + int(year))
    return Sem("absolute", year=int(year))


def b_frequency(m: re.Match) -> Sem | None:
    """A frequency is part of the set in TimeML: "twice a week" is one SET, value P1W."""
    return Sem("set", "SET", unit=unit_code(m.group("unit")), n=1)


def b_every_n(m: re.Match) -> Sem | None:
    num = m.group("num")
    n = number_value(num) if num and num.lower() not in ("other", "second") else 1
    if num and num.lower() in ("other", "second"):
        n = 2
    return Sem("set", "SET", unit=unit_code(m.group("unit")), n=n)


def b_after_that(m: re.Match) -> Sem | None:
    mod = "AFTER" if "after" in m.group(0).lower() else "BEFORE"
    return Sem("after_that", mod=mod)


def b_year_end(m: re.Match) -> Sem | None:
    unit = "Y" if "year" in m.group(0).lower() else "M"
    return Sem("relative", unit=unit, offset=0, anchor="deictic", mod="END")


def b_fiscal_year(m: re.Match) -> Sem | None:
    y = m.group("year")
    if len(y) == 2:
        return Sem("short_year", n=int(y))
    return Sem("absolute", year=int(y))


def b_holiday(m: re.Match) -> Sem | None:
    name = re.sub(r"\s+", " ", m.group("hol").lower()).replace("’", "'")
    direction = _direction((m.group("rel") or "").lower().split(), this="same")
    year = m.group("year")
    return Sem("holiday", value=name, direction=direction, year=int(year) if year else None)


_HOLIDAY = (
    r"(?:Christmas(?:\s+(?:Day|Eve))?|New\s+Year[’']s(?:\s+(?:Day|Eve))|Independence\s+Day"
    r"|Halloween|Valentine[’']s\s+Day|Thanksgiving(?:\s+Day)?|Labor\s+Day|Memorial\s+Day"
    r"|Easter(?:\s+Sunday)?|Good\s+Friday|Election\s+Day|Veterans\s+Day|Boxing\s+Day"
    r"|St\.\s+Patrick[’']s\s+Day|Mother[’']s\s+Day|Father[’']s\s+Day"
    r"|Martin\s+Luther\s+King(?:\s+Jr\.)?\s+Day|Presidents[’']?\s+Day|Columbus\s+Day"
    r"|Inauguration\s+Day)"
)
_REL = r"(?i:this\s+past|this\s+coming|last|next|this|past|coming)"
_APPROX = (
    r"(?i:about|around|nearly|almost|no\s+more\s+than|no\s+less\s+than|more\s+than"
    r"|less\s+than|at\s+least|over|some|roughly"
    r"|approximately|up\s+to|under)"
)
# "later" stays outside: TimeBank marks "three days later" as the duration "three days".
_SUFFIX = (
    r"(?i:ago|earlier|from\s+now|hence"
    r"|before(?=\s*[.,;:!?)\"”]|\s*$)|after(?=\s*[.,;:!?)\"”]|\s*$))"
)


class Rule(NamedTuple):
    """A pattern, the builder of its matches' meaning, and how the finder runs it."""

    pattern: re.Pattern
    build: Callable[[re.Match], Sem | None]
    # Which of two overlapping candidates of the same length `select` keeps.
    priority: int
    # The kinds of trigger word (`_kinds_of`) the pattern cannot match without: it only
    # scans the windows around them.
    triggers: tuple[str, ...]
    # The pattern's words are normally lower case: capitalised mid-sentence they are a
    # name ("CBS's "60 Minutes"", "High Noon"), which `_in_a_title` rules out.
    lower_case: bool = False


RULES: list[Rule] = [
    Rule(
        compile_rule(
            rf"(?:(?P<time0>{TIME_OF_DAY}){TIME_ZONE}?,?\s+(?:on\s+)?)?"
            rf"{_WD}(?P<mon>{MONTH})\s*(?P<day>{DAY_SPAN})(?:,\s*|\s+)(?P<year>{YEAR}){_CLOCK_TAIL}"
        ),
        b_month_day_year,
        5,
        ("month",),
    ),
    Rule(
        compile_rule(
            rf"{_WD}(?P<day>{DAY})\s+(?:of\s+)?(?P<mon>{MONTH}),?\s+(?P<year>{YEAR}){_CLOCK_TAIL}"
        ),
        b_month_day_year,
        5,
        ("month",),
    ),
    Rule(
        compile_rule(
            rf"(?:(?P<time0>{TIME_OF_DAY}){TIME_ZONE}?,?\s+(?:on\s+)?)?"
            rf"{_WD}(?P<mon>{MONTH})\s*(?P<day>{DAY_SPAN}){_CLOCK_TAIL}"
        ),
        b_month_day,
        4,
        ("month",),
    ),
    Rule(
        compile_rule(r"(?i:the\s+(?:fiscal\s+)?year)(?=\s+(?:ended|ending|that\s+ended)\b)"),
        b_year_ending,
        3,
        ("unit",),
    ),
    Rule(
        compile_rule(
            rf"(?P<mon>{MONTH})\s*{DAY},?\s+(?:and|or|to|through|until)\s+(?P<day>{DAY})"
            rf"(?!\s*(?:{MONTH}|[%$]|percent|million|billion|people|of\b))"
        ),
        b_second_day,
        2,
        ("month",),
    ),
    Rule(
        compile_rule(rf"(?i:the\s+week(?:end)?\s+of\s+)(?P<mon>{MONTH})\s*(?P<day>{DAY})"),
        b_week_of,
        5,
        ("month",),
    ),
    Rule(
        compile_rule(rf"(?i:the\s+)(?P<year>{YEAR})\s+(?i:period|quarter)"),
        b_year_period,
        3,
        ("digit",),
    ),
    Rule(
        compile_rule(rf"{_WD}(?:the\s+)?(?P<day>{DAY})\s+(?:of\s+)?(?P<mon>{MONTH})"),
        b_month_day,
        4,
        ("month",),
    ),
    Rule(
        compile_rule(rf"(?P<mon>{MONTH}),?\s+(?:of\s+)?(?P<year>{YEAR})"),
        b_month_year,
        4,
        ("month",),
    ),
    Rule(
        compile_rule(
            rf"(?P<mon>{MONTH})\s*(?P<day>{DAY}),?\s+(?:of\s+)?(?P<rel>(?i:this|last|next))"
            r"\s+(?i:year)\b"
        ),
        b_month_day_rel_year,
        4,
        ("month",),
    ),
    Rule(
        compile_rule(rf"(?P<mon>{MONTH})\s+(?:of\s+)?(?P<rel>(?i:this|last|next))\s+(?i:year)"),
        b_month_rel_year,
        4,
        ("month",),
    ),
    Rule(
        compile_rule(
            r"(?P<y>(?:19|20)\d\d)-(?P<mo>[01]\d)-(?P<d>[0-3]\d)"
            r"(?:[T ](?P<h>[0-2]\d):(?P<mi>[0-5]\d)(?::[0-5]\d(?:\.\d+)?)?(?:Z|[+-]\d\d:?\d\d)?)?"
        ),
        b_iso,
        5,
        ("digit",),
    ),
    Rule(
        compile_rule(
            r"(?:[0-2]?\d|3[01])/(?:[0-2]?\d|3[01])/(?:(?:19|20)\d\d|\d\d)"
            r"|(?:19|20)\d\d/[01]?\d/[0-3]?\d|(?:[0-2]?\d|3[01])\.[01]?\d\.(?:19|20)\d\d"
        ),
        b_numeric,
        3,
        ("digit",),
    ),
    Rule(compile_rule(rf"(?:(?P<rel>{_REL})\s+)?(?P<mon>{MONTH})"), b_bare_month, 2, ("month",)),
    Rule(
        compile_rule(
            rf"(?:(?P<time>{TIME_OF_DAY}){TIME_ZONE}?\s+(?:on\s+)?)?(?:(?P<rel>{_REL})\s+)?"
            rf"(?P<wd>{WEEKDAY})(?:\s+(?P<pod>{PART_OF_DAY}))?"
            rf"(?:,?\s+(?:at\s+)?(?P<time2>{TIME_OF_DAY}){TIME_ZONE}?)?"
        ),
        b_weekday,
        3,
        ("weekday",),
    ),
    Rule(
        compile_rule(
            rf"(?:(?P<time>{TIME_OF_DAY}){TIME_ZONE}?\s+)?"
            r"(?P<pre>(?i:the\s+day\s+(?:before|after)\s+))?"
            rf"(?P<dd>(?i:{'|'.join(_DEICTIC_DAYS)}))"
            rf"(?:\s+(?P<pod>(?i:morning|afternoon|evening|night)))?"
        ),
        b_deictic_day,
        3,
        ("deictic",),
        lower_case=True,
    ),
    Rule(
        compile_rule(r"(?i:(?:earlier\s+|later\s+)?this\s+(?P<pod>morning|afternoon|evening))"),
        b_this_pod,
        3,
        ("pod",),
        lower_case=True,
    ),
    Rule(
        compile_rule(r"(?i:last\s+(?P<pod>night|evening))"),
        b_last_night,
        3,
        ("pod",),
        lower_case=True,
    ),
    Rule(
        compile_rule(
            r"(?P<rel>(?i:(?:later|earlier)\s+that|that|the\s+(?:next|following|previous|same)))"
            r"\s+(?P<pod>(?i:morning|afternoon|evening|night))"
        ),
        b_focus_pod,
        3,
        ("pod",),
        lower_case=True,
    ),
    Rule(
        compile_rule(rf"(?i:{_REF_WORDS})"),
        b_ref,
        1,
        ("deictic", "unit"),
        lower_case=True,
    ),
    Rule(
        compile_rule(r"(?i:recent\s+(?:years|months|weeks|days|decades))"),
        b_past_ref,
        3,
        ("deictic",),
        lower_case=True,
    ),
    Rule(
        compile_rule(
            r"(?i:the\s+(?:next\s+few\s+)?(?P<unit>days|weeks|months|years|decades)"
            r"\s+(?:ahead|to\s+come))"
        ),
        b_vague_duration,
        3,
        ("unit",),
        lower_case=True,
    ),
    Rule(
        compile_rule(r"(?i:(?:hours|days|weeks|months|years|decades)\s+ago)"),
        b_past_ref,
        2,
        ("unit",),
        lower_case=True,
    ),
    Rule(
        compile_rule(
            r"(?:(?i:mid)[\s-]?)?(?P<pod>(?i:morning|afternoon|evening|night))\s+"
            rf"(?:(?P<dd>(?i:yesterday|today|tomorrow))|(?P<wd>{WEEKDAY}))"
        ),
        b_pod_of_day,
        3,
        ("pod",),
    ),
    Rule(compile_rule(r"(?i:mid[\s-]?(?P<pod>morning|afternoon))"), b_pod_in_focus, 2, ("pod",)),
    Rule(
        compile_rule(
            rf"(?P<h>1[0-2]|0?[1-9]|(?i:{'|'.join(_HOUR_WORDS)}))(?P<oc>\s+o['’]clock)?"
            r"(?:\s+(?i:in\s+the\s+(?P<pod>morning|afternoon|evening)|at\s+(?P<pod2>night)))?"
        ),
        b_clock_pod,
        2,
        ("pod", "clock"),
    ),
    Rule(
        compile_rule(r"(?<=\b[Ii]n\s)(?i:the\s+(?P<pod>morning|afternoon|evening))"),
        b_pod_in_focus,
        2,
        ("pod",),
        lower_case=True,
    ),
    Rule(compile_rule(r"(?i:a\s+later\s+date)"), b_later_date, 2, ("deictic",)),
    Rule(
        compile_rule(
            rf"(?P<wd>{WEEKDAY})\s+(?i:of)\s+(?P<rel>(?i:(?:the\s+)?(?:last|past|previous|prior"
            r"|preceding|next|coming|following)|this|that))\s+(?P<unit>(?i:week))\b"
        ),
        b_weekday_of_week,
        3,
        ("weekday",),
    ),
    Rule(
        compile_rule(
            r"(?:(?i:the)\s+|(?<=\b(?:his|her|its|our)\s)|(?<=\btheir\s))"
            r"(?i:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)\s+(?i:day)"
            r"(?=\s+(?:of|in|on|at)\s)"
        ),
        b_ordinal_day,
        1,
        ("unit",),
    ),
    Rule(
        compile_rule(
            r"(?i:(?P<unit>minutes|hours|days|weeks|months|years))"
            r"(?=\s+(?i:later|earlier|after|before|following|since|leading\s+up|that\s+followed)\b)"
        ),
        b_vague_duration,
        1,
        ("unit",),
        lower_case=True,
    ),
    Rule(
        compile_rule(
            r"(?:(?i:the\s+(?:next|past|last|coming|first|previous)\s+))?"
            rf"(?P<low>{NUM})\s*(?:-|–|to|or)\s*(?P<high>{NUM})[\s-]+(?P<unit>{UNIT})s?"
        ),
        b_duration_range,
        3,
        ("unit",),
        lower_case=True,
    ),
    Rule(
        compile_rule(r"(?<=\bof\s)(?i:the\s+(?P<unit>century|decade))(?!\s+(?:of|before|after)\b)"),
        b_of_the_century,
        1,
        ("unit",),
        lower_case=True,
    ),
    Rule(compile_rule(r"(?i:overnight)"), b_overnight, 1, ("pod",), lower_case=True),
    Rule(
        compile_rule(
            r"(?P<rel>(?i:(?:(?:earlier|later|early|late)\s+)?(?:this|that)(?:\s+same)?|the\s+same"
            r"|(?:the\s+)?(?:last|past|previous|prior|preceding|next|coming|following|current"
            r"|latest|most\s+recent)|the\s+year[-\s]earlier|the\s+year[-\s]ago))\s+"
            r"(?P<unit>(?i:day|week|weekend|month|quarter|year|decade|century))(?:\s+or\s+so\b)?"
        ),
        b_relative_unit,
        3,
        ("unit",),
        lower_case=True,
    ),
    Rule(
        compile_rule(
            r"(?i:the\s+(?P<mods>(?:(?:fiscal|calendar|full|same|latest|most\s+recent|current"
            r"|comparable)\s+){0,2})(?P<unit>year|quarter|month|week|weekend|period))"
        ),
        b_the_unit,
        1,
        ("unit",),
        lower_case=True,
    ),
    Rule(
        compile_rule(
            r"(?i:(?:the\s+)?(?:comparable\s+)?year[-\s](?:earlier|ago|before))"
            rf"(?:\s+(?:(?P<q>{ORDINAL})[\s-]+)?(?P<num>{NUM}\s+)?"
            r"(?P<unit>(?i:quarters?|period|months|month|weeks?|year)))?"
        ),
        b_year_ago_unit,
        4,
        ("unit",),
    ),
    Rule(
        compile_rule(
            r"(?i:the\s+(?:(?:same|corresponding|comparable)\s+)?(?P<unit>period|quarter|month|week)"
            r"(?:\s+of)?\s+(?:last\s+year|a\s+year\s+(?:ago|earlier)|the\s+(?:previous|prior)\s+year))"
        ),
        b_same_period_last_year,
        4,
        ("unit",),
    ),
    Rule(
        compile_rule(
            r"(?P<rel>(?i:the\s+(?:previous|prior|preceding|following|next)|that))\s+"
            rf"(?P<wd>{WEEKDAY})"
        ),
        b_relative_weekday,
        4,
        ("weekday",),
    ),
    Rule(
        compile_rule(
            rf"(?:(?P<approx>{_APPROX})\s+)?(?P<num>{NUM}|{VAGUE})[\s-]+(?P<unit>{UNIT})s?"
            rf"(?P<orso>\s+or\s+so)?\s+(?P<suf>{_SUFFIX})"
        ),
        b_ago,
        4,
        ("unit", "pod"),
        lower_case=True,
    ),
    Rule(
        compile_rule(
            r"(?:(?i:the\s+)?(?i:past|last|next|first|coming|previous|final|following|remaining|"
            r"latest|initial|preceding)\s+|(?i:the)\s+(?=\d|[A-Za-z]{3,}))?"
            rf"(?:(?P<approx>{_APPROX})\s+)?(?P<num>{NUM}|{VAGUE})(?:[\s-]+|(?P<half>\s+and\s+a\s+half\s+))"
            r"(?:(?i:more|additional|extra|full|straight|consecutive)\s+)?"
            rf"(?P<unit>{UNIT})s?(?:\s+(?i:long)|(?P<orso>\s+or\s+so\b))?"
        ),
        b_duration,
        2,
        ("unit", "pod"),
        lower_case=True,
    ),
    Rule(
        compile_rule(
            r"(?i:(?:the\s+)?(?:past|last|next|coming|previous|following)\s+(?:few\s+|several\s+)?"
            r"(?P<unit>seconds|minutes|hours|days|weeks|months|years|decades|centuries))"
        ),
        b_vague_duration,
        3,
        ("unit",),
        lower_case=True,
    ),
    Rule(
        compile_rule(
            r"(?i:(?<=\bfor\s)|(?<=\bwithin\s)|(?<=\bin\s)|(?<=\bafter\s)|(?<=\bover\s)"
            r"|(?<=\bduring\s)|(?<=\btook\s)|(?<=\btakes\s)|(?<=\btake\s)|(?<=\blast\s)"
            r"|(?<=\blasted\s)|(?<=\bspent\s)|(?<=\bspend\s))"
            r"(?i:(?P<unit>minutes|hours|days|weeks|months|years|decades|centuries))"
            r"(?!\s+(?:ago|before|after|later|earlier|old)\b)"
        ),
        b_vague_duration,
        1,
        ("unit",),
        lower_case=True,
    ),
    Rule(
        compile_rule(
            r"(?:(?:(?P<rel>(?i:this|last|next))\s+(?i:year)[’']s\s+|(?P<year1>(?:19|20)\d\d)[’']s\s+"
            r"|(?i:the)\s+)"
            rf"(?:(?P<year0>{YEAR})\s+)?)?(?i:(?:fiscal|calendar)\s+)?"
            rf"(?P<q>{ORDINAL}|[1-4])(?:[\s-]+(?i:fiscal\s+|calendar\s+)?)(?P<qunit>(?i:quarter|half))"
            rf"(?:\s+(?i:of\s+)?(?i:(?:fiscal|calendar)\s+)?(?P<year>{YEAR}|'\d\d)"
            r"|\s+(?i:of\s+(?P<yrel>the|this|last|next)\s+(?:fiscal\s+|calendar\s+)?year))?"
        ),
        b_quarter,
        3,
        ("unit",),
    ),
    Rule(
        compile_rule(rf"(?:(?P<year2>{YEAR})\s+)?Q(?P<q>[1-4])(?:\s+(?P<year>{YEAR}|'\d\d))?"),
        b_q_code,
        3,
        ("code",),
    ),
    Rule(
        compile_rule(
            r"(?P<pre>(?i:the\s+year)\s+"
            rf"|(?P<mon>{MONTH})\s+(?:(?P<day>{DAY})(?i:st|nd|rd|th)?,?\s+)?"
            rf"|(?i:the\s+)?(?P<season>{SEASON})\s+(?i:of)\s+)?(?P<sy>{SPELLED_YEAR})"
        ),
        b_spelled_year,
        3,
        ("spelled",),
    ),
    Rule(
        compile_rule(
            rf"(?:(?P<rel>{_REL})\s+|(?i:the)\s+)?(?P<season>{SEASON})"
            rf"(?:\s+(?:of\s+)?(?P<year>{YEAR}))?"
        ),
        b_season,
        2,
        ("season",),
    ),
    Rule(
        compile_rule(rf"(?i:(?:(?:the\s+)?fiscal(?:\s+year)?|the\s+year)\s+)?(?P<year>{YEAR})"),
        b_year,
        1,
        ("digit",),
    ),
    Rule(
        compile_rule(
            r"(?i:the\s+(?P<unit>day|week|month|year)\s+(?P<dir>before|after|earlier|later))"
            r"(?=\s*[.,;:!?)\"”]|\s*$)"
        ),
        b_unit_before,
        3,
        ("unit",),
        lower_case=True,
    ),
    Rule(
        compile_rule(
            r"(?:(?<=\bin\s)|(?<=\bof\s)|(?<=\bduring\s))(?i:the\s+day)"
            r"(?!\s+(?:before|after|of|when|that)\b)"
        ),
        b_the_day,
        1,
        ("unit",),
        lower_case=True,
    ),
    Rule(
        compile_rule(r"(?i:fiscal\s+|FY\s?)(?P<year>(?:19|20)\d\d|\d\d)"),
        b_fiscal_year,
        2,
        ("code",),
    ),
    Rule(
        compile_rule(r"(?:(?i:the)\s+)?(?P<dec>(?:1[5-9]|20)\d0|'\d0)[’']?s"),
        b_decade,
        2,
        ("digit",),
    ),
    Rule(
        compile_rule(r"(?i:the\s+)?(?P<n>\d{1,2})(?:st|nd|rd|th)[\s-]+(?i:century)"),
        b_century,
        2,
        ("unit",),
    ),
    Rule(
        compile_rule(rf"(?P<time>{TIME_OF_DAY}){TIME_ZONE}?"),
        b_time,
        1,
        ("digit", "pod"),
        lower_case=True,
    ),
    Rule(
        compile_rule(
            r"(?i:daily|weekly|monthly|annually|yearly|nightly|hourly|bi-?weekly"
            r"|(?:each|every|per)\s+(?:day|night|week|month|quarter|year|morning|evening))"
        ),
        b_set,
        2,
        ("set", "unit", "pod"),
        lower_case=True,
    ),
    Rule(
        compile_rule(
            rf"(?i:(?:once|twice|thrice|(?:{NUM})\s+times)\s+(?:a|an|per|each|every)\s+"
            r"(?P<unit>hour|day|night|week|month|quarter|year|decade))"
        ),
        b_frequency,
        4,
        ("unit", "pod"),
    ),
    Rule(
        compile_rule(rf"(?i:every|each)\s+(?P<wd>{WEEKDAY})"),
        b_every_weekday,
        3,
        ("set", "weekday"),
    ),
    Rule(
        compile_rule(rf"(?i:every|each)\s+(?P<name>{MONTH}|{SEASON})"), b_every_named, 3, ("set",)
    ),
    Rule(
        compile_rule(rf"(?:(?P<num>{NUM})-)?(?P<unit>{UNIT})(?P<plural>s)?-?(?i:long)"),
        b_unit_long,
        3,
        ("unit",),
        lower_case=True,
    ),
    Rule(
        compile_rule(
            rf"(?i:half\s+an?\s+(?P<unit>{UNIT})|an?\s+half[-\s](?P<unit3>{UNIT})"
            rf"|an?\s+(?P<unit2>{UNIT})\s+and\s+a\s+half)"
        ),
        b_half,
        3,
        ("unit",),
        lower_case=True,
    ),
    Rule(
        compile_rule(r"(?<=\b[Aa]t\s)(?i:the\s+time)(?!\s+(?:of|when|that|it|he|she|they)\b)"),
        b_past_ref,
        1,
        ("deictic",),
    ),
    Rule(
        compile_rule(
            r"(?i:(?P<rel>this\s+past|this\s+coming)\s+(?P<unit>weekend|week|month|year))"
        ),
        b_relative_unit,
        4,
        ("unit",),
        lower_case=True,
    ),
    Rule(
        compile_rule(rf"(?<=\bon\s)(?P<wd>(?:{cased(FULL_WEEKDAYS)})s)"),
        b_every_weekday,
        3,
        ("set", "weekday"),
    ),
    Rule(
        compile_rule(
            r"(?i:the\s+)?(?:(?i:nineteen)[\s-]+)?"
            rf"(?P<dw>(?i:{'|'.join(_DECADE_WORDS)}))"
        ),
        b_decade_word,
        2,
        ("decade_word",),
    ),
    Rule(
        re.compile(rf"{EDGE_L}(?P<year>{YEAR})(?=\s*[-–—]\s*(?:{YEAR}|\d\d)(?![\w%]|[.,]\d))"),
        b_range_year,
        2,
        ("digit",),
    ),
    Rule(
        re.compile(rf"(?<=[-–—])(?<=(?P<first>{YEAR})[-–—])(?P<year>{YEAR}|\d\d){EDGE_R}"),
        b_range_year,
        2,
        ("digit",),
    ),
    Rule(
        compile_rule(
            rf"(?i:every|each)\s+(?P<num>{NUM}|(?i:other|second|few|couple\s+of))\s+(?P<unit>{UNIT})s?"
        ),
        b_every_n,
        3,
        ("set",),
    ),
    Rule(
        compile_rule(
            r"(?i:(?:right|shortly|soon|immediately|just|not\s+long)\s+(?:after|before)\s+that)"
        ),
        b_after_that,
        2,
        ("that",),
    ),
    Rule(
        compile_rule(r"(?i:(?:the\s+)?(?:year|month)[’']s\s+end|(?:year|month)[-\s]end)"),
        b_year_end,
        2,
        ("end",),
    ),
    Rule(
        compile_rule(
            rf"(?:(?P<rel>(?i:last|next|this))\s+)?(?P<hol>{_HOLIDAY})(?:\s+(?P<year>{YEAR}))?"
        ),
        b_holiday,
        2,
        ("holiday", "unit"),
    ),
]

_MOD_PREFIX = re.compile(
    r"(?i:(?:the\s+)?(?:very\s+)?(?:(?P<w>early|late|mid)(?:\s+of(?:\s+the)?)?"
    r"|(?P<w2>middle|beginning|start|end|close|turn)\s+of(?:\s+the)?))[\s-]*$"
)
_MOD_OF_WORD = {
    "early": "START",
    "beginning": "START",
    "start": "START",
    "turn": "START",
    "late": "END",
    "end": "END",
    "close": "END",
    "mid": "MID",
    "middle": "MID",
}


def modifier_prefix(text: str, start: int) -> tuple[int, str] | None:
    """A modifier ("early", "late", "mid-", "the end of") right before `start`, if any.

    Returns the new start and the TIMEX3 mod (START, END, MID).
    """
    window = text[max(0, start - 24) : start]
    m = _MOD_PREFIX.search(window)
    if not m or (m.start() > 0 and (window[m.start() - 1].isalnum())):
        return None
    word = m.group("w") or m.group("w2")
    return start - len(window) + m.start(), _MOD_OF_WORD[word.lower()]


_LEADING_THE = re.compile(r"(?i:the)\s+")
_NOUN_AFTER = re.compile(
    r"\s+(?!(?i:of|to|and|or|in|on|at|for|by|with|from|as|was|were|is|are)\b)[A-Za-z]"
)


# "last" is the verb, not "the previous", after an infinitive "to" or a modal when a count
# follows: "expected to last two days", "could last several weeks", "will last about an
# hour". ("rose to last year's level" keeps "last": no count follows it.)
_VERB_LAST = re.compile(rf"last\s+(?=(?:{NUM}|{VAGUE}|(?i:about|nearly|over|more|less|up)\b))")
_VERB_LAST_BEFORE = re.compile(
    r"(?i:\b(?:to|will|would|could|can|may|might|should|must|shall|did|does|do|not|n't|'ll)"
    r"|[’']ll)\s+$"
)


def _is_premodifier(text: str, end: int) -> bool:
    """Whether a hyphenated expression ending at `end` modifies a following noun."""
    return _NOUN_AFTER.match(text, end) is not None


# Every rule needs one of a few kinds of trigger words nearby. One pass over the words of
# the text finds them; each rule then scans only the windows around its triggers, which
# keeps the tagger fast on long texts that are mostly free of time expressions.
_WORD = re.compile(r"[A-Za-z0-9]+")
_SET_WORDS = frozenset(
    "daily weekly monthly annual annually yearly nightly hourly every each".split()
)
_POD_WORDS = frozenset(PARTS_OF_DAY) | frozenset(
    "noon midnight midday midmorning midafternoon".split()
)
_DEICTIC_WORDS = frozenset(
    "now nowadays current currently recent recently late lately former formerly past present "
    "presently future near short time today tonight tomorrow yesterday later".split()
)
_UNIT_WORDS = frozenset(UNITS) | {"half", "period"}
_HOLIDAY_WORDS = frozenset(
    "Christmas Easter Thanksgiving Halloween Valentine Labor Memorial Independence Inauguration "
    "Election Veterans Boxing Patrick Mother Father King Presidents Columbus Good Year".split()
)
_MONTH_HEADS = frozenset(m[:3] for m in MONTHS)
_WEEKDAY_HEADS = frozenset(w[:3] for w in WEEKDAYS)


@lru_cache(maxsize=65536)
def _kinds_of(word: str) -> tuple[str, ...]:
    """The trigger kinds a word belongs to (a word can be several: "night")."""
    kinds = []
    if any(c.isdigit() for c in word):
        kinds.append("digit")
        if word[0] == "Q":
            kinds.append("code")
        return tuple(kinds)
    lower = word.lower()
    head = lower[:3]
    if word[0].isupper():
        if head in _MONTH_HEADS:
            kinds.append("month")
        if head in _WEEKDAY_HEADS:
            kinds.append("weekday")
        if word in _HOLIDAY_WORDS:
            kinds.append("holiday")
    if lower in _SET_WORDS:
        kinds.append("set")
    if lower in _POD_WORDS:
        kinds.append("pod")
    if lower in _DEICTIC_WORDS:
        kinds.append("deictic")
    if lower in SEASONS:
        kinds.append("season")
    stem = lower[:-1] if lower.endswith("s") else lower
    if lower.endswith("long") and lower[:-4] in _UNIT_WORDS:
        stem = lower[:-4]  # "yearlong", "weeklong": one word for a duration used as adjective
    if stem in _UNIT_WORDS or lower in _UNIT_WORDS:
        kinds.append("unit")
    if lower.endswith("ties"):
        kinds.append("decade_word")
    if lower == "end":
        kinds.append("end")
    if lower in ("nineteen", "eighteen", "thousand"):
        kinds.append("spelled")
    if lower == "clock":
        kinds.append("clock")
    if lower in ("fy", "fiscal"):
        kinds.append("code")
    return tuple(kinds)


_LEFT_MARGIN = 70
_RIGHT_MARGIN = 90
_SPACE = re.compile(r"\s")


def _windows(text: str) -> dict[str, list[tuple[int, int]]]:
    """Merged (start, end) windows around the trigger words of each kind.

    A window ends on whitespace (or the end of the text), so a rule scanning up to it can
    never mistake the window edge for the end of a word.
    """
    found: dict[str, list[tuple[int, int]]] = {}
    n = len(text)
    previous = ""
    for m in _WORD.finditer(text):
        word = m.group()
        kinds = _kinds_of(word)
        if word in ("that", "That") and previous in ("after", "before"):
            kinds = (*kinds, "that")
        previous = word.lower()
        for kind in kinds:
            start = max(0, m.start() - _LEFT_MARGIN)
            end = min(n, m.end() + _RIGHT_MARGIN)
            spans = found.setdefault(kind, [])
            if spans and start <= spans[-1][1]:
                if end > spans[-1][1]:
                    spans[-1] = (spans[-1][0], end)
            else:
                spans.append((start, end))
    for spans in found.values():
        for k, (start, end) in enumerate(spans):
            space = _SPACE.search(text, end)
            spans[k] = (start, space.start() if space else n)
    return found


def _union(lists: list[list[tuple[int, int]]]) -> list[tuple[int, int]]:
    spans = sorted(span for lst in lists for span in lst)
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


_LETTERS = re.compile(r"[A-Za-z]+")
_OPENING = re.compile(r"(?:^|[.!?:;]|\n)[\s\"“‘'`(\[]*$")


def _headline(text: str, pos: int) -> bool:
    """Whether the line around `pos` is in title case (a headline), where capitals say nothing."""
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    line = text[start : end if end >= 0 else len(text)].strip()
    if len(line) > 150 or line.endswith((".", "!", "?", '"', "”")):
        return False
    words = [w for w in _LETTERS.findall(line) if len(w) > 3]
    return bool(words) and sum(w[0].isupper() for w in words) >= 0.6 * len(words)


_ZONE_NAMES = frozenset("Eastern Pacific Central Mountain Standard Daylight".split())


def _in_a_title(text: str, m: re.Match) -> bool:
    """Whether a normally lower-case time word is capitalised mid-sentence: a name.

    "CBS's "60 Minutes"", "ABC's "This Week"", "High Noon", "VOA Today" are titles, not
    times. Month, weekday and holiday names are capitalised anyway and are not checked.
    """
    words = _LETTERS.findall(m.group(0))
    for k, word in enumerate(words):
        if not word[0].isupper() or word.isupper():
            continue
        lower = word.lower()
        if lower == "time" and k > 0 and words[k - 1] in _ZONE_NAMES:
            continue  # "Eastern Standard Time" names a clock's zone, not a show
        stem = lower[:-1] if lower.endswith("s") else lower
        if lower in _DEICTIC_WORDS or lower in _POD_WORDS or stem in _UNIT_WORDS:
            if k > 0 or not _OPENING.search(text, max(0, m.start() - 8), m.start()):
                return not _headline(text, m.start())
    return False


def find_candidates(text: str) -> list[Candidate]:
    """Every rule's matches over `text`, overlapping ones included (selection is later)."""
    windows = _windows(text)
    out: list[Candidate] = []
    for rule in RULES:
        spans = _union([windows.get(k, []) for k in rule.triggers])
        for w_start, w_end in spans:
            for m in rule.pattern.finditer(text, w_start, w_end):
                if m.end() == m.start():
                    continue
                sem = rule.build(m)
                if sem is None or (rule.lower_case and _in_a_title(text, m)):
                    continue
                start = sem.extra.pop("start", m.start())
                lead = _LEADING_THE.match(text, start, m.end())
                last_word = text[lead.end() : m.end()].split()[-1] if lead else ""
                if (
                    lead
                    and "-" in last_word
                    and rule.build is not b_spelled_year
                    and _is_premodifier(text, m.end())
                ):
                    # "the third-quarter loss": the article belongs to the noun, not the time.
                    start = lead.end()
                verb = _VERB_LAST.match(text, start, m.end())
                if verb and _VERB_LAST_BEFORE.search(text, max(0, start - 12), start):
                    # "expected to last two days": the verb "last" is no part of the time.
                    start = verb.end()
                out.append(Candidate(start, m.end(), sem, rule.priority))
    return out


def select(cands: list[Candidate]) -> list[Candidate]:
    """Non-overlapping candidates, preferring the longest, then the higher priority."""
    cands.sort(key=lambda c: (-(c.end - c.start), -c.priority, c.start))
    taken: list[Candidate] = []
    occupied: list[tuple[int, int]] = []
    for c in cands:
        if any(c.start < e and s < c.end for s, e in occupied):
            continue
        taken.append(c)
        occupied.append((c.start, c.end))
    taken.sort(key=lambda c: c.start)
    return taken
