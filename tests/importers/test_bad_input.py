"""Bad input: a clear typed error, or a partial report whose notices say what is missing —
within bounded time and memory, never a third-party traceback."""

from __future__ import annotations

import re
import warnings

import pytest

from gi_report import read_document
from gi_report.errors import (
    GIReportError,
    InputTooLargeError,
    ReportImportError,
    ReportImportWarning,
    UnrecognisedDocumentError,
    UnsafeDocumentError,
    UnsupportedKindError,
)
from gi_report.importers.result import Level
from tests.importers.expected import CORPUS

XICHENG = (CORPUS / "2022-beijing-xicheng-cgzx.txt").read_text(encoding="utf-8")
DRC = (CORPUS / "2023-shuyang-drc.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("data", [
    b"\x00\x01\x02\x03binary junk\xff\xfe" * 50,
    bytes(range(256)) * 20,
])
def test_binary_junk_is_not_a_document(data: bytes) -> None:
    with pytest.raises(UnrecognisedDocumentError, match="binary") as info:
        read_document(data)
    assert isinstance(info.value, ValueError) and isinstance(info.value, GIReportError)


@pytest.mark.parametrize("text,kind", [
    ("<html><body><p>今日天气晴，气温二十度。</p></body></html>", "html"),
    ("# 会议纪要\n\n本次会议讨论了绿化工作。\n", "markdown"),
    ("这是一段与年度报告无关的文字。\n第二段。\n", "text"),
])
def test_a_document_with_no_report_in_it(text: str, kind: str) -> None:
    with pytest.raises(UnrecognisedDocumentError) as info:
        read_document(text.encode("utf-8"), kind=kind)
    assert "expected" in str(info.value)


@pytest.mark.parametrize("data", [b"", b"   \n\t  "])
def test_an_empty_document(data: bytes) -> None:
    with pytest.raises(UnrecognisedDocumentError, match="empty"):
        read_document(data, kind="html")


def test_a_50_mb_page_is_refused_before_parsing() -> None:
    page = b"<html><body>" + b"<p>" + b"x" * (50 * 1024 * 1024) + b"</p></body></html>"
    with pytest.raises(InputTooLargeError) as info:
        read_document(page)
    assert info.value.limit < info.value.size


def test_a_50_mb_file_is_refused_before_reading_it_whole(tmp_path: pytest.TempPathFactory
                                                         ) -> None:
    path = tmp_path / "huge.html"  # type: ignore[operator]
    with open(path, "wb") as handle:
        handle.seek(50 * 1024 * 1024)
        handle.write(b"\n")
    with pytest.raises(InputTooLargeError):
        read_document(path)


def test_spans_cannot_blow_up_a_table() -> None:
    page = ("<p>2023年某局政府信息公开工作年度报告</p><p>三、收到和处理政府信息公开申请情况</p>"
            '<table><tr><td colspan="100000000" rowspan="100000000">x</td></tr>'
            '<tr><td colspan="2;">y</td></tr></table>')
    result = read_document(page.encode("utf-8"), warn=False)  # clamped: no huge allocation
    assert result.report.applications.is_blank
    many = "<table>" + ("<tr>" + '<td colspan="100">1</td>' * 100 + "</tr>") * 100 + "</table>"
    with pytest.raises(UnsafeDocumentError):
        read_document(("<p>2023年某局政府信息公开工作年度报告</p>" + many).encode("utf-8"))


def test_deeply_nested_html_does_not_crash() -> None:
    page = ("<p>2023年某局政府信息公开工作年度报告</p>" + "<div>" * 20000 + "一、总体情况"
            + "</div>" * 20000)
    try:
        result = read_document(page.encode("utf-8"), warn=False)
    except ReportImportError:
        return  # refused with a typed error is fine too
    assert result.report.metadata.year == 2023


def test_unsupported_kinds() -> None:
    with pytest.raises(UnsupportedKindError):
        read_document(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600)  # an old .doc
    with pytest.raises(UnsupportedKindError):
        read_document(b"text", kind="rtf")


def test_a_missing_file_is_an_os_error(tmp_path: pytest.TempPathFactory) -> None:
    with pytest.raises(OSError):
        read_document(str(tmp_path / "nowhere.html"))  # type: ignore[operator]


