"""Tables whose every number carries its unit word: each number is one cell, never cut.

A crawl that runs a row's cells together keeps their unit words (``0件0件0个11项``), and a unit
word ends the number before it. Where every number a table prints carries its unit and none
shows digits of another cell glued onto it (a number starting with 0, ``05个``, is ``0`` and
``5个``), the document prints a unit after every number: digits no unit word ends are no cell
of their own, so ``11项`` is the number 11, never 1 and 1. A row of such a table printing fewer
numbers than cells lacks cells (a dump dropped them); it is never split as digits. Where the
table prints some numbers without a unit, unitless cells glue onto the unit groups (``0012个``)
and the digits are split as usual.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from gi_report.form.units import UNIT_PATTERN
from gi_report.importers.normalize import fold

_NUMBER_WITH_UNIT = re.compile(rf"([+-]?[0-9][0-9.]*)({UNIT_PATTERN})")
_WHOLE = re.compile(r"[+-]?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?")
"""One number as a cell prints it: no leading 0 before another digit (``05`` is two cells)."""


def unit_numbers(text: str) -> list[str] | None:
    """The numbers of one value text when each is a whole number ended by its unit word
    (``0件0件0个11项`` → ``0, 0, 0, 11``); ``None`` for any other text (a number with no unit,
    a number glued onto another cell's digits, text between them)."""
    out: list[str] = []
    for part in text.split():
        at = 0
        folded = fold(part)
        for m in _NUMBER_WITH_UNIT.finditer(folded):
            if m.start() != at or not _WHOLE.fullmatch(m.group(1)):
                return None
            out.append(m.group(1))
            at = m.end()
        if at != len(folded):
            return None
    return out or None


def every_number_has_unit(texts: Iterable[str]) -> bool:
    """Whether a table's value texts print a unit word after every number, two or more, none
    glued onto another cell's digits: texts with no digit (a dash, 无, nothing) say nothing."""
    numbers = 0
    for text in texts:
        if not any(c.isdigit() for c in fold(text)):
            continue
        found = unit_numbers(text)
        if found is None:
            return False
        numbers += len(found)
    return numbers >= 2


__all__ = ["every_number_has_unit", "unit_numbers"]
