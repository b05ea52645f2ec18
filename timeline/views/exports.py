"""Downloads of a timeline's events (JSON, CSV, iCalendar, TimelineJS) for other programs.

Each export honours the reader's filters and `?timeline=SLUG` exactly as the page does,
so "export what I am looking at" is the page's query string on an export URL. The JSON
files allow any origin to read them: the data is public and TimelineJS loads its file
from the page that shows it.
"""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest
from django.shortcuts import get_object_or_404
from django.utils.http import content_disposition_header
from django.views.decorators.http import require_GET

from timeline.export_formats import FORMATS, render_export
from timeline.filters import EventFilter, FilterError
from timeline.models import Timeline
from timeline.views.pages import default_timeline


def requested_timeline(request: HttpRequest) -> Timeline:
    """The timeline named by `?timeline=SLUG`, else the default one (404 when unknown)."""
    slug = request.GET.get("timeline")
    return get_object_or_404(Timeline, slug=slug) if slug else default_timeline()


def site_url(request: HttpRequest) -> str:
    """The site's origin, so links inside files work once they leave the site."""
    return request.build_absolute_uri("/").rstrip("/")


@require_GET
def export_events(request: HttpRequest, fmt: str) -> HttpResponse:
    export_format = FORMATS[fmt]
    timeline = requested_timeline(request)
    try:
        event_filter = EventFilter.from_query(request.GET)
    except FilterError as error:
        return HttpResponseBadRequest(str(error), content_type="text/plain; charset=utf-8")
    body = render_export(export_format, timeline, event_filter, base_url=site_url(request))
    response = HttpResponse(body, content_type=export_format.content_type)
    response["Content-Disposition"] = content_disposition_header(
        export_format.attachment, export_format.download_name(timeline)
    )
    if export_format.content_type == "application/json":
        response["Access-Control-Allow-Origin"] = "*"
    return response
