"""Reading article files: header blocks, titles, dates and clear refusals."""

import datetime as dt

import pytest

from timeline.article_files import (
    ArticleFileError,
    collect_paths,
    decode_article,
    parse_article,
    read_article_file,
)


def test_header_block_gives_title_source_url_date_and_metadata():
    text = (
        "title: Acme opens Leeds plant\nsource: The Example Post\nurl: https://example.org/a\n"
        "published: 2024-03-04\nauthor: A. Writer\n\nAcme Corp opened a plant.\n"
    )
    article = parse_article("a.txt", text)
    assert article.title == "Acme opens Leeds plant"
    assert article.source == "The Example Post"
    assert article.url == "https://example.org/a"
    assert article.published == dt.date(2024, 3, 4)
    assert article.metadata == {"author": "A. Writer"}
    assert article.text == "Acme Corp opened a plant.\n"


def test_date_key_and_written_out_dates_are_read():
    article = parse_article("a.txt", "date: March 4, 2024\n\nBody text.")
    assert article.published == dt.date(2024, 3, 4)


def test_unknown_date_means_none():
    article = parse_article("a.txt", "title: T\npublished: unknown\n\nBody.")
    assert article.published is None


def test_a_bad_header_date_is_a_clear_error():
    with pytest.raises(ArticleFileError, match="not a calendar date"):
        parse_article("a.txt", "title: T\npublished: someday soon\n\nBody.")


def test_without_header_the_title_is_the_first_line_and_text_is_untouched():
    text = "Big news from Leeds\nAcme Corp opened a plant.\n"
    article = parse_article("a.txt", text)
    assert article.title == "Big news from Leeds"
    assert article.text == text
    assert article.published is None


def test_sidebar_key_value_lines_later_in_the_text_are_not_a_header():
    text = "Headline here\n\nLocation: Berlin\nFounded date: 2019\n\nStory."
    article = parse_article("a.txt", text)
    assert article.text == text


def test_long_first_line_gives_a_shortened_title_without_an_inline_date():
    text = " date 2025-06-13 " + "Word " * 60
    article = parse_article("a.txt", text)
    assert not article.title.startswith("date")
    assert len(article.title) <= 140 and article.title.endswith("…")


@pytest.mark.parametrize(
    ("raw", "message"),
    [(b"", "empty"), (b"   \n", "empty"), (b"abc\x00def", "binary"), (b"caf\xe9 au lait", "UTF-8")],
)
def test_undecodable_input_is_refused_with_a_reason(raw, message):
    with pytest.raises(ArticleFileError, match=message):
        decode_article(raw)


def test_bom_and_windows_line_endings_are_normalised():
    assert decode_article("\ufeffLine one\r\nLine two".encode()) == "Line one\nLine two"


def test_unsupported_suffix_and_missing_file(tmp_path):
    pdf = tmp_path / "a.pdf"
    pdf.write_bytes(b"%PDF")
    with pytest.raises(ArticleFileError, match="unsupported"):
        read_article_file(pdf)
    with pytest.raises(ArticleFileError, match="no such file"):
        read_article_file(tmp_path / "missing.txt")


def test_folders_expand_to_their_article_files_in_order(tmp_path):
    (tmp_path / "b.txt").write_text("B")
    (tmp_path / "a.md").write_text("A")
    (tmp_path / "skip.jpg").write_bytes(b"x")
    assert [p.name for p in collect_paths([tmp_path])] == ["a.md", "b.txt"]
