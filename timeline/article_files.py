"""Reading article files: decoding, the optional header block, title and stated date.

A file may open with a header block of `key: value` lines and a blank line
(`title`, `url`, `published` or `date`, `source`; other keys are kept as metadata).
Without one, the title is the first line. The stored text is the body after the
header, unchanged, so evidence offsets point into exactly what a reader sees.

Files come as they are found: UTF-8 with or without a byte-order mark, UTF-16, old
Windows-1252 or Latin-1 text, saved web pages. What can be decoded is decoded and the
article says how (`notes`); what is not text (binary, empty, too large) is refused.

This module only reads; it never touches the database. Each problem raises
`ArticleFileError` with a one-line message a user can act on.
"""

from __future__ import annotations

import codecs
import datetime as dt
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple
from urllib.parse import urlsplit

import dateparser

from timeline.html_text import looks_like_html, page_text

SUPPORTED_SUFFIXES = (".txt", ".md", ".html", ".htm")
HTML_SUFFIXES = (".html", ".htm")
DEFAULT_MAX_BYTES = 5 * 1024 * 1024
PLAUSIBLE_YEARS = range(1800, 2201)
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

HEADER_KEYS = {"title", "url", "published", "date", "source"}
_HEADER_LINE = re.compile(r"^([A-Za-z][A-Za-z0-9_ -]{0,30}):[ \t]*(.*?)[ \t]*$")
_INLINE_DATE_PREFIX = re.compile(r"^\s*date\s+\d{4}-\d{2}-\d{2}\s+", re.IGNORECASE)
_UNKNOWN_DATES = {"", "unknown", "none", "n/a", "undated"}
TITLE_LIMIT = 140
_SENTENCE_END = re.compile(r"(?<=[a-z0-9)’”'\"])[.!?](?=\s+[A-Z“\"‘'])")
_ABBREVIATIONS = frozenset(
    "mr mrs ms dr st jr sr inc corp co ltd vs no gen sen rep gov prof jan feb mar apr jun "
    "jul aug sep sept oct nov dec".split()
)


class ArticleFileError(ValueError):
    """A file that cannot become an article; the message says why in one line."""


@dataclass(frozen=True)
class ArticleFile:
    name: str
    text: str
    title: str
    url: str = ""
    source: str = ""
    published: dt.date | None = None
    metadata: dict[str, str] = field(default_factory=dict)
    notes: tuple[str, ...] = ()
    """How the file was read when it was not plain UTF-8 text, for the ingest report."""


class Decoded(NamedTuple):
    text: str
    note: str = ""


def safe_file_name(name: str) -> str:
    """The last component of a name, without control characters: never a path."""
    base = re.split(r"[/\\]", name)[-1]
    base = "".join(c for c in base if unicodedata.category(c)[0] != "C").strip()
    return base.lstrip(".")[:255] or "unnamed"


def collect_paths(paths: list[Path]) -> list[Path]:
    """Expand folders into their article files (sorted), keep named files as given."""
    collected: list[Path] = []
    for path in paths:
        if path.is_dir():
            collected.extend(
                sorted(
                    p
                    for p in path.rglob("*")
                    if p.is_file() and p.suffix.lower() in SUPPORTED_SUFFIXES
                )
            )
        else:
            collected.append(path)
    return collected


def read_article_file(path: Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> ArticleFile:
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        raise ArticleFileError(
            f"unsupported file type {path.suffix or '(none)'!r}: use .txt, .md or .html"
        )
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise ArticleFileError(
                f"file is {_megabytes(size)}; the limit is {_megabytes(max_bytes)} "
                "(TIMELINE_MAX_ARTICLE_BYTES)"
            )
        raw = path.read_bytes()
    except FileNotFoundError:
        raise ArticleFileError("no such file") from None
    except IsADirectoryError:
        raise ArticleFileError("a folder, not a file") from None
    except OSError as error:
        raise ArticleFileError(f"cannot read the file: {error.strerror or error}") from None
    decoded = decode_article(raw)
    name = safe_file_name(path.name)
    if suffix in HTML_SUFFIXES or looks_like_html(decoded.text):
        return parse_html_article(name, decoded)
    article = parse_article(name, decoded.text)
    return _with_note(article, decoded.note)


def decode_article(raw: bytes) -> Decoded:
    """The text of the bytes, trying UTF-8, then the byte-order marks, then Windows-1252."""
    if not raw.strip():
        raise ArticleFileError("empty file")
    text, note = _decode(raw)
    if _control_share(text) > 0.02:
        raise ArticleFileError("binary file, not text")
    if not text.strip():
        raise ArticleFileError("empty file")
    return Decoded(text.replace("\r\n", "\n").replace("\r", "\n"), note)


def _decode(raw: bytes) -> tuple[str, str]:
    for bom, encoding in _BOMS:
        if raw.startswith(bom):
            try:
                text = raw.decode(encoding)
            except UnicodeDecodeError:
                raise ArticleFileError(f"broken {encoding.upper()} text") from None
            label = "UTF-8 with a byte-order mark" if bom == codecs.BOM_UTF8 else encoding.upper()
            return text, "" if bom == codecs.BOM_UTF8 else f"decoded as {label}"
    utf16 = _utf16_without_bom(raw)
    if utf16 is not None:
        return utf16
    if b"\x00" in raw:
        raise ArticleFileError("binary file, not text")
    try:
        return raw.decode("utf-8"), ""
    except UnicodeDecodeError:
        pass
    try:
        return raw.decode("cp1252"), "not UTF-8: decoded as Windows-1252"
    except UnicodeDecodeError:
        return raw.decode("latin-1"), "not UTF-8: decoded as Latin-1"


def _utf16_without_bom(raw: bytes) -> tuple[str, str] | None:
    """UTF-16 text saved without a byte-order mark shows a zero in every other byte."""
    sample = raw[:4096]
    if len(sample) < 4:
        return None
    even_zeros = sample[0::2].count(0) / len(sample[0::2])
    odd_zeros = sample[1::2].count(0) / len(sample[1::2])
    for encoding, zeros in (("utf-16-le", odd_zeros), ("utf-16-be", even_zeros)):
        if zeros > 0.4 and min(even_zeros, odd_zeros) < 0.05:
            try:
                return raw.decode(encoding), f"decoded as {encoding.upper()}"
            except UnicodeDecodeError:
                return None
    return None


def _control_share(text: str) -> float:
    sample = text[:20000]
    controls = sum(
        1 for c in sample if (ord(c) < 32 and c not in "\n\r\t\f") or 0x7F <= ord(c) < 0xA0
    )
    return controls / max(len(sample), 1)


def _megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):.1f} MB"


