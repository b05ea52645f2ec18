"""An editor in a real browser: sign in, merge two events, see one event on the public page."""

import pytest

from tests.factories_admin import two_reports

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def site(live_server, settings):
    """Two events of the default timeline."""
    opening, purchase, _, _ = two_reports()
    settings.TIMELINE_DEFAULT_SLUG = opening.timeline.slug
    return live_server.url


def test_sign_in_merge_two_events_and_see_one_on_the_public_page(
    site, page, sign_in, screenshot_dir
):
    page.goto(site + "/admin/timeline/event/")
    assert "/admin/login/" in page.url
    sign_in(page)
    page.wait_for_selector("#result_list")
    assert page.locator("#result_list tbody tr").count() == 2
    page.screenshot(path=str(screenshot_dir / "admin-event-changelist.png"), full_page=True)

    page.check("#action-toggle")
    page.select_option("select[name=action]", "merge")
    page.click("button[name=index]")
    page.wait_for_selector("text=Choose the event to keep")
    page.check("label:has-text('Acme opens a factory in Leeds') input")
    page.screenshot(path=str(screenshot_dir / "admin-event-merge.png"), full_page=True)
    page.click("input[name=apply]")
    page.wait_for_selector(".messagelist .success")
    assert page.locator("#result_list tbody tr").count() == 1

    page.click("#result_list tbody tr th a")
    page.wait_for_selector("#event_form")
    assert "Passages (set by a merge or split)" in page.inner_text("#event_form")
    page.screenshot(path=str(screenshot_dir / "admin-event-change.png"), full_page=True)

    page.goto(site + "/")
    items = page.locator(".event-list li[data-event-id]")
    assert items.count() == 1
    assert "Acme opens a factory in Leeds" in items.first.inner_text()
    assert page.js_errors == []
