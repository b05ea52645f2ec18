"""The model invariants and verbs: evidence proves itself, events keep editors' decisions."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from tests.factories import (
    make_article,
    make_entity,
    make_event,
    make_evidence,
    make_timeline,
)
from timeline.models import Entity, Event, Evidence, period_end

pytestmark = pytest.mark.django_db


def test_evidence_quote_must_equal_article_text_at_its_offsets():
    article = make_article()
    event = make_event(article.timeline)
    good = make_evidence(event, article)
    assert article.text[good.start : good.end] == good.quote

    bad = Evidence(event=event, article=article, start=0, end=4, quote="Nope")
    with pytest.raises(ValidationError):
        bad.save()
    assert not Evidence.objects.filter(quote="Nope").exists()


def test_evidence_offsets_outside_the_article_are_refused():
    article = make_article()
    event = make_event(article.timeline)
    with pytest.raises(ValidationError):
        Evidence(event=event, article=article, start=5, end=10_000, quote="x").save()


def test_evidence_time_expression_must_match_the_text():
    article = make_article()
    event = make_event(article.timeline)
    row = Evidence(
        event=event,
        article=article,
        start=0,
        end=10,
        quote=article.text[:10],
        time_text="March 3, 2024",
        time_start=0,
        time_end=13,
    )
    with pytest.raises(ValidationError):
        row.save()


def test_quote_parts_split_around_the_time_expression():
    article = make_article()
    evidence = make_evidence(make_event(article.timeline), article)
    before, time, after = evidence.quote_parts
    assert time == "March 3, 2024"
    assert before + time + after == evidence.quote


def test_article_hash_follows_its_text():
    article = make_article()
    other = make_article(make_timeline("other"), text=article.text)
    assert article.content_hash == other.content_hash
    assert len(article.content_hash) == 64


@pytest.mark.parametrize(
    ("date", "precision", "iso", "period_end"),
    [
        (dt.date(2025, 6, 13), "day", "2025-06-13", dt.date(2025, 6, 13)),
        (dt.date(2025, 6, 1), "month", "2025-06", dt.date(2025, 6, 30)),
        (dt.date(2025, 4, 1), "quarter", "2025", dt.date(2025, 6, 30)),
        (dt.date(2025, 1, 1), "year", "2025", dt.date(2025, 12, 31)),
    ],
)
def test_event_date_claims_no_more_than_its_precision(date, precision, iso, period_end):
    event = make_event(date=date, precision=precision)
    assert event.iso_date == iso
    assert event.period == (date, period_end)


def test_period_end_of_a_year_and_a_month():
    assert period_end(dt.date(2023, 1, 1), "year") == dt.date(2023, 12, 31)
    assert period_end(dt.date(2024, 2, 1), "month") == dt.date(2024, 2, 29)
    assert period_end(dt.date(2024, 12, 1), "month") == dt.date(2024, 12, 31)


def test_approve_and_reject_lock_the_status():
    event = make_event()
    event.approve()
    event.refresh_from_db()
    assert event.status == Event.Status.APPROVED and event.is_locked("status")
    event.reject()
    event.refresh_from_db()
    assert event.status == Event.Status.REJECTED


def test_lock_refuses_fields_that_are_not_editable():
    event = make_event()
    with pytest.raises(ValueError):
        event.lock("timeline")
    event.lock("title", "date")
    event.unlock("date")
    assert event.locked_fields == ["title"]


def test_published_queryset_hides_rejected_events():
    timeline = make_timeline()
    shown = make_event(timeline, title="shown")
    hidden = make_event(timeline, title="hidden", status=Event.Status.REJECTED)
    published = set(Event.objects.in_timeline(timeline).published())
    assert shown in published and hidden not in published


def test_source_count_counts_articles_and_passage_count_every_passage():
    timeline = make_timeline()
    first = make_article(timeline)
    second = make_article(timeline, text="Acme opened a plant.\n", file_name="second.txt")
    reported = make_event(timeline, title="reported")
    make_evidence(reported, first)
    make_evidence(reported, first, "The plant will employ 300 people, the company said.")
    make_evidence(reported, second)
    make_event(timeline, title="unreported")
    counts = Event.objects.in_timeline(timeline).with_source_count().with_passage_count()
    found = {e.title: (e.source_count, e.passage_count) for e in counts}
    assert found == {"reported": (2, 3), "unreported": (0, 0)}


def test_entities_by_published_events_follow_the_publish_rule(settings):
    timeline = make_timeline()
    acme, widget = make_entity(timeline), make_entity(timeline, "Widget Ltd")
    make_event(timeline, title="proposed").entities.add(acme, widget)
    make_event(timeline, title="approved", status=Event.Status.APPROVED).entities.add(widget)
    make_event(timeline, title="rejected", status=Event.Status.REJECTED).entities.add(acme)

    def menu() -> list[tuple[str, int]]:
        entities = Entity.objects.in_timeline(timeline).by_published_events()
        return list(entities.values_list("name", "event_count"))

    assert menu() == [("Widget Ltd", 2), ("Acme Corp", 1)]
    settings.TIMELINE_PUBLISH_RULE = "approved"
    assert menu() == [("Widget Ltd", 1)]


def test_in_range_keeps_events_whose_period_overlaps():
    timeline = make_timeline()
    inside = make_event(timeline, date=dt.date(2025, 6, 10))
    before = make_event(timeline, date=dt.date(2025, 1, 10))
    found = set(
        Event.objects.in_timeline(timeline).in_range(dt.date(2025, 6, 1), dt.date(2025, 6, 30))
    )
    assert inside in found and before not in found
