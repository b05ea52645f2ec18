"""Ingest: new, unchanged and failed files, one transaction per article, exit codes."""

import shutil

import pytest
from django.core.management import call_command

from tests.factories import make_timeline
from timeline.models import Article, Event, Timeline
from timeline.services.ingest import articles_ingest

pytestmark = pytest.mark.django_db

GOOD = (
    "title: Acme opens plant\npublished: 2024-03-04\n\n"
    "Acme Corp opened a plant in Leeds on March 3, 2024.\n"
)


def test_new_then_unchanged(tmp_path):
    path = tmp_path / "good.txt"
    path.write_text(GOOD)
    timeline = make_timeline()
    first = articles_ingest(timeline=timeline, paths=[path], extract=False)
    second = articles_ingest(timeline=timeline, paths=[path], extract=False)
    assert [r.status for r in first.results] == ["new"]
    assert [r.status for r in second.results] == ["unchanged"]
    assert Article.objects.count() == 1


def test_a_bad_file_among_good_ones_fails_alone(tmp_path):
    (tmp_path / "a_good.txt").write_text(GOOD)
    (tmp_path / "b_bad.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 20)
    (tmp_path / "c_good.txt").write_text(GOOD.replace("Leeds", "York"))
    report = articles_ingest(timeline=make_timeline(), paths=[tmp_path], extract=False)
    assert [r.status for r in report.results] == ["new", "failed", "new"]
    assert "binary" in report.failed[0].reason
    assert Article.objects.count() == 2


def test_failed_files_leave_what_is_stored_unchanged(tmp_path):
    (tmp_path / "good.txt").write_text(GOOD)
    timeline = make_timeline()
    articles_ingest(timeline=timeline, paths=[tmp_path], extract=False)
    before = list(Article.objects.values_list("id", "content_hash", "title"))
    (tmp_path / "bad.txt").write_text("title: T\npublished: not a date\n\nBody")
    report = articles_ingest(timeline=timeline, paths=[tmp_path], extract=False)
    assert report.counts() == {"new": 0, "unchanged": 1, "failed": 1}
    assert list(Article.objects.values_list("id", "content_hash", "title")) == before


def test_command_prints_one_line_per_file_and_exits_1_on_failure(tmp_path, capsys):
    (tmp_path / "good.txt").write_text(GOOD)
    (tmp_path / "empty.txt").write_text("")
    with pytest.raises(SystemExit) as exit_info:
        call_command("ingest", str(tmp_path), "--timeline", "cmd-test", "--no-extract")
    assert exit_info.value.code == 1
    out = capsys.readouterr().out
    assert "failed: empty.txt: empty file" in out
    assert "new: good.txt" in out
    assert Timeline.objects.filter(slug="cmd-test").exists()


def test_command_exits_0_when_nothing_failed(tmp_path, capsys):
    (tmp_path / "good.txt").write_text(GOOD)
    call_command("ingest", str(tmp_path / "good.txt"), "--no-extract")
    assert "new: good.txt" in capsys.readouterr().out


def test_seed_ingest_is_idempotent(tmp_path, seeds_dir):
    folder = tmp_path / "seeds"
    shutil.copytree(seeds_dir, folder)
    timeline = make_timeline("meta")
    first = articles_ingest(timeline=timeline, paths=[folder])
    events = list(Event.objects.values_list("id", "title", "date"))
    second = articles_ingest(timeline=timeline, paths=[folder])
    assert first.counts()["new"] == 5
    assert second.counts() == {"new": 0, "unchanged": 5, "failed": 0}
    assert second.extraction is None
    assert list(Event.objects.values_list("id", "title", "date")) == events
    assert events, "the seed articles yield events"


def test_same_text_in_two_timelines_is_two_articles(tmp_path):
    path = tmp_path / "good.txt"
    path.write_text(GOOD)
    articles_ingest(timeline=make_timeline("one"), paths=[path], extract=False)
    report = articles_ingest(timeline=make_timeline("two"), paths=[path], extract=False)
    assert report.results[0].status == "new"
    assert Article.objects.count() == 2
