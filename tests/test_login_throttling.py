"""Admin sign-in throttling (django-axes), through the real login form.

Axes stays enabled here as in production: every attempt posts the admin's login form, so
the backend, the signal and the middleware all take part.
"""

from __future__ import annotations

import datetime as dt

import pytest
from axes.models import AccessAttempt
from django.test import Client
from django.urls import reverse

from tests.factories_admin import PASSWORD, make_editor
from timeline.client_address import client_address

pytestmark = pytest.mark.django_db

LOGIN = reverse("admin:login")


def sign_in(client: Client, password: str, username: str = "editor", **extra):
    return client.post(LOGIN, {"username": username, "password": password}, **extra)


def fail(client: Client, times: int, username: str = "editor", **extra) -> None:
    for _ in range(times):
        sign_in(client, "wrong password", username, **extra)


@pytest.fixture
def editor():
    return make_editor()


def test_a_right_password_signs_in(client, editor):
    response = sign_in(client, PASSWORD)
    assert response.status_code == 302
    assert client.get(reverse("admin:index")).status_code == 200


def test_wrong_passwords_below_the_limit_leave_the_form_usable(client, editor, settings):
    fail(client, settings.AXES_FAILURE_LIMIT - 1)
    assert sign_in(client, PASSWORD).status_code == 302


def test_the_limit_locks_the_username_even_with_the_right_password(client, editor, settings):
    fail(client, settings.AXES_FAILURE_LIMIT)
    response = sign_in(client, PASSWORD)
    assert response.status_code == 429
    html = response.content.decode()
    assert "Too many failed sign-ins" in html
    assert "paused for 15 minutes" in html
    assert "After 5 wrong passwords" in html
    assert client.get(reverse("admin:index")).url.startswith(LOGIN)


def test_the_lock_is_kept_by_username_and_address(client, editor, settings):
    make_editor("other")
    fail(client, settings.AXES_FAILURE_LIMIT)
    assert sign_in(client, PASSWORD, "other").status_code == 302
    elsewhere = Client(REMOTE_ADDR="203.0.113.9")
    assert sign_in(elsewhere, PASSWORD).status_code == 302


def test_the_lock_ends_after_the_cool_off(client, editor, settings):
    fail(client, settings.AXES_FAILURE_LIMIT)
    earlier = dt.datetime.now(dt.UTC) - settings.AXES_COOLOFF_TIME - dt.timedelta(seconds=1)
    AccessAttempt.objects.update(attempt_time=earlier)
    assert sign_in(client, PASSWORD).status_code == 302


def test_a_success_resets_the_count(client, editor, settings):
    fail(client, settings.AXES_FAILURE_LIMIT - 1)
    assert sign_in(client, PASSWORD).status_code == 302
    client.logout()
    fail(client, settings.AXES_FAILURE_LIMIT - 1)
    assert sign_in(client, PASSWORD).status_code == 302


def test_the_lockout_page_does_not_say_whether_the_account_exists(client, settings):
    fail(client, settings.AXES_FAILURE_LIMIT, username="nobody")
    response = sign_in(client, "anything", "nobody")
    assert response.status_code == 429
    assert "nobody" not in response.content.decode()


def test_behind_a_trusted_proxy_the_lock_is_kept_per_reader(editor, settings):
    """Every request comes from the proxy; the readers differ only in X-Forwarded-For."""
    settings.TIMELINE_TRUSTED_PROXY_COUNT = 1
    attacker = Client(REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="198.51.100.7")
    fail(attacker, settings.AXES_FAILURE_LIMIT)
    assert sign_in(attacker, PASSWORD).status_code == 429
    reader = Client(REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="203.0.113.20")
    assert sign_in(reader, PASSWORD).status_code == 302
    # Writing another address at the left of the header does not escape the lock.
    forger = Client(REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="203.0.113.20, 198.51.100.7")
    assert sign_in(forger, PASSWORD).status_code == 429


@pytest.mark.parametrize(
    ("hops", "header", "expected"),
    [
        (0, "198.51.100.7", "10.0.0.2"),
        (1, "198.51.100.7", "198.51.100.7"),
        (1, "6.6.6.6, 198.51.100.7", "198.51.100.7"),
        (2, "6.6.6.6, 198.51.100.7, 10.0.0.1", "198.51.100.7"),
        (2, "198.51.100.7", "10.0.0.2"),
        (1, "not-an-address", "10.0.0.2"),
        (1, "", "10.0.0.2"),
        (1, "2001:db8::1", "2001:db8::1"),
    ],
)
def test_client_address_believes_only_the_trusted_proxies(rf, settings, hops, header, expected):
    settings.TIMELINE_TRUSTED_PROXY_COUNT = hops
    request = rf.get("/", REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR=header)
    assert client_address(request) == expected
