"""An editor watches a background job in a real browser: the progress refreshes itself."""

import pytest
from django.urls import reverse

from tests.factories import make_timeline
from timeline.models import TimelineJob

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_job_page_follows_the_worker_without_a_reload(live_server, page, sign_in):
    job = TimelineJob.objects.create(timeline=make_timeline(), kind="ingest", total=3)
    refused: list[str] = []
    page.on("console", lambda m: refused.append(m.text) if "Content Security" in m.text else None)
    page.goto(live_server.url + reverse("admin:login"))
    sign_in(page)
    page.goto(live_server.url + reverse("admin:timeline_timelinejob_change", args=[job.pk]))
    assert "Waiting for the worker" in page.inner_text("#job-progress")

    job.start()
    job.advance("new: widget.txt")
    page.wait_for_selector("#job-progress :text('Reading file 2 of 2.')", timeout=6000)
    job.advance("failed: notes.pdf: unsupported file type '.pdf'")
    job.advance("Timeline re-read: events: 1 new")
    job.finish()
    page.wait_for_selector("#job-progress :text('Done.')", timeout=6000)

    assert "failed: notes.pdf" in page.inner_text("#job-progress")
    assert page.get_attribute("#job-progress", "hx-get") is None
    assert page.js_errors == [] and refused == []
