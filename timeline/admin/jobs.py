"""Background jobs: the progress of large uploads and re-reads, for editors to follow."""

from __future__ import annotations

from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.utils.cache import patch_vary_headers
from django.utils.html import format_html

from timeline.models import (
    TimelineJob,
)


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
