"""Background jobs: long work handed to the task worker, with its progress on the job.

An admin upload at or above the threshold (TIMELINE_BACKGROUND_THRESHOLD files or
TIMELINE_BACKGROUND_THRESHOLD_BYTES in all) and every re-read asked for in the admin
become a `TimelineJob` and a task (`timeline.tasks.run_job`). An upload's bytes are
stored with the job, so nothing depends on the web server's temporary files still
existing when the worker gets to it.

What this does not do: run `manage.py ingest` in the background (a script wants the
result before the command returns), or retry. A job that fails keeps its error and
everything it stored; an editor uploads again, and the stored articles then count as
unchanged.
"""

from __future__ import annotations

import tempfile
from collections.abc import Sequence
from pathlib import Path

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction

from timeline.models import JobFile, Timeline, TimelineJob
from timeline.services.extraction import timeline_extract
from timeline.services.ingest import ingest_one


def upload_is_large(*, files: Sequence[UploadedFile]) -> bool:
    """Whether an upload is big enough to be read by the worker instead of the request."""
    size = sum(upload.size or 0 for upload in files)
    return (
        len(files) >= settings.TIMELINE_BACKGROUND_THRESHOLD
        or size >= settings.TIMELINE_BACKGROUND_THRESHOLD_BYTES
    )


def job_ingest_enqueue(
    *, timeline: Timeline, files: Sequence[UploadedFile], by: AbstractBaseUser | None
) -> TimelineJob:
    """Store the uploaded files with a new job, then queue the task that reads them."""
    with transaction.atomic():
        job = TimelineJob.objects.create(
            timeline=timeline, kind=TimelineJob.Kind.INGEST, total=len(files) + 1, created_by=by
        )
        JobFile.objects.bulk_create(
            JobFile(
                job=job,
                position=position,
                name=Path(upload.name or "upload").name,
                content=b"".join(upload.chunks()),
            )
            for position, upload in enumerate(files)
        )
    return _enqueue(job)


def job_reextract_enqueue(*, timeline: Timeline, by: AbstractBaseUser | None) -> TimelineJob:
    """Queue a re-read of the timeline, unless one is already waiting for the worker."""
    waiting = TimelineJob.objects.filter(
        timeline=timeline, kind=TimelineJob.Kind.REEXTRACT, status=TimelineJob.Status.QUEUED
    ).first()
    if waiting is not None:
        return waiting
    job = TimelineJob.objects.create(
        timeline=timeline, kind=TimelineJob.Kind.REEXTRACT, total=1, created_by=by
    )
    return _enqueue(job)


def _enqueue(job: TimelineJob) -> TimelineJob:
    """Hand the job to the task backend; the job as it stands afterwards.

    Called after the job is committed, so a worker never looks for a job that is not
    there yet; with the immediate backend the job has run by the time this returns.
    """
    from timeline.tasks import run_job  # the task module imports this one

    try:
        result = run_job.enqueue(job.pk)
    except Exception as error:
        job.fail(f"The task could not be queued: {error}")
        raise
    TimelineJob.objects.filter(pk=job.pk).update(task_id=str(result.id))
    job.refresh_from_db()
    return job


def job_execute(*, job: TimelineJob) -> None:
    """Do the job's work, recording each step; an error marks the job failed, then propagates.

    Each article is stored in its own transaction and the re-read in one, so a failure
    loses nothing already stored; the error goes on to the task backend too, which keeps
    the traceback.
    """
    job.start()
    try:
        if job.kind == TimelineJob.Kind.INGEST:
            _ingest(job)
        else:
            report = timeline_extract(timeline=job.timeline)
            job.advance(f"Timeline re-read: {report.line()}")
    except Exception as error:
        job.fail(f"{type(error).__name__}: {error}")
        raise
    job.finish()


def _ingest(job: TimelineJob) -> None:
    """Read each stored file as `manage.py ingest` reads a file, then re-read the timeline.

    A file is written to a folder of the worker's own for the length of its reading, so it
    goes through exactly the checks of a file on disk; once read, its stored bytes go.
    """
    new = 0
    with tempfile.TemporaryDirectory(prefix="timeline-job-") as folder:
        for pk in list(job.files.order_by("position").values_list("pk", flat=True)):
            upload = JobFile.objects.get(pk=pk)  # one file's bytes in memory at a time
            path = Path(folder) / str(upload.position) / upload.name
            path.parent.mkdir()
            path.write_bytes(bytes(upload.content))
            result = ingest_one(timeline=job.timeline, path=path)
            path.unlink()
            new += result.status == "new"
            with transaction.atomic():
                job.advance(result.line())
                upload.delete()
    if new:
        job.advance(f"Timeline re-read: {timeline_extract(timeline=job.timeline).line()}")
    else:
        job.advance("Timeline not re-read: no new article.")
