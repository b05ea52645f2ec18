"""Security headers on every kind of response, https-only behaviour, and CSRF on forms.

The policy itself is configured in settings.py; these tests read the headers a browser
gets, so a middleware dropped from MIDDLEWARE or a view that sets its own header shows up.
"""

from __future__ import annotations

import pytest
from django.test import Client

from tests.factories import make_article, make_event, make_evidence, make_timeline

pytestmark = pytest.mark.django_db

PATHS = [
    "/",
    "/events/{event}/",
    "/articles/{article}/",
    "/api/events.json",
    "/embed/",
    "/admin/login/",
    "/oembed?url=http://testserver/",
    "/export/events.csv",
]


def csp_directives(response) -> dict[str, str]:
    """The response's Content-Security-Policy as {directive: sources}."""
    directives = {}
    for part in response["Content-Security-Policy"].split(";"):
        name, _, sources = part.strip().partition(" ")
        directives[name] = sources
    return directives


@pytest.fixture
def story(settings):
    timeline = make_timeline("acme", "Acme story")
    settings.TIMELINE_DEFAULT_SLUG = timeline.slug
    event = make_event(timeline)
    article = make_article(timeline)
    make_evidence(event, article)
    return event, article


def get(client: Client, path: str, story, **extra):
    event, article = story
    response = client.get(path.format(event=event.pk, article=article.pk), **extra)
    assert response.status_code == 200, path
    return response


@pytest.mark.parametrize("path", PATHS)
def test_every_response_has_the_policy_headers(client, story, path):
    response = get(client, path, story)
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    csp = csp_directives(response)
    assert csp["default-src"] == "'self'"
    assert csp["script-src"] == "'self'"
    assert csp["object-src"] == "'none'"
    assert csp["base-uri"] == "'self'"
    assert csp["form-action"] == "'self'"
    assert "unsafe-eval" not in response["Content-Security-Policy"]


@pytest.mark.parametrize("path", [p for p in PATHS if p != "/embed/"])
def test_pages_other_than_the_embed_may_not_be_framed(client, story, path):
    response = get(client, path, story)
    assert csp_directives(response)["frame-ancestors"] == "'none'"
    assert response["X-Frame-Options"] == "DENY"


def test_the_embed_has_one_policy_with_its_own_frame_ancestors(client, story, settings):
    settings.TIMELINE_EMBED_ALLOWED_ORIGINS = ["https://news.example"]
    response = get(client, "/embed/", story)
    assert not response.has_header("X-Frame-Options")
    csp = csp_directives(response)
    assert csp["frame-ancestors"] == "https://news.example"
    assert csp["script-src"] == "'self'"


def test_hsts_is_sent_over_https_only(client, story, settings):
    settings.SECURE_HSTS_SECONDS = 31_536_000
    settings.SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    assert not get(client, "/", story).has_header("Strict-Transport-Security")
    response = get(client, "/", story, secure=True)
    assert response["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains"


def test_plain_http_is_redirected_to_https_unless_the_proxy_says_https(client, story, settings):
    settings.SECURE_SSL_REDIRECT = True
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    response = client.get("/")
    assert response.status_code == 301
    assert response["Location"] == "https://testserver/"
    get(client, "/", story, headers={"X-Forwarded-Proto": "https"})


def test_admin_forms_refuse_a_post_without_the_csrf_token(story):
    client = Client(enforce_csrf_checks=True)
    page = client.get("/admin/login/")
    assert b'name="csrfmiddlewaretoken"' in page.content
    response = client.post("/admin/login/", {"username": "a", "password": "b"})
    assert response.status_code == 403


def test_the_public_filter_form_changes_nothing_and_uses_get(client, story):
    html = get(client, "/", story).content.decode()
    assert '<form id="filters" class="filters" method="get"' in html
