"""Turning article files into stored Articles, one transaction per article.

A bad file is reported and skipped: it never aborts the batch and never leaves half an
article behind. Extraction runs once after the batch (events merge across articles,
so they are worked out from the whole timeline), and only when something new arrived.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from django.conf import settings
from django.db import IntegrityError, transaction

from timeline.article_files import (
    ArticleFile,
    ArticleFileError,
    collect_paths,
    read_article_file,
    safe_file_name,
)
from timeline.models import Article, DateSource, Timeline, content_hash
from timeline.services.extraction import ExtractionReport, timeline_extract

Status = Literal["new", "unchanged", "failed"]


@dataclass(frozen=True)
class IngestResult:
    name: str
    status: Status
    reason: str = ""
    """Why a file failed; for a stored one, how it was read when that was not plain UTF-8."""
    article_id: int | None = None

    def line(self) -> str:
        if self.status == "failed":
            return f"failed: {self.name}: {self.reason}"
        if self.reason:
            return f"{self.status}: {self.name} ({self.reason})"
        return f"{self.status}: {self.name}"


@dataclass
class IngestReport:
    results: list[IngestResult] = field(default_factory=list)
    extraction: ExtractionReport | None = None

    @property
    def failed(self) -> list[IngestResult]:
        return [r for r in self.results if r.status == "failed"]

    @property
    def new(self) -> list[IngestResult]:
        return [r for r in self.results if r.status == "new"]

    def counts(self) -> dict[str, int]:
        counts = {"new": 0, "unchanged": 0, "failed": 0}
        for result in self.results:
            counts[result.status] += 1
        return counts


def article_store(*, timeline: Timeline, article_file: ArticleFile) -> tuple[Article, bool]:
    """Store one article unless the same content is already in the timeline.

    Returns the article and whether it is new. Runs in its own transaction, and a
    concurrent ingest of the same file ends as "unchanged", not as a duplicate.
    """
    digest = content_hash(article_file.text)
    existing = Article.objects.filter(timeline=timeline, content_hash=digest).first()
    if existing is not None:
        return existing, False
    article = Article(
        timeline=timeline,
        title=article_file.title,
        source=article_file.source,
        url=article_file.url,
        text=article_file.text,
        file_name=article_file.name,
        metadata={**article_file.metadata, **_notes(article_file)},
    )
    if article_file.published is not None:
        article.published = article_file.published
        article.date_source = DateSource.HEADER
        article.date_reason = "published: line in the file header"
    try:
        with transaction.atomic():
            article.full_clean(exclude=["content_hash", "timeline"])
            article.save()
    except IntegrityError:
        return Article.objects.get(timeline=timeline, content_hash=digest), False
    return article, True


def _notes(article_file: ArticleFile) -> dict[str, str]:
    return {"read_as": "; ".join(article_file.notes)} if article_file.notes else {}


def ingest_one(*, timeline: Timeline, path: Path) -> IngestResult:
    name = safe_file_name(path.name)
    try:
        article_file = read_article_file(path, max_bytes=settings.TIMELINE_MAX_ARTICLE_BYTES)
        article, created = article_store(timeline=timeline, article_file=article_file)
    except ArticleFileError as error:
        return IngestResult(name, "failed", str(error))
    except Exception as error:  # noqa: BLE001 - one bad file must never abort the batch
        message = "; ".join(getattr(error, "messages", [])) or str(error) or type(error).__name__
        return IngestResult(name, "failed", message.splitlines()[0])
    status = "new" if created else "unchanged"
    return IngestResult(name, status, "; ".join(article_file.notes), article_id=article.pk)


def articles_ingest(
    *,
    timeline: Timeline,
    paths: Sequence[Path],
    extract: bool = True,
    progress: Callable[[IngestResult, int, int], None] | None = None,
) -> IngestReport:
    """Ingest files and folders into a timeline, then re-extract its events if anything is new."""
    report = IngestReport()
    files = collect_paths(list(paths))
    for index, path in enumerate(files, start=1):
        result = ingest_one(timeline=timeline, path=path)
        report.results.append(result)
        if progress is not None:
            progress(result, index, len(files))
    if extract and report.new:
        report.extraction = timeline_extract(timeline=timeline)
    return report
