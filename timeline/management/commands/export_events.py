"""`manage.py export_events --format json`: the timeline's events as a document."""

import json
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from timeline.exports import events_document, events_for_export
from timeline.models import Event, Timeline


class Command(BaseCommand):
    help = "Export a timeline's published events (the same document as /api/events.json)."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--format", choices=["json"], default="json")
        parser.add_argument("--timeline", default=settings.TIMELINE_DEFAULT_SLUG)
        parser.add_argument("--output", type=Path, help="Write here instead of standard output.")

    def handle(self, *args, **options) -> None:
        timeline = Timeline.objects.filter(slug=options["timeline"]).first()
        if timeline is None:
            raise CommandError(f"No timeline with the slug {options['timeline']!r}.")
        events = events_for_export(Event.objects.in_timeline(timeline).published())
        text = json.dumps(events_document(events), ensure_ascii=False, indent=2)
        if options["output"]:
            options["output"].write_text(text + "\n", encoding="utf-8")
        else:
            self.stdout.write(text)
