"""The embed snippet on another site's page: the timeline appears, fits, and opens events."""

from __future__ import annotations

import functools
import http.server
import threading
from urllib.parse import urlsplit

import pytest
from django.template import engines
from django.test import RequestFactory
from playwright.sync_api import expect

from tests.browser.chart import READY, click_at, painted
from tests.factories import make_article, make_event, make_evidence, make_timeline
from timeline.models import Timeline
from timeline.sharing import share_links

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

HEIGHT = "timeline-embed:height"


@pytest.fixture
def story_site(live_server, settings):
    settings.TIMELINE_DEFAULT_SLUG = "acme"
    timeline = make_timeline("acme", "Acme story")
    article = make_article(timeline)
    for day in (3, 9, 20):
        event = make_event(timeline, title=f"Acme event on March {day}")
        event.date = event.date.replace(day=day)
        event.save()
        make_evidence(event, article)
    return live_server.url


@pytest.fixture
def host_site(tmp_path):
    """Another origin: a static server on its own port, serving whatever the test writes."""
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(tmp_path))
    handler.log_message = lambda *args: None
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield tmp_path, f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    server.server_close()


def request_to(site: str):
    """A request as the live site receives it, so share codes point at that site."""
    return RequestFactory().get("/t/acme/?from=2024-03-05", HTTP_HOST=urlsplit(site).netloc)


def write_page(folder, name: str, head: str, body: str) -> None:
    (folder / name).write_text(
        f"<!doctype html><html><head><meta charset='utf-8'><title>A blog</title>{head}</head>"
        f"<body style='margin:0;font:16px sans-serif'>{body}</body></html>",
        encoding="utf-8",
    )


def frame_height(page) -> float:
    return page.locator("iframe").evaluate("frame => frame.getBoundingClientRect().height")


def content_height(frame) -> float:
    return frame.evaluate("() => document.documentElement.getBoundingClientRect().height")


def assert_fitted(page, frame) -> None:
    """The iframe is as tall as the page inside it, once the last message has arrived."""
    for _ in range(50):
        if abs(frame_height(page) - content_height(frame)) <= 2:
            return
        page.wait_for_timeout(100)
    raise AssertionError(f"iframe {frame_height(page)}px, content {content_height(frame)}px")


def test_snippet_on_another_origin_shows_a_fitted_timeline(
    story_site, host_site, page, screenshot_dir
):
    folder, host = host_site
    snippet = share_links(request_to(story_site), Timeline.objects.get(slug="acme")).script
    assert snippet.startswith(f'<script src="{story_site}/static/timeline/embed.js"')
    write_page(folder, "article.html", "", f"<h1>Our story so far</h1>{snippet}<p>After.</p>")

    # Narrower than embed.css's two columns: the panel sits under the chart, so loading an
    # event's sources makes the frame taller.
    page.set_viewport_size({"width": 800, "height": 900})
    page.goto(host + "/article.html")
    frame = page.frame_locator("iframe")
    frame.locator(READY).wait_for()
    inner = page.frames[1]
    page.wait_for_function(
        "() => document.querySelector('iframe').style.height !== '640px'", timeout=10_000
    )
    assert_fitted(page, inner)

    before = frame_height(page)
    assert frame.locator("#timeline-chart").get_attribute("data-count") == "2"
    click_at(frame, painted(frame)[0])
    frame.locator("#event-panel blockquote.quote").first.wait_for()
    assert "Acme Corp opened a new factory" in frame.locator("#event-panel").inner_text()
    assert "/embed/" in inner.url, "the frame keeps its own address"
    page.wait_for_function(f"() => document.querySelector('iframe').offsetHeight !== {before}")
    assert_fitted(page, inner)

    # The host page's own messages are not the frame's: the height stays put.
    fitted = frame_height(page)
    page.evaluate(f"() => window.postMessage({{type: '{HEIGHT}', height: 5000}}, '*')")
    page.wait_for_timeout(200)
    assert frame_height(page) == fitted

    page.screenshot(path=str(screenshot_dir / "embed-on-another-site.png"), full_page=True)
    assert page.js_errors == []


def share_page(site: str, folder) -> None:
    """A page of another site holding the Share control, with the site's CSS and script."""
    html = engines["django"].from_string('{% include "timeline/_share.html" %}')
    markup = html.render({"subject": Timeline.objects.get(slug="acme")}, request_to(site))
    head = (
        f'<link rel="stylesheet" href="{site}/static/timeline/share.css">'
        f'<script src="{site}/static/timeline/share.js" defer></script>'
    )
    write_page(folder, "share.html", head, markup)


def test_share_control_copies_the_embed_code(story_site, host_site, page, screenshot_dir):
    folder, host = host_site
    share_page(story_site, folder)
    page.set_viewport_size({"width": 420, "height": 800})
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=host)
    page.goto(host + "/share.html")
    page.locator("details.share > summary").click()
    page.get_by_role("button", name="Copy embed code").click()
    # The copy resolves after the click returns: wait for the status it writes.
    expect(page.locator(".share-status")).to_have_text("Copied: embed code.")
    copied = page.evaluate("() => navigator.clipboard.readText()")
    assert copied == page.locator("textarea[id$='-script']").input_value()
    assert "from=2024-03-05" in copied and copied.startswith("<script src=")
    page.screenshot(path=str(screenshot_dir / "share-control-phone.png"), full_page=True)
    assert page.js_errors == []


def test_share_codes_are_readable_without_javascript(story_site, host_site, browser):
    folder, host = host_site
    share_page(story_site, folder)
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(host + "/share.html")
    page.locator("details.share > summary").click()
    assert page.locator("textarea[id$='-iframe']").is_visible()
    assert page.locator("textarea[id$='-iframe']").input_value().startswith("<iframe src=")
    assert not page.get_by_role("button", name="Copy link").is_visible()
    context.close()
