"""A table's numbers a crawl ran into the sentence after them (one line, no mark between).

Section 四 printed with unit words (``0条1件1项…0条1个``) and a sentence right after it
(``本年度共收到286件，…``): the whole text went to the narrative, and the table's 15 cells were
blank as printed empty (``cell.blank``), a false reason. Now the run is cut before the sentence
when no digit of it can be the sentence's; where that cannot be told, the cells are blank as
unreadable, the text quoted.
"""

from __future__ import annotations

import pytest

from benchmarks.fidelity_harness import Case, build_case, run_case
from gi_report import read_document
from gi_report.importers.blanks import blank_cells
from gi_report.importers.text import _value_cut

SECTION_FOUR = "/review_litigation/"

UNIT_RUN = "0条1件1项0条2件0个0条0件0条0项0个0条1个0条1个"
"""Section 四's fifteen cells as a crawl prints them with unit words (seed 2027's case)."""


def test_a_unit_word_run_of_fifteen_digits_is_cut_before_the_sentence() -> None:
    sentence = "本年度共收到286件，较上年增长76%，其中0件已办结。"
    assert _value_cut(UNIT_RUN + sentence, after_label=False) == len(UNIT_RUN)


@pytest.mark.parametrize("text", [
    UNIT_RUN[:-2] + "1本年度共收到286件，其中0件已办结。",  # the last number has no unit: is
    # the 1 the table's or the sentence's?
    "0条1件1项0条本年度共收到286件，其中0件已办结。",  # four digits: a sentence's numbers
    UNIT_RUN + "本年度共收到286件",  # no sentence
    "202420242024202420件，较上年增长。",  # one number with its unit: a sentence's
])
def test_a_run_is_not_cut_where_a_digit_may_be_the_texts(text: str) -> None:
    assert _value_cut(text, after_label=False) == 0


def test_a_unit_word_run_before_a_sentence_reads_section_four() -> None:
    """Seed 2027: the 15 cells were blank as printed empty; the document prints them."""
    case = Case(3187640661, ("page_break_row_lost", "title_broken", "unit_words",
                             "narrative_between"), "one_line")
    outcome = run_case(case, tries=0)
    assert outcome.tally is not None
    assert outcome.tally.wrong == ()
    assert not [b for b in outcome.tally.blanks if b.pointer.startswith(SECTION_FOUR)]


@pytest.mark.parametrize("case", [
    # digits alone, fewer than fifteen (a crawl dropping blank cells): no unit word ends them
    pytest.param(Case(265615263, ("narrative_between",), "one_line_blanks"), id="digits"),
    # the last number printed without its unit: ``…001项12本年度…``
    pytest.param(Case(356482739, ("unit_words", "page_break_row_lost", "narrative_between"),
                      "one_line"), id="last-without-unit"),
])
def test_numbers_run_into_a_sentence_are_blank_as_unreadable_not_printed_empty(
        case: Case) -> None:
    _, text, kind = build_case(case)
    assert isinstance(text, str)
    result = read_document(text.encode("utf-8"), kind=kind, warn=False)
    blanks = [b for b in blank_cells(result) if b.pointer.startswith(SECTION_FOUR)]
    assert len(blanks) == 15
    assert {b.code for b in blanks} == {"cell.unreadable"}
    notice = blanks[0].notice
    assert notice is not None and notice.found is not None
    assert text.index(notice.found) > text.index("本年度")  # the text after section 四's header
    assert notice.found[0].isdigit()
    assert run_case(case, tries=0).tally.wrong == ()  # type: ignore[union-attr]


def test_a_table_printed_with_headers_alone_is_still_printed_empty() -> None:
    """No text of the section starts with a number: the crawl printed every cell blank."""
    case = Case(265615263, ("narrative_between",), "one_line_blanks")
    _, text, kind = build_case(case)
    assert isinstance(text, str)
    start = text.index("1011010200101本年度")
    text = text[:start] + text[start + len("1011010200101"):]
    result = read_document(text.encode("utf-8"), kind=kind, warn=False)
    blanks = [b for b in blank_cells(result) if b.pointer.startswith(SECTION_FOUR)]
    assert len(blanks) == 15 and {b.code for b in blanks} == {"cell.blank"}


def test_a_section_whose_labels_all_stand_in_sentences_is_narrative() -> None:
    """No column header, every label inside a sentence (its table printed in an appendix):
    the whole section is text; a label followed by a bare number still starts a table."""
    from gi_report.form import TEMPLATES
    from gi_report.importers.text import _lead_prose

    rows = [r.label for r in TEMPLATES["2021"].table("proactive").rows]
    prose = f"作出决定{rows[3]}0件。{rows[4]}中22件为新处理决定。详见附表1。"
    assert _lead_prose(prose, "proactive")[0] == len(prose)
    table = f"{rows[3]}0 {rows[4]}22"
    assert _lead_prose(table, "proactive")[0] == 0
