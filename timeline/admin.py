"""The admin, written for editors who turn extracted events into a trusted timeline.

Extraction proposes; editors decide here. Every change an editor makes to an event locks
the field so that a re-run of extraction keeps it; merges and splits lock the event's
passages. Multi-row decisions (merge, split, re-date, upload, paste, re-date an article)
go through `timeline.services.curation`; large uploads and re-reads become background jobs
(`timeline.services.jobs`), which editors follow here. This module only collects the
editor's choice.
Every change is recorded with who and when (django-simple-history) and can be reverted
from an object's History page.

What it deliberately does not offer: deleting events or passages (reject the event, or
split the wrong passages off and reject them, so every decision can be undone), and
editing an article's text (evidence offsets point into it).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.contrib.admin.options import IncorrectLookupParameters
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models
from django.db.models import Count, Exists, OuterRef, Q, QuerySet
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.cache import patch_vary_headers
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.text import capfirst
from simple_history.admin import SimpleHistoryAdmin

from timeline.article_files import SUPPORTED_SUFFIXES
from timeline.extraction.pipeline import read_article
from timeline.extraction.records import ArticleInput, TimeMention
from timeline.models import (
    Article,
    DateSource,
    Entity,
    Event,
    Evidence,
    Precision,
    Timeline,
    TimelineJob,
)
from timeline.services.curation import (
    article_paste,
    article_set_published,
    articles_upload,
    event_split,
    events_merge,
    events_redate,
)
from timeline.services.extraction import timeline_extract
from timeline.services.ingest import IngestReport
from timeline.services.jobs import job_ingest_enqueue, job_reextract_enqueue, upload_is_large

LOCK_LABELS = {
    "title": "Title",
    "summary": "Summary",
    "date": "Date",
    "end_date": "End date",
    "precision": "Precision",
    "status": "Status",
    "entities": "Entities",
    "evidence": "Passages (set by a merge or split)",
}


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


def passage_url(evidence: Evidence) -> str:
    """The public article page scrolled to this passage, with the passage highlighted."""
    anchor = f"passage-{evidence.pk}"
    return f"{evidence.article.get_absolute_url()}?passage={anchor}#{anchor}"


def marked_quote(evidence: Evidence) -> SafeString:
    before, time, after = evidence.quote_parts
    return format_html("{}<mark>{}</mark>{}", before, time, after) if time else evidence.quote


# Events ------------------------------------------------------------------------------


class EvidenceInline(admin.TabularInline):
    model = Evidence
    extra = 0
    fields = ["source", "passage", "time_value", "in_context"]
    readonly_fields = fields
    can_delete = False
    verbose_name = "passage"
    verbose_name_plural = (
        "Passages (to remove one, select the event and use “Split”, then reject the new event)"
    )

    def has_add_permission(self, request: HttpRequest, obj=None) -> bool:
        return False

    def get_queryset(self, request: HttpRequest) -> QuerySet:
        return super().get_queryset(request).select_related("article")

    @admin.display(description="article")
    def source(self, obj: Evidence) -> str:
        url = reverse("admin:timeline_article_change", args=[obj.article_id])
        return format_html('<a href="{}">{}</a>', url, obj.article.title)

    @admin.display(description="quote (time expression marked)")
    def passage(self, obj: Evidence) -> str:
        return marked_quote(obj)

    @admin.display(description="in context")
    def in_context(self, obj: Evidence) -> str:
        return format_html(
            '<a href="{}" target="_blank" rel="noopener">open passage</a>', passage_url(obj)
        )


class EventForm(forms.ModelForm):
    """The event form: locked fields say so, and ticking a field under "Unlock" releases it."""

    unlock = forms.MultipleChoiceField(
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=(
            "Locked fields are kept when articles are re-read. Unlock a field to let the "
            "next extraction propose its value again."
        ),
    )

    class Meta:
        model = Event
        fields = ["title", "summary", "date", "end_date", "precision", "status", "entities"]

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        locked = self.instance.locked_fields if self.instance.pk else []
        self.fields["unlock"].choices = [(name, LOCK_LABELS[name]) for name in locked]
        for name in locked:
            if name in self.fields:
                field = self.fields[name]
                field.label = f"{capfirst(field.label or name)} (locked)"


class DateRangeFilter(admin.FieldListFilter):
    """Events whose period overlaps the dates entered (either side may stay open)."""

    template = "admin/timeline/date_range_filter.html"

    def __init__(self, field, request, params, model, model_admin, field_path) -> None:
        self.start_param = f"{field_path}__from"
        self.end_param = f"{field_path}__to"
        super().__init__(field, request, params, model, model_admin, field_path)
        self.title = "date range"

    def expected_parameters(self) -> list[str]:
        return [self.start_param, self.end_param]

    def _value(self, name: str) -> str:
        value = self.used_parameters.get(name, "")
        return value[-1] if isinstance(value, list) else value

    def queryset(self, request: HttpRequest, queryset: QuerySet) -> QuerySet:
        try:
            start, end = (
                dt.date.fromisoformat(self._value(name)) if self._value(name) else None
                for name in (self.start_param, self.end_param)
            )
        except ValueError as error:
            raise IncorrectLookupParameters("Enter dates as YYYY-MM-DD.") from error
        return queryset.in_range(start, end)

    def choices(self, changelist):
        others = {
            key: value
            for key, value in changelist.params.items()
            if key not in (self.start_param, self.end_param)
        }
        yield {
            "start_param": self.start_param,
            "end_param": self.end_param,
            "start": self._value(self.start_param),
            "end": self._value(self.end_param),
            "hidden": sorted(others.items()),
            "clear_url": changelist.get_query_string(remove=[self.start_param, self.end_param]),
        }


class ArticleFilter(admin.SimpleListFilter):
    title = "article"
    parameter_name = "article"

    def lookups(self, request: HttpRequest, model_admin) -> list[tuple[str, str]]:
        articles = Article.objects.filter(Exists(Evidence.objects.filter(article=OuterRef("pk"))))
        return [(str(a.pk), a.title[:60]) for a in articles]

    def queryset(self, request: HttpRequest, queryset: QuerySet) -> QuerySet:
        if not self.value():
            return queryset
        cited = Evidence.objects.filter(event=OuterRef("pk"), article_id=self.value())
        return queryset.filter(Exists(cited))


class FlagFilter(admin.SimpleListFilter):
    title = "flag"
    parameter_name = "flag"

    def lookups(self, request: HttpRequest, model_admin) -> list[tuple[str, str]]:
        return [
            ("any", "Disputed or unsupported"),
            ("disputed", "Disputed date"),
            ("unsupported", "No longer supported by any passage"),
        ]

    def queryset(self, request: HttpRequest, queryset: QuerySet) -> QuerySet:
        disputed = ~Q(alternative_dates=[])
        unsupported = Q(supported=False)
        condition = {
            "any": disputed | unsupported,
            "disputed": disputed,
            "unsupported": unsupported,
        }.get(self.value() or "")
        return queryset if condition is None else queryset.filter(condition)


class MergeForm(forms.Form):
    target = forms.ModelChoiceField(
        queryset=Event.objects.none(),
        widget=forms.RadioSelect,
        empty_label=None,
        label="Keep this event",
        help_text="The others are merged into it: all their passages move to it.",
    )

    def __init__(self, *args, events: list[Event], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["target"].queryset = Event.objects.filter(pk__in=[e.pk for e in events])
        self.fields["target"].initial = max(events, key=lambda e: (e.source_total, -e.pk))


class SplitForm(forms.Form):
    passages = forms.ModelMultipleChoiceField(
        queryset=Evidence.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        label="Move these passages to a new event",
    )

    def __init__(self, *args, event: Event, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["passages"]
        field.queryset = event.evidence.select_related("article")
        field.label_from_instance = lambda row: f"{row.article.title}: “{row.quote}”"


class RedateForm(forms.Form):
    date = forms.DateField(widget=forms.DateInput(attrs={"type": "date"}))
    precision = forms.ChoiceField(
        choices=Precision.choices,
        help_text="How exact the date is: “month” with 1 June means June.",
    )
    end_date = forms.DateField(
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text="Only for an event that spans a period.",
    )

    def clean(self) -> dict:
        data = super().clean()
        if data.get("end_date") and data.get("date") and data["end_date"] < data["date"]:
            raise ValidationError("The end date cannot come before the date.")
        return data


@admin.register(Event)
class EventAdmin(SimpleHistoryAdmin):
    form = EventForm
    list_display = ["when", "precision", "title", "status", "sources", "flags"]
    list_display_links = ["title"]
    list_filter = [
        "status",
        ("date", DateRangeFilter),
        ("entities", admin.RelatedOnlyFieldListFilter),
        ArticleFilter,
        FlagFilter,
        "timeline",
    ]
    search_fields = ["title", "summary", "evidence__quote"]
    search_help_text = "Searches titles, summaries and the quoted passages."
    autocomplete_fields = ["entities"]
    readonly_fields = [
        "timeline",
        "kind",
        "disputed_dates",
        "supported",
        "locked",
        "created_at",
        "updated_at",
    ]
    fieldsets = [
        (None, {"fields": ["timeline", "title", "summary", "status", "entities"]}),
        ("Date", {"fields": [("date", "end_date", "precision"), "disputed_dates"]}),
        ("Locks", {"fields": ["locked", "unlock"]}),
        ("From extraction", {"fields": ["kind", "supported", ("created_at", "updated_at")]}),
    ]
    inlines = [EvidenceInline]
    actions = ["approve", "reject", "merge", "split", "redate"]
    history_list_display = ["status", "locked_fields"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        """Events come from extraction or a split, always with their passages."""
        return False

    def get_queryset(self, request: HttpRequest) -> QuerySet:
        return super().get_queryset(request).annotate(source_total=Count("evidence"))

    @admin.display(description="date", ordering="date")
    def when(self, obj: Event) -> str:
        return obj.iso_date or "undated"

    @admin.display(description="sources", ordering="source_total")
    def sources(self, obj: Event) -> int:
        return obj.source_total

    @admin.display(description="flags")
    def flags(self, obj: Event) -> str:
        labels = []
        if obj.disputed:
            labels.append("disputed date")
        if not obj.supported:
            labels.append("unsupported")
        return ", ".join(labels)

    @admin.display(description="locked fields")
    def locked(self, obj: Event) -> str:
        names = [LOCK_LABELS[name] for name in obj.locked_fields]
        return ", ".join(names) or "None: extraction may update every field."

    @admin.display(description="other dates in the sources")
    def disputed_dates(self, obj: Event) -> str:
        return ", ".join(alt.get("date", "") for alt in obj.alternative_dates) or "-"

    def save_model(self, request: HttpRequest, obj: Event, form, change: bool) -> None:
        if change:
            obj.lock(*[name for name in form.changed_data if name in Event.EDITABLE_FIELDS])
            obj.unlock(*form.cleaned_data.get("unlock", []))
        super().save_model(request, obj, form, change)

    @admin.action(description="Approve selected events", permissions=["change"])
    def approve(self, request: HttpRequest, queryset: QuerySet[Event]) -> None:
        for event in queryset:
            event.approve()
        self.message_user(request, f"Approved {len(queryset)} events.", messages.SUCCESS)

    @admin.action(description="Reject selected events", permissions=["change"])
    def reject(self, request: HttpRequest, queryset: QuerySet[Event]) -> None:
        for event in queryset:
            event.reject()
        self.message_user(request, f"Rejected {len(queryset)} events.", messages.SUCCESS)

    @admin.action(description="Merge selected events into one…", permissions=["change"])
    def merge(self, request: HttpRequest, queryset: QuerySet[Event]) -> HttpResponse | None:
        events = list(queryset.order_by("pk"))
        if len(events) < 2:
            self.message_user(request, "Select at least two events to merge.", messages.WARNING)
            return None
        if len({e.timeline_id for e in events}) > 1:
            self.message_user(request, "Only events of one timeline merge.", messages.ERROR)
            return None
        form = MergeForm(request.POST if "apply" in request.POST else None, events=events)
        if form.is_valid():
            target = form.cleaned_data["target"]
            events_merge(target=target, others=[e for e in events if e.pk != target.pk])
            self.message_user(
                request, f"Merged {len(events)} events into “{target}”.", messages.SUCCESS
            )
            return None
        return self._action_page(request, "merge", form, events, "Merge events")

    @admin.action(description="Split the selected event…", permissions=["change"])
    def split(self, request: HttpRequest, queryset: QuerySet[Event]) -> HttpResponse | None:
        if len(queryset) != 1:
            self.message_user(request, "Select exactly one event to split.", messages.WARNING)
            return None
        event = queryset[0]
        form = SplitForm(request.POST if "apply" in request.POST else None, event=event)
        if form.is_valid():
            try:
                new = event_split(event=event, evidence=form.cleaned_data["passages"])
            except ValueError as error:
                form.add_error("passages", str(error))
            else:
                self.message_user(
                    request,
                    f"Moved {len(form.cleaned_data['passages'])} passages to a new event: "
                    "give it its own title.",
                    messages.SUCCESS,
                )
                return HttpResponseRedirect(reverse("admin:timeline_event_change", args=[new.pk]))
        return self._action_page(request, "split", form, [event], "Split an event")

    @admin.action(description="Re-date selected events…", permissions=["change"])
    def redate(self, request: HttpRequest, queryset: QuerySet[Event]) -> HttpResponse | None:
        events = list(queryset)
        form = RedateForm(request.POST if "apply" in request.POST else None)
        if form.is_valid():
            count = events_redate(events=events, **form.cleaned_data)
            self.message_user(request, f"Re-dated {count} events.", messages.SUCCESS)
            return None
        return self._action_page(request, "redate", form, events, "Re-date events")

    def _action_page(
        self, request: HttpRequest, action: str, form: forms.Form, events: list[Event], title: str
    ) -> TemplateResponse:
        """The intermediate page of an action: it posts back to the changelist to apply."""
        context = {
            **self.admin_site.each_context(request),
            "title": title,
            "opts": self.model._meta,
            "action": action,
            "form": form,
            "events": events,
            "selected": request.POST.getlist(admin.helpers.ACTION_CHECKBOX_NAME),
        }
        return TemplateResponse(request, f"admin/timeline/event/{action}.html", context)


# Evidence ----------------------------------------------------------------------------


@admin.register(Evidence)
class EvidenceAdmin(SimpleHistoryAdmin):
    """Passages are read here and their history kept; they move only by merge or split."""

    list_display = ["short_quote", "event", "article", "time_value"]
    list_select_related = ["event", "article"]
    search_fields = ["quote", "event__title", "article__title"]
    readonly_fields = [
        "event",
        "article",
        "passage",
        "time_text",
        "time_value",
        "start",
        "end",
        "in_context",
    ]
    fields = readonly_fields

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    @admin.display(description="quote")
    def short_quote(self, obj: Evidence) -> str:
        return obj.quote if len(obj.quote) <= 90 else obj.quote[:89] + "…"

    @admin.display(description="quote (time expression marked)")
    def passage(self, obj: Evidence) -> str:
        return marked_quote(obj)

    @admin.display(description="in context")
    def in_context(self, obj: Evidence) -> str:
        return format_html('<a href="{}">open passage</a>', passage_url(obj))


# Articles ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Piece:
    """A run of article text inside the same passage (if any) and time expression (if any)."""

    text: str
    evidence: Evidence | None = None
    time: TimeMention | None = None


def marked_text(text: str, evidence: list[Evidence], times: list[TimeMention]) -> list[Piece]:
    """Cut the text wherever a passage or a time expression begins or ends."""
    cuts = {0, len(text)}
    for item in (*evidence, *times):
        cuts.update((item.start, item.end))
    bounds = sorted(c for c in cuts if 0 <= c <= len(text))
    pieces = []
    for start, end in zip(bounds, bounds[1:], strict=False):
        pieces.append(
            Piece(
                text[start:end],
                next((e for e in evidence if e.start <= start and end <= e.end), None),
                next((t for t in times if t.start <= start and end <= t.end), None),
            )
        )
    return pieces


def time_mentions(article: Article) -> tuple[list[TimeMention], str]:
    """The time expressions extraction finds in the article, resolved against its date."""
    source = article.date_source if article.published else DateSource.UNKNOWN
    reading = ArticleInput(
        key=str(article.pk), text=article.text, published=article.published, published_source=source
    )
    try:
        return list(read_article(reading).mentions), ""
    except Exception as error:  # noqa: BLE001 - the page must open even if the reader fails
        return [], f"The text could not be read: {error}"


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault(
            "widget", MultipleFileInput(attrs={"accept": ",".join(SUPPORTED_SUFFIXES)})
        )
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None) -> list:
        items = data if isinstance(data, list | tuple) else [data] if data else []
        if not items and self.required:
            raise ValidationError(self.error_messages["required"], code="required")
        return [super(MultipleFileField, self).clean(item, initial) for item in items]


class UploadForm(forms.Form):
    timeline = forms.ModelChoiceField(queryset=Timeline.objects.all(), empty_label=None)
    files = MultipleFileField(
        help_text="Article files (.txt or .md, UTF-8), one or many: each may start with a "
        "header block (title:, source:, url:, published:) and a blank line."
    )


class PasteForm(forms.Form):
    timeline = forms.ModelChoiceField(queryset=Timeline.objects.all(), empty_label=None)
    title = forms.CharField(max_length=300)
    source = forms.CharField(max_length=200, required=False, label="Publisher")
    url = forms.URLField(max_length=500, required=False, assume_scheme="https")
    published = forms.DateField(
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text="The article's own date: relative dates in its text are resolved against it.",
    )
    text = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 20, "cols": 100}),
        help_text="The full text of the article, without its title.",
    )


@admin.register(Article)
class ArticleAdmin(SimpleHistoryAdmin):
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    list_display = ["title", "source", "published", "date_source", "passages", "file_name"]
    list_filter = ["timeline", "date_source", "source"]
    search_fields = ["title", "text", "file_name", "url"]
    readonly_fields = [
        "timeline",
        "date_source",
        "date_reason",
        "reading",
        "file_name",
        "metadata",
        "content_hash",
        "ingested_at",
    ]
    fieldsets = [
        (None, {"fields": ["timeline", "title", "source", "url"]}),
        (
            "Date",
            {
                "fields": ["published", ("date_source", "date_reason")],
                "description": "Changing the date marks it as set by an editor and resolves "
                "every relative date in the text again (the timeline is re-read).",
            },
        ),
        ("Text", {"fields": ["reading"]}),
        ("File", {"fields": ["file_name", "metadata", ("content_hash", "ingested_at")]}),
    ]
    actions = ["re_extract"]

    def get_queryset(self, request: HttpRequest) -> QuerySet:
        return super().get_queryset(request).annotate(evidence_total=Count("evidence"))

    def get_urls(self):
        upload = path(
            "upload/",
            self.admin_site.admin_view(self.upload_view),
            name="timeline_article_upload",
        )
        return [upload, *super().get_urls()]

    @admin.display(description="passages", ordering="evidence_total")
    def passages(self, obj: Article) -> int:
        return obj.evidence_total

    @admin.display(description="as extraction reads it")
    def reading(self, obj: Article) -> str:
        """The text with event passages and time expressions marked, then both listed."""
        times, problem = time_mentions(obj)
        evidence = list(obj.evidence.select_related("event").order_by("start"))
        return render_to_string(
            "admin/timeline/article/reading.html",
            {
                "pieces": marked_text(obj.text, evidence, times),
                "times": times,
                "problem": problem,
                "evidence": evidence,
            },
        )

    def save_model(self, request: HttpRequest, obj: Article, form, change: bool) -> None:
        stored = Article.objects.filter(pk=obj.pk).values_list("published", flat=True).first()
        super().save_model(request, obj, form, change)
        if change and "published" in form.changed_data:
            report = article_set_published(article=obj, date=form.cleaned_data["published"])
            self.message_user(request, f"Date set; timeline re-read: {report.line()}")
        elif change and obj.published != stored:
            # A revert from the History page restored an earlier date (and where it came from).
            report = timeline_extract(timeline=obj.timeline)
            self.message_user(request, f"Date restored; timeline re-read: {report.line()}")

    def add_view(self, request: HttpRequest, form_url: str = "", extra_context=None):
        """Adding an article means pasting its text; the ingest checks and extraction follow."""
        if not self.has_add_permission(request):
            raise PermissionDenied
        form = PasteForm(request.POST or None, initial={"timeline": _default_timeline()})
        if request.method == "POST" and form.is_valid():
            report = article_paste(**form.cleaned_data)
            self._report(request, report)
            result = report.results[0]
            if result.article_id is not None:
                url = reverse("admin:timeline_article_change", args=[result.article_id])
                return HttpResponseRedirect(url)
        return self._form_page(request, "paste", form, "Paste an article")

    def upload_view(self, request: HttpRequest) -> HttpResponse:
        if not self.has_add_permission(request):
            raise PermissionDenied
        form = UploadForm(
            request.POST or None, request.FILES or None, initial={"timeline": _default_timeline()}
        )
        report = None
        if request.method == "POST" and form.is_valid():
            timeline, files = form.cleaned_data["timeline"], form.cleaned_data["files"]
            if upload_is_large(files=files):
                job = job_ingest_enqueue(timeline=timeline, files=files, by=request.user)
                report_job(self, request, job)
                url = reverse("admin:timeline_timelinejob_change", args=[job.pk])
                return HttpResponseRedirect(url)
            report = articles_upload(timeline=timeline, files=files)
            self._report(request, report)
        return self._form_page(request, "upload", form, "Upload articles", report=report)

    def _form_page(
        self, request: HttpRequest, name: str, form: forms.Form, title: str, **extra
    ) -> TemplateResponse:
        context = {
            **self.admin_site.each_context(request),
            "title": title,
            "opts": self.model._meta,
            "form": form,
            **extra,
        }
        return TemplateResponse(request, f"admin/timeline/article/{name}.html", context)

    def _report(self, request: HttpRequest, report: IngestReport) -> None:
        for result in report.results:
            level = messages.ERROR if result.status == "failed" else messages.SUCCESS
            self.message_user(request, result.line(), level)
        if report.extraction is not None:
            self.message_user(request, f"Timeline re-read: {report.extraction.line()}")

    @admin.action(
        description="Re-read selected articles (extract events again)", permissions=["change"]
    )
    def re_extract(self, request: HttpRequest, queryset: QuerySet[Article]) -> None:
        for timeline in Timeline.objects.filter(pk__in=queryset.values("timeline")):
            report_job(self, request, job_reextract_enqueue(timeline=timeline, by=request.user))


def _default_timeline() -> Timeline | None:
    return Timeline.objects.filter(slug=settings.TIMELINE_DEFAULT_SLUG).first()


# Background jobs ---------------------------------------------------------------------


def report_job(model_admin: admin.ModelAdmin, request: HttpRequest, job: TimelineJob) -> None:
    """Tell the editor how a job they started stands, with a link to follow it."""
    url = reverse("admin:timeline_timelinejob_change", args=[job.pk])
    if job.status == TimelineJob.Status.FAILED:
        text, level = f"failed: {job.error}", messages.ERROR
    elif job.status == TimelineJob.Status.DONE:
        text, level = job.lines[-1], messages.SUCCESS
    else:
        text, level = "runs in the background", messages.INFO
    link = format_html('<a href="{}">{}</a>', url, job)
    model_admin.message_user(request, format_html("{}: {}", link, text), level)


@admin.register(TimelineJob)
class TimelineJobAdmin(admin.ModelAdmin):
    """Uploads and re-reads done by the task worker, for editors to follow.

    Read-only: the worker writes jobs. The change page shows the progress and refreshes
    it itself (htmx asks the same URL for the `progress` partial until the job ends).
    """

    list_display = ["__str__", "status", "progress", "created_by", "created_at", "finished_at"]
    list_filter = ["status", "kind", "timeline"]
    list_select_related = ["timeline", "created_by"]
    search_fields = ["report", "error"]
    fields = [
        "timeline",
        "kind",
        "created_by",
        "created_at",
        "started_at",
        "finished_at",
        "task_id",
    ]
    readonly_fields = fields

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: TimelineJob | None = None) -> bool:
        return False

    @admin.display(description="progress")
    def progress(self, obj: TimelineJob) -> str:
        return format_html(
            '<progress max="{}" value="{}"></progress> {} of {}',
            obj.total,
            obj.done,
            obj.done,
            obj.total,
        )

    def change_view(
        self, request: HttpRequest, object_id: str, form_url: str = "", extra_context=None
    ) -> HttpResponse:
        """The job's page, or only its progress when htmx polls for it."""
        if request.htmx and request.method == "GET":
            job = self.get_object(request, object_id)
            if job is None:
                raise Http404("No such job.")
            if not self.has_view_permission(request, job):
                raise PermissionDenied
            template = "admin/timeline/timelinejob/change_form.html#progress"
            response = TemplateResponse(request, template, {"original": job})
        else:
            response = super().change_view(request, object_id, form_url, extra_context)
        patch_vary_headers(response, ["HX-Request"])
        return response
