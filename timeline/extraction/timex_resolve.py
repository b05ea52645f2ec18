"""Turn the meaning of a found expression (`Sem`) into a TIMEX3 value.

Two anchors exist, as in HeidelTime's news mode:

* the *reference* (the article's date): deictic expressions ("yesterday", "last week",
  "this past April", "three years ago") count from it;
* the *focus*: the last calendar date the text itself mentioned. Anaphoric expressions
  ("that same month", "the following week", "a year earlier", "right after that") count
  from it, and fall back to the reference when the text has not mentioned one yet.

Underspecified expressions (a month, a day, a weekday or a quarter with no year) take
the occurrence nearest the reference, biased by the tense of their sentence: "in
October" said in a past sentence of a June article is last October, "in February" in a
future sentence is next February, "Tuesday" next to "said" is the past Tuesday and
next to "will" the coming one. Tense is read from the verb the expression attaches
to: the nearest finite verb before it in its own clause ("lowered its forecast on
Wednesday, saying the outage will ..." is past), else the first after it in that
clause; with none there, from the auxiliary or reporting verb nearest it in the
sentence (will/'ll/going to versus was/were/had/said), falling back to past-tense
verb forms. For weekdays, obligation and timetable verbs ("must", "starts", "is due")
and "by/from/until" also point forward. A few word patterns, not a parser, which is
cheap and right for the usual shapes of news sentences.

"The weekend" in the past is the one holding the anchor or just ended (on a Monday,
the previous ISO week's); after a Thursday or Friday the story spoke of, it is the
weekend that followed, if that one is over by the reference.

With no reference, nothing is guessed: deictic values are X-filled at their
granularity (`XXXX-04`, `XXXX-WXX-4`, `XXXX`) or `PRESENT_REF`; anaphoric ones still
use a focus the text established.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from timeline.extraction.passages import ABBREVIATIONS
from timeline.extraction.timex_lexicon import SEASON_MONTHS, Sem
from timeline.extraction.verbs import AUXILIARY_PAST, IRREGULAR_PAST, REPORTING

_GRAN_OF_UNIT = {
    "D": "day",
    "W": "week",
    "M": "month",
    "Q": "quarter",
    "H": "half",
    "Y": "year",
    "DE": "decade",
    "CE": "century",
}


_PLANNED = re.compile(
    r"(?i:\b(?:would|might|plann(?:ed|ing)|plans?|schedul(?:ed|ing)|as\s+soon\s+as|set\s+to"
    r"|due\s+to|expected\s+to|headed|heading)\b)"
)
# An infinitive, then "by" right before the weekday: a deadline someone was given.
_DEADLINE = re.compile(r"(?i:\bto\s+[a-z]+\b[^.;:]*\bby\s+(?:on\s+)?$)")
# A verb of a public act in the past right before the weekday dates it, whatever the
# sentence goes on to say ("predicted Wednesday that it will ...").
_PAST_VERB_BEFORE = re.compile(
    rf"(?i:\b(?:{'|'.join(sorted(REPORTING))}|predicted|issued|reported|denied|declared|met)"
    r"\s+(?:[\w’'-]+\s+){0,3}?(?:on\s+)?$)"
)
_ANCHOR_UNITS = frozenset({"S", "MIN", "H", "D", "W", "FN", "M", "Q", "Y", "DE", "CE"})
_ANCHOR_ORDER = ("day", "week", "month", "quarter", "year", "decade", "century")


@dataclass(slots=True)
class Point:
    """A calendar interval: its granularity and its first day (season: first month)."""

    gran: str
    date: dt.date
    part: str = ""


def add_months(d: dt.date, months: int) -> dt.date:
    """`d` moved by whole months, the day clamped to the target month's length."""
    y, m = divmod(d.month - 1 + months, 12)
    year = d.year + y
    month = m + 1
    if not 1 <= year <= 9999:
        raise OverflowError("date out of range")
    day = min(d.day, _month_len(year, month))
    return dt.date(year, month, day)


def _month_len(year: int, month: int) -> int:
    if month == 12:
        return 31
    return (dt.date(year, month + 1, 1) - dt.date(year, month, 1)).days


def shift(p: Point, unit: str, n: int) -> Point:
    """`p` moved by `n` units; the granularity stays that of `p`."""
    d = p.date
    if unit == "D":
        d = d + dt.timedelta(days=n)
    elif unit == "W":
        d = d + dt.timedelta(weeks=n)
    elif unit == "M":
        d = add_months(d, n)
    elif unit == "Q":
        d = add_months(d, 3 * n)
    elif unit == "H":
        d = add_months(d, 6 * n)
    elif unit == "Y":
        d = add_months(d, 12 * n)
    elif unit == "DE":
        d = add_months(d, 120 * n)
    elif unit == "CE":
        d = add_months(d, 1200 * n)
    return Point(p.gran, d, p.part)


