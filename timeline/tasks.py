"""The tasks the background worker runs (django-tasks; `manage.py db_worker` in production).

A task receives only a job's id: what to do and how far it got live on the `TimelineJob`
row, where the admin reads them. The work itself is `timeline.services.jobs.job_execute`.
"""

from __future__ import annotations

from django_tasks import task

from timeline.models import TimelineJob
from timeline.services.jobs import job_execute


@task()
def run_job(job_id: int) -> None:
    """Run the job if it is still queued: one deleted meanwhile was cancelled."""
    job = TimelineJob.objects.filter(pk=job_id, status=TimelineJob.Status.QUEUED).first()
    if job is not None:
        job_execute(job=job)
