"""Background jobs: large uploads and re-reads run as tasks, with progress in the admin.

Tests run tasks inline (the immediate backend, tests/settings.py); the worker test
switches to the database backend and runs `manage.py db_worker`, the production path.
"""

from __future__ import annotations

import io
import re
import signal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.test import override_settings
from django.urls import reverse

from tests.factories import make_article, make_timeline
from tests.factories_admin import SECOND_TEXT, make_editor, make_staff_without_rights
from timeline.models import Article, Event, JobFile, TimelineJob
from timeline.services.jobs import job_reextract_enqueue, upload_is_large

pytestmark = pytest.mark.django_db

UPLOAD = reverse("admin:timeline_article_upload")
DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
THIRD_TEXT = "Acme Corp closed its Hull depot on May 2, 2024.\n\nForty people lost their jobs."


@pytest.fixture
def editor_client(client):
    client.force_login(make_editor())
    return client


def files() -> list[SimpleUploadedFile]:
    return [
        SimpleUploadedFile("widget.txt", SECOND_TEXT.encode()),
        SimpleUploadedFile("notes.pdf", b"%PDF-1.4"),
        SimpleUploadedFile("depot.txt", THIRD_TEXT.encode()),
    ]


def upload(client, timeline, uploads):
    return client.post(UPLOAD, {"timeline": timeline.pk, "files": uploads})


def job_url(job: TimelineJob) -> str:
    return reverse("admin:timeline_timelinejob_change", args=[job.pk])


@override_settings(TIMELINE_BACKGROUND_THRESHOLD=3)
def test_a_large_upload_becomes_a_job_with_a_line_per_file(editor_client):
    timeline = make_timeline()

    response = upload(editor_client, timeline, files())

    job = TimelineJob.objects.get()
    assert response.url == job_url(job)
    assert (job.kind, job.status, job.done, job.total) == ("ingest", "done", 4, 4)
    assert job.created_by.username == "editor" and job.task_id
    assert job.lines[0] == "new: widget.txt"
    assert job.lines[1].startswith("failed: notes.pdf: unsupported file type '.pdf'")
    assert job.lines[2] == "new: depot.txt"
    assert job.lines[3].startswith("Timeline re-read: events: ")
    assert Article.objects.count() == 2 and Event.objects.exists()
    assert not JobFile.objects.exists()
    page = editor_client.get(response.url).content.decode()
    assert "failed: notes.pdf" in page and "Done." in page


def test_a_small_upload_stays_in_the_request(editor_client):
    response = upload(editor_client, make_timeline(), files()[:1])
    assert response.status_code == 200 and "widget.txt" in response.content.decode()
    assert not TimelineJob.objects.exists()
    assert Article.objects.count() == 1


@override_settings(TIMELINE_BACKGROUND_THRESHOLD=100, TIMELINE_BACKGROUND_THRESHOLD_BYTES=1000)
def test_the_threshold_counts_files_or_bytes():
    small = SimpleUploadedFile("a.txt", b"x" * 999)
    assert not upload_is_large(files=[small])
    assert upload_is_large(files=[small, SimpleUploadedFile("b.txt", b"y")])


@pytest.fixture
def worker_signals():
    """db_worker installs its own SIGINT/SIGTERM handlers: give the test run its own back."""
    saved = {number: signal.getsignal(number) for number in (signal.SIGINT, signal.SIGTERM)}
    yield
    for number, handler in saved.items():
        signal.signal(number, handler)


@override_settings(TIMELINE_BACKGROUND_THRESHOLD=3, TASKS=DATABASE_TASKS)
def test_the_worker_reads_a_queued_upload_from_the_database(
    editor_client, worker_signals, monkeypatch
):
    # On waking, the worker closes connections it finds inside a transaction; here that is
    # the test's own, and on PostgreSQL (unlike SQLite in memory) closing it ends the test.
    monkeypatch.setattr(
        "django_tasks_db.management.commands.db_worker.close_old_connections", lambda: None
    )
    timeline = make_timeline()
    upload(editor_client, timeline, files())
    job = TimelineJob.objects.get()
    assert (job.status, job.done) == ("queued", 0)
    assert [f.name for f in job.files.all()] == ["widget.txt", "notes.pdf", "depot.txt"]
    assert bytes(job.files.first().content) == SECOND_TEXT.encode()
    assert not Article.objects.exists()
    page = editor_client.get(job_url(job)).content.decode()
    assert "Waiting for the worker" in page and 'hx-trigger="every 2s"' in page

    worker = ["--batch", "--no-reload", "--no-startup-delay", "--interval=0"]
    call_command("db_worker", *worker, stdout=io.StringIO())

    job.refresh_from_db()
    assert (job.status, job.done, job.error) == ("done", 4, "")
    assert job.started_at <= job.finished_at
    assert Article.objects.count() == 2
    assert not JobFile.objects.exists()


