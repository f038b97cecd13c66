"""Tables numbered apart from the sections, and a Word continuation cell holding its own number
(issue 10 items 1 and 9): the harness's ``table_numbering`` and ``vmerge_number`` kinds, and the
importer fixes they led to (``importers/tablecaptions.py``, ``importers/docx.py``)."""

from __future__ import annotations

import io
import random
import re
import zipfile

import pytest
from hypothesis import Phase, given, settings
from hypothesis import strategies as st

from benchmarks.fidelity_harness import DAMAGES, FORMS, Case, build_case, draw_cases, run_case
from benchmarks.fidelity_harness.damage import ONLY_FORMS, applies
from benchmarks.fidelity_harness.document import Heading, Paragraph, TableBlock, build
from benchmarks.fidelity_harness.forms import _placed
from gi_report import read_document
from gi_report.form import get_template
from gi_report.importers.docx import parse_docx
from gi_report.importers.tablecaptions import caption_heads
from gi_report.synthetic import random_report
from tests.conftest import share_of_profile
from tests.importers.test_docx_xml import make_docx, tables, tbl, tc, tr

FIND = (Phase.explicit, Phase.generate)


def _document_xml(data: str | bytes) -> str:
    assert isinstance(data, bytes)
    return zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml").decode("utf-8")


# --- the harness: which forms a kind applies to ------------------------------------------------

def test_a_kind_only_some_forms_print_is_never_drawn_for_another() -> None:
    cases = draw_cases(5, 180, ["vmerge_number", "table_numbering"], sorted(FORMS))
    assert {c.form for c in cases if "vmerge_number" in c.damages} == {"docx"}
    assert all(applies(k, c.form) for c in cases for k in c.damages)
    assert any("table_numbering" in c.damages for c in cases if c.form == "html")


def test_a_case_naming_a_kind_its_form_cannot_print_is_built_without_it() -> None:
    for form in sorted(set(FORMS) - ONLY_FORMS["vmerge_number"]):
        assert build_case(Case(3, ("vmerge_number",), form))[1] == build_case(
            Case(3, (), form))[1], form


def test_vmerge_number_prints_a_continuation_holding_its_own_number_in_docx() -> None:
    for seed in range(4):
        doc, data, _ = build_case(Case(seed, ("vmerge_number",), "docx"))
        xml = _document_xml(data)
        assert re.search(r"<w:vMerge/></w:tcPr><w:p><w:r><w:t[^>]*>[0-9]", xml), seed
        assert xml.count('<w:vMerge w:val="restart"/>') > _document_xml(
            build_case(Case(seed, (), "docx"))[1]).count('<w:vMerge w:val="restart"/>')
        merged = [c for b in doc.blocks if isinstance(b, TableBlock) for r in b.rows
                  for c in r.cells if c.merged_above]
        assert merged, seed


def test_vmerge_number_blanks_both_truths_where_both_cells_hold_a_number() -> None:
    merged = 0
    for seed in range(12):
        doc = build(random_report(random.Random(seed)))
        before = dict(doc.truth)
        DAMAGES["vmerge_number"](doc, random.Random(seed))
        for table in (b for b in doc.blocks if isinstance(b, TableBlock)):
            assert table.spec is not None
            starts = {(r, c): cell for r, c, cell in _placed(table)[0]}
            for (r, c), lower in starts.items():
                if not lower.merged_above:
                    continue
                merged += 1
                upper = starts[r - 1, c]
                assert upper.ref is not None and lower.ref is not None
                cells = [f"/{table.spec.id}/{x.ref[0]}/{x.ref[1]}" for x in (upper, lower)]
                if upper.text:
                    assert [doc.truth[p] for p in cells] == [None, None]
                else:
                    assert doc.truth[cells[1]] == before[cells[1]] is not None
        assert {p for p in doc.truth if doc.truth[p] != before[p]} <= {
            p for p, v in doc.truth.items() if v is None}
    assert merged >= 12


