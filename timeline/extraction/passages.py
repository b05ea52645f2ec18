"""Split an article into passages: sentences and heading lines, with exact offsets.

A passage is the unit of provenance: every piece of evidence the pipeline reports is a
passage (or part of one), so `text[p.start:p.end] == p.text` must always hold and the
text is stripped of surrounding whitespace.

What it handles: abbreviations (``U.S.``, ``Mr.``, ``Nov.``, ``Inc.``), decimals
(``$14.3``), initials (``J. R. Smith``), closing quotes after the full stop, heading
lines without final punctuation, and run-on text whose full stops went missing (an
over-long "sentence" is cut before a capitalised word that usually opens a sentence).

What it deliberately does not do: it does not parse HTML or markdown, does not merge
sentences broken across lines (a line break is a paragraph break in the text dumps we
ingest), and it does not decide what is boilerplate: it only marks the passages that
fall inside the spans `boilerplate.boilerplate_spans` reports.
"""

from __future__ import annotations

import re

from timeline.extraction.records import Passage

# Tokens that end with a full stop without ending a sentence, whatever follows.
_NEVER_FINAL = {
    "mr", "mrs", "ms", "dr", "prof", "sr", "jr", "st", "gen", "sen", "rep", "gov", "lt",
    "col", "capt", "sgt", "rev", "hon", "pres", "vs", "v", "no", "nos", "fig", "approx",
    "e.g", "i.e", "cf", "jan", "feb", "mar", "apr", "aug", "sep", "sept", "oct", "nov",
    "dec", "mt", "ft",
}  # fmt: skip
# Tokens that often end with a full stop mid-sentence but may also end one: the sentence
# ends there only when the next word is one that typically opens a sentence.
_MAYBE_FINAL = {"inc", "corp", "ltd", "co", "llc", "plc", "bros", "etc", "jr", "sr"}
# Every token a full stop may follow mid-sentence, for readers that look for a sentence's
# bounds with a plain pattern and so never take one of them for its end.
ABBREVIATIONS = frozenset(_NEVER_FINAL | _MAYBE_FINAL)

# Capitalised words that open sentences far more often than they occur mid-sentence.
# Used both to confirm a boundary after an ambiguous abbreviation and to cut run-on text.
SENTENCE_OPENERS = {
    "The", "It", "Its", "It's", "It’s", "They", "Their", "These", "Those", "This", "That",
    "He", "She", "His", "Her", "We", "Our", "I", "But", "However", "Now", "Then", "Also",
    "So", "Meanwhile", "Secondly", "Third", "Thirdly", "First", "Firstly", "Finally",
    "Despite", "Anyone", "Why", "What", "How", "Whether", "If", "When", "Only", "All",
    "After", "Before", "Yet", "Still", "In", "On", "At", "As", "A", "An", "There", "Here",
    "Some", "Many", "Most",
}  # fmt: skip
# Openers that, right after a word with no punctuation between, almost always mean a lost
# full stop ("... open-source It launched Llama models These were free").
_RUNON_OPENERS = {
    "The", "It", "Its", "It's", "It’s", "They", "Their", "These", "Those", "This", "He",
    "She", "We", "However", "But", "Then", "Now", "Also", "Secondly", "Third", "Thirdly",
    "Despite", "Anyone", "Why", "Yet", "Meanwhile", "Finally", "There",
}  # fmt: skip

_BOUNDARY = re.compile(r"[.!?…]+[\"'”’)\]]*(?=\s+[\"'“‘(\[]?[A-Z0-9])")
_TOKEN_BEFORE = re.compile(r"(\S+)$")
_WORD_AFTER = re.compile(r"\s+[\"'“‘(\[]?([A-Za-z][\w’']*)")
_RUNON_CUT = re.compile(r"(?<=[A-Za-z0-9%”\"’)])\s+(?=([A-Z][\w’']*)(\s+\S)?)")
_LINE = re.compile(r"[^\n]+")
_HEADING_MAX_WORDS = 14
_MIN_PIECE_WORDS = 3


