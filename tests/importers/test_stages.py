"""Each importer stage used alone: heading finder, row reader, aligner, detached rows, digit
solver with text evidence, value placer."""

from __future__ import annotations

from decimal import Decimal

from gi_report.form import get_template
from gi_report.importers.align import align_labelled, foreign_row
from gi_report.importers.blocks import GridCell, Location, TableBlock
from gi_report.importers.detached import align, arithmetic_holds
from gi_report.importers.digits import Run, solve
from gi_report.importers.evidence import settle, statements
from gi_report.importers.narrative import find_inline_headings, match_heading
from gi_report.importers.rows import read_rows
from gi_report.importers.values import two_numbers

FORM = get_template("2021")
PROACTIVE = FORM.table("proactive")
APPLICATIONS = FORM.table("applications")


def _table(rows: list[list[str]]) -> TableBlock:
    width = max(len(r) for r in rows)
    return TableBlock(
        rows=tuple(tuple(GridCell(text=row[c], origin=(r, c), location=Location(row=r, column=c))
                         if c < len(row) else None for c in range(width))
                   for r, row in enumerate(rows)),
        location=Location())


def test_headings_loose_renumbered_and_as_parts() -> None:
    four = FORM.section("review_litigation")
    problems = FORM.section("problems")
    title = four.title.replace("、", "与")
    heading = match_heading(f"四、{title}", four)
    assert heading is not None and heading.fuzzy
    moved = match_heading(f"六、{problems.title}", problems, renumbered=True)
    assert moved is not None and moved.fuzzy and moved.text == f"六、{problems.title}"
    assert match_heading(f"六、{problems.title}", problems) is None
    part = match_heading(f"第五部分 {problems.title}", problems)
    assert part is not None and not part.fuzzy
    line = "".join(f"{s.number}、{s.title}正文。" for s in FORM.sections).replace(
        four.title, title)
    assert [s.id for s, _, _ in find_inline_headings(line, FORM.sections)] == [
        s.id for s in FORM.sections]


def test_rows_then_alignment_by_label_and_by_position() -> None:
    rows = [row.label for row in APPLICATIONS.rows]
    printed = [["", *(c.label for c in (APPLICATIONS.column(i) for i in
                                        APPLICATIONS.rows[0].columns))]]
    printed += [[label, *["0"] * 7] for label in rows]
    printed[3][0] = "一个无法识别的行名"  # the third form row, printed unrecognisably
    stream = read_rows(APPLICATIONS, [_table(printed)])
    assert len(stream.rows) == len(rows)
    alignment = align_labelled(APPLICATIONS, stream.rows)
    assert alignment.notices == [] and alignment.score == 0
    assert [dr.row.id for dr in stream.rows if dr.row] == [r.id for r in APPLICATIONS.rows]
    assert stream.rows[2].how == "position"


def test_a_label_of_the_other_layout_is_foreign() -> None:
    old = get_template("2019").table("proactive")
    other_row = next(r for r in old.rows if PROACTIVE.rows and all(
        r.label != n.label for n in PROACTIVE.rows))
    assert foreign_row(PROACTIVE, other_row.label)
    assert not foreign_row(PROACTIVE, "一个无法识别的行名")


def test_detached_rows_aligned_only_when_unique_and_the_arithmetic_holds() -> None:
    spec = FORM.table("review_litigation")
    texts = [["1", "0", "0", "0", "1"], ["0", "2", "0", "0", "2"], ["0", "0", "0", "3", "3"]]
    assert [r.id for r in align(spec, [None, None, None], texts, {}) or []] == [
        r.id for r in spec.rows]
    broken = [*texts[:2], ["0", "0", "0", "3", "4"]]  # a total that does not add up
    assert align(spec, [None, None, None], broken, {}) is None
    assert align(spec, [None, None], texts[:2], {}) is None  # two rows for three: not unique
    assert arithmetic_holds(PROACTIVE, {}, {PROACTIVE.rows[0].id})  # no arithmetic at all


def test_the_text_settles_a_split_only_when_one_candidate_is_left() -> None:
    row = PROACTIVE.row("normative_documents")
    cells = [(row.id, c) for c in row.columns]
    run = Run(cells=tuple(cells), kinds=tuple(PROACTIVE.column(c).kind for c in row.columns),
              segments=("5416",), text="5416", location=Location())
    solution = solve(PROACTIVE, {}, [run])
    [ambiguous] = solution.notices
    assert ambiguous.code == "split.ambiguous" and len(ambiguous.candidates) == 3
    label = "规范性文件"  # a variant of the row's label the form lists
    assert statements(f"我局制定{label}5件，现行有效的{label}16件。", [label]) != []
    values, notices = settle(PROACTIVE, solution.notices, f"现行有效的{label}16件。")
    assert values == dict(zip(cells, (5, 4, 16), strict=True))
    assert [n.code for n in notices] == ["split.by_text"]
    values, notices = settle(PROACTIVE, solution.notices, f"制定{label}5件。")
    assert values == {} and notices == list(solution.notices)  # 5 fits two of three splits
    values, _ = settle(PROACTIVE, solution.notices, f"{label}类信息99条。")
    assert values == {}  # a number that fits no split is about something else


def test_two_numbers_in_one_cell() -> None:
    assert two_numbers("93 3") and two_numbers("12\n13") and two_numbers("190.7787 7")
    assert not two_numbers("93") and not two_numbers("12.5万元") and not two_numbers(" 7 ")
    assert Decimal("190.7787") != Decimal("190.77877")  # what joining the digits would give
