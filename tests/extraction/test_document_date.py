"""Unit tests of `find_reference_date`: an article's own date at its top."""

from __future__ import annotations

import datetime as dt

from timeline.extraction.document_date import find_reference_date


def test_inline_prefix():
    text = " date 2025-06-13 Mark Zuckerberg, the CEO, is frustrated."
    r = find_reference_date(text)
    assert r is not None
    assert (r.date, r.source) == (dt.date(2025, 6, 13), "inline")
    assert text[r.start : r.end] == "2025-06-13"
    assert r.reason


def test_labelled_prefix():
    r = find_reference_date("Published: 13 June 2025\nThe board met.")
    assert (r.date, r.source) == (dt.date(2025, 6, 13), "inline")


def test_date_line_under_the_headline():
    text = "A Bold Move: Meta Bets Big\nJune 11, 2025, 10:01 pm\n\nThe story starts here."
    r = find_reference_date(text)
    assert (r.date, r.source) == (dt.date(2025, 6, 11), "dateline")
    assert text[r.start : r.end] == "June 11, 2025, 10:01 pm"


def test_place_dateline():
    text = "SAN FRANCISCO, June 11, 2025 — Meta said on Wednesday it would invest."
    r = find_reference_date(text)
    assert (r.date, r.source) == (dt.date(2025, 6, 11), "dateline")
    assert text[r.start : r.end] == "June 11, 2025"


def test_agency_dateline_with_date():
    r = find_reference_date("WASHINGTON, June 11, 2025 (Reuters) - Lawmakers voted.")
    assert r.date == dt.date(2025, 6, 11)


def test_agency_dateline_without_a_year_is_not_enough():
    assert find_reference_date("WASHINGTON (Reuters) - Lawmakers voted on June 11.") is None


def test_dates_inside_the_story_do_not_count():
    text = "Meta struggles with AI.\nThe company was founded in 2004.\nOn June 11, 2025, it paid."
    assert find_reference_date(text) is None


def test_date_far_below_the_top_does_not_count():
    text = "\n".join(f"Paragraph {i} of the story." for i in range(8)) + "\nJune 11, 2025\n"
    assert find_reference_date(text) is None


def test_empty_text():
    assert find_reference_date("") is None


def test_byline_with_a_date():
    text = "Meta bets big on AI\nBy Jane Doe | June 11, 2025\nThe company said..."
    r = find_reference_date(text)
    assert (r.date, r.source) == (dt.date(2025, 6, 11), "dateline")
    assert text[r.start : r.end] == "June 11, 2025"


def test_weekday_and_written_date_line():
    r = find_reference_date("Wednesday, 11 June 2025\n\nStory text.")
    assert r.date == dt.date(2025, 6, 11)
