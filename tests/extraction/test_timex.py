"""Unit tests of `span_of`: TIMEX3 values to calendar intervals."""

from __future__ import annotations

import datetime as dt

import pytest

from timeline.extraction.records import DateSpan
from timeline.extraction.timex import span_of

D = dt.date


@pytest.mark.parametrize(
    ("value", "span"),
    [
        ("2025-06-13", DateSpan(D(2025, 6, 13), D(2025, 6, 13), "day")),
        ("2025-06-11T22:01", DateSpan(D(2025, 6, 11), D(2025, 6, 11), "day")),
        ("2025-W24", DateSpan(D(2025, 6, 9), D(2025, 6, 15), "week")),
        ("2025-W24-WE", DateSpan(D(2025, 6, 14), D(2025, 6, 15), "week")),
        ("2025-06", DateSpan(D(2025, 6, 1), D(2025, 6, 30), "month")),
        ("2024-02", DateSpan(D(2024, 2, 1), D(2024, 2, 29), "month")),
        ("2025-Q2", DateSpan(D(2025, 4, 1), D(2025, 6, 30), "quarter")),
        ("2025-H2", DateSpan(D(2025, 7, 1), D(2025, 12, 31), "half")),
        ("2025-SP", DateSpan(D(2025, 3, 1), D(2025, 5, 31), "season")),
        ("2025-SU", DateSpan(D(2025, 6, 1), D(2025, 8, 31), "season")),
        ("2025-FA", DateSpan(D(2025, 9, 1), D(2025, 11, 30), "season")),
        ("2024-WI", DateSpan(D(2024, 12, 1), D(2025, 2, 28), "season")),
        ("2025", DateSpan(D(2025, 1, 1), D(2025, 12, 31), "year")),
        ("199", DateSpan(D(1990, 1, 1), D(1999, 12, 31), "decade")),
    ],
)
def test_calendar_values(value, span):
    assert span_of(value) == span


@pytest.mark.parametrize(
    "value",
    [
        "XXXX-04",
        "XXXX",
        "XXXX-WXX-4",
        "PRESENT_REF",
        "PAST_REF",
        "FUTURE_REF",
        "P3M",
        "PT5H",
        "",
        "2025-02-30",
        "2025-W60",
        "nonsense",
    ],
)
def test_values_without_a_fixed_interval(value):
    assert span_of(value) is None


def test_mod_does_not_narrow_the_interval():
    assert span_of("2025", "START") == span_of("2025")


def test_iso_prefix_for_readers():
    assert span_of("2025-06").iso == "2025-06"
    assert span_of("2025-Q2").iso == "2025"
