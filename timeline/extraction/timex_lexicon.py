"""The vocabulary of English time expressions, as data and regex building blocks.

Month, weekday, season, unit and number words with what they mean; the regular
expression pieces the rules are assembled from (`MONTH`, `DAY`, `YEAR`, `NUM`, `UNIT`,
`TIME_OF_DAY`, ...); and the two records the finder hands to the resolver: `Sem`, the
unresolved meaning of a candidate, and `Candidate`, its extent.

Month and weekday names are matched case-sensitively (Capitalised or UPPER) so that the
verbs "may" and "march" never fire; everything else is case-insensitive.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

MONTHS = {
    "january": 1,
    "jan": 1,
    "february": 2,
    "feb": 2,
    "march": 3,
    "mar": 3,
    "april": 4,
    "apr": 4,
    "may": 5,
    "june": 6,
    "jun": 6,
    "july": 7,
    "jul": 7,
    "august": 8,
    "aug": 8,
    "september": 9,
    "sept": 9,
    "sep": 9,
    "october": 10,
    "oct": 10,
    "november": 11,
    "nov": 11,
    "december": 12,
    "dec": 12,
}

WEEKDAYS = {
    "monday": 1,
    "mon": 1,
    "tuesday": 2,
    "tue": 2,
    "tues": 2,
    "wednesday": 3,
    "wed": 3,
    "thursday": 4,
    "thu": 4,
    "thur": 4,
    "thurs": 4,
    "friday": 5,
    "fri": 5,
    "saturday": 6,
    "sat": 6,
    "sunday": 7,
    "sun": 7,
}

SEASONS = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}
# The first and last month of each season (northern, meteorological).
SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 2)}

NUMBER_WORDS = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "hundred": 100,
    "a couple of": 2,
    "a couple": 2,
    "couple of": 2,
    "a dozen": 12,
    "dozen": 12,
}
VAGUE_NUMBERS = ("a few", "few", "several", "some", "many", "a number of", "numerous")

ORDINALS = {
    "first": 1,
    "1st": 1,
    "second": 2,
    "2nd": 2,
    "third": 3,
    "3rd": 3,
    "fourth": 4,
    "4th": 4,
    "last": 4,
}

UNITS = {
    "second": "S",
    "minute": "MIN",
    "hour": "H",
    "day": "D",
    "night": "D",
    "week": "W",
    "weekend": "WE",
    "fortnight": "FN",
    "month": "M",
    "quarter": "Q",
    "year": "Y",
    "decade": "DE",
    "century": "CE",
    "centurie": "CE",
}

PARTS_OF_DAY = {
    "morning": "MO",
    "afternoon": "AF",
    "evening": "EV",
    "night": "NI",
    "overnight": "NI",
}


def alternation(words) -> str:
    """A regex alternation of `words`, longest first so that prefixes never win."""
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


def cased(words) -> str:
    """Alternation accepting each word Capitalised or in upper case (never lower)."""
    forms = set()
    for w in words:
        forms.add(w.capitalize())
        forms.add(w.upper())
    return alternation(forms)


FULL_MONTHS = [m for m in MONTHS if len(m) > 4 or m in ("may", "june", "july")]
ABBR_MONTHS = [m for m in MONTHS if m not in FULL_MONTHS]
# An abbreviation needs its period or a following digit, so "Mar" or "Jan" as names stay out.
MONTH = rf"(?:(?:{cased(FULL_MONTHS)})\b|(?:{cased(ABBR_MONTHS)})(?:\.|\b(?=\s*\d)))"
FULL_WEEKDAYS = [w for w in WEEKDAYS if w.endswith("day")]
WEEKDAY = rf"(?:(?:{cased(FULL_WEEKDAYS)})\b)"
ABBR_WEEKDAYS = [w for w in WEEKDAYS if w not in FULL_WEEKDAYS]
WEEKDAY_ANY = rf"(?:(?:{cased(FULL_WEEKDAYS)})\b|(?:{cased(ABBR_WEEKDAYS)})\.?(?=[\s,]))"
DAY = r"(?:0?[1-9]|[12][0-9]|3[01])(?:st|nd|rd|th)?\b"
# "March 16-17": a day range is one mention, dated by its first day.
DAY_SPAN = rf"{DAY}(?:\s*[-–]\s*{DAY})?"
YEAR = r"(?:1[6-9]\d\d|20\d\d)"
_ONES = "one|two|three|four|five|six|seven|eight|nine"
_TEENS = "ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen"
_TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
NUM = (
    rf"(?:\d+(?:\.\d+|\s+1/2)?|(?i:(?:{_TENS})[- ](?:{_ONES}))"
    rf"|(?i:{alternation(NUMBER_WORDS)}))"
)
VAGUE = rf"(?i:{alternation(VAGUE_NUMBERS)})"
UNIT = rf"(?i:{'|'.join(UNITS)})"
SEASON = rf"(?i:{alternation(SEASONS)})"

# Years read out in words, as broadcast transcripts write them: "nineteen ninety-six",
# "nineteen hundred", "two thousand and one".
SPELLED_YEAR = (
    rf"(?i:(?:eighteen|nineteen)[\s-]+(?:hundred|oh[\s-]+(?:{_ONES})|{_TEENS}"
    rf"|(?:{_TENS})(?:[\s-]+(?:{_ONES}))?)"
    rf"|two\s+thousand(?:\s+(?:and\s+)?(?:{_TEENS}|{_ONES}))?)"
)
_SMALL = {w: i + 1 for i, w in enumerate(_ONES.split("|"))}
_SMALL.update({w: i + 10 for i, w in enumerate(_TEENS.split("|"))})
_SMALL.update({w: 20 + 10 * i for i, w in enumerate(_TENS.split("|"))})


def spelled_year_value(words: str) -> int | None:
    """The year a SPELLED_YEAR match denotes ("nineteen ninety-six" -> 1996)."""
    parts = [w for w in re.split(r"[\s-]+", words.lower()) if w not in ("and", "oh")]
    if parts[:2] == ["two", "thousand"]:
        return 2000 + sum(_SMALL.get(w, 0) for w in parts[2:])
    if not parts or parts[0] not in ("eighteen", "nineteen"):
        return None
    century = _SMALL[parts[0]] * 100
    if parts[1:] == ["hundred"]:
        return century
    return century + sum(_SMALL.get(w, 0) for w in parts[1:])


PART_OF_DAY = rf"(?i:{alternation(PARTS_OF_DAY)})"
ORDINAL = rf"(?i:{alternation(ORDINALS)})"
EDGE_L = r"(?<![\w$€£#@./])(?<!\d-)"
EDGE_R = r"(?![\w%$€£@]|[.,]\d|-\w)"
AMPM = r"(?i:[ap]\.m\.|[ap]\.m\b|[ap]m\b)"
TIME_OF_DAY = (
    rf"(?:(?:[01]?\d|2[0-3]):[0-5]\d(?:\s*{AMPM})?"
    rf"|(?:1[0-2]|0?[1-9])(?:[.:][0-5]\d)?\s*{AMPM}"
    r"|(?i:noon|midnight|midday))"
)
# A zone named after a clock time is part of it: "7 p.m. EST", "noon local time", and the
# spelled US zones "8 p.m. Eastern", "9 a.m. Pacific time" (capitalised, so "eastern Syria"
# stays out).
TIME_ZONE = (
    r"(?:\s+(?:[ECMP][SD]T|GMT|UTC|BST|CET|CEST|ET|PT)\b|\s+(?i:local\s+time)\b"
    r"|\s+(?:Eastern|Pacific|Central|Mountain)(?:\s+(?:[Ss]tandard\s+|[Dd]aylight\s+)?[Tt]ime)?"
    r"(?!\s+[A-Z])\b)"
)


@dataclass(slots=True)
class Sem:
    """The unresolved meaning of a candidate: what kind of expression, and its fields.

    `kind` decides how `timex_resolve` computes the value; the other fields are the
    pieces the pattern could read off the text (any of them may be missing).
    """

    kind: str
    type: str = "DATE"
    year: int | None = None
    month: int | None = None
    day: int | None = None
    hour: int | None = None
    minute: int | None = None
    weekday: int | None = None
    unit: str = ""
    n: float | None = None
    offset: int = 0
    value: str = ""
    mod: str = ""
    part: str = ""
    direction: str = ""
    anchor: str = ""
    extra: dict = field(default_factory=dict)


@dataclass(slots=True)
class Candidate:
    """A span of text that looks like a time expression, with its unresolved meaning."""

    start: int
    end: int
    sem: Sem
    priority: int = 0


def number_value(word: str) -> float | None:
    """The number a numeral denotes (`"two"` -> 2, `"twenty-five"` -> 25), None if vague."""
    w = word.lower().replace("-", " ").strip()
    if not w:
        return None
    if w.endswith(" 1/2"):
        w = w[:-4]
        half = 0.5
    else:
        half = 0.0
    try:
        return float(w) + half
    except ValueError:
        pass
    if w in NUMBER_WORDS:
        return float(NUMBER_WORDS[w])
    parts = w.split()
    if len(parts) == 2 and parts[0] in NUMBER_WORDS and parts[1] in NUMBER_WORDS:
        return float(NUMBER_WORDS[parts[0]] + NUMBER_WORDS[parts[1]])
    return None


def month_number(word: str) -> int:
    """Month number of a month name or abbreviation (with or without its period)."""
    return MONTHS[word.lower().rstrip(".")]


def weekday_number(word: str) -> int:
    """ISO weekday number (Monday=1) of a weekday name, ignoring a possessive 's."""
    w = word.lower().rstrip(".")
    if w.endswith("'s"):
        w = w[:-2]
    return WEEKDAYS[w]


def unit_code(word: str) -> str:
    """Normalise a unit word (`"Years"`, `"centuries"`, `"hour"`) to its code in UNITS."""
    w = word.lower()
    if w.endswith("ies"):
        w = w[:-3] + "y"
    elif w.endswith("s"):
        w = w[:-1]
    return UNITS[w]


def compile_rule(pattern: str) -> re.Pattern:
    """Compile a rule pattern between the shared word edges (no partial-word matches)."""
    return re.compile(EDGE_L + "(?:" + pattern + ")" + EDGE_R)
