"""Reading the text of one table cell as the value the form asks for.

The rules (documented in ``docs/importers.md``):

* whitespace of every kind (U+3000 padding, NBSP, line breaks) is ignored, widths are folded;
* an empty cell is blank (``None``); a cell printed as a dash or 无 (``—``, ``-``, ``－``, ``/``,
  ``无``…) is blank too — never 0: only a printed 0 is 0;
* counts are whole numbers, optionally with thousands separators (``1,234``) and a unit
  (件, 个, 项, 条); signed counts (the change columns) may carry ``+``/``-``;
* amounts are exact ``Decimal`` as printed (``0.35``, ``24252.311082``), optionally with a unit
  (元, 万元, 亿元) which is returned apart (an older template's procurement amount, ``251000元``);
* a cell holding two numbers apart (``12\n13``, ``93<br>3``, ``190.7787 7``: a lost border, a
  merged continuation cell) is unreadable, never the two numbers' digits joined.
* a number longer than the form holds (:mod:`gi_report.numbers`: 15 digits for a count, 15 before
  and 10 after the point for an amount) is not read (``TOO_LONG``: blank, with a notice).
"""

from __future__ import annotations

import enum
import re
import unicodedata
from decimal import Decimal, InvalidOperation
from functools import lru_cache

import attrs

from gi_report.form.spec import CellKind
from gi_report.form.units import AMOUNT_UNITS as AMOUNT_UNITS  # re-exported: the old path
from gi_report.form.units import COUNT_UNITS as COUNT_UNITS
from gi_report.form.units import UNIT_PATTERN
from gi_report.importers.normalize import fold
from gi_report.numbers import amount_digits_fit, count_digits_fit
from gi_report.table import CellValue

DASHES = frozenset({"-", "--", "—", "——", "–", "―", "/", "\\", "无", "空", "\u2010", "\u2011",
                    "\u2012", "\u2212", "－－"})
"""Cell texts (after folding) that mean "nothing here": read as blank."""

_COUNT = re.compile(r"[+-]?(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)")
_AMOUNT = re.compile(r"(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\.[0-9]+)?")
_RUN = re.compile(r"[0-9][0-9.]*")
_UNIT_PIECE = re.compile(rf"([0-9][0-9.]*)({UNIT_PATTERN})?")
_TWO_NUMBERS = re.compile(r"[0-9][0-9.,]*\s+[+-]?[0-9]")


@lru_cache(maxsize=65536)
def two_numbers(text: str) -> bool:
    """Whether a cell's text holds two numbers apart (``93 3``, ``12\\n13``): never one value."""
    return _TWO_NUMBERS.search(unicodedata.normalize("NFKC", text)) is not None


class Status(enum.Enum):
    """What a cell's text turned out to be."""

    BLANK = "blank"  #: nothing printed
    DASH = "dash"  #: a dash or 无: blank
    NUMBER = "number"  #: a value of the asked kind
    UNREADABLE = "unreadable"  #: text that is not a value of the asked kind
    TOO_LONG = "too_long"  #: a number with more digits than the form holds: not read


@attrs.frozen
class Parsed:
    """A cell's value, how it was told, and the unit printed with it (if any)."""

    value: CellValue
    status: Status
    unit: str | None = None


BLANK = Parsed(None, Status.BLANK)
DASH = Parsed(None, Status.DASH)
UNREADABLE = Parsed(None, Status.UNREADABLE)
TOO_LONG = Parsed(None, Status.TOO_LONG)


def _strip_unit(text: str, units: tuple[str, ...]) -> tuple[str, str | None]:
    for unit in units:
        if text.endswith(unit) and len(text) > len(unit):
            return text[: -len(unit)], unit
    return text, None


@lru_cache(maxsize=65536)
def parse_value(text: str, kind: CellKind) -> Parsed:
    """The value of a cell of ``kind`` printed as ``text``."""
    folded = fold(text)
    if not folded:
        return BLANK
    if folded in DASHES:
        return DASH
    if kind is CellKind.TEXT:
        return Parsed(text.strip(), Status.NUMBER)
    if two_numbers(text):
        return UNREADABLE  # two numbers in one cell: which is this cell's is not known
    if kind is CellKind.AMOUNT:
        number, unit = _strip_unit(folded, AMOUNT_UNITS)
        if not _AMOUNT.fullmatch(number):
            return UNREADABLE
        plain = number.replace(",", "")
        if not amount_digits_fit(plain):
            return TOO_LONG
        try:
            return Parsed(Decimal(plain), Status.NUMBER, unit)
        except InvalidOperation:  # pragma: no cover - the pattern admits only decimals
            return UNREADABLE
    number, unit = _strip_unit(folded, COUNT_UNITS)
    if not _COUNT.fullmatch(number):
        return UNREADABLE
    digits = number.replace(",", "")
    if not count_digits_fit(digits.lstrip("+-")):
        return TOO_LONG  # checked before int(): no 4,300-digit ValueError, no unsafe integer
    value = int(digits)
    if kind is CellKind.COUNT and (value < 0 or number.startswith("-")):
        return UNREADABLE
    return Parsed(value, Status.NUMBER, unit)


_VALUE_LIKE = re.compile(
    rf"[+-]?(?:[0-9]{{1,3}}(?:,[0-9]{{3}})+|[0-9]+)(?:\.[0-9]+)?(?:{UNIT_PATTERN}|%)?"
)


@lru_cache(maxsize=65536)
def looks_like_value(text: str) -> bool:
    """Whether a cell's text is a number, a dash or empty (a value cell, not a label)."""
    folded = fold(text)
    return not folded or folded in DASHES or _VALUE_LIKE.fullmatch(folded) is not None


@lru_cache(maxsize=65536)
def is_number(text: str) -> bool:
    """Whether a cell's text is a number (not empty, not a dash)."""
    folded = fold(text)
    return bool(folded) and folded not in DASHES and _VALUE_LIKE.fullmatch(folded) is not None


def run_segments(text: str) -> list[str] | None:
    """The digit runs of a cell, cut at whitespace and after each unit word, or ``None`` if it
    holds anything else.

    ``"230 000023"`` → ``["230", "000023"]``; a unit word ends the number before it and is
    dropped (``"15条2个70"`` → ``["15", "2", "70"]``: a crawl that runs cells together keeps
    the units apart), except a final amount unit, which stays on its run
    (``"13575394432.52元"``).
    """
    spaced = spaced_run_segments(text)
    return None if spaced is None else [piece for piece, _ in spaced]


def spaced_run_segments(text: str) -> list[tuple[str, bool]] | None:
    """:func:`run_segments`, each run with whether whitespace comes before it (a cell holding
    two numbers may straddle whitespace; a unit word always ends a number)."""
    out: list[tuple[str, bool]] = []
    for part in text.split():
        pieces = _unit_pieces(fold(part))
        if pieces is None:
            return None
        out.extend((piece, bool(out) and i == 0) for i, piece in enumerate(pieces))
    return out or None


def _unit_pieces(folded: str) -> list[str] | None:
    """One whitespace-free part cut after its unit words; ``None``: not digits and units."""
    number, unit = _strip_unit(folded, AMOUNT_UNITS)
    if _RUN.fullmatch(number):
        return [folded]
    pieces: list[str] = []
    at = 0
    for m in _UNIT_PIECE.finditer(number):
        if m.start() != at or (m.group(2) in AMOUNT_UNITS):
            return None  # text between the numbers, or an amount unit inside the run
        pieces.append(m.group(1))
        at = m.end()
    if at != len(number) or not pieces:
        return None
    if unit is not None:
        pieces[-1] += unit
    return pieces
