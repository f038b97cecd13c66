"""The column order a header prints when its merged cells' spans are lost (text dumps).

A text dump prints a header's cells row by row with no spans (the applicants' header / total,
natural persons, the organisations' group / its five columns). The grid columns of such a header do
not stand over the values, but the order of its labels still says which value is which: each group
cell (the organisations' group) stands for its own columns, printed in the next row in order.
:func:`leaf_orders` lists every order of a row's columns that the printed labels allow; one order
settles the row, several leave the columns whose position differs between them undetermined. Every
label comes from the form (the header cells a :class:`~gi_report.importers.rows.Header`
recognised).
"""

from __future__ import annotations

import functools
import itertools
from collections import Counter
from collections.abc import Iterator, Sequence
from typing import TypeVar

from gi_report.form.spec import ColumnSpec, TableSpec

T = TypeVar("T")

Token = tuple[int, ColumnSpec | str]
"""A recognised header cell: its header row, and the column it names or the header word."""

Path = tuple[str, ...]
"""A header node: the header words above it, outermost first (a column ends with its id)."""

MAX_ORDERS = 64
"""More orders than this are not enumerated: the header settles nothing."""


def leaf_orders(spec: TableSpec, tokens: Sequence[Token], columns: Sequence[str]
                ) -> list[tuple[str, ...]] | None:
    """Every order of ``columns`` the printed header allows (see :func:`_leaf_orders`)."""
    found = _leaf_orders(spec, tuple(tokens), tuple(columns))
    return None if found is None else list(found)


@functools.lru_cache(maxsize=1024)
def _leaf_orders(spec: TableSpec, tokens: tuple[Token, ...], columns: tuple[str, ...]
                 ) -> tuple[tuple[str, ...], ...] | None:
    """Every order of ``columns`` the printed header allows.

    ``None``: the header does not say the columns stand in another order than the form's (it
    names fewer than two of them, or names some of them in the form's order). ``[]``: it names
    them in another order that cannot be established (a column missing, or labels that fit no
    header of these columns).
    """
    wanted = set(columns)
    leaves = [t for _, t in tokens if isinstance(t, ColumnSpec) and t.id in wanted]
    if len({c.id for c in leaves}) < 2:
        return None
    counts = Counter(c.id for c in leaves)
    if counts == Counter(columns):
        return tuple(_orders(spec, tokens, wanted))
    rank = {c: i for i, c in enumerate(columns)}
    if max(counts.values()) > 1:  # one header over several tables (section 四): as first named
        first = list(counts)
        return None if first == sorted(first, key=rank.__getitem__) else ()
    # some columns not named: the others must stand in the form's order
    named = _orders(spec, tokens, set(counts))
    return None if named == [tuple(sorted(counts, key=rank.__getitem__))] else ()


def _group_paths(spec: TableSpec, wanted: set[str]) -> dict[str, Path]:
    """Each header word above ``wanted`` columns → its path (the words down to it)."""
    out: dict[str, Path] = {}
    for column_id in wanted:
        path = spec.column(column_id).header_path
        for i, word in enumerate(path):
            out.setdefault(word, path[: i + 1])
    return out


def _orders(spec: TableSpec, tokens: Sequence[Token], wanted: set[str]
            ) -> list[tuple[str, ...]]:
    items = _items(spec, tokens, wanted)
    printed = {path for _, path in items if path[-1] not in wanted}
    children = _children(items, printed)
    if not _flat_where_unprinted(children, wanted):
        return []
    occurrences = Counter(path for _, path in items if path in printed)
    keys = sorted(occurrences)
    choices: list[list[list[list[Path]]]] = []
    for key in keys:
        parts = list(_compositions([p for _, p in children.get(key, [])], occurrences[key]))
        if not parts:
            return []
        choices.append(parts)
    orders: list[tuple[str, ...]] = []
    top = [path for _, path in children.get((), [])]
    for combo in itertools.product(*choices):
        assigned = {key: [list(part) for part in parts]
                    for key, parts in zip(keys, combo, strict=True)}
        order = tuple(_expand(top, assigned))
        if order not in orders:
            orders.append(order)
        if len(orders) > MAX_ORDERS:
            return []
    return orders


def _items(spec: TableSpec, tokens: Sequence[Token], wanted: set[str]
           ) -> list[tuple[int, Path]]:
    """The header cells that name ``wanted`` columns or a header word above them, as nodes, in
    printed order with their header row."""
    groups = _group_paths(spec, wanted)
    items: list[tuple[int, Path]] = []
    for row, t in tokens:
        if isinstance(t, ColumnSpec):
            if t.id in wanted:
                items.append((row, (*t.header_path, t.id)))
        elif t in groups:
            items.append((row, groups[t]))
    return items


def _children(items: list[tuple[int, Path]], printed: set[Path]
              ) -> dict[Path, list[tuple[int, Path]]]:
    """Each printed group (``()``: the top) → the nodes it stands over, in printed order."""
    def parent(path: Path) -> Path:
        return next((path[:i] for i in range(len(path) - 1, 0, -1) if path[:i] in printed), ())

    children: dict[Path, list[tuple[int, Path]]] = {}
    for row, path in items:
        children.setdefault(parent(path), []).append((row, path))
    return children


def _flat_where_unprinted(children: dict[Path, list[tuple[int, Path]]], wanted: set[str]
                          ) -> bool:
    """Columns of different depths under one printed parent must be printed in one row.

    When a group cell is not printed, its columns cannot be told from their neighbours unless
    they all stand in one row (a flat header: natural persons, each organisation column, … total).
    """
    for kids in children.values():
        leaves = [(row, path) for row, path in kids if path[-1] in wanted]
        if len({len(path) for _, path in leaves}) > 1 and len({row for row, _ in leaves}) > 1:
            return False
    return True


def _compositions(kids: list[Path], n: int) -> Iterator[list[list[Path]]]:
    """``kids`` cut into ``n`` non-empty runs, in order (one per printed group cell)."""
    if n > len(kids):
        return
    for cuts in itertools.combinations(range(1, len(kids)), n - 1):
        bounds = (0, *cuts, len(kids))
        yield [kids[a:b] for a, b in itertools.pairwise(bounds)]


def _expand(nodes: list[Path], assigned: dict[Path, list[list[Path]]]) -> Iterator[str]:
    for path in nodes:
        if path in assigned:
            yield from _expand(assigned[path].pop(0), assigned)
        else:
            yield path[-1]


def settled(orders: Sequence[tuple[T, ...]]) -> dict[int, T]:
    """The positions every order puts the same column at (position → column id)."""
    if not orders:
        return {}
    return {i: c for i, c in enumerate(orders[0]) if all(o[i] == c for o in orders[1:])}
