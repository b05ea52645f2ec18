"""The admin as editors use it: the event changelist and its actions, the event form with
its locks, history and revert, and the article pages (paste, upload, read, re-date)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from tests.factories import make_article, make_entity, make_evidence
from tests.factories_admin import SECOND_TEXT, change_form_data, make_editor, two_reports
from timeline.models import Article, DateSource, Event, Evidence
from timeline.services.extraction import timeline_extract

pytestmark = pytest.mark.django_db

EVENTS = reverse("admin:timeline_event_changelist")


@pytest.fixture
def editor_client(client):
    client.force_login(make_editor())
    return client


def act(client, action: str, events: list[Event], **data):
    """Post an action of the event changelist, as the changelist's form does."""
    payload = {"action": action, "_selected_action": [e.pk for e in events], **data}
    return client.post(EVENTS, payload)


def test_the_changelist_shows_date_precision_sources_and_flags(editor_client):
    opening, purchase, _, _ = two_reports()
    Event.objects.filter(pk=purchase.pk).update(supported=False)
    page = editor_client.get(EVENTS).content.decode()
    assert "2024-03-03" in page and "2024-02" in page
    assert "unsupported" in page
    assert "Month" in page


def test_the_changelist_counts_sources_as_articles_and_passages_apart(editor_client):
    opening, _, first, second = two_reports()
    make_evidence(opening, first, "The plant will employ 300 people, the company said.")
    make_evidence(opening, second)
    page = editor_client.get(EVENTS).content.decode()
    assert '<td class="field-sources">2</td><td class="field-passages">3</td>' in page
    assert '<td class="field-sources">1</td><td class="field-passages">1</td>' in page
    by_sources = editor_client.get(EVENTS, {"o": "-5"}).context["cl"].result_list
    assert by_sources[0] == opening


def test_merge_offers_to_keep_the_event_with_the_most_sources(editor_client):
    opening, purchase, first, second = two_reports()
    make_evidence(opening, first, "The plant will employ 300 people, the company said.")
    make_evidence(purchase, first)
    page = act(editor_client, "merge", [opening, purchase], index=0)
    assert page.context["form"]["target"].initial == purchase
    assert "(2 sources, 2 passages," in page.content.decode()


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"status__exact": "approved"}, {"opening"}),
        ({"date__from": "2024-03-01", "date__to": "2024-03-31"}, {"opening"}),
        ({"date__to": "2024-02-15"}, {"purchase"}),
        ({"flag": "unsupported"}, {"purchase"}),
        ({"flag": "any"}, {"purchase"}),
        ({"q": "Widget Ltd for"}, {"purchase"}),
        ({"q": "factory"}, {"opening"}),
    ],
)
def test_changelist_filters_and_search(editor_client, query, expected):
    opening, purchase, _, _ = two_reports()
    opening.approve()
    Event.objects.filter(pk=purchase.pk).update(supported=False)
    names = {opening.pk: "opening", purchase.pk: "purchase"}
    response = editor_client.get(EVENTS, query)
    assert response.status_code == 200
    shown = {names[e.pk] for e in response.context["cl"].result_list}
    assert shown == expected


def test_changelist_filters_by_entity_and_article(editor_client):
    opening, purchase, first, second = two_reports()
    purchase.entities.add(make_entity(purchase.timeline, "Widget Ltd"))
    by_article = editor_client.get(EVENTS, {"article": second.pk}).context["cl"].result_list
    entity = purchase.entities.get()
    by_entity = editor_client.get(EVENTS, {"entities__id__exact": entity.pk}).context["cl"]
    assert list(by_article) == [purchase]
    assert list(by_entity.result_list) == [purchase]


def test_a_bad_date_in_the_range_filter_does_not_break_the_page(editor_client):
    two_reports()
    response = editor_client.get(EVENTS, {"date__from": "June"})
    assert response.status_code == 302 and "e=1" in response.url


def test_approve_and_reject_lock_the_status(editor_client):
    opening, purchase, _, _ = two_reports()
    act(editor_client, "approve", [opening])
    act(editor_client, "reject", [purchase])
    opening.refresh_from_db()
    purchase.refresh_from_db()
    assert (opening.status, purchase.status) == ("approved", "rejected")
    assert opening.is_locked("status") and purchase.is_locked("status")


