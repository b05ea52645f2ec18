"""The admin, written for editors who turn extracted events into a trusted timeline.

Extraction proposes; editors decide here. Every change an editor makes to an event locks
the field so that a re-run of extraction keeps it; merges and splits lock the event's
passages. Multi-row decisions (merge, split, re-date, upload, paste, re-date an article)
go through `timeline.services.curation`; large uploads and re-reads become background jobs
(`timeline.services.jobs`), which editors follow here. This package only collects the
editor's choice; one module per kind of object.
Every change is recorded with who and when (django-simple-history) and can be reverted
from an object's History page.

What it deliberately does not offer: deleting events or passages (reject the event, or
split the wrong passages off and reject them, so every decision can be undone), and
editing an article's text (evidence offsets point into it).
"""

from timeline.admin import articles, events, jobs, timelines  # noqa: F401  (they register)
