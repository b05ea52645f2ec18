"""The stored timeline: stories, the articles read for them, and the events found in them.

Articles keep their text exactly as read, so every Evidence row can prove itself:
`article.text[start:end] == quote`. Events carry an editor's decisions (status, locked
fields) that a re-run of extraction must respect; the verbs that change that state live
here, on the models, so views, admin actions and services all go through one path.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections import Counter

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import Count, Q
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from simple_history.models import HistoricalRecords


class Timeline(models.Model):
    """A story: its own articles, events, pages and embed. Events never cross timelines."""

    slug = models.SlugField(max_length=80, unique=True)
    title = models.CharField(max_length=200)
    description = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["title"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("timeline:timeline", kwargs={"slug": self.slug})

    @classmethod
    def get_or_create_by_slug(cls, slug: str, title: str = "") -> Timeline:
        """The timeline with this slug, created with a readable title when it is new."""
        slug = slugify(slug)[:80]
        if not slug:
            raise ValueError("A timeline needs a slug made of letters, digits or dashes.")
        timeline, _ = cls.objects.get_or_create(
            slug=slug, defaults={"title": title or slug.replace("-", " ").capitalize()}
        )
        return timeline


class DateSource(models.TextChoices):
    HEADER = "header", "Header line"
    INLINE = "inline", "Inline date in the text"
    DATELINE = "dateline", "Dateline"
    INFERRED = "inferred", "Inferred from other articles"
    EDITOR = "editor", "Set by an editor"
    UNKNOWN = "unknown", "Unknown"


STATED_DATE_SOURCES = (DateSource.HEADER, DateSource.INLINE, DateSource.DATELINE, DateSource.EDITOR)
"""Sources whose date the pipeline takes as given; an inferred date is worked out anew each run."""


def content_hash(text: str) -> str:
    """The identity of an article's content: the same text read twice is the same article."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class ArticleQuerySet(models.QuerySet):
    def in_timeline(self, timeline: Timeline) -> ArticleQuerySet:
        return self.filter(timeline=timeline)

    def undated(self) -> ArticleQuerySet:
        return self.filter(published__isnull=True)


class Article(models.Model):
    timeline = models.ForeignKey(Timeline, on_delete=models.CASCADE, related_name="articles")
    title = models.CharField(max_length=300)
    source = models.CharField("publisher", max_length=200, blank=True)
    url = models.URLField(max_length=500, blank=True)
    published = models.DateField(
        null=True,
        blank=True,
        help_text="The article's own date. Relative dates in its text are resolved against it.",
    )
    date_source = models.CharField(
        max_length=10, choices=DateSource.choices, default=DateSource.UNKNOWN
    )
    date_reason = models.CharField(max_length=300, blank=True)
    text = models.TextField(
        help_text="The full text exactly as read; evidence offsets point into it."
    )
    content_hash = models.CharField(max_length=64, editable=False)
    file_name = models.CharField(max_length=255, blank=True)
    metadata = models.JSONField(default=dict, blank=True)
    ingested_at = models.DateTimeField(default=timezone.now, editable=False)

    objects = ArticleQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["published", "file_name", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["timeline", "content_hash"], name="article_unique_content_per_timeline"
            )
        ]

    def __str__(self) -> str:
        return self.title

    def save(self, *args, **kwargs) -> None:
        self.content_hash = content_hash(self.text)
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("timeline:article-detail", kwargs={"pk": self.pk})

    @property
    def date_is_stated(self) -> bool:
        return self.published is not None and self.date_source in STATED_DATE_SOURCES

    def set_published(self, date: dt.date | None, *, source: str, reason: str = "") -> None:
        """Record the article's date and where it came from (callers re-run extraction)."""
        self.published = date
        self.date_source = source if date else DateSource.UNKNOWN
        self.date_reason = reason if date else ""
        self.save(update_fields=["published", "date_source", "date_reason"])


def published_events(prefix: str = "") -> Q:
    """The TIMELINE_PUBLISH_RULE as a condition on events reached through `prefix`
    ("events__" from an entity): one rule for the event list and for what counts them.

    `approved`: only events an editor approved; `non-rejected`: also the proposed ones
    (the public page marks them). Read at call time so a test or a deploy can switch it.
    """
    if settings.TIMELINE_PUBLISH_RULE == "approved":
        return Q(**{f"{prefix}status": "approved"})
    return ~Q(**{f"{prefix}status": "rejected"})


