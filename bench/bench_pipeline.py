"""Benchmark the pure extraction pipeline on a synthetic corpus of news articles.

Builds N articles (default 1,000) of about 5 KB each from the real sentences of
seeds/*.txt and tests/data/stories/**/*.txt: sentences are shuffled across articles,
names, numbers, months and years are swapped, and each article gets its own reference
date (most stated in a header, some as an inline date line, some undated so the
pipeline has to infer them). Articles are grouped into stories of a few dozen so that
clustering meets real repetition, as a news corpus does.

Then it runs `extract_timeline` once on one core and prints the wall time, articles
per second, peak resident memory and the size of the result. The target is well under
40 s and 1 GB for 1,000 articles (the database writes come on top of that).

Usage: python bench/bench_pipeline.py [--articles N] [--seed S] [--story-size K]
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import re
import resource
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from timeline.extraction.passages import split_passages  # noqa: E402
from timeline.extraction.pipeline import extract_timeline  # noqa: E402
from timeline.extraction.records import ArticleInput  # noqa: E402

TARGET_BYTES = 5000
FIRST = ["Alice", "Bruno", "Chen", "Dana", "Emeka", "Farah", "Goran", "Hiro", "Ines", "Jonas"]
LAST = ["Okafor", "Lindqvist", "Moreau", "Tanaka", "Reyes", "Novak", "Haddad", "Sato", "Berg"]
ORGS = ["Northwind", "Quillo", "Vexo AI", "Blue Harbor", "Kestrel Labs", "Orbis", "Tandem Inc."]
MONTHS = "January February March April May June July August September October November December"
_MONTH = re.compile(rf"\b(?:{'|'.join(MONTHS.split())})\b")
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_NUMBER = re.compile(r"(?<![\d.])\d+(?:\.\d+)?(?![\d.])")
_NAME = re.compile(r"(?<=[a-z,] )[A-Z][a-z]+(?: [A-Z][a-z]+)?")


def sentences() -> list[str]:
    """Every non-boilerplate sentence of the seed and story articles."""
    paths = sorted(REPO.glob("seeds/*.txt")) + sorted(REPO.glob("tests/data/stories/**/*.txt"))
    out = []
    for path in paths:
        text = path.read_text(encoding="utf-8")
        out.extend(p.text for p in split_passages(text) if not p.boilerplate and len(p.text) > 40)
    return out


def perturb(sentence: str, rng: random.Random, year_shift: int) -> str:
    """Swap names, numbers, months and years so no two articles are copies."""
    if rng.random() < 0.5:
        sentence = _NAME.sub(
            lambda m: (
                rng.choice(ORGS)
                if rng.random() < 0.5
                else f"{rng.choice(FIRST)} {rng.choice(LAST)}"
            ),
            sentence,
            count=1,
        )
    sentence = _YEAR.sub(lambda m: str(int(m.group(0)) + year_shift), sentence)
    if rng.random() < 0.4:
        sentence = _MONTH.sub(lambda m: rng.choice(MONTHS.split()), sentence)
    if rng.random() < 0.4:
        sentence = _NUMBER.sub(
            lambda m: str(round(float(m.group(0)) * rng.uniform(0.5, 2), 1)), sentence
        )
    return sentence


def corpus(n: int, seed: int, story_size: int) -> list[ArticleInput]:
    rng = random.Random(seed)
    pool = sentences()
    articles = []
    for i in range(n):
        story = i // story_size
        story_rng = random.Random(seed * 1000 + story)
        # Articles of one story share a pool of sentences and a period, as real coverage does.
        story_pool = story_rng.sample(pool, min(len(pool), 120))
        year_shift = story_rng.randint(-6, 2)
        base = dt.date(2024, 1, 1) + dt.timedelta(days=story_rng.randint(0, 700))
        reference = base + dt.timedelta(days=rng.randint(0, 30))
        body: list[str] = []
        size = 0
        while size < TARGET_BYTES:
            paragraph = " ".join(
                perturb(rng.choice(story_pool), rng, year_shift) for _ in range(rng.randint(2, 5))
            )
            body.append(paragraph)
            size += len(paragraph) + 2
        text = "\n\n".join(body)
        kind = rng.random()
        if kind < 0.7:
            articles.append(ArticleInput(f"a{i:04d}", text, reference, "header"))
        elif kind < 0.85:
            line = reference.strftime("%B %d, %Y, 10:01 am").replace(" 0", " ")
            articles.append(ArticleInput(f"a{i:04d}", f"Headline {i}\n{line}\n\n{text}"))
        else:
            articles.append(ArticleInput(f"a{i:04d}", text))
    return articles


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--story-size", type=int, default=40)
    args = parser.parse_args(argv)

    articles = corpus(args.articles, args.seed, args.story_size)
    size = sum(len(a.text.encode("utf-8")) for a in articles)
    print(f"corpus: {len(articles)} articles, {size / len(articles) / 1000:.1f} KB each on average")
    start, cpu_start = time.perf_counter(), time.process_time()
    result = extract_timeline(articles)
    seconds = time.perf_counter() - start
    cpu = time.process_time() - cpu_start
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    inferred = sum(
        1 for r in result.readings.values() if r.reference and r.reference.source == "inferred"
    )
    evidence = sum(len(e.evidence) for e in result.events)
    print(
        f"time: {seconds:.1f} s wall, {cpu:.1f} s CPU (one core), "
        f"{len(articles) / seconds:.1f} articles/s"
    )
    print(f"peak memory (max RSS): {peak_mb:.0f} MB")
    print(
        f"result: {len(result.events)} events, {evidence} evidence passages, "
        f"{inferred} reference dates inferred, {len(result.errors)} errors"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
