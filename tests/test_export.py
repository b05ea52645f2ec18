"""The events document: same shape from the API and the command, with checkable sources."""

import json

import pytest
from django.core.management import call_command

from tests.factories import make_article, make_entity, make_event, make_evidence, make_timeline
from timeline.models import Event

pytestmark = pytest.mark.django_db

EVENT_KEYS = {
    "id",
    "title",
    "summary",
    "date",
    "end_date",
    "precision",
    "status",
    "entities",
    "sources",
}
SOURCE_KEYS = {"article", "article_title", "quote", "start", "end", "time_expression"}


@pytest.fixture
def stored():
    timeline = make_timeline("acme")
    article = make_article(timeline)
    event = make_event(timeline)
    event.entities.add(make_entity(timeline))
    make_evidence(event, article)
    make_event(timeline, title="Rejected", status=Event.Status.REJECTED)
    return timeline, article, event


def check_document(document, article):
    assert list(document) == ["events"]
    (event,) = document["events"]
    assert EVENT_KEYS <= set(event)
    assert event["date"] == "2024-03-03" and event["precision"] == "day"
    assert event["entities"] == ["Acme Corp"]
    (source,) = event["sources"]
    assert SOURCE_KEYS <= set(source)
    assert source["article"] == "acme.txt"
    assert article.text[source["start"] : source["end"]] == source["quote"]
    assert source["time_expression"]["value"] == "2024-03-03"


def test_api_document(client, stored):
    timeline, article, _ = stored
    response = client.get("/api/events.json", {"timeline": timeline.slug})
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    check_document(response.json(), article)


def test_command_gives_the_same_document(client, stored, tmp_path):
    timeline, article, _ = stored
    output = tmp_path / "events.json"
    call_command(
        "export_events", "--format", "json", "--timeline", timeline.slug, "--output", str(output)
    )
    from_command = json.loads(output.read_text())
    check_document(from_command, article)
    assert from_command == client.get("/api/events.json", {"timeline": timeline.slug}).json()


def test_month_precision_is_an_iso_month(client):
    timeline = make_timeline("acme")
    event = make_event(timeline, precision="month")
    event.date = event.date.replace(day=1)
    event.save()
    (doc,) = client.get("/api/events.json", {"timeline": "acme"}).json()["events"]
    assert doc["date"] == "2024-03"
    assert doc["period"] == ["2024-03-01", "2024-03-31"]


def test_unknown_timeline_is_404(client, stored):
    assert client.get("/api/events.json", {"timeline": "nope"}).status_code == 404


def test_api_query_count_is_bounded(client, stored, django_assert_max_num_queries):
    timeline, article, _ = stored
    for number in range(20):
        extra = make_event(timeline, title=f"Event {number}")
        make_evidence(extra, article)
    with django_assert_max_num_queries(6):
        client.get("/api/events.json", {"timeline": timeline.slug})


def test_sources_follow_publication_date_undated_articles_last(client):
    """Readers see the first report first, whichever article was stored first."""
    timeline = make_timeline("acme")
    event = make_event(timeline)
    undated = make_article(timeline, text="Undated report.\n", file_name="c.txt", published=None)
    later = make_article(timeline, text="Later report.\n", file_name="b.txt")
    earlier = make_article(
        timeline,
        text="Earlier report.\n",
        file_name="a.txt",
        published=later.published.replace(day=1),
    )
    for article in (undated, later, earlier):
        make_evidence(event, article)
    make_evidence(event, later, quote="report")
    (document,) = client.get("/api/events.json", {"timeline": "acme"}).json()["events"]
    assert [(s["article"], s["quote"]) for s in document["sources"]] == [
        ("a.txt", "Earlier report."),
        ("b.txt", "Later report."),
        ("b.txt", "report"),
        ("c.txt", "Undated report."),
    ]
    assert document["source_count"] == 3, "three articles report it, one of them twice"
