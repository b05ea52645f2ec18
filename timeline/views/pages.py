"""Public pages: the timeline, an event's sources and an article.

Views stay thin: they pick a timeline, ask the named querysets for events and hand a
template ready values. An htmx request for an event gets only the panel partial of the
same template the full page uses, so every panel also has a shareable full-page URL.
"""

from __future__ import annotations

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_GET
from django.views.decorators.vary import vary_on_headers
from django_htmx.middleware import HtmxDetails

from timeline.highlighting import segments
from timeline.models import Article, Event, Timeline


class HtmxHttpRequest(HttpRequest):
    htmx: HtmxDetails


def default_timeline() -> Timeline:
    timeline = Timeline.objects.filter(slug=settings.TIMELINE_DEFAULT_SLUG).first()
    if timeline is None:
        timeline = Timeline.objects.order_by("id").first()
    if timeline is None:
        raise Http404("No timeline has been created yet.")
    return timeline


def _page_context(timeline: Timeline, selected: Event | None = None) -> dict:
    events = Event.objects.in_timeline(timeline).published().chronological().with_source_count()
    return {
        "timeline": timeline,
        "timelines": Timeline.objects.all(),
        "events": events,
        "event": selected,
        "evidence": _evidence_of(selected),
    }


def _evidence_of(event: Event | None) -> list:
    if event is None:
        return []
    return list(event.evidence.all())


@require_GET
def timeline_page(request: HtmxHttpRequest, slug: str | None = None) -> HttpResponse:
    if slug is None:
        try:
            timeline = default_timeline()
        except Http404:
            return render(request, "timeline/empty.html", status=200)
    else:
        timeline = get_object_or_404(Timeline, slug=slug)
    return render(request, "timeline/page.html", _page_context(timeline))


@require_GET
@vary_on_headers("HX-Request")
def event_detail(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    event = get_object_or_404(
        Event.objects.published().with_panel_data().select_related("timeline"), pk=pk
    )
    if request.htmx and not request.htmx.history_restore_request:
        return render(
            request,
            "timeline/page.html#event-panel",
            {"event": event, "evidence": _evidence_of(event)},
        )
    return render(request, "timeline/page.html", _page_context(event.timeline, event))


@require_GET
def article_detail(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    article = get_object_or_404(Article.objects.select_related("timeline"), pk=pk)
    evidence = list(article.evidence.select_related("event").order_by("start"))
    selected = request.GET.get("passage", "")
    spans = [(e.start, e.end, f"passage-{e.pk}") for e in evidence]
    return render(
        request,
        "timeline/article.html",
        {
            "article": article,
            "timeline": article.timeline,
            "segments": segments(article.text, spans, selected=selected),
            "evidence": evidence,
        },
    )
