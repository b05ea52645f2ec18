"""The embed page, its framing headers, and the Share control's codes."""

from __future__ import annotations

from html.parser import HTMLParser

import pytest
from django.template import engines
from django.test import RequestFactory

from tests.factories import make_article, make_entity, make_event, make_evidence, make_timeline
from tests.test_security_headers import csp_directives
from timeline.models import Event

pytestmark = pytest.mark.django_db

XSS_TITLE = '<script>alert(1)</script> "><img src=x onerror=alert(2)>'


class ScriptFinder(HTMLParser):
    """Collects what a CSP without 'unsafe-inline' would block: inline scripts, on…= handlers."""

    def __init__(self) -> None:
        super().__init__()
        self.blocked: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        names = {name for name, _ in attrs}
        if tag == "script" and "src" not in names:
            self.blocked.append("inline <script>")
        self.blocked += [f"{tag} {name}=" for name in names if name.startswith("on")]
        self.blocked += [f"{tag} javascript: URL" for _, v in attrs if v and "javascript:" in v]


@pytest.fixture
def story():
    timeline = make_timeline("acme", "Acme story")
    article = make_article(timeline)
    event = make_event(timeline)
    event.entities.add(make_entity(timeline))
    make_evidence(event, article)
    return timeline, event


def assert_no_inline_script(html: str) -> None:
    finder = ScriptFinder()
    finder.feed(html)
    assert finder.blocked == []


@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/t/acme/",
        "/events/{event}/",
        "/articles/{article}/",
        "/api/events.json",
        "/export/events.csv",
        "/export/events.ics",
        "/export/timelinejs.json",
        "/oembed?url=http://testserver/",
        "/admin/login/",
    ],
)
def test_every_other_route_refuses_frames(client, story, settings, path):
    settings.TIMELINE_DEFAULT_SLUG = "acme"
    timeline, event = story
    url = path.format(event=event.pk, article=event.evidence.get().article_id)
    response = client.get(url)
    assert response.status_code == 200
    assert response["X-Frame-Options"] == "DENY"


def test_embed_may_be_framed_by_the_allowed_origins(client, story, settings):
    response = client.get("/embed/")
    assert response.status_code == 200
    assert not response.has_header("X-Frame-Options")
    assert csp_directives(response)["frame-ancestors"] == "*"
    settings.TIMELINE_EMBED_ALLOWED_ORIGINS = ["https://news.example", "https://blog.example"]
    response = client.get("/embed/")
    assert csp_directives(response)["frame-ancestors"] == (
        "https://news.example https://blog.example"
    )
    settings.TIMELINE_EMBED_ALLOWED_ORIGINS = []
    assert csp_directives(client.get("/embed/"))["frame-ancestors"] == "'none'"


def test_embed_shows_the_chart_list_and_panel_with_the_filters(client, story):
    timeline, event = story
    make_event(timeline, title="Not about Acme")
    response = client.get("/embed/", {"timeline": "acme", "entity": "Acme Corp"})
    html = response.content.decode()
    assert 'data-src="/api/events.json?timeline=acme&amp;entity=Acme+Corp' in html
    assert 'id="event-panel"' in html
    assert event.title in html and "Not about Acme" not in html
    assert '<base target="_blank">' in html
    assert_no_inline_script(html)


def test_embed_opens_the_event_asked_for(client, story):
    timeline, event = story
    html = client.get("/embed/", {"timeline": "acme", "event": event.pk}).content.decode()
    assert 'class="quote"' in html
    assert "Acme Corp opened a new factory in Leeds" in html


@pytest.mark.parametrize(
    ("params", "status"),
    [
        ({"timeline": "nope"}, 404),
        ({"timeline": "acme", "from": "last year"}, 400),
        ({"timeline": "acme", "event": "seven"}, 400),
        ({"timeline": "acme", "event": "999999"}, 404),
    ],
)
def test_embed_errors(client, story, params, status):
    assert client.get("/embed/", params).status_code == status


