"""Playwright driving Debian's Chromium against Django's live test server.

Playwright's own browser download cannot work here, so the tests launch Chromium as
scripts/chromium.py says (`make test` installs it when missing).
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from django.contrib.auth.models import User

from scripts import chromium
from tests.factories_admin import PASSWORD

SCREENSHOTS = Path(__file__).resolve().parents[2] / "artifacts" / "screenshots"

# Playwright's sync API runs an event loop in the test thread; the ORM calls the tests
# make around it are still synchronous and safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    if not Path(chromium.PATH).exists():
        pytest.fail(f"Chromium is missing at {chromium.PATH}: run `make test`, which installs it.")
    with sync_playwright() as playwright:
        browser = chromium.launch(playwright)
        yield browser
        browser.close()


@pytest.fixture
def page(browser, live_server):
    """A fresh browser page. It needs the live server so that it is closed before the
    server and the test database go: a request still in flight when the database is
    flushed locks SQLite's tables ("database table is locked")."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.js_errors = errors
    yield page
    try:
        page.wait_for_load_state("networkidle", timeout=5000)
    except Exception:  # noqa: BLE001 - a page still busy after 5 s is closed all the same
        pass
    context.close()


@pytest.fixture
def screenshot_dir() -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    return SCREENSHOTS


@pytest.fixture
def sign_in():
    """Signs a page in through the admin's login form, which it must be showing.

    The account is a superuser: the transactional test database is flushed between tests,
    the Editors group with it.
    """

    def sign_in(page) -> None:
        User.objects.create_superuser("chief", password=PASSWORD)
        page.fill("#id_username", "chief")
        page.fill("#id_password", PASSWORD)
        page.click("input[type=submit]")

    return sign_in
