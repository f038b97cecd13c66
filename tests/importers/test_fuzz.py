"""Arbitrary input never escapes as a third-party exception: a report or a gi-report error."""

from __future__ import annotations

import contextlib

from hypothesis import given
from hypothesis import strategies as st

from gi_report import read_document
from gi_report.errors import GIReportError
from tests.importers.expected import CORPUS

_PIECES = [
    "<table>", "</table>", "<tr>", "<td colspan=\"3\">", "<td rowspan=\"0\">", "</td>", "<p>",
    "\t", "\n", "|", "|---|", "一、总体情况", "二、主动公开政府信息情况",
    "三、收到和处理政府信息公开申请情况", "四、政府信息公开行政复议、行政诉讼情况",
    "（一）予以公开", "1.属于国家秘密", "（七）总计", "行政复议",
    "2023年某局政府信息公开工作年度报告", "0", "12", "640020470", "—", "规章", "本年制发件数", "#",
    "&nbsp;", "<br>", "\u3000", "元", "六、其他需要报告的事项", "发出收费通知的件数和总金额均为0",
]
_REAL = [(CORPUS / name).read_text(encoding="utf-8") for name in (
    "2023-shuyang-drc.html", "2022-beijing-xicheng-cgzx.txt", "2025-shuyang-county.md")]


@given(st.lists(st.sampled_from(_PIECES) | st.text(max_size=8), max_size=60),
       st.sampled_from([None, "html", "text", "markdown"]))
def test_report_like_noise(pieces: list[str], kind: str | None) -> None:
    try:
        result = read_document("".join(pieces).encode("utf-8", "surrogatepass"), kind=kind,
                               warn=False)
    except GIReportError:
        return
    assert result.report.metadata.year >= 2007


@given(st.sampled_from(range(len(_REAL))), st.integers(0, 10**6), st.integers(0, 10**6),
       st.sampled_from(["", "\x00", "</td>", "<table>", "\t", "|", "四、", "9" * 40]))
def test_damaged_real_reports(which: int, start: int, length: int, insert: str) -> None:
    text = _REAL[which]
    start %= len(text)
    cut = text[:start] + insert + text[start + length % 400:]
    try:
        result = read_document(cut.encode("utf-8"), warn=False)
    except GIReportError:
        return
    for table in result.report.tables.values():
        assert len(table.values) == len(table.spec.rows)


@given(st.binary(max_size=2000))
def test_arbitrary_bytes(data: bytes) -> None:
    with contextlib.suppress(GIReportError):
        read_document(data, warn=False)
