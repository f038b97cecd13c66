"""R9–R12: the 信息处理费 figures of section 六 against each other and against section 三.

- R9 (error): no fee notice issued ⇒ no amount notified.
- R10 (warning): the amount collected is not more than the amount notified (payment can lag).
- R11 (warning): applications dropped for an unpaid fee (the newest template's row
  ``other_fee_unpaid``) are not more than the fee notices issued (notices from the year before
  can lapse this year).
- R12 (warning): fee notices are not more than the applications the agency had to handle
  (received this year plus carried over): each notice answers an application.
"""

from __future__ import annotations

from decimal import Decimal

from gi_report.form.spec import FieldSpec
from gi_report.model import Report
from gi_report.validation.findings import Finding, Operand, Severity, Status, as_value
from gi_report.validation.labels import cell_label, listed, pointer_label
from gi_report.validation.quantities import Bound, sum_bound
from gi_report.validation.rulespec import RuleSpec

FAMILY = "fees"
_COUNT = "processing_fee_notices_count"
_AMOUNT = "processing_fee_notices_amount_yuan"
_COLLECTED = "processing_fee_collected_amount_yuan"
_UNPAID_ROW = "other_fee_unpaid"
_APPLICATION_ROWS = ("new_this_year", "carried_from_last_year")

R9 = RuleSpec(
    code="gi.fee.R9",
    rule="R9",
    severity=Severity.ERROR,
    family=FAMILY,
    title_zh="未发出收费通知则收费通知金额为 0",
    title_en="No fee notice means no notified amount",
    formula=f"other_matters.{_COUNT} == 0 ⇒ other_matters.{_AMOUNT} == 0",
    basis="《政府信息公开信息处理费管理办法》: an amount is only notified by a 收费通知 "
    "(format-spec.md §4 R9).",
    message_zh="{count_label}为 0，但{amount_label}为 {amount} 元",
    message_en="{count_id} is 0, but {amount_id} is {amount} yuan",
)

R10 = RuleSpec(
    code="gi.fee.R10",
    rule="R10",
    severity=Severity.WARNING,
    family=FAMILY,
    title_zh="实际收取金额不超过收费通知金额",
    title_en="The amount collected is not more than the amount notified",
    formula=f"other_matters.{_COLLECTED} <= other_matters.{_AMOUNT}",
    basis="Fees are collected on notices (format-spec.md §4 R10; payment can lag into the next "
    "year, hence a warning).",
    message_zh="{collected_label} {collected} 元，多于{amount_label} {amount} 元",
    message_en="{collected_id} {collected} yuan is more than {amount_id} {amount} yuan",
)

R11 = RuleSpec(
    code="gi.fee.R11",
    rule="R11",
    severity=Severity.WARNING,
    family=FAMILY,
    title_zh="逾期未缴费不再处理的申请不多于收费通知件数",
    title_en="Applications dropped for an unpaid fee are not more than the fee notices",
    formula=f"applications.{_UNPAID_ROW}.total <= other_matters.{_COUNT} "
    f"(layouts with the row {_UNPAID_ROW})",
    basis="An application is dropped for non-payment only after a 收费通知 (format-spec.md §4 "
    "R11; notices of the previous year can lapse this year, hence a warning).",
    message_zh="{cell} 为 {unpaid}，多于{count_label} {count} 件",
    message_en="{cell} [{cell_pointer}] is {unpaid_en}, more than {count_id} {count}",
)

R12 = RuleSpec(
    code="gi.fee.R12",
    rule="R12",
    severity=Severity.WARNING,
    family=FAMILY,
    title_zh="收费通知件数不多于应办理的申请数",
    title_en="Fee notices are not more than the applications to handle",
    formula=f"other_matters.{_COUNT} <= applications.new_this_year.total + "
    "applications.carried_from_last_year.total",
    basis="A 收费通知 answers an application (国办函〔2020〕109号; format-spec.md §4 R12, §7).",
    message_zh="{count_label} {count} 件，但本年新收与上年结转的申请共 {applications} 件",
    message_en="{count_id} is {count}, but only {applications_en} applications were received "
    "this year or carried over",
)

RULES = (R9, R10, R11, R12)


