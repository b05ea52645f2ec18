"""`manage.py evaluate GOLD.json`: score the stored timeline against a gold event list.

Unlike `python -m timeline.evaluation`, which scores the pure pipeline, this reads what
is stored (editors' merges, locks and rejections included), so it answers the question
a newsroom asks: how good is the timeline readers see?
"""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from timeline.evaluation import load_gold, score
from timeline.exports import events_document
from timeline.models import Event, Timeline
from timeline.services.ingest import articles_ingest


class Command(BaseCommand):
    help = (
        "Score a stored timeline against a gold event list: recall of gold events, date "
        "accuracy, duplicates and the share of shown events that match gold."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("gold", type=Path, help="A gold file (format in README).")
        parser.add_argument(
            "--timeline",
            help="Slug of the timeline to score. Default: the gold's story, if stored, "
            "else the default timeline.",
        )
        parser.add_argument(
            "--ingest",
            action="store_true",
            help="First ingest the gold's article folder into the timeline (created if new).",
        )

    def handle(self, *args, gold: Path, **options) -> None:
        try:
            gold_file = load_gold(gold)
        except (OSError, ValueError, KeyError) as error:
            raise CommandError(f"Cannot read the gold file {gold}: {error}") from error
        slug = options["timeline"] or (
            gold_file.story
            if options["ingest"] or Timeline.objects.filter(slug=gold_file.story).exists()
            else settings.TIMELINE_DEFAULT_SLUG
        )
        if options["ingest"]:
            timeline = Timeline.get_or_create_by_slug(slug)
            folder = Path(settings.BASE_DIR) / gold_file.articles
            report = articles_ingest(timeline=timeline, paths=[folder])
            counts = report.counts()
            self.stdout.write(
                f"ingested {folder}: {counts['new']} new, {counts['unchanged']} unchanged, "
                f"{counts['failed']} failed"
            )
        timeline = Timeline.objects.filter(slug=slug).first()
        if timeline is None:
            raise CommandError(f"No timeline with the slug {slug!r} (try --ingest).")
        events = Event.objects.in_timeline(timeline).published().chronological()
        result = score(events_document(events)["events"], gold_file)
        self.stdout.write(f"{timeline.slug} against {gold}:")
        for line in result.lines():
            self.stdout.write(f"  {line}")
