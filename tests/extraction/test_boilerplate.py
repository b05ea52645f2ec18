"""Unit tests of `boilerplate_spans`: page furniture lines, not story."""

from __future__ import annotations

from timeline.extraction.boilerplate import boilerplate_spans


def lines_of(text: str) -> list[str]:
    return [text[s:e] for s, e in boilerplate_spans(text)]


FACT_BOX = (
    "Startup Raises Money: A New Bet\n"
    "June 11, 2025, 10:01 pm\n"
    "\n"
    "Location: United States, California, San Francisco\n"
    "Employees: 201-500\n"
    "Founded date: 2015\n"
    "Total raised: $58.21B\n"
    "Acme Robotics\n"
    "Location: Germany, Berlin\n"
    "\n"
    "In the fast-paced world of technology, the stakes are high.\n"
)


def test_fact_box_lines_and_the_name_line_between_them():
    assert lines_of(FACT_BOX) == [
        "Location: United States, California, San Francisco",
        "Employees: 201-500",
        "Founded date: 2015",
        "Total raised: $58.21B",
        "Acme Robotics",
        "Location: Germany, Berlin",
    ]


def test_headline_with_a_colon_and_the_date_line_are_story():
    found = lines_of(FACT_BOX)
    assert "Startup Raises Money: A New Bet" not in found
    assert "June 11, 2025, 10:01 pm" not in found


def test_a_single_key_value_sentence_is_story():
    text = "Update: The company said it will appeal the ruling next week.\nMore text here.\n"
    assert boilerplate_spans(text) == []


def test_share_and_subscribe_prompts():
    text = "Share this article\nThe vote was close.\nSubscribe to our newsletter\n"
    assert lines_of(text) == ["Share this article", "Subscribe to our newsletter"]


def test_story_headings_are_kept():
    text = "Internal Turmoil and Strategic Shifts\nZuckerberg responded quickly.\n"
    assert boilerplate_spans(text) == []


def test_offsets_slice_to_lines():
    for s, e in boilerplate_spans(FACT_BOX):
        assert "\n" not in FACT_BOX[s:e]
