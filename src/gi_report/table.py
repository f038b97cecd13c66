"""A fixed table of the form as the document states it: one immutable value per cell.

A :class:`Table` is generic: its shape (rows, columns, kinds of value) comes from its
:class:`~gi_report.form.TableSpec`, so one class serves every table of every template version.
A blank cell is ``None``, never ``0``; derived values (totals, subtotals) are computed on demand
and never stored. A table is a read-only mapping of its rows: ``table["granted"]["total"]``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence, ValuesView
from decimal import Decimal
from html import escape
from itertools import chain
from operator import itemgetter
from types import MappingProxyType
from typing import Any, TypeAlias, overload

import attrs

from gi_report.errors import CellError
from gi_report.exact import add
from gi_report.form.spec import CellKind, ColumnTotal, RowSpec, RowTotal, TableSpec
from gi_report.numbers import MAX_SAFE_INTEGER, MAX_TEXT_CHARS, is_safe_integer

CellValue: TypeAlias = int | Decimal | str | None
Number: TypeAlias = int | Decimal

_EXPECTED = {
    CellKind.COUNT: "a whole number >= 0, or null for a blank cell",
    CellKind.SIGNED_COUNT: "a whole number (may be negative), or null for a blank cell",
    CellKind.AMOUNT: "a finite decimal >= 0 (decimal.Decimal), or null for a blank cell",
    CellKind.TEXT: f"a text of at most {MAX_TEXT_CHARS:,} characters (no lone surrogates), or "
    "null for a blank cell",
}


_HTML: dict[type, Callable[[Any], str]] = {}


def register_html(cls: type, render: Callable[[Any], str]) -> None:
    """Say how values of ``cls`` draw themselves in notebooks (``_repr_html_``). The package
    registers its HTML renderer at import: the renderers sit above the model and the model may
    not import them (docs/architecture.md)."""
    _HTML[cls] = render


def html_of(value: object) -> str:
    """``value`` as HTML by its registered renderer; its escaped ``repr`` if there is none."""
    render = _HTML.get(type(value))
    return render(value) if render is not None else f"<pre>{escape(repr(value))}</pre>"


def expected_for(kind: CellKind) -> str:
    """What a cell of this kind accepts, in words, for error messages."""
    return _EXPECTED[kind]


def value_fits(kind: CellKind, value: object) -> bool:
    """Whether ``value`` is something a cell of ``kind`` may hold (``None`` always may)."""
    if value is None:
        return True
    if kind is CellKind.COUNT:
        return type(value) is int and 0 <= value <= MAX_SAFE_INTEGER
    if kind is CellKind.SIGNED_COUNT:
        return type(value) is int and is_safe_integer(value)
    if kind is CellKind.AMOUNT:
        return isinstance(value, Decimal) and value.is_finite() and not value.is_signed()
    return isinstance(value, str) and len(value) <= MAX_TEXT_CHARS and not (
        not value.isascii() and any(0xD800 <= ord(ch) <= 0xDFFF for ch in value)
    )


class RowValues(tuple[tuple[CellValue, ...], ...]):
    """``table.values``: the stated values row by row, in the form's order (a tuple of tuples).

    Calling it, ``table.values()``, gives the mapping's view of the rows (each a mapping column ->
    value), so that a :class:`Table` keeps the whole read-only ``Mapping`` protocol.
    """

    _table: Table

    def __call__(self) -> ValuesView[Mapping[str, CellValue]]:
        return ValuesView(self._table)


def _picker(indexes: Sequence[int]) -> Callable[[Sequence[CellValue]], tuple[CellValue, ...]]:
    """A function taking the values at ``indexes`` of a sequence, always as a tuple."""
    if len(indexes) > 1:
        return itemgetter(*indexes)
    if len(indexes) == 1:
        index = indexes[0]
        return lambda values: (values[index],)
    return lambda values: ()


_INT_OR_NONE = frozenset({int, type(None)})


def _ints_within(values: tuple[CellValue, ...], low: int) -> bool:
    """Whether every value is ``None`` or a whole number (never a bool) from ``low`` to
    :data:`MAX_SAFE_INTEGER`: type and range tested over the whole tuple at C speed."""
    if not set(map(type, values)) <= _INT_OR_NONE:
        return False
    stated: tuple[int, ...] = tuple(filter(None, values))  # type: ignore[arg-type]
    return not stated or (min(stated) >= low and max(stated) <= MAX_SAFE_INTEGER)


@attrs.frozen
class _Layout:
    """Where a table's cells of each kind sit in its values flattened row by row, worked out
    once per layout, so that a table's values are checked in a few calls, not cell by cell."""

    lengths: tuple[int, ...]
    counts: Callable[[Sequence[CellValue]], tuple[CellValue, ...]] | None  #: None: every cell
    signed: Callable[[Sequence[CellValue]], tuple[CellValue, ...]]
    others: tuple[tuple[int, CellKind], ...]

    @classmethod
    def of(cls, spec: TableSpec) -> _Layout:
        by_kind: dict[CellKind, list[int]] = {kind: [] for kind in CellKind}
        for index, (_, column) in enumerate(spec.cells()):
            by_kind[column.kind].append(index)
        others = sorted((i, k) for k in (CellKind.AMOUNT, CellKind.TEXT) for i in by_kind[k])
        counts = by_kind[CellKind.COUNT]
        return cls(tuple(len(r.columns) for r in spec.rows),
                   None if len(counts) == spec.cell_count else _picker(counts),
                   _picker(by_kind[CellKind.SIGNED_COUNT]), tuple(others))

    def fits(self, values: object) -> bool:
        """Whether ``values`` has the layout's shape and every cell a value its kind allows
        (``False`` also when unsure: the caller then looks cell by cell)."""
        if type(values) is not tuple or set(map(type, values)) != {tuple}:
            return False
        if tuple(map(len, values)) != self.lengths:
            return False
        flat = tuple(chain.from_iterable(values))
        if self.counts is None:  # a table of counts only (most are)
            return _ints_within(flat, 0)
        return (_ints_within(self.counts(flat), 0)
                and _ints_within(self.signed(flat), -MAX_SAFE_INTEGER)
                and all(value_fits(kind, flat[i]) for i, kind in self.others))


