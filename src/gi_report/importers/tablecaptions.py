"""Captions of the form's tables numbered apart from the report's sections, in a crawl line.

Reports put the form's tables under captions of their own, numbered apart from the report's
sections (表一 …, 附表1：…, （一）…, 一、…): in an appendix after the last section, each section
pointing to it, or as the only headings of the table sections under a section of the report's
own. In a one-line crawl such a caption stands inside another section's text. A caption is the
title of a table section (or a variant the form lists), spaces allowed, right after a table
number, and followed by that table's own labels; the line is cut there as at the section's
heading, so the table is read as that section's (``docs/importers.md``).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Sequence

from gi_report.form.spec import SectionSpec
from gi_report.importers.normalize import CN_DIGITS

Head = tuple[SectionSpec, int, int]
"""A section heading found in a line: the section, where the heading starts and ends."""

_TABLE_NUMBER = re.compile(
    rf"(?:附?表\s*(?:[{CN_DIGITS}]{{1,2}}|[0-9]{{1,2}})\s*[、.．:：]?"
    rf"|[（(]\s*(?:[{CN_DIGITS}]{{1,2}}|[0-9]{{1,2}})\s*[）)]|[{CN_DIGITS}]{{1,2}}\s*[、.．])\s*$")
"""A table's number right before its caption's title: 表一, 附表1：, （一）, 一、."""
_NUMBER_WINDOW = 12
"""How far before a title its table number is looked for (characters)."""
MIN_LABELS = 3
"""Label tokens of the table that must follow a caption (a sentence naming a section's title
is no caption)."""

Carries = Callable[[str, str], int]
"""How many of a table's labels (``table_id``) a text holds, counting up to :data:`MIN_LABELS`."""


@functools.cache
def _title_patterns(section: SectionSpec) -> tuple[re.Pattern[str], ...]:
    """The section's title and its variants, white space allowed between characters."""
    return tuple(re.compile(r"\s*".join(re.escape(ch) for ch in title if not ch.isspace()))
                 for title in (section.title, *section.aliases))


def _captions(line: str, section: SectionSpec) -> list[tuple[int, int]]:
    """Where the section's title stands after a table number: (start of the number, end)."""
    found: list[tuple[int, int]] = []
    for pattern in _title_patterns(section):
        for m in pattern.finditer(line):
            before = line[max(0, m.start() - _NUMBER_WINDOW):m.start()]
            number = _TABLE_NUMBER.search(before)
            if number is not None:
                found.append((m.start() - len(before) + number.start(), m.end()))
    return found


def _owner(heads: Sequence[Head], at: int) -> Head | None:
    """The head whose heading or body holds position ``at``."""
    owner = None
    for head in heads:
        if head[1] <= at:
            owner = head
    return owner


def caption_heads(line: str, heads: Sequence[Head], tables: Sequence[SectionSpec],
                  carries: Carries) -> list[Head]:
    """``heads`` with the captions of ``tables`` (table sections) found in other sections' text
    added as heads of their sections, in the line's order. A caption inside a heading, or in
    the text of its own section, is none; one not followed by :data:`MIN_LABELS` of its
    table's labels before the next head is none either."""
    candidates: list[Head] = []
    for section in tables:
        for start, end in _captions(line, section):
            owner = _owner(heads, start)
            if owner is not None and (owner[0].id == section.id or start < owner[2]):
                continue
            candidates.append((section, start, end))
    if not candidates:
        return list(heads)
    merged = sorted([*heads, *candidates], key=lambda h: h[1])
    kept = [h for n, h in enumerate(merged) if h not in candidates or carries(
        line[h[2]:merged[n + 1][1] if n + 1 < len(merged) else len(line)], h[0].id) >= MIN_LABELS]
    return kept


__all__ = ["MIN_LABELS", "Carries", "Head", "caption_heads"]
