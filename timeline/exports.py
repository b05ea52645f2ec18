"""The events document: one shape for the JSON API, the export command and the chart.

`date` is an ISO prefix that claims no more than the event's precision (`2025`,
`2025-06`, `2025-06-13`); each source names the article by its original file name and
carries the exact quote and offsets, so any reader can check it against the article.

The document is built from three flat queries (events with their source counts, their
entities, their passages; the chart's form skips the passages) read as tuples, not model
instances: with 10,000 events and 20,000 passages the ORM's objects alone cost seconds,
and this document feeds the chart on every page load.
"""

from __future__ import annotations

import datetime as dt
import gc
import json
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from django.db.models import CharField, F, TextField
from django.db.models.functions import Cast
from django.urls import reverse

from timeline.models import Article, Event, EventQuerySet, Evidence, iso_prefix, period_of

EVENT_FIELDS = (
    "id",
    "title",
    "summary",
    "date_text",
    "end_text",
    "precision",
    "status",
    "kind",
    "alternatives_text",
    "source_count",
)
"""Dates and the alternatives come as the database's text: turning 10,000 of each into
Python dates and lists only to write them out again was a third of the document's time."""
SOURCE_FIELDS = (
    "event_id",
    "article_id",
    "quote",
    "start",
    "end",
    "time_text",
    "time_start",
    "time_end",
    "time_value",
)


def events_for_export(events: EventQuerySet) -> EventQuerySet:
    """The order every export uses: by date, undated events last."""
    return events.chronological()


def events_document(events: EventQuerySet, *, with_quotes: bool = True) -> dict[str, Any]:
    """The document for these events, in their order.

    Without quotes each event still says how many sources it has (`source_count`: the
    articles that report it); the chart asks for that lighter form, a fifth of the size
    for a large timeline.
    """
    with _collector_paused():
        return _document(events, with_quotes)


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Hold Python's cycle collector while the document's objects are made.

    A large document allocates tens of thousands of dicts and lists, none in a cycle;
    the collector, woken every few hundred allocations, kept rescanning them and took a
    third of the time for 10,000 events. Reference counting still frees everything.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _document(events: EventQuerySet, with_quotes: bool) -> dict[str, Any]:
    rows = list(
        events.with_source_count()
        .annotate(
            date_text=Cast("date", CharField()),
            end_text=Cast("end_date", CharField()),
            alternatives_text=Cast("alternative_dates", TextField()),
        )
        .values_list(*EVENT_FIELDS)
    )
    ids = events.values("id")
    entities: dict[int, list[str]] = defaultdict(list)
    links = Event.entities.through.objects.filter(event_id__in=ids).order_by("entity__name")
    for event_id, name in links.values_list("event_id", "entity__name"):
        entities[event_id].append(name)
    sources: dict[int, list[dict[str, Any]]] = defaultdict(list)
    if with_quotes:
        _collect_sources(Evidence.objects.filter(event_id__in=ids), sources)
    url_pattern = reverse("timeline:event-detail", kwargs={"pk": 0}).replace("/0/", "/{}/")
    return {
        "events": [_event(row, entities, sources, url_pattern, with_quotes) for row in rows],
    }


def _event(
    row: tuple, entities: dict, sources: dict, url_pattern: str, with_quotes: bool
) -> dict[str, Any]:
    pk, title, summary, date, end_date, precision, status, kind, alternatives, source_count = row
    alternatives = json.loads(alternatives) if alternatives and alternatives != "[]" else []
    document = {
        "id": pk,
        "title": title,
        "summary": summary,
        "date": iso_prefix(date, precision),
        "end_date": end_date,
        "precision": precision,
        "status": status,
        "kind": kind,
        "disputed": bool(alternatives),
        "alternative_dates": alternatives,
        "period": _period(date, end_date, precision),
        "url": url_pattern.format(pk),
        "entities": entities.get(pk, []),
        "source_count": source_count,
    }
    if with_quotes:
        document["sources"] = sources.get(pk, [])
    return document


def _period(date: str | None, end_date: str | None, precision: str) -> list[str] | None:
    if date is None:
        return None
    if end_date or precision == "day":
        return [date, end_date or date]
    first, last = period_of(dt.date.fromisoformat(date), None, precision)
    return [first.isoformat(), last.isoformat()]


def _collect_sources(passages, sources: dict) -> None:
    """Each event's passages in article order: publication date (undated last), article, offset.

    The passages are read in (article, offset) order without a join and grouped here by
    article: joining 20,000 rows to their articles and sorting them by publication date
    in SQL took three times as long as walking the few hundred articles in date order.
    """
    by_article: dict[int, list[tuple]] = defaultdict(list)
    for row in passages.order_by("article_id", "start").values_list(*SOURCE_FIELDS):
        by_article[row[1]].append(row)
    articles = Article.objects.filter(pk__in=list(by_article)).order_by(
        F("published").asc(nulls_last=True), "id"
    )
    for pk, file_name, title in articles.values_list("pk", "file_name", "title"):
        for row in by_article[pk]:
            sources[row[0]].append(_source(row, file_name or str(pk), title))


def _source(row: tuple, file_name: str, title: str) -> dict[str, Any]:
    _, _, quote, start, end, t_text, t_start, t_end, t_value = row
    time_expression = None
    if t_text:
        time_expression = {"text": t_text, "start": t_start, "end": t_end, "value": t_value}
    return {
        "article": file_name,
        "article_title": title,
        "quote": quote,
        "start": start,
        "end": end,
        "time_expression": time_expression,
    }
