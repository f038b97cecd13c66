"""The invariant, tested directly: a damaged document imports right or honestly blank.

Reports with known values are rendered (Markdown pipe tables, a crawler's one-line dump), then
damaged the ways real reports are (a reworded or lost heading, an extra section with its own
table, narrative between tables, columns printed in another order, two numbers in one cell, a
row not printed). Whatever the damage, every cell of the import is the true value, or blank with
a notice that names it — never another number.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gi_report import read_document
from gi_report.form import get_template
from gi_report.importers.blanks import UNEXPLAINED, blank_cells
from gi_report.importers.result import ImportResult
from gi_report.model import Report
from gi_report.render.markdown import render_markdown
from gi_report.synthetic import random_report
from gi_report.table import CellValue
from tests.conftest import share_of_profile
from tests.importers.dumps import one_line

Damage = Callable[[str, random.Random], str]

_FORM = get_template("2021")
_SECTIONS = {s.id: s for s in _FORM.sections}


def _heading(section_id: str) -> str:
    section = _SECTIONS[section_id]
    return f"{section.number}、{section.title}"


def reworded_heading(text: str, rng: random.Random) -> str:
    """四、…复议与行政诉讼情况: 与 for 、 (or one character dropped) in section 四's title."""
    old = _heading("review_litigation")
    title = _SECTIONS["review_litigation"].title
    new_title = title.replace("、", "与") if rng.random() < 0.5 else title[:4] + title[5:]
    return text.replace(old, f"四、{new_title}", 1)


def lost_heading(text: str, rng: random.Random) -> str:
    """Section 四's heading not printed at all: its table follows section 三's."""
    return text.replace(_heading("review_litigation"), "", 1)


def extra_section(text: str, rng: random.Random) -> str:
    """五、信息处理费收取情况 with a small table of its own; 五 and 六 renumbered 六 and 七."""
    fee = "信息处理费收取情况"
    table = (f"\n\n## 五、{fee}\n\n| 通知收取件数 | 实际收取金额（元） |\n|---|---|\n"
             f"| {fee} 3 | 150 |\n\n")
    problems, other = _heading("problems"), _heading("other_matters")
    at = text.index(problems)
    head = text[:at].rstrip("# \n")
    rest = text[at:].replace(problems, "六、" + _SECTIONS["problems"].title, 1)
    rest = rest.replace(other, "七、" + _SECTIONS["other_matters"].title, 1)
    return head + table + "## " + rest


def narrative_between(text: str, rng: random.Random) -> str:
    """A paragraph between section 二's last table and section 三."""
    at = text.index("## " + _heading("applications"))
    n = rng.randrange(1, 400)
    return text[:at] + f"本年度共受理咨询{n}次，答复率100%。\n\n" + text[at:]


def _table_rows(lines: list[str], heading: str) -> list[int]:
    start = next(i for i, line in enumerate(lines) if heading in line)
    rows = []
    for i in range(start + 1, len(lines)):
        if lines[i].startswith("## "):
            break
        if lines[i].startswith("|") and not lines[i].startswith("|---"):
            rows.append(i)
    return rows


def swapped_columns(text: str, rng: random.Random) -> str:
    """Section 三 printed with two applicant columns swapped, the header naming them."""
    lines = text.split("\n")
    a, b = sorted(rng.sample(range(1, 7), 2))
    for i in _table_rows(lines, _heading("applications")):
        cells = lines[i].split("|")
        if len(cells) > b + 1:
            cells[a + 1], cells[b + 1] = cells[b + 1], cells[a + 1]
            lines[i] = "|".join(cells)
    return "\n".join(lines)


def total_first(text: str, rng: random.Random) -> str:
    """Section 四 printed with its 总计 column first, the header naming it."""
    lines = text.split("\n")
    for i in _table_rows(lines, _heading("review_litigation")):
        cells = lines[i].split("|")
        if len(cells) == 8:
            cells = [cells[0], cells[1], cells[6], *cells[2:6], cells[7]]
            lines[i] = "|".join(cells)
    return "\n".join(lines)


def two_numbers(text: str, rng: random.Random) -> str:
    """One value cell holding two numbers (``93 3``: a lost cell border)."""
    spots = [m for m in re.finditer(r"\| ([0-9]+) (?=\|)", text)]
    m = rng.choice(spots)
    return text[:m.start(1)] + f"{m.group(1)} {rng.randrange(10)}" + text[m.end(1):]


def dropped_row(text: str, rng: random.Random) -> str:
    """One data row of section 三 not printed."""
    lines = text.split("\n")
    rows = [i for i in _table_rows(lines, _heading("applications"))
            if re.search(r"\| [0-9]", lines[i])]
    del lines[rng.choice(rows)]
    return "\n".join(lines)


