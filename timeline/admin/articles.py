"""Articles: upload, paste, read with highlights, correct the date, re-read."""

from __future__ import annotations

from dataclasses import dataclass

from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models
from django.db.models import Count, QuerySet
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.urls import path, reverse
from simple_history.admin import SimpleHistoryAdmin

from timeline.admin.common import report_job
from timeline.article_files import SUPPORTED_SUFFIXES
from timeline.extraction.pipeline import read_article
from timeline.extraction.records import ArticleInput, TimeMention
from timeline.models import (
    Article,
    DateSource,
    Evidence,
    Timeline,
)
from timeline.services.curation import (
    article_paste,
    article_set_published,
    articles_upload,
)
from timeline.services.extraction import timeline_extract
from timeline.services.ingest import IngestReport
from timeline.services.jobs import job_ingest_enqueue, job_reextract_enqueue, upload_is_large


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
