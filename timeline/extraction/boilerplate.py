"""Find the lines of an article that are page furniture rather than story.

Scraped news pages carry fact boxes ("Location: United States, California",
"Employees: 201-500", "Founded date: 2015", "Total raised: $58.21B"), a lone company
name heading such a box, and share / subscribe / follow prompts. Their numbers look
like dates ("Founded date: 2015") but say nothing about the story's timeline, so the
temporal tagger drops mentions inside these spans.

The rules are about the *shape* of lines, not about any site:

* a "key: value" line has a short key (one to three words, no sentence punctuation)
  and a short value that does not read as a sentence; it is furniture only when it
  belongs to a run of at least two such lines (blank lines and lone short name lines
  may sit between them), because a single "Update: ..." or a headline with a colon is
  usually story;
* a lone name line (at most four words, no final punctuation, no digits) counts when
  it sits inside such a run or right before one;
* share / subscribe / sign-up / follow / advertisement lines are furniture on their own
  when they are short.

Deliberately not handled: datelines and date lines at the top (they are the article's
own date, see `document_date`), headings inside the story, bylines.
"""

from __future__ import annotations

import re

_KV = re.compile(
    r"^[ \t]*(?P<key>[A-Z][A-Za-z&/()'’ .-]{0,28}?)[ \t]*:[ \t]*(?P<value>\S[^\n]{0,80}?)[ \t]*$"
)
_NAME = re.compile(r"^[ \t]*[A-Z0-9][\w&'’.-]*(?:[ \t]+[\w&'’.-]+){0,3}[ \t]*$")
_PROMPT = re.compile(
    r"^[ \t]*(?i:share(?:\s+(?:this|on|via))?|tweet|subscribe|sign\s+up|follow\s+us|"
    r"advertisement|sponsored|click\s+here|read\s+more|related(?:\s+articles|\s+stories)?|"
    r"recommended|newsletter|log\s+in|sign\s+in|print|email\s+this|copyright|©|"
    r"all\s+rights\s+reserved|skip\s+to\s+(?:main\s+)?content)\b[^\n]{0,100}$"
)
_SENTENCE_END = re.compile(r"[.!?][\"”’)]?[ \t]*$")


def _kind(line: str) -> str:
    """KV (fact-box line), NAME (lone short name), BLANK, PROMPT, or OTHER."""
    if not line.strip():
        return "BLANK"
    if _PROMPT.match(line) and len(line) < 120:
        return "PROMPT"
    m = _KV.match(line)
    if m:
        key, value = m.group("key"), m.group("value")
        if len(key.split()) <= 3 and not _SENTENCE_END.search(value) and len(value.split()) <= 8:
            return "KV"
    if _NAME.match(line) and not _SENTENCE_END.search(line) and not re.search(r"\d", line):
        return "NAME"
    return "OTHER"


def boilerplate_spans(text: str) -> list[tuple[int, int]]:
    """Character spans (start, end) of the furniture lines of `text`, in order."""
    lines: list[tuple[int, int, str]] = []
    pos = 0
    for raw in text.split("\n"):
        lines.append((pos, pos + len(raw), _kind(raw)))
        pos += len(raw) + 1

    spans: list[tuple[int, int]] = []
    i = 0
    n = len(lines)
    while i < n:
        kind = lines[i][2]
        if kind == "PROMPT":
            spans.append((lines[i][0], lines[i][1]))
            i += 1
            continue
        if kind not in ("KV", "NAME"):
            i += 1
            continue
        j = i
        while j < n and lines[j][2] in ("KV", "NAME", "BLANK"):
            j += 1
        run = lines[i:j]
        if sum(1 for s, e, k in run if k == "KV") >= 2:
            last_kv = max(idx for idx, (s, e, k) in enumerate(run) if k == "KV")
            for s, e, k in run[: last_kv + 1]:
                if k in ("KV", "NAME"):
                    spans.append((s, e))
        i = j
    return spans
