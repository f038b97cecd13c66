"""Named, versioned metric definitions researchers compute from the tables, as data.

Every :class:`MetricDefinition` names its numerator and denominator cells (with weights, so a
denominator may subtract: total − pending), its formula in words and its version: when a definition
changes, its version goes up and the old one stays citable. :func:`compute_metrics` evaluates
them; a metric is NA (``value`` ``None``, with the reason) when its denominator is 0 or one of its
cells is blank — never computed from a blank read as 0.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from fractions import Fraction

import attrs

from gi_report.form import newest_template
from gi_report.form.spec import CellRef
from gi_report.model import Report


@attrs.frozen(kw_only=True)
class Term:
    """One cell in a numerator or denominator, with its weight (+1 adds, −1 subtracts)."""

    cell: CellRef
    weight: int = 1


@attrs.frozen(kw_only=True)
class MetricDefinition:
    """A metric as data: what it measures, from which cells, and its version."""

    id: str
    version: int
    name_zh: str
    name_en: str
    numerator: tuple[Term, ...]
    denominator: tuple[Term, ...]
    formula: str  #: the formula in words, with the form's Chinese labels
    description: str  #: English: what it measures and how to read it

    @property
    def key(self) -> str:
        """``id@version``: how to cite the definition exactly."""
        return f"{self.id}@{self.version}"

    @property
    def cells(self) -> tuple[CellRef, ...]:
        """Every cell the metric reads."""
        return tuple(t.cell for t in (*self.numerator, *self.denominator))


@attrs.frozen(kw_only=True)
class MetricValue:
    """A metric evaluated on one report: the ratio, its exact parts, or why it is NA."""

    id: str
    version: int
    value: float | None  #: numerator / denominator; ``None`` when NA
    numerator: int | None
    denominator: int | None
    reason: str | None = None  #: why the value is NA

    @property
    def fraction(self) -> Fraction | None:
        """The exact ratio, or ``None`` when NA."""
        if self.numerator is None or not self.denominator:
            return None
        return Fraction(self.numerator, self.denominator)


# --- the catalogue ------------------------------------------------------------------------------

_SPEC = newest_template()
_APPS = _SPEC.table("applications")
_REVIEW = _SPEC.table("review_litigation")


def _app(row: str, weight: int = 1) -> Term:
    return Term(cell=CellRef(table="applications", row=row, column="total"), weight=weight)


def _group(group: str) -> tuple[Term, ...]:
    """The ``total`` cells of every row of a group of section 三 (e.g. ``denied``)."""
    return tuple(_app(r.id) for r in _APPS.rows_in_group(group))


def _rl(row: str, column: str, weight: int = 1) -> Term:
    return Term(cell=CellRef(table="review_litigation", row=row, column=column), weight=weight)


_HANDLED = (_app("results_total"),)
_TOTAL = _APPS.column("total").label


def _row_total(row: str) -> str:
    return f"{_APPS.row(row).label}·{_TOTAL}"


_HANDLED_LABEL = _row_total("results_total")


def _label(group: str) -> str:
    """A group's label and the numbers of its rows, e.g. ``<label> 1–3``."""
    return f"{_APPS.group(group).label} 1–{len(_APPS.rows_in_group(group))}"


def _correction(row: str, zh: str, en: str) -> MetricDefinition:
    label = _REVIEW.row(row).label
    if _REVIEW.row(row).group:
        label = f"{_REVIEW.group(_REVIEW.row(row).group or '').label}·{label}"
    col = _REVIEW.column
    return MetricDefinition(
        id=f"{row}_correction_rate",
        version=1,
        name_zh=zh,
        name_en=en,
        numerator=(_rl(row, "corrected"),),
        denominator=(_rl(row, "total"), _rl(row, "pending", -1)),
        formula=f"{label}·{col('corrected').label} ÷ ({label}·{col('total').label} − "
        f"{label}·{col('pending').label})",
        description=f"Share of the concluded {en.lower().replace(' correction rate', '')} cases "
        "whose decision was corrected; cases not yet concluded are left out of the denominator.",
    )


