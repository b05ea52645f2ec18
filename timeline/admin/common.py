"""What every admin page shares: lock labels, links to passages, marked quotes, job reports."""

from __future__ import annotations

from django.contrib import admin, messages
from django.http import HttpRequest
from django.urls import reverse
from django.utils.html import format_html
from django.utils.safestring import SafeString

from timeline.models import (
    Evidence,
    TimelineJob,
)

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


def passage_url(evidence: Evidence) -> str:
    """The public article page scrolled to this passage, with the passage highlighted."""
    anchor = f"passage-{evidence.pk}"
    return f"{evidence.article.get_absolute_url()}?passage={anchor}#{anchor}"


def marked_quote(evidence: Evidence) -> SafeString:
    before, time, after = evidence.quote_parts
    return format_html("{}<mark>{}</mark>{}", before, time, after) if time else evidence.quote


# Events ------------------------------------------------------------------------------


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
