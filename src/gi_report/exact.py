"""Exact arithmetic on stated amounts: decimals are added without rounding, whatever their size.

``decimal``'s default context rounds to 28 significant digits; a sum of stated amounts must not
be rounded, so additions go through a context wide enough to be exact (and that traps if not).
"""

from __future__ import annotations

import decimal
from decimal import Decimal

EXACT = decimal.Context(
    prec=decimal.MAX_PREC,
    Emax=decimal.MAX_EMAX,
    Emin=decimal.MIN_EMIN,
    traps=[decimal.Inexact, decimal.Rounded, decimal.InvalidOperation, decimal.Overflow],
)
"""A decimal context in which addition and subtraction are exact."""


def add(a: int | Decimal, b: int | Decimal) -> int | Decimal:
    """``a + b`` exactly (integers stay integers; a decimal operand gives an exact decimal)."""
    if isinstance(a, Decimal) or isinstance(b, Decimal):
        return EXACT.add(Decimal(a), Decimal(b))
    return a + b


def subtract(a: int | Decimal, b: int | Decimal) -> int | Decimal:
    """``a − b`` exactly."""
    if isinstance(a, Decimal) or isinstance(b, Decimal):
        return EXACT.subtract(Decimal(a), Decimal(b))
    return a - b


def plain(value: int | Decimal) -> str:
    """A stated number as every output prints it: exactly, in plain decimal notation.

    ``Decimal("1E+2")`` prints ``100`` and ``Decimal("1.50")`` ``1.50`` (the stated decimals
    kept); never exponent notation, which the importers (and people) would not read back.
    """
    return format(value, "f") if isinstance(value, Decimal) else str(value)
