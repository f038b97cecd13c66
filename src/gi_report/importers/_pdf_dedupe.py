"""Duplicate characters (bold faked by printing a glyph twice) removed in n log n.

pdfplumber's ``dedupe_chars`` gives the right answer but clusters every group of equal
characters (every 的 of a page) and orders what it keeps with ``chars.index`` (quadratic): 19%
of a clean 6-page report's import, minutes on a page of 100,000 characters.
:func:`unique_chars` keeps exactly the characters pdfplumber keeps, in the same order, and
returns the page's characters untouched when no two copies of a character overlap (the usual
case), which sorting each group by position tells.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Sequence
from operator import itemgetter
from typing import Any

TOLERANCE = 1.0
"""Copies of a character within this many points (down, then across, chained) are one
character (pdfplumber's default)."""

_KEY = itemgetter("upright", "text", "fontname", "size")


def unique_chars(chars: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    """``chars`` without the copies of a character printed over itself, in page order.

    Same result as ``pdfplumber.utils.dedupe_chars(chars)``: characters of one text, font and
    size are clustered by ``doctop``, then each such cluster by ``x0`` (chains of neighbours
    at most :data:`TOLERANCE` apart), and the top-left character of each cluster (the first
    of equals) is kept.
    """
    keys = [_KEY(char) for char in chars]
    order = sorted(range(len(chars)), key=keys.__getitem__)
    dropped: set[int] = set()
    for _, grouped in itertools.groupby(order, key=keys.__getitem__):
        members = list(grouped)
        if len(members) > 1:
            dropped.update(_copies(chars, members))
    if not dropped:
        return list(chars)  # nothing printed twice: the page's characters as they are
    return [char for i, char in enumerate(chars) if i not in dropped]


def _copies(chars: Sequence[dict[str, Any]], members: list[int]) -> list[int]:
    """The indices among ``members`` (one text, font and size) that are copies of another:
    every member of a cluster but its top-left one (the first of equals)."""

    def position(i: int) -> tuple[Any, Any, int]:
        return chars[i]["doctop"], chars[i]["x0"], i

    out: list[int] = []
    for row in _chains(members, lambda i: chars[i]["doctop"]):
        if len(row) < 2:
            continue
        for cluster in _chains(row, lambda i: chars[i]["x0"]):
            if len(cluster) > 1:
                head = min(cluster, key=position)
                out += [i for i in cluster if i != head]
    return out


def _chains(members: list[int], value: Callable[[int], Any]) -> list[list[int]]:
    """``members`` in clusters: sorted by ``value``, a new cluster wherever the step from the
    previous value is over :data:`TOLERANCE` (pdfplumber's ``cluster_list``)."""
    clusters: list[list[int]] = []
    last: Any = None
    for i in sorted(members, key=value):
        current = value(i)
        if clusters and current <= last + TOLERANCE:
            clusters[-1].append(i)
        else:
            clusters.append([i])
        last = current
    return clusters