_LAYOUTS: dict[TableSpec, _Layout] = {}


def _layout(spec: TableSpec) -> _Layout:
    layout = _LAYOUTS.get(spec)
    if layout is None:
        layout = _LAYOUTS.setdefault(spec, _Layout.of(spec))
    return layout


def _check_values(
    instance: Table, attribute: attrs.Attribute[Any], values: tuple[tuple[CellValue, ...], ...]
) -> None:
    spec = instance.spec
    if _layout(spec).fits(values):
        return
    # Something is wrong (or unusual): look cell by cell, to say which cell and why.
    if type(values) is not tuple or len(values) != len(spec.rows):
        raise CellError(f"/{spec.id}", f"{len(spec.rows)} rows", values)
    for row, row_values in zip(spec.rows, values, strict=True):
        if type(row_values) is not tuple or len(row_values) != len(row.columns):
            raise CellError(f"/{spec.id}/{row.id}", f"{len(row.columns)} cells", row_values)
        for column_id, value in zip(row.columns, row_values, strict=True):
            if value is None:
                continue
            kind = spec.column(column_id).kind
            if not value_fits(kind, value):
                raise CellError(f"/{spec.id}/{row.id}/{column_id}", expected_for(kind), value)


@attrs.frozen(kw_only=True, repr=False)
class Table(Mapping[str, Mapping[str, CellValue]]):
    """The stated values of one fixed table, in the form's row and column order.

    A read-only mapping of rows: ``table["granted"]`` is the row as a mapping column -> value,
    ``len(table)`` the number of rows, ``list(table)`` the row ids in the form's order. Read a cell
    with ``table["granted", "natural_person"]`` or :meth:`cell`. Build one with :meth:`blank`,
    :meth:`from_mapping` or the ``with_*`` methods. Equal only to a table of the same layout with
    the same values (never to a dict).
    """

    spec: TableSpec = attrs.field(repr=False)
    _values: tuple[tuple[CellValue, ...], ...] = attrs.field(
        alias="values", validator=_check_values
    )

    @property
    def values(self) -> RowValues:  # callable too: Mapping.values()
        """The stated values row by row (a tuple of tuples); ``values()`` is the rows' view."""
        rows = RowValues(self._values)
        rows._table = self
        return rows

    # --- construction ---------------------------------------------------------------------------

    @classmethod
    def blank(cls, spec: TableSpec) -> Table:
        """A table with every cell blank (``None``)."""
        return cls(spec=spec, values=tuple((None,) * len(r.columns) for r in spec.rows))

    @classmethod
    def from_mapping(cls, spec: TableSpec, cells: Mapping[str, Mapping[str, CellValue]]) -> Table:
        """A table from ``{row_id: {column_id: value}}`` naming every cell of the form.

        A missing or unknown row or cell raises :class:`~gi_report.errors.CellError`: a cell that
        is blank must be given as ``None``, so that nothing is left out by accident.
        """
        unknown_rows = set(cells) - {r.id for r in spec.rows}
        if unknown_rows:
            raise CellError(
                f"/{spec.id}/{sorted(unknown_rows)[0]}", "a row id of the form", "unknown row"
            )
        rows: list[tuple[CellValue, ...]] = []
        for row in spec.rows:
            if row.id not in cells:
                raise CellError(f"/{spec.id}/{row.id}", "the row (every row is required)", None)
            given = cells[row.id]
            unknown = set(given) - set(row.columns)
            if unknown:
                raise CellError(
                    f"/{spec.id}/{row.id}/{sorted(unknown)[0]}",
                    f"one of the columns {', '.join(row.columns)}",
                    "unknown column",
                )
            missing = [c for c in row.columns if c not in given]
            if missing:
                raise CellError(
                    f"/{spec.id}/{row.id}/{missing[0]}", "the cell (null for a blank)", None
                )
            rows.append(tuple(given[c] for c in row.columns))
        return cls(spec=spec, values=tuple(rows))

    @classmethod
    def of_rows(cls, spec: TableSpec, values: tuple[tuple[CellValue, ...], ...]) -> Table:
        """A table from its values row by row, as :attr:`values` holds them, checked once by
        the layout's few calls over the whole table (the readers' fast paths: no second check).
        Values that do not fit go to the constructor, which raises its located CellError."""
        if not _layout(spec).fits(values):
            return cls(spec=spec, values=values)
        table = object.__new__(cls)
        object.__setattr__(table, "spec", spec)
        object.__setattr__(table, "_values", values)
        return table

    def with_cell(self, row_id: str, column_id: str, value: CellValue) -> Table:
        """A copy with one cell changed."""
        index = self._index(row_id, column_id)
        return self._replace_row(index[0], lambda vs: _put(vs, index[1], value))

    def with_row(self, row_id: str, values: Sequence[CellValue] | Mapping[str, CellValue]) -> Table:
        """A copy with a whole row replaced.

        ``values`` is either a sequence with one value per column of the row, in the form's order
        (section 三: the six applicant columns, then ``total``), or a mapping of some of its cells.
        """
        row = self._row_spec(row_id)
        if isinstance(values, Mapping):
            current = dict(zip(row.columns, self._values[self._row_index(row_id)], strict=True))
            unknown = set(values) - set(row.columns)
            if unknown:
                raise CellError(
                    f"/{self.spec.id}/{row_id}/{sorted(unknown)[0]}",
                    f"one of the columns {', '.join(row.columns)}",
                    "unknown column",
                )
            current.update(values)
            new = tuple(current[c] for c in row.columns)
        else:
            new = tuple(values)
            if len(new) != len(row.columns):
                raise CellError(
                    f"/{self.spec.id}/{row_id}",
                    f"{len(row.columns)} values ({', '.join(row.columns)})",
                    list(new),
                )
        return self._replace_row(self._row_index(row_id), lambda _: new)

    # --- reading --------------------------------------------------------------------------------

    @overload
    def __getitem__(self, key: str) -> Mapping[str, CellValue]: ...

    @overload
    def __getitem__(self, key: tuple[str, str]) -> CellValue: ...

    def __getitem__(self, key: str | tuple[str, str]) -> Mapping[str, CellValue] | CellValue:
        """``table[row_id]``: a read-only row mapping; ``table[row_id, column_id]``: one cell."""
        if isinstance(key, str):
            return MappingProxyType(self.row(key))
        if not (isinstance(key, tuple) and len(key) == 2):
            raise KeyError(f"{self.spec.id}: expected a row id or (row id, column id), got {key!r}")
        row_index, column_index = self._index(*key)
        return self._values[row_index][column_index]

    def __repr__(self) -> str:
        return f"Table(id={self.spec.id!r}, values={self._values!r})"

    def __iter__(self) -> Iterator[str]:
        return (row.id for row in self.spec.rows)

    def __len__(self) -> int:
        return len(self.spec.rows)

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and key in self.spec.row_ids

    def cell(self, row_id: str, column_id: str) -> CellValue:
        """The stated value of one cell (``None`` if blank); ``KeyError`` if the form has none."""
        return self[row_id, column_id]

    def _repr_html_(self) -> str:
        """The table as the template prints it, for notebooks (Jupyter calls this)."""
        return html_of(self)

    def row(self, row_id: str) -> dict[str, CellValue]:
        """One row as ``{column_id: value}``, in the form's column order."""
        row = self._row_spec(row_id)
        return dict(zip(row.columns, self._values[self._row_index(row_id)], strict=True))

    def cells(self) -> Iterator[tuple[str, str, CellValue]]:
        """Every cell as ``(row_id, column_id, value)``, row by row in the form's order."""
        for row, row_values in zip(self.spec.rows, self._values, strict=True):
            for column_id, value in zip(row.columns, row_values, strict=True):
                yield row.id, column_id, value

    def to_mapping(self) -> dict[str, dict[str, CellValue]]:
        """The table as ``{row_id: {column_id: value}}`` in the form's order."""
        return {
            row.id: dict(zip(row.columns, row_values, strict=True))
            for row, row_values in zip(self.spec.rows, self._values, strict=True)
        }

    def blank_cells(self) -> list[tuple[str, str]]:
        """The ``(row_id, column_id)`` of every blank cell."""
        return [(r, c) for r, c, v in self.cells() if v is None]

    @property
    def is_blank(self) -> bool:
        """Whether every cell of the table is blank."""
        return all(v is None for row in self._values for v in row)

    # --- derived values -------------------------------------------------------------------------

    def sum_cells(
        self, cells: Iterable[tuple[str, str]], *, blank_as_zero: bool = False
    ) -> Number | None:
        """The sum of the given cells; ``None`` if one is blank, unless ``blank_as_zero``."""
        total: Number = 0
        for row_id, column_id in cells:
            value = self[row_id, column_id]
            if value is None:
                if blank_as_zero:
                    continue
                return None
            if isinstance(value, str):
                raise CellError(
                    f"/{self.spec.id}/{row_id}/{column_id}", "a number to add up", value
                )
            total = add(total, value)  # exact: amounts are never rounded
        return total

    def computed(
        self, row_id: str, column_id: str, *, blank_as_zero: bool = False
    ) -> Number | None:
        """The value of a total cell computed from its parts, as the form defines it.

        E.g. ``applications.computed("granted", "total")`` is the sum of the six applicant
        columns of 予以公开, and ``computed("results_total", "natural_person")`` the sum of the
        outcome rows for natural persons. ``KeyError`` if the cell is not a total of the form.
        """
        for decl in self.spec.declarations:
            if (
                isinstance(decl, ColumnTotal)
                and decl.total == column_id
                and (decl.rows is None or row_id in decl.rows)
            ):
                return self.sum_cells(
                    ((row_id, c) for c in decl.parts), blank_as_zero=blank_as_zero
                )
            if isinstance(decl, RowTotal) and decl.total == row_id:
                return self.sum_cells(
                    ((r, column_id) for r in decl.parts), blank_as_zero=blank_as_zero
                )
        raise KeyError(f"{self.spec.id}.{row_id}.{column_id} is not a total of the form")

    def subtotal(
        self, group_id: str, column_id: str, *, blank_as_zero: bool = False
    ) -> Number | None:
        """The sum of the rows of one group in one column (e.g. the ``denied`` group of section 三).

        The form prints no subtotal rows: this is derived, never stored.
        """
        self.spec.group(group_id)  # KeyError for an unknown group
        rows = [r for r in self.spec.rows_in_group(group_id) if r.id not in _total_rows(self.spec)]
        return self.sum_cells(((r.id, column_id) for r in rows), blank_as_zero=blank_as_zero)

    # --- internals ------------------------------------------------------------------------------

    def _row_spec(self, row_id: str) -> RowSpec:
        try:
            return self.spec.row(row_id)
        except KeyError:
            raise KeyError(f"{self.spec.id} has no row {row_id!r}") from None

    def _row_index(self, row_id: str) -> int:
        return self.spec.row_position(row_id)

    def _index(self, row_id: str, column_id: str) -> tuple[int, int]:
        row = self._row_spec(row_id)
        try:
            column_index = row.columns.index(column_id)
        except ValueError:
            raise KeyError(f"{self.spec.id}.{row_id} has no column {column_id!r}") from None
        return self._row_index(row_id), column_index

    def _replace_row(self, index: int, change: Any) -> Table:
        rows = list(self._values)
        rows[index] = change(rows[index])
        return Table(spec=self.spec, values=tuple(rows))


def _put(values: tuple[CellValue, ...], index: int, value: CellValue) -> tuple[CellValue, ...]:
    return (*values[:index], value, *values[index + 1 :])


def _total_rows(spec: TableSpec) -> set[str]:
    return {d.total for d in spec.declarations if isinstance(d, RowTotal)}
