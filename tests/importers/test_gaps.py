"""Rows that lack a cell (a crawl dropped it, a Markdown row ends early; issue 10 item 10): the
form's arithmetic places the gap, the printed values are read into the other cells, the missing
cell stays blank; where the arithmetic cannot tell, the row stays blank with its candidates."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

from benchmarks.fidelity_harness import Case, build_case, compare
from gi_report import read_document
from gi_report.cli import main
from gi_report.form import TEMPLATES
from gi_report.importers.blanks import UNEXPLAINED, blank_cells
from gi_report.importers.gaps import Gap, placements, settle, trusted
from gi_report.synthetic import random_report
from gi_report.table import CellValue

Cell = tuple[str, str]


def _applications(seed: int) -> tuple[object, dict[Cell, CellValue]]:
    report = random_report(random.Random(seed), template="2021", scale=200)
    table = report.applications
    return table.spec, {(r, c): v for r, c, v in table.cells()}


def _gapped(values: dict[Cell, CellValue], row: str, missing: str, columns: tuple[str, ...]
            ) -> tuple[dict[Cell, CellValue], Gap]:
    known = {cell: v for cell, v in values.items() if cell[0] != row}
    cells = tuple((row, c) for c in columns)
    texts = tuple(str(values[c]) for c in cells if c[1] != missing)
    return known, Gap(cells, texts)


def test_every_placement_lays_the_texts_in_order_around_the_gap() -> None:
    spec = TEMPLATES["2021"].table("applications")
    cells = tuple(("granted", c.id) for c in spec.columns)
    found = placements(spec, Gap(cells, ("1", "2", "3", "4", "5", "6")))
    assert len(found) == 7
    assert [p[cells[0]][0] for p in found] == [None, "1", "1", "1", "1", "1", "1"]
    assert [p[cells[6]][0] for p in found] == ["6", "6", "6", "6", "6", "6", None]


@pytest.mark.parametrize("seed", range(6))
def test_a_consistent_table_places_the_gap_and_never_reads_a_wrong_cell(seed: int) -> None:
    spec, values = _applications(seed)
    columns = tuple(c.id for c in spec.columns)
    rng = random.Random(seed)
    row = rng.choice([r.id for r in spec.rows])
    missing = rng.choice(columns)
    known, gap = _gapped(values, row, missing, columns)
    settled = settle(spec, known, gap)
    for cell, text in settled.read.items():
        assert cell[1] != missing and str(values[cell]) == text
    assert settled.missing in ((), ((row, missing),))
    if settled.missing:  # the gap placed: every other cell read
        assert set(settled.read) == {(row, c) for c in columns if c != missing}


def test_the_gap_is_placed_in_many_consistent_tables() -> None:
    placed = 0
    for seed in range(20):
        spec, values = _applications(seed)
        columns = tuple(c.id for c in spec.columns)
        known, gap = _gapped(values, "granted", columns[seed % 7], columns)
        placed += bool(settle(spec, known, gap).missing)
    assert placed >= 6  # 8 of 20: a gap among equal values (0 0 0) cannot be placed


def test_no_arithmetic_settles_nothing() -> None:
    spec = TEMPLATES["2021"].table("proactive")  # section 二: no relation
    cells = tuple(("regulations", c) for c in spec.row("regulations").columns)
    settled = settle(spec, {}, Gap(cells, ("5", "7")))
    assert settled.read == {} and settled.open == cells and len(settled.candidates) == 3


def test_a_table_breaking_its_own_arithmetic_is_not_trusted() -> None:
    spec, values = _applications(1)
    assert trusted(spec, values, {"granted"})
    values[("new_this_year", "total")] = values[("new_this_year", "total")] + 1
    assert not trusted(spec, values, {"granted"})


def _tally(case: Case) -> tuple[int, int, tuple[object, ...], list[str]]:
    doc, text, kind = build_case(case)
    data = text.encode("utf-8") if isinstance(text, str) else text
    result = read_document(data, kind=kind, warn=False)
    tally = compare(doc.truth, result.report)
    return tally.right, tally.blank, tally.wrong, [n.code for n in result.notices]


@pytest.mark.parametrize("form", ["html", "tab_rows", "markdown", "docx"])
def test_a_row_lacking_a_cell_is_never_split_as_digits(form: str) -> None:
    # before: 0 0 0 1 0 45 (7 cells) read as digits, 45 cut into 4 and 5 (4 wrong cells)
    _, _, wrong, _ = _tally(Case(8, ("cell_missing",), form))
    assert wrong == ()


def test_a_markdown_row_lacking_a_cell_is_read_where_the_arithmetic_places_the_gap() -> None:
    _, blank, wrong, codes = _tally(Case(1, ("cell_missing",), "markdown"))
    assert wrong == () and "row.gap" in codes and "column.missing" in codes
    assert blank == 0


@pytest.mark.parametrize("case", [
    Case(seed, (kind,), form) for seed in range(4)
    for kind in ("cell_missing", "detached_labels", "unit_words")
    for form in ("html", "markdown", "tab_rows", "one_line")])
def test_every_blank_cell_has_a_reason(case: Case) -> None:
    _, text, kind = build_case(case)
    data = text.encode("utf-8") if isinstance(text, str) else text
    result = read_document(data, kind=kind, warn=False)
    blanks = blank_cells(result)
    assert [b.pointer for b in blanks if b.code == UNEXPLAINED] == []


def test_check_says_why_each_cell_of_a_gapped_row_is_blank(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, text, _ = build_case(Case(0, ("cell_missing",), "markdown"))
    path = tmp_path / "report.md"
    path.write_text(str(text), encoding="utf-8")
    assert main(["check", str(path), "--format", "json"]) == 1
    record = json.loads(capsys.readouterr().out)
    codes = {b["code"] for b in record["blank_cells"]}
    assert "cell.unexplained" not in codes and "row.cell_count" in codes


@pytest.mark.parametrize("form", ["tab_rows", "html", "markdown", "pipe_rows"])
def test_a_gapped_row_is_placed_in_the_order_its_header_prints(form: str) -> None:
    # 总计 printed first: the gap was placed over the form's column order, two cells wrong
    case = Case(340626988, ("column_order", "detached_labels", "label_variant", "cell_missing"),
                form)
    _, _, wrong, _ = _tally(case)
    assert wrong == ()


@pytest.mark.parametrize("case", [
    Case(3979329727, ("cell_missing", "two_numbers", "title_broken", "extra_section"), "html"),
    Case(898474206, ("cell_missing", "heading_typo", "extra_section", "two_numbers"), "tab_rows"),
    Case(1596155043, ("two_numbers", "cell_missing", "page_break_row_lost"), "pipe_rows"),
    Case(3896036132, ("two_numbers", "label_variant", "cell_missing"), "cell_per_line"),
])
def test_two_numbers_in_a_cell_of_a_row_lacking_one_are_not_two_of_its_cells(case: Case) -> None:
    # 484 3 | 1 | 0 | 1 | 0 | 486 for seven cells: read as 484, 3, 1, 0, 1, 0, 486 (four wrong)
    _, _, wrong, _ = _tally(case)
    assert wrong == ()
