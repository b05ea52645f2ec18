"""Shared fixtures: the seed folder and a fully ingested seed timeline."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SEEDS = REPO / "seeds"


@pytest.fixture
def seeds_dir() -> Path:
    return SEEDS


@pytest.fixture
def seed_timeline(db):
    """The seed articles ingested and extracted, as `make run` leaves them."""
    from timeline.models import Timeline
    from timeline.services.ingest import articles_ingest

    timeline = Timeline.get_or_create_by_slug("meta-ai-2025", "Meta's 2025 AI pivot")
    report = articles_ingest(timeline=timeline, paths=[SEEDS])
    assert not report.failed, [r.line() for r in report.failed]
    return timeline
