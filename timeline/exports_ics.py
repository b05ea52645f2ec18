"""The events as an iCalendar file, for calendar programs.

Events are all-day: a day event is one VEVENT day (`DTSTART;VALUE=DATE`), and a week,
month, quarter or year event spans its whole period, with DTEND the day after its last
day as RFC 5545 wants. A calendar cannot say "some day in June", so the description says
the precision in words; an undated event has no place in a calendar and is left out.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from urllib.parse import urlsplit

from icalendar import Calendar
from icalendar import Event as CalendarEvent

from timeline.models import Event, Precision, Timeline

PRODUCT_ID = "-//timeline//events export//EN"
STATUSES = {Event.Status.PROPOSED: "TENTATIVE", Event.Status.APPROVED: "CONFIRMED"}


def events_ics(events: Iterable[Event], *, timeline: Timeline, base_url: str) -> str:
    calendar = Calendar()
    calendar.add("prodid", PRODUCT_ID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", timeline.title)
    host = urlsplit(base_url).hostname or "localhost"
    for event in events:
        if event.period is not None:
            calendar.add_component(_calendar_event(event, host=host, base_url=base_url))
    return calendar.to_ical().decode("utf-8")


def _calendar_event(event: Event, *, host: str, base_url: str) -> CalendarEvent:
    first, last = event.period
    item = CalendarEvent()
    item.add("uid", f"event-{event.pk}@{host}")
    item.add("dtstamp", event.updated_at.astimezone(dt.UTC))
    item.add("dtstart", first)
    item.add("dtend", last + dt.timedelta(days=1))
    item.add("summary", event.title)
    item.add("description", _description(event, base_url))
    item.add("url", base_url + event.get_absolute_url())
    item.add("status", STATUSES.get(event.status, "TENTATIVE"))
    entities = [entity.name for entity in event.entities.all()]
    if entities:
        item.add("categories", entities)
    return item


def _precision_note(event: Event) -> str:
    """The precision in words, since an all-day span alone reads as a sure date range."""
    if event.end_date:
        return f"Spans {event.date.isoformat()} to {event.end_date.isoformat()}."
    if event.precision == Precision.DAY:
        return f"Day precision: {event.iso_date}."
    label = event.get_precision_display().lower()
    return f"{label.capitalize()} precision: dated only to this {label} ({event.iso_date})."


def _description(event: Event, base_url: str) -> str:
    lines = [_precision_note(event)]
    if event.disputed:
        lines.append("Sources disagree on the date.")
    if event.summary:
        lines += ["", event.summary]
    evidence = list(event.evidence.all())
    if evidence:
        lines += ["", "Sources:"]
        lines += [f"- {item.article.title}: “{item.quote}”" for item in evidence]
    lines += ["", base_url + event.get_absolute_url()]
    return "\n".join(lines)
