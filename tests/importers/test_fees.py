"""The 信息处理费 figures read from section 六's prose (sentences from real reports)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from gi_report.importers.fees import read_fees

D = Decimal


@pytest.mark.parametrize("text,figures", [
    ("本单位依据《政府信息公开信息处理费管理办法》收取信息处理费，发出收费通知的件数和总金额以及"
     "实际收取的总金额均为0。", (0, D(0), D(0))),  # Xicheng 2022
    ("全县行政机关在办理2025年度信息公开申请中收取信息处理费共计380元，其中民政局1件，收取380元。",
     (None, None, D(380))),  # Shuyang county 2025
    ("2024年，市政府严格落实《政府信息公开信息处理费管理办法》，全年收取政府信息公开信息处理费3940元。",
     (None, None, D(3940))),  # Huaian 2024
    ("2021年，无收取信息处理费情况。", (None, None, D(0))),  # Pingtan 2021
    ("2023年度，县发展和改革局政府信息公开未发生收费情况。", (None, None, D(0))),  # Shuyang DRC
    ("本机关发出收费通知3件，总金额0.03万元，实际收取200元。", (3, D("300.00"), D(200))),
    ("无。", (None, None, None)),
    ("本年度收到申请380件，无其他需要报告的事项。", (None, None, None)),  # no fee words
])
def test_fee_sentences(text: str, figures: tuple[object, ...]) -> None:
    fees = read_fees(text)
    assert (fees.notices_count, fees.notices_amount_yuan, fees.collected_amount_yuan) == figures
    assert bool(fees.sentences) == any(f is not None for f in figures)
