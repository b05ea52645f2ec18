"""Hostile article content is shown as text on every surface that shows it.

One story whose titles, text, publisher, entity and url are attacks (markup, event
handlers, a `javascript:` url, template syntax) is rendered by every page, fragment,
admin view and export. An HTML response passes when a parser finds nothing a browser
would run or load from it; the text must still be there, readable, as text. The Plotly
chart, drawn in the browser, is checked in tests/browser/test_csp.py.
"""

from __future__ import annotations

import datetime as dt
import html
import json
from html.parser import HTMLParser

import pytest

from tests.factories import make_article, make_entity, make_event, make_evidence, make_timeline
from tests.factories_admin import make_editor
from timeline.models import Event
from timeline.views.pages import web_url

pytestmark = pytest.mark.django_db

ATTACK = '<script>alert(1)</script> "><img src=x onerror=alert(2)> {{ 7|add:1 }} {% now "Y" %}'
QUOTE = f"Acme Corp said {ATTACK} on March 3, 2024."


class ActiveContent(HTMLParser):
    """What a browser would run or fetch from the markup: scripts written in the page,
    event handlers, javascript: links, and images from anywhere but our static files."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        names = {name for name, _ in attrs}
        if tag == "script" and "src" not in names and ("type", "application/json") not in attrs:
            self.found.append("inline <script>")
        if tag == "img" and not (dict(attrs).get("src") or "").startswith("/static/"):
            self.found.append("<img>")
        self.found += [f"<{tag} {name}=>" for name in names if name.startswith("on")]
        for name, value in attrs:
            target = "".join((value or "").split()).lower()
            if name in ("href", "src", "action", "formaction") and target.startswith("javascript:"):
                self.found.append(f"<{tag} {name}=javascript:>")


def active_content(markup: str) -> list[str]:
    parser = ActiveContent()
    parser.feed(markup)
    return parser.found


@pytest.fixture
def story(settings):
    timeline = make_timeline("hostile", "Hostile story")
    settings.TIMELINE_DEFAULT_SLUG = timeline.slug
    article = make_article(timeline, title=ATTACK, text=QUOTE + "\n\nMore text.")
    article.source = ATTACK
    article.url = "javascript:alert(3)"
    article.save()
    event = make_event(timeline, title=ATTACK, status=Event.Status.APPROVED)
    event.summary = ATTACK
    event.save()
    event.entities.add(make_entity(timeline, name=ATTACK))
    make_evidence(event, article, QUOTE)
    return event, article


PUBLIC_PAGES = [
    ("/", {}),
    ("/", {"HX-Request": "true"}),
    ("/?q=<script>alert(4)</script>", {}),
    ("/events/{event}/", {}),
    ("/events/{event}/", {"HX-Request": "true"}),
    ("/articles/{article}/", {}),
    ("/embed/", {}),
    ("/embed/?event={event}", {}),
]
ADMIN_PAGES = [
    "/admin/timeline/event/",
    "/admin/timeline/event/{event}/change/",
    "/admin/timeline/evidence/",
    "/admin/timeline/article/",
    "/admin/timeline/article/{article}/change/",
    "/admin/timeline/entity/",
]


def fetch(client, story, path: str, headers: dict | None = None) -> str:
    event, article = story
    response = client.get(path.format(event=event.pk, article=article.pk), headers=headers)
    assert response.status_code == 200, path
    return response.content.decode()


@pytest.mark.parametrize(("path", "headers"), PUBLIC_PAGES)
def test_public_pages_and_fragments_show_the_attack_as_text(client, story, path, headers):
    markup = fetch(client, story, path, headers)
    assert active_content(markup) == []
    assert "<script>alert" not in markup and "<img src=x" not in markup
    if "?q=" not in path:
        assert ATTACK in html.unescape(markup), "the title must still be readable"


@pytest.mark.parametrize("path", ADMIN_PAGES)
def test_admin_pages_show_the_attack_as_text(client, story, path):
    client.force_login(make_editor())
    markup = fetch(client, story, path)
    assert active_content(markup) == []
    assert ATTACK in html.unescape(markup)


@pytest.mark.parametrize(
    "path", ["/?from=<script>alert(5)</script>", "/embed/?event=<img src=x onerror=alert(6)>"]
)
def test_an_error_page_shows_the_bad_parameter_as_text(client, story, path):
    response = client.get(path)
    assert response.status_code == 400
    assert active_content(response.content.decode()) == []


def test_template_syntax_in_content_is_never_evaluated(client, story):
    markup = html.unescape(fetch(client, story, "/articles/{article}/"))
    assert '{{ 7|add:1 }} {% now "Y" %}' in markup
    assert str(dt.date.today().year) + " on March" not in markup


def test_a_javascript_url_is_never_a_link(client, story):
    markup = fetch(client, story, "/articles/{article}/")
    assert "javascript:" not in markup
    assert ">original</a>" not in markup


def test_an_http_url_is_the_original_link(client, story):
    _, article = story
    article.url = "https://news.example/acme?a=1&b=2"
    article.save()
    markup = fetch(client, story, "/articles/{article}/")
    assert '<a href="https://news.example/acme?a=1&amp;b=2" rel="noopener noreferrer">' in markup


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        " JavaScript:alert(1)",
        "java\tscript:alert(1)",
        "data:text/html,<script>alert(1)</script>",
        "vbscript:msgbox(1)",
        "//evil.example/",
        "http:/no-host",
        "ftp://files.example/a",
    ],
)
def test_only_http_and_https_urls_become_links(url):
    assert web_url(url) == ""


def test_the_exports_carry_the_attack_as_data(client, story):
    for path in ("/api/events.json", "/export/events.json"):
        response = client.get(path)
        assert response["Content-Type"] == "application/json"
        assert response.json()["events"][0]["title"] == ATTACK
    csv = client.get("/export/events.csv")
    assert csv["Content-Type"].startswith("text/csv")
    ics = client.get("/export/events.ics")
    assert ics["Content-Type"].startswith("text/calendar")
    assert "<script>" in ics.content.decode(), "text stays text: calendars show no markup"


def test_timelinejs_html_fields_escape_the_attack(client, story):
    document = client.get("/export/timelinejs.json").json()
    event = document["events"][0]["text"]
    for markup in (event["headline"], event["text"]):
        assert active_content(markup) == []
        assert "<script>" not in markup and "<img" not in markup


def test_oembed_html_escapes_the_attack(client, story, settings):
    event, _ = story
    url = f"http://testserver/events/{event.pk}/"
    response = client.get("/oembed", {"url": url})
    document = json.loads(response.content)
    assert active_content(document["html"]) == []
    assert "<script>" not in document["html"] and "<img" not in document["html"]
    assert document["title"] == ATTACK
