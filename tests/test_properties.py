"""Properties that hold for any input: stored quotes prove themselves, dates are real dates,
and ingesting the same file twice changes nothing.

Hypothesis writes the articles: random text, and text built from news-like pieces (dates,
relative expressions, names, numbers, boilerplate lines) so that the pipeline's date and
event paths are exercised, not only its early exits.
"""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.extra.django import TestCase

from timeline.models import Article, Event, Evidence, Timeline
from timeline.services.extraction import timeline_extract
from timeline.services.ingest import articles_ingest

PIECES = [
    "Acme Corp said on Monday that it had bought Beta Ltd for $1.2 billion.",
    "The deal was announced on March 3, 2024.",
    "Two days later, the chief executive resigned.",
    "That same month, regulators opened an inquiry.",
    "Earlier this year the company hired 300 engineers.",
    "In 2019, Gamma Inc was founded in Berlin.",
    "Founded date: 2015",
    "Employees: 201-500",
    "It may launch Llama 3.1 in May.",
    "Shares fell 4% last week, the most since the second quarter of 2023.",
    "SAN FRANCISCO, June 11, 2025 —",
    "date 2025-06-13",
    "the year 3000",
    "February 30",
    "",
]
news_like = st.lists(st.sampled_from(PIECES), min_size=1, max_size=12).map(
    lambda parts: "\n".join(parts)
)
any_text = st.text(min_size=1, max_size=400)
articles = st.one_of(news_like, any_text, st.tuples(news_like, any_text).map(" ".join))
dates = st.one_of(st.none(), st.dates(dt.date(1990, 1, 1), dt.date(2030, 12, 31)))

PROPERTY_SETTINGS = settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


class StoredTimelineProperties(TestCase):
    @PROPERTY_SETTINGS
    @given(texts=st.lists(articles, min_size=1, max_size=3), published=dates)
    def test_extraction_stores_only_checkable_quotes_and_real_dates(self, texts, published):
        timeline = Timeline.objects.create(slug="prop", title="Property")
        for index, text in enumerate(texts):
            if not text.strip() or Article.objects.filter(text=text).exists():
                continue
            Article.objects.create(
                timeline=timeline,
                title=f"Article {index}",
                text=text,
                published=published,
                date_source="header" if published else "unknown",
                file_name=f"{index}.txt",
            )
        report = timeline_extract(timeline=timeline)
        assert report.errors == {}
        for evidence in Evidence.objects.select_related("article"):
            assert evidence.article.text[evidence.start : evidence.end] == evidence.quote
            if evidence.time_start is not None:
                text = evidence.article.text
                assert text[evidence.time_start : evidence.time_end] == evidence.time_text
        for event in Event.objects.all():
            assert event.date is None or isinstance(event.date, dt.date)
            if event.end_date is not None:
                assert event.end_date >= event.date
            event.full_clean(exclude=["timeline"])

    @PROPERTY_SETTINGS
    @given(text=articles)
    def test_ingesting_the_same_file_twice_changes_nothing(self, text):
        timeline = Timeline.objects.create(slug="twice", title="Twice")
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "article.txt"
            path.write_text(text, encoding="utf-8")
            first = articles_ingest(timeline=timeline, paths=[path])
            snapshot = self._snapshot()
            second = articles_ingest(timeline=timeline, paths=[path])
        assert [r.status for r in second.results] in (["unchanged"], ["failed"])
        assert first.results[0].status in ("new", "failed")
        assert second.extraction is None
        assert self._snapshot() == snapshot

    @staticmethod
    def _snapshot() -> tuple:
        return (
            list(Article.objects.values_list("id", "content_hash", "published", "date_source")),
            list(Event.objects.values_list("id", "title", "date", "precision", "status")),
            list(Evidence.objects.values_list("id", "event_id", "start", "end")),
        )
