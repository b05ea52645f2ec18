"""Scoring an extracted timeline against a hand-written gold file.

Gold format (JSON)::

    {"story": ..., "articles": "folder relative to the repo root",
     "events": [{"id", "title", "date": "2025" | "2025-06" | "2025-06-12",
                 "window": ["from", "to"] (optional, inclusive ISO dates),
                 "keywords": [[alternatives...], ...], "articles": [file names],
                 "major": bool}],
     "not_events": [{"id", "keywords"}]}  (optional)

Matching: an extracted event matches a gold event (or a not-event) when EVERY keyword
group has at least one alternative occurring, case-insensitively, in the event's
title, summary or source quotes.

Figures (`Score`):
- recall: share of gold events matched by at least one extracted event (also for the
  major ones alone);
- date accuracy, among matched gold events: the gold event's *primary* match (the
  matching extracted event citing most of the gold's articles, then the first in
  timeline order) has a date whose interval [date, end_date] lies inside the gold
  date's calendar period or inside the gold window, and whose precision is not coarser
  than the gold date's (a year is wrong for a gold month, a day is fine for one);
  an undated match is wrong;
- duplicates: gold events matched by more than one extracted event;
- merged: extracted events matching more than one gold event (over-merging, which
  would otherwise inflate recall);
- precision: share of extracted events that match some gold event;
- source recall: over matched gold events, the mean share of the gold's articles that
  appear among the sources of its matching extracted events;
- not-event hits: not_events matched by some extracted event.

`python -m timeline.evaluation GOLD.json [-v]` runs the pure pipeline on the gold's
article folder and prints the score; the files are read by `timeline.article_files`,
exactly as `manage.py ingest` reads them (header block, encodings, web pages).

What it deliberately does not do: no Django and no database (`manage.py evaluate`
wraps it), and no fuzzy matching beyond the gold's own keyword alternatives.
"""

from __future__ import annotations

import calendar
import datetime as dt
import json
import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from timeline import article_files
from timeline.extraction.records import PRECISIONS, ArticleInput, EventRecord


@dataclass(frozen=True)
class GoldEvent:
    id: str
    title: str
    date: str
    keywords: tuple[tuple[str, ...], ...]
    articles: tuple[str, ...]
    major: bool
    window: tuple[dt.date, dt.date] | None = None


@dataclass(frozen=True)
class Gold:
    story: str
    articles: str
    events: tuple[GoldEvent, ...]
    not_events: tuple[tuple[str, tuple[tuple[str, ...], ...]], ...] = ()


@dataclass
class Score:
    gold_events: int
    major_events: int
    matched: int
    matched_major: int
    dates_right: int
    duplicates: int
    merged: int
    extracted: int
    extracted_matching: int
    source_recall: float
    not_event_hits: list[str] = field(default_factory=list)
    unmatched: list[str] = field(default_factory=list)
    wrong_dates: list[str] = field(default_factory=list)

    @property
    def recall(self) -> float:
        return self.matched / self.gold_events if self.gold_events else 0.0

    @property
    def recall_major(self) -> float:
        return self.matched_major / self.major_events if self.major_events else 0.0

    @property
    def date_accuracy(self) -> float:
        return self.dates_right / self.matched if self.matched else 0.0

    @property
    def precision(self) -> float:
        return self.extracted_matching / self.extracted if self.extracted else 0.0

    def lines(self) -> list[str]:
        pct = "{:.0%}".format
        return [
            f"recall: {pct(self.recall)} ({self.matched}/{self.gold_events}), "
            f"major {pct(self.recall_major)} ({self.matched_major}/{self.major_events})",
            f"date accuracy: {pct(self.date_accuracy)} ({self.dates_right}/{self.matched})",
            f"precision: {pct(self.precision)} ({self.extracted_matching}/{self.extracted})",
            f"duplicates: {self.duplicates}; merged: {self.merged}",
            f"source recall: {pct(self.source_recall)}",
            f"not-event hits: {len(self.not_event_hits)} {', '.join(self.not_event_hits)}".rstrip(),
            f"unmatched: {', '.join(self.unmatched) or '-'}",
            f"wrong dates: {', '.join(self.wrong_dates) or '-'}",
        ]


def _keywords(raw) -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(str(a).lower() for a in group) for group in raw)


def load_gold(path: str | Path) -> Gold:
    """Read a gold file; raise ValueError with a one-line reason when it is malformed."""
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    events = []
    for raw in data.get("events", []):
        window = None
        if raw.get("window"):
            window = (
                dt.date.fromisoformat(raw["window"][0]),
                dt.date.fromisoformat(raw["window"][1]),
            )
        _period(raw["date"])  # validates the ISO prefix
        events.append(
            GoldEvent(
                id=raw["id"],
                title=raw.get("title", ""),
                date=raw["date"],
                keywords=_keywords(raw["keywords"]),
                articles=tuple(raw.get("articles", ())),
                major=bool(raw.get("major", False)),
                window=window,
            )
        )
    not_events = tuple((n["id"], _keywords(n["keywords"])) for n in data.get("not_events", []))
    return Gold(data.get("story", ""), data.get("articles", ""), tuple(events), not_events)


def _period(iso: str) -> tuple[dt.date, dt.date, str]:
    """The calendar interval and precision of an ISO prefix: "2025", "2025-06", a day."""
    parts = iso.split("-")
    year = int(parts[0])
    if len(parts) == 1:
        return dt.date(year, 1, 1), dt.date(year, 12, 31), "year"
    month = int(parts[1])
    if len(parts) == 2:
        return (
            dt.date(year, month, 1),
            dt.date(year, month, calendar.monthrange(year, month)[1]),
            "month",
        )
    day = dt.date(year, month, int(parts[2]))
    return day, day, "day"


