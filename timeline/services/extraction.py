"""Running the extraction pipeline over a timeline and storing what it finds.

The pipeline proposes; editors decide. A re-run therefore reconciles instead of
replacing: each proposed event is matched to the stored event that already holds
most of its passages, keeps that event's id, status and every field an editor
locked, and gains the new evidence. Stored events that no proposal supports any
more are flagged `supported=False`, never deleted.

Passages an editor placed (an event merged or split in the admin has its `evidence`
locked) stay where the editor put them: such an event takes every proposal made mostly
of its passages (so merged events stay merged), and its passages are never copied onto
another event (so split events stay split).

Everything is written in one transaction: a failure leaves the stored timeline as it was.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from django.db import transaction
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from timeline.extraction.pipeline import extract_timeline
from timeline.extraction.records import (
    ArticleInput,
    DateSpan,
    EntityRecord,
    EventRecord,
    TimelineExtraction,
)
from timeline.extraction.records import Evidence as EvidenceRecord
from timeline.models import (
    STATED_DATE_SOURCES,
    Article,
    DateSource,
    Entity,
    Event,
    Evidence,
    Timeline,
)

PassageKey = tuple[int, int, int]
"""(article id, start, end): how a passage is recognised from one run to the next."""


@dataclass
class ExtractionReport:
    created: int = 0
    updated: int = 0
    unsupported: int = 0
    evidence_added: int = 0
    dates_inferred: int = 0
    errors: dict[str, str] = field(default_factory=dict)

    def line(self) -> str:
        text = (
            f"events: {self.created} new, {self.updated} updated, "
            f"{self.unsupported} no longer supported; {self.evidence_added} passages linked"
        )
        if self.dates_inferred:
            text += f"; {self.dates_inferred} article dates inferred"
        return text


def article_input(article: Article) -> ArticleInput:
    stated = article.date_source in STATED_DATE_SOURCES
    return ArticleInput(
        key=str(article.pk),
        text=article.text,
        published=article.published if stated else None,
        published_source=article.date_source if stated else DateSource.UNKNOWN,
    )


def timeline_extract(*, timeline: Timeline) -> ExtractionReport:
    """Re-read every article of the timeline and reconcile the stored events with the result.

    Two extractions of one timeline (two ingests at once) must take turns, or both would
    create the same events: the write transaction starts by locking the timeline's row (on
    SQLite the IMMEDIATE transaction locks the database instead). The pipeline runs before
    that lock, so a long read blocks no writer; if the articles changed meanwhile (another
    ingest stored some), it reads them again, and after a few tries it reads them under the
    lock. Either way the extraction that commits has seen every stored article.
    """
    for _ in range(_UNLOCKED_TRIES):
        state = _articles_state(timeline)
        articles = _articles(timeline)
        extraction = extract_timeline([article_input(a) for a in articles.values()])
        with transaction.atomic():
            Timeline.objects.select_for_update().get(pk=timeline.pk)
            if _articles_state(timeline) == state:
                return _store(timeline, articles, extraction)
    with transaction.atomic():
        Timeline.objects.select_for_update().get(pk=timeline.pk)
        articles = _articles(timeline)
        extraction = extract_timeline([article_input(a) for a in articles.values()])
        return _store(timeline, articles, extraction)


_UNLOCKED_TRIES = 3
"""Reads before the pipeline runs under the lock, for a timeline whose articles keep changing."""


def _articles_state(timeline: Timeline) -> set[tuple]:
    """What the pipeline's input depends on, without loading every text a second time."""
    rows = Article.objects.in_timeline(timeline).values_list(
        "pk", "content_hash", "published", "date_source"
    )
    return set(rows)


def _articles(timeline: Timeline) -> dict[str, Article]:
    return {str(a.pk): a for a in Article.objects.in_timeline(timeline)}


def _store(
    timeline: Timeline, articles: dict[str, Article], extraction: TimelineExtraction
) -> ExtractionReport:
    """Write what one pipeline run found; called inside the locked transaction."""
    report = ExtractionReport(errors=dict(extraction.errors))
    report.dates_inferred = _store_reference_dates(articles, extraction.readings)
    _reconcile_events(timeline, articles, extraction.events, report)
    return report


