"""Exploring in a real browser: history, filters, keyboard, phone width, shared links."""

import datetime as dt

import pytest

from tests.browser.chart import READY, open_chart, wait_for_panel, x_range
from tests.factories import make_article, make_entity, make_event, make_evidence, make_timeline

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SENTENCES = [
    "Acme Corp opened a plant in Leeds on March 3, 2024.",
    "Acme Corp hired 300 workers in April 2024.",
    "Beta Ltd sued Acme Corp on May 9, 2024.",
    "Beta Ltd settled the case in June 2024.",
    "Gamma Inc bought Beta Ltd on July 1, 2024.",
]


@pytest.fixture
def site(live_server, settings):
    settings.TIMELINE_DEFAULT_SLUG = "acme"
    timeline = make_timeline("acme", "Acme story")
    article = make_article(timeline, text=" ".join(SENTENCES), title="Acme year in review")
    entities = {
        name: make_entity(timeline, name) for name in ("Acme Corp", "Beta Ltd", "Gamma Inc")
    }
    dates = [
        (dt.date(2024, 3, 3), "day"),
        (dt.date(2024, 4, 1), "month"),
        (dt.date(2024, 5, 9), "day"),
        (dt.date(2024, 6, 1), "month"),
        (dt.date(2024, 7, 1), "day"),
    ]
    events = []
    for sentence, (date, precision) in zip(SENTENCES, dates, strict=True):
        event = make_event(timeline, title=sentence[:-1], date=date, precision=precision)
        event.entities.add(*[e for name, e in entities.items() if name in sentence])
        make_evidence(event, article, sentence)
        events.append(event)
    return live_server.url, events


def panel_title(page) -> str:
    page.wait_for_selector("#event-panel h2")
    return page.locator("#event-panel h2").inner_text()


def test_back_restores_the_previous_panel_and_forward_returns(site, page):
    base, events = site
    open_chart(page, base + "/")
    page.get_by_role("link", name=events[0].title).click()
    page.wait_for_url(f"**/events/{events[0].pk}/")
    page.get_by_role("link", name=events[2].title).click()
    page.wait_for_url(f"**/events/{events[2].pk}/")
    assert panel_title(page) == events[2].title
    page.go_back()
    page.wait_for_url(f"**/events/{events[0].pk}/")
    wait_for_panel(page, events[0].title)
    page.go_forward()
    page.wait_for_url(f"**/events/{events[2].pk}/")
    wait_for_panel(page, events[2].title)
    assert page.js_errors == []


def test_filter_by_entity_updates_list_chart_and_address(site, page):
    base, events = site
    open_chart(page, base + "/")
    assert page.locator(".event-list li").count() == 5
    page.select_option("#filter-entity", "Gamma Inc")
    page.wait_for_url("**/?entity=Gamma+Inc")
    page.wait_for_function("document.querySelectorAll('.event-list li').length === 1")
    page.wait_for_selector(READY + "[data-count='1']")
    assert "Gamma Inc bought" in page.locator(".event-list").inner_text()
    assert page.js_errors == []


def test_entity_link_in_the_panel_filters(site, page):
    base, events = site
    page.goto(base + f"/events/{events[2].pk}/")
    page.locator("#event-panel .entities a", has_text="Beta Ltd").click()
    page.wait_for_url("**/?entity=Beta+Ltd")
    page.wait_for_function("document.querySelectorAll('.event-list li').length === 3")


def test_keyboard_selects_events_on_the_chart(site, page):
    base, events = site
    open_chart(page, base + "/")
    page.focus("#timeline-chart")
    page.keyboard.press("ArrowRight")
    assert panel_title(page) == events[0].title
    page.keyboard.press("ArrowRight")
    wait_for_panel(page, events[1].title)
    page.keyboard.press("End")
    page.wait_for_url(f"**/events/{events[4].pk}/")
    page.keyboard.press("-")
    assert page.js_errors == []


def test_keyboard_reaches_the_list_and_opens_an_event(site, page):
    base, events = site
    page.goto(base + "/")
    page.locator(".event-list a").first.focus()
    page.keyboard.press("Enter")
    assert panel_title(page) == events[0].title


def test_phone_width_stacks_chart_panel_and_list(site, browser, screenshot_dir):
    base, events = site
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)
    page = context.new_page()
    open_chart(page, base + f"/events/{events[1].pk}/")
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390, "nothing overflows sideways"
    chart = page.locator("#timeline-chart").bounding_box()
    panel = page.locator("#event-panel").bounding_box()
    listing = page.locator(".event-list").bounding_box()
    assert chart["y"] < panel["y"] < listing["y"]
    page.screenshot(path=str(screenshot_dir / "explore-phone.png"), full_page=True)
    context.close()


def test_a_copied_url_opens_the_same_state(site, page):
    base, events = site
    page.goto(base + f"/events/{events[3].pk}/?entity=Beta+Ltd")
    assert panel_title(page) == events[3].title
    assert page.locator(".event-list li").count() == 3
    assert page.input_value("#filter-entity") == "Beta Ltd"
    page.wait_for_selector(READY + "[data-count='3']")


