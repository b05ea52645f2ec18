"""Benchmark the temporal tagger on TempEval-3: TIMEX3 F1 figures and throughput.

Runs the shared TE3 scorer (`<repo>/../shared/tools/te3_score.py`, or $TE3_SCORER) on
the platinum test set ($TE3_DATA, else the scorer's default) for
`timeline.extraction.temporal:tag` and, unless --skip-dateparser, for the dateparser
baseline; then times `tag()` on one core over the plain texts of the platinum and
train .tml files. Prints a table beside HeidelTime's published platinum figures.

Usage: python bench/bench_dates.py [--skip-dateparser] [--data DIR] [--repeat N]
"""

from __future__ import annotations

import argparse
import datetime as dt
import html
import os
import re
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
HEIDELTIME = {"strict": 0.813, "relaxed": 0.903, "value": 0.776, "type": None}
TARGETS = {"strict": 0.85, "relaxed": 0.92, "value": 0.80, "type": None}
_LAST_LINE = re.compile(r"strict_f1=([\d.]+) relaxed_f1=([\d.]+) value_f1=([\d.]+)")
_TYPE_LINE = re.compile(r"^type\s+[\d.]+\s+[\d.]+\s+([\d.]+)", re.M)
_DCT = re.compile(r'<TIMEX3[^>]*functionInDocument="CREATION_TIME"[^>]*>', re.S)
_DCT_VALUE = re.compile(r'value="(\d{4})-?(\d{2})-?(\d{2})')
_TEXT = re.compile(r"<TEXT\b[^>]*>(.*?)</TEXT\s*>", re.S)
_TAG = re.compile(r"<[^>]*>")


def scorer_path() -> Path:
    env = os.environ.get("TE3_SCORER")
    return Path(env) if env else REPO.parent / "shared" / "tools" / "te3_score.py"


def data_root() -> Path:
    """The folder holding platinum/ and train/ (from $TE3_DATA or beside the scorer)."""
    env = os.environ.get("TE3_DATA")
    if env:
        return Path(env).parent
    return scorer_path().resolve().parent.parent / "bench-data" / "tempeval3"


def run_scorer(system: str, data: Path | None) -> dict[str, float | None]:
    """Run the TE3 scorer as a subprocess and read its F1 figures off its output."""
    cmd = [sys.executable, str(scorer_path())]
    if data is not None:
        cmd.append(str(data))
    cmd += ["--system", system, "--path", str(REPO)]
    proc = subprocess.run(cmd, capture_output=True, text=True, check=False)
    m = _LAST_LINE.search(proc.stdout)
    if not m:
        sys.stderr.write(proc.stdout + proc.stderr)
        raise SystemExit(f"scorer failed for {system}")
    t = _TYPE_LINE.search(proc.stdout)
    return {
        "strict": float(m.group(1)),
        "relaxed": float(m.group(2)),
        "value": float(m.group(3)),
        "type": float(t.group(1)) / 100 if t else None,
    }


def read_texts(folders: list[Path]) -> list[tuple[str, dt.date]]:
    """Plain text and creation date of every .tml file under `folders`."""
    docs = []
    for folder in folders:
        for path in sorted(folder.rglob("*.tml")):
            raw = path.read_text(encoding="utf-8")
            body = _TEXT.search(raw)
            dct = _DCT.search(raw)
            value = _DCT_VALUE.search(dct.group(0)) if dct else None
            if not body or not value:
                continue
            text = html.unescape(_TAG.sub("", body.group(1)))
            docs.append((text, dt.date(*(int(g) for g in value.groups()))))
    return docs


def throughput(docs: list[tuple[str, dt.date]], repeat: int) -> tuple[float, float, int]:
    """KB of text per second of `tag()`, by CPU time and by wall time, best of `repeat` runs.

    CPU time of this one process is the figure to compare ("one core"): wall time also
    counts whatever else the machine is doing.
    """
    sys.path.insert(0, str(REPO))
    from timeline.extraction.temporal import tag

    size = sum(len(t.encode("utf-8")) for t, _ in docs)
    best_cpu = best_wall = float("inf")
    for _ in range(repeat):
        c0, w0 = time.process_time(), time.perf_counter()
        for text, dct in docs:
            tag(text, dct)
        best_cpu = min(best_cpu, time.process_time() - c0)
        best_wall = min(best_wall, time.perf_counter() - w0)
    return size / 1024 / best_cpu, size / 1024 / best_wall, size


def _fmt(x: float | None) -> str:
    return f"{x:8.3f}" if x is not None else f"{'-':>8s}"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--skip-dateparser", action="store_true", help="do not run the slow baseline")
    ap.add_argument(
        "--data", type=Path, default=None, help="TE3 folder to score (default platinum)"
    )
    ap.add_argument("--repeat", type=int, default=3, help="throughput runs (best is kept)")
    a = ap.parse_args(argv)

    data = a.data or (Path(os.environ["TE3_DATA"]) if os.environ.get("TE3_DATA") else None)
    rows = {"timeline": run_scorer("timeline.extraction.temporal:tag", data)}
    if not a.skip_dateparser:
        rows["dateparser"] = run_scorer("dateparser", data)
    rows["HeidelTime (published)"] = HEIDELTIME
    rows["target"] = TARGETS

    print(f"TempEval-3 platinum timex F1 ({data or 'scorer default data'})")
    print(f"{'system':26s}{'strict':>8s}{'relaxed':>8s}{'value':>8s}{'type':>8s}")
    for name, r in rows.items():
        print(
            f"{name:26s}{_fmt(r['strict'])}{_fmt(r['relaxed'])}{_fmt(r['value'])}{_fmt(r['type'])}"
        )

    root = data_root()
    folders = [p for p in (root / "platinum", root / "train") if p.is_dir()]
    docs = read_texts(folders)
    if docs:
        cpu, wall, size = throughput(docs, a.repeat)
        print(
            f"throughput: {cpu:.0f} KB/s of tag() on one core (CPU time; {wall:.0f} KB/s wall) "
            f"over {size / 1024:.0f} KB, {len(docs)} docs"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
