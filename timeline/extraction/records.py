"""Plain records that the extraction pipeline hands to its callers.

Every stage of `timeline.extraction` speaks in these frozen dataclasses so that the
Django side (which stores them) and the benchmarks (which only count them) need to
know nothing about how they were produced. Offsets are always character offsets
into the article text exactly as it was read: `text[start:end]` is the thing itself.

Nothing here imports Django.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

PRECISIONS = ("day", "week", "month", "season", "quarter", "half", "year", "decade")
"""Calendar granularities, finest first. An event keeps the finest one its text supports."""


@dataclass(frozen=True, slots=True)
class Passage:
    """A sentence (or a heading line) of an article, with its offsets."""

    start: int
    end: int
    text: str
    paragraph: int
    boilerplate: bool = False


@dataclass(frozen=True, slots=True)
class TimeMention:
    """A TIMEX3-style time expression found in a text.

    `value` follows TimeML: `2025-06-13`, `2025-06`, `2025-W24`, `2025-Q2`, `2025-SU`,
    `P3M`, `PRESENT_REF`, `XXXX-04` (no year can be known), and so on.
    """

    start: int
    end: int
    text: str
    type: str
    value: str
    mod: str = ""
    # For a DURATION counted from the story's current date ("two days later", "a week
    # afterwards", "three years on,"): the calendar value it points to, counted from the
    # discourse focus (the last date the text mentioned), e.g. "2025-05-04" for "two days
    # later" after "May 2"; days and weeks from a day give a day, longer units their own
    # precision ("2025-07" for "two months later"). "" for every other mention, and when
    # no focus date fine enough to count from is known. ("A week earlier", "a year
    # after," are DATEs already: their `value` is the date.)
    anchor_value: str = ""


@dataclass(frozen=True, slots=True)
class ReferenceDate:
    """An article's own date and where in the text (if anywhere) it was stated."""

    date: dt.date
    source: str
    start: int | None = None
    end: int | None = None
    reason: str = ""


@dataclass(frozen=True, slots=True)
class DateSpan:
    """A calendar interval at a precision: what a resolved TIMEX3 value denotes."""

    start: dt.date
    end: dt.date
    precision: str

    @property
    def iso(self) -> str:
        """The ISO prefix a reader sees: `2025`, `2025-06` or `2025-06-13`."""
        if self.precision in ("day", "week"):
            return self.start.isoformat()
        if self.precision == "month":
            return self.start.isoformat()[:7]
        return str(self.start.year)


@dataclass(frozen=True, slots=True)
class Evidence:
    """One passage of one article that reports an event, and the expression that dated it."""

    article: str
    start: int
    end: int
    quote: str
    time_text: str = ""
    time_start: int | None = None
    time_end: int | None = None
    time_value: str = ""


@dataclass(frozen=True, slots=True)
class EntityRecord:
    """A named participant of an event: a person, organisation, product or other."""

    name: str
    kind: str
    aliases: tuple[str, ...] = ()


@dataclass(slots=True)
class EventRecord:
    """One real-world happening, with every passage that reports it.

    `alternatives` lists other dates that some evidence gave for the same happening:
    a disagreement kept visible instead of averaged away.
    """

    title: str
    summary: str
    date: DateSpan | None
    evidence: list[Evidence]
    entities: list[EntityRecord] = field(default_factory=list)
    alternatives: list[DateSpan] = field(default_factory=list)
    kind: str = ""

    @property
    def disputed(self) -> bool:
        return bool(self.alternatives)


@dataclass(frozen=True, slots=True)
class ArticleInput:
    """What the pipeline needs of an article: a stable key, its text and its known date."""

    key: str
    text: str
    published: dt.date | None = None
    published_source: str = "unknown"


@dataclass(slots=True)
class ArticleReading:
    """What one article yields on its own, before events are merged across articles."""

    key: str
    passages: list[Passage]
    mentions: list[TimeMention]
    reference: ReferenceDate | None


@dataclass(slots=True)
class TimelineExtraction:
    """The pipeline's whole answer for a set of articles."""

    readings: dict[str, ArticleReading]
    events: list[EventRecord]
    errors: dict[str, str] = field(default_factory=dict)
