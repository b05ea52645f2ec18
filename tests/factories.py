"""Small factories with sensible defaults, so each test states only what it is about."""

from __future__ import annotations

import datetime as dt

from timeline.models import Article, DateSource, Entity, Event, Evidence, Timeline

ARTICLE_TEXT = (
    "Acme Corp opened a new factory in Leeds on March 3, 2024.\n\n"
    "The plant will employ 300 people, the company said."
)


def make_timeline(slug: str = "test-story", title: str = "Test story") -> Timeline:
    return Timeline.objects.get_or_create(slug=slug, defaults={"title": title})[0]


def make_article(
    timeline: Timeline | None = None,
    *,
    text: str = ARTICLE_TEXT,
    title: str = "Acme opens Leeds plant",
    published: dt.date | None = dt.date(2024, 3, 4),
    file_name: str = "acme.txt",
) -> Article:
    return Article.objects.create(
        timeline=timeline or make_timeline(),
        title=title,
        text=text,
        published=published,
        date_source=DateSource.HEADER if published else DateSource.UNKNOWN,
        file_name=file_name,
    )


def make_event(
    timeline: Timeline | None = None,
    *,
    title: str = "Acme opens a factory in Leeds",
    date: dt.date | None = dt.date(2024, 3, 3),
    precision: str = "day",
    status: str = Event.Status.PROPOSED,
) -> Event:
    return Event.objects.create(
        timeline=timeline or make_timeline(),
        title=title,
        date=date,
        precision=precision,
        status=status,
    )


def make_evidence(event: Event, article: Article, quote: str | None = None) -> Evidence:
    """Evidence for the first occurrence of `quote` (default: the article's first sentence)."""
    quote = quote or article.text.split("\n")[0]
    start = article.text.index(quote)
    time_text = "March 3, 2024" if "March 3, 2024" in quote else ""
    time_start = article.text.index(time_text) if time_text else None
    return Evidence.objects.create(
        event=event,
        article=article,
        start=start,
        end=start + len(quote),
        quote=quote,
        time_text=time_text,
        time_start=time_start,
        time_end=time_start + len(time_text) if time_text else None,
        time_value="2024-03-03" if time_text else "",
    )


def make_entity(timeline: Timeline, name: str = "Acme Corp", kind: str = "organisation") -> Entity:
    return Entity.objects.create(timeline=timeline, name=name, kind=kind)
