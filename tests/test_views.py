"""Pages: the timeline, the event panel (full page and htmx partial), the article."""

import pytest

from tests.factories import make_article, make_event, make_evidence, make_timeline
from timeline.models import Event

pytestmark = pytest.mark.django_db


@pytest.fixture
def stored(settings):
    settings.TIMELINE_DEFAULT_SLUG = "acme"
    timeline = make_timeline("acme", "Acme story")
    article = make_article(timeline)
    event = make_event(timeline)
    evidence = make_evidence(event, article)
    return timeline, article, event, evidence


def test_home_shows_the_default_timeline_with_chart_source_and_list(client, stored):
    _, _, event, _ = stored
    response = client.get("/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Acme story" in html
    assert 'data-src="/api/events.json?timeline=acme&amp;quotes=0"' in html
    assert f'href="/events/{event.pk}/"' in html
    assert "vendor/htmx" in html and "vendor/plotly" in html


def test_home_without_any_timeline_explains_what_to_do(client):
    response = client.get("/")
    assert response.status_code == 200
    assert "No timeline yet" in response.content.decode()


def test_other_timelines_have_their_own_page_and_a_list(client, stored):
    make_timeline("second", "Second story")
    response = client.get("/t/second/")
    html = response.content.decode()
    assert response.status_code == 200 and "Second story" in html
    assert 'href="/t/acme/"' in html
    assert client.get("/t/missing/").status_code == 404


def test_event_full_page_shows_panel_and_timeline(client, stored):
    _, article, event, evidence = stored
    html = client.get(f"/events/{event.pk}/").content.decode()
    assert "<html" in html and 'id="timeline-chart"' in html
    assert event.title in html
    assert '<mark class="time" title="Read as 2024-03-03">March 3, 2024</mark>' in html
    assert f"/articles/{article.pk}/?passage=passage-{evidence.pk}#passage-{evidence.pk}" in html


def test_event_htmx_request_gets_only_the_panel(client, stored):
    _, _, event, _ = stored
    response = client.get(f"/events/{event.pk}/", headers={"HX-Request": "true"})
    html = response.content.decode()
    assert "<html" not in html and event.title in html
    assert "HX-Request" in response["Vary"]


def test_htmx_history_restore_gets_the_full_page(client, stored):
    _, _, event, _ = stored
    response = client.get(
        f"/events/{event.pk}/",
        headers={"HX-Request": "true", "HX-History-Restore-Request": "true"},
    )
    assert "<html" in response.content.decode()


def test_rejected_and_missing_events_are_404_in_site_style(client, stored):
    rejected = make_event(stored[0], status=Event.Status.REJECTED)
    for url in (f"/events/{rejected.pk}/", "/events/999999/", "/articles/999999/", "/nowhere/"):
        response = client.get(url)
        assert response.status_code == 404
        html = response.content.decode()
        assert "<h1>Not found</h1>" in html and "site-header" in html


def test_event_panel_query_count_is_bounded(client, stored, django_assert_max_num_queries):
    timeline, article, event, _ = stored
    for sentence in ("The plant will employ 300 people, the company said.",):
        make_evidence(event, article, sentence)
    with django_assert_max_num_queries(6):
        client.get(f"/events/{event.pk}/", headers={"HX-Request": "true"})


def test_article_page_marks_passages_and_the_selected_one(client, stored):
    _, article, _, evidence = stored
    html = client.get(
        f"/articles/{article.pk}/", {"passage": f"passage-{evidence.pk}"}
    ).content.decode()
    assert f'<mark id="passage-{evidence.pk}" class="passage selected">' in html
    assert "The plant will employ 300 people" in html


def test_text_is_escaped_everywhere(client, settings):
    settings.TIMELINE_DEFAULT_SLUG = "acme"
    timeline = make_timeline("acme")
    text = 'Evil <script>alert(1)</script> on March 3, 2024 "><img onerror=x>.'
    article = make_article(timeline, text=text, title="<b>bold</b>")
    event = make_event(timeline, title="<script>x</script>")
    make_evidence(event, article, text)
    for url in ("/", f"/events/{event.pk}/", f"/articles/{article.pk}/"):
        html = client.get(url).content.decode()
        assert "<script>alert(1)</script>" not in html
        assert "<script>x</script>" not in html
        assert "<img onerror" not in html


def test_post_is_not_allowed(client, stored):
    assert client.post("/").status_code == 405
