"""A table printed with no value at all says the dump prints blank cells as nothing.

Seed 2026 (one-line crawl with blank cells): section 四 printed its header and no number, and
section 二's ``administrative_penalty`` row, ``720`` (a blank, 72, 0), was read 7, 2, 0 —
nothing else in the document showed that it drops blank cells. A table printed empty does: the
runs of the tables no arithmetic checks keep only the splits no dropped cell could change.
"""

from __future__ import annotations

from benchmarks.fidelity_harness import Case, build_case, run_case
from gi_report import read_document

CASE = Case(3207477071, ("extra_section", "unit_words", "narrative_between"), "one_line_blanks")


def test_a_table_printed_empty_distrusts_the_splits_of_section_two() -> None:
    _, text, kind = build_case(CASE)
    assert isinstance(text, str)
    result = read_document(text.encode("utf-8"), kind=kind, warn=False)
    assert all(v is None for row in result.report.review_litigation.values for v in row)
    penalty = "/proactive/administrative_penalty/"
    dropped = [n for n in result.notices if n.code == "split.dropped"
               and any(c.startswith(penalty) for c in n.cells)]
    assert dropped and result.report.proactive["administrative_penalty",
                                                "items_last_year"] is None


def test_the_case_imports_no_wrong_number() -> None:
    outcome = run_case(CASE, tries=0)
    assert outcome.tally is not None and outcome.tally.wrong == ()
