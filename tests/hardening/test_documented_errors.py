"""Only documented errors escape: each defect of the fuzzing campaign (issue 11), one test."""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

import pytest

from gi_report import from_dict, read_document, to_dict, validate
from gi_report.cli import main
from gi_report.errors import DocumentError, Problem
from gi_report.importers.normalize import cn_number, split_marker
from gi_report.numbers import MAX_COUNT_DIGITS, exact_number
from gi_report.synthetic import random_report

CORPUS = Path(__file__).resolve().parents[1] / "data" / "corpus"
HTML = CORPUS / "2023-shuyang-drc.html"
CRAWL = CORPUS / "2021-pingtan.txt"


def _report_dict() -> dict[str, Any]:
    return to_dict(random_report(random.Random(3)))


def test_a_cell_of_5000_digits_is_blank_with_a_notice_not_a_value_error() -> None:
    data = HTML.read_bytes()
    first = read_document(data, warn=False)
    cell = next(p for p, v in _cells(first.report) if v == 0)
    huge = data.replace(b">0<", b">" + b"9" * 5000 + b"<", 1)
    result = read_document(huge, warn=False)
    values = dict(_cells(result.report))
    assert values[cell] is None, "never a number the form cannot hold"
    assert any(n.code == "cell.unreadable" and cell in n.cells for n in result.notices)


def test_a_count_of_16_digits_is_refused_before_int_but_15_are_read() -> None:
    data = HTML.read_bytes()
    base = dict(_cells(read_document(data, warn=False).report))
    cell = next(p for p, v in base.items() if v == 0)
    fits = read_document(data.replace(b">0<", b">" + b"9" * MAX_COUNT_DIGITS + b"<", 1),
                         warn=False)
    assert dict(_cells(fits.report))[cell] == int("9" * MAX_COUNT_DIGITS)
    too_long = read_document(data.replace(b">0<", b">" + b"1" * 16 + b"<", 1), warn=False)
    assert dict(_cells(too_long.report))[cell] is None
    zeros = read_document(data.replace(b">0<", b">" + b"0" * 5000 + b"1<", 1), warn=False)
    assert dict(_cells(zeros.report))[cell] is None, "leading zeros count as digits"


def test_a_colspan_or_rowspan_of_5000_digits_is_read_as_the_cap() -> None:
    data = HTML.read_bytes()
    for attribute in (b"colspan", b"rowspan"):
        damaged = data.replace(b"<td", b"<td " + attribute + b'="' + b"9" * 5000 + b'"', 1)
        read_document(damaged, warn=False)  # no ValueError


@pytest.mark.parametrize("digits", [130, 4301, 6000])
def test_a_crawl_run_longer_than_its_cells_is_left_blank_with_split_too_long(
        digits: int) -> None:
    data = CRAWL.read_bytes()
    run = b"220000325"  # one row's run (the "2." after it numbers the next row)
    assert run in data
    result = read_document(data.replace(run, b"7" * digits, 1), kind="text", warn=False)
    notices = [n for n in result.notices if n.code == "split.too_long"]
    assert notices, [n.code for n in result.notices if n.code.startswith("split")]
    for pointer in notices[0].cells:
        _, table, row, column = pointer.split("/")
        assert result.report.table(table).cell(row, column) is None


def test_a_malformed_numeral_marker_is_not_a_marker() -> None:
    assert split_marker("(一一)予以公开") == (None, "(一一)予以公开")
    assert split_marker("(十二)予以公开") == (("pcn", 12), "予以公开")
    with pytest.raises(ValueError, match="not a Chinese numeral"):
        cn_number("一一")
    text = CRAWL.read_text("utf-8").replace("（一）", "（一一）", 1)
    read_document(text.encode("utf-8"), kind="text", warn=False)  # no ValueError


def test_a_narrative_number_of_5000_digits_is_compared_exactly_without_error() -> None:
    assert exact_number("7" * 5000, amount=False) == int("7" * 4000) * 10**1000 + int("7" * 1000)
    report = random_report(random.Random(4))
    sentence = f"本年度共收到政府信息公开申请{'9' * 5000}件。"
    document = to_dict(report)
    document["overview"]["text"] = sentence  # R15 reads section 一
    validate(from_dict(document))  # no ValueError