@override_settings(TIMELINE_BACKGROUND_THRESHOLD=3)
def test_a_failure_marks_the_job_failed_and_keeps_what_was_stored(editor_client, monkeypatch):
    def broken(**kwargs):
        raise RuntimeError("the extraction broke")

    monkeypatch.setattr("timeline.services.jobs.timeline_extract", broken)

    response = upload(editor_client, make_timeline(), files())

    job = TimelineJob.objects.get()
    assert job.status == "failed"
    assert job.error == "RuntimeError: the extraction broke"
    assert job.done == 3 and job.finished_at is not None
    assert Article.objects.count() == 2
    page = editor_client.get(response.url).content.decode()
    assert "RuntimeError: the extraction broke" in page


def test_re_read_selected_articles_runs_as_a_job(editor_client):
    article = make_article()
    response = editor_client.post(
        reverse("admin:timeline_article_changelist"),
        {"action": "re_extract", "_selected_action": [article.pk], "index": 0},
        follow=True,
    )
    job = TimelineJob.objects.get()
    assert (job.kind, job.status, job.done, job.total) == ("reextract", "done", 1, 1)
    assert len(job.lines) == 1 and job.lines[0].startswith("Timeline re-read: events: 1 new")
    assert Event.objects.exists()
    assert f'href="{job_url(job)}"' in response.content.decode()


@override_settings(TASKS=DATABASE_TASKS)
def test_a_re_read_waiting_for_the_worker_is_not_queued_twice():
    timeline = make_article().timeline
    first = job_reextract_enqueue(timeline=timeline, by=None)
    second = job_reextract_enqueue(timeline=timeline, by=None)
    assert first == second and first.status == "queued"


def test_the_job_page_polls_for_its_progress_partial(editor_client):
    timeline = make_timeline()
    job = TimelineJob.objects.create(timeline=timeline, kind="ingest", total=4, done=1)
    job.start()
    job.advance("new: widget.txt")

    page = editor_client.get(job_url(job))
    partial = editor_client.get(job_url(job), headers={"HX-Request": "true"})

    html = partial.content.decode()
    assert html.lstrip().startswith('<div id="job-progress"')
    assert "<html" not in html and "Reading file 3 of 3." in html
    assert '<progress max="4" value="2">' in html and "new: widget.txt" in html
    assert f'hx-get="{job_url(job)}"' in html
    assert "HX-Request" in partial["Vary"] and "HX-Request" in page["Vary"]
    full = page.content.decode()
    assert 'id="job-progress"' in full and "vendor/htmx-4.0.1.min.js" in full
    assert not re.search(r"<script(?![^>]*\bsrc=)(?![^>]*application/json)[^>]*>", full)

    job.finish()
    html = editor_client.get(job_url(job), headers={"HX-Request": "true"}).content.decode()
    assert "Done." in html and "hx-get" not in html


def test_only_staff_allowed_to_view_jobs_see_them(client):
    job = job_reextract_enqueue(timeline=make_article().timeline, by=None)
    changelist = reverse("admin:timeline_timelinejob_changelist")
    client.force_login(make_staff_without_rights())
    assert client.get(changelist).status_code == 403
    assert client.get(job_url(job), headers={"HX-Request": "true"}).status_code == 403

    client.force_login(make_editor())
    assert client.get(changelist).status_code == 200
    assert client.get(job_url(job), headers={"HX-Request": "true"}).status_code == 200
    assert client.post(job_url(job), {}).status_code == 403
    client.logout()
    assert client.get(job_url(job), headers={"HX-Request": "true"}).status_code == 302
