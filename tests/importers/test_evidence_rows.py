"""``split.by_text`` ties a number to a row only where no other row's label stands between them."""

from __future__ import annotations

from decimal import Decimal

import pytest

from gi_report.form import get_template
from gi_report.importers.blocks import Location
from gi_report.importers.digits import Run, solve
from gi_report.importers.evidence import settle, statements
from gi_report.importers.normalize import core
from gi_report.importers.result import Notice

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


def _ambiguous(row_id: str, digits: str) -> tuple[tuple[tuple[str, str], ...], list[Notice]]:
    """The cells of a row and the ``split.ambiguous`` notice of its run ``digits``."""
    row = PROACTIVE.row(row_id)
    cells = tuple((row.id, c) for c in row.columns)
    run = Run(cells=cells, kinds=tuple(PROACTIVE.column(c).kind for _, c in cells),
              segments=(digits,), text=digits, location=Location())
    solution = solve(PROACTIVE, {}, [run])
    assert [n.code for n in solution.notices] == ["split.ambiguous"]
    return cells, solution.notices


VALID = PROACTIVE.column("currently_valid").label


@pytest.mark.parametrize("sentence", [
    f"{NORMATIVE}备案审查16件。",          # another thing done to the documents
    f"{NORMATIVE}中16件为新制定。",        # a part of them
    f"现行有效{NORMATIVE}54件，其中新制定16件。",  # a breakdown (54 fits no split: not used)
    f"其中现行有效{NORMATIVE}16件。",       # a breakdown starting the sentence
    f"清理{NORMATIVE}16件。",              # no column named
    f"{NORMATIVE}16件已全部公开。",          # no column named
    f"各部门现行有效{NORMATIVE}16件。",     # a part of the agency
    f"废止和修改{NORMATIVE}16件。",          # a sum of two things
    f"下一步拟现行有效{NORMATIVE}16件。",     # a plan
    f"较上年现行有效{NORMATIVE}16件增加2件。",  # another year
])
def test_numbers_beside_the_label_that_name_no_cell_settle_nothing(sentence: str) -> None:
    """``5416``: 5|4|16, 5|41|6 or 54|1|6; before, each of these picked 5|4|16 (16 fits one
    split), though none states the row's currently valid documents."""
    _, notices = _ambiguous("normative_documents", "5416")
    values, out = settle(PROACTIVE, notices, sentence)
    assert values == {} and [n.code for n in out] == ["split.ambiguous"]


@pytest.mark.parametrize("sentence,split", [
    (f"全面梳理了我局现行有效的{NORMATIVE}16件。", (5, 4, 16)),
    (f"{NORMATIVE}{VALID}16件。", (5, 4, 16)),                      # the table's own words
    (f"本年共制发{NORMATIVE}5件，废止41件，现行有效6件。", (5, 41, 6)),  # clauses go on
    (f"{NORMATIVE}废止1件。", (54, 1, 6)),
])
def test_a_statement_naming_the_column_settles_the_run(sentence: str,
                                                      split: tuple[int, ...]) -> None:
    cells, notices = _ambiguous("normative_documents", "5416")
    values, out = settle(PROACTIVE, notices, sentence)
    assert values == dict(zip(cells, split, strict=True))
    assert [n.code for n in out] == ["split.by_text"]


@pytest.mark.parametrize("sentence,known", [
    # two numbers for one cell: the text disagrees with itself
    (f"现行有效{NORMATIVE}16件。现行有效的{NORMATIVE}6件。", {}),
    # a number for a cell the table prints otherwise: the text disagrees with the table
    (f"现行有效{NORMATIVE}16件，本年制发{REGULATIONS}3件。",
     {("regulations", c): 0 for c in PROACTIVE.row("regulations").columns}),
    # a number no split of the run holds
    (f"现行有效{NORMATIVE}16件，本年废止{NORMATIVE}7件。", {}),
])
def test_a_text_that_contradicts_itself_or_the_table_settles_nothing(
        sentence: str, known: dict[tuple[str, str], int]) -> None:
    _, notices = _ambiguous("normative_documents", "5416")
    values, out = settle(PROACTIVE, notices, sentence, known)
    assert values == {} and [n.code for n in out] == ["split.ambiguous"]
