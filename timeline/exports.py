"""The events document: one shape for the JSON API, the export command and the chart.

`date` is an ISO prefix that claims no more than the event's precision (`2025`,
`2025-06`, `2025-06-13`); each source names the article by its original file name and
carries the exact quote and offsets, so any reader can check it against the article.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from timeline.models import Event, EventQuerySet, Evidence


def events_for_export(events: EventQuerySet) -> EventQuerySet:
    """The queryset shape the document needs, in a fixed number of queries."""
    return events.chronological().with_panel_data()


def event_document(event: Event) -> dict[str, Any]:
    period = event.period
    return {
        "id": event.pk,
        "title": event.title,
        "summary": event.summary,
        "date": event.iso_date,
        "end_date": event.end_date.isoformat() if event.end_date else None,
        "precision": event.precision,
        "status": event.status,
        "kind": event.kind,
        "disputed": event.disputed,
        "alternative_dates": event.alternative_dates,
        "period": [period[0].isoformat(), period[1].isoformat()] if period else None,
        "url": event.get_absolute_url(),
        "entities": [entity.name for entity in event.entities.all()],
        "sources": [source_document(evidence) for evidence in event.evidence.all()],
    }


def source_document(evidence: Evidence) -> dict[str, Any]:
    time_expression = None
    if evidence.time_text:
        time_expression = {
            "text": evidence.time_text,
            "start": evidence.time_start,
            "end": evidence.time_end,
            "value": evidence.time_value,
        }
    return {
        "article": evidence.article.file_name or str(evidence.article_id),
        "article_title": evidence.article.title,
        "quote": evidence.quote,
        "start": evidence.start,
        "end": evidence.end,
        "time_expression": time_expression,
    }


def events_document(events: Iterable[Event]) -> dict[str, Any]:
    return {"events": [event_document(event) for event in events]}
