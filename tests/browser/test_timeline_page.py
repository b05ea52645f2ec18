"""The seed timeline in a real browser: the chart draws, a click loads the sources."""

import pytest

from tests.browser.chart import click_at, open_chart, painted

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def seeded_site(seed_timeline, live_server, settings):
    settings.TIMELINE_DEFAULT_SLUG = seed_timeline.slug
    return live_server.url


def test_click_an_event_in_the_chart_shows_its_quote(seeded_site, page, screenshot_dir):
    open_chart(page, seeded_site + "/")
    click_at(page, painted(page)[-1])
    page.wait_for_selector("#event-panel blockquote.quote")
    quote = page.locator("#event-panel blockquote.quote").first.inner_text()
    assert len(quote) > 20
    assert "/events/" in page.url
    page.screenshot(path=str(screenshot_dir / "timeline-desktop.png"), full_page=True)
    assert page.js_errors == []


def test_event_link_in_the_list_works_and_back_returns(seeded_site, page):
    page.goto(seeded_site + "/")
    link = page.locator(".event-list a").first
    title = link.inner_text()
    link.click()
    page.wait_for_selector("#event-panel h2")
    assert page.locator("#event-panel h2").inner_text() == title
    page.go_back()
    page.wait_for_url(seeded_site + "/")
    assert page.js_errors == []


def test_a_focused_link_shows_the_focus_ring_and_keeps_its_look(seeded_site, page):
    page.goto(seeded_site + "/")
    page.keyboard.press("Tab")
    style = page.evaluate(
        """() => {
          const s = getComputedStyle(document.activeElement);
          return [document.activeElement.tagName, s.outlineStyle, s.outlineWidth, s.display];
        }"""
    )
    assert style[0] == "A"
    assert style[1:3] == ["solid", "3px"], "keyboard users see where they are"
    assert style[3] != "flex", "a focused link is not restyled as the page header"
