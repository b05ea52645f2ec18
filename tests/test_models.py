"""The model invariants and verbs: evidence proves itself, events keep editors' decisions."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from tests.factories import make_article, make_event, make_evidence, make_timeline
from timeline.models import Event, Evidence, period_end

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


def test_in_range_keeps_events_whose_period_overlaps():
    timeline = make_timeline()
    inside = make_event(timeline, date=dt.date(2025, 6, 10))
    before = make_event(timeline, date=dt.date(2025, 1, 10))
    found = set(
        Event.objects.in_timeline(timeline).in_range(dt.date(2025, 6, 1), dt.date(2025, 6, 30))
    )
    assert inside in found and before not in found
