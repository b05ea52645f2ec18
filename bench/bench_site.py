"""How fast the public pages answer with 10,000 events and 20,000 evidence rows in SQLite.

Builds a throwaway database (events spread over three years, 500 articles, 40 entities),
then times `/`, the events JSON, a filtered JSON and an event panel through Django's test
client (median of several runs, with the number of queries each takes), and finally how
long headless Chromium takes to draw the chart with every event from a page load (median of
several loads).

Targets (issue "Explore"): `/` < 150 ms, JSON < 300 ms, panel < 20 ms, chart < 1.5 s.
Run: `make bench-site` (or `.venv/bin/python bench/bench_site.py --events 10000`).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "scripts"))

import chromium  # noqa: E402
from devserver import running_server  # noqa: E402

WORDS = (
    "acquires announces launches delays hires appoints invests partners sues settles "
    "reorganises opens closes expands cuts raises releases unveils reports"
).split()


def build(events_total: int, evidence_per_event: int) -> None:
    from django.core.management import call_command

    from timeline.models import Article, Entity, Event, Evidence, Timeline

    call_command("migrate", verbosity=0)
    rng = random.Random(7)
    timeline = Timeline.objects.create(slug="bench", title="Benchmark story")
    sentences = [
        f"Company {i % 97} {WORDS[i % len(WORDS)]} a project worth ${i % 50}.{i % 10} billion"
        f" on March {1 + i % 28}, 2024."
        for i in range(200)
    ]
    text = " ".join(sentences)
    offsets = []
    cursor = 0
    for sentence in sentences:
        offsets.append((cursor, cursor + len(sentence)))
        cursor += len(sentence) + 1
    articles = Article.objects.bulk_create(
        Article(
            timeline=timeline,
            title=f"Article {n}",
            text=f"{n:05d} {text}",
            content_hash=f"{n:064d}",
            file_name=f"article-{n:04d}.txt",
            published=dt.date(2023, 1, 1) + dt.timedelta(days=n),
            date_source="header",
        )
        for n in range(500)
    )
    entities = Entity.objects.bulk_create(
        Entity(timeline=timeline, name=f"Entity {n}", kind="organisation") for n in range(40)
    )
    precisions = ["day"] * 6 + ["month"] * 3 + ["year"]
    start = dt.date(2022, 1, 1)
    event_rows = []
    for n in range(events_total):
        precision = rng.choice(precisions)
        date = start + dt.timedelta(days=rng.randrange(3 * 365))
        if precision == "month":
            date = date.replace(day=1)
        elif precision == "year":
            date = date.replace(month=1, day=1)
        event_rows.append(
            Event(
                timeline=timeline,
                title=f"Company {n % 97} {WORDS[n % len(WORDS)]} project {n}",
                summary=f"Summary of event {n}.",
                date=date,
                precision=precision,
                kind=WORDS[n % len(WORDS)],
            )
        )
    events = Event.objects.bulk_create(event_rows, batch_size=2000)
    links = [
        Event.entities.through(event_id=event.pk, entity_id=entities[(i + k) % 40].pk)
        for i, event in enumerate(events)
        for k in range(2)
    ]
    Event.entities.through.objects.bulk_create(links, batch_size=5000)
    evidence_rows = []
    for i, event in enumerate(events):
        for k in range(evidence_per_event):
            article = articles[(i * 7 + k) % len(articles)]
            s, e = offsets[(i + k) % len(offsets)]
            evidence_rows.append(
                Evidence(
                    event=event,
                    article=article,
                    start=s + 6,
                    end=e + 6,
                    quote=article.text[s + 6 : e + 6],
                )
            )
    Evidence.objects.bulk_create(evidence_rows, batch_size=5000)


def time_get(client, url: str, runs: int, headers: dict | None = None) -> tuple[float, int, int]:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    durations = []
    queries = 0
    size = 0
    for _ in range(runs):
        with CaptureQueriesContext(connection) as captured:
            began = time.perf_counter()
            response = client.get(url, headers=headers or {})
            durations.append(time.perf_counter() - began)
        assert response.status_code == 200, (url, response.status_code)
        queries = len(captured)
        size = len(response.content)
    return statistics.median(durations) * 1000, queries, size


# The chart's own timings, and how many bytes of the events JSON came over the network: a
# response the browser's cache answered (a 304 or a fresh copy) would flatter the measure.
TIMINGS = """() => {
  const chart = document.querySelector("#timeline-chart");
  const json = performance.getEntriesByType("resource")
    .find((entry) => entry.name.includes(chart.dataset.src));
  const fetched = json && json.transferSize > json.encodedBodySize ? json.transferSize : 0;
  return {...chart.dataset, jsonBytes: String(fetched)};
}"""


def chart_draw_runs(database_url: str, runs: int) -> list[tuple[float, dict]] | None:
    """Seconds from reloading the page to the chart drawn with every event, `runs` times.

    Each reload fetches the events JSON (reported when the browser's cache answered it
    instead); the chart's dataset adds its own timings, `drawnAt` being milliseconds from
    the navigation's start, as the page itself measures it.
    """
    if not Path(chromium.PATH).exists():
        return None
    from playwright.sync_api import sync_playwright

    env = {"DATABASE_URL": database_url, "DJANGO_DEBUG": "1", "TIMELINE_DEFAULT_SLUG": "bench"}
    measured = []
    with running_server(env, probe="/api/events.json?to=2022-01") as base, sync_playwright() as pw:
        browser = chromium.launch(pw)
        page = browser.new_page(viewport={"width": 1366, "height": 900})
        page.goto(base + "/")  # warm the static files and the server
        page.wait_for_selector("#timeline-chart[data-ready='true']", timeout=60_000)
        for _ in range(runs):
            began = time.perf_counter()
            page.reload()
            page.wait_for_selector("#timeline-chart[data-ready='true']", timeout=60_000)
            seconds = time.perf_counter() - began
            timings = page.evaluate(TIMINGS)
            measured.append((seconds, timings))
        browser.close()
    return measured


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=10_000)
    parser.add_argument("--evidence-per-event", type=int, default=2)
    parser.add_argument("--no-browser", action="store_true")
    parser.add_argument("--chart-runs", type=int, default=5, help="page loads to time the chart")
    args = parser.parse_args()

    folder = Path(tempfile.mkdtemp(prefix="timeline-bench-"))
    database_url = f"sqlite:///{folder / 'bench.sqlite3'}"
    os.environ["DATABASE_URL"] = database_url
    os.environ["DJANGO_DEBUG"] = "1"
    os.environ["TIMELINE_DEFAULT_SLUG"] = "bench"
    os.environ["DJANGO_ALLOWED_HOSTS"] = "testserver,127.0.0.1,localhost"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "timeline.settings")
    import django

    django.setup()
    from django.test import Client

    from timeline.models import Event, Evidence

    began = time.perf_counter()
    build(args.events, args.evidence_per_event)
    print(
        f"built {Event.objects.count()} events, {Evidence.objects.count()} evidence rows "
        f"in {time.perf_counter() - began:.1f} s"
    )
    client = Client()
    event = Event.objects.order_by("id")[args.events // 2]
    rows = [
        ("/ (page)", "/", 15, None, 150),
        ("/api/events.json?quotes=0 (chart)", "/api/events.json?quotes=0", 7, None, 300),
        ("/api/events.json", "/api/events.json", 7, None, 300),
        ("/api/events.json?entity=…", "/api/events.json?entity=Entity+3", 7, None, 300),
        ("event panel (htmx)", f"/events/{event.pk}/", 50, {"HX-Request": "true"}, 20),
        ("event page (full)", f"/events/{event.pk}/", 15, None, 150),
    ]
    print(f"{'route':32} {'median ms':>10} {'target':>8} {'queries':>8} {'bytes':>10}")
    for label, url, runs, headers, target in rows:
        client.get(url, headers=headers or {})
        ms, queries, size = time_get(client, url, runs, headers)
        print(f"{label:32} {ms:10.1f} {target:8} {queries:8} {size:10}")
    if not args.no_browser:
        measured = chart_draw_runs(database_url, args.chart_runs)
        if measured is None:
            print("chart draw: skipped (no Chromium)")
            return
        for seconds, timings in measured:
            assert timings.get("count") == str(args.events), ("not every event drawn", timings)
            fetched = int(timings["jsonBytes"])
            print(
                f"chart draw: {seconds:.2f} s page load to drawn ({timings.get('drawnAt')} ms"
                f" from navigation start in the page); JSON fetch {timings.get('fetchMs')} ms"
                f" ({f'{fetched:,} bytes' if fetched else 'from the browser cache'}),"
                f" figure {timings.get('buildMs')} ms, drawing {timings.get('drawMs')} ms"
            )
        median = statistics.median(seconds for seconds, _ in measured)
        print(f"chart draw in Chromium, median of {len(measured)}: {median:.2f} s (target 1.5 s)")


if __name__ == "__main__":
    main()
