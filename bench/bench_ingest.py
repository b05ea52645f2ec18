"""Ingesting 1,000 articles of about 5 KB each, end to end: files to stored events.

The corpus is bench_pipeline's (real sentences of the seeds and the test stories,
shuffled across articles, names, numbers and dates perturbed, stories of a few dozen
articles), written out as files: most with a `published:` header, some with a date line,
some undated. Then `articles_ingest` reads them into a fresh SQLite database and extracts
the timeline, as `manage.py ingest FOLDER` does.

Target (issue "Events"): under 60 s on one core and under 1 GB of memory.
Run: `make bench-ingest` or `.venv/bin/python bench/bench_ingest.py [--articles N]`.
"""

from __future__ import annotations

import argparse
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))

from bench_pipeline import corpus  # noqa: E402


def write_files(folder: Path, count: int, seed: int, story_size: int) -> int:
    """The corpus as article files; returns the total size in bytes."""
    total = 0
    for article in corpus(count, seed, story_size):
        header = f"title: Article {article.key}\n"
        if article.published is not None:
            header += f"published: {article.published.isoformat()}\n"
        text = header + "\n" + article.text if article.published else article.text
        path = folder / f"{article.key}.txt"
        path.write_text(text, encoding="utf-8")
        total += len(text.encode("utf-8"))
    return total


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--story-size", type=int, default=40)
    args = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="timeline-ingest-bench-"))
    folder = work / "articles"
    folder.mkdir()
    size = write_files(folder, args.articles, args.seed, args.story_size)
    os.environ["DATABASE_URL"] = f"sqlite:///{work / 'bench.sqlite3'}"
    os.environ["DJANGO_DEBUG"] = "1"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "timeline.settings")
    import django

    django.setup()
    from django.core.management import call_command

    from timeline.models import Event, Evidence, Timeline
    from timeline.services.ingest import articles_ingest

    call_command("migrate", verbosity=0)
    timeline = Timeline.get_or_create_by_slug("bench")
    cpu_began = time.process_time()
    began = time.perf_counter()
    report = articles_ingest(timeline=timeline, paths=[folder])
    seconds = time.perf_counter() - began
    cpu = time.process_time() - cpu_began
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    counts = report.counts()
    print(f"articles: {args.articles} files, {size / 1024:.0f} KB in all")
    print(
        f"stored: {counts['new']} new, {counts['unchanged']} same text, {counts['failed']} failed"
    )
    for result in report.failed[:5]:
        print(f"  {result.line()}")
    print(
        f"events: {Event.objects.count()}, passages: {Evidence.objects.count()}, "
        f"extraction errors: {len(report.extraction.errors) if report.extraction else 0}"
    )
    print(f"wall time: {seconds:.1f} s ({args.articles / seconds:.0f} articles/s)  target < 60 s")
    print(f"cpu time: {cpu:.1f} s (one core)")
    print(f"peak memory: {peak_mb:.0f} MB  target < 1024 MB")


if __name__ == "__main__":
    main()
