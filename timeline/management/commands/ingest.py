"""`manage.py ingest [--timeline SLUG] PATH ...`: read article files into a timeline."""

import sys
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from timeline.models import Timeline
from timeline.services.ingest import IngestResult, articles_ingest


class Command(BaseCommand):
    help = (
        "Ingest article files (.txt, .md) or folders of them into a timeline, then extract "
        "its events. Prints one line per file: new, unchanged or failed: <reason>. "
        "Exits 1 when any file failed."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("paths", nargs="+", type=Path, help="Files or folders to read.")
        parser.add_argument(
            "--timeline",
            default=settings.TIMELINE_DEFAULT_SLUG,
            help="Slug of the timeline (created if new). Default: %(default)s.",
        )
        parser.add_argument("--title", default="", help="Title for a timeline created now.")
        parser.add_argument(
            "--no-extract", action="store_true", help="Store the articles only; do not extract."
        )

    def handle(self, *args, paths: list[Path], **options) -> None:
        default_title = (
            settings.TIMELINE_DEFAULT_TITLE
            if options["timeline"] == settings.TIMELINE_DEFAULT_SLUG
            else ""
        )
        try:
            timeline = Timeline.get_or_create_by_slug(
                options["timeline"], options["title"] or default_title
            )
        except ValueError as error:
            raise CommandError(str(error)) from error
        on_terminal = self.stdout.isatty()

        def progress(result: IngestResult, index: int, total: int) -> None:
            style = self.style.ERROR if result.status == "failed" else self.style.SUCCESS
            counter = f"[{index}/{total}] " if on_terminal and total > 20 else ""
            self.stdout.write(counter + style(result.line()))

        report = articles_ingest(
            timeline=timeline,
            paths=paths,
            extract=not options["no_extract"],
            progress=progress,
        )
        counts = report.counts()
        summary = (
            f"{timeline.slug}: {counts['new']} new, {counts['unchanged']} unchanged, "
            f"{counts['failed']} failed"
        )
        if report.extraction is not None:
            summary += f"; {report.extraction.line()}"
            for key, reason in report.extraction.errors.items():
                self.stderr.write(f"extraction failed for article {key}: {reason}")
        self.stdout.write(summary)
        if report.failed:
            sys.exit(1)
