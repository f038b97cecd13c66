"""A page mark a crawl glued into a table's digit run (a table broken over pages, one line).

``…0048第6页3201…`` or ``…1309— 7 —`` before the next row label: the mark is page furniture, its
page number none of the run's digits. It was kept in the run, so section 三's digits were read
as a header cell and its cells blanked with ``cell.blank`` ("printed empty"), a false reason,
or the row's value (``1309— 7 —``) read as no number.
"""

from __future__ import annotations

import random

import pytest

from benchmarks.fidelity_harness import Case, compare
from benchmarks.fidelity_harness.cases import build_case, generate, run_case
from benchmarks.fidelity_harness.document import Document, Paragraph, build
from benchmarks.fidelity_harness.document import TableBlock as HarnessTable
from benchmarks.fidelity_harness.forms import one_line as harness_one_line
from gi_report import read_document
from gi_report.form import get_template
from gi_report.importers.blanks import blank_cells
from gi_report.importers.furniture import leading_mark_end, page_mark, run_mark
from gi_report.importers.text import _CrawlTable, _signed_row
from gi_report.importers.values import run_segments
from gi_report.model import Report
from gi_report.synthetic import random_report
from tests.importers.dumps import one_line
from tests.importers.test_fidelity import _wrong
from tests.importers.test_invariant import assert_right_or_blank

APPLICATIONS = get_template("2021").table("applications")


def test_run_mark_takes_a_worded_or_glued_dashed_mark_between_numbers() -> None:
    assert run_mark("0048第6页3201") == (4, 7)
    assert run_mark("0048 第 6 页 3201") == (5, 10)
    assert run_mark("0条第6页0个") == (2, 5)  # after a unit word
    assert run_mark("1309— 7 —") == (4, 9)  # the run ends at the mark (a label follows)
    assert run_mark("0001- 6 -0101") == (4, 9)
    assert run_mark("0048第6页 共9页3201") == (4, 11)
    assert run_mark("1-1440- 9 - ") == (6, 11)  # white space before the end of the text aside


def test_run_mark_leaves_what_may_be_cells_or_no_run() -> None:
    assert run_mark("1 — 6 — 3") is None  # spaced: a dash, 6 and a dash may be three cells
    assert run_mark("1— 6 — 3") is None
    assert run_mark("1 — 6 —") is None
    assert run_mark("0-71") is None  # a signed count
    assert run_mark("12 6 34") is None  # a bare number never
    assert run_mark("第6页3201") is None  # a leading mark is page_mark_end's
    assert run_mark("本年第6页3201") is None  # not after a number
    assert run_mark("0048第6页本年") is None  # not before one


def test_a_page_mark_alone_between_labels_is_furniture_unless_a_row_waits_for_its_value() -> None:
    assert page_mark(" — 6 — ") and page_mark("第6页 共9页") and not page_mark("6")
    assert not page_mark("—6—") and not page_mark("1— 6 —")
    first, second = APPLICATIONS.rows[0], APPLICATIONS.rows[1]
    narrative: list[str] = []
    table = _CrawlTable(narrative, APPLICATIONS.id)
    table.label("header", APPLICATIONS.columns[0].label, 0)
    table.text("- 6 - ", 10)  # after a header: furniture
    table.label("row", first.label, 20)
    table.text("12", 40)
    table.text(" — 7 — ", 42)  # after a row's value: furniture
    table.label("row", second.label, 50)
    table.text("— 8 —", 70)  # a row waits for its value: kept (a dash may be a cell's value)
    rows = [[text for text, _ in row] for row in table.finish()]
    assert rows == [[APPLICATIONS.columns[0].label], [first.label, "12"],
                    [second.label, "— 8 —"]]
    assert narrative == ["- 6 -", "— 7 —"]


def test_a_page_mark_inside_a_run_of_number_only_rows_splits_it_as_furniture() -> None:
    """The digits before and after the mark are read apart (the break falls between two rows);
    the mark is kept with its offset, for a notice of its own."""
    narrative: list[str] = []
    table = _CrawlTable(narrative, APPLICATIONS.id)
    table.text("1026100027第6页3201000339", 100)
    assert [[text for text, _ in row] for row in table.finish()] == [
        ["1026100027"], ["3201000339"]]
    assert table.marks == [("第6页", 110)]
    assert narrative == []


def _dump_with_mark(mark: str) -> tuple[str, Report]:
    """A one-line dump of a generated report with no blank cell, ``mark`` glued between a
    section 三 row's numbers and the next row's label (a page break)."""
    report = random_report(random.Random(7), template="2021", blank_rate=0.0, scale=8)
    text = one_line(report)
    sections = text.index(get_template("2021").table("review_litigation").rows[0].label)
    label = APPLICATIONS.rows[3].label
    at = text.index(label, 0, sections)
    assert text[at - 1].isdigit()
    return text[:at] + mark + text[at:], report


