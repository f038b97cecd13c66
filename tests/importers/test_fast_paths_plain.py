"""The text path's plain-text fast paths give exactly what the plain algorithms they replace give.

The loose heading match takes the edit distance of every prefix of the printed title from one
table (:func:`~gi_report.importers.normalize.prefix_distances`), the binary test counts control
bytes with one ``bytes.translate`` and the trailing-links peel tests all its tokens with one
``endswith``; the row-boundary search sums a relation's sides in one loop each, checks them by
cell position and works out the pieces ending at a position once: each is compared here with
the plain way, on generated inputs (the boundary search also for the steps it spends).
"""

from __future__ import annotations

import itertools
import random
import re
from collections.abc import Sequence
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from gi_report.form import TEMPLATES
from gi_report.importers import encoding, furniture, rowcut
from gi_report.importers.normalize import edit_distance, prefix_distances

_LETTERS = st.text(alphabet="abcde", max_size=16)


@given(_LETTERS, _LETTERS, st.integers(min_value=0, max_value=6))
def test_prefix_distances_are_each_prefix_edit_distance(printed: str, target: str,
                                                        limit: int) -> None:
    """Within ``limit`` the distance of each prefix is the same number; over it, both say so."""
    distances = prefix_distances(printed, target, limit)
    assert len(distances) == len(printed) + 1
    for n, found in enumerate(distances):
        plain = edit_distance(printed[:n], target, limit)
        assert (found <= limit) == (plain <= limit)
        if plain <= limit:
            assert found == plain


