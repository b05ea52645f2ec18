"""Reading article files: decoding, the optional header block, title and stated date.

A file may open with a header block of `key: value` lines and a blank line
(`title`, `url`, `published` or `date`, `source`; other keys are kept as metadata).
Without one, the title is the first line. The stored text is the body after the
header, unchanged, so evidence offsets point into exactly what a reader sees.

This module only reads; it never touches the database. Each problem raises
`ArticleFileError` with a one-line message a user can act on.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path

import dateparser

SUPPORTED_SUFFIXES = (".txt", ".md")

HEADER_KEYS = {"title", "url", "published", "date", "source"}
_HEADER_LINE = re.compile(r"^([A-Za-z][A-Za-z0-9_ -]{0,30}):[ \t]*(.*?)[ \t]*$")
_INLINE_DATE_PREFIX = re.compile(r"^\s*date\s+\d{4}-\d{2}-\d{2}\s+", re.IGNORECASE)
_UNKNOWN_DATES = {"", "unknown", "none", "n/a", "undated"}
TITLE_LIMIT = 140


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


def read_article_file(path: Path) -> ArticleFile:
    if path.suffix.lower() not in SUPPORTED_SUFFIXES:
        raise ArticleFileError(
            f"unsupported file type {path.suffix or '(none)'!r}: use .txt or .md"
        )
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise ArticleFileError("no such file") from None
    except OSError as error:
        raise ArticleFileError(f"cannot read the file: {error.strerror or error}") from None
    return parse_article(path.name, decode_article(raw))


def decode_article(raw: bytes) -> str:
    if not raw.strip():
        raise ArticleFileError("empty file")
    if b"\x00" in raw:
        raise ArticleFileError("binary file, not text")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ArticleFileError(
            f"not UTF-8 text (byte 0x{raw[error.start]:02x} at offset {error.start})"
        ) from None
    return text.replace("\r\n", "\n").replace("\r", "\n")


def parse_article(name: str, text: str) -> ArticleFile:
    """Split off a header block if there is one; derive the title and stated date."""
    header, body = _split_header(text)
    if not body.strip():
        raise ArticleFileError("no article text after the header")
    metadata = {k: v for k, v in header.items() if k not in HEADER_KEYS}
    published = _header_date(header.get("published", header.get("date")))
    title = header.get("title") or _title_from_body(body)
    return ArticleFile(
        name=name,
        text=body,
        title=title[:TITLE_LIMIT],
        url=header.get("url", ""),
        source=header.get("source", ""),
        published=published,
        metadata=metadata,
    )


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
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        pass
    parsed = dateparser.parse(
        value,
        languages=["en"],
        settings={"STRICT_PARSING": True, "REQUIRE_PARTS": ["day", "month", "year"]},
    )
    if parsed is None:
        raise ArticleFileError(f"header date {value!r} is not a calendar date")
    return parsed.date()


def _title_from_body(body: str) -> str:
    first = next(line for line in body.split("\n") if line.strip()).strip()
    first = _INLINE_DATE_PREFIX.sub("", first)
    if len(first) <= TITLE_LIMIT:
        return first
    cut = first[: TITLE_LIMIT - 1].rsplit(" ", 1)[0]
    return cut.rstrip(",;:") + "…"