@pytest.mark.parametrize("mark", ["— 7 —", "- 7 -", "第7页"])
def test_a_dump_with_a_page_mark_after_a_rows_numbers_reads_every_cell(mark: str) -> None:
    text, report = _dump_with_mark(mark)
    result = read_document(text.encode("utf-8"), kind="text", warn=False)
    cells = sum(len(list(table.cells())) for table in report.tables.values())
    assert assert_right_or_blank(result, report) == cells
    [removed] = [n for n in result.with_code("furniture.removed") if n.found == mark]
    assert removed.location is not None
    assert removed.location.table == 1  # section 三's table, at the mark
    assert removed.location.offset == text.index(mark)
    assert mark in removed.message


REPRODUCERS = [
    # harness seed 2026 and 2027 (one_line): the mark inside section 三's run of number-only
    # rows (labels printed apart), or glued dashed after a row's numbers
    pytest.param(Case(4213795841, ("detached_labels", "narrative_between", "page_break_row_lost",
                                   "part_numbering"), "one_line"), id="worded-mark-in-run"),
    pytest.param(Case(2471799959, ("two_numbers", "detached_labels", "unit_words",
                                   "page_break_row_lost"), "one_line"), id="mark-after-unit"),
    pytest.param(Case(498966248, ("heading_typo", "detached_labels", "header_broken",
                                  "page_break_row_lost"), "one_line"), id="dashed-mark-in-run"),
]


@pytest.mark.parametrize("case", REPRODUCERS)
def test_no_blank_cell_says_printed_empty_beside_a_page_mark_in_a_run(case: Case) -> None:
    """The document printed these cells: none is blank as printed empty (``cell.blank``); no
    cell is wrong either."""
    _, text, kind = build_case(case)
    result = read_document(text.encode("utf-8"), kind=kind, warn=False)
    assert not [b.pointer for b in blank_cells(result) if b.notice is None
                or b.notice.code == "cell.blank"]
    assert _wrong(case) == []


def test_a_dashed_mark_after_a_rows_numbers_no_longer_blanks_section_three() -> None:
    """Seed 2027: ``…2280029151309— 7 —`` before the next row's label was read as no number, and
    every cell it constrained stayed blank (18 right of 201); now 172."""
    case = Case(32586645, ("page_break_row_lost",), "one_line")
    outcome = run_case(case, tries=0)
    assert outcome.tally is not None
    assert outcome.tally.wrong == ()
    assert outcome.tally.right >= 172


def test_leading_mark_end_takes_a_dashed_mark_glued_to_the_number_after_it() -> None:
    assert leading_mark_end("— 5 —020") == 5
    assert leading_mark_end(" - 8 -1") == 6  # white space before it: a label's end, no number
    assert leading_mark_end("—  12  –3") == 8
    assert leading_mark_end("— 5 — 020") == 0  # spaced: a dash, 5 and a dash may be cells
    assert leading_mark_end("— 5 —") == 0  # alone: page_mark's
    assert leading_mark_end("—5—020") == 0  # no white space inside: dashes of a run
    assert leading_mark_end("5 020") == 0  # a bare number never


def test_a_dashed_mark_glued_onto_a_header_is_furniture_not_a_header_word() -> None:
    """``…<last header>— 5 —020…`` (labels printed apart, a page break after the header): the
    mark was read as a header cell with the numbers after it, and section 二's row lost."""
    narrative: list[str] = []
    table = _CrawlTable(narrative, APPLICATIONS.id)
    table.label("header", APPLICATIONS.columns[0].label, 0)
    table.text("— 5 —020", 10)
    assert [[text for text, _ in row] for row in table.finish()] == [
        [APPLICATIONS.columns[0].label], ["020"]]
    assert narrative == ["— 5 —"]


def test_a_dashed_mark_after_a_row_label_waiting_for_its_value_is_kept() -> None:
    narrative: list[str] = []
    table = _CrawlTable(narrative, APPLICATIONS.id)
    table.label("row", APPLICATIONS.rows[0].label, 0)
    table.text("— 5 —020", 20)  # a dash there may be the row's value
    assert [[text for text, _ in row] for row in table.finish()] == [
        [APPLICATIONS.rows[0].label, "— 5 —020"]]
    assert narrative == []


LABEL_GLUED = [
    # harness, page breaks combined with labels printed apart: the mark glued onto section
    # 二's last header, section 二's first row then lost (row.missing)
    pytest.param(Case(610599015, ("heading_typo", "detached_labels", "page_break_row_lost",
                                  "part_numbering"), "one_line_blanks"), id="blanks"),
    pytest.param(Case(2939489593, ("detached_labels", "page_break_row_lost"),
                      "one_line_blanks"), id="blanks-2"),
    pytest.param(Case(494189852, ("detached_labels", "label_variant", "page_break_row_lost"),
                      "one_line"), id="one-line"),
    pytest.param(Case(2241793859, ("detached_labels", "page_break_row_lost", "label_typo"),
                      "one_line_blanks"), id="label-typo"),
]


@pytest.mark.parametrize("case", LABEL_GLUED)
def test_a_dashed_mark_glued_onto_a_header_loses_no_row(case: Case) -> None:
    outcome = run_case(case, tries=0)
    assert outcome.tally is not None
    assert outcome.tally.wrong == ()
    assert not [b.pointer for b in outcome.tally.blanks
                if b.code == "row.missing" and b.pointer.startswith("/proactive/")]