def test_table_numbering_keeps_the_truth_and_numbers_the_tables_apart() -> None:
    seen = set()
    for seed in range(30):
        report = random_report(random.Random(seed))
        doc = build(report)
        truth = dict(doc.truth)
        DAMAGES["table_numbering"](doc, random.Random(seed))
        assert doc.truth == truth
        texts = [b.text for b in doc.blocks if isinstance(b, Heading | Paragraph)]
        spec = get_template(report.template).section("proactive")
        captions = [t for t in texts if spec.title in t and not t.startswith(spec.number)]
        assert captions, seed
        last = max(i for i, b in enumerate(doc.blocks) if isinstance(b, TableBlock))
        heads = [b for b in doc.blocks if isinstance(b, Heading) and b.section == "proactive"]
        seen.add("appendix" if doc.blocks.index(heads[0]) < last and any(
            "附表" in t for t in texts[:-1]) and isinstance(doc.blocks[-1], TableBlock)
            else "captions under sections" if heads[0].level == 3 else "in place")
    assert seen == {"appendix", "captions under sections", "in place"}


# --- the importers: never a wrong number, every cell the document settles read -----------------

@pytest.mark.parametrize("kind", sorted(ONLY_FORMS))
@settings(share_of_profile(0.3), deadline=None, derandomize=True, database=None, phases=FIND)
@given(seed=st.integers(min_value=0, max_value=2**32 - 1), data=st.data())
def test_a_kind_of_some_forms_never_imports_a_wrong_number(kind: str, seed: int,
                                                           data: st.DataObject) -> None:
    form = data.draw(st.sampled_from(sorted(ONLY_FORMS[kind])))
    outcome = run_case(Case(seed, (kind,), form), tries=0)
    assert outcome.tally is not None and outcome.tally.wrong == ()


def test_a_continuation_under_an_empty_cell_is_a_cell_of_its_own() -> None:
    """The merged cell shows only the continuation's text: that row's, not the row above's."""
    body = tbl(tr(tc("a"), tc("", vmerge="restart")), tr(tc("b"), tc("13", vmerge="continue")),
               tr(tc("c"), tc("", vmerge="continue")))
    (block,) = tables(parse_docx(make_docx(body)))
    assert [(row[1].text, row[1].origin) for row in block.rows if row[1] is not None] == [
        ("", (0, 1)), ("13", (1, 1)), ("13", (1, 1))]


def test_a_continuation_under_a_number_is_two_numbers_in_one_cell() -> None:
    body = tbl(tr(tc("a"), tc("12", vmerge="restart")), tr(tc("b"), tc("13", vmerge="continue")))
    (block,) = tables(parse_docx(make_docx(body)))
    assert {row[1].text for row in block.rows if row[1] is not None} == {"12\n13"}


def test_a_merged_cell_of_one_number_is_not_read_into_the_row_above() -> None:
    """Reproducer (the harness, vmerge_number on docx): a value cell continuing an empty one
    gave its number to both rows; the row above printed nothing."""
    case = Case(3933594200, ("vmerge_number",), "docx")
    outcome = run_case(case, tries=0)
    assert outcome.tally is not None and outcome.tally.wrong == ()
    doc, data, kind = build_case(case)
    assert isinstance(data, bytes)
    result = read_document(data, kind=kind, warn=False)
    assert result.report.applications["denied_state_secret", "total"] is None
    assert doc.truth["/applications/denied_state_secret/total"] is None


@pytest.mark.parametrize("seed", [2, 5, 6, 9, 14])
def test_a_one_line_crawl_reads_the_tables_under_captions_numbered_apart(seed: int) -> None:
    """Reproducers: the tables in an appendix (表一 …, 附表1：…) or under （一）… captions of a
    section of the report's own were not read at all from a one-line crawl (every cell blank,
    ``table.missing``); they read as the undamaged dump does."""
    damaged = run_case(Case(seed, ("table_numbering",), "one_line"), tries=0).tally
    plain = run_case(Case(seed, (), "one_line"), tries=0).tally
    assert damaged is not None and plain is not None
    assert damaged.wrong == () and damaged.blank == plain.blank
    assert damaged.right == plain.right