def part_numbering(text: str, rng: random.Random) -> str:
    """Sections numbered 第一部分 … 第六部分 instead of 一、 … 六、."""
    for section in _SECTIONS.values():
        text = text.replace(f"## {section.number}、", f"## 第{section.number}部分 ", 1)
    return text


MARKDOWN_DAMAGES: dict[str, Damage] = {
    "part_numbering": part_numbering,
    "reworded_heading": reworded_heading,
    "lost_heading": lost_heading,
    "extra_section": extra_section,
    "narrative_between": narrative_between,
    "swapped_columns": swapped_columns,
    "total_first": total_first,
    "two_numbers": two_numbers,
    "dropped_row": dropped_row,
}
CRAWL_DAMAGES: dict[str, Damage] = {
    "reworded_heading": reworded_heading,
    "lost_heading": lost_heading,
    "narrative_between": lambda text, rng: text.replace(
        _heading("applications"), "本年度共受理咨询12次。" + _heading("applications"), 1),
}


def _cells(report: Report) -> dict[str, CellValue]:
    out = {f"/{t}/{r}/{c}": v for t, table in report.tables.items() for r, c, v in table.cells()}
    unit = "/proactive/centralized_procurement/unit"
    if unit in out and out["/proactive/centralized_procurement/total_amount"] is None:
        out[unit] = None  # a unit beside a blank amount cannot be printed
    return out


def assert_right_or_blank(result: ImportResult, truth: Report) -> int:
    """The invariant; returns how many cells are right."""
    want, got = _cells(truth), _cells(result.report)
    reasons = {b.pointer: b for b in blank_cells(result)}
    for pointer in got.keys() - want.keys():  # a table read in the other template's layout:
        assert got[pointer] is None, f"WRONG {pointer}: {got[pointer]!r}, a cell of another layout"
        assert reasons[pointer].code != UNEXPLAINED, f"{pointer} blank without a notice"
    right = 0
    for pointer, value in want.items():
        if pointer not in got:  # its table read in the other layout, every cell blank (above)
            continue
        if got[pointer] == value and type(got[pointer]) is type(value):
            right += 1
            continue
        assert got[pointer] is None, f"WRONG {pointer}: {got[pointer]!r}, truth {value!r}"
        assert reasons[pointer].code != UNEXPLAINED, f"{pointer} blank without a notice"
    return right


@pytest.mark.parametrize("damage", sorted(MARKDOWN_DAMAGES))
@settings(share_of_profile(0.17), deadline=None)
@given(seed=st.integers(min_value=0, max_value=10**6),
       template=st.sampled_from(["2019", "2021"]),
       blank_rate=st.sampled_from([0.0, 0.1, 0.4]))
def test_damaged_markdown_is_right_or_blank(damage: str, seed: int, template: str,
                                           blank_rate: float) -> None:
    rng = random.Random(seed)
    report = random_report(rng, template=template, blank_rate=blank_rate)
    text = MARKDOWN_DAMAGES[damage](render_markdown(report), rng)
    result = read_document(text.encode("utf-8"), kind="markdown", warn=False)
    assert_right_or_blank(result, report)


@pytest.mark.parametrize("damage", sorted(CRAWL_DAMAGES))
@settings(share_of_profile(0.17), deadline=None)
@given(seed=st.integers(min_value=0, max_value=10**6),
       template=st.sampled_from(["2019", "2021"]))
def test_damaged_crawl_dumps_are_right_or_blank(damage: str, seed: int, template: str) -> None:
    rng = random.Random(seed)
    report = random_report(rng, template=template, blank_rate=0.0, scale=8)
    text = CRAWL_DAMAGES[damage](one_line(report), rng)
    result = read_document(text.encode("utf-8"), kind="text", warn=False)
    assert_right_or_blank(result, report)


def detached_labels(text: str, rng: random.Random) -> str:
    """Section 三's numbers printed as rows of their own, the labels as a paragraph above."""
    lines = text.split("\n")
    rows = _table_rows(lines, _heading("applications"))
    labels = []
    for i in rows[1:]:
        cells = lines[i].split("|")
        labels.append(cells[1].strip())
        cells[1] = " "
        lines[i] = "|".join(cells)
    keep = [i for i in rows[1:] if re.search(r"[0-9]", lines[i])]
    for i in sorted(set(rows[1:]) - set(keep), reverse=True):
        del lines[i]  # group rows with no numbers vanish with their labels
    at = rows[0] - 1
    lines.insert(at, "\n\n".join(labels) + "\n")  # each label a paragraph of its own
    return "\n".join(lines)


