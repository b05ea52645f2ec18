"""Reading article files: header blocks, titles, dates and clear refusals."""

import datetime as dt

import pytest

from timeline.article_files import (
    ArticleFileError,
    collect_paths,
    decode_article,
    parse_article,
    read_article_file,
    safe_file_name,
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
    [
        (b"", "empty"),
        (b"   \n", "empty"),
        (b"abc\x00def", "binary"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 10, "binary"),
        (bytes(range(1, 32)) * 20, "binary"),
    ],
)
def test_what_is_not_text_is_refused_with_a_reason(raw, message):
    with pytest.raises(ArticleFileError, match=message):
        decode_article(raw)


@pytest.mark.parametrize(
    ("raw", "text", "note"),
    [
        ("\ufeffLine one\r\nLine two".encode(), "Line one\nLine two", ""),
        ("Café in Zürich".encode("cp1252"), "Café in Zürich", "Windows-1252"),
        ("Caf\u00e9 \u201cquoted\u201d".encode("cp1252"), "Café “quoted”", "Windows-1252"),
        ("Größe".encode("utf-16"), "Größe", "UTF-16"),
        ("Plain text here".encode("utf-16-le"), "Plain text here", "UTF-16-LE"),
        ("Plain text here".encode("utf-16-be"), "Plain text here", "UTF-16-BE"),
    ],
)
def test_other_encodings_are_decoded_and_say_so(raw, text, note):
    decoded = decode_article(raw)
    assert decoded.text == text
    assert note in decoded.note


def test_oversized_files_are_refused_before_reading(tmp_path):
    path = tmp_path / "big.txt"
    path.write_bytes(b"word " * 300_000)
    with pytest.raises(ArticleFileError, match="limit is 1.0 MB"):
        read_article_file(path, max_bytes=1024 * 1024)


@pytest.mark.parametrize("raw", ["3000-01-01", "1066-10-14", "February 30, 2024", "2024-02-30"])
def test_absurd_header_dates_are_refused(raw):
    with pytest.raises(ArticleFileError, match="date"):
        parse_article("a.txt", f"title: T\npublished: {raw}\n\nBody.")


@pytest.mark.parametrize(
    ("name", "safe"),
    [
        ("../../etc/passwd.txt", "passwd.txt"),
        ("..\\..\\boot.ini.txt", "boot.ini.txt"),
        ("report\x00\x1b[31m.txt", "report[31m.txt"),
        ("...hidden.txt", "hidden.txt"),
        ("", "unnamed"),
    ],
)
def test_file_names_are_never_paths(name, safe):
    assert safe_file_name(name) == safe


def test_web_pages_become_their_readable_text(tmp_path):
    page = tmp_path / "story.html"
    page.write_text(
        "<!doctype html><html><head><title>Site | Acme opens plant</title>"
        '<meta property="og:title" content="Acme opens Leeds plant">'
        '<meta property="article:published_time" content="2024-03-04T09:00:00Z">'
        '<link rel="canonical" href="https://example.org/acme"><style>p{color:red}</style>'
        "</head><body><nav>Home | News</nav><article><h1>Acme opens Leeds plant</h1>"
        "<p>Acme Corp opened a plant\n in Leeds on <b>March 3, 2024</b>.</p>"
        "<script>alert(1)</script><p>It will employ 300&nbsp;people.</p></article>"
        "<footer>© Example</footer></body></html>"
    )
    article = read_article_file(page)
    assert article.title == "Acme opens Leeds plant"
    assert article.published == dt.date(2024, 3, 4)
    assert article.url == "https://example.org/acme"
    assert article.text == (
        "Acme opens Leeds plant\n\nAcme Corp opened a plant in Leeds on March 3, 2024.\n\n"
        "It will employ 300 people.\n"
    )
    assert "alert" not in article.text and "Home" not in article.text
    assert "web page converted to text" in article.notes


def test_a_txt_file_holding_html_is_read_as_a_page(tmp_path):
    page = tmp_path / "saved.txt"
    page.write_text("<html><body><p>First paragraph.</p><p>Second.</p></body></html>")
    assert read_article_file(page).text == "First paragraph.\n\nSecond.\n"


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


@pytest.mark.parametrize(
    "url",
    ["javascript:alert(1)", "data:text/html,<b>x</b>", "/relative/path", "https://", "x y"],
)
def test_a_header_url_that_is_not_a_web_address_is_dropped_with_a_note(url):
    article = parse_article("a.txt", f"title: T\nurl: {url}\n\nBody.")
    assert article.url == ""
    assert article.notes == ("url ignored: not an http(s) address",)


def test_web_addresses_are_kept():
    article = parse_article("a.txt", "title: T\nurl: https://example.org/a?b=1\n\nBody.")
    assert article.url == "https://example.org/a?b=1" and article.notes == ()


def test_a_first_line_that_is_a_paragraph_gives_its_first_sentence_as_title():
    text = (
        "Acme Corp opened a plant in Leeds this past April. Just weeks before that, the "
        "company had promised investors a faster pace of growth across the north.\nMore."
    )
    assert parse_article("a.txt", text).title == (
        "Acme Corp opened a plant in Leeds this past April."
    )


def test_an_abbreviation_does_not_end_the_lede():
    text = "The board said on Tuesday that Mr. Smith will lead the company. " * 3
    assert parse_article("a.txt", text).title == (
        "The board said on Tuesday that Mr. Smith will lead the company."
    )