def test_merge_asks_for_the_target_then_moves_every_passage(editor_client):
    opening, purchase, _, _ = two_reports()
    rows = set(Evidence.objects.values_list("pk", flat=True))
    page = act(editor_client, "merge", [opening, purchase], index=0)
    assert page.status_code == 200
    assert "admin/timeline/event/merge.html" in [t.name for t in page.templates]

    response = act(editor_client, "merge", [opening, purchase], apply="Merge", target=purchase.pk)

    assert response.status_code == 302
    assert list(Event.objects.all()) == [purchase]
    assert set(purchase.evidence.values_list("pk", flat=True)) == rows


def test_merge_needs_two_events(editor_client):
    opening, _, _, _ = two_reports()
    act(editor_client, "merge", [opening], apply="Merge", target=opening.pk)
    assert Event.objects.count() == 2


def test_split_moves_the_chosen_passage_and_opens_the_new_event(editor_client):
    opening, _, first, _ = two_reports()
    stay = opening.evidence.get()
    move = make_evidence(opening, first, "The plant will employ 300 people")
    page = act(editor_client, "split", [opening], index=0)
    assert "The plant will employ 300 people" in page.content.decode()

    response = act(editor_client, "split", [opening], apply="Split", passages=[move.pk])

    new = Event.objects.latest("pk")
    assert response.url == reverse("admin:timeline_event_change", args=[new.pk])
    assert list(new.evidence.all()) == [move]
    assert list(opening.evidence.all()) == [stay]


def test_split_that_would_empty_the_event_is_refused_on_the_page(editor_client):
    opening, _, _, _ = two_reports()
    only = opening.evidence.get()
    page = act(editor_client, "split", [opening], apply="Split", passages=[only.pk])
    assert page.status_code == 200
    assert "Leave at least one passage" in page.content.decode()
    assert Event.objects.count() == 2


def test_redate_asks_for_date_and_precision(editor_client):
    opening, purchase, _, _ = two_reports()
    page = act(editor_client, "redate", [opening, purchase], index=0)
    assert page.status_code == 200 and 'type="date"' in page.content.decode()

    act(editor_client, "redate", [opening], apply="Re-date", date="2024-06-01", precision="month")

    opening.refresh_from_db()
    assert (opening.iso_date, opening.precision) == ("2024-06", "month")
    assert opening.is_locked("date")


def test_the_event_form_shows_passages_with_a_link_in_context(editor_client):
    opening, _, _, _ = two_reports()
    row = opening.evidence.get()
    page = editor_client.get(reverse("admin:timeline_event_change", args=[opening.pk]))
    html = page.content.decode()
    assert f"/articles/{row.article_id}/?passage=passage-{row.pk}#passage-{row.pk}" in html
    assert "<mark>March 3, 2024</mark>" in html


def edit(client, event: Event, **changes):
    url = reverse("admin:timeline_event_change", args=[event.pk])
    data = change_form_data(client.get(url))
    data.update(changes)
    response = client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    event.refresh_from_db()
    return response


def test_an_edited_field_is_locked_and_shown_locked_until_unlocked(editor_client):
    opening, _, _, _ = two_reports()
    edit(editor_client, opening, title="Acme's Leeds plant opens")
    assert opening.locked_fields == ["title"]
    url = reverse("admin:timeline_event_change", args=[opening.pk])
    assert "Title (locked)" in editor_client.get(url).content.decode()

    edit(editor_client, opening, unlock=["title"])
    assert opening.locked_fields == []


def test_a_title_edited_in_the_admin_survives_extraction(editor_client):
    timeline = make_article().timeline
    timeline_extract(timeline=timeline)
    event = Event.objects.get()
    edit(editor_client, event, title="Editor's title")

    timeline_extract(timeline=timeline)

    event.refresh_from_db()
    assert event.title == "Editor's title"
    assert Event.objects.count() == 1


