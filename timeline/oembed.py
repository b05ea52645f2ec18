"""oEmbed (https://oembed.com): a `rich` answer with an iframe for our timeline and event URLs.

Only URLs of this site are answered, and only the pages meant to be shared: a timeline
(`/`, `/t/<slug>/`, with its filters) and an event (`/events/<id>/`). Anything else is
not ours to describe, which oEmbed says with a 404. Only JSON is offered; XML is a 501,
as the specification asks of a format a provider does not implement.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from django.http import Http404, QueryDict
from django.shortcuts import get_object_or_404
from django.urls import Resolver404, resolve

from timeline.filters import EventFilter
from timeline.models import Event, Timeline
from timeline.sharing import IFRAME_HEIGHT, embed_path, embed_title, iframe_code
from timeline.views.pages import default_timeline

PROVIDER_NAME = "timeline"
DEFAULT_WIDTH = 800
MAX_DIMENSION = 10_000


class OEmbedError(ValueError):
    """A request parameter we cannot use (answered 400); the message names it."""


@dataclass(frozen=True)
class SharedPage:
    timeline: Timeline
    event: Event | None
    event_filter: EventFilter

    @property
    def subject(self) -> Timeline | Event:
        return self.event or self.timeline


def shared_page(url: str, *, host: str) -> SharedPage:
    """The timeline or event a URL of this site shows; Http404 for any other URL.

    A bad filter in the URL raises `FilterError`, as it would on the page itself.
    """
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or parts.netloc.lower() != host.lower():
        raise Http404("Not a URL of this site.")
    try:
        match = resolve(parts.path or "/")
    except Resolver404:
        raise Http404("Not a page of this site.") from None
    event_filter = EventFilter.from_query(QueryDict(parts.query))
    if match.view_name == "timeline:home":
        return SharedPage(default_timeline(), None, event_filter)
    if match.view_name == "timeline:timeline":
        timeline = get_object_or_404(Timeline, slug=match.kwargs["slug"])
        return SharedPage(timeline, None, event_filter)
    if match.view_name == "timeline:event-detail":
        events = Event.objects.published().select_related("timeline")
        event = get_object_or_404(events, pk=match.kwargs["pk"])
        return SharedPage(event.timeline, event, event_filter)
    raise Http404("Only timeline and event pages can be embedded.")


def dimension(name: str, raw: str | None) -> int | None:
    """`maxwidth` or `maxheight`: a whole number of pixels from 1 to 10000, or absent."""
    if raw is None or raw == "":
        return None
    if not (raw.isascii() and raw.isdigit()) or not 1 <= int(raw) <= MAX_DIMENSION:
        raise OEmbedError(f"{name} must be a whole number of pixels from 1 to {MAX_DIMENSION}")
    return int(raw)


def oembed_document(
    page: SharedPage,
    *,
    site_url: str,
    maxwidth: int | None,
    maxheight: int | None,
) -> dict[str, Any]:
    """The `rich` response; width and height never exceed what the consumer allows."""
    width = min(DEFAULT_WIDTH, maxwidth or DEFAULT_WIDTH)
    height = min(IFRAME_HEIGHT, maxheight or IFRAME_HEIGHT)
    src = site_url + embed_path(page.timeline, page.event_filter, page.event)
    return {
        "version": "1.0",
        "type": "rich",
        "title": page.subject.title,
        "provider_name": PROVIDER_NAME,
        "provider_url": site_url + "/",
        "html": iframe_code(src, title=embed_title(page.subject), width=width, height=height),
        "width": width,
        "height": height,
        "cache_age": 3600,
    }
