// Draws the timeline chart from the events JSON named in the chart's data-src, and loads an
// event's panel with htmx when a reader clicks it. The page works without this script: the
// event list below the chart links to every event's own page.
(function () {
  "use strict";

  const DAY = 24 * 60 * 60 * 1000;

  function parseDay(iso) {
    const [y, m, d] = iso.split("-").map(Number);
    return Date.UTC(y, m - 1, d);
  }

  function isoDay(ms) {
    return new Date(ms).toISOString().slice(0, 10);
  }

  // Greedy packing: each event goes to the first row whose last item ended long enough
  // before it, so markers and bars of nearby events do not sit on top of each other.
  function assignRows(items, gapMs) {
    const rowEnds = [];
    return items.map(function (item) {
      let row = rowEnds.findIndex(function (end) { return item.start - end > gapMs; });
      if (row === -1) {
        row = rowEnds.length;
        rowEnds.push(item.end);
      } else {
        rowEnds[row] = item.end;
      }
      return row;
    });
  }

  function hoverText(event) {
    const sources = event.sources.length;
    return "<b>" + escapeHtml(event.title) + "</b><br>" + escapeHtml(event.date) +
      " (" + event.precision + ")<br>" + sources + " source" + (sources === 1 ? "" : "s");
  }

  function escapeHtml(text) {
    return String(text).replace(/[&<>"']/g, function (c) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c];
    });
  }

  function buildFigure(events) {
    const dated = events.filter(function (e) { return e.period; }).map(function (e) {
      return { event: e, start: parseDay(e.period[0]), end: parseDay(e.period[1]) + DAY - 1 };
    });
    dated.sort(function (a, b) { return a.start - b.start || a.end - b.end; });
    const extent = dated.length ? dated[dated.length - 1].end - dated[0].start : DAY;
    const rows = assignRows(dated, Math.max(extent / 60, DAY));

    const points = { x: [], y: [], text: [], customdata: [] };
    const spans = { x: [], base: [], y: [], text: [], customdata: [] };
    dated.forEach(function (item, i) {
      const y = -rows[i];
      const target = item.end - item.start < DAY * 1.5 ? points : spans;
      if (target === spans) {
        spans.x.push(item.end - item.start);
        spans.base.push(isoDay(item.start));
      } else {
        points.x.push(isoDay(item.start));
      }
      target.y.push(y);
      target.text.push(hoverText(item.event));
      target.customdata.push(item.event.url);
    });
    // Periods (a month, a quarter, a year) are bars over their whole span, so a month is
    // never mistaken for its first day; single days are markers.
    const traces = [
      {
        type: "bar", orientation: "h", name: "Month, quarter or year", x: spans.x,
        base: spans.base, y: spans.y, text: spans.text, customdata: spans.customdata,
        hoverinfo: "text", textposition: "none", width: 0.55,
        marker: { color: "rgba(37, 99, 235, 0.35)", line: { width: 1, color: "#1d4ed8" } },
      },
      {
        type: "scatter", mode: "markers", name: "Day", x: points.x, y: points.y,
        text: points.text, customdata: points.customdata, hoverinfo: "text",
        marker: { size: 13, color: "#1d4ed8", line: { width: 1, color: "#fff" } },
      },
    ];
    const layout = {
      margin: { l: 20, r: 20, t: 10, b: 40 },
      height: Math.max(260, 80 + 28 * (Math.max.apply(null, rows.concat([0])) + 1)),
      showlegend: false,
      hovermode: "closest",
      barmode: "overlay",
      dragmode: "pan",
      xaxis: { type: "date", rangeslider: { visible: true, thickness: 0.08 } },
      yaxis: { visible: false, fixedrange: true },
      plot_bgcolor: "#fff",
    };
    return { traces: traces, layout: layout, count: dated.length };
  }

  function loadPanel(chart, url) {
    const target = chart.dataset.panel || "#event-panel";
    if (window.htmx) {
      window.htmx.ajax("GET", url, { target: target, swap: "innerHTML", push: url });
    } else {
      window.location.assign(url);
    }
  }

  function draw(chart) {
    fetch(chart.dataset.src, { headers: { Accept: "application/json" } })
      .then(function (response) {
        if (!response.ok) { throw new Error("HTTP " + response.status); }
        return response.json();
      })
      .then(function (data) {
        const figure = buildFigure(data.events);
        if (!figure.count) {
          chart.textContent = "No dated events to draw yet.";
          return;
        }
        window.Plotly.newPlot(chart, figure.traces, figure.layout, {
          responsive: true, scrollZoom: true, displaylogo: false,
          modeBarButtonsToRemove: ["select2d", "lasso2d"],
        });
        chart.on("plotly_click", function (event) {
          const url = event.points.length && event.points[0].customdata;
          if (url) { loadPanel(chart, url); }
        });
        chart.dataset.ready = "true";
      })
      .catch(function (error) {
        chart.textContent = "The chart could not be loaded (" + error.message + "). The list below has every event.";
      });
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("[data-src]#timeline-chart").forEach(draw);
  });
})();
