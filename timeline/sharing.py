"""Share links and embed codes for a timeline or an event, with the reader's filters.

The page's Share control, the oEmbed answer and the embed page all build their URLs
here, so a copied link, a pasted iframe and an oEmbed card show the same events. In the
codes every value is escaped (a title is text inside an attribute, never markup), and the
codes stay plain strings, so a template escapes them once more and shows them as text.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlencode

from django.conf import settings
from django.http import HttpRequest
from django.urls import reverse
from django.utils.html import escape

from timeline.filters import EventFilter, FilterError
from timeline.models import Event, Timeline

IFRAME_HEIGHT = 640
"""A fixed height for the plain iframe code; the script form fits the content instead."""
EMBED_SCRIPT = "timeline/embed.js"


@dataclass(frozen=True)
class ShareLinks:
    title: str
    key: str
    """Tells two Share controls on one page apart (the page's and the event panel's)."""
    filtered: bool
    link: str
    embed: str
    iframe: str
    script: str
    oembed: str


def embed_path(timeline: Timeline, event_filter: EventFilter, event: Event | None = None) -> str:
    params = {"timeline": timeline.slug}
    if event is not None:
        params["event"] = str(event.pk)
    params.update(event_filter.query_params())
    return f"{reverse('timeline:embed')}?{urlencode(params)}"


def iframe_code(src: str, *, title: str, width: int | str, height: int) -> str:
    """Plain text (not marked safe): a template shows the code escaped, as code to copy."""
    return (
        f'<iframe src="{escape(src)}" title="{escape(title)}" width="{escape(width)}" '
        f'height="{escape(height)}" style="border:0" loading="lazy"></iframe>'
    )


def script_code(src: str, *, title: str, script_url: str) -> str:
    """The one-line snippet: static/timeline/embed.js inserts the iframe and fits its height."""
    return (
        f'<script src="{escape(script_url)}" data-timeline-embed="{escape(src)}" '
        f'data-title="{escape(title)}" async></script>'
    )


def embed_title(subject: Timeline | Event) -> str:
    return f"{subject.title} · timeline"


def share_links(request: HttpRequest, subject: Timeline | Event) -> ShareLinks:
    """Links for the page being read: the subject plus the filters in its query string.

    Bad filter values are dropped rather than raised: the page itself has already
    answered 400 for them, and a share control must never break the panel it sits in.
    """
    try:
        event_filter = EventFilter.from_query(request.GET)
    except FilterError:
        event_filter = EventFilter()
    if isinstance(subject, Event):
        timeline, event = subject.timeline, subject
    else:
        timeline, event = subject, None
    link = request.build_absolute_uri(subject.get_absolute_url() + event_filter.querystring())
    embed = request.build_absolute_uri(embed_path(timeline, event_filter, event))
    title = embed_title(subject)
    script_src = request.build_absolute_uri(settings.STATIC_URL + EMBED_SCRIPT)
    oembed = reverse("timeline:oembed") + "?" + urlencode({"url": link, "format": "json"})
    return ShareLinks(
        title=subject.title,
        key=f"{'event' if event else 'timeline'}-{subject.pk}",
        filtered=event_filter.active,
        link=link,
        embed=embed,
        iframe=iframe_code(embed, title=title, width="100%", height=IFRAME_HEIGHT),
        script=script_code(embed, title=title, script_url=script_src),
        oembed=request.build_absolute_uri(oembed),
    )