MARKDOWN_DAMAGES["detached_labels"] = detached_labels


def test_detached_rows_are_aligned_only_when_the_arithmetic_holds() -> None:
    rng = random.Random(4)
    report = random_report(rng, template="2021", blank_rate=0.0)
    text = detached_labels(render_markdown(report), rng)
    result = read_document(text.encode("utf-8"), kind="markdown", warn=False)
    assert assert_right_or_blank(result, report) == len(_cells(report))
    detached = result.with_code("row.detached")
    assert len(detached) == len(report.applications.spec.rows)
    # break one total: the alignment can no longer be checked, nothing is placed
    lines = text.split("\n")
    first = next(i for i, line in enumerate(lines) if line.startswith("| | "))
    cells = lines[first].split("|")
    cells[-2] = f" {int(cells[-2]) + 1} "
    lines[first] = "|".join(cells)
    broken = "\n".join(lines)
    result = read_document(broken.encode("utf-8"), kind="markdown", warn=False)
    assert not result.with_code("row.detached")
    assert assert_right_or_blank(result, report) < len(_cells(report))


def test_a_title_spaced_out_and_broken_over_two_lines() -> None:
    """``2022 年测试局政府信息公开工作`` / ``年度报告``: year and agency still found."""
    report = random_report(random.Random(3), template="2021")
    text = render_markdown(report)
    first = text.split("\n")[0]
    agency, year = report.metadata.agency, report.metadata.year
    text = text.replace(first, f"# {year} 年{agency}政府信息公开工作\n\n# 年度报告", 1)
    result = read_document(text.encode("utf-8"), kind="markdown", warn=False)
    assert (result.report.metadata.agency, result.report.metadata.year) == (agency, year)
    assert assert_right_or_blank(result, report) == len(_cells(report))


def test_sections_numbered_as_parts() -> None:
    """第一部分 … 第六部分: every section found, no notice needed."""
    report = random_report(random.Random(2), template="2021")
    text = part_numbering(render_markdown(report), random.Random(0))
    result = read_document(text.encode("utf-8"), kind="markdown", warn=False)
    assert result.report.overview.heading == "第一部分 " + _SECTIONS["overview"].title
    assert not [n for n in result.notices if n.code.startswith("section.")]
    assert assert_right_or_blank(result, report) == len(_cells(report))


def test_a_table_without_column_headers_is_read_by_position_with_a_warning() -> None:
    report = random_report(random.Random(6), template="2021")
    lines = render_markdown(report).split("\n")
    header = _table_rows(lines, _heading("applications"))[0]
    lines[header] = "|" + "  |" * (lines[header].count("|") - 1)
    result = read_document("\n".join(lines).encode("utf-8"), kind="markdown", warn=False)
    [by_position] = [n for n in result.with_code("header.by_position")
                     if "/applications" not in "".join(n.cells) and n.level.value == "warning"]
    assert by_position.found is None
    assert assert_right_or_blank(result, report) == len(_cells(report))


def test_a_crawls_header_order_never_places_a_value() -> None:
    """In a crawl dump the header labels come out in reading order, not above their columns:
    a row name there (复议后起诉) over one position must not place section 四's digits."""
    report = random_report(random.Random(2), template="2019", blank_rate=0.4, scale=8)
    result = read_document(one_line(report).encode("utf-8"), kind="text", warn=False)
    want, got = _cells(report), _cells(result.report)
    for pointer in want:
        if pointer.startswith("/review_litigation/"):
            assert got[pointer] in (None, want[pointer]), pointer


@settings(share_of_profile(0.27), deadline=None)
@given(seed=st.integers(min_value=0, max_value=10**6),
       template=st.sampled_from(["2019", "2021"]),
       blank_rate=st.sampled_from([0.1, 0.4]))
def test_a_crawl_that_drops_blank_cells_is_right_or_blank(seed: int, template: str,
                                                          blank_rate: float) -> None:
    """A crawl prints nothing for a blank cell: once a row shows it (fewer digits than cells),
    no split a dropped cell could change is trusted (``split.dropped``)."""
    report = random_report(random.Random(seed), template=template, blank_rate=blank_rate,
                           scale=8)
    result = read_document(one_line(report).encode("utf-8"), kind="text", warn=False)
    assert_right_or_blank(result, report)


@pytest.mark.parametrize(("seed", "template"), [(23, "2019"), (76, "2019"), (210, "2021")])
def test_a_crawl_whose_search_stops_at_its_limit_is_right_or_blank(seed: int,
                                                                    template: str) -> None:
    """A table with more consistent readings than are collected: the cells the first ones
    agree on are not taken as settled (a dropped cell read as a number before)."""
    report = random_report(random.Random(seed), template=template, blank_rate=0.1, scale=8)
    result = read_document(one_line(report).encode("utf-8"), kind="text", warn=False)
    assert assert_right_or_blank(result, report) > 0


