"""A short numbered row label printed with a typo in a one-line crawl (``importers/nearlabel.py``):
the marker narrows the rows it may name, one edit settles which, and the digits after it are
that row's (placed by position between its recognised neighbours), not lost."""

from __future__ import annotations

from benchmarks.fidelity_harness import Case, build_case, compare
from gi_report import read_document
from gi_report.form import get_template
from gi_report.importers.nearlabel import near_numbered
from gi_report.importers.normalize import label_key


def _label(table_id: str, row_id: str) -> str:
    return next(r.label for r in get_template("2021").table(table_id).rows if r.id == row_id)


def test_a_short_numbered_label_one_edit_off_names_its_row() -> None:
    granted = _label("applications", "granted")
    assert len(label_key(granted).core) < 5  # too short for the matcher's edit distance
    assert near_numbered(granted[:-1], "applications")  # its last character dropped
    assert near_numbered(granted[:-1] + "的", "applications")  # replaced


def test_a_label_without_its_marker_or_too_far_names_nothing() -> None:
    granted = _label("applications", "granted")
    marker_end = granted.index("）") + 1
    assert not near_numbered(granted[marker_end:-1], "applications")  # no marker
    assert not near_numbered(granted[:marker_end] + "的的的", "applications")  # three edits
    assert not near_numbered(granted[:marker_end] + "的", "applications")  # one character


def test_a_marker_of_another_number_names_nothing() -> None:
    granted = _label("applications", "granted")
    other = granted.replace("一", "九", 1)  # no row numbered so near this core
    assert not near_numbered(other[:-1], "applications")


def test_a_one_line_dump_with_a_short_label_typo_reads_the_row() -> None:
    # before: the row whose short label lost its last character was row.missing (7 cells)
    case = Case(1534379800, ("label_typo", "two_numbers"), "one_line")
    doc, text, kind = build_case(case)
    data = text.encode() if isinstance(text, str) else text
    result = read_document(data, kind=kind, warn=False)
    assert compare(doc.truth, result.report).wrong == ()
    granted = result.report.table("applications")
    row = next(i for i, r in enumerate(granted.spec.rows) if r.id == "granted")
    assert all(v is not None for v in granted.values[row])
