"""Each export read back by its own parser: CSV cells, calendar spans, TimelineJS3's schema."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from typing import Any

import pytest
from icalendar import Calendar

from tests.factories import make_article, make_entity, make_event, make_evidence, make_timeline
from timeline.exports_csv import COLUMNS, safe_cell
from timeline.models import Evidence

pytestmark = pytest.mark.django_db

XSS_TITLE = '<script>alert(1)</script> "><img src=x onerror=alert(2)>'


@pytest.fixture
def timeline():
    return make_timeline("acme", "Acme story")


def get_csv(client) -> list[dict[str, str]]:
    body = client.get("/export/events.csv", {"timeline": "acme"}).content
    assert body.startswith("\ufeff".encode())
    return list(csv.DictReader(io.StringIO(body.decode("utf-8-sig"))))


def get_calendar(client) -> Calendar:
    return Calendar.from_ical(client.get("/export/events.ics", {"timeline": "acme"}).content)


def get_timelinejs(client) -> dict[str, Any]:
    return json.loads(client.get("/export/timelinejs.json", {"timeline": "acme"}).content)


# CSV


def test_csv_has_one_row_per_event_with_its_sources_joined(client, timeline):
    article = make_article(timeline)
    second = make_article(timeline, text="Acme said the Leeds plant is ready.", title="Later")
    event = make_event(timeline)
    event.entities.add(make_entity(timeline), make_entity(timeline, "Leeds", "other"))
    make_evidence(event, article)
    make_evidence(event, second, "Acme said the Leeds plant is ready.")
    (row,) = get_csv(client)
    assert list(row) == COLUMNS
    assert row["id"] == str(event.pk)
    assert row["date"] == "2024-03-03"
    assert row["period_start"] == row["period_end"] == "2024-03-03"
    assert row["entities"] == "Acme Corp; Leeds"
    assert row["source_count"] == "2"
    assert row["sources"].splitlines() == [
        "Acme opens Leeds plant: “Acme Corp opened a new factory in Leeds on March 3, 2024.”",
        "Later: “Acme said the Leeds plant is ready.”",
    ]
    assert row["url"] == f"http://testserver/events/{event.pk}/"


@pytest.mark.parametrize("formula", ["=1+1", "+1", "-1", "@SUM(A1)", '=HYPERLINK("x")'])
def test_csv_cells_never_start_a_formula(client, timeline, formula):
    event = make_event(timeline, title=formula)
    event.summary = "\t" + formula
    event.save()
    (row,) = get_csv(client)
    assert row["title"] == "'" + formula
    assert row["summary"] == "'\t" + formula


def test_safe_cell_leaves_ordinary_values():
    assert safe_cell("Acme - a company") == "Acme - a company"
    assert safe_cell(None) == ""
    assert safe_cell(7) == "7"


# iCalendar


def test_day_event_is_an_all_day_vevent(client, timeline):
    event = make_event(timeline)
    (item,) = get_calendar(client).walk("VEVENT")
    assert item["DTSTART"].params["VALUE"] == "DATE"
    assert item["DTSTART"].dt == dt.date(2024, 3, 3)
    assert item["DTEND"].dt == dt.date(2024, 3, 4)
    assert str(item["UID"]) == f"event-{event.pk}@testserver"
    assert str(item["URL"]) == f"http://testserver/events/{event.pk}/"
    assert "Day precision" in str(item["DESCRIPTION"])


@pytest.mark.parametrize(
    ("start", "precision", "end", "words"),
    [
        (dt.date(2024, 2, 1), "month", dt.date(2024, 3, 1), "Month precision"),
        (dt.date(2024, 12, 1), "month", dt.date(2025, 1, 1), "Month precision"),
        (dt.date(2024, 4, 1), "quarter", dt.date(2024, 7, 1), "Quarter precision"),
        (dt.date(2024, 1, 1), "year", dt.date(2025, 1, 1), "Year precision"),
    ],
)
def test_period_event_spans_its_whole_period(client, timeline, start, precision, end, words):
    make_event(timeline, date=start, precision=precision)
    (item,) = get_calendar(client).walk("VEVENT")
    assert item["DTSTART"].params["VALUE"] == "DATE" and item["DTEND"].params["VALUE"] == "DATE"
    assert (item["DTSTART"].dt, item["DTEND"].dt) == (start, end)
    assert words in str(item["DESCRIPTION"])


def test_calendar_describes_sources_and_leaves_out_undated_events(client, timeline):
    article = make_article(timeline)
    make_evidence(make_event(timeline), article)
    make_event(timeline, title="Undated", date=None)
    calendar = get_calendar(client)
    assert str(calendar["X-WR-CALNAME"]) == "Acme story"
    (item,) = calendar.walk("VEVENT")
    assert "Acme opens Leeds plant: “Acme Corp opened a new factory" in str(item["DESCRIPTION"])
    assert str(item["STATUS"]) == "TENTATIVE"


def test_calendar_text_cannot_break_out_of_its_property(client, timeline):
    title = XSS_TITLE + "\nEND:VEVENT\nBEGIN:VEVENT\nSUMMARY:forged; x,y"
    make_event(timeline, title=title)
    (item,) = get_calendar(client).walk("VEVENT")
    assert str(item["SUMMARY"]) == title


# TimelineJS3


def check_date(date: Any) -> None:
    """TimelineJS3's date object: `year` required; `month` 1-12 and `day` only with month."""
    assert isinstance(date, dict) and set(date) <= {"year", "month", "day", "display_date"}
    assert isinstance(date["year"], int)
    if "month" in date:
        assert isinstance(date["month"], int) and 1 <= date["month"] <= 12
    if "day" in date:
        assert "month" in date
        dt.date(date["year"], date["month"], date["day"])


