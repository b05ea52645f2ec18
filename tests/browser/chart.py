"""The timeline page in a browser: opening the chart, finding the events it paints on a
canvas over Plotly's axes, and waiting for the event panel.

Hover and click go to Plotly's pan layer above the canvas, as a reader's pointer does; the
positions come from the canvas's own pixels, so a test points at what was actually drawn.
"""

from __future__ import annotations

# timeline.js marks the chart ready once Plotly has drawn it and every event is painted.
READY = "#timeline-chart[data-ready='true']"
EVENTS = "#timeline-chart canvas.chart-events"
OVERVIEW = "#timeline-chart canvas.chart-overview"

# One position per 10 px cell holding marks: the centre of the cell's painted pixels (a
# period's bar is translucent, hence the low alpha threshold), in CSS pixels of the canvas.
PAINTED = """canvas => {
  const ratio = canvas.width / canvas.clientWidth;
  const pixels = canvas.getContext("2d").getImageData(0, 0, canvas.width, canvas.height).data;
  const cells = new Map();
  for (let y = 0; y < canvas.height; y += 2) {
    for (let x = 0; x < canvas.width; x += 2) {
      if (pixels[(y * canvas.width + x) * 4 + 3] < 100) continue;
      const key = Math.floor(x / ratio / 10) + "," + Math.floor(y / ratio / 10);
      const cell = cells.get(key) || {x: 0, y: 0, n: 0};
      cell.x += x / ratio; cell.y += y / ratio; cell.n += 1;
      cells.set(key, cell);
    }
  }
  return Array.from(cells.values()).map(c => [c.x / c.n, c.y / c.n]);
}"""


def open_chart(page, url: str) -> None:
    """Open a page holding the chart and wait until the chart is drawn."""
    page.goto(url)
    page.wait_for_selector(READY)


def next_frame(page) -> None:
    """Wait for an animation frame: the chart repaints its events in one after a pan or zoom."""
    page.wait_for_function("() => new Promise(r => requestAnimationFrame(() => r(true)))")


def wait_for_panel(page, title: str) -> None:
    """Wait until the event panel shows the event titled `title`."""
    page.wait_for_function(
        "t => document.querySelector('#event-panel h2')?.innerText === t", arg=title
    )


def painted(scope, selector: str = EVENTS) -> list[list[float]]:
    """Positions on the canvas where something is painted; scope is a page or a frame."""
    return scope.locator(selector).evaluate(PAINTED)


def hover_at(scope, point) -> None:
    # force: the canvas lets the pointer through to Plotly's pan layer, which is the point.
    scope.locator(EVENTS).hover(position={"x": point[0], "y": point[1]}, force=True)


def click_at(scope, point) -> None:
    scope.locator(EVENTS).click(position={"x": point[0], "y": point[1]}, force=True)


# Plotly keeps a date axis's range as it was last given (dates or milliseconds): its axis
# object converts either to milliseconds.
X_RANGE = """() => {
  const xa = document.querySelector("#timeline-chart")._fullLayout.xaxis;
  return xa.range.map(xa.r2l);
}"""


def x_range(page) -> list[float]:
    """The dates the chart's main view spans, in milliseconds."""
    return page.evaluate(X_RANGE)


def wait_for_x_range_change(page, before: list[float]) -> None:
    """Wait until the main view spans other dates than `before`."""
    page.wait_for_function(
        f"b => {{ const r = ({X_RANGE})(); return r[0] !== b[0] || r[1] !== b[1]; }}", arg=before
    )
