"""Tests of scoring an extracted timeline against a gold file (pure Python)."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from timeline.evaluation import date_is_right, load_gold, read_article_file, score

GOLD = {
    "story": "quillo",
    "articles": "stories/quillo",
    "events": [
        {
            "id": "deal",
            "title": "Quillo buys Vexo",
            "date": "2024-06",
            "window": ["2024-06-10", "2024-07-05"],
            "keywords": [["vexo"], ["buy", "acquir"]],
            "articles": ["a.txt", "b.txt"],
            "major": True,
        },
        {
            "id": "founding",
            "title": "Vexo founded",
            "date": "2016",
            "keywords": [["founded"]],
            "articles": ["a.txt"],
            "major": False,
        },
        {
            "id": "missed",
            "title": "Something nobody found",
            "date": "2024-01-02",
            "keywords": [["zeppelin"]],
            "articles": ["c.txt"],
            "major": True,
        },
    ],
    "not_events": [{"id": "sidebar", "keywords": [["employees: 201-500"]]}],
}


@pytest.fixture
def gold(tmp_path):
    path = tmp_path / "gold.json"
    path.write_text(json.dumps(GOLD), encoding="utf-8")
    return load_gold(path)


def event(title, date=None, precision=None, end=None, sources=(), summary=""):
    return {
        "title": title,
        "summary": summary,
        "date": date,
        "end_date": end,
        "precision": precision,
        "sources": [{"article": a, "quote": q} for a, q in sources],
    }


def test_load_gold_reads_windows_and_keywords(gold):
    assert gold.events[0].window == (dt.date(2024, 6, 10), dt.date(2024, 7, 5))
    assert gold.events[0].keywords == (("vexo",), ("buy", "acquir"))
    assert gold.not_events[0][0] == "sidebar"


def test_recall_precision_duplicates_and_merges(gold):
    events = [
        event("Quillo acquires Vexo", "2024-06", "month", sources=[("a.txt", "x")]),
        event("Vexo deal", "2024-06-12", "day", sources=[("b.txt", "it will buy Vexo")]),
        event("Opinion piece", None, sources=[("a.txt", "nothing")]),
        event("Vexo founded", "2016", "year", sources=[("a.txt", "Vexo was founded")]),
    ]
    s = score(events, gold)
    assert (s.matched, s.matched_major) == (2, 1)
    assert s.recall == pytest.approx(2 / 3)
    assert s.recall_major == pytest.approx(1 / 2)
    assert s.duplicates == 1  # "deal" matched twice
    assert s.precision == pytest.approx(3 / 4)
    assert s.merged == 0
    assert s.unmatched == ["missed"]


def test_every_keyword_group_must_match(gold):
    s = score([event("Vexo news", "2024-06", "month")], gold)
    assert s.matched == 0


def test_date_right_inside_period_or_window_and_not_coarser(gold):
    deal = gold.events[0]
    assert date_is_right(event("x", "2024-06-20", "day"), deal)
    assert date_is_right(event("x", "2024-07-01", "day"), deal)  # inside the window
    assert not date_is_right(event("x", "2024-07-20", "day"), deal)
    assert not date_is_right(event("x", "2024", "year"), deal)  # coarser than a month
    assert not date_is_right(event("x", None), deal)
    week = event("x", "2024-06-24", "week", end="2024-06-30")
    assert date_is_right(week, deal)


def test_source_recall_and_not_event_hits(gold):
    events = [
        event("Quillo buys Vexo", "2024-06", "month", sources=[("a.txt", "q")]),
        event("Employees: 201-500", None),
    ]
    s = score(events, gold)
    assert s.source_recall == pytest.approx(0.5)
    assert s.not_event_hits == ["sidebar"]
    assert any(line.startswith("recall:") for line in s.lines())


def test_article_file_header_block_sets_the_date(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("title: Quillo buys Vexo\npublished: 2024-06-12\n\nBody here.\n")
    article = read_article_file(path)
    assert article.published == dt.date(2024, 6, 12)
    assert article.text == "Body here.\n"
    path.write_text("title: T\npublished: unknown\n\nBody.")
    assert read_article_file(path).published is None


def test_file_without_header_keeps_its_first_line(tmp_path):
    path = tmp_path / "b.txt"
    path.write_text("Quillo buys Vexo\n\nNote: this is the body.\n")
    article = read_article_file(path)
    assert article.published is None
    assert article.text.startswith("Quillo buys Vexo")
