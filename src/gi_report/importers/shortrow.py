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

import re
from collections.abc import Iterator, Sequence
from itertools import combinations

from gi_report.numbers import MAX_COUNT_DIGITS

MAX_LACKING = 2
"""Most cells a run may lack for its readings to be searched."""

_COUNT = re.compile(rf"0|[1-9][0-9]{{0,{MAX_COUNT_DIGITS - 1}}}")


def eligible(segments: Sequence[str], cells: int) -> bool:
    """Whether digit ``segments`` (counts only) are a run lacking one or two of ``cells``."""
    digits = sum(len(s) for s in segments)
    return (all(s.isdigit() for s in segments) and len(segments) < cells
            and cells - MAX_LACKING <= digits < cells)


def readings(segments: Sequence[str], cells: int) -> Iterator[tuple[int | None, ...]]:
    """Every reading of ``segments`` over ``cells`` cells, lacking one or more (``None``).

    A run is eligible when it lacks one or two cells if every cell holds one digit, but a row
    lacking more cells, one of them holding a longer number, prints the same digits: those
    readings are searched too, or the cells they would change could be read wrong."""
    digits = sum(len(s) for s in segments)
    for count in range(1, min(digits, cells - 1) + 1):
        for cut in _cuts(segments, count):
            values = [int(piece) for piece in cut]
            for holes in combinations(range(cells), cells - count):
                pieces = iter(values)
                yield tuple(None if i in holes else next(pieces) for i in range(cells))


def _cuts(segments: Sequence[str], pieces: int) -> Iterator[tuple[str, ...]]:
    """Every way to cut ``segments`` into ``pieces`` counts (each segment cut on its own)."""
    return _cuts_from(segments, 0, pieces, _bounds(segments))


def _cuts_from(segments: Sequence[str], first: int, pieces: int,
               bounds: Sequence[tuple[int, int]]) -> Iterator[tuple[str, ...]]:
    """:func:`_cuts` of ``segments[first:]``; a branch whose rest cannot be cut into the pieces
    left is not entered (``bounds``), so every branch yields: no search without a result,
    which a run of many segments would make exponential before a reading costs a step."""
    fewest, most = bounds[first]
    if not fewest <= pieces <= most:
        return
    if first == len(segments):
        yield ()
        return
    for head in _cut_one(segments[first], pieces - bounds[first + 1][0]):
        for tail in _cuts_from(segments, first + 1, pieces - len(head), bounds):
            yield head + tail


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
    best = [0] + [len(text)] * len(text)
    for end in range(1, len(text) + 1):
        for start in range(max(0, end - MAX_COUNT_DIGITS), end):
            if best[start] + 1 < best[end] and _COUNT.fullmatch(text, start, end):
                best[end] = best[start] + 1
    return best[len(text)]


def _cut_one(text: str, most: int) -> Iterator[tuple[str, ...]]:
    """Every cut of one digit segment into at most ``most`` counts (no number starts with 0
    unless it is 0); cuts into more are not made at all (a long run has very many)."""
    if not text:
        yield ()
        return
    if most <= 0 or len(text) > most * MAX_COUNT_DIGITS:
        return
    for end in range(1, min(len(text), MAX_COUNT_DIGITS) + 1):
        if _COUNT.fullmatch(text[:end]):
            for tail in _cut_one(text[end:], most - 1):
                yield (text[:end], *tail)
