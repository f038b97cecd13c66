"""PDF text geometry: characters into lines, lines into paragraphs, and page furniture.

Works on pdfplumber's character dictionaries (``text``, ``x0``, ``x1``, ``top``, ``bottom``,
``size``) and knows nothing of tables. Chinese text needs care: a PDF has no space characters
between CJK and Latin text (the gap in ``2024 年`` is typesetting), and a soft-wrapped line of
Chinese joins to the next with no space.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import attrs

Char = Mapping[str, Any]

WIDE_GAP = 2.0
"""A gap wider than this many font sizes between two characters is a space in any script."""

LATIN_GAP = 0.2
"""A gap wider than this many font sizes between two narrow (non-CJK) characters is a space."""

_PAGE_NUMBER = re.compile(
    r"^(?:[-－—–~～\s]*\d{1,4}[-－—–~～\s]*"
    r"|第\s*\d{1,4}\s*页(?:\s*[,，/]?\s*共\s*\d{1,4}\s*页)?"
    r"|\d{1,4}\s*/\s*\d{1,4}"
    r"|(?:page|p\.)\s*\d{1,4}(?:\s*of\s*\d{1,4})?)$",
    re.IGNORECASE,
)
HEADER_ZONE = 0.09
"""Lines whose top is within this fraction of the page height from the top are in the header."""

FOOTER_ZONE = 0.88
"""Lines whose top is below this fraction of the page height are in the footer."""


@attrs.frozen(kw_only=True)
class Line:
    """One printed line of text on a page."""

    page: int  #: 1-based page
    number: int  #: 1-based position of the line on its page, top to bottom
    x0: float
    x1: float
    top: float
    bottom: float
    size: float  #: the largest font size on the line
    text: str


def is_wide(char: str) -> bool:
    """Whether ``char`` is a wide (CJK, full-width) character, joined to neighbours unspaced."""
    return bool(char) and unicodedata.east_asian_width(char[0]) in ("W", "F")


def _size(char: Char) -> float:
    return float(char.get("size") or (char["bottom"] - char["top"]) or 1.0)


def group_lines(chars: Iterable[Char]) -> list[list[Char]]:
    """Characters grouped into printed lines (top to bottom), each line left to right."""
    ordered = sorted(chars, key=lambda c: ((c["top"] + c["bottom"]) / 2, c["x0"]))
    lines: list[list[Char]] = []
    anchor = 0.0
    height = 0.0
    for char in ordered:
        middle = (char["top"] + char["bottom"]) / 2
        size = _size(char)
        if lines and abs(middle - anchor) <= max(1.0, 0.4 * min(size, height)):
            lines[-1].append(char)
        else:
            lines.append([char])
            anchor, height = middle, size
    return [sorted(line, key=lambda c: c["x0"]) for line in lines]


def line_text(chars: Sequence[Char]) -> str:
    """The text of one line, with a space only where the gap means one (see module doc)."""
    out: list[str] = []
    previous: Char | None = None
    for char in chars:
        text = str(char["text"])
        if previous is not None and text and not text.isspace():
            before = str(previous["text"])
            if before and not before.isspace():
                gap = char["x0"] - previous["x1"]
                size = max(_size(char), _size(previous))
                narrow = not is_wide(before[-1]) and not is_wide(text[0])
                if gap > WIDE_GAP * size or (narrow and gap > LATIN_GAP * size):
                    out.append(" ")
        out.append(text)
        previous = char
    return "".join(out)


def make_lines(chars: Iterable[Char], page: int) -> list[Line]:
    """The printed lines made of ``chars`` on ``page``, top to bottom, numbered from 1."""
    lines = []
    for number, group in enumerate(group_lines(chars), start=1):
        lines.append(
            Line(
                page=page,
                number=number,
                x0=min(c["x0"] for c in group),
                x1=max(c["x1"] for c in group),
                top=min(c["top"] for c in group),
                bottom=max(c["bottom"] for c in group),
                size=max(_size(c) for c in group),
                text=line_text(group),
            )
        )
    return lines


def cell_text(chars: Iterable[Char]) -> str:
    """The text of a table cell: its lines joined by ``\\n``, surrounding whitespace removed."""
    return "\n".join(line_text(group) for group in group_lines(chars)).strip()


def join_wrapped(texts: Sequence[str]) -> str:
    """Soft-wrapped lines of one paragraph joined: no space next to CJK, one between Latin."""
    out = ""
    for text in texts:
        if (
            out
            and text
            and not is_wide(out[-1])
            and not is_wide(text[0])
            and not out[-1].isspace()
            and not text[0].isspace()
        ):
            out += " "
        out += text
    return out


def is_page_number(text: str) -> bool:
    """Whether a line's text is a page number (``- 3 -``, ``第3页 共6页``, ``3/6``, ``3``)."""
    return bool(_PAGE_NUMBER.match(text.strip()))


def furniture(lines: Sequence[Line], heights: Mapping[int, float]) -> set[tuple[int, int]]:
    """The (page, number) of lines that are page furniture: page numbers, running headers.

    A line is furniture when it lies in the header or footer zone of its page and is either a
    page number or, with its digits ignored, repeated in that zone on at least two pages and at
    least half of the pages.
    """
    def zone(line: Line) -> str | None:
        height = heights[line.page]
        if line.top < HEADER_ZONE * height:
            return "header"
        if line.top > FOOTER_ZONE * height:
            return "footer"
        return None

    marked: set[tuple[int, int]] = set()
    repeats: Counter[tuple[str, str]] = Counter()
    seen: set[tuple[str, str, int]] = set()
    for line in lines:
        where = zone(line)
        if where is None:
            continue
        if is_page_number(line.text):
            marked.add((line.page, line.number))
            continue
        key = (where, re.sub(r"\d+", "#", re.sub(r"\s+", "", line.text)))
        if (*key, line.page) not in seen:
            seen.add((*key, line.page))
            repeats[key] += 1
    threshold = max(2, (len(heights) + 1) // 2)
    for line in lines:
        where = zone(line)
        if where is None or (line.page, line.number) in marked:
            continue
        key = (where, re.sub(r"\d+", "#", re.sub(r"\s+", "", line.text)))
        if repeats[key] >= threshold:
            marked.add((line.page, line.number))
    return marked


def margins(lines: Sequence[Line]) -> tuple[float, float]:
    """The usual left and right edges of body text: the most common line starts and ends."""
    starts = Counter(round(line.x0) for line in lines)
    ends = Counter(round(line.x1) for line in lines)
    left = float(starts.most_common(1)[0][0]) if starts else 0.0
    right = float(ends.most_common(1)[0][0]) if ends else 0.0
    return left, right


def starts_paragraph(previous: Line, line: Line, left: float, right: float) -> bool:
    """Whether ``line`` begins a new paragraph rather than continuing ``previous``.

    New when the size changes, the line is indented or centred, the previous line stops short
    of the right margin, or (on one page) a gap wider than a line separates them.
    """
    if abs(line.size - previous.size) > 1.0:
        return True
    if line.x0 > left + 0.8 * line.size:
        return True
    if previous.x1 < right - 1.5 * previous.size:
        return True
    return line.page == previous.page and line.top - previous.bottom > 1.2 * previous.size
