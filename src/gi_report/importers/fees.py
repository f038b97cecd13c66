"""The 信息处理费 figures section 六 states in prose, read into ``OtherMatters``' fields.

Only sentences that speak of the processing fee (信息处理费, 收费通知, 收费) are read:

* “<the three fee figures' labels>均为0” → 0 notices, 0 yuan, 0 yuan;
* “发出收费通知3件，总金额300元”, “实际收取（的总金额）200元”, “收取信息处理费共计380元”;
* “未收取信息处理费”, “无收取信息处理费情况”, “未发生收费情况” → collected 0 (the other figures
  are not stated, so they stay blank).

The figures are the fee claims of the claims grammar (:mod:`gi_report.claims`), the same claims
R15 compares with the fee fields, so the importer and the check never read a sentence differently.
Amounts in 万元 are converted to 元 exactly. Every figure read is listed in a ``fee.extracted``
notice quoting the sentence, since it comes from prose rather than a table cell.
"""

from __future__ import annotations

from decimal import Decimal

import attrs

import gi_report.claims as claims
from gi_report.form import TEMPLATES, TemplateSpec
from gi_report.form.claims import UNIT_SCALE

_MAX_DIGITS = 30
"""Longer digit runs are not a fee figure (and would be slow or refused as an int)."""


@attrs.frozen
class Fees:
    """The three figures (``None`` where not stated) and the sentences they came from."""

    notices_count: int | None = None
    notices_amount_yuan: Decimal | None = None
    collected_amount_yuan: Decimal | None = None
    sentences: tuple[str, ...] = ()

    @property
    def any(self) -> bool:
        """Whether any figure was found."""
        return any(v is not None for v in (self.notices_count, self.notices_amount_yuan,
                                            self.collected_amount_yuan))


def _value(claim: claims.Claim) -> int | Decimal | None:
    """The claim's figure: a count, or an amount in 元 (万元 converted); ``None`` if unreadable."""
    if claim.number is None:
        return Decimal(0) if claim.amount else 0
    digits = claim.number.replace(",", "")
    if len(digits) > _MAX_DIGITS:
        return None
    if not claim.amount:
        return int(digits) if digits.isdigit() else None
    return Decimal(digits) * UNIT_SCALE.get(claim.unit, 1)


def _latest() -> TemplateSpec:
    return TEMPLATES[max(TEMPLATES)]


def read_fees(text: str | None, *, agency: str | None = None,
              template: TemplateSpec | None = None) -> Fees:
    """The processing-fee figures stated in section 六's text (the first figure of each field)."""
    if not text:
        return Fees()
    spec = template or _latest()
    vocabulary = claims.vocabulary(spec.table("applications"), spec.table("review_litigation"),
                                   spec.table("proactive"))
    figures: dict[str, int | Decimal] = {}
    used: list[str] = []
    for sentence in claims.sentences(text):
        before = len(figures)
        for claim in claims.claims_in(sentence, vocabulary, agency):
            table, role, _ = claim.alternatives[0][0]
            if table != "other_matters" or role in figures:
                continue
            value = _value(claim)
            if value is not None:
                figures[role] = value
        if len(figures) != before:
            used.append(sentence)
    count = figures.get("count")
    notified = figures.get("amount")
    collected = figures.get("collected")
    return Fees(
        count if isinstance(count, int) else None,
        Decimal(notified) if notified is not None else None,
        Decimal(collected) if collected is not None else None,
        tuple(used),
    )
