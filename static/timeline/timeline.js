// Draws the timeline chart from the events JSON named in the chart's data-src, and loads an
// event's panel with htmx when a reader selects it (click, or arrow keys on the focused
// chart). The page works without this script: the list beside the chart links to every
// event's own page. Nothing here computes dates: the server sends each event's period.
//
// Plotly draws the axes, lane names, labels and range slider, and pans and zooms; the events
// themselves are painted here on a canvas over the plot area (and in miniature on one under
// the range slider), and hover and click are found here. As Plotly traces, 10,000 events
// took about a second to draw as SVG, and several with the range slider's copy of them
// (Plotly's WebGL traces measured no faster in a software-rendered browser); the canvas
// takes milliseconds, so every event is drawn at every zoom and panning stays smooth.
(function () {
  "use strict";

  const DAY = 24 * 60 * 60 * 1000;
  const LABEL_LIMIT = 400; // above this many events, labels would only be noise
  const PALETTE = ["#1d4ed8", "#b45309", "#047857", "#7c3aed", "#be123c", "#0e7490", "#4d7c0f", "#a21caf"];
  const SPAN_FILL = "73"; // hex alpha (0.45) added to a lane colour: overlapping periods show through
  const SELECTED = "#f59e0b";
  const charts = new WeakMap();

  function parseDay(iso) {
    return Date.parse(iso); // a date-only ISO string is read as UTC midnight
  }

  function clamp(value, low, high) {
    return Math.min(high, Math.max(low, value));
  }

  function escapeHtml(text) {
    return String(text).replace(/[&<>"']/g, function (c) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c];
    });
  }

  function shortLabel(title) {
    return title.length > 34 ? title.slice(0, 32) + "…" : title;
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

  // The first view leaves out what would crush the story into a sliver: a long empty
  // stretch before it when only a few background events (a founding, an earlier crisis)
  // lie before the gap, else, with ten events or more, all but the densest stretch
  // holding four events in five when that stretch is under a third of the whole span. A
  // filter often leaves two groups of a few events: then every event stays in view. The
  // range slider below always shows everything.
  function initialView(items, last) {
    const starts = items.map(function (item) { return item.start; }); // sorted by start
    let cut = -1;
    let gap = 0;
    for (let i = 0; i + 1 < starts.length; i += 1) {
      if (starts[i + 1] - starts[i] > gap) { gap = starts[i + 1] - starts[i]; cut = i + 1; }
    }
    const skip = cut > 0 && cut <= starts.length / 4 &&
      gap > 2 * Math.max(last - starts[cut], 30 * DAY);
    const story = skip ? starts.slice(cut) : starts;
    const whole = [story[0], last];
    if (story.length < 10) { return whole; }
    const k = Math.ceil(story.length * 0.8);
    let from = 0;
    for (let i = 1; i + k - 1 < story.length; i += 1) {
      if (story[i + k - 1] - story[i] < story[from + k - 1] - story[from]) { from = i; }
    }
    const dense = [story[from], story[from + k - 1]];
    return dense[1] - dense[0] < (last - whole[0]) / 3 ? dense : whole;
  }

  function buildFigure(events, mode, width) {
    const items = [];
    events.forEach(function (event) {
      if (!event.period) { return; }
      const start = parseDay(event.period[0]);
      const end = parseDay(event.period[1]) + DAY - 1;
      // A day is a dot; a month, quarter, year or dated stretch is a bar across its period.
      items.push({ event: event, start: start, end: end, point: end - start < DAY * 1.5, y: 0, color: "", fill: "" });
    });
    items.sort(function (a, b) { return a.start - b.start || a.end - b.end || a.event.id - b.event.id; });
    if (!items.length) { return null; }
    const first = items[0].start;
    const last = items.reduce(function (acc, item) { return Math.max(acc, item.end); }, first);
    const [from, to] = initialView(items, last);
    const span = Math.max(to - from, 30 * DAY);
    const withLabels = items.length <= LABEL_LIMIT;
    // Room for a label: about 200 px of the plot, which is the width minus the margins.
    const labelPx = withLabels ? 200 : 4;
    const plotPx = Math.max(width - (mode === "none" ? 30 : 130), 200);
    const labelMs = span * (labelPx / (plotPx - labelPx));
    const lanes = laneNames(items, mode);
    const rows = packRows(items, lanes, labelMs);

    const laneOrder = Array.from(new Set(lanes));
    const laneIndex = new Map(laneOrder.map(function (lane, i) { return [lane, i]; }));
    const laneHeight = laneOrder.map(function () { return 1; });
    rows.forEach(function (row, i) {
      const lane = laneIndex.get(lanes[i]);
      laneHeight[lane] = Math.max(laneHeight[lane], row + 1);
    });
    const laneBase = [];
    laneHeight.reduce(function (acc, h, i) { laneBase[i] = acc; return acc + h + 0.6; }, 0);
    let lowest = 0;
    items.forEach(function (item, i) {
      const lane = laneIndex.get(lanes[i]);
      item.y = -(laneBase[lane] + rows[i]);
      item.color = PALETTE[lane % PALETTE.length];
      item.fill = item.color + SPAN_FILL;
      lowest = Math.min(lowest, item.y);
    });
    const annotations = withLabels ? items.map(function (item) {
      return {
        x: item.point ? item.start : item.end, y: item.y, xref: "x", yref: "y",
        text: escapeHtml(shortLabel(item.event.title)), showarrow: false, xanchor: "left",
        xshift: item.point ? 9 : 4, font: { size: 11, color: "#334155" },
      };
    }) : [];
    const yRange = [lowest - 0.8, 0.8];
    const view = [from - span * 0.03, to + labelMs * 1.05];
    const layout = {
      margin: { l: mode === "none" ? 12 : 110, r: 12, t: 8, b: 36 },
      height: Math.min(900, Math.max(280, 90 + 26 * (1 - lowest))),
      showlegend: false,
      // The chart holds no Plotly traces, so Plotly has nothing to hover: see pick().
      hovermode: false,
      dragmode: "pan",
      xaxis: {
        type: "date", range: view,
        // Transparent, so the miniature painted under it shows; Plotly still draws the
        // handles and the shade over what the main view leaves out.
        rangeslider: {
          // From the first event, in an array of its own (Plotly writes pans into the
          // main view's).
          visible: true, thickness: 0.1, range: [first - span * 0.03, view[1]],
          bgcolor: "rgba(0, 0, 0, 0)", bordercolor: "#d9e2ec", borderwidth: 1,
        },
      },
      yaxis: {
        fixedrange: true, zeroline: false, showgrid: false, range: yRange,
        tickvals: mode === "none" ? [] : laneOrder.map(function (lane, i) { return -laneBase[i]; }),
        // Lane names are entity names from articles: Plotly reads tick text as HTML.
        ticktext: mode === "none" ? [] : laneOrder.map(function (lane) { return escapeHtml(shortLabel(lane)); }),
      },
      plot_bgcolor: "#fff",
      annotations: annotations,
    };
    return { layout: layout, items: items, yRange: yRange, order: items.map(function (item) { return item.event; }) };
  }

  // Where the events go: a box in the chart's pixels, the dates and rows it spans, and the
  // size of a day's dot and a period's bar (as big as the rows leave room for, within limits).
  // Outlines tell marks apart only where rows do not overlap; packed tighter they are noise.
  function geometry(box, xRange, yRange) {
    const pitch = box.height / (yRange[1] - yRange[0]);
    const radius = clamp(pitch * 0.5, 4, 6);
    const thickness = clamp(pitch * 0.6, 5, 16);
    return {
      left: box.left, top: box.top, width: box.width, height: box.height,
      x0: xRange[0], x1: xRange[1], y0: yRange[0], y1: yRange[1],
      radius: radius, thickness: thickness, outline: pitch >= 2 * radius,
    };
  }

  function toX(g, ms) {
    return ((ms - g.x0) / (g.x1 - g.x0)) * g.width;
  }

  function toY(g, y) {
    return ((g.y1 - y) / (g.y1 - g.y0)) * g.height;
  }

  function plotGeometry(chart, figure) {
    const size = chart._fullLayout._size;
    return geometry({ left: size.l, top: size.t, width: size.w, height: size.h }, visibleRange(chart), figure.yRange);
  }

  // Periods first, days over them, then the selected event's amber outline. Events outside
  // the box are skipped; ctx is already translated to the box's corner.
  function paintEvents(ctx, items, g, selected) {
    let chosen = null;
    ctx.lineWidth = 1;
    items.forEach(function (item) {
      if (item.event.id === selected) { chosen = item; }
      if (item.point) { return; }
      const xs = toX(g, item.start);
      const xe = Math.max(toX(g, item.end), xs + 2);
      if (xe < 0 || xs > g.width) { return; }
      ctx.fillStyle = item.fill;
      ctx.strokeStyle = item.color;
      const top = toY(g, item.y) - g.thickness / 2;
      ctx.fillRect(xs, top, xe - xs, g.thickness);
      if (g.outline) { ctx.strokeRect(xs + 0.5, top + 0.5, xe - xs - 1, g.thickness - 1); }
    });
    ctx.strokeStyle = "#fff";
    items.forEach(function (item) {
      if (!item.point) { return; }
      const x = toX(g, item.start);
      if (x < -g.radius || x > g.width + g.radius) { return; }
      ctx.beginPath();
      ctx.arc(x, toY(g, item.y), g.radius, 0, 2 * Math.PI);
      ctx.fillStyle = item.color;
      ctx.fill();
      if (g.outline) { ctx.stroke(); }
    });
    if (chosen) {
      ctx.strokeStyle = SELECTED;
      ctx.lineWidth = 3;
      ctx.beginPath();
      const y = toY(g, chosen.y);
      if (chosen.point) {
        ctx.arc(toX(g, chosen.start), y, g.radius + 1.5, 0, 2 * Math.PI);
      } else {
        const xs = toX(g, chosen.start);
        ctx.rect(xs - 1.5, y - g.thickness / 2 - 1.5, Math.max(toX(g, chosen.end) - xs, 2) + 3, g.thickness + 3);
      }
      ctx.stroke();
    }
  }

  // The miniature under the range slider: every event as a thin stroke over the whole story.
  function paintOverview(ctx, items, g) {
    items.forEach(function (item) {
      const xs = toX(g, item.start);
      ctx.fillStyle = item.point ? item.color : item.fill;
      ctx.fillRect(xs, toY(g, item.y) - 1, Math.max(toX(g, item.end) - xs, 1.5), 2);
    });
  }

  // A canvas of ours in Plotly's gl-container: above the plot's background and grid, below
  // its labels, range slider and mode bar; Plotly keeps that container across redraws.
  function canvasFor(chart, name, box) {
    const holder = chart.querySelector(".gl-container");
    let canvas = holder.querySelector("canvas." + name);
    if (!canvas) {
      canvas = document.createElement("canvas");
      canvas.className = "chart-layer " + name;
      holder.appendChild(canvas);
    }
    const ratio = window.devicePixelRatio || 1;
    const width = Math.round(box.width * ratio);
    const height = Math.round(box.height * ratio);
    if (canvas.width !== width || canvas.height !== height) {
      canvas.width = width;
      canvas.height = height;
      canvas.style.width = box.width + "px";
      canvas.style.height = box.height + "px";
    }
    canvas.style.left = box.left + "px";
    canvas.style.top = box.top + "px";
    const ctx = canvas.getContext("2d");
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    ctx.clearRect(0, 0, box.width, box.height);
    return ctx;
  }

  function paint(chart) {
    const state = charts.get(chart);
    if (state.pending) { cancelAnimationFrame(state.pending); state.pending = 0; }
    if (!state.figure || !chart._fullLayout || !chart.querySelector(".gl-container")) { return; }
    state.geometry = plotGeometry(chart, state.figure);
    paintEvents(canvasFor(chart, "chart-events", state.geometry), state.figure.items, state.geometry, state.selected);
  }

  // The range slider's inside, found from its drawn background (inside the border).
  function sliderGeometry(chart, figure) {
    const bg = chart.querySelector(".rangeslider-bg");
    if (!bg) { return null; }
    const outer = chart.querySelector(".svg-container").getBoundingClientRect();
    const inner = bg.getBoundingClientRect();
    const box = { left: inner.left - outer.left + 1, top: inner.top - outer.top + 1, width: inner.width - 2, height: inner.height - 2 };
    const xa = chart._fullLayout.xaxis;
    return geometry(box, xa.rangeslider.range.map(xa.r2l), figure.yRange);
  }

  function sameGeometry(a, b) {
    return Boolean(b) && Object.keys(a).every(function (key) { return a[key] === b[key]; });
  }

  // Plotly reports a redraw after every pan and zoom, but the miniature shows the whole
  // story whatever the main view: it is painted again only for a new figure (render()
  // forgets the last geometry) or when the slider's box or dates change (a resize, or
  // Plotly widening the slider for a view zoomed out past it).
  function paintSlider(chart) {
    const state = charts.get(chart);
    const g = state.figure && sliderGeometry(chart, state.figure);
    if (!g || sameGeometry(g, state.overview)) { return; }
    state.overview = g;
    paintOverview(canvasFor(chart, "chart-overview", g), state.figure.items, g);
  }

  // Pans and zooms call this for every move: paint once per animation frame at most.
  function schedule(chart) {
    const state = charts.get(chart);
    hideTip(chart);
    if (!state.pending) {
      state.pending = requestAnimationFrame(function () { state.pending = 0; paint(chart); });
    }
  }

  // The event under a point of the plot area (in pixels), if one is within `slack` pixels of
  // it; where marks overlap, the one whose centre is nearest, a day before a period.
  // Items come sorted by start, so the scan stops at the first one starting too far to the
  // right, and skips rows too far away before any other arithmetic: hover runs on every
  // mouse move over 10,000 events. Both bounds are strict, so ties resolve as before.
  function pick(state, x, y, slack) {
    const g = state.geometry;
    const items = state.figure.items;
    const reach = Math.max(g.radius + 0.5, g.thickness / 2);
    let best = null;
    let nearest = slack;
    for (let i = 0; i < items.length; i += 1) {
      const item = items[i];
      if (toX(g, item.start) - x - g.radius - 0.5 > nearest) { break; }
      const dy = Math.abs(toY(g, item.y) - y);
      if (dy - reach > nearest) { continue; }
      let distance;
      if (item.point) {
        distance = Math.hypot(toX(g, item.start) - x, dy) - g.radius - 0.5;
      } else {
        const xs = toX(g, item.start);
        const xe = Math.max(toX(g, item.end), xs + 2);
        const dx = x < xs ? xs - x : x > xe ? x - xe : 0;
        const edge = dy - g.thickness / 2;
        distance = dx > 0 ? Math.hypot(dx, Math.max(edge, 0)) : edge;
      }
      if (distance <= nearest) { best = item; nearest = distance; }
    }
    return best;
  }

  // A pointer event's position in the plot area, or null when it is not over the plot itself
  // (Plotly's pan layer there is its target; the mode bar and range slider are not).
  function plotPoint(chart, event) {
    const state = charts.get(chart);
    const target = event.target;
    if (!state || !state.geometry || !target.classList || !target.classList.contains("nsewdrag")) { return null; }
    const box = target.getBoundingClientRect();
    return { x: event.clientX - box.left, y: event.clientY - box.top };
  }

  function describe(event) {
    const flags = [event.precision + " precision"];
    if (event.status === "proposed") { flags.push("proposed"); }
    if (event.disputed) { flags.push("disputed date"); }
    const sources = event.source_count;
    return [event.date + " · " + flags.join(" · "), sources + " source" + (sources === 1 ? "" : "s")];
  }

  // The hover label: text nodes only, as titles come from articles.
  function showTip(chart, item, at) {
    const state = charts.get(chart);
    const holder = chart.querySelector(".svg-container");
    let tip = holder.querySelector(".chart-tip");
    if (!tip) {
      tip = document.createElement("div");
      tip.className = "chart-tip";
      tip.setAttribute("role", "tooltip");
      holder.appendChild(tip);
    }
    if (state.hovered !== item) {
      const title = document.createElement("strong");
      title.textContent = item.event.title;
      const lines = describe(item.event).map(function (text) {
        const line = document.createElement("span");
        line.textContent = text;
        return line;
      });
      tip.replaceChildren(title, ...lines);
      state.hovered = item;
    }
    tip.hidden = false;
    const g = state.geometry;
    const x = g.left + at.x;
    const y = g.top + at.y;
    const right = x + 14 + tip.offsetWidth <= holder.clientWidth;
    const below = y + 14 + tip.offsetHeight <= holder.clientHeight;
    tip.style.left = (right ? x + 14 : Math.max(0, x - 14 - tip.offsetWidth)) + "px";
    tip.style.top = (below ? y + 14 : Math.max(0, y - 14 - tip.offsetHeight)) + "px";
  }

  function hideTip(chart) {
    const state = charts.get(chart);
    const tip = chart.querySelector(".chart-tip");
    if (tip) { tip.hidden = true; }
    if (state) { state.hovered = null; }
    chart.classList.remove("over-event");
  }

  function onHover(chart, event) {
    const state = charts.get(chart);
    const at = event.buttons ? null : plotPoint(chart, event);
    const item = at && pick(state, at.x, at.y, 4);
    if (!item) { hideTip(chart); return; }
    chart.classList.add("over-event");
    showTip(chart, item, at);
  }

  // Plotly's pan layer takes the release (under a cover it lays over the page) and, when
  // the pointer did not move, sends a click of its own to the pan layer; after a tap that
  // click has no position, so the press's position is the one that counts.
  function onClick(chart, event) {
    const state = charts.get(chart);
    const press = state.press;
    state.press = null;
    const at = press && press.target === event.target && plotPoint(chart, press);
    const item = at && pick(state, at.x, at.y, press.pointerType === "mouse" ? 4 : 12);
    if (item) { selectEvent(chart, item.event); }
  }

  function panelUrl(chart, event) {
    return event.url + (chart.dataset.query || "");
  }

  function selectEvent(chart, event) {
    const state = charts.get(chart);
    if (state) { state.selected = event.id; paint(chart); }
    const url = panelUrl(chart, event);
    if (window.htmx) {
      window.htmx.ajax("GET", url, { target: chart.dataset.panel || "#event-panel", swap: "innerHTML", push: url });
    } else {
      window.location.assign(url);
    }
  }

  // Paints into the box of g only, with its corner as the origin.
  function within(ctx, g, paintBox) {
    if (!g) { return; }
    ctx.save();
    ctx.beginPath();
    ctx.rect(g.left, g.top, g.width, g.height);
    ctx.clip();
    ctx.translate(g.left, g.top);
    paintBox(g);
    ctx.restore();
  }

  // Plotly's own PNG would leave out the canvases: this one is Plotly's picture (as SVG,
  // loaded through a blob: URL as the page's policy allows) with the events painted over.
  function downloadPng(chart) {
    const state = charts.get(chart);
    const full = chart._fullLayout;
    const scale = 2;
    window.Plotly.toImage(chart, { format: "svg", imageDataOnly: true, width: full.width, height: full.height })
      .then(function (svg) {
        const source = URL.createObjectURL(new Blob([svg], { type: "image/svg+xml" }));
        const picture = new Image();
        picture.onload = function () {
          URL.revokeObjectURL(source);
          const canvas = document.createElement("canvas");
          canvas.width = full.width * scale;
          canvas.height = full.height * scale;
          const ctx = canvas.getContext("2d");
          ctx.scale(scale, scale);
          ctx.drawImage(picture, 0, 0, full.width, full.height);
          within(ctx, plotGeometry(chart, state.figure), function (g) {
            paintEvents(ctx, state.figure.items, g, state.selected);
          });
          within(ctx, sliderGeometry(chart, state.figure), function (g) {
            paintOverview(ctx, state.figure.items, g);
          });
          canvas.toBlob(function (blob) {
            const link = document.createElement("a");
            link.href = URL.createObjectURL(blob);
            link.download = "timeline.png";
            link.click();
            setTimeout(function () { URL.revokeObjectURL(link.href); }, 1000);
          });
        };
        picture.src = source;
      });
  }

  function lanesMode() {
    const checked = document.querySelector("input[name='lanes']:checked");
    return checked ? checked.value : "none";
  }

  function render(chart) {
    const state = charts.get(chart);
    const began = performance.now();
    const figure = buildFigure(state.events, lanesMode(), chart.clientWidth || 800);
    const built = performance.now();
    state.figure = figure;
    state.overview = null;
    hideTip(chart);
    if (!figure) {
      window.Plotly.purge(chart);
      chart.textContent = "No dated events to draw.";
      return;
    }
    window.Plotly.react(chart, [], figure.layout, {
      responsive: true, scrollZoom: true, displaylogo: false,
      // With no traces Plotly's autoscale would fall back to an arbitrary year: a double
      // click returns to the first view instead.
      doubleClick: "reset",
      // sendChartToCloud would offer to upload the chart to Plotly's cloud service.
      modeBarButtonsToRemove: ["autoScale2d", "toImage", "sendChartToCloud"],
      modeBarButtonsToAdd: [{
        name: "download-png", title: "Download plot as a PNG", icon: window.Plotly.Icons.camera,
        click: downloadPng,
      }],
    }).then(function () {
      paint(chart);
      paintSlider(chart);
      // Timings the benchmark reads: preparing the figure, drawing it, and the moment it
      // was drawn (from the navigation's start).
      chart.dataset.buildMs = String(Math.round(built - began));
      chart.dataset.drawMs = String(Math.round(performance.now() - built));
      chart.dataset.drawnAt = String(Math.round(performance.now()));
      chart.dataset.ready = "true";
      chart.dataset.count = String(figure.order.length);
    });
  }

  function visibleRange(chart) {
    const xa = chart._fullLayout.xaxis;
    return xa.range.map(xa.r2l);
  }

  // Plotly takes milliseconds for a date axis's range.
  function zoom(chart, factor) {
    const [start, end] = visibleRange(chart);
    const middle = (start + end) / 2;
    const half = ((end - start) / 2) * factor;
    window.Plotly.relayout(chart, { "xaxis.range": [middle - half, middle + half] });
  }

  function pan(chart, share) {
    const [start, end] = visibleRange(chart);
    const shift = (end - start) * share;
    window.Plotly.relayout(chart, { "xaxis.range": [start + shift, end + shift] });
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

  function listen(chart) {
    const state = charts.get(chart);
    chart.on("plotly_afterplot", function () { schedule(chart); paintSlider(chart); });
    chart.on("plotly_relayouting", function () { schedule(chart); });
    chart.on("plotly_relayout", function () { schedule(chart); });
    chart.addEventListener("mousemove", function (event) { onHover(chart, event); });
    chart.addEventListener("mouseleave", function () { hideTip(chart); });
    chart.addEventListener("pointerdown", function (event) { state.press = event.button === 0 ? event : null; });
    chart.addEventListener("click", function (event) { onClick(chart, event); });
    chart.addEventListener("keydown", function (key) { onKey(chart, key); });
  }

  function draw(chart) {
    if (charts.has(chart)) { return; }
    // events is null, not an empty list, until the JSON arrives: an empty list would be
    // drawn as "No dated events".
    const state = { events: null, selected: null, figure: null, geometry: null, overview: null, pending: 0, hovered: null, press: null };
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
        if (state.figure) { listen(chart); }
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
    if (!panelEvent) { return; }
    const id = Number(panelEvent.dataset.eventId);
    document.querySelectorAll("#timeline-chart[data-src]").forEach(function (chart) {
      const state = charts.get(chart);
      // A click has already marked and painted its event; a Back or a shared link has not.
      if (state && state.selected !== id) { state.selected = id; paint(chart); }
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
      // A chart still waiting for its events draws in the chosen mode when they arrive.
      document.querySelectorAll("#timeline-chart[data-src]").forEach(function (chart) {
        const state = charts.get(chart);
        if (state && state.events) { render(chart); }
      });
    });
  });
  document.addEventListener("htmx:after:settle", function () { drawAll(); syncSelection(); });
})();
