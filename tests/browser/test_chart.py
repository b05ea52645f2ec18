"""The chart with many events: every event painted, hovered and selected, at any zoom, and
the range slider's overview and the main view moving each other."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.browser.chart import (
    EVENTS,
    OVERVIEW,
    X_RANGE,
    click_at,
    hover_at,
    next_frame,
    open_chart,
    painted,
    wait_for_panel,
    wait_for_x_range_change,
    x_range,
)
from tests.factories import make_article, make_event, make_evidence, make_timeline
from timeline.models import Event, Evidence

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

MANY = 1500


@pytest.fixture
def crowded(live_server, settings):
    """MANY events over two years, days and months mixed, each with one source."""
    settings.TIMELINE_DEFAULT_SLUG = "crowd"
    timeline = make_timeline("crowd", "A crowded story")
    article = make_article(timeline)
    events = Event.objects.bulk_create(
        Event(
            timeline=timeline,
            title=f"Crowd event {n}",
            date=dt.date(2023, 1, 1) + dt.timedelta(days=(n * 7) % 730),
            precision="month" if n % 4 == 0 else "day",
        )
        for n in range(MANY)
    )
    quote = article.text.split("\n")[0]
    Evidence.objects.bulk_create(
        Evidence(event=event, article=article, start=0, end=len(quote), quote=quote)
        for event in events
    )
    return live_server.url


def test_every_event_is_counted_and_a_painted_one_opens_by_click(crowded, page):
    open_chart(page, crowded + "/")
    assert page.locator("#timeline-chart").get_attribute("data-count") == str(MANY)
    marks = painted(page)
    assert len(marks) > 100
    tip = page.locator("#timeline-chart .chart-tip")
    hover_at(page, marks[len(marks) // 2])
    assert tip.is_visible()
    title = tip.locator("strong").inner_text()
    assert title.startswith("Crowd event ") and "1 source" in tip.inner_text()

    click_at(page, marks[len(marks) // 2])
    page.wait_for_url("**/events/*/")
    wait_for_panel(page, title)
    assert page.js_errors == []


def test_a_tap_on_a_phone_opens_an_event(crowded, browser):
    context = browser.new_context(
        viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True
    )
    page = context.new_page()
    open_chart(page, crowded + "/")
    marks = painted(page)
    point = marks[len(marks) // 3]
    page.locator(EVENTS).tap(position={"x": point[0], "y": point[1]}, force=True)
    page.wait_for_url("**/events/*/")
    page.wait_for_selector("#event-panel h2")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    context.close()


def test_the_overview_and_the_main_view_move_each_other(crowded, page):
    open_chart(page, crowded + "/")
    assert len(painted(page, OVERVIEW)) > 20, "the overview shows the events"
    slide = page.locator("#timeline-chart .rangeslider-slidebox")
    full_width = slide.bounding_box()["width"]

    page.focus("#timeline-chart")
    page.keyboard.press("+")
    page.wait_for_function(
        "w => document.querySelector('#timeline-chart .rangeslider-slidebox')"
        ".getBoundingClientRect().width < w - 50",
        arg=full_width,
    )
    before = x_range(page)
    zoomed_marks = painted(page)

    box = slide.bounding_box()
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.mouse.down()
    page.mouse.move(box["x"] + box["width"] / 2 - 60, box["y"] + box["height"] / 2, steps=5)
    page.mouse.up()
    page.wait_for_function(f"() => ({X_RANGE})()[0] < {before[0]}")
    next_frame(page)
    assert painted(page) != zoomed_marks, "the events are painted again for the new view"
    assert page.js_errors == []


def test_a_long_period_answers_anywhere_along_it_when_zoomed_in(live_server, settings, page):
    settings.TIMELINE_DEFAULT_SLUG = "long"
    timeline = make_timeline("long", "A long story")
    article = make_article(timeline)
    year = make_event(
        timeline, title="The whole of 2024", date=dt.date(2024, 1, 1), precision="year"
    )
    make_evidence(year, article)
    make_evidence(make_event(timeline, title="A day in March"), article)
    open_chart(page, live_server.url + "/")
    page.focus("#timeline-chart")
    for _ in range(5):
        page.keyboard.press("+")
    # Zoomed to a few weeks in the middle of the year: the year's bar crosses the plot.
    page.wait_for_function(f"() => {{ const r = ({X_RANGE})(); return r[1] - r[0] < 60 * 864e5; }}")
    next_frame(page)
    marks = sorted(painted(page))
    assert marks[-1][0] - marks[0][0] > 300
    tip = page.locator("#timeline-chart .chart-tip")
    for point in (marks[0], marks[len(marks) // 2], marks[-1]):
        hover_at(page, point)
        assert tip.locator("strong").inner_text() == "The whole of 2024"
    click_at(page, marks[-1])
    page.wait_for_url(f"**/events/{year.pk}/")
    assert page.js_errors == []


# Counts the overview's paints from outside timeline.js: each one starts by clearing its
# canvas.
COUNT_OVERVIEW_PAINTS = """
window.overviewPaints = 0;
const clearRect = CanvasRenderingContext2D.prototype.clearRect;
CanvasRenderingContext2D.prototype.clearRect = function (...args) {
  if (this.canvas.classList.contains("chart-overview")) { window.overviewPaints += 1; }
  return clearRect.apply(this, args);
};
"""


def overview_paints(page) -> int:
    return page.evaluate("() => window.overviewPaints")


def test_the_overview_is_repainted_for_new_data_or_size_not_for_a_new_view(crowded, page):
    page.add_init_script(COUNT_OVERVIEW_PAINTS)
    open_chart(page, crowded + "/")
    paints = overview_paints(page)
    assert paints >= 1
    page.focus("#timeline-chart")
    for key in ("+", "+", "Shift+ArrowRight", "-"):
        before = x_range(page)
        marks = painted(page)
        page.keyboard.press(key)
        wait_for_x_range_change(page, before)
        next_frame(page)
        assert painted(page) != marks, f"the events follow {key}"
    assert overview_paints(page) == paints

    # A new figure, a narrower slider, and a slider Plotly widens to a view zoomed out past it.
    page.check("input[name=lanes][value=kind]")
    page.wait_for_function("n => window.overviewPaints > n", arg=paints)
    paints = overview_paints(page)
    page.set_viewport_size({"width": 900, "height": 900})
    page.wait_for_function("n => window.overviewPaints > n", arg=paints)
    paints = overview_paints(page)
    before = painted(page, OVERVIEW)
    page.focus("#timeline-chart")
    page.keyboard.press("-")
    page.wait_for_function("n => window.overviewPaints > n", arg=paints)
    assert painted(page, OVERVIEW) != before
    assert page.js_errors == []