def _store_reference_dates(articles: dict[str, Article], readings) -> int:
    """Keep each article's date as the pipeline found it, unless it was stated or set."""
    inferred = 0
    for key, article in articles.items():
        if article.date_source in (DateSource.HEADER, DateSource.EDITOR):
            continue
        reading = readings.get(key)
        reference = reading.reference if reading else None
        if reference is None:
            if article.published is not None:
                article.set_published(None, source=DateSource.UNKNOWN)
            continue
        if (article.published, article.date_source, article.date_reason) != (
            reference.date,
            reference.source,
            reference.reason[:300],
        ):
            article.set_published(
                reference.date, source=reference.source, reason=reference.reason[:300]
            )
        inferred += reference.source == DateSource.INFERRED
    return inferred


def _reconcile_events(
    timeline: Timeline,
    articles: dict[str, Article],
    records: list[EventRecord],
    report: ExtractionReport,
) -> None:
    stored = {
        event.pk: event
        for event in Event.objects.in_timeline(timeline).prefetch_related("entities")
    }
    owners: dict[PassageKey, set[int]] = defaultdict(set)
    passages_of: dict[int, set[PassageKey]] = defaultdict(set)
    for row in Evidence.objects.filter(event__timeline=timeline).values_list(
        "event_id", "article_id", "start", "end"
    ):
        key = (row[1], row[2], row[3])
        owners[key].add(row[0])
        passages_of[row[0]].add(key)
    curated = {pk for pk, event in stored.items() if event.is_locked("evidence")}

    matches = _match_proposals(records, articles, owners, curated)
    leads = _leads(matches, passages_of)
    entities = _EntityBook(timeline)
    named: dict[int, list[Entity]] = defaultdict(list)
    touched: set[int] = set()
    new_evidence: list[Evidence] = []
    for index, (record, evidence, keys, pk) in enumerate(matches):
        if pk is None:
            event = Event(timeline=timeline)
            _apply(event, record)
            event.save()
            report.created += 1
            stored[event.pk] = event
        else:
            event = stored[pk]
            if leads[pk] == index:
                before = _snapshot(event)
                _apply(event, record)
                event.supported = True
                if _snapshot(event) != before:
                    event.save()
                report.updated += 1
        touched.add(event.pk)
        for entity in entities.resolve(record.entities):
            if entity not in named[event.pk]:
                named[event.pk].append(entity)
        for item, key in zip(evidence, keys, strict=True):
            if key in passages_of[event.pk]:
                continue
            keepers = owners[key] & curated
            if keepers:
                touched |= keepers
                continue
            passages_of[event.pk].add(key)
            row = Evidence(
                event=event,
                article=articles[item.article],
                start=item.start,
                end=item.end,
                quote=item.quote,
                time_text=item.time_text[:200],
                time_start=item.time_start,
                time_end=item.time_end,
                time_value=item.time_value[:60],
            )
            row.clean()
            new_evidence.append(row)
    for pk, found in named.items():
        if not stored[pk].is_locked("entities"):
            stored[pk].entities.set(found)
    bulk_create_with_history(new_evidence, Evidence, batch_size=500)
    report.evidence_added = len(new_evidence)
    orphaned = [e for pk, e in stored.items() if pk not in touched and e.supported]
    for event in orphaned:
        event.supported = False
    bulk_update_with_history(orphaned, Event, ["supported"], batch_size=500)
    report.unsupported = len(orphaned)


Match = tuple[EventRecord, list[EvidenceRecord], list[PassageKey], int | None]
"""A proposal, its evidence in stored articles, their passage keys and the event it maps to."""