def _with_note(article: ArticleFile, note: str) -> ArticleFile:
    if not note:
        return article
    return ArticleFile(**{**article.__dict__, "notes": (*article.notes, note)})


def parse_html_article(name: str, decoded: Decoded) -> ArticleFile:
    """A saved web page: its readable text, with title, date and URL from its metadata."""
    page = page_text(decoded.text)
    if not page.text.strip():
        raise ArticleFileError("the web page has no readable text")
    interesting = ("author", "description", "og:description", "article:section")
    return ArticleFile(
        name=name,
        text=page.text,
        title=(page.title or _title_from_body(page.text))[:TITLE_LIMIT],
        url=page.url if is_web_address(page.url) else "",
        source=page.source,
        published=_header_date(page.published or None),
        metadata={key: page.meta[key] for key in interesting if key in page.meta},
        notes=tuple(n for n in (decoded.note, "web page converted to text") if n),
    )


def parse_article(name: str, text: str) -> ArticleFile:
    """Split off a header block if there is one; derive the title and stated date."""
    header, body = _split_header(text)
    if not body.strip():
        raise ArticleFileError("no article text after the header")
    metadata = {k: v for k, v in header.items() if k not in HEADER_KEYS}
    published = _header_date(header.get("published", header.get("date")))
    title = header.get("title") or _title_from_body(body)
    url, notes = header.get("url", "").strip(), ()
    if url and not is_web_address(url):
        url, notes = "", ("url ignored: not an http(s) address",)
    return ArticleFile(
        name=name,
        text=body,
        title=title[:TITLE_LIMIT],
        url=url,
        source=header.get("source", "")[:200],
        published=published,
        metadata=metadata,
        notes=notes,
    )


def is_web_address(url: str) -> bool:
    """An absolute http(s) URL: the only kind of link an article may carry onto a page.

    Anything else (`javascript:`, `data:`, a relative path, text with spaces) would be
    a broken or dangerous link, so the article is kept and the address is dropped.
    """
    if len(url) > 500 or any(c.isspace() for c in url):
        return False
    parts = urlsplit(url)
    return parts.scheme in ("http", "https") and bool(parts.hostname)


def _split_header(text: str) -> tuple[dict[str, str], str]:
    lines = text.split("\n")
    header: dict[str, str] = {}
    for index, line in enumerate(lines):
        if not line.strip():
            if header and HEADER_KEYS & header.keys():
                return header, "\n".join(lines[index + 1 :])
            break
        match = _HEADER_LINE.match(line)
        if not match:
            break
        header[match.group(1).strip().lower()] = match.group(2)
    return {}, text


def _header_date(raw: str | None) -> dt.date | None:
    if raw is None or raw.strip().lower() in _UNKNOWN_DATES:
        return None
    value = raw.strip()
    try:
        date = dt.date.fromisoformat(value[:10])
    except ValueError:
        parsed = dateparser.parse(
            value,
            languages=["en"],
            settings={"STRICT_PARSING": True, "REQUIRE_PARTS": ["day", "month", "year"]},
        )
        if parsed is None:
            raise ArticleFileError(f"header date {value!r} is not a calendar date") from None
        date = parsed.date()
    return _plausible(date, value)


def _plausible(date: dt.date, raw: str) -> dt.date:
    if date.year not in PLAUSIBLE_YEARS:
        raise ArticleFileError(f"header date {raw!r} is not a plausible publication date")
    return date


def _first_sentence(text: str) -> str:
    """Text up to the first full stop that ends a sentence (not "Mr." or "Jan.")."""
    for end in _SENTENCE_END.finditer(text, 20, TITLE_LIMIT + 1):
        word = text[: end.start()].rsplit(None, 1)[-1].lower()
        if word not in _ABBREVIATIONS:
            return text[: end.end()]
    return ""


def _title_from_body(body: str) -> str:
    """The first line; when that line is a whole paragraph, its first sentence.

    Articles without a header often open straight into the story, and a title of two
    sentences cut mid-word reads worse than the lede sentence alone.
    """
    first = next(line for line in body.split("\n") if line.strip()).strip()
    first = _INLINE_DATE_PREFIX.sub("", first)
    lede = _first_sentence(first)
    if lede and len(first) > len(lede) + 20:
        first = lede
    if len(first) <= TITLE_LIMIT:
        return first
    cut = first[: TITLE_LIMIT - 1].rsplit(" ", 1)[0]
    return cut.rstrip(",;:") + "…"
