"""scripts/devserver.py: a server on a spare port, whichever command starts it."""

import sys
import urllib.request

import pytest

from scripts import devserver


def test_running_server_starts_the_command_it_is_given_and_stops_it(tmp_path):
    (tmp_path / "ready.txt").write_text("up")

    def command(port: int) -> list[str]:
        server = [sys.executable, "-m", "http.server", str(port), "--bind", devserver.HOST]
        return [*server, "--directory", str(tmp_path)]

    with devserver.running_server({}, probe="/ready.txt", command=command) as base:
        assert urllib.request.urlopen(base + "/ready.txt", timeout=5).read() == b"up"
    with pytest.raises(OSError):
        urllib.request.urlopen(base + "/ready.txt", timeout=5)


def test_a_server_that_stops_before_answering_is_reported_with_its_log(tmp_path):
    def command(port: int) -> list[str]:
        return [sys.executable, "-c", "print('no database'); raise SystemExit(3)"]

    log = tmp_path / "server.log"
    with pytest.raises(SystemExit, match="exited with 3(.|\n)*no database"):
        with devserver.running_server({}, command=command, log=log):
            pass