def _match_proposals(
    records: list[EventRecord],
    articles: dict[str, Article],
    owners: dict[PassageKey, set[int]],
    curated: set[int],
) -> list[Match]:
    """Map each proposal onto the stored event holding most of its passages.

    An event takes one proposal, except an event whose passages an editor set by merging
    or splitting (`curated`): it takes every proposal made mostly of its passages, so
    events merged by an editor stay merged.
    """
    matches: list[Match] = []
    claimed: set[int] = set()
    for record in records:
        evidence = [e for e in record.evidence if e.article in articles]
        if not evidence:
            continue
        keys = [(articles[e.article].pk, e.start, e.end) for e in evidence]
        votes: dict[int, int] = defaultdict(int)
        for key in keys:
            for owner in owners.get(key, ()):
                if owner not in claimed or owner in curated:
                    votes[owner] += 1
        pk = max(votes, key=lambda pk: (votes[pk], -pk)) if votes else None
        if pk is not None:
            claimed.add(pk)
        matches.append((record, evidence, keys, pk))
    return matches


def _leads(matches: list[Match], passages_of: dict[int, set[PassageKey]]) -> dict[int, int]:
    """For each matched event, the proposal that sets its fields: the one sharing most passages."""
    leads: dict[int, int] = {}
    shared: dict[int, int] = {}
    for index, (_, _, keys, pk) in enumerate(matches):
        if pk is None:
            continue
        count = len(passages_of[pk].intersection(keys))
        if pk not in leads or count > shared[pk]:
            leads[pk], shared[pk] = index, count
    return leads


def _snapshot(event: Event) -> tuple:
    """The fields extraction writes, to save (and record in history) only real changes."""
    return tuple(getattr(event, name) for name in _WRITTEN_FIELDS)


_WRITTEN_FIELDS = (
    "title",
    "summary",
    "date",
    "end_date",
    "precision",
    "alternative_dates",
    "kind",
    "supported",
)


def _apply(event: Event, record: EventRecord) -> None:
    """Copy the proposal's fields onto the event, except the ones an editor locked."""
    span = record.date
    proposed = {
        "title": record.title[:200] or "Untitled event",
        "summary": record.summary,
        "date": span.start if span else None,
        "end_date": None,
        "precision": span.precision if span else "day",
    }
    for name, value in proposed.items():
        if not event.is_locked(name):
            setattr(event, name, value)
    if not event.is_locked("date"):
        event.alternative_dates = [_span_json(alt) for alt in record.alternatives]
    event.kind = record.kind[:40]


def _span_json(span: DateSpan) -> dict[str, str]:
    return {
        "date": span.iso,
        "start": span.start.isoformat(),
        "end": span.end.isoformat(),
        "precision": span.precision,
    }


class _EntityBook:
    """Entities of one timeline by name and alias, created on first mention."""

    def __init__(self, timeline: Timeline) -> None:
        self.timeline = timeline
        self.by_name: dict[str, Entity] = {}
        for entity in Entity.objects.filter(timeline=timeline):
            for name in (entity.name, *entity.aliases):
                self.by_name.setdefault(name.casefold(), entity)

    def resolve(self, records: list[EntityRecord]) -> list[Entity]:
        found: list[Entity] = []
        for record in records:
            entity = self._get(record)
            if entity not in found:
                found.append(entity)
        return found

    def _get(self, record: EntityRecord) -> Entity:
        for name in (record.name, *record.aliases):
            entity = self.by_name.get(name.casefold())
            if entity is not None:
                missing = [
                    a for a in (record.name, *record.aliases) if a.casefold() not in self.by_name
                ]
                if missing:
                    entity.aliases = sorted(set(entity.aliases) | set(missing) - {entity.name})
                    entity.save(update_fields=["aliases"])
                    for alias in missing:
                        self.by_name[alias.casefold()] = entity
                return entity
        entity = Entity.objects.create(
            timeline=self.timeline,
            name=record.name[:200],
            kind=record.kind if record.kind in Entity.Kind.values else Entity.Kind.OTHER,
            aliases=sorted(set(record.aliases) - {record.name}),
        )
        for name in (record.name, *record.aliases):
            self.by_name[name.casefold()] = entity
        return entity
