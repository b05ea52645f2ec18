"""Screenshots of the running app at desktop and phone width, for README and for review.

`make screenshots` runs this after ingesting the seeds: it starts the development server
on a spare port, opens the pages in Debian's Chromium through Playwright, saves PNGs
under docs/screenshots/ and stops the server.
"""

from __future__ import annotations

import json
import sys
import urllib.request
from pathlib import Path

from playwright.sync_api import sync_playwright

sys.path.insert(0, str(Path(__file__).resolve().parent))
import chromium  # noqa: E402
from devserver import running_server  # noqa: E402

REPO = Path(__file__).resolve().parent.parent
OUT = REPO / "docs" / "screenshots"
SIZES = {"desktop": (1366, 900), "phone": (390, 844)}


def shoot(base: str) -> list[Path]:
    events = json.load(urllib.request.urlopen(base + "/api/events.json"))["events"]
    busiest = max(events, key=lambda e: len(e["sources"]))
    article_path = None
    saved: list[Path] = []
    with sync_playwright() as playwright:
        browser = chromium.launch(playwright)
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
    with running_server({"DJANGO_DEBUG": "1"}) as base:
        for path in shoot(base):
            print(path.relative_to(REPO))


if __name__ == "__main__":
    main()
