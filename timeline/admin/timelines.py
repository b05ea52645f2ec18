"""Timelines and entities: short lists an editor mostly reads."""

from __future__ import annotations

from django.contrib import admin
from django.db.models import Count, QuerySet
from django.http import HttpRequest

from timeline.admin.common import report_job
from timeline.models import (
    Entity,
    Timeline,
)
from timeline.services.jobs import job_reextract_enqueue


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
            .annotate(
                article_total=Count("articles", distinct=True),
                event_total=Count("events", distinct=True),
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
