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
    if not segments:
        if pieces == 0:
            yield ()
        return
    for head in _cut_one(segments[0], pieces):
        for tail in _cuts(segments[1:], pieces - len(head)):
            yield head + tail


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
