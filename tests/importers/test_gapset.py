"""Several rows of one table printed with a cell missing, settled together (issue 10:
``cell_missing``): a row and the total row it is summed into each settle the other."""

from __future__ import annotations

from benchmarks.fidelity_harness import Case, build_case, compare
from gi_report import read_document
from gi_report.form import TEMPLATES
from gi_report.importers import gaps, gapset
from gi_report.table import CellValue

SPEC = TEMPLATES["2021"].table("applications")
COLUMNS = [c.id for c in SPEC.columns]
TRUTH = (25, 3, 6, 1, 0, 5, 40)


def _known() -> dict[tuple[str, str], CellValue]:
    """Section 三 with every cell 0 except the new applications (TRUTH), the granted and the
    results total rows, which are left out (the two gapped rows)."""
    values: dict[tuple[str, str], CellValue] = {
        (r.id, c): 0 for r in SPEC.rows for c in COLUMNS
        if r.id not in ("granted", "results_total")}
    values.update({("new_this_year", c): v for c, v in zip(COLUMNS, TRUTH, strict=True)})
    return values


def _gap(row: str, lost: int) -> gaps.Gap:
    texts = tuple(str(v) for i, v in enumerate(TRUTH) if i != lost)
    return gaps.Gap(tuple((row, c) for c in COLUMNS), texts)


def test_two_gapped_rows_linked_by_a_total_settle_each_other() -> None:
    granted, total = _gap("granted", 2), _gap("results_total", 6)
    alone = [gaps.settle(SPEC, _known(), g) for g in (granted, total)]
    # the total row unknown, each relation alone lets every placement of granted hold; all
    # of them at once settle it (the total row is 一+二 less 四, and granted is its only part)
    relaxed = [p for p in gaps.placements(SPEC, granted) if all(
        gaps.possible(SPEC, rel, {**_known(), **{c: v for c, (_, v) in p.items()}})
        for rel in SPEC.relations)]
    assert len(relaxed) == len(gaps.placements(SPEC, granted))
    assert alone[0].read == {("granted", c): str(v) for i, (c, v) in
                             enumerate(zip(COLUMNS, TRUTH, strict=True)) if i != 2}
    together = gapset.settle_all(SPEC, _known(), [granted, total])
    assert together[0].read == {("granted", c): str(v) for i, (c, v) in
                                enumerate(zip(COLUMNS, TRUTH, strict=True)) if i != 2}
    assert together[0].missing == (("granted", "research_institution"),)
    assert together[1].read == {("results_total", c): str(v) for c, v in
                                zip(COLUMNS[:6], TRUTH[:6], strict=True)}
    assert together[1].missing == (("results_total", "total"),)


def test_a_gapped_row_whose_zeros_may_each_be_the_lost_one_stays_open_together_too() -> None:
    # granted 25, 0, 6, 0, 0, 5, 36 lost one of its last two zeros, and the carried-over row
    # one of its zeros: which zero is settled by no sum, the other cells are
    truth = (25, 0, 6, 0, 0, 5, 36)
    known: dict[tuple[str, str], CellValue] = {
        (r.id, c): 0 for r in SPEC.rows for c in COLUMNS
        if r.id not in ("granted", "carried_to_next_year")}
    for row in ("new_this_year", "results_total"):
        known.update({(row, c): v for c, v in zip(COLUMNS, truth, strict=True)})
    granted = gaps.Gap(tuple(("granted", c) for c in COLUMNS), ("25", "0", "6", "0", "5", "36"))
    carried = gaps.Gap(tuple(("carried_to_next_year", c) for c in COLUMNS), ("0",) * 6)
    settled = gapset.settle_all(SPEC, known, [granted, carried])
    assert settled[0].read == {("granted", c): str(v) for i, (c, v) in
                               enumerate(zip(COLUMNS, truth, strict=True)) if i not in (3, 4)}
    assert settled[0].open == (("granted", "social_welfare_org"), ("granted", "legal_service_org"))
    assert settled[1].read == {}  # every placement of six zeros holds: none chosen


def test_a_harness_case_of_two_gapped_rows_reads_both() -> None:
    # html, seed 1477752127: granted lost a cell and the results total row its total; alone
    # neither settled the other and six cells of granted were blank
    case = Case(1477752127, ("cell_missing",), "html")
    doc, text, kind = build_case(case)
    data = text if isinstance(text, bytes) else text.encode()
    result = read_document(data, kind=kind, warn=False)
    tally = compare(doc.truth, result.report)
    assert tally.wrong == () and tally.blank == 0
    assert result.report.tables["applications"]["granted", "natural_person"] == 25
