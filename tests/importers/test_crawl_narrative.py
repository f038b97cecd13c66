"""A one-line crawl whose section 四 numbers are followed right away by a sentence of the
report's own (issue 10: ``narrative_between`` in one-line dumps)."""

from __future__ import annotations

from benchmarks.fidelity_harness import Case, build_case, compare
from gi_report import read_document
from gi_report.importers.text import _value_cut


def test_fifteen_digits_or_more_then_text_are_cut_before_the_text() -> None:
    assert _value_cut("2243644030400430430042042本年度共收到197件。", False) == 25
    assert _value_cut("2024年，本机关共收到申请12件。", False) == 0  # a sentence stays whole
    assert _value_cut("12345政务热线共转办3件。", False) == 0
    assert _value_cut("202420242024202420件，较上年增长。", False) == 0  # a number with its unit


def test_section_four_numbers_followed_by_a_sentence_are_read_not_kept_as_narrative() -> None:
    # before: the 25 digits and the sentence after them were one narrative text; the table had
    # only its header, and all fifteen cells were blank (cell.blank)
    case = Case(1424694943, ("narrative_between",), "one_line")
    doc, text, kind = build_case(case)
    assert isinstance(text, str)
    result = read_document(text.encode(), kind=kind, warn=False)
    assert compare(doc.truth, result.report).wrong == ()
    table = result.report.table("review_litigation")
    assert table.cell("litigation_direct", "total") == 43
    assert table.cell("administrative_review", "total") == 304
    blank = {p for n in result.notices if n.code == "split.ambiguous" for p in n.cells}
    assert "/review_litigation/administrative_review/other" in blank  # 4, 40 or 44, 0
    assert not any(n.code == "cell.blank" for n in result.notices)


def test_a_page_number_inside_a_long_run_is_no_sentence_to_cut_off() -> None:
    # section 三 printed as one run apart from its labels, broken by a page number
    assert _value_cut("369601300433168124692341945001000102第6页3201000339600", False) == 0