def test_a_dashed_mark_beside_a_dash_cell_is_not_taken_out_of_a_run() -> None:
    """``5—— 6 —7``: a dash cell and the mark, or dash cells and a number printed padded
    (``—``, `` 6 ``, ``—``)? Not told apart: nothing is taken out, and the run, holding dashes,
    is read as no number."""
    assert run_mark("5—— 6 —7") is None
    assert run_mark("5— 6 ——7") is None
    assert run_mark("5- 6 --3") is None  # a signed count after the mark
    assert run_segments("5—— 6 —7") is None


def test_a_run_with_a_mark_beside_a_dash_cell_is_the_sections_text_not_a_header() -> None:
    narrative: list[str] = []
    table = _CrawlTable(narrative, APPLICATIONS.id)
    table.label("header", APPLICATIONS.columns[0].label, 0)
    table.text("00100—— 6 —00111", 10)
    assert [[text for text, _ in row] for row in table.finish()] == [
        [APPLICATIONS.columns[0].label]]
    assert narrative == ["00100—— 6 —00111"]


def _marked_doc(seed: int, mark: str, dash: str, detached: bool) -> tuple[Document, str]:
    """A one-line dump of a generated report whose section 三 table breaks over two pages at a
    random row, ``mark`` printed between the two parts glued to the cells on both sides; the
    last value cell before it printed as a dash (``dash`` holding ``p``), the first after it
    (``n``); ``detached``: the table's labels printed apart from its numbers."""
    rng = random.Random(seed)
    doc = build(generate(rng, blanks=False))
    table = next(b for b in doc.blocks
                 if isinstance(b, HarnessTable) and b.spec is not None
                 and b.spec.id == APPLICATIONS.id)
    if detached:
        labels = []
        for row in table.rows:
            if any(c.ref for c in row.cells):
                labels += [c.text for c in row.cells if c.header]
                row.cells = [c for c in row.cells if not c.header]
        doc.blocks.insert(doc.blocks.index(table), Paragraph("\n".join(labels)))
    data = [i for i, row in enumerate(table.rows) if any(c.ref for c in row.cells)]
    at = rng.choice(data[1:])
    before = [c for c in table.rows[at - 1].cells if c.ref][-1]
    after = next(c for c in table.rows[at].cells if c.ref)
    for cell, side in ((before, "p"), (after, "n")):
        if side in dash and cell.ref is not None:
            cell.text = "—"
            doc.truth[f"/{APPLICATIONS.id}/{cell.ref[0]}/{cell.ref[1]}"] = None
    rest = HarnessTable(table.rows[at:], table.spec)
    del table.rows[at:]
    where = doc.blocks.index(table) + 1
    doc.blocks[where:where] = [Paragraph(mark), rest]
    text, _ = harness_one_line(doc, rng)
    return doc, text


@pytest.mark.parametrize(("mark", "seed"), [("— 6 —", 1), ("- 6 -", 2), ("—  16  —", 3)])
@pytest.mark.parametrize("dash", ["", "p", "n", "pn"])
@pytest.mark.parametrize("detached", [False, True])
def test_a_dashed_mark_between_glued_cells_never_makes_a_wrong_cell(
        mark: str, seed: int, dash: str, detached: bool) -> None:
    """The page number is never a cell's value nor a digit of one, and no digit of the cells
    around it is dropped or moved: each cell is right or blank."""
    doc, text = _marked_doc(seed, mark, dash, detached)
    assert mark in text
    result = read_document(text.encode("utf-8"), kind="text", warn=False)
    assert compare(doc.truth, result.report).wrong == ()


def test_a_mark_beside_a_dash_cell_in_a_run_of_number_only_rows_says_why_cells_are_blank() -> None:
    """Section 三 printed as one run of numbers (labels apart), ``…00100—— 6 —00111…``: its
    cells were blank as printed empty (``cell.blank``); the document prints them."""
    doc, text = _marked_doc(2, "— 6 —", "p", detached=True)
    assert "—— 6 —" in text
    result = read_document(text.encode("utf-8"), kind="text", warn=False)
    assert compare(doc.truth, result.report).wrong == ()
    blanks = [b for b in blank_cells(result) if b.pointer.startswith(f"/{APPLICATIONS.id}/")
              and doc.truth.get(b.pointer) is not None]
    assert blanks and {b.code for b in blanks} == {"cell.unreadable"}


def test_a_long_digit_run_with_a_dash_cell_beside_a_mark_is_read_at_once() -> None:
    """``…000100—- 6 -0011…`` (sixty digits, a dash cell, the mark): the signed-row pattern let
    numbers follow each other with nothing between, and took exponential time to fail on it
    (the import never ended); now one way to match, so it fails at once."""
    assert not _signed_row("0" * 60 + "--6")
    assert _signed_row("0-701-21") and _signed_row("1 -2 3") and not _signed_row("12")
