"""The events in TimelineJS3's JSON format, so the file opens in TimelineJS as it is.

TimelineJS3 reads `{"title": slide, "events": [slide, ...]}`; a slide has `start_date`
(`year`, optional `month`, optional `day`, numbers), an optional `end_date`, and `text`
with `headline` and `text`, both shown as HTML: every value from our data is escaped
here. A date claims no more than the event's precision (a month event gives only year and
month), and a period (quarter, half year, decade, an explicit end) gets an `end_date`.
Undated events have no place on TimelineJS's axis and are left out.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from django.utils.html import format_html, format_html_join

from timeline.models import Event, Precision, Timeline

DAY_PRECISIONS = (Precision.DAY, Precision.WEEK)
YEAR_PRECISIONS = (Precision.YEAR, Precision.DECADE)


def timelinejs_document(
    events: Iterable[Event], *, timeline: Timeline, base_url: str
) -> dict[str, Any]:
    title_text = format_html(
        '{}<p><a href="{}">Every event with its sources</a></p>',
        format_html("<p>{}</p>", timeline.description) if timeline.description else "",
        base_url + timeline.get_absolute_url(),
    )
    return {
        "title": {"text": {"headline": format_html("{}", timeline.title), "text": title_text}},
        "events": [_slide(event, base_url) for event in events if event.date is not None],
    }


def _slide(event: Event, base_url: str) -> dict[str, Any]:
    slide: dict[str, Any] = {
        "start_date": _date(event.date, event.precision),
        "text": {"headline": format_html("{}", event.title), "text": _text(event, base_url)},
        "unique_id": f"event-{event.pk}",
    }
    end = _date(event.period[1], event.precision)
    if event.end_date or end != slide["start_date"]:
        slide["end_date"] = end
    return slide


def _date(day: dt.date, precision: str) -> dict[str, int]:
    if precision in DAY_PRECISIONS:
        return {"year": day.year, "month": day.month, "day": day.day}
    if precision in YEAR_PRECISIONS:
        return {"year": day.year}
    return {"year": day.year, "month": day.month}


def _text(event: Event, base_url: str) -> str:
    summary = format_html("<p>{}</p>", event.summary) if event.summary else ""
    sources = format_html_join(
        "",
        "<blockquote>“{}”<br><cite>{}</cite></blockquote>",
        ((item.quote, item.article.title) for item in event.evidence.all()),
    )
    link = format_html(
        '<p><a href="{}">Sources on the timeline</a></p>', base_url + event.get_absolute_url()
    )
    return summary + sources + link