def test_without_javascript_the_list_links_to_event_pages(site, browser):
    base, events = site
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(base + "/")
    page.get_by_role("link", name=events[4].title).click()
    page.wait_for_url(f"**/events/{events[4].pk}/")
    assert "Gamma Inc bought Beta Ltd" in page.locator("#event-panel blockquote").inner_text()
    context.close()


def test_lanes_survive_a_filter_change_and_a_copied_link(site, page):
    base, _ = site
    open_chart(page, base + "/")
    page.check("input[name=lanes][value=entity]")
    page.wait_for_url("**/?lanes=entity")
    page.select_option("#filter-entity", "Acme Corp")
    page.wait_for_url("**/?entity=Acme+Corp&lanes=entity")
    open_chart(page, page.url)
    assert page.locator("input[name=lanes][value=entity]").is_checked()
    assert page.js_errors == []


# Whether the chart ever said it had nothing to draw, however briefly.
WATCH_FOR_NOTHING = """
window.saidNothing = false;
new MutationObserver(() => {
  const chart = document.querySelector("#timeline-chart");
  if (chart && chart.textContent.includes("No dated events")) { window.saidNothing = true; }
}).observe(document, { childList: true, subtree: true, characterData: true });
"""


def test_lanes_chosen_before_the_events_arrive_are_drawn_once_they_do(site, page):
    base, _ = site
    # The events JSON waits until the lanes are chosen; any request after that goes through.
    held = []
    released = False

    def hold(route) -> None:
        if released:
            route.continue_()
        else:
            held.append(route)

    page.route("**/api/events.json?*", hold)
    page.add_init_script(WATCH_FOR_NOTHING)
    page.goto(base + "/", wait_until="domcontentloaded")
    page.check("input[name=lanes][value=entity]")
    page.wait_for_url("**/?lanes=entity")
    assert held, "the events are still on their way"
    released = True
    for route in held:
        route.continue_()
    page.wait_for_selector(READY)
    lanes = page.locator("#timeline-chart .ytick text").all_text_contents()
    assert {"Acme Corp", "Beta Ltd"} <= set(lanes)
    assert not page.evaluate("() => window.saidNothing")
    assert page.js_errors == []


@pytest.fixture
def two_seasons(live_server, settings):
    """Acme's four events in two pairs two months apart, among others of a longer story."""
    settings.TIMELINE_DEFAULT_SLUG = "seasons"
    timeline = make_timeline("seasons", "Two seasons")
    article = make_article(timeline)
    acme = make_entity(timeline, "Acme Corp")
    beta = make_entity(timeline, "Beta Ltd")
    days = [
        (dt.date(2023, 9, 1), beta),
        (dt.date(2024, 4, 1), acme),
        (dt.date(2024, 4, 3), acme),
        (dt.date(2024, 6, 10), acme),
        (dt.date(2024, 6, 12), acme),
        (dt.date(2024, 11, 20), beta),
    ]
    for date, entity in days:
        event = make_event(timeline, title=f"{entity.name} on {date}", date=date)
        event.entities.add(entity)
        make_evidence(event, article)
    return live_server.url


# Each dated event the chart was given, as its first and last millisecond.
DATED_SPANS = """async () => {
  const chart = document.querySelector("#timeline-chart");
  const data = await (await fetch(chart.dataset.src)).json();
  return data.events.filter(e => e.period)
    .map(e => [Date.parse(e.period[0]), Date.parse(e.period[1]) + 864e5 - 1]);
}"""


def test_after_a_filter_change_the_first_view_holds_every_event(two_seasons, page):
    open_chart(page, two_seasons + "/")
    page.select_option("#filter-entity", "Acme Corp")
    page.wait_for_selector(READY + "[data-count='4']")
    spans = page.evaluate(DATED_SPANS)
    assert len(spans) == 4
    start, end = x_range(page)
    for first, last in spans:
        assert start < first and last < end, "every filtered event is in view"
    assert page.js_errors == []


DAY_MS = 86_400_000


def epoch_ms(day: dt.date) -> int:
    """A day's midnight (UTC) as Plotly's date axis counts it."""
    return int(dt.datetime(day.year, day.month, day.day, tzinfo=dt.UTC).timestamp() * 1000)


@pytest.fixture
def crisis_with_background(live_server, settings):
    """A crisis of twelve happenings in December, after a founding and a takeover."""
    settings.TIMELINE_DEFAULT_SLUG = "crisis"
    timeline = make_timeline("crisis", "A crisis")
    article = make_article(timeline)
    days = [dt.date(1990, 5, 1), dt.date(2012, 3, 1)] + [
        dt.date(2024, 12, 3) + dt.timedelta(days=2 * i) for i in range(12)
    ]
    for day in days:
        make_evidence(make_event(timeline, title=f"Happening of {day}", date=day), article)
    return live_server.url


def test_the_first_view_leaves_the_background_years_to_the_overview(crisis_with_background, page):
    open_chart(page, crisis_with_background + "/")
    start, end = x_range(page)
    crisis = epoch_ms(dt.date(2024, 12, 3))
    assert crisis - 40 * DAY_MS < start < crisis, "the view opens on the crisis"
    assert end - start < 400 * DAY_MS, "the background years are left to the overview"
    assert page.js_errors == []
