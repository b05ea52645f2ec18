"""The explore page: filters through htmx, the paged list, clear 400 and 404 pages."""

import datetime as dt

import pytest
from django.test import override_settings

from tests.factories import make_article, make_entity, make_event, make_evidence, make_timeline
from timeline.models import Event, Evidence
from timeline.views.pages import EVENTS_PER_PAGE

pytestmark = pytest.mark.django_db


@pytest.fixture
def story(settings):
    settings.TIMELINE_DEFAULT_SLUG = "acme"
    timeline = make_timeline("acme", "Acme story")
    article = make_article(timeline)
    entity = make_entity(timeline, "Acme Corp")
    opened = make_event(timeline, title="Acme opens Leeds plant")
    opened.entities.add(entity)
    make_evidence(opened, article)
    make_event(timeline, title="Unrelated hiring", date=dt.date(2023, 1, 5))
    return timeline, opened


def test_filter_change_via_htmx_gets_the_results_partial_and_a_tidy_url(client, story):
    response = client.get(
        "/t/acme/", {"entity": "Acme Corp", "q": "", "from": ""}, headers={"HX-Request": "true"}
    )
    html = response.content.decode()
    assert "<html" not in html and 'id="timeline-chart"' in html
    assert "Acme opens Leeds plant" in html and "Unrelated hiring" not in html
    assert response["HX-Push-Url"] == "/t/acme/?entity=Acme+Corp"
    assert "entity=Acme+Corp" in html, "the chart source carries the filter"


def test_filtered_full_page_keeps_the_form_values(client, story):
    html = client.get("/", {"q": "leeds", "from": "2024"}).content.decode()
    assert 'value="leeds"' in html and 'value="2024-01-01"' in html
    assert "1 event match these filters" in html


def test_nothing_matches_explains_itself(client, story):
    html = client.get("/", {"q": "volcano"}).content.decode()
    assert "No event matches these filters" in html


def test_bad_parameters_give_a_400_page_not_a_500(client, story):
    for params in ({"from": "yesterday"}, {"status": "deleted"}, {"to": "2025-02-31"}):
        response = client.get("/", params)
        assert response.status_code == 400
        assert "could not be understood" in response.content.decode()
    assert client.get("/api/events.json", {"from": "soon"}).status_code == 400
    assert client.get("/api/events.json", {"quotes": "maybe"}).status_code == 400
    assert client.get(f"/events/{story[1].pk}/", {"to": "x"}).status_code == 400


def test_bad_page_numbers_are_404(client, story):
    assert client.get("/", {"page": "99"}).status_code == 404
    assert client.get("/", {"page": "abc"}).status_code == 404


def test_list_is_paged_and_links_keep_the_filter(client, story):
    timeline = story[0]
    for number in range(EVENTS_PER_PAGE + 5):
        make_event(timeline, title=f"Bulk {number}", date=dt.date(2022, 1, 1))
    html = client.get("/", {"q": "bulk"}).content.decode()
    assert html.count("<li data-event-id=") == EVENTS_PER_PAGE
    assert 'href="?q=bulk&amp;page=2" rel="next"' in html
    second = client.get("/", {"q": "bulk", "page": "2"}).content.decode()
    assert second.count("<li data-event-id=") == 5


def test_event_links_carry_the_current_filter(client, story):
    _, opened = story
    html = client.get("/", {"entity": "Acme Corp"}).content.decode()
    assert f'href="/events/{opened.pk}/?entity=Acme+Corp"' in html


def test_panel_shows_entities_as_filter_links_and_source_details(client, story):
    _, opened = story
    html = client.get(f"/events/{opened.pk}/", headers={"HX-Request": "true"}).content.decode()
    assert 'href="/t/acme/?entity=Acme%20Corp"' in html
    assert "4 Mar 2024" in html, "the source's publication date"
    assert "day precision" in html and "proposed" in html


def test_chart_json_without_quotes_keeps_source_counts(client, story):
    events = client.get("/api/events.json", {"quotes": "0"}).json()["events"]
    opened = next(e for e in events if e["title"] == "Acme opens Leeds plant")
    assert opened["source_count"] == 1 and "sources" not in opened


def test_chart_json_without_quotes_counts_sources_with_the_events(
    client, story, django_assert_num_queries
):
    """The timeline, the events with their source counts, their entities: no passage query."""
    with django_assert_num_queries(3):
        client.get("/api/events.json", {"timeline": "acme", "quotes": "0"})


def test_the_entity_menu_counts_what_the_publish_rule_shows(client, story):
    timeline, opened = story
    widget = make_entity(timeline, "Widget Ltd")
    opened.entities.add(widget)
    approved = make_event(timeline, title="Acme buys Widget", status=Event.Status.APPROVED)
    approved.entities.add(widget)
    assert client.get("/").context["entity_choices"] == [("Widget Ltd", 2), ("Acme Corp", 1)]
    with override_settings(TIMELINE_PUBLISH_RULE="approved"):
        response = client.get("/")
    assert [e.title for e in response.context["events"]] == ["Acme buys Widget"]
    assert response.context["entity_choices"] == [("Widget Ltd", 1)]


def test_page_query_count_is_bounded(client, story, django_assert_max_num_queries):
    timeline = story[0]
    for number in range(30):
        make_event(timeline, title=f"Bulk {number}")
    with django_assert_max_num_queries(8):
        client.get("/")


def test_a_paragraph_an_article_repeats_is_quoted_once(client, story):
    timeline, opened = story
    paragraph = "Acme said on Monday it would hire 200 people in Leeds."
    article = make_article(
        timeline, text=f"{paragraph}\nOther news.\n{paragraph}\n", file_name="twice.txt"
    )
    first = make_evidence(opened, article, paragraph)
    again = article.text.rindex(paragraph)
    Evidence.objects.create(
        event=opened, article=article, start=again, end=again + len(paragraph), quote=paragraph
    )
    html = client.get(f"/events/{opened.pk}/", headers={"HX-Request": "true"}).content.decode()
    assert html.count(paragraph) == 1
    assert f"passage-{first.pk}" in html and "prints this passage 2 times" in html
    assert "(2 articles, 2 passages)" in html, "the repeated paragraph is one passage"
    document = client.get("/api/events.json").json()["events"]
    assert sum(len(e["sources"]) for e in document if e["id"] == opened.pk) == 3


def test_a_filter_change_keeps_the_charts_lanes_in_the_address(client, story):
    response = client.get(
        "/", {"entity": "Acme Corp", "lanes": "kind", "q": ""}, headers={"HX-Request": "true"}
    )
    assert response["HX-Push-Url"] == "/t/acme/?entity=Acme+Corp&lanes=kind"
    response = client.get("/", {"lanes": "entity"}, headers={"HX-Request": "true"})
    assert response["HX-Push-Url"] == "/t/acme/?lanes=entity"
    response = client.get("/", {"lanes": "none"}, headers={"HX-Request": "true"})
    assert response["HX-Push-Url"] == "/t/acme/"
