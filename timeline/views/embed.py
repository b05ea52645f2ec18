"""The embeddable timeline (`/embed/`) and the oEmbed endpoint that describes it.

`/embed/` is the one page other sites may frame: it is exempt from the site-wide
`X-Frame-Options: DENY` and says instead, in the site-wide Content-Security-Policy with
its `frame-ancestors` replaced, which origins may frame it (`TIMELINE_EMBED_ALLOWED_ORIGINS`).
The page's links open in a new tab, since our other pages refuse to load inside a frame.
"""

from __future__ import annotations

from csp.constants import NONE
from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest, JsonResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.clickjacking import xframe_options_exempt
from django.views.decorators.http import require_GET

from timeline.filters import EventFilter, FilterError
from timeline.models import Event
from timeline.oembed import OEmbedError, dimension, oembed_document, shared_page
from timeline.views.exports import requested_timeline, site_url
from timeline.views.pages import bad_request, results_context

TEXT = "text/plain; charset=utf-8"


def frame_ancestors(origins: list[str]) -> list[str]:
    """The sources of the CSP directive; an empty list means no one may frame."""
    return origins or [NONE]


@require_GET
@xframe_options_exempt
def embed(request: HttpRequest) -> HttpResponse:
    """The page's chart, event list and panel, compact; `?event=ID` opens that event."""
    timeline = requested_timeline(request)
    try:
        event_filter = EventFilter.from_query(request.GET)
    except FilterError as error:
        return bad_request(request, str(error))
    event = None
    if raw_event := request.GET.get("event"):
        if not raw_event.isdecimal():
            return bad_request(request, "event must be an event number")
        events = Event.objects.in_timeline(timeline).published().with_panel_data()
        events = events.select_related("timeline")
        event = get_object_or_404(events, pk=int(raw_event))
    context = results_context(request, timeline, event_filter, keep={"timeline": timeline.slug})
    context.update(
        {
            "event": event,
            "evidence": event.passages_for_readers() if event else [],
            "share_subject": event or timeline,
        }
    )
    response = render(request, "timeline/embed.html", context)
    # What django-csp's @csp_replace sets, read here per request so the setting may change.
    response._csp_replace = {
        "frame-ancestors": frame_ancestors(settings.TIMELINE_EMBED_ALLOWED_ORIGINS)
    }
    return response


@require_GET
def oembed(request: HttpRequest) -> HttpResponse:
    if request.GET.get("format", "json") != "json":
        return HttpResponse("Only format=json is implemented.", status=501, content_type=TEXT)
    url = request.GET.get("url", "")
    if not url:
        return HttpResponseBadRequest("url is required", content_type=TEXT)
    try:
        maxwidth = dimension("maxwidth", request.GET.get("maxwidth"))
        maxheight = dimension("maxheight", request.GET.get("maxheight"))
        page = shared_page(url, host=request.get_host())
    except (OEmbedError, FilterError) as error:
        return HttpResponseBadRequest(str(error), content_type=TEXT)
    document = oembed_document(
        page, site_url=site_url(request), maxwidth=maxwidth, maxheight=maxheight
    )
    response = JsonResponse(document, json_dumps_params={"ensure_ascii": False})
    response["Access-Control-Allow-Origin"] = "*"
    return response
