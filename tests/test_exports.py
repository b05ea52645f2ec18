"""The export routes and command: headers, filters, the publishing rule, the same bytes twice."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json

import pytest
from django.core.management import CommandError, call_command
from icalendar import Calendar

from tests.factories import make_article, make_entity, make_event, make_evidence, make_timeline
from timeline.models import Event

pytestmark = pytest.mark.django_db

ROUTES = {
    "json": "/export/events.json",
    "csv": "/export/events.csv",
    "ics": "/export/events.ics",
    "timelinejs": "/export/timelinejs.json",
}


@pytest.fixture
def story():
    """Acme's timeline: a day, a month and a year event, one rejected, one in another story."""
    timeline = make_timeline("acme", "Acme story")
    article = make_article(timeline)
    acme = make_entity(timeline)
    day = make_event(timeline, status=Event.Status.APPROVED)
    day.entities.add(acme)
    make_evidence(day, article)
    make_event(timeline, title="Acme hires in spring", date=dt.date(2024, 4, 1), precision="month")
    make_event(timeline, title="A record year", date=dt.date(2023, 1, 1), precision="year")
    make_event(timeline, title="Rejected claim", status=Event.Status.REJECTED)
    make_event(make_timeline("other", "Other story"), title="Elsewhere")
    return timeline


def titles(fmt: str, body: bytes) -> list[str]:
    """The event titles a file holds, each read back by its own format's parser."""
    text = body.decode("utf-8-sig")
    if fmt == "json":
        return [event["title"] for event in json.loads(text)["events"]]
    if fmt == "csv":
        return [row["title"] for row in csv.DictReader(io.StringIO(text))]
    if fmt == "ics":
        return [str(item["SUMMARY"]) for item in Calendar.from_ical(text).walk("VEVENT")]
    return [event["text"]["headline"] for event in json.loads(text)["events"]]


@pytest.mark.parametrize(
    ("fmt", "content_type", "disposition"),
    [
        ("json", "application/json", 'inline; filename="acme-events.json"'),
        ("csv", "text/csv; charset=utf-8", 'attachment; filename="acme-events.csv"'),
        ("ics", "text/calendar; charset=utf-8", 'attachment; filename="acme-events.ics"'),
        ("timelinejs", "application/json", 'inline; filename="acme-timelinejs.json"'),
    ],
)
def test_each_export_names_its_type_and_file(client, story, fmt, content_type, disposition):
    response = client.get(ROUTES[fmt], {"timeline": "acme"})
    assert response.status_code == 200
    assert response["Content-Type"] == content_type
    assert response["Content-Disposition"] == disposition
    assert response["X-Frame-Options"] == "DENY"


@pytest.mark.parametrize("fmt", ROUTES)
def test_exports_hold_the_published_events_of_one_timeline(client, story, fmt):
    found = titles(fmt, client.get(ROUTES[fmt], {"timeline": "acme"}).content)
    assert sorted(found) == [
        "A record year",
        "Acme hires in spring",
        "Acme opens a factory in Leeds",
    ]


@pytest.mark.parametrize("fmt", ROUTES)
@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"entity": "acme corp"}, ["Acme opens a factory in Leeds"]),
        ({"from": "2024-04", "to": "2024"}, ["Acme hires in spring"]),
        ({"to": "2023-06"}, ["A record year"]),
        ({"status": "approved"}, ["Acme opens a factory in Leeds"]),
        ({"q": "SPRING"}, ["Acme hires in spring"]),
        ({"entity": "Nobody"}, []),
    ],
)
def test_exports_honour_the_readers_filters(client, story, fmt, params, expected):
    response = client.get(ROUTES[fmt], {"timeline": "acme", **params})
    assert response.status_code == 200
    assert titles(fmt, response.content) == expected


def test_without_timeline_the_default_timeline_is_exported(client, story, settings):
    settings.TIMELINE_DEFAULT_SLUG = "other"
    assert titles("csv", client.get(ROUTES["csv"]).content) == ["Elsewhere"]


@pytest.mark.parametrize("fmt", ROUTES)
def test_bad_filter_is_400_and_unknown_timeline_404(client, story, fmt):
    bad = client.get(ROUTES[fmt], {"timeline": "acme", "from": "June"})
    assert bad.status_code == 400
    assert b"from must be a date" in bad.content
    assert client.get(ROUTES[fmt], {"timeline": "nope"}).status_code == 404


def test_exports_answer_only_get(client, story):
    assert client.post(ROUTES["csv"]).status_code == 405


def test_json_export_is_the_api_document(client, story):
    params = {"timeline": "acme", "entity": "Acme Corp"}
    exported = client.get(ROUTES["json"], params)
    assert exported.json() == client.get("/api/events.json", params).json()


def test_json_files_may_be_read_by_other_sites(client, story):
    assert client.get(ROUTES["timelinejs"])["Access-Control-Allow-Origin"] == "*"
    assert not client.get(ROUTES["csv"]).has_header("Access-Control-Allow-Origin")


@pytest.mark.parametrize("fmt", ROUTES)
def test_command_writes_the_same_file_as_the_site(client, story, tmp_path, fmt):
    output = tmp_path / "export"
    call_command(
        "export_events",
        f"--format={fmt}",
        "--timeline=acme",
        "--output",
        str(output),
        "--base-url=http://testserver/",
        "--from=2024",
    )
    web = client.get(ROUTES[fmt], {"timeline": "acme", "from": "2024"}).content
    assert output.read_bytes() == web


def test_command_filter_options(story):
    out = io.StringIO()
    call_command(
        "export_events", "--format=csv", "--timeline=acme", "--entity=Acme Corp", stdout=out
    )
    assert titles("csv", out.getvalue().encode()) == ["Acme opens a factory in Leeds"]
    out = io.StringIO()
    call_command("export_events", "--format=ics", "--timeline=acme", "--q=record", stdout=out)
    assert titles("ics", out.getvalue().encode()) == ["A record year"]


def test_command_rejects_bad_filters_and_timelines(story):
    with pytest.raises(CommandError, match="status must be one of"):
        call_command("export_events", "--timeline=acme", "--status=maybe")
    with pytest.raises(CommandError, match="No timeline"):
        call_command("export_events", "--timeline=nope")


@pytest.mark.parametrize("fmt", ["json", "csv", "ics", "timelinejs"])
def test_exports_take_a_fixed_number_of_queries(client, fmt, django_assert_max_num_queries):
    from tests.factories import make_article, make_event, make_evidence, make_timeline

    timeline = make_timeline("many")
    article = make_article(timeline)
    for number in range(15):
        make_evidence(make_event(timeline, title=f"Event {number}"), article)
    url = {
        "json": "/export/events.json",
        "csv": "/export/events.csv",
        "ics": "/export/events.ics",
        "timelinejs": "/export/timelinejs.json",
    }[fmt]
    with django_assert_max_num_queries(8):
        assert client.get(url, {"timeline": "many"}).status_code == 200
