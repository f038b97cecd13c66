"""Label matching, template detection and value reading, on edited real reports."""

from __future__ import annotations

import random
from decimal import Decimal

import pytest

from gi_report import read_document
from gi_report.form import get_template
from gi_report.importers.normalize import core, label_key
from gi_report.importers.result import Level
from gi_report.importers.values import Status, parse_value
from gi_report.importers.vocabulary import vocabulary
from gi_report.model import Report
from gi_report.render.html import render_html
from gi_report.synthetic import random_report
from gi_report.table import Table
from tests.importers.expected import CORPUS, assert_matches_expected

DRC = (CORPUS / "2023-shuyang-drc.html").read_text(encoding="utf-8")
APPLICATIONS = get_template("2021").table("applications")


@pytest.mark.parametrize("printed,official", [
    ("商业\n企业", "商业企业"),
    ("（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
     "(二) 部分公开 (区分处理的, 只计这一情形, 不计其他情形)"),
    ("3.危及“三安全一稳定”", '3.危及"三安全一稳定"'),
    ("本年新\u3000制作数量", "本年新制作数量"),
])
def test_width_space_punctuation_and_quotes_fold_away(printed: str, official: str) -> None:
    assert label_key(printed) == label_key(official)


def test_numbering_tells_rows_apart() -> None:
    vocab = vocabulary(APPLICATIONS)
    assert vocab.row("3.其他").item.id == "other_misc"  # type: ignore[union-attr]
    assert vocab.row("(六) 其他") is None  # a group label, numbered otherwise
    assert vocab.group("(六) 其他").item.id == "other"  # type: ignore[union-attr]
    assert vocab.column("其他").item.id == "other_org"  # type: ignore[union-attr]
    assert core("1. 申请人无正当理由逾期不补正, 行政机关") == "申请人无正当理由逾期不补正行政机关"


def test_a_typo_in_a_label_is_matched_and_reported() -> None:
    page = DRC.replace("5.属于三类内部事务信息", "5.属于三类内部事物信息")
    result = read_document(page.encode("utf-8"), kind="html", warn=False)
    assert_matches_expected(result.report, "2023-shuyang-drc")
    [fuzzy] = result.with_code("label.fuzzy")
    assert fuzzy.found == "5.属于三类内部事物信息" and fuzzy.level is Level.WARNING
    assert "/applications/denied_internal_affairs/natural_person" in fuzzy.cells
    assert "/applications/denied_internal_affairs/natural_person" in result.inferred_cells


def test_an_unreadable_label_is_taken_by_its_position() -> None:
    page = DRC.replace("6.属于四类过程性信息", "6.■■■■■")
    result = read_document(page.encode("utf-8"), kind="html", warn=False)
    assert_matches_expected(result.report, "2023-shuyang-drc")
    [guess] = result.with_code("label.by_position")
    assert guess.found == "6.■■■■■" and "属于四类过程性信息" in guess.message


def test_two_unreadable_labels_in_a_row_with_one_gap_are_not_guessed() -> None:
    page = DRC.replace("6.属于四类过程性信息", "6.■■■■■").replace("<tr><td>7.属于行政执法案卷",
                                                               "<tr><td>XX</td><td>YY")
    result = read_document(page.encode("utf-8"), kind="html", warn=False)
    assert result.with_code("label.unmatched") or result.with_code("label.by_position")
    for n in result.with_code("label.by_position"):
        assert n.found != "XX"


def _mixed_report() -> Report:
    """A 2023 report laid out as a district did: section 二 of 2021, section 三 of 2019."""
    rng = random.Random(7)
    new = random_report(rng, template="2021", year=2023)
    old = random_report(rng, template="2019", year=2023)
    return Report(template="2021", metadata=new.metadata, proactive=new.proactive,
                  applications=old.applications, review_litigation=new.review_litigation,
                  problems=new.problems, other_matters=new.other_matters)


def test_a_mixed_layout_is_held_as_stated_and_noted() -> None:
    report = _mixed_report()
    result = read_document(render_html(report).encode("utf-8"), warn=False)
    imported = result.report
    assert imported.template == "2021"
    assert imported.table_templates == {"applications": "2019"}
    assert imported.applications == report.applications
    [mixed] = result.with_code("template.mixed")
    assert "2019" in mixed.message
    assert not result.with_code("template.year_mismatch")


def test_the_old_layout_after_2021_is_detected_from_the_labels() -> None:
    old = random_report(random.Random(8), template="2019", year=2023)
    result = read_document(render_html(old).encode("utf-8"), warn=False)
    assert result.report.template == "2019"  # the layout printed, not the year's
    assert result.report.table_templates == {}
    [mismatch] = result.with_code("template.year_mismatch")
    assert "2023" in mismatch.message