def _field(report: Report, field_id: str) -> FieldSpec:
    return next(f for f in report.template_spec.fee_fields if f.id == field_id)


def _pointer(field_id: str) -> str:
    return f"/other_matters/{field_id}"


def _money(value: Decimal | int | None) -> str:
    return "空白" if value is None else format(value, "f") if isinstance(value, Decimal) else str(
        value
    )


_Values = dict[str, int | Decimal | None]


class _Params:
    """The messages' parameters (labels and values), built on first use: a report whose fee
    figures agree needs none."""

    __slots__ = ("_built", "_report", "_values")

    def __init__(self, report: Report, values: _Values) -> None:
        self._report = report
        self._values = values
        self._built: dict[str, str] | None = None

    def __call__(self) -> dict[str, str]:
        if self._built is None:
            values = self._values
            labels = {k: _field(self._report, k).label for k in values}
            self._built = {
                "count_label": labels[_COUNT],
                "amount_label": labels[_AMOUNT],
                "collected_label": labels[_COLLECTED],
                "count_id": _COUNT,
                "amount_id": _AMOUNT,
                "collected_id": _COLLECTED,
                "count": _money(values[_COUNT]),
                "amount": _money(values[_AMOUNT]),
                "collected": _money(values[_COLLECTED]),
            }
        return self._built


def check(report: Report, *, blank_as_zero: bool = False) -> list[Finding]:
    """Findings for R9–R12 on one report."""
    other = report.other_matters
    values: _Values = {
        _COUNT: other.processing_fee_notices_count,
        _AMOUNT: other.processing_fee_notices_amount_yuan,
        _COLLECTED: other.processing_fee_collected_amount_yuan,
    }
    if all(v is None for v in values.values()):
        return []  # nothing stated: gi.completeness.fees says so where it is required
    if blank_as_zero:
        values = {k: (v if v is not None else 0) for k, v in values.items()}
    params = _Params(report, values)
    out: list[Finding] = []
    out += _r9(values, params)
    out += _r10(values, params)
    out += _r11(report, values, params, blank_as_zero=blank_as_zero)
    out += _r12(report, values, params, blank_as_zero=blank_as_zero)
    return out


def _operand(field_id: str, value: int | Decimal | None, label: str, weight: int = 1) -> Operand:
    return Operand(pointer=_pointer(field_id), value=value, weight=weight, label=label)


def _not_evaluable(spec: RuleSpec, what: str, what_en: str, blanks: list[str],
                   labels: list[str]) -> Finding:
    pointers = tuple(blanks)
    return spec.finding(
        status=Status.NOT_EVALUABLE,
        pointer=pointers[0],
        pointers=pointers,
        section="other_matters",
        missing=pointers,
        params={"what": what, "what_en": what_en, "missing": listed(labels),
                "missing_en": listed(list(pointers), lang="en")},
    )


def _r9(values: _Values, params: _Params) -> list[Finding]:
    count, amount = values[_COUNT], values[_AMOUNT]
    if (count is not None and count > 0) or (count is None and amount is None):
        return []  # a notice was issued; or neither stated: gi.completeness.fees says so
    if count is None or amount is None:
        return _r9_with_blank(values, params)
    if amount == 0:
        return []
    return [
        R9.finding(
            pointer=_pointer(_AMOUNT),
            pointers=(_pointer(_COUNT), _pointer(_AMOUNT)),
            section="other_matters",
            stated=amount,
            computed=Decimal(0),
            operands=(
                _operand(_COUNT, count, params()["count_label"]),
                _operand(_AMOUNT, amount, params()["amount_label"]),
            ),
            params=params(),
        )
    ]


def _r9_with_blank(values: _Values, params: _Params) -> list[Finding]:
    """R9 with the count or the amount blank: holds if the amount is 0, else not evaluable."""
    count, amount = values[_COUNT], values[_AMOUNT]
    if count is None and amount is not None and amount == 0:
        return []  # holds whatever the count is
    blanks = [k for k in (_COUNT, _AMOUNT) if values[k] is None]
    return [_not_evaluable(R9, R9.title_zh, R9.title_en,
                           [_pointer(k) for k in blanks],
                           [str(params()[f"{'count' if k == _COUNT else 'amount'}_label"])
                            for k in blanks])]


