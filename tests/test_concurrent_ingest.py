"""Two `manage.py ingest` runs at once on overlapping folders lose and duplicate nothing.

Real processes, not threads: two threads of one test would share Django's connection
handling and the GIL and prove little about two workers writing one database. Both runs
go to a database every process can open: a temporary SQLite file (WAL, IMMEDIATE
transactions and a busy timeout, as settings configure it) and, when the suite runs on
PostgreSQL, the test database itself (`transaction=True` commits, so other processes see
what the test writes, and pytest-django empties it afterwards).

The reference is one sequential ingest of the union of both folders into another timeline
of the same database: the race must end with exactly what it stores, and a later
extraction of the raced timeline must find nothing to add or retire.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from urllib.parse import quote

import pytest
from django.db import connection

pytestmark = pytest.mark.django_db(transaction=True)

REPO = Path(__file__).resolve().parent.parent
PREFIXES = ["Acme", "Globex", "Initech", "Umbrella", "Stark", "Wayne"]
SUFFIXES = ["Robotics", "Foods", "Shipping", "Energy", "Telecom"]
PLACES = ["Leeds", "York", "Bristol", "Cardiff", "Glasgow", "Dundee", "Derby"]

# What each timeline holds, printed as JSON by `manage.py shell` in a process of its own.
COUNTS = """
import json
from timeline.models import Article, Event, Timeline
out = {}
for timeline in Timeline.objects.filter(slug__in=["race", "calm"]):
    articles = Article.objects.in_timeline(timeline)
    events = Event.objects.in_timeline(timeline)
    out[timeline.slug] = {
        "files": sorted(articles.values_list("file_name", flat=True)),
        "events": events.count(),
        "supported": events.filter(supported=True).count(),
        "evidence": sum(e.evidence.count() for e in events),
    }
print(json.dumps(out))
"""
# A later extraction of the raced timeline: it finds nothing to add, and nothing to flag as
# unsupported (which is how a duplicate left by the race would show).
REEXTRACT = """
import json
from timeline.models import Timeline
from timeline.services.extraction import timeline_extract
report = timeline_extract(timeline=Timeline.objects.get(slug="race"))
print(json.dumps([report.created, report.unsupported, report.evidence_added]))
"""


def article(n: int) -> str:
    """A short news item about its own company on its own days.

    Distinct events keep the expected result independent of the order in which articles
    get their ids (a race interleaves them), so the race can be compared with a plain run.
    """
    company = f"{PREFIXES[n % 6]} {SUFFIXES[n // 6]}"
    place = PLACES[n % len(PLACES)]
    return (
        f"title: {company} opens a plant\npublished: 2025-07-{n + 1:02d}\n\n"
        f"{company} opened a new plant in {place} on June {n + 1}, 2025, the company said.\n\n"
        f"In March {2000 + n} {company} had hired {10 + n} engineers for the site.\n"
    )


def write_folders(root: Path) -> tuple[Path, Path]:
    """Folders of 20 articles each; articles 10 to 19 are in both."""
    first, second = root / "first", root / "second"
    for folder, numbers in ((first, range(0, 20)), (second, range(10, 30))):
        folder.mkdir()
        for n in numbers:
            (folder / f"item_{n:02d}.txt").write_text(article(n), encoding="utf-8")
    return first, second


def manage(database_url: str, *args: str) -> subprocess.Popen:
    env = {
        **os.environ,
        "DATABASE_URL": database_url,
        "DJANGO_SETTINGS_MODULE": "timeline.settings",
        "DJANGO_DEBUG": "1",
    }
    return subprocess.Popen(
        [sys.executable, "manage.py", *args],
        cwd=REPO,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def finish(process: subprocess.Popen) -> tuple[str, str]:
    """Wait for the process; it must succeed. Returns its stdout and stderr."""
    out, err = process.communicate(timeout=300)
    assert process.returncode == 0, out + err
    return out, err


def postgres_test_database_url() -> str:
    db = connection.settings_dict
    credentials = quote(db["USER"] or "", safe="")
    if db["PASSWORD"]:
        credentials += ":" + quote(db["PASSWORD"], safe="")
    host = f"{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}"
    return f"postgres://{credentials}@{host}/{db['NAME']}"


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request, tmp_path) -> str:
    if request.param == "postgresql":
        if connection.vendor != "postgresql":
            pytest.skip("runs when the suite runs on PostgreSQL (make test-postgres)")
        return postgres_test_database_url()
    url = f"sqlite:///{tmp_path / 'race.sqlite3'}"
    finish(manage(url, "migrate", "--noinput", "-v", "0"))
    return url


def test_two_ingests_at_once_lose_and_duplicate_nothing(database_url, tmp_path):
    first, second = write_folders(tmp_path)
    racers = [manage(database_url, "ingest", "--timeline", "race", str(f)) for f in (first, second)]
    outputs = [finish(process) for process in racers]
    finish(manage(database_url, "ingest", "--timeline", "calm", str(first), str(second)))
    counts = json.loads(finish(manage(database_url, "shell", "--no-imports", "-c", COUNTS))[0])
    again = json.loads(finish(manage(database_url, "shell", "--no-imports", "-c", REEXTRACT))[0])

    for out, err in outputs:
        assert "database is locked" not in out + err
    race, calm = counts["race"], counts["calm"]
    expected_files = [f"item_{n:02d}.txt" for n in range(30)]
    assert race["files"] == expected_files
    assert calm["files"] == expected_files
    assert calm["events"] > 0
    assert race == calm, counts
    assert again == [0, 0, 0]
