// Draws the timeline chart from the events JSON named in the chart's data-src, and loads an
// event's panel with htmx when a reader selects it (click, or arrow keys on the focused
// chart). The page works without this script: the list beside the chart links to every
// event's own page. Nothing here computes dates: the server sends each event's period.
(function () {
  "use strict";

  const DAY = 24 * 60 * 60 * 1000;
  const LABEL_LIMIT = 400; // above this many events, labels would only be noise
  // Above this many periods, bars cost seconds in SVG; thick line segments draw in a
  // fraction of that. (Plotly's WebGL traces measured no faster in a software-rendered
  // browser and need a bundle three times the size, so the page does without them.)
  const BAR_LIMIT = 1500;
  const PALETTE = ["#1d4ed8", "#b45309", "#047857", "#7c3aed", "#be123c", "#0e7490", "#4d7c0f", "#a21caf"];
  const charts = new WeakMap();

  function parseDay(iso) {
    const [y, m, d] = iso.split("-").map(Number);
    return Date.UTC(y, m - 1, d);
  }

  function isoDay(ms) {
    return new Date(ms).toISOString().slice(0, 10);
  }

  function escapeHtml(text) {
    return String(text).replace(/[&<>"']/g, function (c) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c];
    });
  }

  function shortLabel(title) {
    return title.length > 34 ? title.slice(0, 32) + "…" : title;
  }

  function hoverText(event) {
    const sources = event.source_count;
    const flags = [event.precision + " precision"];
    if (event.status === "proposed") { flags.push("proposed"); }
    if (event.disputed) { flags.push("disputed date"); }
    return "<b>" + escapeHtml(event.title) + "</b><br>" + escapeHtml(event.date) + " · " +
      flags.join(" · ") + "<br>" + sources + " source" + (sources === 1 ? "" : "s");
  }

  // The lane of an event: by kind, or by its most specific entity among the common ones
  // (the entity every event mentions would otherwise swallow the chart).
  function laneNames(items, mode) {
    if (mode === "kind") {
      return items.map(function (item) { return item.event.kind || "other"; });
    }
    if (mode !== "entity") {
      return items.map(function () { return ""; });
    }
    const counts = new Map();
    items.forEach(function (item) {
      item.event.entities.forEach(function (name) { counts.set(name, (counts.get(name) || 0) + 1); });
    });
    const common = Array.from(counts.keys())
      .filter(function (name) { return counts.get(name) < items.length || items.length < 3; })
      .sort(function (a, b) { return counts.get(b) - counts.get(a) || a.localeCompare(b); })
      .slice(0, 8);
    return items.map(function (item) {
      const own = item.event.entities.filter(function (name) { return common.includes(name); });
      own.sort(function (a, b) { return counts.get(a) - counts.get(b); });
      return own.length ? own[0] : "Other";
    });
  }

  // Rows within a lane: an item goes to the first row where it starts after the previous
  // item's end plus room for its label, so labels do not overlap at the initial zoom.
  function packRows(items, lanes, labelMs) {
    const rowEnds = new Map();
    return items.map(function (item, i) {
      const ends = rowEnds.get(lanes[i]) || [];
      let row = ends.findIndex(function (end) { return item.start > end; });
      const reach = Math.max(item.end, item.start + labelMs);
      if (row === -1) { row = ends.length; ends.push(reach); } else { ends[row] = reach; }
      rowEnds.set(lanes[i], ends);
      return row;
    });
  }

  // The first view: the whole story, unless a few background events (a founding decades
  // ago) would squash the rest into a sliver; then the span where most events happen.
  // The range slider below still shows everything.
  function initialView(items, first, last) {
    const starts = items.map(function (item) { return item.start; }).sort(function (a, b) { return a - b; });
    let cut = -1;
    let gap = 0;
    for (let i = 0; i + 1 < starts.length; i += 1) {
      if (starts[i + 1] - starts[i] > gap) { gap = starts[i + 1] - starts[i]; cut = i + 1; }
    }
    const focused = cut > 0 && starts.length - cut >= starts.length / 2 &&
      gap > 2 * Math.max(last - starts[cut], 30 * DAY);
    return [focused ? starts[cut] : first, last];
  }

  // Periods as one line trace: start, middle and end of each period are hoverable points,
  // so a click anywhere along a long period finds it. One colour, for speed.
  function spanSegments(spans) {
    const trace = {
      type: "scatter", mode: "lines", name: "period", x: [], y: [], hovertext: [], customdata: [],
      hoverinfo: "text", line: { width: 5, color: "rgba(29, 78, 216, 0.45)" },
    };
    spans.ids.forEach(function (id, i) {
      const start = parseDay(spans.base[i]);
      trace.x.push(spans.base[i], isoDay(start + spans.x[i] / 2), isoDay(start + spans.x[i]), null);
      trace.y.push(spans.y[i], spans.y[i], spans.y[i], null);
      trace.hovertext.push(spans.text[i], spans.text[i], spans.text[i], null);
      trace.customdata.push(id, id, id, null);
    });
    return trace;
  }

  function buildFigure(events, mode, width, selected) {
    const items = events.filter(function (e) { return e.period; }).map(function (e) {
      return { event: e, start: parseDay(e.period[0]), end: parseDay(e.period[1]) + DAY - 1 };
    });
    items.sort(function (a, b) { return a.start - b.start || a.end - b.end || a.event.id - b.event.id; });
    if (!items.length) { return null; }
    const first = items[0].start;
    const last = Math.max.apply(null, items.map(function (item) { return item.end; }));
    const [from, to] = initialView(items, first, last);
    const span = Math.max(to - from, 30 * DAY);
    const withLabels = items.length <= LABEL_LIMIT;
    // Room for a label: about 200 px of the plot, which is the width minus the margins.
    const labelPx = withLabels ? 200 : 4;
    const plotPx = Math.max(width - (mode === "none" ? 30 : 130), 200);
    const labelMs = span * (labelPx / (plotPx - labelPx));
    const lanes = laneNames(items, mode);
    const rows = packRows(items, lanes, labelMs);

    const laneOrder = Array.from(new Set(lanes));
    const laneHeight = laneOrder.map(function (lane) {
      return 1 + Math.max.apply(null, rows.filter(function (r, i) { return lanes[i] === lane; }));
    });
    const laneBase = [];
    laneHeight.reduce(function (acc, h, i) { laneBase[i] = acc; return acc + h + 0.6; }, 0);
    const y = items.map(function (item, i) { return -(laneBase[laneOrder.indexOf(lanes[i])] + rows[i]); });

    const points = { x: [], y: [], text: [], ids: [], color: [] };
    const spans = { x: [], base: [], y: [], text: [], ids: [], color: [] };
    items.forEach(function (item, i) {
      const color = PALETTE[laneOrder.indexOf(lanes[i]) % PALETTE.length];
      if (item.end - item.start < DAY * 1.5) {
        points.x.push(isoDay(item.start));
        points.y.push(y[i]);
        points.text.push(hoverText(item.event));
        points.ids.push(item.event.id);
        points.color.push(color);
      } else {
        spans.x.push(item.end - item.start);
        spans.base.push(isoDay(item.start));
        spans.y.push(y[i]);
        spans.text.push(hoverText(item.event));
        spans.ids.push(item.event.id);
        spans.color.push(color);
      }
    });
    // Labels are annotations, not text traces, so the range slider's overview shows only
    // the markers and bars, not a smear of tiny text.
    const annotations = withLabels ? items.map(function (item, i) {
      const isPoint = item.end - item.start < DAY * 1.5;
      return {
        x: isoDay(isPoint ? item.start : item.end), y: y[i], xref: "x", yref: "y",
        text: escapeHtml(shortLabel(item.event.title)), showarrow: false, xanchor: "left",
        xshift: isPoint ? 9 : 4, font: { size: 11, color: "#334155" },
      };
    }) : [];
    const large = items.length > BAR_LIMIT;
    const traces = [
      spans.ids.length > BAR_LIMIT ? spanSegments(spans) : {
        type: "bar", orientation: "h", name: "period", x: spans.x, base: spans.base, y: spans.y,
        hovertext: spans.text, customdata: spans.ids, hoverinfo: "text", textposition: "none", width: 0.6,
        marker: { color: spans.color, opacity: 0.45, line: { width: 1, color: spans.color } },
      },
      {
        type: "scatter", mode: "markers", name: "day",
        x: points.x, y: points.y, hovertext: points.text, customdata: points.ids, hoverinfo: "text",
        // A white outline per marker doubles the SVG work; large sets go without.
        marker: {
          size: large ? 8 : 12, color: oneColour(points.color),
          line: outline(points.ids, selected, large),
        },
      },
    ];
    const lowest = Math.min.apply(null, y);
    const view = [isoDay(from - span * 0.03), isoDay(to + labelMs * 1.05)];
    const layout = {
      margin: { l: mode === "none" ? 12 : 110, r: 12, t: 8, b: 36 },
      height: Math.min(900, Math.max(280, 90 + 26 * (1 - lowest))),
      showlegend: false,
      hovermode: "closest",
      barmode: "overlay",
      dragmode: "pan",
      xaxis: {
        type: "date", range: view,
        rangeslider: { visible: items.length <= 5000, thickness: 0.1 },
      },
      yaxis: {
        fixedrange: true, zeroline: false, showgrid: false, range: [lowest - 0.8, 0.8],
        tickvals: mode === "none" ? [] : laneOrder.map(function (lane, i) { return -laneBase[i]; }),
        // Lane names are entity names from articles: Plotly reads tick text as HTML.
        ticktext: mode === "none" ? [] : laneOrder.map(function (lane) { return escapeHtml(shortLabel(lane)); }),
      },
      plot_bgcolor: "#fff",
      annotations: annotations,
    };
    return { traces: traces, layout: layout, order: items.map(function (item) { return item.event; }) };
  }

  function panelUrl(chart, event) {
    return event.url + (chart.dataset.query || "");
  }

  function selectEvent(chart, event) {
    const state = charts.get(chart);
    if (state) { state.selected = event.id; highlight(chart); }
    const url = panelUrl(chart, event);
    if (window.htmx) {
      window.htmx.ajax("GET", url, { target: chart.dataset.panel || "#event-panel", swap: "innerHTML", push: url });
    } else {
      window.location.assign(url);
    }
  }

  // The selected day event gets an amber ring. Large sets draw no rings otherwise: a
  // white outline per marker doubles the SVG work.
  // One colour for a whole trace when every point has it: Plotly then styles the trace
  // once instead of each of thousands of markers.
  function oneColour(colors) {
    return colors.every(function (c) { return c === colors[0]; }) ? colors[0] : colors;
  }

  function outline(ids, selected, large) {
    if (large && !ids.includes(selected)) {
      return { width: 0 };
    }
    return {
      width: ids.map(function (id) { return id === selected ? 3 : large ? 0 : 1; }),
      color: ids.map(function (id) { return id === selected ? "#f59e0b" : "#fff"; }),
    };
  }

  function highlight(chart) {
    const state = charts.get(chart);
    if (!state || !state.figure || state.drawnSelection === state.selected) { return; }
    const trace = state.figure.traces[1];
    const ring = outline(trace.customdata, state.selected, state.figure.order.length > BAR_LIMIT);
    state.drawnSelection = state.selected;
    window.Plotly.restyle(chart, { "marker.line.width": [ring.width], "marker.line.color": [ring.color] }, [1]);
  }

  function lanesMode() {
    const checked = document.querySelector("input[name='lanes']:checked");
    return checked ? checked.value : "none";
  }

  function render(chart) {
    const state = charts.get(chart);
    const began = performance.now();
    const figure = buildFigure(state.events, lanesMode(), chart.clientWidth || 800, state.selected);
    state.drawnSelection = state.selected;
    const built = performance.now();
    state.figure = figure;
    if (!figure) {
      window.Plotly.purge(chart);
      chart.textContent = "No dated events to draw.";
      return;
    }
    window.Plotly.react(chart, figure.traces, figure.layout, {
      responsive: true, scrollZoom: true, displaylogo: false,
      // sendChartToCloud would offer to upload the chart to Plotly's cloud service.
      modeBarButtonsToRemove: ["select2d", "lasso2d", "autoScale2d", "sendChartToCloud"],
    }).then(function () {
      // Timings the benchmark reads: preparing the figure, and Plotly drawing it.
      chart.dataset.buildMs = String(Math.round(built - began));
      chart.dataset.drawMs = String(Math.round(performance.now() - built));
      highlight(chart);
      chart.dataset.ready = "true";
      chart.dataset.count = String(figure.order.length);
    });
  }

  function zoom(chart, factor) {
    const range = chart.layout.xaxis.range.map(function (v) { return new Date(v).getTime(); });
    const middle = (range[0] + range[1]) / 2;
    const half = ((range[1] - range[0]) / 2) * factor;
    window.Plotly.relayout(chart, { "xaxis.range": [isoDay(middle - half), isoDay(middle + half)] });
  }

  function pan(chart, share) {
    const range = chart.layout.xaxis.range.map(function (v) { return new Date(v).getTime(); });
    const shift = (range[1] - range[0]) * share;
    window.Plotly.relayout(chart, { "xaxis.range": [isoDay(range[0] + shift), isoDay(range[1] + shift)] });
  }

  function onKey(chart, key) {
    const state = charts.get(chart);
    if (!state || !state.figure) { return; }
    const order = state.figure.order;
    const at = order.findIndex(function (event) { return event.id === state.selected; });
    if (key.key === "ArrowRight" && key.shiftKey) { pan(chart, 0.2); }
    else if (key.key === "ArrowLeft" && key.shiftKey) { pan(chart, -0.2); }
    else if (key.key === "ArrowRight" || key.key === "ArrowLeft") {
      const next = key.key === "ArrowRight" ? Math.min(at + 1, order.length - 1) : Math.max(at - 1, 0);
      selectEvent(chart, order[at === -1 ? 0 : next]);
    } else if (key.key === "Home") { selectEvent(chart, order[0]); }
    else if (key.key === "End") { selectEvent(chart, order[order.length - 1]); }
    else if (key.key === "+" || key.key === "=") { zoom(chart, 0.6); }
    else if (key.key === "-" || key.key === "_") { zoom(chart, 1.6); }
    else { return; }
    key.preventDefault();
  }

  function draw(chart) {
    if (charts.has(chart)) { return; }
    const state = { events: [], selected: null, figure: null };
    const panelEvent = document.querySelector("#event-panel [data-event-id]");
    if (panelEvent) { state.selected = Number(panelEvent.dataset.eventId); }
    charts.set(chart, state);
    const fetchBegan = performance.now();
    fetch(chart.dataset.src, { headers: { Accept: "application/json" } })
      .then(function (response) {
        if (!response.ok) { throw new Error("HTTP " + response.status); }
        return response.json();
      })
      .then(function (data) {
        chart.dataset.fetchMs = String(Math.round(performance.now() - fetchBegan));
        state.events = data.events;
        chart.textContent = "";
        render(chart);
        chart.on("plotly_click", function (event) {
          const id = event.points.length && event.points[0].customdata;
          const found = state.figure.order.find(function (item) { return item.id === id; });
          if (found) { selectEvent(chart, found); }
        });
        chart.addEventListener("keydown", function (key) { onKey(chart, key); });
      })
      .catch(function (error) {
        chart.textContent = "The chart could not be loaded (" + error.message + "). The list has every event.";
      });
  }

  function drawAll() {
    document.querySelectorAll("#timeline-chart[data-src]").forEach(draw);
  }

  function syncSelection() {
    const panelEvent = document.querySelector("#event-panel [data-event-id]");
    document.querySelectorAll("#timeline-chart[data-src]").forEach(function (chart) {
      const state = charts.get(chart);
      if (state && panelEvent) { state.selected = Number(panelEvent.dataset.eventId); highlight(chart); }
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    const params = new URLSearchParams(window.location.search);
    const wanted = document.querySelector("input[name='lanes'][value='" + (params.get("lanes") || "none") + "']");
    if (wanted) { wanted.checked = true; }
    drawAll();
    document.addEventListener("change", function (event) {
      if (event.target.name !== "lanes") { return; }
      const url = new URL(window.location.href);
      if (event.target.value === "none") { url.searchParams.delete("lanes"); } else { url.searchParams.set("lanes", event.target.value); }
      window.history.replaceState(window.history.state, "", url);
      document.querySelectorAll("#timeline-chart[data-src]").forEach(function (chart) {
        if (charts.get(chart) && charts.get(chart).figure !== undefined) { render(chart); }
      });
    });
  });
  document.addEventListener("htmx:after:settle", function () { drawAll(); syncSelection(); });
})();
