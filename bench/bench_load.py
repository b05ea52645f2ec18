"""Requests per second and latency of the production server under 100 concurrent clients.

Builds the 10,000-event benchmark story (`bench_site.build`) in a throwaway SQLite file (or
an empty PostgreSQL database given with --database-url), collects the static files, starts
gunicorn exactly as README's "Deploying" says (debug off, a generated secret key, gthread
workers), then runs closed-loop clients on 127.0.0.1 for a fixed time: each client sends its
next request as soon as the previous answer is read, over a kept-alive connection.

The mix is what readers load: the page `/`, the chart's JSON (`?quotes=0`), a filtered
JSON, event panels (htmx fragments of random events) and `/embed/`. The full JSON with every
quote (about 7 MB for 10,000 events) is a download for programs, not a page load; it is in
the mix at a small share (--full-json-share, 0 leaves it out) and reported on its own line.

Per route it prints requests, requests per second, p50 and p99 latency, errors and size,
and the route's latency alone (nothing else in flight), which queueing under load adds to.
It measures one machine: the clients and the server share its cores, so the figures are a
floor for a server with the machine to itself. Nothing leaves 127.0.0.1; the run stops by
itself after --duration seconds (plus a short warm-up) and stops gunicorn.
Run: `make bench-load` (or `.venv/bin/python bench/bench_load.py --duration 60`).
"""

from __future__ import annotations

import argparse
import functools
import http.client
import os
import random
import secrets
import shutil
import statistics
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "scripts"))

from devserver import HOST, running_server  # noqa: E402

from bench.bench_site import build  # noqa: E402

TIMEOUT = 120
"""Seconds a client waits for an answer before counting an error (a browser waits longer)."""


@dataclass(frozen=True)
class Route:
    label: str
    weight: float
    paths: tuple[str, ...]
    headers: tuple[tuple[str, str], ...] = ()


@dataclass
class Tally:
    latencies: list[float] = field(default_factory=list)
    errors: int = 0
    bytes: int = 0
    first_error: str = ""


def routes(event_ids: list[int], full_json_share: float) -> list[Route]:
    """The request mix; panels are of random events, so reads spread over the whole table."""
    panels = tuple(f"/events/{pk}/" for pk in event_ids)
    mix = [
        Route("/ (page)", 20, ("/",)),
        Route("/api/events.json?quotes=0 (chart)", 15, ("/api/events.json?quotes=0",)),
        Route("/api/events.json?entity=… (filtered)", 15, ("/api/events.json?entity=Entity+3",)),
        Route("/events/<id>/ panel (htmx)", 35, panels, (("HX-Request", "true"),)),
        Route("/embed/", 15, ("/embed/",)),
    ]
    if full_json_share > 0:
        total = sum(r.weight for r in mix)
        weight = total * full_json_share / (1 - full_json_share)
        mix.append(Route("/api/events.json (all quotes)", weight, ("/api/events.json",)))
    return mix


def client(
    port: int,
    mix: list[Route],
    seed: int,
    record_from: float,
    stop_at: float,
    tallies: dict[str, Tally],
    lock: threading.Lock,
) -> None:
    """One closed-loop client: request, read the whole answer, record, repeat until stop_at."""
    rng = random.Random(seed)
    weights = [r.weight for r in mix]
    connection = http.client.HTTPConnection(HOST, port, timeout=TIMEOUT)
    local: dict[str, Tally] = {r.label: Tally() for r in mix}
    while (began := time.perf_counter()) < stop_at:
        route = rng.choices(mix, weights)[0]
        error = ""
        try:
            connection.request("GET", rng.choice(route.paths), headers=dict(route.headers))
            response = connection.getresponse()
            size = len(response.read())
            if response.status != 200:
                error = f"HTTP {response.status}"
        except (OSError, http.client.HTTPException) as exc:
            error = f"{type(exc).__name__}: {exc}"
            connection.close()
            connection = http.client.HTTPConnection(HOST, port, timeout=TIMEOUT)
            size = 0
        if began < record_from:
            continue
        tally = local[route.label]
        tally.latencies.append(time.perf_counter() - began)
        tally.bytes += size
        if error:
            tally.errors += 1
            tally.first_error = tally.first_error or error
    connection.close()
    with lock:
        for label, tally in local.items():
            into = tallies[label]
            into.latencies += tally.latencies
            into.errors += tally.errors
            into.bytes += tally.bytes
            into.first_error = into.first_error or tally.first_error


def percentile(sorted_values: list[float], fraction: float) -> float:
    """Nearest-rank percentile: a latency that some request really had."""
    if not sorted_values:
        return 0.0
    index = max(0, min(len(sorted_values) - 1, round(fraction * len(sorted_values)) - 1))
    return sorted_values[index]


