"""The JSON API the chart and other programs read."""

from __future__ import annotations

from django.http import HttpRequest, JsonResponse
from django.shortcuts import get_object_or_404
from django.views.decorators.http import require_GET

from timeline.exports import events_document, events_for_export
from timeline.models import Event, Timeline
from timeline.views.pages import default_timeline


@require_GET
def events_json(request: HttpRequest) -> JsonResponse:
    slug = request.GET.get("timeline")
    timeline = get_object_or_404(Timeline, slug=slug) if slug else default_timeline()
    events = events_for_export(Event.objects.in_timeline(timeline).published())
    return JsonResponse(events_document(events), json_dumps_params={"ensure_ascii": False})