def test_from_dict_refuses_deep_nesting_with_its_pointer() -> None:
    deep: Any = 1
    for _ in range(1000):
        deep = {"a": deep}
    document = _report_dict()
    document["metadata"]["extra"] = deep
    with pytest.raises(DocumentError) as caught:
        from_dict(document)
    assert caught.value.problems[0].pointer.startswith("/metadata/extra/a/a")
    assert "nesting of at most 64 levels" in str(caught.value)
    with pytest.raises(DocumentError):
        from_dict(deep)


def test_from_dict_refuses_a_complex_year_with_its_pointer() -> None:
    document = _report_dict()
    document["metadata"]["year"] = complex(1, 2)
    with pytest.raises(DocumentError) as caught:
        from_dict(document)
    assert [p.pointer for p in caught.value.problems] == ["/metadata/year"]
    assert caught.value.problems[0].got == "complex"


def test_cli_unwritable_output_is_one_line_and_exit_2(capsys: pytest.CaptureFixture[str],
                                                      tmp_path: Path) -> None:
    example = Path(__file__).resolve().parents[2] / "examples" / "2022-beijing-xicheng-cgzx.json"
    source = tmp_path / "r.json"
    source.write_bytes(example.read_bytes())
    for argv in (["convert", str(source), "/nonexistent/dir/out.xml"],
                 ["schema", "-o", "/nonexistent/dir/s.json"]):
        assert main(argv) == 2, argv
        err = capsys.readouterr().err
        assert "Traceback" not in err
        assert err.count("\n") == 1 and "/nonexistent/dir" in err, err


def test_cli_error_met_late_is_one_line_and_exit_2(capsys: pytest.CaptureFixture[str],
                                                   monkeypatch: pytest.MonkeyPatch,
                                                   tmp_path: Path) -> None:
    """Any GIReportError a subcommand does not report itself ends as one line and exit 2."""
    from gi_report.cli import build_parser

    def fail(args: Any) -> int:
        raise DocumentError([Problem(pointer="/a", expected="x"), Problem(pointer="/b",
                                                                          expected="y")])

    parser = build_parser()
    args = parser.parse_args(["schema"])
    args.run = fail
    monkeypatch.setattr("gi_report.cli.build_parser", lambda: _Fixed(parser, args))
    assert main(["schema"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("gi-report: not a valid gi-report document") and err.count("\n") == 1
    assert "/a: expected x (and 1 more)" in err


class _Fixed:
    def __init__(self, parser: Any, args: Any) -> None:
        self.parser, self.args = parser, args

    def parse_args(self, argv: Any) -> Any:
        return self.args


def _cells(report: Any) -> list[tuple[str, Any]]:
    out = []
    for table_id, table in report.tables.items():
        for row, values in zip(table.spec.rows, table.values, strict=True):
            for column, value in zip(row.columns, values, strict=True):
                out.append((f"/{table_id}/{row.id}/{column}", value))
    return out



def test_validate_a_sentence_naming_an_outcome_whose_label_holds_a_join_word() -> None:
    """A denial reason whose label holds a join word (及) made R15 raise KeyError on a
    sentence stating a number for it (fuzz html:29406)."""
    from gi_report.form import get_template
    from gi_report.importers.normalize import split_marker
    from gi_report.validation.labels import without_numbering

    spec = get_template("2021").table("applications")
    label = next(without_numbering(r.label) for r in spec.rows
                 if "及" in without_numbering(r.label))
    assert split_marker(label)[0] is None
    document = to_dict(random_report(random.Random(5)))
    document["overview"]["text"] = f"{label}申请18件。"  # R15 reads section 一
    validate(from_dict(document))  # no KeyError


def test_a_pdf_drawing_at_nan_coordinates_is_a_documented_error() -> None:
    """A damaged content stream put characters at NaN (fuzz pdf:21339, whose mutation the
    generator no longer makes): the page is refused with a located, documented error instead of
    pdfplumber's ``ValueError`` from the margin count."""
    from types import SimpleNamespace

    from gi_report.errors import CorruptDocumentError
    from gi_report.importers.pdf import _check_finite

    page = SimpleNamespace(lines=[], rects=[])
    fine = {"x0": 1.0, "x1": 2.0, "top": 3.0, "bottom": 4.0}
    _check_finite(page, [fine], 1, "r.pdf")  # finite positions pass
    for bad in (float("nan"), float("inf")):
        with pytest.raises(CorruptDocumentError, match="not numbers") as info:
            _check_finite(page, [fine, {**fine, "top": bad}], 3, "r.pdf")
        assert "page 3" in str(info.value)
