"""Tables whose every number carries its unit word: each number is one cell, never cut.

A crawl that runs a row's cells together keeps their unit words (``0件0件0个11项``), and a unit
word ends the number before it. Where every number a table prints carries its unit and none
shows digits of another cell glued onto it (a number starting with 0, ``05个``, is ``0`` and
``5个``), the document prints a unit after every number: digits no unit word ends are no cell
of their own, so ``11项`` is the number 11, never 1 and 1. A row of such a table printing fewer
numbers than cells lacks cells (a dump dropped them); it is never split as digits. Where the
table prints some numbers without a unit, unitless cells glue onto the unit groups (``0012个``)
and the digits are split as usual. A number with no unit right before whitespace, in such a
table, is the first of two numbers in one cell (``0 1个``), never a cell of its own.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from gi_report.form.units import UNIT_PATTERN
from gi_report.importers.normalize import fold

_NUMBER = re.compile(rf"([+-]?[0-9][0-9.]*)({UNIT_PATTERN})?")
_WHOLE = re.compile(r"[+-]?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?")
"""One number as a cell prints it: no leading 0 before another digit (``05`` is two cells)."""


def unit_cells(text: str) -> list[str] | None:
    """The cells of one value text of a table printing a unit after every number: each whole
    number ended by its unit word is a cell (``0件0件0个11项`` → ``0, 0, 0, 11``); a number with
    no unit right before whitespace is no cell of its own but one with the number after it, a
    cell holding two numbers (``0 1个`` → ``0 1``). ``None`` for any other text (a number with no
    unit elsewhere, one glued onto another cell's digits, text between them)."""
    out: list[str] = []
    pending: str | None = None  # a number with no unit, before whitespace
    for part in text.split():
        folded = fold(part)
        at = 0
        for m in _NUMBER.finditer(folded):
            number = m.group(1)
            if m.start() != at or not _WHOLE.fullmatch(number):
                return None
            at = m.end()
            if m.group(2) is None and (at != len(folded) or pending is not None):
                return None
            if m.group(2) is None:
                pending = number
            else:
                out.append(number if pending is None else f"{pending} {number}")
                pending = None
        if at != len(folded):
            return None
    return out if out and pending is None else None


def every_number_has_unit(texts: Iterable[str]) -> bool:
    """Whether a table's value texts print a unit word after every number, two or more, none
    glued onto another cell's digits (:func:`unit_cells`; the first of two numbers in one cell
    may have none): texts with no digit (a dash, 无, nothing) say nothing."""
    numbers = 0
    for text in texts:
        if not any(c.isdigit() for c in fold(text)):
            continue
        found = unit_cells(text)
        if found is None:
            return False
        numbers += len(found)
    return numbers >= 2


__all__ = ["every_number_has_unit", "unit_cells"]
