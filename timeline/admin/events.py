"""Events and their evidence: approve, reject, merge, split, re-date, lock and unlock."""

from __future__ import annotations

import datetime as dt

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.options import IncorrectLookupParameters
from django.core.exceptions import ValidationError
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.html import format_html
from django.utils.text import capfirst
from simple_history.admin import SimpleHistoryAdmin

from timeline.admin.common import LOCK_LABELS, marked_quote, passage_url
from timeline.models import (
    Article,
    Event,
    Evidence,
    Precision,
)
from timeline.services.curation import (
    event_split,
    events_merge,
    events_redate,
)


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
        self.fields["target"].initial = max(
            events, key=lambda e: (e.source_count, e.passage_count, -e.pk)
        )


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
    list_display = ["when", "precision", "title", "status", "sources", "passages", "flags"]
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
        return super().get_queryset(request).with_source_count().with_passage_count()

    @admin.display(description="date", ordering="date")
    def when(self, obj: Event) -> str:
        return obj.iso_date or "undated"

    @admin.display(description="sources", ordering="source_count")
    def sources(self, obj: Event) -> int:
        """Articles that report the event: an article quoted twice is one source."""
        return obj.source_count

    @admin.display(description="passages", ordering="passage_count")
    def passages(self, obj: Event) -> int:
        """Every quoted passage: more passages than sources means an article is quoted twice."""
        return obj.passage_count

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