def _r10(values: _Values, params: _Params) -> list[Finding]:
    collected, amount = values[_COLLECTED], values[_AMOUNT]
    if collected is None or amount is None:
        if collected is not None and collected == 0:
            return []
        blanks = [k for k in (_COLLECTED, _AMOUNT) if values[k] is None]
        if len(blanks) == 2:
            return []
        label = {_COLLECTED: params()["collected_label"], _AMOUNT: params()["amount_label"]}
        return [_not_evaluable(R10, R10.title_zh, R10.title_en, [_pointer(k) for k in blanks],
                               [label[k] for k in blanks])]
    if collected <= amount:
        return []
    return [
        R10.finding(
            pointer=_pointer(_COLLECTED),
            pointers=(_pointer(_COLLECTED), _pointer(_AMOUNT)),
            section="other_matters",
            stated=collected,
            computed=amount,
            operands=(
                _operand(_COLLECTED, collected, params()["collected_label"]),
                _operand(_AMOUNT, amount, params()["amount_label"], -1),
            ),
            params=params(),
        )
    ]


def _r11(report: Report, values: _Values, params: _Params, *,
         blank_as_zero: bool) -> list[Finding]:
    table = report.applications
    if not table.spec.has_cell(_UNPAID_ROW, "total"):
        return []  # an older layout has no such row
    count = values[_COUNT]
    unpaid = sum_bound(table, [(_UNPAID_ROW, "total")], blank_as_zero=blank_as_zero)
    if count is not None and unpaid.low <= count:
        return []
    cell = cell_label(table.spec, _UNPAID_ROW, "total")
    cell_pointer = f"/applications/{_UNPAID_ROW}/total"
    if count is None or (not unpaid.exact and unpaid.low <= count):
        if count is None and unpaid.exact and unpaid.low == 0:
            return []
        blanks = ([_pointer(_COUNT)] if count is None else []) + list(unpaid.missing)
        labels = [pointer_label(report, p) for p in blanks]
        return [_not_evaluable(R11, R11.title_zh, R11.title_en, blanks, labels)]
    text_zh, text_en = unpaid.text()
    return [
        R11.finding(
            pointer=cell_pointer,
            pointers=(cell_pointer, _pointer(_COUNT)),
            section="applications",
            table="applications",
            row=_UNPAID_ROW,
            column="total",
            stated=unpaid.low,
            computed=count,
            missing=unpaid.missing,
            operands=(
                Operand(pointer=cell_pointer, value=as_value(table[_UNPAID_ROW, "total"]),
                        label=cell),
                _operand(_COUNT, count, params()["count_label"], -1),
            ),
            params={**params(), "cell": cell, "cell_pointer": cell_pointer, "unpaid": text_zh,
                    "unpaid_en": text_en},
        )
    ]


def _r12(report: Report, values: _Values, params: _Params, *,
         blank_as_zero: bool) -> list[Finding]:
    count = values[_COUNT]
    if count is None or count == 0:
        return []
    table = report.applications
    applications: Bound = sum_bound(table, [(r, "total") for r in _APPLICATION_ROWS],
                                    blank_as_zero=blank_as_zero)
    if count <= applications.low:
        return []
    pointers = tuple(f"/applications/{r}/total" for r in _APPLICATION_ROWS)
    if not applications.exact:
        labels = [pointer_label(report, p) for p in applications.missing]
        return [_not_evaluable(R12, R12.title_zh, R12.title_en, list(applications.missing),
                               labels)]
    text_zh, text_en = applications.text()
    return [
        R12.finding(
            pointer=_pointer(_COUNT),
            pointers=(_pointer(_COUNT), *pointers),
            section="other_matters",
            stated=count,
            computed=applications.low,
            operands=(
                _operand(_COUNT, count, params()["count_label"]),
                *(
                    Operand(pointer=p, value=as_value(table[r, "total"]), weight=-1,
                            label=cell_label(table.spec, r, "total"))
                    for p, r in zip(pointers, _APPLICATION_ROWS, strict=True)
                ),
            ),
            params={**params(), "applications": text_zh, "applications_en": text_en},
        )
    ]
