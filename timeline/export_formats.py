"""The export formats, by name: what each is called, its content type and how it is written.

The web exports and `manage.py export_events` both go through `render_export`, so a
file downloaded from the site and one written by the command are the same bytes for the
same filters. The JSON format is `timeline.exports`' events document, unchanged.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from timeline.exports import events_document, events_for_export
from timeline.exports_csv import events_csv
from timeline.exports_ics import events_ics
from timeline.exports_timelinejs import timelinejs_document
from timeline.filters import EventFilter
from timeline.models import Event, EventQuerySet, Timeline

Renderer = Callable[..., str]


@dataclass(frozen=True)
class ExportFormat:
    name: str
    content_type: str
    file_name: str
    attachment: bool
    """Spreadsheets and calendars are files to save; JSON stays readable in a browser tab."""
    render: Renderer

    def download_name(self, timeline: Timeline) -> str:
        return f"{timeline.slug}-{self.file_name}"


def _readable_json(document: dict) -> str:
    """A JSON file a person may open: indented, UTF-8 text as it is, a final newline."""
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def _events_json(events: EventQuerySet, *, timeline: Timeline, base_url: str) -> str:
    return _readable_json(events_document(events))


def _timelinejs_json(events: Iterable[Event], *, timeline: Timeline, base_url: str) -> str:
    return _readable_json(timelinejs_document(events, timeline=timeline, base_url=base_url))


FORMATS = {
    fmt.name: fmt
    for fmt in [
        ExportFormat("json", "application/json", "events.json", False, _events_json),
        ExportFormat("csv", "text/csv; charset=utf-8", "events.csv", True, events_csv),
        ExportFormat("ics", "text/calendar; charset=utf-8", "events.ics", True, events_ics),
        ExportFormat("timelinejs", "application/json", "timelinejs.json", False, _timelinejs_json),
    ]
}


def exported_events(timeline: Timeline, event_filter: EventFilter) -> EventQuerySet:
    """What every export holds: the timeline's published events that pass the filters.

    Entities and passages are prefetched for the formats that walk each event's; the JSON
    document reads the same queryset as flat rows, which leaves the prefetch unused.
    """
    events = event_filter.apply(Event.objects.in_timeline(timeline).published(), timeline)
    return events_for_export(events).with_panel_data()


def render_export(
    fmt: ExportFormat, timeline: Timeline, event_filter: EventFilter, *, base_url: str
) -> str:
    events = exported_events(timeline, event_filter)
    return fmt.render(events, timeline=timeline, base_url=base_url)
