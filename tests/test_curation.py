"""The editors' services: merge, split, re-date, paste, upload, re-date an article; and the
reconcile rules that keep those decisions when the timeline is extracted again."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from tests.factories import make_article, make_entity, make_event, make_evidence, make_timeline
from tests.factories_admin import SECOND_TEXT, two_reports
from timeline.models import Article, DateSource, Event, Evidence
from timeline.services.curation import (
    article_paste,
    article_set_published,
    articles_upload,
    event_split,
    events_merge,
    events_redate,
)
from timeline.services.extraction import timeline_extract

pytestmark = pytest.mark.django_db


def passages(event: Event) -> set[tuple[int, int, int]]:
    return set(event.evidence.values_list("article_id", "start", "end"))


def test_merge_moves_every_passage_and_keeps_a_shared_one_once():
    opening, purchase, first, second = two_reports()
    shared = make_evidence(purchase, first)  # the same passage as opening's
    acme = make_entity(opening.timeline)
    purchase.entities.add(acme)
    before = passages(opening) | passages(purchase)

    events_merge(target=opening, others=[purchase])

    opening.refresh_from_db()
    assert not Event.objects.filter(pk=purchase.pk).exists()
    assert passages(opening) == before
    assert Evidence.objects.count() == 2
    assert not Evidence.objects.filter(pk=shared.pk).exists()
    assert list(opening.entities.all()) == [acme]
    assert opening.is_locked("evidence")
    assert [alt["date"] for alt in opening.alternative_dates] == ["2024-02"]


def test_merge_keeps_a_time_expression_only_the_merged_copy_had():
    timeline = make_timeline()
    article = make_article(timeline)
    target, other = make_event(timeline), make_event(timeline, title="Other")
    bare = make_evidence(target, article)
    Evidence.objects.filter(pk=bare.pk).update(time_text="", time_start=None, time_end=None)
    make_evidence(other, article)

    events_merge(target=target, others=[other])

    row = target.evidence.get()
    assert (row.time_text, row.time_value) == ("March 3, 2024", "2024-03-03")


def test_merge_refuses_an_event_of_another_timeline():
    event = make_event(make_timeline())
    stranger = make_event(make_timeline("elsewhere", "Elsewhere"))
    with pytest.raises(ValueError):
        events_merge(target=event, others=[stranger])
    assert Event.objects.count() == 2


def test_split_moves_only_the_chosen_passages():
    timeline = make_timeline()
    article = make_article(timeline)
    event = make_event(timeline, status=Event.Status.APPROVED)
    event.entities.add(make_entity(timeline))
    keep = make_evidence(event, article)
    move = make_evidence(event, article, "The plant will employ 300 people")

    new = event_split(event=event, evidence=[move])

    assert list(event.evidence.all()) == [keep]
    assert list(new.evidence.all()) == [move]
    assert (new.title, new.date, new.status) == (event.title, event.date, Event.Status.PROPOSED)
    assert list(new.entities.all()) == list(event.entities.all())
    event.refresh_from_db()
    assert event.is_locked("evidence") and new.is_locked("evidence")


@pytest.mark.parametrize("chosen", ["none", "all", "foreign"])
def test_split_refuses_an_empty_a_total_or_a_foreign_choice(chosen):
    opening, purchase, first, _ = two_reports()
    extra = make_evidence(opening, first, "The plant will employ 300 people")
    evidence = {
        "none": [],
        "all": list(opening.evidence.all()),
        "foreign": [extra, *purchase.evidence.all()],
    }[chosen]
    with pytest.raises(ValueError):
        event_split(event=opening, evidence=evidence)
    assert Event.objects.count() == 2


def test_redate_sets_and_locks_the_date_fields():
    opening, purchase, _, _ = two_reports()
    count = events_redate(events=[opening, purchase], date=dt.date(2024, 4, 1), precision="quarter")
    assert count == 2
    for event in Event.objects.all():
        assert (event.date, event.precision) == (dt.date(2024, 4, 1), "quarter")
        assert {"date", "end_date", "precision"} <= set(event.locked_fields)


def test_merged_events_stay_merged_after_extraction_runs_again():
    timeline = make_timeline()
    make_article(timeline)
    make_article(timeline, text=SECOND_TEXT, title="Second", file_name="second.txt")
    timeline_extract(timeline=timeline)
    opening = Event.objects.get(title__contains="factory")
    purchase = Event.objects.get(title__contains="Widget")
    everything = passages(opening) | passages(purchase)

    events_merge(target=opening, others=[purchase])
    report = timeline_extract(timeline=timeline)

    assert report.created == 0
    assert list(Event.objects.all()) == [opening]
    assert passages(opening) == everything
    opening.refresh_from_db()
    assert opening.supported


def test_split_events_stay_split_after_extraction_runs_again():
    timeline = make_timeline()
    make_article(timeline)
    make_article(timeline, text=SECOND_TEXT, title="Second", file_name="second.txt")
    timeline_extract(timeline=timeline)
    opening = Event.objects.get(title__contains="factory")
    moved = opening.evidence.order_by("article_id").last()

    new = event_split(event=opening, evidence=[moved])
    report = timeline_extract(timeline=timeline)

    assert report.created == 0 and report.unsupported == 0
    assert list(new.evidence.all()) == [moved]
    assert moved not in opening.evidence.all()
    assert Event.objects.filter(supported=False).count() == 0


def test_setting_an_articles_date_resolves_its_relative_dates_again():
    timeline = make_timeline()
    article = make_article(timeline, text=SECOND_TEXT, title="Second", file_name="second.txt")
    timeline_extract(timeline=timeline)
    purchase = Event.objects.get(title__contains="Widget")
    assert purchase.iso_date == "2024-02"

    article_set_published(article=article, date=dt.date(2024, 7, 2))

    article.refresh_from_db()
    purchase.refresh_from_db()
    assert (article.published, article.date_source) == (dt.date(2024, 7, 2), DateSource.EDITOR)
    assert purchase.iso_date == "2024-06"


def test_pasted_text_becomes_an_article_with_the_editors_date_and_is_extracted():
    timeline = make_timeline()
    report = article_paste(
        timeline=timeline,
        title="Acme buys Widget",
        text=SECOND_TEXT.replace("\n", "\r\n"),
        source="Example News",
        published=dt.date(2024, 3, 5),
    )
    assert [r.status for r in report.results] == ["new"]
    article = Article.objects.get(pk=report.results[0].article_id)
    assert article.text == SECOND_TEXT
    assert (article.date_source, article.source) == (DateSource.EDITOR, "Example News")
    assert report.extraction is not None and Event.objects.exists()

    again = article_paste(timeline=timeline, title="Again", text=SECOND_TEXT)
    assert [r.status for r in again.results] == ["unchanged"] and again.extraction is None


def test_pasting_nothing_is_reported_as_failed():
    report = article_paste(timeline=make_timeline(), title="Empty", text="  \n ")
    assert [(r.status, r.reason) for r in report.results] == [("failed", "empty file")]
    assert not Article.objects.exists()


def test_uploaded_files_get_the_ingest_checks_and_report():
    files = [
        SimpleUploadedFile(
            "one.txt", b"title: One\npublished: 2024-03-04\n\n" + SECOND_TEXT.encode()
        ),
        SimpleUploadedFile("one.txt", SECOND_TEXT.encode()),
        SimpleUploadedFile("notes.pdf", b"%PDF"),
    ]
    report = articles_upload(timeline=make_timeline(), files=files)
    assert [r.line() for r in report.results] == [
        "new: one.txt",
        "unchanged: one.txt",
        "failed: notes.pdf: unsupported file type '.pdf': use .txt, .md or .html",
    ]
    assert Article.objects.get().title == "One"
    assert report.extraction is not None


def test_the_publish_rule_chooses_approved_or_every_non_rejected_event(settings):
    opening, purchase, _, _ = two_reports()
    opening.approve()
    settings.TIMELINE_PUBLISH_RULE = "approved"
    assert list(Event.objects.published()) == [opening]
    settings.TIMELINE_PUBLISH_RULE = "non-rejected"
    assert set(Event.objects.published()) == {opening, purchase}