def fmt(p: Point) -> str:
    """TIMEX3 value of a point."""
    d = p.date
    g = p.gran
    if g == "day":
        return d.isoformat() + (f"T{p.part}" if p.part else "")
    if g == "week":
        iso = d.isocalendar()
        return f"{iso[0]:04d}-W{iso[1]:02d}" + ("-WE" if p.part == "WE" else "")
    if g == "month":
        return f"{d.year:04d}-{d.month:02d}"
    if g == "quarter":
        return f"{d.year:04d}-Q{(d.month - 1) // 3 + 1}"
    if g == "half":
        return f"{d.year:04d}-H{(d.month - 1) // 6 + 1}"
    if g == "season":
        return f"{d.year:04d}-{p.part}"
    if g == "year":
        return f"{d.year:04d}"
    if g == "decade":
        return f"{d.year // 10:03d}"
    if g == "century":
        return f"{d.year // 100:02d}"
    return d.isoformat()


def floor(d: dt.date, gran: str) -> dt.date:
    """First day of the `gran` interval containing `d`."""
    if gran == "week":
        return d - dt.timedelta(days=d.isoweekday() - 1)
    if gran == "month":
        return d.replace(day=1)
    if gran == "quarter":
        return dt.date(d.year, (d.month - 1) // 3 * 3 + 1, 1)
    if gran == "half":
        return dt.date(d.year, (d.month - 1) // 6 * 6 + 1, 1)
    if gran == "year":
        return dt.date(d.year, 1, 1)
    if gran == "decade":
        return dt.date(max(1, d.year // 10 * 10), 1, 1)
    if gran == "century":
        return dt.date(max(1, d.year // 100 * 100), 1, 1)
    return d


_UNKNOWN = {
    "day": "XXXX-XX-XX",
    "week": "XXXX-WXX",
    "month": "XXXX-XX",
    "quarter": "XXXX-QX",
    "half": "XXXX-HX",
    "year": "XXXX",
    "decade": "XXX",
    "century": "XX",
}

_FUTURE = re.compile(
    r"(?i:\b(?:will|won't|shall|going\s+to|plans?\s+to|planning\s+to|intends?\s+to|"
    r"expects?\s+to|expected\s+to|scheduled\s+(?:to|for)|due\s+to|set\s+to|aims?\s+to|"
    r"hopes?\s+to|is\s+to|are\s+to|(?:is|are)\s+(?:expected|scheduled|due|set)|"
    r"(?:is|are)\s+(?:not\s+)?(?:likely|unlikely)\s+to)\b|['’]ll\b)"
)
# Sure signs of the past, counted even where no verb of the expression's own clause is:
# the auxiliaries, "ago" and the reporting verbs ("said on Tuesday it will ...").
_PAST = re.compile(rf"(?i:\b(?:{'|'.join(AUXILIARY_PAST)}|ago|{'|'.join(REPORTING)})\b)")
# Any past form. "set" is no sign of the past here: it mostly sets a date still to come
# ("set sentencing for March 28", "is set to"), which `_FUTURE` and `_SCHEDULED` read.
_WEAK_PAST = re.compile(
    rf"(?i:\b(?:{'|'.join(sorted(IRREGULAR_PAST.keys() - {'set'}))}|[a-z]{{2,}}ed)\b)"
)
# A sentence ends at . ! ? before a capital, unless the dot closes an abbreviation (one
# `passages` knows, capitalised as in names and titles: "Gen.", "Corp.") or an initial
# ("U.S."). The stop is looked for first, so that the abbreviations are checked only there.
_AFTER_ABBREVIATION = "".join(
    rf"(?<!\b{word.capitalize()})" for word in sorted(ABBREVIATIONS) if "." not in word
)
_SENT_END = re.compile(
    rf"(?=[.!?]){_AFTER_ABBREVIATION}(?<!\.[A-Z])"
    r"[.!?][\"”’)]*\s+(?=[\"“‘(]?[A-Z0-9])|\n"
)


def sentence_around(text: str, start: int, end: int) -> tuple[str, str]:
    """The parts of the sentence containing [start, end) before and after it."""
    left = text[max(0, start - 200) : start]
    cut = None
    for m in _SENT_END.finditer(left):
        cut = m.end()
    if cut is not None:
        left = left[cut:]
    right = text[end : end + 200]
    m = _SENT_END.search(right)
    if m:
        right = right[: m.start() + 1]
    return left, right


# Where a clause ends: punctuation, a dash, or a word opening a reported or relative
# clause ("lowered its forecast on Wednesday, saying the outage will ...").
_CLAUSE_BREAK = re.compile(
    r"[,;:()\u2013\u2014\"“”]|\s-{1,2}\s|\b(?i:saying|that|which|who|but|because|while)\b"
)


# Obligation and timetable verbs: in its own clause, the weekday they govern is still
# ahead ("must stop using the phone by Saturday", "the programme starts at noon on
# Saturday"). Months are left out: "opens the week of March 6" may be a past March.
_SCHEDULED = re.compile(
    r"(?i:\b(?:must|should)\b(?!\s+(?:not\s+)?have\b)|\b(?:needs?\s+to|starts|begins|opens"
    r"|takes\s+effect|(?:is|are)\s+(?:due|set|slated|poised))\b)"
)
# A preposition that, in a sentence with no past verb, points to a coming weekday:
# "from Friday", "by noon on Saturday", "until Tuesday".
_FORWARD_PREP = re.compile(
    r"(?i:\b(?:by|from|until|till|starting|beginning|effective|as\s+of|through)\s+(?:on\s+)?$)"
)
# An auxiliary or copula right before a past form makes it a participle or adjective.
_NON_FINITE_BEFORE = re.compile(
    r"(?i:\b(?:will|would|shall|can|could|may|might|must|should|be|been|being|is|are|am"
    r"|remains?|stays?|gets?|to|do|does|the|a|an)\s+(?:(?:not|also|still|now|already"
    r"|just|n't)\s+)?$|['’](?:s|re|ve)\s+$)"
)


def _finite_past(s: str) -> bool:
    """Whether `s` holds a past-tense verb form that no auxiliary makes a participle."""
    return any(not _NON_FINITE_BEFORE.search(s, 0, m.start()) for m in _WEAK_PAST.finditer(s))


def _clause_verb(left: str, right: str, scheduled: bool = False) -> str:
    """The tense of the verb the expression attaches to: the nearest finite verb before
    it in its own clause; failing that, the first one after it in the same clause.
    "" when its clause has none. With `scheduled`, obligation and timetable verbs
    ("must", "starts", "is due") count as future."""
    extra = ((_SCHEDULED, "future"),) if scheduled else ()
    cut = None
    for m in _CLAUSE_BREAK.finditer(left):
        cut = m.end()
    own_left = left[cut:] if cut is not None else left
    best = ("", -1)
    for pattern, name in ((_WEAK_PAST, "past"), (_PAST, "past"), (_FUTURE, "future"), *extra):
        for m in pattern.finditer(own_left):
            if pattern is _WEAK_PAST and _NON_FINITE_BEFORE.search(own_left, 0, m.start()):
                continue  # a participle ("will remain closed", "to cut"): not the verb
            if m.end() >= best[1]:
                best = (name, m.end())
    if best[0]:
        return best[0]
    m = _CLAUSE_BREAK.search(right)
    own_right = right[: m.start()] if m else right
    first = ("", len(own_right) + 1)
    for pattern, name in ((_FUTURE, "future"), *extra, (_PAST, "past"), (_WEAK_PAST, "past")):
        m = pattern.search(own_right)
        if m and m.start() < first[1]:
            first = (name, m.start())
    return first[0]


def tense(text: str, start: int, end: int, scheduled: bool = False) -> str:
    """'future', 'past' or 'present': the tense of the sentence around [start, end).

    The verb the expression attaches to decides: the nearest finite verb before it in its
    own clause ("lowered its forecast on Wednesday, saying the outage will ..." is past),
    else the first after it in that clause ("Tuesday's vote will ..."). With no verb in
    its clause, the auxiliary or reporting verb nearest the expression in the sentence
    decides ("said on Tuesday it will ..." is past for Tuesday); a plain past-tense verb
    only counts when no auxiliary is in the sentence. `scheduled` (for weekdays, which
    timetables name) also reads "must", "starts", "is due" as future.
    """
    left, right = sentence_around(text, start, end)
    own = _clause_verb(left, right, scheduled)
    if own:
        return own
    best = ("present", 10**6)
    for pattern, name in ((_FUTURE, "future"), (_PAST, "past")):
        for m in pattern.finditer(left):
            dist = len(left) - m.end()
            if dist < best[1]:
                best = (name, dist)
        m = pattern.search(right)
        if m and m.start() + 1 < best[1]:
            best = (name, m.start() + 1)
    if best[0] == "present" and (_finite_past(left) or _finite_past(right)):
        return "past"
    return best[0]


class Resolver:
    """Resolves the mentions of one text in reading order, keeping the discourse focus."""

    def __init__(self, text: str, reference: dt.date | None) -> None:
        self.text = text
        self.ref = reference
        self.focus: Point | None = None
        self.focus_hold = False
        self.day_focus: Point | None = None
        # The last day in focus that is not after the reference: what a past-tense
        # anaphor counts from when the focus has moved to a date still to come.
        self.told_day_focus: Point | None = None
        # The last date whose year could not be known ("this past April" with no
        # reference, XXXX-04): anaphora after it stay just as underspecified.
        self.loose_focus: str | None = None
        # The tense of each expression's sentence, computed once: one expression may ask
        # more than once ("the weekend" asks whether it is past, then whether future).
        self._tenses: dict[tuple[int, int, bool], str] = {}

    def _tense(self, start: int, end: int, scheduled: bool = False) -> str:
        """`tense` of the sentence around [start, end) of this resolver's text."""
        key = (start, end, scheduled)
        known = self._tenses.get(key)
        if known is None:
            known = self._tenses[key] = tense(self.text, start, end, scheduled)
        return known

    # -- anchors -----------------------------------------------------------------
    def _ref_point(self, gran: str) -> Point | None:
        if self.ref is None:
            return None
        return Point(gran, floor(self.ref, gran))

    def _focus_point(self, gran: str) -> Point | None:
        """The focus at `gran`, if the focus is at least that fine; else the reference."""
        order = ("day", "week", "month", "quarter", "half", "season", "year", "decade", "century")
        f = self.focus
        if f is not None and (
            order.index(f.gran) <= order.index(gran) and not (f.gran == "week" and gran == "month")
        ):
            return Point(gran, floor(f.date, gran))
        return self._ref_point(gran)

    def _set_day_focus(self, p: Point) -> None:
        self.day_focus = p
        if self.ref is None or p.date <= self.ref:
            self.told_day_focus = p

    def _told_instead(self, f: Point | None, start: int, end: int) -> Point | None:
        """The focus a past-tense anaphor counts from.

        A past sentence after a date still to come ("The ban takes effect on Saturday. Two
        days earlier, Samsung cut its forecast") counts from the last day the story told as
        already here or past, not from the scheduled one.
        """
        if (
            f is not None
            and self.ref is not None
            and f.date > self.ref
            and self.told_day_focus is not None
            and self._tense(start, end) == "past"
        ):
            return self.told_day_focus
        return f

    def _year_for(
        self, month: int, start: int, end: int, direction: str = "", day: int = 15
    ) -> int | None:
        """Year of an underspecified month (and day), from the reference and the tense.

        An explicit direction ("last April", "next April") decides alone. Otherwise the
        nearest such date to the reference wins, with the tense as a bias: in a past
        sentence a later date counts three times as far, in a future sentence an earlier
        one does. News mostly speaks of dates near its own, and tense read from word
        patterns is too noisy to decide on its own.
        """
        if self.ref is None:
            return None
        ry, rm = self.ref.year, self.ref.month
        if direction == "before":
            return ry if month < rm else ry - 1
        if direction == "after":
            return ry if month > rm else ry + 1
        if direction == "same":
            return ry
        t = self._tense(start, end)
        best_year, best_cost = ry, float("inf")
        for year in (ry - 1, ry, ry + 1):
            offset = (year - ry) * 365.25 + (month - rm) * 30.44 + (day - self.ref.day)
            cost = abs(offset)
            if (t == "past" and offset > 0) or (t == "future" and offset < 0):
                cost *= 3
            if cost < best_cost:
                best_year, best_cost = year, cost
        return best_year

    # -- main entry --------------------------------------------------------------
    def resolve(self, sem: Sem, start: int, end: int) -> tuple[str, str, str] | None:
        """(type, value, mod) of an expression, updating the focus; None to drop it."""
        handler = getattr(self, "_r_" + sem.kind)
        out = handler(sem, start, end)
        if out is None:
            return None
        if isinstance(out, Point):
            value = fmt(out)
            typ = sem.type
            if out.gran == "day" and sem.hour is not None:
                value = f"{out.date.isoformat()}T{sem.hour:02d}:{sem.minute or 0:02d}"
                typ = "TIME"
            if self.focus_hold:
                # A comparison period ("the year-ago quarter") does not move the story's focus.
                self.focus_hold = False
            else:
                self.focus = Point(out.gran, out.date, out.part if out.gran == "season" else "")
            if self.focus is not None and self.focus.gran == "day":
                self._set_day_focus(self.focus)
            self.loose_focus = None
            return typ, value, sem.mod
        typ, value = out
        if typ in ("DATE", "TIME") and _LOOSE.match(value):
            self.loose_focus = value
        return typ, value, sem.mod

    def anchor(self, unit: str, n: float | None, sign: int, start: int, end: int) -> str:
        """The date a duration counted from the focus points to ("two days later").

        Counts `n` units forward (`sign` 1) or back (-1) from the focus, at the unit's
        precision (days and weeks from a day give a day; months a month), and makes the
        result the new focus, so that "the next day" after "two days later" follows on.
        Returns "" when the count is vague or the focus is missing or too coarse.
        """
        f = self.focus
        if f is not None and f.gran == "day":
            f = self._told_instead(f, start, end)
        if f is None or unit not in _ANCHOR_UNITS:
            return ""
        if n is None and unit in ("S", "MIN", "H"):
            n = 1  # "hours later", "minutes earlier": the same day, most likely
        if n is None or n <= 0 or n != int(n):
            return ""
        k = int(n) * sign
        if unit in ("S", "MIN", "H"):
            if f.gran != "day":
                return ""
            hours = n * {"S": 1 / 3600, "MIN": 1 / 60, "H": 1}[unit]
            out = Point("day", f.date + dt.timedelta(days=sign * round(hours / 24)))
        elif unit in ("D", "FN") or (unit == "W" and f.gran == "day"):
            if f.gran != "day":
                return ""
            days = k * {"D": 1, "W": 7, "FN": 14}[unit]
            out = Point("day", f.date + dt.timedelta(days=days))
        else:
            gran = _GRAN_OF_UNIT[unit]
            order = _ANCHOR_ORDER
            if f.gran not in order or order.index(f.gran) > order.index(gran):
                return ""
            out = Point(gran, floor(shift(Point(f.gran, f.date), unit, k).date, gran))
        self.focus = out
        if out.gran == "day":
            self._set_day_focus(out)
        self.loose_focus = None
        return fmt(out)

    # -- handlers: each returns a Point (a calendar value) or (type, value) ----------
    def _r_absolute(self, sem: Sem, start: int, end: int):
        if sem.day is not None:
            return Point("day", dt.date(sem.year, sem.month, sem.day))
        if sem.month is not None:
            return Point("month", dt.date(sem.year, sem.month, 1))
        return Point("year", dt.date(sem.year, 1, 1))

    def _r_dateparser(self, sem: Sem, start: int, end: int):
        from timeline.extraction.timex_dateparser import parse_absolute

        d = parse_absolute(sem.value)
        if d is None:
            return None
        return Point("day", d)

    def _r_month_day(self, sem: Sem, start: int, end: int):
        if sem.anchor == "year":
            year = self.ref.year + sem.offset if self.ref is not None else None
        else:
            year = self._year_for(sem.month, start, end, day=sem.day)
        if year is not None and sem.weekday is not None:
            # "Monday, Oct. 26": the weekday says which year it is, if one nearby fits.
            for candidate in (year, year - 1, year + 1):
                try:
                    if dt.date(candidate, sem.month, sem.day).isoweekday() == sem.weekday:
                        year = candidate
                        break
                except ValueError:
                    continue
        if year is None:
            clock = ""
            if sem.hour is not None:
                clock = f"T{sem.hour:02d}:{sem.minute or 0:02d}"
            return sem.type, f"XXXX-{sem.month:02d}-{sem.day:02d}{clock}"
        try:
            day = dt.date(year, sem.month, sem.day)
        except ValueError:
            return sem.type, f"XXXX-{sem.month:02d}-{sem.day:02d}"
        if sem.part in ("W", "WE"):
            return Point("week", floor(day, "week"), "WE" if sem.part == "WE" else "")
        return Point("day", day)

    def _r_month(self, sem: Sem, start: int, end: int):
        if sem.anchor == "year":
            if self.ref is None:
                return "DATE", f"XXXX-{sem.month:02d}"
            return Point("month", dt.date(self.ref.year + sem.offset, sem.month, 1))
        year = self._year_for(sem.month, start, end, sem.direction)
        if year is None:
            return "DATE", f"XXXX-{sem.month:02d}"
        return Point("month", dt.date(year, sem.month, 1))

    def _r_weekday(self, sem: Sem, start: int, end: int):
        clock = f"T{sem.hour:02d}:{sem.minute or 0:02d}" if sem.hour is not None else ""
        if self.ref is None:
            part = f"T{sem.part}" if sem.part and not clock else ""
            return sem.type, f"XXXX-WXX-{sem.weekday}{part}{clock}"
        r = self.ref
        rw = r.isoweekday()
        if sem.direction == "before":
            delta = -((rw - sem.weekday) % 7 or 7)
        elif sem.direction == "after":
            delta = (sem.weekday - rw) % 7 or 7
        elif sem.direction == "same_week":
            delta = sem.weekday - rw
        else:
            t = self._tense(start, end, scheduled=True)
            if t == "future" and _PAST_VERB_BEFORE.search(self.text, max(0, start - 40), start):
                t = "past"  # "predicted Wednesday that it will ...": the verb next to it rules
            if t == "present" and _FORWARD_PREP.search(self.text, max(0, start - 30), start):
                t = "future"  # "runs from Friday", "must be returned by Saturday"
            back = -((rw - sem.weekday) % 7)
            fwd = (sem.weekday - rw) % 7
            if t == "future":
                delta = fwd
            elif t == "past":
                delta = back
                left = sentence_around(self.text, start, end)[0]
                if _DEADLINE.search(left):
                    # A deadline set in the past: "asked the company to respond by
                    # Wednesday" (told on a Monday) is the coming Wednesday.
                    delta = fwd
                elif fwd <= 3 and _PLANNED.search(left):
                    # Future in the past: "planned to leave on Thursday", "would travel
                    # Thursday", "as soon as Tuesday" (told the day before).
                    delta = fwd
            else:
                # News mostly reports what happened in the last few days.
                delta = back if -back <= 4 else fwd
        return Point("day", r + dt.timedelta(days=delta), sem.part)

    def _r_day_offset(self, sem: Sem, start: int, end: int):
        if self.ref is None:
            if sem.offset == 0 and not sem.part and sem.hour is None:
                return "DATE", "PRESENT_REF"
            part = f"T{sem.part}" if sem.part else ""
            if sem.hour is not None:
                part = f"T{sem.hour:02d}:{sem.minute or 0:02d}"
            return sem.type, "XXXX-XX-XX" + part
        return Point("day", self.ref + dt.timedelta(days=sem.offset), sem.part)

    def _r_ref(self, sem: Sem, start: int, end: int):
        return "DATE", sem.value

    def _r_relative(self, sem: Sem, start: int, end: int):
        gran = _GRAN_OF_UNIT[sem.unit]
        if sem.anchor == "focus":
            base = self._focus_point(gran)
        elif sem.anchor == "latest":
            base = self._focus_point(gran)
            if base is not None and gran == "quarter" and self.ref is not None:
                # The latest quarter reported on is a finished one.
                if base.date == floor(self.ref, "quarter"):
                    base = shift(base, "Q", -1)
        else:
            base = self._ref_point(gran)
        if base is None:
            if sem.anchor == "focus" and self.loose_focus is not None:
                return "DATE", _loose_shift(self.loose_focus, gran, sem.offset)
            return "DATE", _UNKNOWN[gran]
        p = shift(base, sem.unit, sem.offset)
        p.part = sem.part
        return p

    def _r_weekday_of_week(self, sem: Sem, start: int, end: int):
        week = self._r_relative(sem, start, end)
        if not isinstance(week, Point):
            return "DATE", f"XXXX-WXX-{sem.weekday}"
        return Point("day", week.date + dt.timedelta(days=sem.weekday - 1))

    def _r_the_unit(self, sem: Sem, start: int, end: int):
        if not sem.unit:
            f = self.focus
            if f is None:
                return None
            return Point(f.gran, f.date, f.part)
        gran = _GRAN_OF_UNIT[sem.unit]
        base = self._ref_point(gran) if gran == "year" else self._focus_point(gran)
        if base is None:
            return "DATE", _UNKNOWN[gran]
        if sem.anchor == "latest" and self.ref is not None and base.date == floor(self.ref, gran):
            # "the latest quarter/year" reported on is a finished one, not the running one.
            return shift(base, sem.unit, -1)
        return self._completed(base, start, end)

    def _completed(self, p: Point, start: int, end: int) -> Point:
        """A quarter reported on in the past tense is over: not the one still running."""
        if (
            p.gran == "quarter"
            and self.ref is not None
            and floor(self.ref, "quarter") == p.date
            and self._tense(start, end) == "past"
        ):
            return shift(p, "Q", -1)
        return p

    def _r_year_ago(self, sem: Sem, start: int, end: int):
        f = self.focus
        if sem.unit:
            gran = _GRAN_OF_UNIT[sem.unit]
            if sem.n and sem.unit == "Q":
                year = f.date.year if f is not None else (self.ref.year if self.ref else None)
                if year is None:
                    return "DATE", f"XXXX-Q{sem.n}"
                return Point("quarter", dt.date(year - 1, 3 * sem.n - 2, 1))
            base = self._focus_point(gran)
            if base is None:
                return "DATE", _UNKNOWN[gran]
            base = self._completed(base, start, end)
        elif f is not None:
            base = Point(f.gran, floor(f.date, f.gran), f.part)
        elif self.ref is not None:
            base = Point("year", floor(self.ref, "year"))
        else:
            return "DATE", "XXXX"
        p = shift(base, "Y", -1)
        self.focus_hold = True
        return p

    def _r_focus_day(self, sem: Sem, start: int, end: int):
        anchor = self.day_focus.date if self.day_focus is not None else self.ref
        if anchor is None:
            return sem.type, "XXXX-XX-XX" + (f"T{sem.part}" if sem.part else "")
        return Point("day", anchor + dt.timedelta(days=sem.offset), sem.part)

    def _r_year_unit(self, sem: Sem, start: int, end: int):
        """The focus period moved into the named year: "the 1988 quarter", "the 1988 period"."""
        f = self.focus
        if sem.unit in ("", "Q") and f is not None and f.gran in ("quarter", "half", "month"):
            return Point(f.gran, floor(f.date, f.gran).replace(year=sem.year), f.part)
        return Point("year", dt.date(sem.year, 1, 1))

    def _r_weekend(self, sem: Sem, start: int, end: int):
        if sem.anchor == "deictic":
            anchor = self.ref
        else:
            told = self._told_instead(self.day_focus, start, end)
            anchor = told.date if told is not None else self.ref
        if anchor is None:
            return "DATE", "XXXX-WXX-WE"
        direction = sem.direction
        if direction == "same":
            return Point("week", floor(anchor, "week"), "WE")
        fwd_sat = anchor + dt.timedelta(days=(6 - anchor.isoweekday()) % 7)
        back_sat = anchor - dt.timedelta(days=(anchor.isoweekday() - 6) % 7)
        if direction == "after" or (not direction and self._tense(start, end) == "future"):
            sat = fwd_sat
        elif (
            not direction
            and anchor.isoweekday() < 6
            and (self.ref is None or fwd_sat <= self.ref)
            and (fwd_sat - anchor).days < (anchor - back_sat).days - 1
        ):
            # A past weekend told after a late-week date ("fell on Friday ... over the
            # weekend"): the weekend following it, when that one is over by the reference.
            sat = fwd_sat
        else:
            # The weekend holding the anchor, or the one just ended (on a Monday: the
            # Saturday and Sunday before, in the previous ISO week).
            sat = back_sat
        return Point("week", floor(sat, "week"), "WE")

    def _r_focus_weekday(self, sem: Sem, start: int, end: int):
        anchor = (
            self.focus.date if self.focus is not None and self.focus.gran == "day" else self.ref
        )
        if anchor is None:
            return "DATE", f"XXXX-WXX-{sem.weekday}"
        aw = anchor.isoweekday()
        if sem.offset < 0:
            delta = -((aw - sem.weekday) % 7 or 7)
        elif sem.offset > 0:
            delta = (sem.weekday - aw) % 7 or 7
        else:
            delta = sem.weekday - aw
        return Point("day", anchor + dt.timedelta(days=delta))

    def _r_shift(self, sem: Sem, start: int, end: int):
        gran = _GRAN_OF_UNIT.get(sem.unit)
        if gran is None or sem.n is None or sem.n != int(sem.n):
            return "DATE", "PAST_REF" if sem.offset < 0 else "FUTURE_REF"
        n = int(sem.n) * sem.offset
        if sem.anchor == "focus":
            f = self.focus
            if f is not None and gran in ("day", "week") and f.gran not in ("day", "week"):
                f = self.day_focus
            if f is not None and f.gran == "day":
                f = self._told_instead(f, start, end)
            base = Point(f.gran, floor(f.date, f.gran), f.part) if f is not None else None
            if base is not None and base.gran in ("century", "decade") and gran != base.gran:
                base = None
            if base is None:
                base = self._ref_point(gran)
            elif base.gran == "day" and gran != "day":
                base = Point(gran, floor(base.date, gran))
        else:
            base = self._ref_point(gran)
            f = self.focus
            if (
                gran == "year"
                and f is not None
                and f.gran == "quarter"
                and self.ref is not None
                and f.date.year == self.ref.year
            ):
                base = Point("quarter", f.date)
        if base is None:
            return "DATE", _UNKNOWN[gran]
        if sem.unit == "Y" and n == -1:
            # "a year earlier/ago" is a comparison period: the story's focus stays put.
            self.focus_hold = True
        return shift(base, sem.unit, n)

    def _r_duration(self, sem: Sem, start: int, end: int):
        return "DURATION", duration_value(sem.unit, sem.n)

    def _r_set(self, sem: Sem, start: int, end: int):
        if sem.value:
            return "SET", sem.value
        if sem.weekday is not None:
            return "SET", f"XXXX-WXX-{sem.weekday}"
        return "SET", duration_value(sem.unit, sem.n)

    def _r_quarter(self, sem: Sem, start: int, end: int):
        code = sem.unit
        year = sem.year
        if year is None and "short_year" in sem.extra:
            year = _expand_short_year(sem.extra["short_year"], self.ref)
        if year is None and self.ref is not None and sem.anchor == "deictic":
            year = self.ref.year + sem.offset
        if year is None and self.ref is not None:
            year = self.ref.year
            current = (self.ref.month - 1) // (3 if code == "Q" else 6) + 1
            if self._tense(start, end) == "past" and sem.n > current:
                year -= 1
        if year is None:
            return "DATE", f"XXXX-{code}{sem.n}"
        months = 3 if code == "Q" else 6
        return Point(
            "quarter" if code == "Q" else "half", dt.date(year, (sem.n - 1) * months + 1, 1)
        )

    def _r_season(self, sem: Sem, start: int, end: int):
        year = sem.year
        first = SEASON_MONTHS[sem.value][0]
        if year is None:
            year = self._year_for(first, start, end, sem.direction)
        if year is None:
            return "DATE", f"XXXX-{sem.value}"
        return Point("season", dt.date(year, first, 1), sem.value)

    def _r_short_year(self, sem: Sem, start: int, end: int):
        year = _expand_short_year(sem.n, self.ref)
        if year is None:
            return "DATE", f"XX{sem.n:02d}"
        return Point("year", dt.date(year, 1, 1))

    def _r_decade(self, sem: Sem, start: int, end: int):
        return Point("decade", dt.date(sem.year, 1, 1))

    def _r_short_decade(self, sem: Sem, start: int, end: int):
        year = _expand_short_year(sem.n, self.ref)
        if year is None:
            return "DATE", f"XX{sem.n // 10}"
        return Point("decade", dt.date(year, 1, 1))

    def _r_century(self, sem: Sem, start: int, end: int):
        return "DATE", f"{sem.n - 1:02d}"

    def _r_clock(self, sem: Sem, start: int, end: int):
        clock = f"T{sem.hour:02d}:{sem.minute:02d}"
        f = self.focus
        if f is not None and f.gran == "day":
            return "TIME", f.date.isoformat() + clock
        if self.ref is not None:
            return "TIME", self.ref.isoformat() + clock
        return "TIME", "XXXX-XX-XX" + clock

    def _r_after_that(self, sem: Sem, start: int, end: int):
        if self.focus is None:
            return ("DATE", self.loose_focus) if self.loose_focus else None
        return "DATE", fmt(self.focus)

    def _r_holiday(self, sem: Sem, start: int, end: int):
        year = sem.year
        if year is None:
            probe = holiday_date(sem.value, self.ref.year) if self.ref else None
            if probe is None:
                return "DATE", "XXXX-XX-XX"
            year = self._year_for(probe.month, start, end, sem.direction)
            if sem.direction == "before" and probe >= self.ref:
                year = self.ref.year - 1
            elif sem.direction == "before":
                year = self.ref.year
        d = holiday_date(sem.value, year)
        return Point("day", d) if d else None


_LOOSE = re.compile(r"XXXX-(?:\d\d|Q[1-4]|H[12]|SP|SU|FA|WI|W\d\d)")


def _loose_shift(value: str, gran: str, offset: int) -> str:
    """An anaphor of a year-less value: "that same month" after XXXX-04 is XXXX-04."""
    if gran == "year":
        return "XXXX"
    m = re.match(r"XXXX-(\d\d)", value)
    if gran == "month" and m:
        return f"XXXX-{(int(m.group(1)) - 1 + offset) % 12 + 1:02d}"
    if offset == 0 and gran in ("quarter", "half", "season") and value.count("-") == 1:
        return value
    return _UNKNOWN[gran]


def _expand_short_year(n: int, ref: dt.date | None) -> int | None:
    """A two-digit year in the century that puts it nearest the reference."""
    if ref is None:
        return None
    base = ref.year // 100 * 100
    candidates = (base - 100 + n, base + n, base + 100 + n)
    return min(candidates, key=lambda y: abs(y - ref.year))


_DURATION_UNITS = {
    "S": ("T", "S", 1),
    "MIN": ("T", "M", 1),
    "H": ("T", "H", 1),
    "D": ("", "D", 1),
    "WE": ("", "D", 2),
    "W": ("", "W", 1),
    "FN": ("", "W", 2),
    "M": ("", "M", 1),
    "Q": ("", "Q", 1),
    "Y": ("", "Y", 1),
    "DE": ("", "Y", 10),
    "CE": ("", "Y", 100),
}
_FINER = {"Y": ("M", 12), "M": ("D", 30), "W": ("D", 7), "D": ("H", 24), "H": ("MIN", 60)}


def duration_value(unit: str, n: float | None) -> str:
    """TIMEX3 duration value: `P3M`, `PT5H`, `P20Y`, `PXY` when the count is vague."""
    if n is not None and n != int(n):
        if unit in _FINER and (n * _FINER[unit][1]) == int(n * _FINER[unit][1]):
            finer, factor = _FINER[unit]
            return duration_value(finer, n * factor)
    t, code, factor = _DURATION_UNITS[unit]
    if n is None:
        vague_code = {"DE": "DE", "CE": "CE", "WE": "WE", "FN": "W"}.get(unit, code)
        return f"P{t}X{vague_code}"
    amount = n * factor
    amount_s = str(int(amount)) if amount == int(amount) else f"{amount:g}"
    return f"P{t}{amount_s}{code}"


def holiday_date(name: str, year: int) -> dt.date | None:
    """Date of a named (US-centred) holiday in `year`."""
    fixed = {
        "christmas day": (12, 25),
        "christmas": (12, 25),
        "christmas eve": (12, 24),
        "new year's day": (1, 1),
        "new year's eve": (12, 31),
        "independence day": (7, 4),
        "halloween": (10, 31),
        "valentine's day": (2, 14),
        "veterans day": (11, 11),
        "boxing day": (12, 26),
        "st. patrick's day": (3, 17),
        "inauguration day": (1, 20),
    }
    if not 1 < year < 9999:
        return None
    if name in fixed:
        return dt.date(year, *fixed[name])
    if name.startswith("thanksgiving"):
        return _nth_weekday(year, 11, 4, 4)
    if name == "labor day":
        return _nth_weekday(year, 9, 1, 1)
    if name == "memorial day":
        last = dt.date(year, 5, 31)
        return last - dt.timedelta(days=(last.isoweekday() - 1) % 7)
    if name.startswith("easter"):
        return _easter(year)
    if name == "good friday":
        return _easter(year) - dt.timedelta(days=2)
    if name == "election day":
        return _nth_weekday(year, 11, 1, 1) + dt.timedelta(days=1)
    if name == "mother's day":
        return _nth_weekday(year, 5, 7, 2)
    if name == "father's day":
        return _nth_weekday(year, 6, 7, 3)
    if name.startswith("martin luther king"):
        return _nth_weekday(year, 1, 1, 3)
    if name.startswith("presidents"):
        return _nth_weekday(year, 2, 1, 3)
    if name == "columbus day":
        return _nth_weekday(year, 10, 1, 2)
    return None


def _nth_weekday(year: int, month: int, weekday: int, nth: int) -> dt.date:
    first = dt.date(year, month, 1)
    delta = (weekday - first.isoweekday()) % 7
    return first + dt.timedelta(days=delta + 7 * (nth - 1))


def _easter(year: int) -> dt.date:
    """Western Easter Sunday by the Meeus/Jones/Butcher computus."""
    a = year % 19
    b, c = divmod(year, 100)
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l_) // 451
    month, day = divmod(h + l_ - 7 * m + 114, 31)
    return dt.date(year, month, day + 1)