class EntityQuerySet(models.QuerySet):
    def in_timeline(self, timeline: Timeline) -> EntityQuerySet:
        return self.filter(timeline=timeline)

    def by_published_events(self) -> EntityQuerySet:
        """Entities that published events mention, most mentioned first, each with its
        `event_count`: a menu on a public page must count only the events the page shows."""
        return (
            self.annotate(event_count=Count("events", filter=published_events("events__")))
            .filter(event_count__gt=0)
            .order_by("-event_count", "name")
        )


class Entity(models.Model):
    class Kind(models.TextChoices):
        PERSON = "person", "Person"
        ORGANISATION = "organisation", "Organisation"
        PRODUCT = "product", "Product"
        OTHER = "other", "Other"

    timeline = models.ForeignKey(Timeline, on_delete=models.CASCADE, related_name="entities")
    name = models.CharField(max_length=200)
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.OTHER)
    aliases = models.JSONField(default=list, blank=True, help_text="Other spellings of the name.")

    objects = EntityQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "entities"
        constraints = [
            models.UniqueConstraint(fields=["timeline", "name"], name="entity_unique_name")
        ]

    def __str__(self) -> str:
        return self.name


class Precision(models.TextChoices):
    DAY = "day", "Day"
    WEEK = "week", "Week"
    MONTH = "month", "Month"
    QUARTER = "quarter", "Quarter"
    SEASON = "season", "Season"
    HALF = "half", "Half year"
    YEAR = "year", "Year"
    DECADE = "decade", "Decade"


_PERIOD_MONTHS = {"month": 1, "quarter": 3, "season": 3, "half": 6, "year": 12, "decade": 120}


