"""A server on a spare port, for scripts that look at the running app.

The screenshots and the site benchmark need `manage.py runserver`, the load benchmark
gunicorn; each starts it with its own environment, waits for it to answer, and must stop
it whatever happens. This is that, once: the development server unless told otherwise.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
HOST = "127.0.0.1"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


def runserver(port: int) -> list[str]:
    """Django's development server, without the reloader's second process to stop."""
    return [sys.executable, "manage.py", "runserver", f"{HOST}:{port}", "--noreload"]


@contextmanager
def running_server(
    env: dict[str, str],
    probe: str = "/",
    seconds: float = 60,
    *,
    command: Callable[[int], list[str]] = runserver,
    log: Path | None = None,
) -> Iterator[str]:
    """Start `command(port)` in the repository with `env` added to the environment, wait
    until `probe` answers 200, and yield the base URL; the server stops on leaving.

    The server's output goes to `log` when given (and is shown if it fails to start),
    else nowhere. Any other answer than 200 stops the wait at once: a server that answers
    500 will not get better by waiting.
    """
    port = free_port()
    base = f"http://{HOST}:{port}"
    with log.open("w") if log else open(os.devnull, "w") as output:
        server = subprocess.Popen(
            command(port),
            cwd=REPO,
            env={**os.environ, **env},
            stdout=output,
            stderr=output,
        )
    try:
        _wait_until_up(server, base + probe, seconds, log)
        yield base
    finally:
        server.terminate()
        server.wait(timeout=30)


def _wait_until_up(server: subprocess.Popen, url: str, seconds: float, log: Path | None) -> None:
    deadline = time.monotonic() + seconds
    while True:
        if server.poll() is not None:
            raise _failure(f"The server exited with {server.returncode}", log)
        try:
            urllib.request.urlopen(url, timeout=5)
            return
        except urllib.error.HTTPError as error:
            raise _failure(f"The server answered HTTP {error.code} at {url}", log) from None
        except OSError:
            if time.monotonic() > deadline:
                raise _failure(f"The server did not answer at {url}", log) from None
            time.sleep(0.3)


def _failure(message: str, log: Path | None) -> SystemExit:
    return SystemExit(f"{message}:\n{log.read_text()}" if log else message)
