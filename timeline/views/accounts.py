"""The page an editor sees when django-axes refuses a sign-in (AXES_LOCKOUT_CALLABLE).

Axes's own page is one bare line; this one says why, for how long, and what to do, in
the admin's look, with the 429 status axes would send. It does not say whether the
username exists: the lockout counts attempts, not accounts.
"""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render


def sign_in_locked(
    request: HttpRequest, original_response: HttpResponse | None, credentials: dict | None
) -> HttpResponse:
    context = {
        "failure_limit": settings.AXES_FAILURE_LIMIT,
        "cooloff_minutes": int(settings.AXES_COOLOFF_TIME.total_seconds() // 60),
        "title": "Sign-in locked",
    }
    return render(request, "admin/lockout.html", context, status=429)
