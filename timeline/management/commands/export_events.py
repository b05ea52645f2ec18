"""`manage.py export_events --format json|csv|ics|timelinejs`: a timeline's events as a file.

The same files as the site's `/export/...` URLs (and, for json, `/api/events.json`), with
the same filters given as options, so a scheduled export and a download agree.
"""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from timeline.export_formats import FORMATS, render_export
from timeline.filters import EventFilter, FilterError
from timeline.models import Timeline

FILTER_OPTIONS = {"entity": "entity", "from": "start", "to": "end", "status": "status", "q": "q"}
"""Query parameter -> option destination (`from` is a Python keyword)."""


class Command(BaseCommand):
    help = "Export a timeline's published events (json is the document of /api/events.json)."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--format", choices=sorted(FORMATS), default="json")
        parser.add_argument("--timeline", default=settings.TIMELINE_DEFAULT_SLUG)
        parser.add_argument("--output", type=Path, help="Write here instead of standard output.")
        parser.add_argument(
            "--base-url",
            default="http://127.0.0.1:8000",
            help="The site's address, for the links inside csv, ics and timelinejs files.",
        )
        parser.add_argument("--entity", default="", help="Only events with this entity.")
        parser.add_argument("--from", dest="start", default="", help="2025, 2025-06 or a day.")
        parser.add_argument("--to", dest="end", default="", help="2025, 2025-06 or a day.")
        parser.add_argument("--status", default="", help="proposed or approved.")
        parser.add_argument("--q", default="", help="Only events whose text contains this.")

    def handle(self, *args, **options) -> None:
        timeline = Timeline.objects.filter(slug=options["timeline"]).first()
        if timeline is None:
            raise CommandError(f"No timeline with the slug {options['timeline']!r}.")
        params = {name: options[dest] for name, dest in FILTER_OPTIONS.items()}
        try:
            event_filter = EventFilter.from_query(params)
        except FilterError as error:
            raise CommandError(str(error)) from error
        export_format = FORMATS[options["format"]]
        base_url = options["base_url"].rstrip("/")
        text = render_export(export_format, timeline, event_filter, base_url=base_url)
        if options["output"]:
            options["output"].write_text(text, encoding="utf-8", newline="")
        else:
            self.stdout.write(text, ending="")