def test_history_records_who_changed_what_and_revert_restores(editor_client):
    opening, _, _, _ = two_reports()
    edit(editor_client, opening, title="A wrong title")
    latest = opening.history.first()
    assert (latest.title, latest.history_user.username) == ("A wrong title", "editor")
    history = editor_client.get(reverse("admin:timeline_event_history", args=[opening.pk]))
    assert history.status_code == 200 and "A wrong title" in history.content.decode()

    original = opening.history.earliest()
    revert_url = reverse("admin:timeline_event_simple_history", args=[opening.pk, original.pk])
    data = change_form_data(editor_client.get(revert_url))
    response = editor_client.post(revert_url, data)

    assert response.status_code == 302
    opening.refresh_from_db()
    assert opening.title == "Acme opens a factory in Leeds"
    assert opening.locked_fields == []


def test_merge_and_split_appear_in_the_history_with_a_reason(editor_client):
    opening, purchase, _, _ = two_reports()
    act(editor_client, "merge", [opening, purchase], apply="Merge", target=opening.pk)
    reasons = list(opening.history.values_list("history_change_reason", flat=True))
    assert any("merged event" in (reason or "") for reason in reasons)
    gone = Event.history.filter(id=purchase.pk, history_type="-").get()
    assert gone.history_user.username == "editor"
    assert Evidence.history.filter(event_id=opening.pk, history_type="~").exists()


def test_the_article_page_marks_passages_and_time_expressions(editor_client):
    _, _, first, second = two_reports()
    page = editor_client.get(reverse("admin:timeline_article_change", args=[second.pk]))
    html = page.content.decode()
    assert '<mark class="time" title="2024-02">Last month</mark>' in html
    assert 'title="Acme buys Widget Ltd"' in html
    assert "Time expressions (2)" in html


def test_correcting_an_articles_date_re_reads_the_timeline(editor_client):
    article = make_article(text=SECOND_TEXT, title="Second", file_name="second.txt")
    timeline_extract(timeline=article.timeline)
    url = reverse("admin:timeline_article_change", args=[article.pk])
    data = change_form_data(editor_client.get(url))
    data["published"] = "2024-07-02"

    assert editor_client.post(url, data).status_code == 302

    article.refresh_from_db()
    assert article.date_source == DateSource.EDITOR
    assert Event.objects.get(title__contains="Widget").iso_date == "2024-06"


def test_paste_an_article(editor_client):
    timeline = make_article().timeline
    response = editor_client.post(
        reverse("admin:timeline_article_add"),
        {
            "timeline": timeline.pk,
            "title": "Acme buys Widget",
            "source": "Example News",
            "url": "https://example.org/widget",
            "published": "2024-03-05",
            "text": SECOND_TEXT,
        },
    )
    article = Article.objects.get(title="Acme buys Widget")
    assert response.url == reverse("admin:timeline_article_change", args=[article.pk])
    assert article.published == dt.date(2024, 3, 5)
    assert Event.objects.filter(evidence__article=article).exists()


def test_upload_many_files_with_a_report_per_file(editor_client):
    timeline = make_article().timeline
    response = editor_client.post(
        reverse("admin:timeline_article_upload"),
        {
            "timeline": timeline.pk,
            "files": [
                SimpleUploadedFile("widget.txt", SECOND_TEXT.encode()),
                SimpleUploadedFile("bad.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 20),
            ],
        },
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "widget.txt" in html and "bad.txt" in html and "binary file, not text" in html
    assert Article.objects.count() == 2


def test_re_read_selected_articles(editor_client):
    article = make_article()
    response = editor_client.post(
        reverse("admin:timeline_article_changelist"),
        {"action": "re_extract", "_selected_action": [article.pk], "index": 0},
        follow=True,
    )
    assert "1 new" in response.content.decode()
    assert Event.objects.count() == 1


def test_reverting_an_articles_date_re_reads_the_timeline(editor_client):
    article = make_article(text=SECOND_TEXT, title="Second", file_name="second.txt")
    timeline_extract(timeline=article.timeline)
    url = reverse("admin:timeline_article_change", args=[article.pk])
    data = change_form_data(editor_client.get(url))
    editor_client.post(url, {**data, "published": "2024-07-02"})
    original = article.history.earliest()
    revert_url = reverse("admin:timeline_article_simple_history", args=[article.pk, original.pk])

    response = editor_client.post(revert_url, change_form_data(editor_client.get(revert_url)))

    assert response.status_code == 302
    article.refresh_from_db()
    assert (article.published, article.date_source) == (dt.date(2024, 3, 4), DateSource.HEADER)
    assert Event.objects.get(title__contains="Widget").iso_date == "2024-02"