def test_a_dropped_blank_cell_undoes_the_splits_it_could_change() -> None:
    report = random_report(random.Random(5), template="2021", blank_rate=0.1, scale=200)
    result = read_document(one_line(report).encode("utf-8"), kind="text", warn=False)
    dropped = result.with_code("split.dropped")
    assert dropped and all(n.candidates and "留空" in n.message for n in dropped)
    assert set(result.undetermined_cells) >= {p for n in dropped for p in n.cells}
    assert assert_right_or_blank(result, report) > 0


# (seed, template, blank rate) of crawl dumps whose section 2 was read in the other template's
# layout: its blank rows print their labels apart, with nothing after them
_OTHER_LAYOUT_SEEDS = [
    (29, "2019", 0.4), (189, "2019", 0.4), (206, "2019", 0.4), (45, "2021", 0.4),
    (74, "2021", 0.4), (88, "2021", 0.4), (127, "2021", 0.4), (177, "2021", 0.4),
]


@pytest.mark.parametrize(("seed", "template", "blank_rate"), _OTHER_LAYOUT_SEEDS)
def test_a_crawl_is_read_in_another_layout_only_on_a_label_of_its_own(
        seed: int, template: str, blank_rate: float) -> None:
    """The two templates' section 2 share most row labels: with blank cells dropped, the
    other layout can fit the digits, but no label names a row only it has, so the table is
    read in the report's own layout (and is right or blank)."""
    report = random_report(random.Random(seed), template=template, blank_rate=blank_rate,
                           scale=8)
    result = read_document(one_line(report).encode("utf-8"), kind="text", warn=False)
    assert result.report.tables["proactive"].spec is report.tables["proactive"].spec
    assert assert_right_or_blank(result, report) > 0


def _in_year(report: Report, year: int) -> Report:
    return attrs.evolve(report, metadata=attrs.evolve(report.metadata, year=year))


@pytest.mark.parametrize("seed", range(6))
def test_a_table_no_label_decides_takes_the_layout_another_tables_labels_chose(seed: int) -> None:
    """A 2020 report filed in the 2021 form: section 2's labels are both layouts', section 3's
    rows only the 2021 form has decide it (read in the 2021 layout, right or blank)."""
    report = _in_year(random_report(random.Random(seed), template="2021", blank_rate=0.4,
                                    scale=8), 2020)
    result = read_document(one_line(report).encode("utf-8"), kind="text", warn=False)
    assert result.report.tables["proactive"].spec is report.tables["proactive"].spec
    assert not result.with_code("table.layout_undecided")
    assert assert_right_or_blank(result, report) > 0


def _without_sections_3_and_4(report: Report) -> bytes:
    text = one_line(report)
    form = get_template(report.template)
    start = text.index(form.section("applications").heading)
    end = text.index(form.section("problems").heading, start)
    return (text[:start] + text[end:]).encode("utf-8")


@pytest.mark.parametrize("seed", [0, 3, 7])
def test_a_table_no_label_decides_is_left_blank_naming_both_layouts(seed: int) -> None:
    """The same with sections 3 and 4 cut out and blank cells dropped (neither layout reads
    every row without doubt): nothing decides, so no digit of section 2 is read into either
    layout."""
    report = _in_year(random_report(random.Random(seed), template="2021", blank_rate=0.4,
                                    scale=8), 2020)
    result = read_document(_without_sections_3_and_4(report), kind="text", warn=False)
    [undecided] = result.with_code("table.layout_undecided")
    assert "2019" in undecided.message and "2021" in undecided.message
    assert result.report.tables["proactive"].is_blank
    assert len(undecided.cells) == sum(
        len(r.columns) for r in result.report.tables["proactive"].spec.rows)
    assert_right_or_blank(result, report)


def test_a_table_read_whole_without_doubt_in_one_layout_only_is_read_in_it() -> None:
    """With no blank cell, section 2's digits fill every row of the 2021 layout exactly and
    not the 2019 one: read in the 2021 layout without a label of its own."""
    report = _in_year(random_report(random.Random(3), template="2021", blank_rate=0.0,
                                    scale=8), 2020)
    result = read_document(_without_sections_3_and_4(report), kind="text", warn=False)
    assert result.report.tables["proactive"].spec is report.tables["proactive"].spec
    assert not result.with_code("table.layout_undecided")
    assert assert_right_or_blank(result, report) > 0
