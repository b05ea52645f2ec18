"""The events as CSV for spreadsheets: one row per event, its sources joined in one cell.

One row per event keeps a row count equal to the event count, so sorting, filtering and
counting in a spreadsheet mean what a reader expects; the sources cell holds one line per
passage. Every text cell is guarded against formula injection: a spreadsheet must show a
title such as `=HYPERLINK(...)` as text, never run it.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable

from timeline.models import Event, Timeline

COLUMNS = [
    "id",
    "date",
    "end_date",
    "precision",
    "period_start",
    "period_end",
    "status",
    "disputed",
    "title",
    "summary",
    "entities",
    "source_count",
    "sources",
    "url",
]
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
BYTE_ORDER_MARK = "\ufeff"
"""Excel reads a CSV as UTF-8 only when it starts with one; other readers skip it."""


def safe_cell(value: object) -> str:
    """The value as text a spreadsheet will not evaluate (an apostrophe before a formula)."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_PREFIXES) else text


def events_csv(events: Iterable[Event], *, timeline: Timeline, base_url: str) -> str:
    buffer = io.StringIO()
    buffer.write(BYTE_ORDER_MARK)
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for event in events:
        writer.writerow([safe_cell(value) for value in _row(event, base_url)])
    return buffer.getvalue()


def _row(event: Event, base_url: str) -> list[object]:
    period = event.period
    evidence = list(event.evidence.all())
    return [
        event.pk,
        event.iso_date,
        event.end_date.isoformat() if event.end_date else None,
        event.precision,
        period[0].isoformat() if period else None,
        period[1].isoformat() if period else None,
        event.status,
        "yes" if event.disputed else "no",
        event.title,
        event.summary,
        "; ".join(entity.name for entity in event.entities.all()),
        event.source_article_count,
        "\n".join(f"{item.article.title}: “{item.quote}”" for item in evidence),
        base_url + event.get_absolute_url(),
    ]
