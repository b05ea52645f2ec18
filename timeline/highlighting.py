"""Cutting an article's text into plain and highlighted segments for display.

Views hand templates ready-made segments, so templates only print them (and Django
escapes them): no offsets are computed in a template and no HTML is built in Python.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class Segment:
    text: str
    mark_id: str = ""
    """Anchor id of a highlighted passage; empty for plain text."""
    selected: bool = False


def segments(text: str, spans: Iterable[tuple[int, int, str]], selected: str = "") -> list[Segment]:
    """Split `text` at the given (start, end, anchor id) spans; overlapping spans are joined."""
    ordered = sorted((s, e, a) for s, e, a in spans if 0 <= s < e <= len(text))
    merged: list[list] = []
    for start, end, anchor in ordered:
        if merged and start < merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
            merged[-1][2].append(anchor)
        else:
            merged.append([start, end, [anchor]])
    result: list[Segment] = []
    cursor = 0
    for start, end, anchors in merged:
        if start > cursor:
            result.append(Segment(text[cursor:start]))
        anchor = selected if selected in anchors else anchors[0]
        result.append(Segment(text[start:end], mark_id=anchor, selected=selected in anchors))
        cursor = end
    if cursor < len(text):
        result.append(Segment(text[cursor:]))
    return result
