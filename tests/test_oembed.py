"""oEmbed: a rich answer for our timeline and event URLs, the specification's errors otherwise."""

from __future__ import annotations

import pytest

from tests.factories import make_event, make_timeline
from timeline.models import Event

pytestmark = pytest.mark.django_db

XSS_TITLE = '<script>alert(1)</script> "><img src=x onerror=alert(2)>'


@pytest.fixture
def story(settings):
    settings.TIMELINE_DEFAULT_SLUG = "acme"
    timeline = make_timeline("acme", "Acme story")
    return timeline, make_event(timeline)


def oembed(client, url: str, **params):
    return client.get("/oembed", {"url": url, **params})


def test_timeline_url_gets_a_rich_response(client, story):
    response = oembed(client, "http://testserver/t/acme/?entity=Acme+Corp", format="json")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    document = response.json()
    assert {k: document[k] for k in ("version", "type", "title", "provider_name")} == {
        "version": "1.0",
        "type": "rich",
        "title": "Acme story",
        "provider_name": "timeline",
    }
    assert (document["width"], document["height"]) == (800, 640)
    assert document["html"] == (
        '<iframe src="http://testserver/embed/?timeline=acme&amp;entity=Acme+Corp" '
        'title="Acme story · timeline" width="800" height="640" style="border:0" '
        'loading="lazy"></iframe>'
    )


def test_home_and_event_urls_are_ours_too(client, story):
    _, event = story
    home = oembed(client, "http://testserver/").json()
    assert home["title"] == "Acme story"
    document = oembed(client, f"http://testserver/events/{event.pk}/").json()
    assert document["title"] == event.title
    assert f"/embed/?timeline=acme&amp;event={event.pk}" in document["html"]


def test_size_stays_within_maxwidth_and_maxheight(client, story):
    document = oembed(client, "http://testserver/t/acme/", maxwidth=500, maxheight=300).json()
    assert (document["width"], document["height"]) == (500, 300)
    assert 'width="500" height="300"' in document["html"]
    roomy = oembed(client, "http://testserver/t/acme/", maxwidth=4000, maxheight=4000).json()
    assert (roomy["width"], roomy["height"]) == (800, 640)


@pytest.mark.parametrize(
    "url",
    [
        "http://elsewhere.example/t/acme/",
        "ftp://testserver/t/acme/",
        "http://testserver/t/nope/",
        "http://testserver/articles/1/",
        "http://testserver/api/events.json",
        "http://testserver/no/such/page/",
        "http://testserver/events/999999/",
        "javascript:alert(1)",
    ],
)
def test_urls_that_are_not_ours_are_404(client, story, url):
    assert oembed(client, url).status_code == 404


def test_rejected_event_is_404(client, story):
    rejected = make_event(story[0], title="Rejected", status=Event.Status.REJECTED)
    assert oembed(client, f"http://testserver/events/{rejected.pk}/").status_code == 404


@pytest.mark.parametrize("fmt", ["xml", "yaml"])
def test_formats_other_than_json_are_501(client, story, fmt):
    assert oembed(client, "http://testserver/t/acme/", format=fmt).status_code == 501


@pytest.mark.parametrize(
    "params",
    [
        {"maxwidth": "wide"},
        {"maxwidth": "-5"},
        {"maxwidth": "0"},
        {"maxheight": "1.5"},
        {"maxheight": "99999"},
        {"maxheight": "²"},
    ],
)
def test_bad_maxwidth_or_maxheight_is_400(client, story, params):
    response = oembed(client, "http://testserver/t/acme/", **params)
    assert response.status_code == 400
    assert response["Content-Type"] == "text/plain; charset=utf-8"


def test_missing_url_or_bad_filter_in_it_is_400(client, story):
    assert client.get("/oembed").status_code == 400
    assert oembed(client, "http://testserver/t/acme/?from=soon").status_code == 400


def test_oembed_html_escapes_hostile_titles(client, story):
    timeline, event = story
    timeline.title = XSS_TITLE
    timeline.save()
    document = oembed(client, "http://testserver/t/acme/").json()
    assert document["title"] == XSS_TITLE
    assert "<script" not in document["html"] and "<img" not in document["html"]
    assert 'title="&lt;script&gt;alert(1)&lt;/script&gt; &quot;&gt;&lt;img' in document["html"]


def test_oembed_answers_only_get(client, story):
    assert client.post("/oembed?url=http://testserver/").status_code == 405
