"""Public pages: the timeline, an event's sources and an article.

Views stay thin: they pick a timeline, read the reader's filters, ask the named
querysets for events and hand a template ready values. One template serves the page and
its htmx fragments: a filter change gets the `results` partial, an event selection the
`event-panel` partial, and every fragment has a full-page URL that can be shared.
"""

from __future__ import annotations

from urllib.parse import urlencode

from django.conf import settings
from django.core.paginator import InvalidPage, Paginator
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBadRequest
from django.shortcuts import get_object_or_404, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.views.decorators.http import require_GET
from django.views.decorators.vary import vary_on_headers
from django_htmx.middleware import HtmxDetails

from timeline.article_files import is_web_address
from timeline.filters import EventFilter, FilterError, status_choices
from timeline.highlighting import segments
from timeline.models import Article, Entity, Event, Timeline

EVENTS_PER_PAGE = 100
ENTITY_CHOICES = 60


class HtmxHttpRequest(HttpRequest):
    htmx: HtmxDetails


def default_timeline() -> Timeline:
    timeline = Timeline.objects.filter(slug=settings.TIMELINE_DEFAULT_SLUG).first()
    if timeline is None:
        timeline = Timeline.objects.order_by("id").first()
    if timeline is None:
        raise Http404("No timeline has been created yet.")
    return timeline


def bad_request(request: HttpRequest, message: str) -> HttpResponse:
    """A 400 page in the site's style that says which parameter was wrong."""
    html = render_to_string("400.html", {"message": message}, request=request)
    return HttpResponseBadRequest(html)


def web_url(url: str) -> str:
    """`url` if a browser may follow it as a link, else "".

    Ingest already drops other addresses, but a stored url may predate that or come from
    the admin: `javascript:` (or `data:`) in an href runs on click whatever the escaping.
    """
    return url if is_web_address(url) else ""


# Lane modes the chart offers besides one lane (timeline.js reads `lanes` from the address).
LANE_MODES = ("entity", "kind")


def _is_fragment_request(request: HtmxHttpRequest) -> bool:
    return bool(request.htmx) and not request.htmx.history_restore_request


def _with_lanes(querystring: str, lanes: str) -> str:
    """The query string with the chart's lane mode, when it is not the default one."""
    if lanes not in LANE_MODES:
        return querystring
    return f"{querystring}{'&' if querystring else '?'}{urlencode({'lanes': lanes})}"


def _entity_choices(timeline: Timeline) -> list[tuple[str, int]]:
    """The entities most published events mention, for the filter menu."""
    entities = Entity.objects.in_timeline(timeline).by_published_events()
    return list(entities.values_list("name", "event_count")[:ENTITY_CHOICES])


def results_context(
    request: HttpRequest,
    timeline: Timeline,
    event_filter: EventFilter,
    *,
    keep: dict[str, str] | None = None,
) -> dict:
    """The chart source, the page of events and the links between pages.

    `keep` holds query parameters the links must carry besides the filters (the embed,
    served from one URL for every timeline, keeps `timeline`).
    """
    events = event_filter.apply(Event.objects.in_timeline(timeline).published(), timeline)
    paginator = Paginator(events.chronological().with_source_count(), EVENTS_PER_PAGE)
    try:
        page = paginator.page(request.GET.get("page") or 1)
    except InvalidPage as error:
        raise Http404(str(error)) from error
    params = event_filter.query_params()
    return {
        "timeline": timeline,
        "filter": event_filter,
        "querystring": event_filter.querystring(),
        "chart_src": reverse("timeline:events-json")
        + "?"
        + urlencode({"timeline": timeline.slug, **params, "quotes": "0"}),
        "page_link": "?" + urlencode({**(keep or {}), **params, "page": ""}),
        "page_obj": page,
        "events": page.object_list,
        "total": paginator.count,
    }


def _page_context(
    request: HttpRequest, timeline: Timeline, event_filter: EventFilter, event: Event | None
) -> dict:
    context = results_context(request, timeline, event_filter)
    context.update(
        {
            "timelines": Timeline.objects.all(),
            "entity_choices": _entity_choices(timeline),
            "status_choices": status_choices(),
            "event": event,
            "evidence": event.passages_for_readers() if event else [],
        }
    )
    return context


@require_GET
@vary_on_headers("HX-Request")
def timeline_page(request: HtmxHttpRequest, slug: str | None = None) -> HttpResponse:
    if slug is None:
        try:
            timeline = default_timeline()
        except Http404:
            return render(request, "timeline/empty.html")
    else:
        timeline = get_object_or_404(Timeline, slug=slug)
    try:
        event_filter = EventFilter.from_query(request.GET)
    except FilterError as error:
        return bad_request(request, str(error))
    if _is_fragment_request(request):
        context = results_context(request, timeline, event_filter)
        response = render(request, "timeline/page.html#results", context)
        # The form sends every field, empty or not; the address bar gets the tidy version,
        # with the chart's lanes (sent along with the form) so a copied link keeps them.
        response["HX-Push-Url"] = timeline.get_absolute_url() + _with_lanes(
            context["querystring"], request.GET.get("lanes", "")
        )
        return response
    return render(
        request, "timeline/page.html", _page_context(request, timeline, event_filter, None)
    )


@require_GET
@vary_on_headers("HX-Request")
def event_detail(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    event = get_object_or_404(
        Event.objects.published().with_panel_data().select_related("timeline"), pk=pk
    )
    try:
        event_filter = EventFilter.from_query(request.GET)
    except FilterError as error:
        return bad_request(request, str(error))
    if _is_fragment_request(request):
        context = {
            "event": event,
            "evidence": event.passages_for_readers(),
            "timeline": event.timeline,
            "querystring": event_filter.querystring(),
        }
        return render(request, "timeline/page.html#event-panel", context)
    context = _page_context(request, event.timeline, event_filter, event)
    return render(request, "timeline/page.html", context)


@require_GET
def article_detail(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    article = get_object_or_404(Article.objects.select_related("timeline"), pk=pk)
    evidence = list(
        article.evidence.filter(event__in=Event.objects.published())
        .select_related("event")
        .order_by("start")
    )
    selected = request.GET.get("passage", "")
    spans = [(e.start, e.end, f"passage-{e.pk}") for e in evidence]
    return render(
        request,
        "timeline/article.html",
        {
            "article": article,
            "original_url": web_url(article.url),
            "timeline": article.timeline,
            "segments": segments(article.text, spans, selected=selected),
            "evidence": evidence,
        },
    )
