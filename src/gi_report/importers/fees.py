"""The 信息处理费 figures section 六 states in prose, read into ``OtherMatters``' fields.

Only sentences that speak of the processing fee (信息处理费, 收费通知, 收费) are read:

* “发出收费通知的件数和总金额以及实际收取的总金额均为0” → 0 notices, 0 yuan, 0 yuan;
* “发出收费通知3件，总金额300元”, “实际收取（的总金额）200元”, “收取信息处理费共计380元”;
* “未收取信息处理费”, “无收取信息处理费情况”, “未发生收费情况” → collected 0 (the other figures
  are not stated, so they stay blank).

Amounts in 万元 are converted to 元 exactly. Every figure read is listed in a ``fee.extracted``
notice quoting the sentence, since it comes from prose rather than a table cell.
"""

from __future__ import annotations

import re
from decimal import Decimal

import attrs

_SENTENCES = re.compile(r"[^。；;！!\n]+[。；;！!]?")
_FEE_WORDS = re.compile(r"信息处理费|收费通知|收费")
_NUMBER = r"([0-9][0-9,]*(?:\.[0-9]+)?|零)"
_ALL_ZERO = re.compile(r"件数.*?总金额.*?(?:实际)?收取.*?均为\s*(?:0|零)")
_NOTICES = re.compile(r"(?:发出|开具|送达)?收费通知(?:书)?(?:的)?(?:件数)?(?:为|共|共计)?\s*"
                      + _NUMBER
                      + r"\s*(?:件|份)")
_NOTICE_AMOUNT = re.compile(r"收费通知(?:(?!收取)[^。；]){0,20}?(?:总金额|金额)"
                            r"(?:为|共|共计|合计)?\s*" + _NUMBER + r"\s*(万元|元)")
_COLLECTED = re.compile(
    r"(?:实际收取|实收|收取)[^，,。；;0-9]{0,20}?(?:总金额|金额|费用|处理费)?"
    r"(?:为|共|共计|合计)?\s*" + _NUMBER + r"\s*(万元|元)"  # 总计 falls in the gap before
)
_NONE = re.compile(r"(?:未|没有|无)(?:发生|产生)?(?:收取|收费|征收)")


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


def _amount(number: str, unit: str) -> Decimal:
    value = Decimal(0) if number == "零" else Decimal(number.replace(",", ""))
    return value * 10000 if unit == "万元" else value


def _count(number: str) -> int | None:
    if number == "零":
        return 0
    return int(number.replace(",", "")) if re.fullmatch(r"[0-9,]+", number) else None


def read_fees(text: str | None) -> Fees:
    """The processing-fee figures stated in section 六's text."""
    if not text:
        return Fees()
    count: int | None = None
    notified: Decimal | None = None
    collected: Decimal | None = None
    used: list[str] = []
    for m in _SENTENCES.finditer(text):
        sentence = m.group(0).strip()
        if not _FEE_WORDS.search(sentence):
            continue
        before = (count, notified, collected)
        if _ALL_ZERO.search(sentence):
            count, notified, collected = 0, Decimal(0), Decimal(0)
        else:
            if count is None and (n := _NOTICES.search(sentence)):
                count = _count(n.group(1))
            if notified is None and (a := _NOTICE_AMOUNT.search(sentence)):
                notified = _amount(a.group(1), a.group(2))
            if collected is None and (c := _COLLECTED.search(sentence)):
                collected = _amount(c.group(1), c.group(2))
            if collected is None and count is None and _NONE.search(sentence):
                collected = Decimal(0)
        if (count, notified, collected) != before:
            used.append(sentence)
    return Fees(count, notified, collected, tuple(used))
