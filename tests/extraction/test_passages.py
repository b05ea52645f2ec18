"""Unit tests of `split_passages`: sentences and headings with exact offsets."""

from __future__ import annotations

from timeline.extraction.passages import split_passages


def texts(text: str) -> list[str]:
    return [p.text for p in split_passages(text)]


def test_offsets_are_exact_and_stripped():
    text = "  First sentence here.   Second one follows!  \n\n  Third?  "
    passages = split_passages(text)
    assert [p.text for p in passages] == ["First sentence here.", "Second one follows!", "Third?"]
    for p in passages:
        assert text[p.start : p.end] == p.text
        assert p.text == p.text.strip()


def test_abbreviations_do_not_end_sentences():
    text = "Mr. Smith met Dr. Jones on Nov. 3 at Acme Inc. headquarters. They talked."
    assert texts(text) == [
        "Mr. Smith met Dr. Jones on Nov. 3 at Acme Inc. headquarters.",
        "They talked.",
    ]


def test_dotted_acronym_ends_a_sentence_only_before_an_opener():
    assert texts("He moved to the U.S. The firm followed.") == [
        "He moved to the U.S.",
        "The firm followed.",
    ]
    assert texts("The U.S. Senate voted on it today.") == ["The U.S. Senate voted on it today."]


def test_decimals_and_initials_stay_inside_a_sentence():
    assert texts("Acme paid $14.3 billion to J. R. Smith last week. Shares rose.") == [
        "Acme paid $14.3 billion to J. R. Smith last week.",
        "Shares rose.",
    ]


def test_closing_quote_stays_with_its_sentence():
    assert texts("She said, “We are done.” Then she left.") == [
        "She said, “We are done.”",
        "Then she left.",
    ]


def test_heading_without_final_punctuation_is_one_passage_and_a_paragraph():
    passages = split_passages("Quarterly Results Disappoint\nThe firm lost money. It said so.")
    assert passages[0].text == "Quarterly Results Disappoint"
    assert [p.paragraph for p in passages] == [0, 1, 1]


def test_runon_text_is_cut_before_sentence_openers():
    text = "The firm moved too fast It released products early These were buggy."
    assert texts(text) == [
        "The firm moved too fast",
        "It released products early",
        "These were buggy.",
    ]


def test_runon_cut_keeps_titles_starting_with_the():
    assert texts("He told The Verge about the plan on a call with staff.") == [
        "He told The Verge about the plan on a call with staff."
    ]


def test_boilerplate_lines_are_marked():
    text = "Acme raised money on Monday.\nEmployees: 201-500\nFounded date: 2015\n"
    passages = split_passages(text)
    assert passages[0].boilerplate is False
    assert passages[-1].boilerplate is True


def test_empty_text_gives_no_passages():
    assert split_passages("") == []
    assert split_passages("\n\n   \n") == []
