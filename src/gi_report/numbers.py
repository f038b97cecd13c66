"""The bounds of a number (and a text) a report can hold, and parsing digits within them.

One contract for every reader and writer: a whole number is within ±(2^53 − 1) (the integers
JSON consumers such as JavaScript hold exactly); a printed count has at most
:data:`MAX_COUNT_DIGITS` digits; an amount at most :data:`MAX_AMOUNT_DIGITS` digits before its
decimal point and :data:`MAX_AMOUNT_DECIMALS` after it. Digits are measured before any ``int()``,
so no input reaches Python's 4,300-digit int-string limit (a ``ValueError``). A text holds at
most :data:`MAX_TEXT_CHARS` characters, so that every text fits one XML text node.
"""

from __future__ import annotations

from decimal import Decimal

MAX_SAFE_INTEGER = 2**53 - 1
"""Largest whole number a count or signed count may hold (9,007,199,254,740,991)."""

MAX_COUNT_DIGITS = 15
"""Most digits of a printed count (every 15-digit number is within :data:`MAX_SAFE_INTEGER`)."""

MAX_AMOUNT_DIGITS = 15
"""Most digits of a printed amount before its decimal point."""

MAX_AMOUNT_DECIMALS = 10
"""Most digits of a printed amount after its decimal point."""

MAX_TEXT_CHARS = 2_000_000
"""Most characters of one text of a report (a report's longest is ~10,000): at 4 UTF-8 bytes a
character at most, within libxml2's 10,000,000-byte limit on one text node, so the XML reader
reads back every text the writer writes."""


def is_safe_integer(value: int) -> bool:
    """Whether ``value`` is within ±(2^53 − 1)."""
    return -MAX_SAFE_INTEGER <= value <= MAX_SAFE_INTEGER


def count_digits_fit(digits: str) -> bool:
    """Whether a run of ASCII digits (no sign, no separators) is a count the form can hold.

    Leading zeros count too: a printed count has no more digits than the form holds, and no
    ``int()`` ever sees a long string.
    """
    return len(digits) <= MAX_COUNT_DIGITS


def amount_digits_fit(text: str) -> bool:
    """Whether a plain decimal ``123.45`` (no sign, no separators) is an amount the form holds."""
    whole, _, fraction = text.partition(".")
    return len(whole) <= MAX_AMOUNT_DIGITS and len(fraction) <= MAX_AMOUNT_DECIMALS


def exact_number(digits: str, *, amount: bool) -> int | Decimal:
    """A number stated in prose, exactly, however long: an ``int`` for a count that fits,
    else a ``Decimal`` (which has no digit limit), so that it compares with cells exactly."""
    if amount or not count_digits_fit(digits):
        return Decimal(digits)
    return int(digits)