def _haystack(event: Mapping) -> str:
    quotes = " ".join(str(s.get("quote", "")) for s in event.get("sources", ()))
    return f"{event.get('title', '')} {event.get('summary', '')} {quotes}".lower()


def _matches(haystack: str, keywords: tuple[tuple[str, ...], ...]) -> bool:
    return bool(keywords) and all(any(a in haystack for a in group) for group in keywords)


def _interval(event: Mapping) -> tuple[dt.date, dt.date, str] | None:
    if not event.get("date"):
        return None
    start, end, precision = _period(str(event["date"]))
    if event.get("end_date"):
        end = dt.date.fromisoformat(str(event["end_date"]))
    return start, end, event.get("precision") or precision


def date_is_right(event: Mapping, gold: GoldEvent) -> bool:
    """Whether an extracted event's date is right for a gold event (see module doc)."""
    interval = _interval(event)
    if interval is None:
        return False
    start, end, precision = interval
    gs, ge, gprec = _period(gold.date)
    inside = gs <= start and end <= ge
    if gold.window:
        inside = inside or (gold.window[0] <= start and end <= gold.window[1])
    rank = PRECISIONS.index(precision) if precision in PRECISIONS else len(PRECISIONS)
    return inside and rank <= PRECISIONS.index(gprec)


def score(events: Sequence[Mapping], gold: Gold) -> Score:
    """Score extracted events (mappings, see `as_mapping`) against a gold timeline."""
    hay = [_haystack(e) for e in events]
    matches = {g.id: [i for i, h in enumerate(hay) if _matches(h, g.keywords)] for g in gold.events}
    matched = [g for g in gold.events if matches[g.id]]
    dates_right = 0
    wrong_dates = []
    source_shares = []
    for g in matched:
        idx = matches[g.id]
        cited = [{s.get("article") for s in events[i].get("sources", ())} for i in idx]
        primary = max(range(len(idx)), key=lambda k: (len(cited[k] & set(g.articles)), -idx[k]))
        if date_is_right(events[idx[primary]], g):
            dates_right += 1
        else:
            wrong_dates.append(f"{g.id} (gold {g.date}, got {events[idx[primary]].get('date')})")
        if g.articles:
            union = set().union(*cited)
            source_shares.append(len(union & set(g.articles)) / len(g.articles))
    per_event = [sum(i in matches[g.id] for g in gold.events) for i in range(len(events))]
    hits = [nid for nid, kw in gold.not_events if any(_matches(h, kw) for h in hay)]
    return Score(
        gold_events=len(gold.events),
        major_events=sum(g.major for g in gold.events),
        matched=len(matched),
        matched_major=sum(g.major for g in matched),
        dates_right=dates_right,
        duplicates=sum(len(matches[g.id]) > 1 for g in gold.events),
        merged=sum(n > 1 for n in per_event),
        extracted=len(events),
        extracted_matching=sum(n > 0 for n in per_event),
        source_recall=sum(source_shares) / len(source_shares) if source_shares else 0.0,
        not_event_hits=hits,
        unmatched=[g.id for g in gold.events if not matches[g.id]],
        wrong_dates=wrong_dates,
    )


def as_mapping(event: EventRecord) -> dict:
    """An extracted event in the plain shape `score` reads."""
    return {
        "title": event.title,
        "summary": event.summary,
        "date": event.date.iso if event.date else None,
        "end_date": event.date.end.isoformat() if event.date else None,
        "precision": event.date.precision if event.date else None,
        "sources": [{"article": e.article, "quote": e.quote} for e in event.evidence],
    }


def read_article_file(path: Path) -> ArticleInput:
    """An article file as pipeline input, read exactly as `manage.py ingest` reads it."""
    article = article_files.read_article_file(path)
    return ArticleInput(
        key=path.name,
        text=article.text,
        published=article.published,
        published_source="header" if article.published else "unknown",
    )


def evaluate_folder(gold: Gold, root: Path) -> tuple[Score, list[EventRecord], dict[str, str]]:
    """Run the pure pipeline on the gold's article folder and score it."""
    from timeline.extraction.pipeline import extract_timeline

    folder = root / gold.articles
    articles = [read_article_file(p) for p in sorted(folder.glob("*.txt"))]
    result = extract_timeline(articles)
    return score([as_mapping(e) for e in result.events], gold), result.events, result.errors


def main(argv: Sequence[str]) -> int:
    paths = [a for a in argv if not a.startswith("-")]
    if not paths:
        print("usage: python -m timeline.evaluation GOLD.json [-v]")
        return 2
    root = Path(__file__).resolve().parent.parent
    gold = load_gold(paths[0])
    result, events, errors = evaluate_folder(gold, root)
    if "-v" in argv:
        for e in events:
            date = f"{e.date.iso} {e.date.precision}" if e.date else "undated"
            articles = sorted({x.article for x in e.evidence})
            print(f"{date:18} {e.title}  [{len(articles)} sources]")
        for key, reason in sorted(errors.items()):
            print(f"error {key}: {reason}")
        mappings = [as_mapping(e) for e in events]
        for g in gold.events:
            hits = [m for m in mappings if _matches(_haystack(m), g.keywords)]
            print(
                f"gold {g.id} ({g.date}): " + " | ".join(f"{m['date']} {m['title']}" for m in hits)
            )
    print(f"{gold.story}:")
    for line in result.lines():
        print(f"  {line}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