def test_embed_does_not_open_an_event_of_another_timeline_or_a_rejected_one(client, story):
    _, event = story
    other = make_event(make_timeline("other"), title="Elsewhere")
    rejected = make_event(story[0], title="Rejected", status=Event.Status.REJECTED)
    for pk in (other.pk, rejected.pk):
        assert client.get("/embed/", {"timeline": "acme", "event": pk}).status_code == 404


def test_embed_answers_only_get(client, story):
    assert client.post("/embed/").status_code == 405


def test_embed_escapes_hostile_titles(client):
    timeline = make_timeline("acme", XSS_TITLE)
    article = make_article(timeline, title=XSS_TITLE)
    event = make_event(timeline, title=XSS_TITLE)
    make_evidence(event, article)
    html = client.get("/embed/", {"timeline": "acme", "event": event.pk}).content.decode()
    assert "<script>alert" not in html and "<img src=x" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert_no_inline_script(html)


def test_embed_carries_the_oembed_discovery_link(client, story):
    html = client.get("/embed/", {"timeline": "acme"}).content.decode()
    assert (
        '<link rel="alternate" type="application/json+oembed" '
        'href="http://testserver/oembed?url=http%3A%2F%2Ftestserver%2Ft%2Facme%2F&amp;format=json"'
    ) in html


def render_share(subject, query: str = "") -> str:
    request = RequestFactory().get("/t/acme/" + query)
    template = engines["django"].from_string('{% include "timeline/_share.html" %}')
    return template.render({"subject": subject}, request)


def test_share_control_gives_link_and_both_embed_codes_with_the_filters(story):
    timeline, _ = story
    html = render_share(timeline, "?entity=Acme+Corp&from=2024")
    embed = (
        "http://testserver/embed/?timeline=acme&amp;amp;entity=Acme+Corp&amp;amp;from=2024-01-01"
    )
    assert 'value="http://testserver/t/acme/?entity=Acme+Corp&amp;from=2024-01-01"' in html
    assert f"&lt;iframe src=&quot;{embed}&quot;" in html
    assert (
        "&lt;script src=&quot;http://testserver/static/timeline/embed.js&quot; "
        f"data-timeline-embed=&quot;{embed}&quot;"
    ) in html
    assert "These keep the filters" in html
    assert_no_inline_script(html)


def test_share_control_of_an_event_embeds_that_event(story):
    _, event = story
    html = render_share(event)
    assert f'id="share-event-{event.pk}-link"' in html
    assert f'value="http://testserver/events/{event.pk}/"' in html
    assert f"embed/?timeline=acme&amp;amp;event={event.pk}" in html
    assert "These keep the filters" not in html


def test_share_codes_escape_hostile_titles(story):
    timeline, _ = story
    timeline.title = XSS_TITLE
    html = render_share(timeline)
    assert "<script>alert" not in html and "<img src=x" not in html
    # Shown as text: the field's value, once the page's escaping is undone, is safe code.
    assert "title=&quot;&amp;lt;script&amp;gt;alert(1)" in html


def test_the_include_lines_the_pages_use(story):
    """The lines page.html carries: the head (oEmbed discovery) and the two Share controls."""
    timeline, event = story
    request = RequestFactory().get(f"/events/{event.pk}/", {"entity": "Acme Corp"})
    page = engines["django"].from_string(
        '{% include "timeline/_share_head.html" with subject=event|default:timeline %}'
        '{% include "timeline/_share.html" with subject=timeline %}'
        '{% include "timeline/_share.html" with subject=event %}'
    )
    html = page.render({"timeline": timeline, "event": event}, request)
    assert 'type="application/json+oembed"' in html
    assert f"url=http%3A%2F%2Ftestserver%2Fevents%2F{event.pk}%2F%3Fentity%3DAcme%2BCorp" in html
    assert 'id="share-timeline-' in html and 'id="share-event-' in html
    assert_no_inline_script(html)
    head = engines["django"].from_string(
        '{% include "timeline/_share_head.html" with subject=event|default:timeline %}'
    )
    without_event = head.render({"timeline": timeline, "event": None}, request)
    assert "url=http%3A%2F%2Ftestserver%2Ft%2Facme%2F%3Fentity" in without_event
