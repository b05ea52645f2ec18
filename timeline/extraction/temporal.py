"""Temporal tagger: find TIMEX3 time expressions in English news text and normalise them.

`tag(text, reference)` returns `TimeMention`s (start, end, text, type, value, mod,
anchor_value) in
text order, with `text[m.start:m.end] == m.text`. It runs in three steps:

1. **Find** (`timex_patterns`, words from `timex_lexicon`): one pass over the words marks
   trigger words (month and weekday names, unit words, deictic adverbs, digits, ...);
   about sixty compiled regular expressions then scan only the windows around their
   triggers and propose candidate extents with an unresolved meaning (`Sem`). Extents follow TimeML
   and TimeBank practice: determiners and modifiers belong to the expression ("the
   third quarter", "the past two years", "early next year", "nearly three years",
   "more than four decades ago"); prepositions and vague quantifiers do not ("in 2023"
   -> "2023", "about two weeks" -> "two weeks", with mod APPROX), except before a point
   in time ("about two years ago", "around 7:15 p.m.", "a week or so ago"); a weekday in
   apposition to a date is part of it ("Monday, March 18, 2013"); a year range gives two
   years; years read out in words are years ("nineteen ninety-six", "the year two
   thousand"); capitalised time words mid-sentence are titles ("60 Minutes"), except in
   headlines; "three days later" is the duration "three days", as TimeBank marks it; the verb
   "last" stays out ("expected to last two days" -> "two days"); a day counted within an
   event ("the second day of the talks") is a date whose value the text does not give
   (`XXXX-XX-XX`). "Right after
   that" is no TimeML expression, but the timeline needs it: it gets the focus date with
   mod AFTER. Overlaps are settled longest-first; then a modifier right before a kept candidate
   ("early", "late", "mid-", "the end of") is folded in and sets `mod`.
2. **Filter**: mentions inside page furniture (`boilerplate.boilerplate_spans`: fact
   boxes like "Founded date: 2015", share prompts) are dropped. The traps of news text
   are handled in the patterns themselves: month names are case-sensitive and a bare
   "May"/"March" needs a preposition, four-digit numbers must read as years (not
   "$2014", "2000 staff", "Windows 2000"), ages ("the 28-year-old") are not durations,
   and version numbers ("Llama 3.1", "GPT-5", "Opus 4.5") never match because years need
   four digits and durations a unit word.
3. **Resolve** (`timex_resolve`): in reading order, each meaning becomes a value.
   Deictic expressions count from the reference date; anaphoric ones ("that same
   month", "the following week", "a year earlier", "right after that") from the
   discourse focus, the last calendar date the text mentioned (as HeidelTime does);
   comparison periods ("the year-ago quarter") do not move the focus. Months, days and
   weekdays without a year pick the nearest such date, biased by the tense of their
   sentence (read from the verb the expression attaches to in its clause, then from
   auxiliaries and past-tense verbs). With `reference=None` nothing
   is guessed: deictic values come out X-filled (`XXXX-04`, `XXXX-WXX-4`) or as
   `PRESENT_REF`; anaphora still follow a focus the text itself set. Today's date is
   never used. A duration counted from the story's current date ("two days later",
   "a week afterwards") keeps its TimeML value (`P2D`) but also gets `anchor_value`: the
   date it points to, counted from the focus ("2025-05-04"), which then becomes the
   focus; "" when no focus date is fine enough to count from.

dateparser is used only for numeric absolute dates (`06/11/2025`) that a rule has
already isolated (`timex_dateparser`), never on whole texts: it is slow and, run over
free text, finds dates in ordinary words.

Deliberately not done: no parsing or POS tagging (tense comes from word patterns, so a
future event told in the past tense can land a year early); no event anchoring ("two
days after the attack" gives the duration "two days" only, with no `anchor_value`); no
temporal relations; English only; no time-zone arithmetic; ages
are not annotated; and no guessing of an article's date (see `document_date`).
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_right

from timeline.extraction.boilerplate import boilerplate_spans
from timeline.extraction.records import TimeMention
from timeline.extraction.timex_patterns import find_candidates, modifier_prefix, select
from timeline.extraction.timex_resolve import Resolver

__all__ = ["TimeMention", "tag"]

_MOD_KINDS = frozenset(
    {
        "absolute",
        "month",
        "relative",
        "season",
        "decade",
        "short_decade",
        "century",
        "quarter",
        "the_unit",
        "day_offset",
        "weekday",
        "short_year",
        "month_day",
    }
)


def tag(text: str, reference: dt.date | None) -> list[TimeMention]:
    """All time expressions of `text`, resolved against `reference` (the article's date).

    `reference` may be None when the article's date is unknown: relative expressions then
    get underspecified values instead of guesses.
    """
    if isinstance(reference, dt.datetime):
        reference = reference.date()
    if not text:
        return []
    chosen = select(find_candidates(text))
    furniture = boilerplate_spans(text)
    starts = [s for s, _ in furniture]
    resolver = Resolver(text, reference)
    out: list[TimeMention] = []
    for cand in chosen:
        if _inside(furniture, starts, cand.start, cand.end):
            continue
        start = cand.start
        if cand.sem.kind in _MOD_KINDS and not cand.sem.mod:
            prefix = modifier_prefix(text, start)
            if prefix is not None and (not out or out[-1].end <= prefix[0]):
                start, cand.sem.mod = prefix
        try:
            resolved = resolver.resolve(cand.sem, cand.start, cand.end)
        except (ValueError, OverflowError):
            resolved = None
        if resolved is None:
            continue
        typ, value, mod = resolved
        if (
            typ in ("DATE", "TIME")
            and mod in ("", "START", "MID", "END")
            and not value.endswith("_REF")
            and not text.startswith(("'s", "’s"), cand.end)
        ):
            around = _AROUND.search(text, max(0, start - 12), start)
            if around and (not out or out[-1].end <= around.start()):
                # A point in time keeps "around": "around 7:15 p.m.", "around Nov. 1".
                start, mod = around.start(), mod or "APPROX"
        anchor = ""
        if typ == "DURATION" and cand.sem.kind == "duration":
            counted = _COUNTED.match(text, cand.end)
            if counted:
                sign = 1 if counted.group("later") else -1
                try:
                    anchor = resolver.anchor(cand.sem.unit, cand.sem.n, sign, cand.start, cand.end)
                except (ValueError, OverflowError):
                    anchor = ""  # "a century earlier" than the year 100: no calendar date
        out.append(TimeMention(start, cand.end, text[start : cand.end], typ, value, mod, anchor))
    return out


_AROUND = re.compile(r"(?<![\w-])(?i:around)\s+$")

# What makes a duration a count from the story's current date: "two days later",
# "a week earlier", "three months after," (but not "two days after the attack": that
# counts from an event, which the tagger does not know).
_COUNTED = re.compile(
    r"\s+(?:(?P<later>later|afterwards?|after(?=\s*(?:[.,;:!?)\"”]|$))|on(?=\s*,))"
    r"|(?P<earlier>earlier|before(?=\s*(?:[.,;:!?)\"”]|$))))\b",
    re.IGNORECASE,
)


def _inside(spans: list[tuple[int, int]], starts: list[int], start: int, end: int) -> bool:
    """Whether [start, end) overlaps one of the sorted, disjoint `spans`."""
    i = bisect_right(starts, start) - 1
    for j in (i, i + 1):
        if 0 <= j < len(spans) and spans[j][0] < end and start < spans[j][1]:
            return True
    return False
