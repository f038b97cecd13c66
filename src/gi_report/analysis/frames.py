"""Reports as pandas data frames (optional extra ``pandas``): tidy (long) or one row per report.

``to_frame(reports)`` gives one row per table cell of every report: the report's identity, the
cell's ids (the keys), its Chinese labels (taken from :mod:`gi_report.form`), its value and a
blank flag. Counts are a nullable integer column (``Int64``: a blank is ``<NA>``, never 0 and never
a float); amounts are exact ``decimal.Decimal`` objects in their own column, with their unit
(yuan or 10,000 yuan) beside them in ``unit``: the one the template prints
(:attr:`~gi_report.form.spec.ColumnSpec.unit`) or the one the report states in a text cell of the
row (:attr:`~gi_report.form.spec.ColumnSpec.unit_column`).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from gi_report.analysis._optional import require
from gi_report.analysis.harmonise import table_layout
from gi_report.errors import TemplateMismatchError
from gi_report.form import TABLE_IDS, TEMPLATES, get_template
from gi_report.form.spec import CellKind, TableSpec
from gi_report.model import Report

IDENTITY_COLUMNS: tuple[str, ...] = (
    "report", "agency", "level", "division_code", "year", "template", "source",
)
"""The columns that identify the report a row comes from (``report``: its position in the input)."""

LONG_COLUMNS: tuple[str, ...] = (
    *IDENTITY_COLUMNS,
    "layout", "section", "section_label", "table", "group", "group_label", "row", "row_label",
    "column", "column_label", "kind", "value", "amount", "unit", "text", "blank",
)
"""The columns of the long layout, in order."""

_NUMBER_KINDS = (CellKind.COUNT, CellKind.SIGNED_COUNT)


def _pandas() -> Any:
    return require("pandas", "pandas", "gi_report.analysis.to_frame")


def _identity(index: int, report: Report) -> tuple[Any, ...]:
    meta = report.metadata
    return (index, meta.agency, meta.agency_level, meta.division_code, meta.year,
            report.template, meta.source)


def _as_list(reports: Report | Iterable[Report]) -> Iterable[Report]:
    return [reports] if isinstance(reports, Report) else reports


def cell_label(spec: TableSpec, row_id: str, column_id: str) -> str:
    """A cell's Chinese label: ``row label｜column label`` (both the form's labels)."""
    return f"{spec.row(row_id).label}｜{spec.column(column_id).label}"


def to_frame(
    reports: Report | Iterable[Report],
    layout: str = "long",
    *,
    table: str | None = None,
    labels: bool = False,
) -> Any:
    """The reports' table cells as a :class:`pandas.DataFrame`.

    ``layout="long"``: one row per cell of every report (columns :data:`LONG_COLUMNS`);
    ``table`` keeps one table only. ``layout="wide"``: one row per report, one column per cell of
    ``table`` (``row.column``; with ``table=None``, every table as ``table.row.column``), named by
    the Chinese labels instead when ``labels=True``; every report must then share the table's
    layout (harmonise first), else :class:`~gi_report.errors.TemplateMismatchError`.
    """
    if layout == "long":
        return _long(_as_list(reports), table)
    if layout == "wide":
        return _wide(list(_as_list(reports)), table, labels)
    raise ValueError(f"layout must be 'long' or 'wide', got {layout!r}")


def _long(reports: Iterable[Report], only: str | None) -> Any:
    pd = _pandas()
    table_ids = TABLE_IDS if only is None else (only,)
    columns: dict[str, list[Any]] = {name: [] for name in LONG_COLUMNS}
    identity_names = IDENTITY_COLUMNS
    for index, report in enumerate(reports):
        ident = _identity(index, report)
        for table_id in table_ids:
            table = report.table(table_id)
            spec = table.spec
            version = table_layout(report, table_id)
            section = get_template(version).section(spec.section)
            for row_id, column_id, value in table.cells():
                row = spec.row(row_id)
                column = spec.column(column_id)
                for name, item in zip(identity_names, ident, strict=True):
                    columns[name].append(item)
                columns["layout"].append(version)
                columns["section"].append(section.id)
                columns["section_label"].append(section.heading)
                columns["table"].append(table_id)
                columns["group"].append(row.group)
                columns["group_label"].append(
                    spec.group(row.group).label if row.group is not None else None
                )
                columns["row"].append(row_id)
                columns["row_label"].append(row.label)
                columns["column"].append(column_id)
                columns["column_label"].append(column.label)
                columns["kind"].append(column.kind.value)
                columns["value"].append(value if column.kind in _NUMBER_KINDS else None)
                amount = column.kind is CellKind.AMOUNT
                columns["amount"].append(value if amount else None)
                columns["unit"].append(column.unit_of(table[row_id]) if amount else None)
                columns["text"].append(value if column.kind is CellKind.TEXT else None)
                columns["blank"].append(value is None)
    frame = pd.DataFrame(columns, columns=list(LONG_COLUMNS))
    return _typed(pd, frame, {"value": "Int64", "year": "Int64", "report": "int64",
                              "blank": "bool", "amount": "object", "unit": "object",
                              "text": "object"})


def _typed(pd: Any, frame: Any, dtypes: dict[str, str]) -> Any:
    for name, dtype in dtypes.items():
        if dtype == "object":
            frame[name] = pd.Series(list(frame[name]), dtype="object", index=frame.index)
        else:
            frame[name] = frame[name].astype(dtype)
    return frame


def _wide(reports: list[Report], only: str | None, labels: bool) -> Any:
    pd = _pandas()
    specs = _wide_specs(reports, TABLE_IDS if only is None else (only,))
    names, kinds = _wide_names(specs, only, labels)
    data: dict[str, list[Any]] = {name: [] for name in (*IDENTITY_COLUMNS, *names)}
    for index, report in enumerate(reports):
        for name, item in zip(IDENTITY_COLUMNS, _identity(index, report), strict=True):
            data[name].append(item)
        values = (value for table_id in specs for _, _, value in report.table(table_id).cells())
        for name, value in zip(names, values, strict=True):
            data[name].append(value)
    frame = pd.DataFrame(data, columns=[*IDENTITY_COLUMNS, *names])
    dtypes = {"year": "Int64", "report": "int64"}
    for name, kind in zip(names, kinds, strict=True):
        dtypes[name] = "Int64" if kind in _NUMBER_KINDS else "object"
    return _typed(pd, frame, dtypes)


def _wide_specs(reports: list[Report], table_ids: Iterable[str]) -> dict[str, TableSpec]:
    """The one layout of each table the reports share (the newest template's when there are
    none), or :class:`TemplateMismatchError` naming each report's layout."""
    specs: dict[str, TableSpec] = {}
    for table_id in table_ids:
        if len({id(r.table(table_id).spec) for r in reports}) > 1:
            raise TemplateMismatchError(
                f"the wide layout needs one layout of table {table_id}; harmonise the reports "
                "first (gi_report.analysis.harmonise) or use layout='long'",
                field="template",
                values={f"#{i} {r.metadata.agency}": table_layout(r, table_id)
                        for i, r in enumerate(reports)},
            )
        specs[table_id] = (
            reports[0].table(table_id).spec if reports
            else TEMPLATES.newest.table(table_id)
        )
    return specs


