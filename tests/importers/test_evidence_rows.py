"""``split.by_text`` ties a number to a row only where no other row's label stands between them."""

from __future__ import annotations

from decimal import Decimal

from gi_report.form import get_template
from gi_report.importers.blocks import Location
from gi_report.importers.digits import Run, solve
from gi_report.importers.evidence import settle, statements
from gi_report.importers.normalize import core

PROACTIVE = get_template("2021").table("proactive")
NORMATIVE = core(PROACTIVE.row("normative_documents").label)
REGULATIONS = core(PROACTIVE.row("regulations").label)


def test_a_number_after_another_rows_label_is_not_this_rows() -> None:
    sentence = f"今年清理{NORMATIVE}和{REGULATIONS}3件。"
    assert statements(sentence, [NORMATIVE]) != []  # the loose match alone would take it
    assert statements(sentence, [NORMATIVE], [REGULATIONS]) == []
    [own] = statements(f"现行有效{NORMATIVE}类11条。", [NORMATIVE], [REGULATIONS])
    assert own.value == Decimal(11)


def test_a_run_is_not_settled_by_a_number_another_row_holds() -> None:
    """``1129`` under 行政规范性文件: 11, 2, 9 or 1, 12, 9 or 1, 1, 29 …; the 11 the sentence
    states belongs to the row named right before it, so nothing is settled."""
    row = PROACTIVE.row("normative_documents")
    cells = tuple((row.id, c) for c in row.columns)
    run = Run(cells=cells, kinds=tuple(PROACTIVE.column(c).kind for _, c in cells),
              segments=("1129",), text="1129", location=Location())
    solution = solve(PROACTIVE, {}, [run])
    assert [n.code for n in solution.notices] == ["split.ambiguous"]
    values, notices = settle(PROACTIVE, solution.notices, f"{NORMATIVE}及{REGULATIONS}11条。")
    assert values == {} and [n.code for n in notices] == ["split.ambiguous"]
    values, notices = settle(PROACTIVE, solution.notices, f"本年制发{NORMATIVE}11件。")
    assert values == dict(zip(cells, (11, 2, 9), strict=True))
    assert [n.code for n in notices] == ["split.by_text"]


def test_a_count_of_information_items_of_a_category_settles_nothing() -> None:
    """``<row>类11条`` counts items published under a category, not the row's documents: a real
    report prints ``…<row>类1条`` beside 5 documents issued (2021-pingtan-zrz), so 11 under
    ``1129`` is no evidence for 11|2|9 (2024-pingtan-jjf states the same phrase)."""
    row = PROACTIVE.row("normative_documents")
    cells = tuple((row.id, c) for c in row.columns)
    run = Run(cells=cells, kinds=tuple(PROACTIVE.column(c).kind for _, c in cells),
              segments=("1129",), text="1129", location=Location())
    solution = solve(PROACTIVE, {}, [run])
    values, notices = settle(PROACTIVE, solution.notices, f"涵盖政策及{NORMATIVE}类11条。")
    assert values == {} and [n.code for n in notices] == ["split.ambiguous"]