def _plain_looks_binary(data: bytes) -> bool:
    sample = data[:8192]
    if b"\x00" in sample:
        return True
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13, 27))
    return controls > max(8, len(sample) // 100)


@given(st.binary(max_size=9000) | st.lists(
    st.sampled_from([b"\x01", b"\t", b"\n", b"\x1b", b"\x7f", b"a", "字".encode()]),
    max_size=3000).map(b"".join))
def test_binary_test_counts_control_bytes_as_before(data: bytes) -> None:
    assert encoding._looks_binary(data) == _plain_looks_binary(data)


def _plain_trailing_start(text: str) -> int | None:
    end = len(text)
    while end and text[end - 1].isspace():
        end -= 1
    start = None
    while True:
        token = next((t for t in furniture._TRAILING_TOKENS if text.endswith(t, 0, end)), None)
        if token is None:
            return start
        end -= len(token)
        while end and text[end - 1].isspace():
            end -= 1
        start = end


@given(st.lists(st.sampled_from([*furniture._TRAILING_TOKENS, " ", "\u3000", "\n", "正文",
                                 "页", "】"]), max_size=12).map("".join))
def test_trailing_links_peeled_as_before(text: str) -> None:
    assert furniture._trailing_start(text) == _plain_trailing_start(text)


def _plain_holds(rel: tuple[tuple[tuple[str, str], ...], ...],
                 known: dict[tuple[str, str], int]) -> bool:
    sides = []
    for side in rel:
        values = [known.get(c) for c in side]
        sides.append((sum(v for v in values if v is not None), None in values))
    (left, left_open), (right, right_open) = sides
    if not left_open and not right_open:
        return left == right
    if not left_open:
        return right <= left
    if not right_open:
        return left <= right
    return True


_CELLS = st.sampled_from([("r1", "a"), ("r1", "b"), ("r1", "total"), ("r2", "a"), ("r2", "b")])


@given(st.tuples(st.lists(_CELLS, max_size=4).map(tuple), st.lists(_CELLS, max_size=4).map(tuple)),
       st.dictionaries(_CELLS, st.integers(min_value=0, max_value=999)))
def test_row_boundary_relation_check_as_before(
        rel: tuple[tuple[tuple[str, str], ...], tuple[tuple[str, str], ...]],
        known: dict[tuple[str, str], int]) -> None:
    """The boundary search's relation test (one loop per side) answers as the plain sums did."""
    assert rowcut._holds(rel, known) == _plain_holds(rel, known)


class _PlainStarts:
    """The row-boundary search as first written: each piece sliced and matched at each step."""

    def __init__(self, digits: str, hard: frozenset[int], cells: Sequence[tuple[str, str]],
                 relations: Sequence[Any], steps: list[int]) -> None:
        self.digits, self.hard, self.cells, self.steps = digits, hard, cells, steps
        self.touching = [[r for r in relations if c in r[0] or c in r[1]] for c in cells]
        self.known: dict[tuple[str, str], int] = {}
        self.found: set[int] = set()

    def starts(self, end: int) -> set[int]:
        self.found = set()
        self.cut(len(self.cells) - 1, end)
        return self.found

    def cut(self, i: int, end: int) -> None:
        if i < 0:
            self.found.add(end)
            return
        for start in range(end - 1, max(-1, end - rowcut.LONGEST - 1), -1):
            self.steps[0] -= 1
            if self.steps[0] < 0:
                raise rowcut._Bound
            if start + 1 < end and start + 1 in self.hard:
                break
            piece = self.digits[start:end]
            if re.fullmatch(r"0|[1-9][0-9]*", piece):
                self.known[self.cells[i]] = int(piece)
                if all(_plain_holds(rel, self.known) for rel in self.touching[i]):
                    self.cut(i - 1, start)
                del self.known[self.cells[i]]


_REVIEW = TEMPLATES.newest.table("review_litigation")
_REVIEW_RELATIONS = [(tuple((c.row, c.column) for c in r.left),
                      tuple((c.row, c.column) for c in r.right)) for r in _REVIEW.relations]


def _search(starter: Any, digits: str) -> tuple[list[set[int]] | str, int]:
    """Every end's starts (or the bound reached), and the steps left. A cell twice in a row
    (no importer builds one) fails with the same ``KeyError`` both ways."""
    try:
        return [starter.starts(end) for end in range(len(digits), 0, -1)], starter.steps[0]
    except rowcut._Bound:
        return "bound", starter.steps[0]
    except KeyError:
        return "KeyError", starter.steps[0]


@given(st.text(alphabet="0123456789", min_size=1, max_size=24),
       st.sets(st.integers(min_value=1, max_value=23), max_size=4).map(frozenset),
       st.sampled_from([r.id for r in _REVIEW.rows]), st.integers(min_value=5, max_value=3000),
       st.booleans(), st.randoms(use_true_random=False))
def test_row_boundary_search_as_before(digits: str, hard: frozenset[int], row: str,
                                       budget: int, twice: bool, order: random.Random) -> None:
    """The same starts for every end and the same steps spent (the bound is met on the same
    step), with the pieces worked out once per end and the relations checked by position (by
    the values known when a cell is there twice)."""
    cells = [(row, c) for c in _REVIEW.row(row).columns]
    order.shuffle(cells)  # the total first, last or between: each side open in turn
    cells += cells[:1] if twice else []
    fast = rowcut._Starts(digits, hard, cells, _REVIEW_RELATIONS, [budget], {})
    plain = _PlainStarts(digits, hard, cells, _REVIEW_RELATIONS, [budget])
    assert _search(fast, digits) == _search(plain, digits)


def test_row_boundary_search_as_before_on_rows_of_zeros_and_totals() -> None:
    """Rows where a partial sum meets the total (zeros, a total equal to one cell), each cell
    order of a row reversed and rotated: the same starts and steps as the plain search."""
    texts = ("00000", "000000000", "50005", "05005", "500050000", "1001", "11002", "3003003",
             "123360000", "0000000000")
    for row in _REVIEW.rows:
        columns = [(row.id, c) for c in row.columns]
        orders = [columns, columns[::-1], *(columns[k:] + columns[:k] for k in range(1, 5))]
        for cells, digits in itertools.product(orders, texts):
            fast = rowcut._Starts(digits, frozenset(), cells, _REVIEW_RELATIONS, [10_000], {})
            plain = _PlainStarts(digits, frozenset(), cells, _REVIEW_RELATIONS, [10_000])
            assert _search(fast, digits) == _search(plain, digits), (cells, digits)