def _wide_names(specs: dict[str, TableSpec], only: str | None,
                labels: bool) -> tuple[list[str], list[CellKind]]:
    """The wide layout's cell column names (ids, or the Chinese labels) and their kinds."""
    names: list[str] = []
    kinds: list[CellKind] = []
    for table_id, spec in specs.items():
        for row, column in spec.cells():
            if labels:
                name = cell_label(spec, row.id, column.id)
                name = name if only else f"{spec.title} {name}"
            else:
                name = f"{row.id}.{column.id}" if only else f"{table_id}.{row.id}.{column.id}"
            names.append(name)
            kinds.append(column.kind)
    if len(set(names)) != len(names):  # pragma: no cover - guarded by a test on the form
        raise ValueError("cell labels are not unique; use labels=False")
    return names, kinds


def metrics_frame(reports: Report | Iterable[Report], metrics: Iterable[str] | None = None) -> Any:
    """The catalogue's metrics on every report, one row per (report, metric).

    Columns: the identity columns, ``metric``, ``version``, ``value`` (``Float64``, ``<NA>`` when
    the metric is NA), ``numerator`` and ``denominator`` (``Int64``) and ``reason`` (why NA).
    """
    from gi_report.analysis.metrics import compute_metrics

    pd = _pandas()
    chosen = None if metrics is None else tuple(metrics)
    names = (*IDENTITY_COLUMNS, "metric", "version", "value", "numerator", "denominator", "reason")
    data: dict[str, list[Any]] = {name: [] for name in names}
    for index, report in enumerate(_as_list(reports)):
        ident = _identity(index, report)
        for result in compute_metrics(report, chosen).values():
            for name, item in zip(IDENTITY_COLUMNS, ident, strict=True):
                data[name].append(item)
            data["metric"].append(result.id)
            data["version"].append(result.version)
            data["value"].append(result.value)
            data["numerator"].append(result.numerator)
            data["denominator"].append(result.denominator)
            data["reason"].append(result.reason)
    frame = pd.DataFrame(data, columns=list(names))
    return _typed(pd, frame, {"report": "int64", "year": "Int64", "version": "int64",
                              "value": "Float64", "numerator": "Int64", "denominator": "Int64"})
