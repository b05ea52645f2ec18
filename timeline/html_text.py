"""Turning a saved news web page into the article's plain text and its metadata.

Newsrooms often have the page, not the text. We keep what a reader reads: headings and
paragraphs, one block per line and a blank line between blocks, and drop what is page
furniture (scripts, styles, navigation, footers, forms, asides). The stored text is this
plain text, so evidence offsets are offsets into exactly what was stored, never into
the markup.

The page's own metadata fills what a header block would: `og:title` or `<title>`,
`article:published_time` (or the first `<time datetime>`), the canonical URL and the
site name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

SKIPPED = {
    "script",
    "style",
    "noscript",
    "template",
    "svg",
    "nav",
    "footer",
    "aside",
    "form",
    "button",
    "select",
    "iframe",
    "object",
    "head",
}
BLOCKS = {
    "p",
    "div",
    "section",
    "article",
    "main",
    "header",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "blockquote",
    "pre",
    "table",
    "tr",
    "figure",
    "figcaption",
    "dl",
    "dt",
    "dd",
    "hr",
    "br",
    "address",
}
VOID = {"br", "hr", "img", "meta", "link", "input", "source", "wbr", "col", "area", "base"}
_SPACES = re.compile(r"[ \t\r\f\v\u00a0]+")
HTML_START = re.compile(r"^\s*(<!doctype html|<html|<head|<body|<meta|<title|<article)", re.I)


def looks_like_html(text: str) -> bool:
    return bool(HTML_START.match(text[:2000]))


@dataclass
class PageText:
    text: str
    title: str = ""
    published: str = ""
    url: str = ""
    source: str = ""
    meta: dict[str, str] = field(default_factory=dict)


class _Reader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[str] = []
        self.current: list[str] = []
        self.skipping: list[str] = []
        self.in_title = False
        self.title = ""
        self.h1 = ""
        self.in_h1 = False
        self.meta: dict[str, str] = {}
        self.first_time = ""
        self.canonical = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k: v or "" for k, v in attrs}
        if tag == "meta":
            key = values.get("property") or values.get("name") or ""
            if key and "content" in values:
                self.meta.setdefault(key.lower(), values["content"].strip())
            return
        if tag == "link" and "canonical" in values.get("rel", "").lower():
            self.canonical = values.get("href", "")
            return
        if tag == "title":
            self.in_title = True
            return
        if tag == "time" and not self.first_time and not self.skipping:
            self.first_time = values.get("datetime", "")
        if tag in SKIPPED and tag not in VOID:
            self.skipping.append(tag)
            return
        if tag in BLOCKS:
            self._close_block()
        if tag == "h1":
            self.in_h1 = True

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self.in_title = False
            return
        if self.skipping and tag == self.skipping[-1]:
            self.skipping.pop()
            return
        if tag in BLOCKS:
            self._close_block()
        if tag == "h1":
            self.in_h1 = False

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title += data
            return
        if self.skipping:
            return
        self.current.append(data)
        if self.in_h1:
            self.h1 += data

    def _close_block(self) -> None:
        block = _SPACES.sub(" ", "".join(self.current).replace("\n", " ")).strip()
        if block:
            self.blocks.append(block)
        self.current = []

    def close(self) -> None:
        super().close()
        self._close_block()


def page_text(html: str) -> PageText:
    """The readable text of a page and what its metadata says about the article."""
    reader = _Reader()
    reader.feed(html)
    reader.close()
    meta = reader.meta
    title = meta.get("og:title") or _SPACES.sub(" ", reader.title).strip() or reader.h1.strip()
    return PageText(
        text="\n\n".join(reader.blocks) + ("\n" if reader.blocks else ""),
        title=title,
        published=meta.get("article:published_time") or meta.get("date") or reader.first_time,
        url=meta.get("og:url") or reader.canonical,
        source=meta.get("og:site_name", ""),
        meta=meta,
    )
