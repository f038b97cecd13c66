"""``split.against_text``: a run's only split that the report's own text contradicts is blank."""

from __future__ import annotations

from gi_report.form import get_template
from gi_report.importers.blocks import Location
from gi_report.importers.digits import Run, Solution, solve
from gi_report.importers.normalize import core
from gi_report.importers.textcheck import against_text

PROACTIVE = get_template("2021").table("proactive")
REGULATIONS = PROACTIVE.row("regulations")


def _solved(digits: str) -> Solution:
    cells = tuple((REGULATIONS.id, c) for c in REGULATIONS.columns)
    run = Run(cells=cells, kinds=tuple(PROACTIVE.column(c).kind for _, c in cells),
              segments=(digits,), text=digits, location=Location())
    return solve(PROACTIVE, {}, [run])


def test_a_split_the_text_contradicts_is_left_blank() -> None:
    """``440`` reads 4, 4, 0 with every cell printed; the text's 44 made this year is what a
    dump that dropped a blank prints the same way."""
    solution = _solved("440")
    assert [n.code for n in solution.notices] == ["split.unique"]
    made = (REGULATIONS.id, REGULATIONS.columns[0])
    assert solution.values[made] == 4
    text = f"全年制定的{core(REGULATIONS.label)}44件。"
    values, notices = against_text(PROACTIVE, solution.notices, solution.values, text)
    assert [n.code for n in notices] == ["split.against_text"]
    assert not any(c in values for c in solution.values)
    assert "44件" in notices[0].message and "440" in notices[0].message


def test_a_split_the_text_agrees_with_is_kept() -> None:
    solution = _solved("440")
    text = f"全年制定的{core(REGULATIONS.label)}4件。"
    values, notices = against_text(PROACTIVE, solution.notices, solution.values, text)
    assert values == solution.values and notices == list(solution.notices)
    values, notices = against_text(PROACTIVE, solution.notices, solution.values, None)
    assert values == solution.values and notices == list(solution.notices)