CATALOGUE: tuple[MetricDefinition, ...] = (
    MetricDefinition(
        id="granted_share",
        version=1,
        name_zh="予以公开率",
        name_en="Share granted in full",
        numerator=(_app("granted"),),
        denominator=_HANDLED,
        formula=f"{_row_total('granted')} ÷ {_HANDLED_LABEL}",
        description="Applications disclosed in full, out of all applications handled this year.",
    ),
    MetricDefinition(
        id="granted_or_partial_share",
        version=1,
        name_zh="予以公开和部分公开率",
        name_en="Share granted in full or in part",
        numerator=(_app("granted"), _app("partially_granted")),
        denominator=_HANDLED,
        formula=f"({_row_total('granted')} + {_row_total('partially_granted')}) ÷ {_HANDLED_LABEL}",
        description="Applications disclosed in full or in part, out of all applications handled "
        "this year (the 公开率 most publications quote; check which one a figure uses).",
    ),
    MetricDefinition(
        id="denied_share",
        version=1,
        name_zh="不予公开率",
        name_en="Share refused on legal grounds",
        numerator=_group("denied"),
        denominator=_HANDLED,
        formula=f"Σ {_label('denied')}·{_TOTAL} ÷ {_HANDLED_LABEL}",
        description="Applications refused because the information is exempt (state secret, "
        "third-party rights, process information…), out of all applications handled.",
    ),
    MetricDefinition(
        id="unable_share",
        version=1,
        name_zh="无法提供率",
        name_en="Share that could not be provided",
        numerator=_group("unable"),
        denominator=_HANDLED,
        formula=f"Σ {_label('unable')}·{_TOTAL} ÷ {_HANDLED_LABEL}",
        description="Applications answered 'cannot be provided' (not held, would need creating, "
        "still unclear), out of all handled: read it beside denied_share — a refusal on legal "
        "grounds and an inability to provide are different outcomes.",
    ),
    MetricDefinition(
        id="legal_refusal_share",
        version=1,
        name_zh="依法不予公开占比（不予公开与无法提供中）",
        name_en="Refusals on legal grounds among refusals and cannot-provide answers",
        numerator=_group("denied"),
        denominator=(*_group("denied"), *_group("unable")),
        formula=f"Σ {_label('denied')}·{_TOTAL} ÷ (Σ {_label('denied')}·{_TOTAL} + "
        f"Σ {_label('unable')}·{_TOTAL})",
        description="Of the applications that got no information (refused on legal grounds or "
        "could not be provided), the share refused on legal grounds: high values mean the agency "
        "withholds, low values that it does not hold what is asked.",
    ),
    MetricDefinition(
        id="not_processed_share",
        version=1,
        name_zh="不予处理率",
        name_en="Share not processed",
        numerator=_group("not_processed"),
        denominator=_HANDLED,
        formula=f"Σ {_label('not_processed')}·{_TOTAL} ÷ {_HANDLED_LABEL}",
        description="Applications not processed as disclosure requests (petitions, duplicates, "
        "publications, excessive requests, re-issue), out of all handled.",
    ),
    _correction(
        "administrative_review",
        f"{_REVIEW.row('administrative_review').label}纠错率",
        "Administrative review correction rate",
    ),
    _correction(
        "litigation_direct",
        f"{_REVIEW.group('litigation').label}（{_REVIEW.row('litigation_direct').label}）纠错率",
        "Direct litigation correction rate",
    ),
    _correction(
        "litigation_after_review",
        f"{_REVIEW.group('litigation').label}（{_REVIEW.row('litigation_after_review').label}）"
        "纠错率",
        "After-review litigation correction rate",
    ),
)
"""The metric catalogue, in the order the docs list it (``docs/metrics.md`` is generated)."""

METRICS: dict[str, MetricDefinition] = {m.id: m for m in CATALOGUE}
"""The catalogue by metric id."""


def _evaluate(report: Report, terms: Sequence[Term]) -> tuple[int | None, str | None]:
    total = 0
    blanks: list[str] = []
    for term in terms:
        table = report.table(term.cell.table)
        if not table.spec.has_cell(term.cell.row, term.cell.column):
            return None, f"the report's layout has no cell {term.cell.pointer}"
        value = table[term.cell.row, term.cell.column]
        if value is None:
            blanks.append(term.cell.pointer)
            continue
        if not isinstance(value, int):
            return None, f"{term.cell.pointer} is not a count"
        total += term.weight * value
    if blanks:
        return None, f"blank cell(s): {', '.join(blanks)}"
    return total, None


def compute_metric(report: Report, definition: MetricDefinition) -> MetricValue:
    """One metric on one report (NA with the reason when a cell is blank or the denominator 0)."""
    numerator, why_num = _evaluate(report, definition.numerator)
    denominator, why_den = _evaluate(report, definition.denominator)
    reason = why_num or why_den
    value: float | None = None
    if reason is None and denominator == 0:
        reason = "the denominator is 0"
    elif reason is None and denominator is not None and denominator < 0:
        reason = f"the denominator is negative ({denominator})"
    elif reason is None and numerator is not None and denominator:
        value = numerator / denominator
    return MetricValue(
        id=definition.id,
        version=definition.version,
        value=value,
        numerator=numerator,
        denominator=denominator,
        reason=reason,
    )


def compute_metrics(
    report: Report, metrics: Iterable[str | MetricDefinition] | None = None
) -> dict[str, MetricValue]:
    """The catalogue's metrics (or the named ones) on one report, by metric id."""
    chosen = CATALOGUE if metrics is None else tuple(
        m if isinstance(m, MetricDefinition) else METRICS[m] for m in metrics
    )
    return {m.id: compute_metric(report, m) for m in chosen}
