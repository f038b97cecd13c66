"""The unit words reports print inside value cells (``5个``, ``12.5万元``), described once.

A unit word ends the number before it: in a crawl that runs a row's cells together
(``15条2个7个``) each unit is a cell boundary. Counts carry a counting word; amounts a currency
unit, which for a column with a fixed unit (:attr:`ColumnSpec.unit`) must be that unit.
"""

from __future__ import annotations

import re

COUNT_UNITS: tuple[str, ...] = ("件", "个", "项", "条", "次", "人")
"""Counting words printed after a count."""

AMOUNT_UNITS: tuple[str, ...] = ("亿元", "万元", "元")
"""Currency units printed after an amount, longest first (万元 before 元)."""

UNITS: tuple[str, ...] = (*AMOUNT_UNITS, *COUNT_UNITS)
"""Every unit word, longest first where one ends another."""

UNIT_PATTERN = "(?:" + "|".join(re.escape(u) for u in UNITS) + ")"
"""A regular expression matching one unit word."""

__all__ = ["AMOUNT_UNITS", "COUNT_UNITS", "UNITS", "UNIT_PATTERN"]