def alone(port: int, mix: list[Route], runs: int = 3) -> dict[str, float]:
    """Median latency of each route with nothing else in flight (after the load, so every
    worker is warm): the service time that queueing under load adds to."""
    medians = {}
    connection = http.client.HTTPConnection(HOST, port, timeout=TIMEOUT)
    for route in mix:
        durations = []
        for _ in range(runs):
            began = time.perf_counter()
            connection.request("GET", route.paths[0], headers=dict(route.headers))
            connection.getresponse().read()
            durations.append(time.perf_counter() - began)
        medians[route.label] = statistics.median(durations)
    connection.close()
    return medians


def report(tallies: dict[str, Tally], seconds: float, service: dict[str, float]) -> int:
    print(
        f"{'route':40} {'alone ms':>9} {'requests':>9} {'req/s':>8} {'p50 ms':>8} "
        f"{'p99 ms':>8} {'errors':>7} {'KB/resp':>8}"
    )
    everything = Tally()
    for tally in tallies.values():
        everything.latencies += tally.latencies
        everything.errors += tally.errors
        everything.bytes += tally.bytes
    for label, tally in [*tallies.items(), ("total", everything)]:
        values = sorted(tally.latencies)
        count = len(values)
        solo = f"{service[label] * 1000:9.1f}" if label in service else f"{'':9}"
        print(
            f"{label:40} {solo} {count:9} {count / seconds:8.1f} "
            f"{percentile(values, 0.5) * 1000:8.1f} {percentile(values, 0.99) * 1000:8.1f} "
            f"{tally.errors:7} {(tally.bytes / count / 1024) if count else 0:8.1f}"
        )
    for label, tally in tallies.items():
        if tally.first_error:
            print(f"first error on {label}: {tally.first_error}")
    return everything.errors


def gunicorn(port: int, *, workers: int, threads: int) -> list[str]:
    """gunicorn as README's "Deploying" runs it, bound to the loopback."""
    return [
        str(Path(sys.executable).with_name("gunicorn")),
        "timeline.wsgi",
        f"--workers={workers}",
        f"--threads={threads}",
        "--worker-class=gthread",
        f"--bind={HOST}:{port}",
    ]


def load(port: int, event_ids: list[int], args: argparse.Namespace) -> int:
    """Run the clients against the server on `port` and print the report; the errors."""
    mix = routes(event_ids, args.full_json_share)
    tallies = {r.label: Tally() for r in mix}
    lock = threading.Lock()
    start = time.perf_counter()
    record_from = start + args.warmup
    stop_at = record_from + args.duration
    threads = [
        threading.Thread(
            target=client,
            args=(port, mix, n, record_from, stop_at, tallies, lock),
            daemon=True,
        )
        for n in range(args.clients)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=stop_at - time.perf_counter() + TIMEOUT)
    service = alone(port, mix)
    print(
        f"{args.clients} clients, {args.duration:.0f} s measured after {args.warmup:.0f} s "
        f"warm-up; gunicorn {args.workers} workers x {args.threads} threads; "
        f"{os.cpu_count() or 1} cores shared by clients and server"
    )
    return report(tallies, args.duration, service)


def main() -> None:
    cores = os.cpu_count() or 1
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=10_000)
    parser.add_argument("--clients", type=int, default=100)
    parser.add_argument("--duration", type=float, default=60.0, help="measured seconds")
    parser.add_argument("--warmup", type=float, default=5.0, help="unmeasured seconds first")
    parser.add_argument("--workers", type=int, default=2 * cores + 1)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--full-json-share", type=float, default=0.01)
    parser.add_argument(
        "--database-url", help="an EMPTY database to build into (default: a temporary SQLite)"
    )
    args = parser.parse_args()
    if not 0 <= args.full_json_share < 1:
        parser.error("--full-json-share is a fraction from 0 to below 1")

    folder = Path(tempfile.mkdtemp(prefix="timeline-load-"))
    env = {
        "DATABASE_URL": args.database_url or f"sqlite:///{folder / 'load.sqlite3'}",
        "DJANGO_DEBUG": "0",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
        "DJANGO_ALLOWED_HOSTS": HOST,
        "DJANGO_CONN_MAX_AGE": "60",
        # Plain http on the loopback: production's https redirect would answer 301s.
        "DJANGO_SECURE_SSL_REDIRECT": "0",
        "TIMELINE_DEFAULT_SLUG": "bench",
        "DJANGO_SETTINGS_MODULE": "timeline.settings",
    }
    os.environ.update(env)
    import django

    django.setup()
    from django.core.management import call_command

    from timeline.models import Event

    began = time.perf_counter()
    build(args.events, 2)
    event_ids = list(Event.objects.values_list("pk", flat=True))
    print(f"built {len(event_ids)} events in {time.perf_counter() - began:.1f} s")
    call_command("collectstatic", "--noinput", verbosity=0)

    command = functools.partial(gunicorn, workers=args.workers, threads=args.threads)
    try:
        with running_server(
            env, probe="/api/events.json?to=2022-01", command=command, log=folder / "gunicorn.log"
        ) as base:
            port = urlsplit(base).port
            print(" ".join(command(port)))
            errors = load(port, event_ids, args)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    sys.exit(1 if errors else 0)


if __name__ == "__main__":
    main()
