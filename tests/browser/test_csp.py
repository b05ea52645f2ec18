"""The site under its Content-Security-Policy in Chromium: nothing is refused, and the
chart draws hostile titles as text.

A refused script, style, image or connection shows up twice: as a console error and as a
`securitypolicyviolation` event; an init script (run by the browser outside the page's
policy) records the events, so a violation fails the test even if no message is logged.
"""

from __future__ import annotations

import pytest

from tests.browser.chart import READY, hover_at, open_chart, painted
from tests.factories import (
    make_article,
    make_entity,
    make_event,
    make_evidence,
    make_timeline,
)
from timeline.models import Event

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

HOSTILE_TITLE = "<img src=x onerror=alert(1)>"
HOSTILE_ENTITY = "<b>Acme</b><img src=y>"
RECORD_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__cspViolations.push(event.violatedDirective + " " + event.blockedURI);
});
"""


@pytest.fixture
def story(live_server, settings):
    timeline = make_timeline("acme", "Acme story")
    settings.TIMELINE_DEFAULT_SLUG = timeline.slug
    article = make_article(timeline, title=HOSTILE_TITLE)
    article.url = "javascript:alert(2)"
    article.save()
    hostile = make_event(timeline, title=HOSTILE_TITLE, status=Event.Status.APPROVED)
    make_evidence(hostile, article)
    hostile.entities.add(make_entity(timeline, name=HOSTILE_ENTITY))
    other = make_event(timeline, title="Acme hires 300 people")
    other.date = other.date.replace(day=20)
    other.save()
    make_evidence(other, article)
    return live_server.url, hostile, article


@pytest.fixture
def watched(page):
    """The page, with every CSP report, console error and dialog it raises collected."""
    page.add_init_script(RECORD_VIOLATIONS)
    page.console_errors = []
    page.dialogs = []
    page.on("console", lambda m: m.type == "error" and page.console_errors.append(m.text))
    page.on("dialog", lambda d: (page.dialogs.append(d.message), d.dismiss()))
    return page


def assert_nothing_refused(page) -> None:
    csp_errors = [text for text in page.console_errors if "Content Security Policy" in text]
    assert csp_errors == []
    assert page.evaluate("() => window.__cspViolations") == []
    assert page.js_errors == []
    assert page.dialogs == []


def assert_clean(page) -> None:
    """Nothing refused, and no image anywhere: the hostile markup stayed text."""
    assert_nothing_refused(page)
    assert page.locator("img").count() == 0


@pytest.mark.parametrize("path", ["/", "/events/{event}/", "/embed/", "/embed/?event={event}"])
def test_chart_pages_draw_under_the_policy(story, watched, path):
    site, event, _ = story
    response = watched.goto(site + path.format(event=event.pk))
    assert "script-src 'self'" in response.headers["content-security-policy"]
    watched.wait_for_selector(READY)
    assert watched.locator("#timeline-chart").get_attribute("data-count") == "2"
    assert watched.locator("#timeline-chart .main-svg").count() > 0
    assert_clean(watched)


def test_hover_labels_and_annotations_show_a_hostile_title_as_text(story, watched, screenshot_dir):
    site, _, _ = story
    open_chart(watched, site + "/")
    # SVG text has no innerText: textContent is what Plotly wrote.
    annotations = watched.locator("#timeline-chart .annotation-text").all_text_contents()
    assert HOSTILE_TITLE in annotations
    label = watched.locator("#timeline-chart .chart-tip")
    for point in painted(watched):
        hover_at(watched, point)
        if label.is_visible() and HOSTILE_TITLE in label.text_content():
            break
    else:
        raise AssertionError("no hover label showed the hostile title")
    watched.screenshot(path=str(screenshot_dir / "csp-hostile-hover.png"))
    assert watched.locator("#timeline-chart image").count() == 0

    watched.check("input[name=lanes][value=entity]")
    watched.wait_for_function(
        "() => document.querySelectorAll('#timeline-chart .ytick text').length > 0"
    )
    lanes = watched.locator("#timeline-chart .ytick text").all_text_contents()
    assert HOSTILE_ENTITY in lanes
    assert watched.locator("#timeline-chart .ytick text [style*='bold']").count() == 0
    assert_clean(watched)


def test_the_chart_downloads_as_png_and_offers_no_upload(story, watched):
    site, _, _ = story
    open_chart(watched, site + "/")
    watched.locator("#timeline-chart").hover()
    titles = watched.locator(".modebar-btn").evaluate_all(
        "buttons => buttons.map(button => button.dataset.title)"
    )
    assert "Share chart..." not in titles
    with watched.expect_download() as download:
        watched.locator(".modebar-btn[data-title='Download plot as a PNG']").click()
    assert download.value.suggested_filename.endswith(".png")
    assert_clean(watched)


def test_event_panel_loads_with_htmx_under_the_policy(story, watched):
    site, event, _ = story
    watched.goto(site + "/")
    watched.locator(f".event-list li[data-event-id='{event.pk}'] a").click()
    watched.wait_for_selector("#event-panel blockquote.quote")
    assert watched.locator("#event-panel h2").inner_text() == HOSTILE_TITLE
    assert_clean(watched)


def test_article_page_under_the_policy_links_no_javascript_url(story, watched):
    site, _, article = story
    watched.goto(site + f"/articles/{article.pk}/")
    assert watched.locator("h1").inner_text() == HOSTILE_TITLE
    assert watched.locator("a[href^='javascript']").count() == 0
    assert watched.get_by_role("link", name="original").count() == 0
    assert_clean(watched)


def test_admin_works_under_the_policy(story, watched, sign_in, screenshot_dir):
    site, event, article = story
    watched.goto(site + "/admin/login/")
    sign_in(watched)
    watched.wait_for_selector("#content-main")

    watched.goto(site + "/admin/timeline/event/")
    watched.check("#action-toggle")
    assert watched.locator(".action-counter").inner_text().startswith("2 of 2")
    watched.select_option("select[name=action]", "approve")
    watched.click("button[name=index]")
    watched.wait_for_selector(".messagelist .success")

    watched.goto(site + f"/admin/timeline/event/{event.pk}/change/")
    watched.fill("#id_summary", "Checked by an editor.")
    watched.click("input[name=_save]")
    watched.wait_for_selector(".messagelist .success")

    watched.goto(site + f"/admin/timeline/article/{article.pk}/change/")
    watched.wait_for_selector(".article-reading")
    assert HOSTILE_TITLE in watched.locator(".article-reading").inner_text()
    watched.screenshot(path=str(screenshot_dir / "csp-admin-article.png"), full_page=True)
    assert_nothing_refused(watched)
