"""Editors' decisions that write several rows at once, as the admin makes them.

Merging, splitting and re-dating events; adding articles by upload or paste; correcting
an article's date. Each runs in one transaction. (Re-reads and large uploads are background
jobs: `timeline.services.jobs`.) The rules live in the model verbs (`Event.merge_into`,
`Event.set_date`, `Article.set_published`) and in the ingest service (file checks, duplicate
detection), which these functions reuse rather than repeat. Permissions are the admin's
business, not checked here.
"""

from __future__ import annotations

import datetime as dt
import tempfile
from collections.abc import Iterable, Sequence
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction

from timeline.article_files import ArticleFile, ArticleFileError, decode_article
from timeline.models import Article, DateSource, Event, Evidence, Timeline
from timeline.services.extraction import ExtractionReport, timeline_extract
from timeline.services.ingest import IngestReport, IngestResult, article_store, articles_ingest


def events_merge(*, target: Event, others: Sequence[Event]) -> Event:
    """Merge `others` into `target`: every passage, entity and date ends up on `target`."""
    with transaction.atomic():
        for other in others:
            other.merge_into(target)
    return target


def event_split(*, event: Event, evidence: Sequence[Evidence]) -> Event:
    """Move the chosen passages of `event` to a new event, which starts as a copy of it.

    Both events get their evidence locked, so re-extraction keeps the passages apart.
    """
    chosen = list(evidence)
    if not chosen:
        raise ValueError("Choose at least one passage to move to the new event.")
    if any(row.event_id != event.pk for row in chosen):
        raise ValueError("Every passage to move must belong to the event being split.")
    if len({row.pk for row in chosen}) >= event.evidence.count():
        raise ValueError("Leave at least one passage with the event being split.")
    with transaction.atomic():
        new = Event(
            timeline=event.timeline,
            title=event.title,
            summary=event.summary,
            date=event.date,
            end_date=event.end_date,
            precision=event.precision,
            kind=event.kind,
            alternative_dates=event.alternative_dates,
            locked_fields=["evidence"],
        )
        new._change_reason = f"split off event #{event.pk}"
        new.save()
        new.entities.set(event.entities.all())
        for row in chosen:
            row.event = new
            row.save()
        event.lock("evidence")
        event._change_reason = f"passages split off to event #{new.pk}"
        event.save()
    return new


def events_redate(
    *,
    events: Iterable[Event],
    date: dt.date,
    precision: str,
    end_date: dt.date | None = None,
) -> int:
    """Give every event the same date; each one's date fields are then locked."""
    count = 0
    with transaction.atomic():
        for event in events:
            event.set_date(date, precision=precision, end_date=end_date)
            count += 1
    return count


def articles_upload(*, timeline: Timeline, files: Sequence[UploadedFile]) -> IngestReport:
    """Ingest uploaded files exactly as `manage.py ingest` ingests files on disk.

    Each upload is written under its own name (in a folder of its own, so two uploads of
    the same name stay apart) and handed to `articles_ingest`: same checks, same report.
    """
    with tempfile.TemporaryDirectory(prefix="timeline-upload-") as folder:
        paths = []
        for index, upload in enumerate(files):
            path = Path(folder) / str(index) / Path(upload.name or "upload").name
            path.parent.mkdir()
            with path.open("wb") as out:
                for chunk in upload.chunks():
                    out.write(chunk)
            paths.append(path)
        return articles_ingest(timeline=timeline, paths=paths)


def article_paste(
    *,
    timeline: Timeline,
    title: str,
    text: str,
    source: str = "",
    url: str = "",
    published: dt.date | None = None,
) -> IngestReport:
    """Store pasted text as an article (the ingest checks apply), then re-extract.

    A date given here is the editor's, so it is recorded as such. Pasting text the
    timeline already holds changes nothing and reports "unchanged".
    """
    report = IngestReport()
    try:
        body = decode_article(text.encode("utf-8")).text
        article_file = ArticleFile(name="", text=body, title=title, url=url, source=source)
        with transaction.atomic():
            article, created = article_store(timeline=timeline, article_file=article_file)
            if created and published is not None:
                article.set_published(published, source=DateSource.EDITOR, reason="pasted")
    except (ArticleFileError, ValidationError) as error:
        reason = "; ".join(getattr(error, "messages", [])) or str(error)
        report.results.append(IngestResult(title, "failed", reason))
        return report
    report.results.append(IngestResult(title, "new" if created else "unchanged", "", article.pk))
    if created:
        report.extraction = timeline_extract(timeline=timeline)
    return report


def article_set_published(*, article: Article, date: dt.date | None) -> ExtractionReport:
    """Record an editor's date for the article and resolve every relative date again."""
    with transaction.atomic():
        article.set_published(date, source=DateSource.EDITOR, reason="set by an editor")
        return timeline_extract(timeline=article.timeline)
