"""The admin, written for editors who turn extracted events into a trusted timeline.

Derived values (content hash, offsets, quotes) are read-only; an editor changes what a
reader sees (titles, dates, status) and every such change locks the field so that a
re-run of extraction keeps it.
"""

from __future__ import annotations

from django.contrib import admin, messages
from django.db.models import Count, QuerySet
from django.http import HttpRequest
from django.utils.html import format_html

from timeline.models import Article, Entity, Event, Evidence, Timeline
from timeline.services.extraction import timeline_extract


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

    @admin.action(description="Re-read the articles of the selected timelines")
    def re_extract(self, request: HttpRequest, queryset: QuerySet[Timeline]) -> None:
        for timeline in queryset:
            report = timeline_extract(timeline=timeline)
            self.message_user(request, f"{timeline.title}: {report.line()}", messages.SUCCESS)


class EvidenceInline(admin.TabularInline):
    model = Evidence
    extra = 0
    fields = ["article", "quote", "time_text", "time_value", "in_context"]
    readonly_fields = ["article", "quote", "time_text", "time_value", "in_context"]
    can_delete = True
    show_change_link = False

    def has_add_permission(self, request: HttpRequest, obj=None) -> bool:
        return False

    @admin.display(description="passage in context")
    def in_context(self, obj: Evidence) -> str:
        if not obj.pk:
            return "-"
        url = f"{obj.article.get_absolute_url()}?passage=passage-{obj.pk}#passage-{obj.pk}"
        return format_html('<a href="{}" target="_blank" rel="noopener">open</a>', url)


@admin.register(Event)
class EventAdmin(admin.ModelAdmin):
    list_display = ["title", "date", "precision", "status", "source_count", "flags"]
    list_filter = [
        "timeline",
        "status",
        "precision",
        "supported",
        ("date", admin.DateFieldListFilter),
    ]
    search_fields = ["title", "summary", "evidence__quote"]
    autocomplete_fields = ["entities"]
    readonly_fields = [
        "locked_fields",
        "alternative_dates",
        "supported",
        "created_at",
        "updated_at",
    ]
    fields = [
        "timeline",
        "title",
        "summary",
        ("date", "end_date", "precision"),
        "status",
        "entities",
        "alternative_dates",
        "locked_fields",
        "supported",
        ("created_at", "updated_at"),
    ]
    inlines = [EvidenceInline]
    actions = ["approve", "reject"]
    date_hierarchy = "date"

    def get_queryset(self, request: HttpRequest) -> QuerySet:
        return super().get_queryset(request).annotate(evidence_total=Count("evidence"))

    @admin.display(description="sources", ordering="evidence_total")
    def source_count(self, obj: Event) -> int:
        return obj.evidence_total

    @admin.display(description="flags")
    def flags(self, obj: Event) -> str:
        labels = []
        if obj.disputed:
            labels.append("disputed date")
        if not obj.supported:
            labels.append("unsupported")
        return ", ".join(labels)

    def save_model(self, request: HttpRequest, obj: Event, form, change: bool) -> None:
        if change:
            obj.lock(*[name for name in form.changed_data if name in Event.EDITABLE_FIELDS])
        super().save_model(request, obj, form, change)

    @admin.action(description="Approve selected events")
    def approve(self, request: HttpRequest, queryset: QuerySet[Event]) -> None:
        for event in queryset:
            event.approve()
        self.message_user(request, f"Approved {queryset.count()} events.", messages.SUCCESS)

    @admin.action(description="Reject selected events")
    def reject(self, request: HttpRequest, queryset: QuerySet[Event]) -> None:
        for event in queryset:
            event.reject()
        self.message_user(request, f"Rejected {queryset.count()} events.", messages.SUCCESS)


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    list_display = ["title", "source", "published", "date_source", "file_name", "ingested_at"]
    list_filter = ["timeline", "date_source", "source"]
    search_fields = ["title", "text", "file_name", "url"]
    readonly_fields = ["content_hash", "ingested_at", "date_reason"]
    fields = [
        "timeline",
        "title",
        "source",
        "url",
        ("published", "date_source", "date_reason"),
        "file_name",
        "text",
        "metadata",
        ("content_hash", "ingested_at"),
    ]


@admin.register(Entity)
class EntityAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "timeline"]
    list_filter = ["timeline", "kind"]
    search_fields = ["name", "aliases"]