def test_a_crawl_whose_sections_are_found_only_by_table_captions_is_read() -> None:
    """Reproducer: sections numbered 第一部分 and then 二、 of the report's own, the table
    sections printed only as （一）… captions: two section headings were found, too few for a
    whole report on one line, and the import raised ``UnrecognisedDocumentError``. The captions
    count among the headings: every cell is read."""
    case = Case(1173072370, ("unit_words", "title_broken", "part_numbering", "table_numbering"),
                "one_line")
    outcome = run_case(case, tries=0)
    assert outcome.error is None and outcome.tally is not None
    assert outcome.tally.wrong == () and outcome.tally.blank == 0


def test_a_caption_numbered_apart_is_no_extra_section() -> None:
    """A caption repeating its section's title under a table number (二、<title of 三> right
    above section 三's table) was reported as a section of the report's own (``section.extra``,
    "its numbers not read"); a real extra section still is."""
    case = Case(4182758546, ("narrative_between", "table_numbering", "unit_words",
                             "column_order"), "tab_rows")
    _, text, kind = build_case(case)
    assert isinstance(text, str)
    result = read_document(text.encode("utf-8"), kind=kind, warn=False)
    assert not result.with_code("section.extra")
    _, text, kind = build_case(Case(5, ("extra_section",), "html"))
    assert isinstance(text, str)
    assert read_document(text.encode("utf-8"), kind=kind, warn=False).with_code("section.extra")


# --- tablecaptions alone -----------------------------------------------------------------------

_SECTIONS = get_template("2021").sections
_TABLES = tuple(s for s in _SECTIONS if s.id in ("proactive", "applications",
                                                  "review_litigation"))


def _heads(line: str) -> list[tuple[str, int, int]]:
    """Heads of every section printed as the form prints it, then the captions added (a label
    is counted as any text of three characters or more between spaces, for the test)."""
    heads = []
    for section in _SECTIONS:
        at = line.find(section.heading)
        if at >= 0:
            heads.append((section, at, at + len(section.heading)))
    heads.sort(key=lambda h: h[1])
    found = caption_heads(line, heads, _TABLES, lambda text, _: len(text.split()))
    return [(h[0].id, h[1], h[2]) for h in found]


def test_a_caption_followed_by_its_table_is_a_head_of_its_section() -> None:
    proactive = get_template("2021").section("proactive")
    other = get_template("2021").section("other_matters")
    line = f"{other.heading}无。附表：表一 {proactive.title} a b c d"
    [_, caption] = _heads(line)
    assert caption[0] == "proactive"
    assert line[caption[1]:caption[2]] == f"表一 {proactive.title}"


@pytest.mark.parametrize("number", ["附表1：", "（一）", "一、", "表 1 "])
def test_table_numbers_a_caption_may_carry(number: str) -> None:
    applications = get_template("2021").section("applications")
    other = get_template("2021").section("other_matters")
    line = f"{other.heading}无。{number}{applications.title} a b c"
    assert [h[0] for h in _heads(line)] == ["other_matters", "applications"]


def test_no_caption_without_a_number_or_without_its_table() -> None:
    proactive = get_template("2021").section("proactive")
    other = get_template("2021").section("other_matters")
    assert len(_heads(f"{other.heading}本年度{proactive.title} a b c d")) == 1
    assert len(_heads(f"{other.heading}附表1：{proactive.title}良好。")) == 1


def test_a_caption_in_its_own_section_is_no_second_head() -> None:
    proactive = get_template("2021").section("proactive")
    line = f"{proactive.heading}表一 {proactive.title} a b c d"
    assert [h[0] for h in _heads(line)] == ["proactive"]