def check_text(text: Any) -> None:
    assert isinstance(text, dict) and set(text) <= {"headline", "text"}
    assert all(isinstance(value, str) for value in text.values())


def check_timelinejs(document: Any) -> None:
    """TimelineJS3's JSON format (timeline.knightlab.com/docs/json-format.html), as we use it.

    `{"title": slide?, "events": [slide], "eras": [...]?, "scale": "human"?}`; an event slide
    needs `start_date`, may have `end_date`, `text`, `media`, `group`, `display_date`,
    `background`, `autolink`, `unique_id` (unique across the document).
    """
    assert isinstance(document, dict) and set(document) <= {"title", "events", "eras", "scale"}
    slide_keys = {
        "start_date",
        "end_date",
        "text",
        "media",
        "group",
        "display_date",
        "background",
        "autolink",
        "unique_id",
    }
    if "title" in document:
        assert set(document["title"]) <= slide_keys - {"start_date", "end_date"}
        check_text(document["title"]["text"])
    assert isinstance(document["events"], list)
    ids = [slide["unique_id"] for slide in document["events"]]
    assert len(ids) == len(set(ids))
    for slide in document["events"]:
        assert set(slide) <= slide_keys
        check_date(slide["start_date"])
        if "end_date" in slide:
            check_date(slide["end_date"])
            assert set(slide["end_date"]) == set(slide["start_date"])
        check_text(slide["text"])


def test_timelinejs_document_matches_the_schema(client, timeline):
    article = make_article(timeline)
    make_evidence(make_event(timeline), article)
    make_event(timeline, title="Month", date=dt.date(2024, 4, 1), precision="month")
    make_event(timeline, title="Quarter", date=dt.date(2024, 4, 1), precision="quarter")
    make_event(timeline, title="Year", date=dt.date(2023, 1, 1), precision="year")
    make_event(timeline, title="Undated", date=None)
    document = get_timelinejs(client)
    check_timelinejs(document)
    assert document["title"]["text"]["headline"] == "Acme story"
    slides = {slide["text"]["headline"]: slide for slide in document["events"]}
    assert set(slides) == {"Acme opens a factory in Leeds", "Month", "Quarter", "Year"}
    assert slides["Acme opens a factory in Leeds"]["start_date"] == {
        "year": 2024,
        "month": 3,
        "day": 3,
    }
    assert "end_date" not in slides["Acme opens a factory in Leeds"]
    assert slides["Month"]["start_date"] == {"year": 2024, "month": 4}
    assert "end_date" not in slides["Month"]
    assert slides["Quarter"]["start_date"] == {"year": 2024, "month": 4}
    assert slides["Quarter"]["end_date"] == {"year": 2024, "month": 6}
    assert slides["Year"]["start_date"] == {"year": 2023}
    leeds = slides["Acme opens a factory in Leeds"]["text"]["text"]
    assert "<blockquote>“Acme Corp opened a new factory in Leeds" in leeds
    assert "http://testserver/events/" in leeds


def test_timelinejs_text_is_escaped(client, timeline):
    article = make_article(timeline, text=XSS_TITLE + " happened.", title=XSS_TITLE)
    event = make_event(timeline, title=XSS_TITLE)
    event.summary = XSS_TITLE
    event.save()
    make_evidence(event, article, XSS_TITLE)
    document = get_timelinejs(client)
    check_timelinejs(document)
    (slide,) = document["events"]
    for html in (slide["text"]["headline"], slide["text"]["text"]):
        assert "<script" not in html and "<img" not in html
        assert "&lt;script&gt;" in html and "&quot;&gt;&lt;img" in html


def test_json_and_csv_keep_hostile_titles_as_data(client, timeline):
    make_event(timeline, title=XSS_TITLE)
    response = client.get("/export/events.json", {"timeline": "acme"})
    assert response["Content-Type"] == "application/json"
    assert response.json()["events"][0]["title"] == XSS_TITLE
    assert get_csv(client)[0]["title"] == XSS_TITLE


def test_csv_source_count_counts_articles_not_passages(client, timeline):
    article = make_article(timeline, text="Acme opened a plant.\nAcme opened a plant.\n")
    event = make_event(timeline)
    make_evidence(event, article, "Acme opened a plant.")
    start = article.text.rindex("Acme opened a plant.")
    Evidence.objects.create(
        event=event, article=article, start=start, end=start + 20, quote="Acme opened a plant."
    )
    (row,) = get_csv(client)
    assert row["source_count"] == "1"
    assert len(row["sources"].splitlines()) == 2
