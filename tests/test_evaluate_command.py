"""`manage.py evaluate`: the stored timeline scored against a gold file."""

import pytest
from django.core.management import CommandError, call_command

from timeline.models import Event, Timeline

pytestmark = pytest.mark.django_db

GOLD = "tests/data/gold/crowdstrike-outage-2024.json"


def test_ingest_then_score_prints_every_figure(capsys):
    call_command("evaluate", GOLD, "--ingest")
    out = capsys.readouterr().out
    assert "ingested" in out and "11 new" in out
    for figure in ("recall:", "date accuracy:", "precision:", "duplicates:", "source recall:"):
        assert figure in out
    assert Timeline.objects.filter(slug="crowdstrike-outage-2024").exists()


def test_rejected_events_do_not_count(capsys, tmp_path):
    call_command("evaluate", GOLD, "--ingest")
    capsys.readouterr()
    Event.objects.update(status=Event.Status.REJECTED)
    call_command("evaluate", GOLD)
    out = capsys.readouterr().out
    assert "recall: 0%" in out


def test_a_missing_timeline_or_gold_file_is_a_clear_error(tmp_path):
    with pytest.raises(CommandError, match="No timeline"):
        call_command("evaluate", GOLD, "--timeline", "nothing-here")
    broken = tmp_path / "gold.json"
    broken.write_text("{not json")
    with pytest.raises(CommandError, match="Cannot read the gold file"):
        call_command("evaluate", str(broken))