def test_a_truncated_report_is_partial_with_notices_saying_what_is_missing() -> None:
    cut = XICHENG[: XICHENG.index("4.保护第三方合法权益")]
    result = read_document(cut.encode("utf-8"), kind="text", warn=False)
    report = result.report
    assert report.metadata.agency == "西城区城市管理指挥中心"
    assert report.applications["denied_state_secret", "natural_person"] == 0
    assert report.applications["results_total", "total"] is None
    missing_rows = {c for n in result.with_code("row.missing") for c in n.cells}
    assert "/applications/results_total/total" in missing_rows
    assert "/applications/denied_third_party_rights/natural_person" in missing_rows
    assert {n.code for n in result.at_least(Level.ERROR)} >= {
        "row.missing", "table.missing", "section.missing"}
    [table] = result.with_code("table.missing")
    assert len(table.cells) == 15 and table.cells[0].startswith("/review_litigation/")
    sections = " ".join(n.message for n in result.with_code("section.missing"))
    assert "五、" in sections and "六、" in sections and "四、" in sections
    assert set(result.undetermined_cells) >= missing_rows


def test_a_table_missing_a_row() -> None:
    row = DRC[DRC.index("<tr><td>6.属于四类过程性信息"):]
    row = row[: row.index("</tr>") + 5]
    result = read_document(DRC.replace(row, "").encode("utf-8"), kind="html", warn=False)
    [missing] = result.with_code("row.missing")
    assert missing.level is Level.ERROR
    assert missing.cells == tuple(
        f"/applications/denied_process_information/{c}" for c in
        ("natural_person", "commercial_enterprise", "research_institution",
         "social_welfare_org", "legal_service_org", "other_org", "total"))
    assert result.report.applications.row("denied_process_information") == dict.fromkeys(
        result.report.applications.spec.row("denied_process_information").columns)
    assert result.report.applications["denied_enforcement_case_file", "natural_person"] == 0


def test_a_table_missing_a_column() -> None:
    """Section 四 printed without the 复议后起诉 block: those five cells are reported."""
    start = DRC.index("<td colspan=\"5\">复议后起诉</td>")
    page = DRC[:start] + DRC[start + len("<td colspan=\"5\">复议后起诉</td>"):]
    values = "<td>0</td><td>0</td><td>0</td><td>0</td><td>0</td></tr>\n</tbody>"
    page = page.replace("<td>0</td><td>0</td><td>0</td><td>0</td><td>0</td>" + values,
                        values)
    result = read_document(page.encode("utf-8"), kind="html", warn=False)
    undetermined = set(result.undetermined_cells)
    review = {f"/review_litigation/{r}/{c}" for r, c, _ in result.report.review_litigation.cells()}
    assert undetermined & review, [str(n) for n in result.notices]
    for pointer in undetermined & review:
        _, _, row, column = pointer.split("/")
        assert result.report.review_litigation[row, column] is None


def test_recoverable_oddities_are_warnings_a_caller_can_escalate() -> None:
    data = (CORPUS / "2021-pingtan.txt").read_bytes()
    with warnings.catch_warnings():
        warnings.simplefilter("error", category=ReportImportWarning)
        with pytest.raises(ReportImportWarning) as info:
            read_document(data, kind="text")
    assert info.value.notice is not None
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        read_document(data, kind="text")
    codes = {w.message.notice.code for w in caught  # type: ignore[union-attr]
             if isinstance(w.message, ReportImportWarning)}
    assert {"split.unique", "split.ambiguous"} <= codes
    assert "import.kind" not in codes  # info notices are not warnings


def test_a_table_missing_its_total_column() -> None:
    """Section 三 without its 总计 column: the other columns are read by their headers, and the
    missing column is reported once, with all its cells."""
    head, rest = DRC.split("三、收到和处理政府信息公开申请情况", 1)
    table, tail = rest.split("</table>", 1)
    table = table.replace('<td rowspan="2">总计</td>', "")
    table = re.sub(r"<td>[0-9]*</td></tr>", "</tr>", table)
    page = head + "三、收到和处理政府信息公开申请情况" + table + "</table>" + tail
    result = read_document(page.encode("utf-8"), kind="html", warn=False)
    [missing] = result.with_code("column.missing")
    spec = result.report.applications.spec
    assert missing.cells == tuple(f"/applications/{r.id}/total" for r in spec.rows)
    assert result.report.applications.row("granted")["natural_person"] == 26
    assert all(result.report.applications[r.id, "total"] is None for r in spec.rows)
    assert set(result.undetermined_cells) == set(missing.cells)