@pytest.mark.parametrize("text,kind,value,status", [
    ("　　0", "count", 0, Status.NUMBER),
    ("—", "count", None, Status.DASH),
    ("－", "count", None, Status.DASH),
    ("/", "count", None, Status.DASH),
    ("无", "count", None, Status.DASH),
    ("", "count", None, Status.BLANK),
    ("1,234", "count", 1234, Status.NUMBER),
    ("-2", "count", None, Status.UNREADABLE),
    ("-2", "signed_count", -2, Status.NUMBER),
    ("+1036", "signed_count", 1036, Status.NUMBER),
    ("0.35", "amount", Decimal("0.35"), Status.NUMBER),
    ("24252.311082", "amount", Decimal("24252.311082"), Status.NUMBER),
    ("251000元", "amount", Decimal("251000"), Status.NUMBER),
    ("约5件", "count", None, Status.UNREADABLE),
])
def test_cell_values(text: str, kind: str, value: object, status: Status) -> None:
    from gi_report.form.spec import CellKind

    parsed = parse_value(text, CellKind(kind))
    assert (parsed.value, parsed.status) == (value, status)
    assert type(parsed.value) is type(value)


def test_a_dash_is_blank_and_an_unreadable_cell_is_reported() -> None:
    page = DRC.replace("<td>26</td><td></td>", "<td>26</td><td>—</td>", 1)
    page = page.replace("<tr><td>2.重复申请</td><td>0</td>", "<tr><td>2.重复申请</td><td>约0</td>")
    result = read_document(page.encode("utf-8"), kind="html", warn=False)
    report = result.report
    assert report.applications["new_this_year", "commercial_enterprise"] is None
    [dash] = result.with_code("cell.dash")
    assert dash.cells == ("/applications/new_this_year/commercial_enterprise",)
    [bad] = result.with_code("cell.unreadable")
    assert bad.cells == ("/applications/not_processed_duplicate/natural_person",)
    assert bad.found == "约0" and report.applications["not_processed_duplicate",
                                                       "natural_person"] is None


def test_table_of_blank_template_cells_is_blank_not_missing() -> None:
    empty = Table.blank(APPLICATIONS)
    report = random_report(random.Random(1), template="2021").with_table(empty)
    result = read_document(render_html(report).encode("utf-8"), warn=False)
    assert result.report.applications.is_blank
    assert not result.with_code("table.missing")
    assert any(len(n.cells) == 175 for n in result.with_code("cell.blank"))


def test_a_page_laid_out_in_a_table_is_read_as_a_page() -> None:
    """Older sites put the whole report, its tables included, into one cell of a layout table."""
    body = DRC[DRC.index("<article>"):DRC.index("</article>") + len("</article>")]
    page = ('<html><body><table width="980"><tr><td>导航</td></tr><tr><td>' + body
            + "</td></tr></table></body></html>")
    result = read_document(page.encode("utf-8"), kind="html", warn=False)
    assert_matches_expected(result.report, "2023-shuyang-drc")


def test_a_table_caption_is_text_before_the_table() -> None:
    old = '<table border="1">\n<tbody>\n<tr><td colspan="4">第二十条第（一）项</td></tr>'
    assert old in DRC
    page = DRC.replace(old, '<table border="1"><caption>第二十条第（一）项</caption>\n<tbody>\n', 1)
    result = read_document(page.encode("utf-8"), kind="html", warn=False)
    assert_matches_expected(result.report, "2023-shuyang-drc")


def test_a_table_under_the_wrong_heading_is_placed_by_its_labels() -> None:
    page = DRC.replace("<p>三、收到和处理政府信息公开申请情况</p>", "<p>（续）</p>")
    result = read_document(page.encode("utf-8"), kind="html", warn=False)
    assert_matches_expected(result.report, "2023-shuyang-drc")
    [moved] = result.with_code("table.moved")
    assert "三、收到和处理政府信息公开申请情况" in moved.message
    assert result.report.table_sections.applications.heading is None
    assert any("三、" in n.message for n in result.with_code("section.missing"))


def test_a_table_that_is_none_of_the_forms_is_ignored_and_noted() -> None:
    extra = "<table><tr><td>附表</td><td>说明</td></tr><tr><td>甲</td><td>乙</td></tr></table>"
    page = DRC.replace("<p>四、政府信息公开行政复议、行政诉讼情况</p>",
                       "<p>四、政府信息公开行政复议、行政诉讼情况</p>" + extra)
    result = read_document(page.encode("utf-8"), kind="html", warn=False)
    assert_matches_expected(result.report, "2023-shuyang-drc")
    assert result.with_code("table.ignored")