def _is_boundary(line: str, match: re.Match[str]) -> bool:
    """Whether a candidate sentence end is a real one (not an abbreviation or initial)."""
    if match.group(0)[0] != ".":
        return True
    before = _TOKEN_BEFORE.search(line, 0, match.start())
    if not before:
        return True
    token = before.group(1).lstrip("\"'“‘([").rstrip(".")
    low = token.lower()
    after = _WORD_AFTER.match(line, match.end())
    next_word = after.group(1) if after else ""
    if low in _NEVER_FINAL:
        return False
    if len(token) == 1 and token.isupper():
        # An initial ("J. Smith"), unless a new sentence obviously starts.
        return next_word in SENTENCE_OPENERS
    if re.fullmatch(r"(?:[A-Za-z]\.)+[A-Za-z]", token):
        # Dotted acronyms (U.S., U.K.) end a sentence only before a typical opener.
        return next_word in SENTENCE_OPENERS
    if low in _MAYBE_FINAL:
        return next_word in SENTENCE_OPENERS
    return True


def _strip(line: str, start: int, end: int) -> tuple[int, int]:
    while start < end and line[start].isspace():
        start += 1
    while end > start and line[end - 1].isspace():
        end -= 1
    return start, end


def _cut_runon(line: str, start: int, end: int) -> list[tuple[int, int]]:
    """Cut a stretch of text before capitalised openers that follow a word directly.

    Text scraped from transcripts or badly converted pages loses its full stops; a
    50-word "sentence" makes useless evidence. "The" only counts when the next word is
    lowercase, so titles such as "The Verge" or "The New York Times" stay whole.
    """
    pieces = []
    piece_start = start
    for m in _RUNON_CUT.finditer(line, start, end):
        word = m.group(1)
        if word not in _RUNON_OPENERS:
            continue
        if word == "The" and m.group(2) and not m.group(2)[-1].islower():
            continue
        # maxsplit keeps this linear on huge lines: only "at least three words" matters.
        if len(line[piece_start : m.start()].split(None, _MIN_PIECE_WORDS)) < _MIN_PIECE_WORDS:
            continue
        if len(line[m.end() : end].split(None, _MIN_PIECE_WORDS)) < _MIN_PIECE_WORDS:
            continue
        pieces.append((piece_start, m.start()))
        piece_start = m.end()
    pieces.append((piece_start, end))
    return pieces


def _sentences(line: str) -> list[tuple[int, int]]:
    spans = []
    start = 0
    for m in _BOUNDARY.finditer(line):
        if _is_boundary(line, m):
            spans.append((start, m.end()))
            start = m.end()
    spans.append((start, len(line)))
    out = []
    for s, e in spans:
        s, e = _strip(line, s, e)
        if s < e:
            out.extend(_cut_runon(line, s, e))
    return out


def _in_boilerplate(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    """A passage is boilerplate when at least half of it lies inside boilerplate spans."""
    covered = sum(max(0, min(end, e) - max(start, s)) for s, e in spans)
    return covered * 2 >= (end - start)


def split_passages(text: str) -> list[Passage]:
    """Split `text` into sentence and heading passages with exact offsets.

    Each non-empty line is a paragraph (the ingested dumps put one paragraph per line,
    sometimes with blank lines between); a short line without final punctuation is a
    heading and stays one passage.
    """
    from timeline.extraction.boilerplate import boilerplate_spans

    spans = sorted(boilerplate_spans(text)) if text else []
    passages: list[Passage] = []
    paragraph = -1
    for lm in _LINE.finditer(text):
        line = lm.group(0)
        if not line.strip():
            continue
        paragraph += 1
        offset = lm.start()
        stripped = line.strip()
        if len(stripped.split()) <= _HEADING_MAX_WORDS and stripped[-1] not in '.!?…"”’':
            pieces = [_strip(line, 0, len(line))]
        else:
            pieces = _sentences(line)
        for s, e in pieces:
            s, e = _strip(line, s, e)
            if s >= e:
                continue
            start, end = offset + s, offset + e
            passages.append(
                Passage(
                    start=start,
                    end=end,
                    text=text[start:end],
                    paragraph=paragraph,
                    boilerplate=_in_boilerplate(start, end, spans),
                )
            )
    return passages