def period_end(start: dt.date, precision: str) -> dt.date:
    """The last day of the period of `precision` that begins on `start`."""
    if precision == Precision.WEEK:
        return start + dt.timedelta(days=6)
    months = _PERIOD_MONTHS.get(precision)
    if months is None:
        return start
    index = start.year * 12 + start.month - 1 + months
    return dt.date(index // 12, index % 12 + 1, 1) - dt.timedelta(days=1)


def iso_prefix(date: dt.date | str | None, precision: str) -> str | None:
    """The date (or its ISO text) as a prefix that claims no more than the precision allows."""
    if date is None:
        return None
    text = date if isinstance(date, str) else date.isoformat()
    if precision in (Precision.DAY, Precision.WEEK):
        return text
    if precision == Precision.MONTH:
        return text[:7]
    return text[:4]


def period_of(
    date: dt.date | None, end_date: dt.date | None, precision: str
) -> tuple[dt.date, dt.date] | None:
    """First and last day an event may cover, from its end date or its precision."""
    if date is None:
        return None
    return date, end_date or period_end(date, precision)


class EventQuerySet(models.QuerySet):
    def in_timeline(self, timeline: Timeline) -> EventQuerySet:
        return self.filter(timeline=timeline)

    def published(self) -> EventQuerySet:
        """What the public timeline shows, by TIMELINE_PUBLISH_RULE (`published_events`)."""
        return self.filter(published_events())

    def dated(self) -> EventQuerySet:
        return self.filter(date__isnull=False)

    def in_range(self, start: dt.date | None, end: dt.date | None) -> EventQuerySet:
        """Events whose period overlaps [start, end]; an open side is unbounded."""
        queryset = self
        if start is not None:
            queryset = queryset.filter(
                Q(end_date__gte=start) | Q(end_date__isnull=True, date__gte=start)
            )
        if end is not None:
            queryset = queryset.filter(date__lte=end)
        return queryset

    def for_entity(self, entity: Entity) -> EventQuerySet:
        return self.filter(entities=entity)

    def matching(self, text: str) -> EventQuerySet:
        """Events whose title, summary or any source passage contains `text`."""
        in_passages = Evidence.objects.filter(event=models.OuterRef("pk"), quote__icontains=text)
        return self.filter(
            Q(title__icontains=text) | Q(summary__icontains=text) | Q(models.Exists(in_passages))
        )

    def chronological(self) -> EventQuerySet:
        return self.order_by(models.F("date").asc(nulls_last=True), "id")

    def with_source_count(self) -> EventQuerySet:
        """Each event's `source_count`: the articles that report it (an article quoted twice
        is one source). The list page, the admin and the JSON exports read this count; the
        CSV export, which loads every passage anyway, counts them (`source_article_count`)."""
        return self.annotate(source_count=_over_passages(Count("article", distinct=True)))

    def with_passage_count(self) -> EventQuerySet:
        """Each event's `passage_count`: its Evidence rows, however few articles hold them."""
        return self.annotate(passage_count=_over_passages(Count("pk")))

    def with_panel_data(self) -> EventQuerySet:
        """Everything an event panel shows, fetched in a fixed number of queries."""
        return self.prefetch_related(
            "entities",
            models.Prefetch(
                "evidence",
                # An article's full text is the largest thing we store and a panel never
                # shows it; loading it once per passage made 10,000 events take seconds.
                queryset=Evidence.objects.select_related("article")
                .defer("article__text", "article__metadata")
                .order_by(
                    models.F("article__published").asc(nulls_last=True), "article_id", "start"
                ),
            ),
        )


def _over_passages(total: Count) -> Coalesce:
    """`total` over each event's passages, as a subquery: a join and GROUP BY over every
    event would be paid again by the paginator's count on a large timeline."""
    passages = (
        Evidence.objects.filter(event=models.OuterRef("pk"))
        .order_by()
        .values("event")
        .annotate(total=total)
        .values("total")
    )
    return Coalesce(models.Subquery(passages), 0)


class Event(models.Model):
    class Status(models.TextChoices):
        PROPOSED = "proposed", "Proposed"
        APPROVED = "approved", "Approved"
        REJECTED = "rejected", "Rejected"

    EDITABLE_FIELDS = (
        "title",
        "summary",
        "date",
        "end_date",
        "precision",
        "status",
        "entities",
        "evidence",
    )
    """Fields an editor may change; a changed one is locked against re-extraction.

    `evidence` is locked by a merge or a split: the event then keeps the passages an editor
    gave it, and re-extraction maps every proposal made of them onto it.
    """

    timeline = models.ForeignKey(Timeline, on_delete=models.CASCADE, related_name="events")
    title = models.CharField(max_length=200)
    summary = models.TextField(blank=True)
    date = models.DateField(null=True, blank=True, help_text="First day of the event's period.")
    end_date = models.DateField(
        null=True, blank=True, help_text="Last day, for an event that spans a period."
    )
    precision = models.CharField(max_length=10, choices=Precision.choices, default=Precision.DAY)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PROPOSED)
    kind = models.CharField(max_length=40, blank=True)
    entities = models.ManyToManyField(Entity, blank=True, related_name="events")
    alternative_dates = models.JSONField(
        default=list,
        blank=True,
        help_text="Other dates some sources give for this event: shown, never averaged.",
    )
    locked_fields = models.JSONField(
        default=list,
        blank=True,
        help_text="Locked fields are kept when articles are re-read.",
    )
    supported = models.BooleanField(
        default=True, help_text="False when the last extraction found no passage for it."
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = EventQuerySet.as_manager()
    history = HistoricalRecords(m2m_fields=[entities])

    class Meta:
        ordering = [models.F("date").asc(nulls_last=True), "id"]
        indexes = [models.Index(fields=["timeline", "date"])]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("timeline:event-detail", kwargs={"pk": self.pk})

    def clean(self) -> None:
        if self.end_date and self.date and self.end_date < self.date:
            raise ValidationError({"end_date": "The end date cannot come before the date."})

    @property
    def disputed(self) -> bool:
        return bool(self.alternative_dates)

    @property
    def dated_by_inference(self) -> bool:
        """True when no passage with a time expression comes from an article with a stated date.

        Such an event's date rests on articles whose own date was inferred, or on what
        other reports said; the page says so instead of presenting it as stated.
        """
        if self.date is None:
            return False
        timed = [e for e in self.evidence.all() if e.time_value]
        return not any(e.article.date_source in STATED_DATE_SOURCES for e in timed)

    @property
    def source_article_count(self) -> int:
        """How many articles report the event (its sources), from the prefetched passages.

        For pages and files that show every passage anyway (an event's panel, the CSV
        export): counting what they hold costs no query. A list of events reads
        `source_count` from `EventQuerySet.with_source_count` instead.
        """
        return len({passage.article_id for passage in self.evidence.all()})

    def passages_for_readers(self) -> list[Evidence]:
        """The event's passages with a paragraph an article repeats shown once.

        Some pages print a paragraph twice; both copies stay as evidence (each is where the
        article says it), but a reader wants one quote, told how often the article has it.
        Each returned passage carries `repeats`, the number of copies (1 for most).
        """
        kept: dict[tuple[int, str], Evidence] = {}
        copies: Counter[tuple[int, str]] = Counter()
        for passage in self.evidence.all():
            key = (passage.article_id, passage.quote)
            kept.setdefault(key, passage)
            copies[key] += 1
        for key, passage in kept.items():
            passage.repeats = copies[key]  # set once: calling again gives the same count
        return list(kept.values())

    @property
    def iso_date(self) -> str | None:
        return iso_prefix(self.date, self.precision)

    @property
    def period(self) -> tuple[dt.date, dt.date] | None:
        return period_of(self.date, self.end_date, self.precision)

    def is_locked(self, field: str) -> bool:
        return field in self.locked_fields

    def lock(self, *fields: str) -> None:
        unknown = set(fields) - set(self.EDITABLE_FIELDS)
        if unknown:
            raise ValueError(f"Not editable fields: {', '.join(sorted(unknown))}")
        self.locked_fields = sorted(set(self.locked_fields) | set(fields))

    def unlock(self, *fields: str) -> None:
        self.locked_fields = sorted(set(self.locked_fields) - set(fields))

    def approve(self) -> None:
        self.status = self.Status.APPROVED
        self.lock("status")
        self.save(update_fields=["status", "locked_fields", "updated_at"])

    def reject(self) -> None:
        self.status = self.Status.REJECTED
        self.lock("status")
        self.save(update_fields=["status", "locked_fields", "updated_at"])

    def set_date(
        self, date: dt.date | None, *, precision: str, end_date: dt.date | None = None
    ) -> None:
        """Re-date the event as an editor: the date, end date and precision are then locked."""
        self.date, self.end_date, self.precision = date, end_date, precision
        self.full_clean(validate_unique=False, validate_constraints=False)
        self.lock("date", "end_date", "precision")
        self.save()

    def merge_into(self, target: Event) -> None:
        """Give `target` everything this event holds, then delete this event.

        Every passage moves; one that `target` already holds is kept once (the rows
        describe the same passage), with any time expression only this copy had. A date
        that differs from the target's is kept as an alternative date, and the target's
        evidence is locked so re-extraction keeps the two together.
        """
        if target.pk == self.pk or target.timeline_id != self.timeline_id:
            raise ValueError("An event merges only into another event of its timeline.")
        with transaction.atomic():
            held = {(e.article_id, e.start, e.end): e for e in target.evidence.all()}
            for row in self.evidence.select_related("article"):
                twin = held.get((row.article_id, row.start, row.end))
                if twin is None:
                    row.event = target
                    row.save()
                    continue
                if not twin.time_text and row.time_text:
                    twin.time_text, twin.time_start = row.time_text, row.time_start
                    twin.time_end, twin.time_value = row.time_end, row.time_value
                    twin.save()
                row.delete()
            target.entities.add(*self.entities.all())
            target.alternative_dates = _merged_alternatives(target, self)
            target.lock("evidence")
            target._change_reason = f"merged event #{self.pk} {self.title!r} into it"
            target.save()
            self._change_reason = f"merged into event #{target.pk}"
            self.delete()


def _merged_alternatives(target: Event, other: Event) -> list[dict[str, str]]:
    """The target's alternative dates plus the other event's own ones and its date."""
    found = list(target.alternative_dates)
    candidates = list(other.alternative_dates)
    if other.date is not None and other.period != target.period:
        start, end = other.period
        candidates.append(
            {
                "date": other.iso_date,
                "start": start.isoformat(),
                "end": end.isoformat(),
                "precision": other.precision,
            }
        )
    for candidate in candidates:
        if candidate not in found:
            found.append(candidate)
    return found


class Evidence(models.Model):
    """A passage of an article that reports an event, and the time expression that dated it."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="evidence")
    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="evidence")
    start = models.PositiveIntegerField()
    end = models.PositiveIntegerField()
    quote = models.TextField()
    time_text = models.CharField(max_length=200, blank=True)
    time_start = models.PositiveIntegerField(null=True, blank=True)
    time_end = models.PositiveIntegerField(null=True, blank=True)
    time_value = models.CharField(max_length=60, blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["article_id", "start"]
        verbose_name_plural = "evidence"
        constraints = [
            models.UniqueConstraint(
                fields=["event", "article", "start", "end"], name="evidence_unique_passage"
            )
        ]

    def __str__(self) -> str:
        return f"{self.article} [{self.start}:{self.end}]"

    def save(self, *args, **kwargs) -> None:
        self.clean()
        super().save(*args, **kwargs)

    def clean(self) -> None:
        text = self.article.text
        if not (0 <= self.start < self.end <= len(text)):
            raise ValidationError("The passage offsets fall outside the article.")
        if text[self.start : self.end] != self.quote:
            raise ValidationError("The quote differs from the article text at its offsets.")
        if self.time_start is not None and self.time_end is not None:
            if text[self.time_start : self.time_end] != self.time_text:
                raise ValidationError("The time expression differs from the article text.")

    @property
    def time_in_quote(self) -> tuple[int, int] | None:
        """The time expression's offsets inside the quote, when it lies within the passage."""
        if self.time_start is None or self.time_end is None:
            return None
        if self.start <= self.time_start and self.time_end <= self.end:
            return self.time_start - self.start, self.time_end - self.start
        return None

    @property
    def quote_parts(self) -> tuple[str, str, str]:
        """The quote split around its time expression, so a template can mark it up."""
        inner = self.time_in_quote
        if inner is None:
            return self.quote, "", ""
        a, b = inner
        return self.quote[:a], self.quote[a:b], self.quote[b:]


class TimelineJob(models.Model):
    """Long work on a timeline, done by the task worker, with progress an editor can watch.

    The worker records each step as soon as it is done (every change commits on its own),
    so the admin shows the progress while the work runs. An upload's steps are its files,
    then re-reading the timeline; a re-read is one step.
    """

    class Kind(models.TextChoices):
        INGEST = "ingest", "Upload"
        REEXTRACT = "reextract", "Re-read"

    class Status(models.TextChoices):
        QUEUED = "queued", "Queued"
        RUNNING = "running", "Running"
        DONE = "done", "Done"
        FAILED = "failed", "Failed"

    timeline = models.ForeignKey(Timeline, on_delete=models.CASCADE, related_name="jobs")
    kind = models.CharField(max_length=10, choices=Kind.choices)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.QUEUED)
    total = models.PositiveIntegerField(
        default=1, help_text="Steps: one per uploaded file and one to re-read the timeline."
    )
    done = models.PositiveIntegerField(default=0, help_text="Steps finished so far.")
    report = models.TextField(
        blank=True, help_text="One line per file, as `manage.py ingest` prints them."
    )
    error = models.TextField(
        blank=True,
        help_text="Why the job stopped. Every article stored before it stopped is kept.",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    task_id = models.CharField(
        max_length=64, blank=True, help_text="The task's id in the task backend."
    )

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = "background job"

    def __str__(self) -> str:
        return f"{self.get_kind_display()} #{self.pk}: {self.timeline}"

    @property
    def finished(self) -> bool:
        return self.status in (self.Status.DONE, self.Status.FAILED)

    @property
    def lines(self) -> list[str]:
        return self.report.splitlines()

    @property
    def stage(self) -> str:
        """What the job is doing now, in an editor's words."""
        if self.status == self.Status.QUEUED:
            return "Waiting for the worker to start it."
        if self.status == self.Status.FAILED:
            return "Failed."
        if self.status == self.Status.DONE:
            return "Done."
        if self.kind == self.Kind.INGEST and self.done < self.total - 1:
            return f"Reading file {self.done + 1} of {self.total - 1}."
        return "Re-reading the timeline's events."

    def start(self) -> None:
        self.status, self.started_at = self.Status.RUNNING, timezone.now()
        self.save(update_fields=["status", "started_at"])

    def advance(self, line: str) -> None:
        """Record one finished step and its report line."""
        self.report = f"{self.report}{line}\n"
        self.done += 1
        self.save(update_fields=["report", "done"])

    def finish(self) -> None:
        self.status, self.finished_at = self.Status.DONE, timezone.now()
        self.save(update_fields=["status", "finished_at"])

    def fail(self, error: str) -> None:
        self.status, self.error, self.finished_at = self.Status.FAILED, error, timezone.now()
        self.save(update_fields=["status", "error", "finished_at"])


class JobFile(models.Model):
    """An uploaded file, kept in the database until its job has read it.

    The bytes live here rather than on the web server's disk: the worker may start later,
    or on another machine, and must still find every file the editor sent. A file is
    deleted once read; its outcome is a line of the job's report.
    """

    job = models.ForeignKey(TimelineJob, on_delete=models.CASCADE, related_name="files")
    position = models.PositiveIntegerField()
    name = models.CharField(max_length=255)
    content = models.BinaryField()

    class Meta:
        ordering = ["job", "position"]

    def __str__(self) -> str:
        return self.name
