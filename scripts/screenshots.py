"""Screenshots of the running app at desktop and phone width, for README and for review.

`make screenshots` runs this after ingesting the seeds: it starts the development server
on a spare port, opens the pages in Debian's Chromium through Playwright, saves PNGs
under docs/screenshots/ and stops the server.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from playwright.sync_api import sync_playwright

REPO = Path(__file__).resolve().parent.parent
OUT = REPO / "docs" / "screenshots"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--no-first-run",
]
SIZES = {"desktop": (1366, 900), "phone": (390, 844)}


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_until_up(url: str, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(url, timeout=2)
            return
        except OSError:
            time.sleep(0.3)
    raise SystemExit(f"The server did not answer at {url}")


def shoot(base: str) -> list[Path]:
    events = json.load(urllib.request.urlopen(base + "/api/events.json"))["events"]
    busiest = max(events, key=lambda e: len(e["sources"]))
    article_path = None
    saved: list[Path] = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium"), args=CHROMIUM_ARGS
        )
        for name, (width, height) in SIZES.items():
            page = browser.new_page(viewport={"width": width, "height": height})
            page.goto(base + "/")
            page.wait_for_selector("#timeline-chart[data-ready='true']")
            saved.append(OUT / f"timeline-{name}.png")
            page.screenshot(path=str(saved[-1]), full_page=True)
            page.goto(base + busiest["url"])
            page.wait_for_selector("#timeline-chart[data-ready='true']")
            saved.append(OUT / f"event-{name}.png")
            page.screenshot(path=str(saved[-1]), full_page=True)
            article_path = article_path or page.locator(".source-meta a").first.get_attribute(
                "href"
            )
            page.goto(base + article_path)
            saved.append(OUT / f"article-{name}.png")
            page.screenshot(path=str(saved[-1]), full_page=False)
            page.close()
        browser.close()
    return saved


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    port = free_port()
    env = {**os.environ, "DJANGO_DEBUG": "1"}
    server = subprocess.Popen(
        [sys.executable, "manage.py", "runserver", f"127.0.0.1:{port}", "--noreload"],
        cwd=REPO,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        base = f"http://127.0.0.1:{port}"
        wait_until_up(base + "/")
        for path in shoot(base):
            print(path.relative_to(REPO))
    finally:
        server.terminate()
        server.wait(timeout=10)


if __name__ == "__main__":
    main()
