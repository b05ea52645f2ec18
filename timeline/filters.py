"""The reader's filters (entity, date range, status, free text), read from a query string.

One parser serves the page, the chart's JSON, the embed and every export, so a shared
link shows the same events everywhere. A bad value is a `FilterError` (the views answer
400), never a crash and never silently ignored.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass, fields
from urllib.parse import urlencode

from timeline.models import Entity, Event, EventQuerySet, Timeline, period_end

_PARTIAL_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
MAX_QUERY_LENGTH = 200
STATUSES = ("proposed", "approved")


class FilterError(ValueError):
    """A query parameter with a value we cannot use; the message names it."""


@dataclass(frozen=True)
class EventFilter:
    entity: str = ""
    start: dt.date | None = None
    end: dt.date | None = None
    status: str = ""
    q: str = ""

    @classmethod
    def from_query(cls, params: Mapping[str, str]) -> EventFilter:
        entity = params.get("entity", "").strip()[:200]
        status = params.get("status", "").strip()
        if status and status not in STATUSES:
            raise FilterError(f"status must be one of {', '.join(STATUSES)}")
        q = params.get("q", "").strip()
        if len(q) > MAX_QUERY_LENGTH:
            raise FilterError(f"q is longer than {MAX_QUERY_LENGTH} characters")
        start = _parse_date("from", params.get("from", ""), last=False)
        end = _parse_date("to", params.get("to", ""), last=True)
        if start and end and end < start:
            raise FilterError("to comes before from")
        return cls(entity=entity, start=start, end=end, status=status, q=q)

    @property
    def active(self) -> bool:
        return any(getattr(self, f.name) for f in fields(self))

    def query_params(self) -> dict[str, str]:
        """The filter as query parameters, for links that keep it."""
        params = {
            "entity": self.entity,
            "from": self.start.isoformat() if self.start else "",
            "to": self.end.isoformat() if self.end else "",
            "status": self.status,
            "q": self.q,
        }
        return {key: value for key, value in params.items() if value}

    def querystring(self) -> str:
        params = self.query_params()
        return "?" + urlencode(params) if params else ""

    def apply(self, events: EventQuerySet, timeline: Timeline) -> EventQuerySet:
        events = events.in_range(self.start, self.end)
        if self.entity:
            entity = Entity.objects.filter(timeline=timeline, name__iexact=self.entity).first()
            events = events.for_entity(entity) if entity else events.none()
        if self.status:
            events = events.filter(status=self.status)
        if self.q:
            events = events.matching(self.q)
        return events


def _parse_date(name: str, raw: str, *, last: bool) -> dt.date | None:
    """`2025`, `2025-06` or `2025-06-13`; a partial date means its first or last day."""
    raw = raw.strip()
    if not raw:
        return None
    match = _PARTIAL_DATE.match(raw)
    if not match:
        raise FilterError(f"{name} must be a date like 2025, 2025-06 or 2025-06-13")
    year, month, day = (int(part) if part else None for part in match.groups())
    try:
        if month is None:
            return dt.date(year, 12, 31) if last else dt.date(year, 1, 1)
        if day is None:
            first = dt.date(year, month, 1)
            return period_end(first, "month") if last else first
        return dt.date(year, month, day)
    except ValueError:
        raise FilterError(f"{name} is not a calendar date") from None


def status_choices() -> list[tuple[str, str]]:
    return [(value, label) for value, label in Event.Status.choices if value in STATUSES]
