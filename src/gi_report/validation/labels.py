"""Human-readable names of cells, rows and columns, taken from the form's official labels.

Messages name cells the way the printed form does: ``row·column``, or ``group·row·column`` for
a numbered row inside a group. Nothing here lists a label: every text comes from
:mod:`gi_report.form`; only the joining rules live here.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence

from gi_report.form import TABLE_IDS
from gi_report.form.spec import TableSpec
from gi_report.model import Report

SEPARATOR = "·"

_NOTE = re.compile(r"^(?P<head>.+?)（[^（）]*）$")
_SUB_ITEM = re.compile(r"^[0-9]+[.．]")
_NUMBERING = re.compile(r"^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|[0-9]+[.．])")


def without_note(label: str) -> str:
    """A label without a trailing explanatory note in full-width parentheses.

    ``<label>（<counting note>）`` → ``<label>``.
    """
    match = _NOTE.match(label)
    if match and not _NUMBERING.fullmatch(match.group("head")):
        return match.group("head")
    return label


def without_numbering(label: str) -> str:
    """A label without its item number, e.g. ``（三）<label>`` → ``<label>``."""
    return _NUMBERING.sub("", without_note(label), count=1)


def _row_label(spec: TableSpec, row_id: str) -> str:
    row = spec.row(row_id)
    label = without_note(row.label)
    if row.group is not None and _SUB_ITEM.match(label):
        return f"{spec.group(row.group).label}{SEPARATOR}{label}"
    return label


def _column_label(spec: TableSpec, column_id: str) -> str:
    column = spec.column(column_id)
    if len(column.header_path) >= 2:
        return f"{column.header_path[-1]}{SEPARATOR}{column.label}"
    return column.label


class _Labels:
    """Every label of one table layout, computed once per layout."""

    def __init__(self, spec: TableSpec) -> None:
        self.spec = spec
        self.rows = {r.id: _row_label(spec, r.id) for r in spec.rows}
        self.columns = {c.id: _column_label(spec, c.id) for c in spec.columns}
        self.cells = {
            (r.id, c): f"{self.rows[r.id]}{SEPARATOR}{self.columns[c]}"
            for r in spec.rows for c in r.columns
        }
        # The label of the first group (not the top one) whose rows are these, in order.
        self.groups: dict[tuple[str, ...], str] = {}
        for group in spec.groups:
            if group.parent is not None:
                members = tuple(r.id for r in spec.rows_in_group(group.id))
                self.groups.setdefault(members, group.label)


@functools.cache
def _labels(spec: TableSpec) -> _Labels:
    return _Labels(spec)


def row_label(spec: TableSpec, row_id: str) -> str:
    """A row as the form names it; a numbered sub-item (``1.…``) is prefixed with its group."""
    return _labels(spec).rows[row_id]


def column_label(spec: TableSpec, column_id: str) -> str:
    """A column as the form heads it; a column under a sub-header is prefixed with it."""
    return _labels(spec).columns[column_id]


def cell_label(spec: TableSpec, row_id: str, column_id: str) -> str:
    """A cell as ``row·column``, each the form's label."""
    return _labels(spec).cells[(row_id, column_id)]


def pointer_label(report: Report, pointer: str) -> str:
    """The label of the table cell or section-六 fee field at ``pointer`` (else the pointer)."""
    parts = pointer.strip("/").split("/")
    if len(parts) == 3 and parts[0] in TABLE_IDS:
        spec = report.table(parts[0]).spec
        if spec.has_cell(parts[1], parts[2]):
            return cell_label(spec, parts[1], parts[2])
    if len(parts) == 2 and parts[0] == "other_matters":
        for field in report.template_spec.fee_fields:
            if field.id == parts[1]:
                return field.label
    return pointer


def listed(labels: Sequence[str], *, limit: int = 3, lang: str = "zh") -> str:
    """Labels joined with 、 (or ", "), cut after ``limit`` with a count of the rest."""
    if lang == "en":
        head = ", ".join(labels[:limit])
        return head if len(labels) <= limit else f"{head} and {len(labels) - limit} more"
    if len(labels) <= limit:
        return "、".join(labels)
    return "、".join(labels[:limit]) + f" 等 {len(labels)} 项"


def listed_pointers(report: Report, pointers: Sequence[str], *, limit: int = 3) -> str:
    """``listed`` of the pointers' labels: only the ``limit`` shown are looked up, the rest
    counted (a blank group total can stand for dozens of blank cells)."""
    shown = [pointer_label(report, p) for p in pointers[:limit]]
    return listed([*shown, *pointers[limit:]], limit=limit)


def refs_label(spec: TableSpec, refs: list[tuple[str, str]]) -> str:
    """A sum of cells named as compactly as the form allows.

    The cells of every row of one group in one column read ``<group>·<column>``; other sums
    are written out with ``+``.
    """
    columns = {c for _, c in refs}
    if len(refs) > 1 and len(columns) == 1:
        (column,) = columns
        group = _labels(spec).groups.get(tuple(r for r, _ in refs))
        if group is not None:
            return f"{group}{SEPARATOR}{column_label(spec, column)}"
    return " + ".join(cell_label(spec, r, c) for r, c in refs)
