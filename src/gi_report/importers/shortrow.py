"""The readings of run-together digits that lack a cell.

A crawl dump prints nothing for a dropped cell, so a row of seven cells may print six digits
(``010003``): fewer digits than cells, the row certainly lacks a cell, and which one is not
said. Its readings are every way to cut its digits into fewer numbers than cells (one or two
cells lacking: :data:`MAX_LACKING`) laid over the cells in order, the lacking cells left blank
(``None``). The solver (:mod:`~gi_report.importers.digits`) searches them with the table's
other runs, a lacking cell standing for some count ≥ 0; a reading is used only when it is the
only consistent one, and the lacking cell stays blank, never computed from a total.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterator, Sequence
from itertools import combinations
from math import comb

from gi_report.numbers import MAX_COUNT_DIGITS

MAX_LACKING = 2
"""Most cells a run may lack for its readings to be searched."""

_COUNT = re.compile(rf"0|[1-9][0-9]{{0,{MAX_COUNT_DIGITS - 1}}}")

Spend = Callable[[], None]
"""Charges one step of a search to its budget, and raises when the budget is used up."""


def _free() -> None:
    """No budget to charge (a caller searching a short input of its own)."""


def eligible(segments: Sequence[str], cells: int) -> bool:
    """Whether digit ``segments`` (counts only) are a run lacking one or two of ``cells``."""
    digits = sum(len(s) for s in segments)
    return (all(s.isdigit() for s in segments) and len(segments) < cells
            and cells - MAX_LACKING <= digits < cells)


def readings(segments: Sequence[str], cells: int, spend: Spend = _free
             ) -> Iterator[tuple[int | None, ...]]:
    """Every reading of ``segments`` over ``cells`` cells, lacking one or more (``None``).

    A run is eligible when it lacks one or two cells if every cell holds one digit, but a row
    lacking more cells, one of them holding a longer number, prints the same digits: those
    readings are searched too, or the cells they would change could be read wrong. Each step
    of the search for cuts is charged with ``spend`` (the caller charges each reading)."""
    digits = sum(len(s) for s in segments)
    for count in range(1, min(digits, cells - 1) + 1):
        spend()
        for cut in cuts(segments, count, spend):
            values = [int(piece) for piece in cut]
            for holes in combinations(range(cells), cells - count):
                pieces = iter(values)
                lacking = set(holes)
                yield tuple(None if i in lacking else next(pieces) for i in range(cells))


def fewest_readings(segments: Sequence[str], cells: int) -> int:
    """A lower bound of the readings :func:`readings` yields, known without a search: the
    digits cut into every number of counts from their fewest to their length, each cut laid
    over the cells every way (a run of many cells has far more readings than any budget)."""
    fewest, digits = count_bounds(segments)
    counts = range(max(1, fewest), min(digits, cells - 1) + 1)
    return max((comb(cells, count) for count in counts), default=0)


def cuts(segments: Sequence[str], pieces: int, spend: Spend = _free
         ) -> Iterator[tuple[str, ...]]:
    """Every way to cut ``segments`` into ``pieces`` counts (each segment cut on its own)."""
    return _cuts_from(segments, 0, pieces, _bounds(segments), spend)


def _cuts_from(segments: Sequence[str], first: int, pieces: int,
               bounds: Sequence[tuple[int, int]], spend: Spend = _free
               ) -> Iterator[tuple[str, ...]]:
    """:func:`cuts` of ``segments[first:]``; a branch whose rest cannot be cut into the pieces
    left is not entered (``bounds``), so every branch yields: no search without a result,
    which a run of many segments would make exponential before a reading costs a step."""
    spend()
    fewest, most = bounds[first]
    if not fewest <= pieces <= most:
        return
    if first == len(segments):
        yield ()
        return
    rest_fewest, rest_most = bounds[first + 1]
    for head in _cut_one(segments[first], pieces - rest_fewest, spend, pieces - rest_most):
        for tail in _cuts_from(segments, first + 1, pieces - len(head), bounds, spend):
            yield head + tail


def count_bounds(segments: Sequence[str]) -> tuple[int, int]:
    """The fewest and the most counts ``segments`` cut into (every number between is a cut)."""
    return _bounds(segments)[0]


def _bounds(segments: Sequence[str]) -> list[tuple[int, int]]:
    """For each ``i``, the fewest and the most counts ``segments[i:]`` cut into. Every number
    between is a cut too (a number of two digits or more gives its last digit to a count of
    its own: one more), so the bounds are exact."""
    out = [(0, 0)]
    for segment in reversed(segments):
        fewest, most = out[-1]
        out.append((fewest + _fewest(segment), most + len(segment)))
    out.reverse()
    return out


def _fewest(text: str) -> int:
    """The fewest counts ``text`` cuts into (each digit alone is a count, so it always cuts)."""
    return _least(text)[0]


@functools.lru_cache(maxsize=256)
def _least(text: str) -> tuple[int, ...]:
    """For each ``p``, the fewest counts ``text[p:]`` cuts into; it cuts into every number of
    counts from that to its length (see :func:`_bounds`)."""
    best = [len(text) - p for p in range(len(text) + 1)]
    for start in range(len(text) - 1, -1, -1):
        for end in range(start + 1, min(len(text), start + MAX_COUNT_DIGITS) + 1):
            if best[end] + 1 < best[start] and _COUNT.fullmatch(text, start, end):
                best[start] = best[end] + 1
    return tuple(best)


def _cut_one(text: str, most: int, spend: Spend = _free, fewest: int = 0
             ) -> Iterator[tuple[str, ...]]:
    """Every cut of one digit segment into at most ``most`` counts and at least ``fewest`` (no
    number starts with 0 unless it is 0); a branch that cannot end in such a cut is not
    entered (a long run has very many cuts, and very many more dead branches)."""
    if not text:
        if fewest <= 0:
            yield ()
        return
    least = _least(text)
    if least[0] <= most and fewest <= len(text):
        yield from _cut_at(text, 0, most, fewest, least, spend)


def _cut_at(text: str, start: int, most: int, fewest: int, least: Sequence[int],
            spend: Spend) -> Iterator[tuple[str, ...]]:
    """:func:`_cut_one` of ``text[start:]``, entering only pieces after which the rest can be
    cut into the counts left (``least``: the fewest per position; the most is its length)."""
    spend()
    if start == len(text):
        yield ()
        return
    for end in range(start + 1, min(len(text), start + MAX_COUNT_DIGITS) + 1):
        if (least[end] < most and len(text) - end >= fewest - 1
                and _COUNT.fullmatch(text, start, end)):
            for tail in _cut_at(text, end, most - 1, fewest - 1, least, spend):
                yield (text[start:end], *tail)
