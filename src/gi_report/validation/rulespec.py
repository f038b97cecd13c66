"""The definition of a rule: code, severity, formula, basis and its message templates.

Every family of checks declares its rules as :class:`RuleSpec` objects; the rule catalogue
(``docs/rules.md``) is generated from them, and every :class:`~.findings.Finding` message is
rendered from its rule's templates, so the documentation and the messages cannot drift apart.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import attrs

from gi_report.validation.findings import Finding, Operand, Severity, Status, Value

NOT_EVALUABLE_ZH = "{what} 无法核对：{missing} 为空白，空白不等于 0"
NOT_EVALUABLE_EN = "{what_en} cannot be checked: {missing_en} blank, and a blank is not 0"


@attrs.frozen(kw_only=True)
class RuleSpec:
    """One rule of the catalogue, with the templates its messages are rendered from.

    Templates use :meth:`str.format` fields; the fields each rule fills are listed in the
    catalogue. ``not_evaluable_*`` are used when a value the rule needs is blank.
    """

    code: str  #: stable namespaced code, e.g. ``gi.sum.R3``
    severity: Severity  #: the severity of a failure
    family: str  #: the module that implements it, e.g. ``arithmetic``
    title_zh: str
    title_en: str
    formula: str  #: the rule as a formula over canonical ids
    basis: str  #: where the rule comes from (the form, format-spec.md)
    message_zh: str  #: template of the Chinese message of a failure
    message_en: str  #: template of the English message of a failure
    rule: str | None = None  #: the rule's number in format-spec.md §4 (``R1``…``R16``)
    not_evaluable_zh: str = NOT_EVALUABLE_ZH
    not_evaluable_en: str = NOT_EVALUABLE_EN

    def render(self, status: Status, params: Mapping[str, Any]) -> tuple[str, str]:
        """The Chinese and English messages for ``status`` with the template fields filled."""
        if status is Status.NOT_EVALUABLE:
            return (
                self.not_evaluable_zh.format_map(params),
                self.not_evaluable_en.format_map(params),
            )
        return self.message_zh.format_map(params), self.message_en.format_map(params)

    def finding(
        self,
        *,
        pointer: str,
        params: Mapping[str, Any],
        status: Status = Status.FAILED,
        severity: Severity | None = None,
        pointers: tuple[str, ...] = (),
        section: str | None = None,
        table: str | None = None,
        row: str | None = None,
        column: str | None = None,
        stated: Value = None,
        computed: Value = None,
        operands: tuple[Operand, ...] = (),
        missing: tuple[str, ...] = (),
        quote: str | None = None,
        subject: str | None = None,
    ) -> Finding:
        """A finding of this rule with its messages rendered.

        A not-evaluable instance is ``info`` unless ``severity`` says otherwise.
        """
        if severity is None:
            severity = self.severity if status is Status.FAILED else Severity.INFO
        zh, en = self.render(status, params)
        return Finding(
            code=self.code,
            severity=severity,
            status=status,
            pointer=pointer,
            pointers=pointers or (pointer,),
            section=section,
            table=table,
            row=row,
            column=column,
            stated=stated,
            computed=computed,
            operands=operands,
            missing=missing,
            quote=quote,
            subject=subject,
            message_zh=zh,
            message_en=en,
        )
