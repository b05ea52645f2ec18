"""Timelines and entities: short lists an editor mostly reads."""

from __future__ import annotations

from django.contrib import admin
from django.db.models import Count, IntegerField, OuterRef, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.http import HttpRequest

from timeline.admin.common import report_job
from timeline.models import (
    Article,
    Entity,
    Event,
    Timeline,
)
from timeline.services.jobs import job_reextract_enqueue


def _count_of(model) -> Coalesce:
    """How many rows of `model` belong to each timeline, as a subquery."""
    rows = (
        model.objects.filter(timeline=OuterRef("pk"))
        .order_by()
        .values("timeline")
        .annotate(total=Count("pk"))
        .values("total")
    )
    return Coalesce(Subquery(rows, output_field=IntegerField()), 0)


@admin.register(Timeline)
class TimelineAdmin(admin.ModelAdmin):
    list_display = ["title", "slug", "article_count", "event_count"]
    search_fields = ["title", "slug"]
    prepopulated_fields = {"slug": ["title"]}
    actions = ["re_extract"]

    def get_queryset(self, request: HttpRequest) -> QuerySet:
        return (
            super()
            .get_queryset(request)
            # One count subquery each: counting both through joins multiplied every
            # article by every event of a timeline before DISTINCT thinned them out.
            .annotate(
                article_total=_count_of(Article),
                event_total=_count_of(Event),
            )
        )

    @admin.display(description="articles", ordering="article_total")
    def article_count(self, obj: Timeline) -> int:
        return obj.article_total

    @admin.display(description="events", ordering="event_total")
    def event_count(self, obj: Timeline) -> int:
        return obj.event_total

    @admin.action(
        description="Re-read the articles of the selected timelines", permissions=["change"]
    )
    def re_extract(self, request: HttpRequest, queryset: QuerySet[Timeline]) -> None:
        for timeline in queryset:
            report_job(self, request, job_reextract_enqueue(timeline=timeline, by=request.user))


@admin.register(Entity)
class EntityAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "timeline"]
    list_filter = ["timeline", "kind"]
    search_fields = ["name", "aliases"]
