"""How the browser tests, the screenshots and the site benchmark start Chromium.

Playwright's own browser download cannot work here, so all three drive Debian's Chromium
(`make browser` installs it; CHROMIUM_PATH names another). Plain Python without Django, so
`python scripts/screenshots.py` and `python bench/bench_site.py` import it as `chromium`
(both put scripts/ on sys.path, as for devserver.py) and the tests as `scripts.chromium`.
"""

from __future__ import annotations

import os

PATH = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
# Chromium refuses to run as root with its sandbox, and containers have no GPU; the rest
# turn off Chromium's own traffic (updates, sync, background fetches), which would only
# add noise to the tests and the timings.
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def launch(playwright):
    """Debian's Chromium, headless, from a running `sync_playwright()`."""
    return playwright.chromium.launch(executable_path=PATH, args=ARGS)
