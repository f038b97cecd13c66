"""The HTML and Markdown import paths' shortcuts read exactly what the plain code they replace
reads: byte counting in C, cells without markup, per-character letter counts."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from gi_report import read_document, to_json
from gi_report.form import TEMPLATES
from gi_report.form.spec import TableSpec
from gi_report.importers import encoding, markdown, narrative, place
from gi_report.importers.blocks import GridCell, Location, located_cell
from gi_report.importers.cellnames import pointer
from gi_report.importers.encoding import decode
from gi_report.importers.html import parse_html
from gi_report.importers.markdown import parse_markdown
from gi_report.importers.normalize import fold
from gi_report.importers.rows import DataRow, Slot, read_rows
from tests.importers.test_fast_paths_plain import _plain_looks_binary


def test_binary_test_at_the_threshold() -> None:
    text = b"a" * 1000
    for controls in range(5, 15):
        data = b"\x01" * controls + text
        assert encoding._looks_binary(data) is _plain_looks_binary(data)
    assert encoding._looks_binary(b"\x00text") and not encoding._looks_binary("年度报告".encode())


def _plain_inline(text: str) -> str:
    text = markdown._BR.sub("\n", text)
    text = markdown._EMPHASIS.sub(lambda m: m.group(2) or m.group(3) or m.group(4) or "", text)
    return text.replace("\\|", "|").replace("\\*", "*").replace("\\_", "_")


def _plain_cells(line: str) -> list[str]:
    stripped = line.strip()
    if stripped.startswith("|"):
        stripped = stripped[1:]
    if stripped.endswith("|") and not stripped.endswith("\\|"):
        stripped = stripped[:-1]
    return [_plain_inline(c).strip() for c in re.split(r"(?<!\\)\|", stripped)]


_MARKDOWN_TEXT = st.text(alphabet=st.sampled_from(list("|\\*_`<br/> 12a\n申请")), max_size=40)


@given(_MARKDOWN_TEXT)
def test_markdown_cells_and_inline_text_as_the_regexes_read_them(line: str) -> None:
    assert markdown._inline(line) == _plain_inline(line)
    assert markdown._cells(line) == _plain_cells(line)


def test_markdown_cells_of_a_real_row() -> None:
    line = "| （一）予以公开 | **5** | 0 | 1<br>2 | a\\|b | `3` |"
    assert markdown._cells(line) == _plain_cells(line) == [
        "（一）予以公开", "5", "0", "1\n2", "a|b", "3"]


def _plain_consume(text: str, kept: int) -> int:
    count = 0
    for i, ch in enumerate(text):
        if count >= kept:
            return i
        folded = unicodedata.normalize("NFKC", ch)
        count += sum(1 for c in folded if unicodedata.category(c)[0] in "LN")
    return len(text)


@given(st.text(max_size=30), st.integers(min_value=0, max_value=35))
def test_heading_end_counted_as_before(text: str, kept: int) -> None:
    assert narrative._consume(text, kept) == _plain_consume(text, kept)


_CORPUS = Path(__file__).resolve().parents[1] / "data" / "corpus"
_DOCUMENTS = sorted(p for p in _CORPUS.rglob("*")
                    if p.suffix in {".html", ".md", ".txt"} and p.name != "SOURCES.md")


def _imported(path: Path) -> tuple[str, list[str]]:
    result = read_document(path, warn=False)
    return to_json(result.report), [repr(n) for n in result.notices]


@pytest.mark.parametrize("path", _DOCUMENTS, ids=lambda p: p.name)
def test_cells_read_from_the_remembered_texts_as_from_the_parser(path: Path) -> None:
    for numbers, blanks in place._PLAIN.values():
        numbers.clear()
        blanks.clear()
    first = _imported(path)  # every cell through read_cell
    if path.suffix != ".txt":  # a crawl dump's digits are runs, split by the solver
        assert place._PLAIN["COUNT"][0]
    assert _imported(path) == first  # the plain numbers and blanks by look-up


def test_a_remembered_blank_is_listed_as_blank_each_time() -> None:
    spec = next(iter(TEMPLATES.values())).table("applications")
    cells = [(r.id, c) for r in spec.rows[:2] for c in r.columns][:3]
    for _ in range(2):
        placer = place.Placer(spec, None)
        placer.read([(cell, text, Location()) for cell, text in zip(cells, ["", "7", " "],
                                                                     strict=True)], None)
        assert [placer.values[c] for c in cells] == [None, 7, None]
        assert placer.blank == [pointer(spec, cells[0]), pointer(spec, cells[2])]


def test_located_cell_is_the_cell_and_location_built_apart() -> None:
    built = located_cell("13", "page.html", 7, 2, 3, 4)
    plain = GridCell(text="13", origin=(3, 4),
                     location=Location(file="page.html", line=7, table=2, row=3, column=4))
    assert built == plain and hash(built) == hash(plain) and repr(built) == repr(plain)
    assert built.location == plain.location and repr(built.location) == repr(plain.location)


def _plain_units_after_each_number(spec: TableSpec, rows: list[DataRow]) -> bool:
    texts = ["".join(s.text.split()) for dr in rows for s in dr.values if not s.empty]
    if not texts or not all(place._UNITS_AFTER_EACH.fullmatch(fold(t)) for t in texts):
        return False
    placed = [(dr, dr.row) for dr in rows if dr.row is not None]
    exact = [place._numbers(dr) == len(place.value_cells(spec, row)) for dr, row in placed]
    return 2 * sum(exact) > len(placed)


@pytest.mark.parametrize("path", [p for p in _DOCUMENTS if p.suffix != ".txt"],
                         ids=lambda p: p.name)
def test_units_after_each_number_as_with_every_text_made(path: Path) -> None:
    parsed = (parse_html if path.suffix == ".html" else parse_markdown)(
        decode(path.read_bytes()).text)
    told: list[bool] = []
    for template in TEMPLATES.values():
        for spec in template.tables:
            rows = read_rows(spec, parsed.blocks).rows
            for dr in rows:
                dr.row = dr.match.item if dr.match is not None else None
            numeric = [dr for dr in rows
                       if dr.row is not None and not any(s.is_text for s in dr.values)]
            with_units = [attrs.evolve(dr, values=[s._replace(text=(s.text or "0") + "件")
                                                   for s in dr.values]) for dr in numeric]
            told.append(place.units_after_each_number(spec, with_units))
            for sample in (rows, with_units, rows[:1], []):
                assert (place.units_after_each_number(spec, sample)
                        is _plain_units_after_each_number(spec, sample))
    assert any(told)  # the tables with a unit after every number are told so


_SPANS = st.lists(st.tuples(st.integers(0, 12), st.integers(0, 3)), max_size=8)


@given(_SPANS, _SPANS)
def test_header_cells_over_values_as_by_pairwise_overlap(unknown: list[tuple[int, int]],
                                                         values: list[tuple[int, int]]) -> None:
    def slots(spans: list[tuple[int, int]], text: str) -> list[Slot]:
        return [Slot(f" {text}{i} ", a, a + w, Location(), False) for i, (a, w) in enumerate(spans)]

    header, cells = slots(unknown, "h"), slots(values, "v")
    plain = [u.text.strip() for u in header
             if any(u.col0 <= s.col1 and s.col0 <= u.col1 for s in cells)]
    assert place._over_values(header, cells) == plain


def test_row_groups_found_when_asked_as_the_reader_finds_them() -> None:
    from gi_report.importers.rows import _Groups, _RowReader

    spec = next(iter(TEMPLATES.values())).table("review_litigation")
    reader = _RowReader(spec)
    group = spec.groups[0]
    for texts in ([group.label, "x"], ["x"], []):
        labels = [Slot(t, i, i, Location(), False) for i, t in enumerate(texts)]
        lazy = _Groups(reader, labels)
        assert set(lazy) == reader.groups(labels) and bool(lazy) is bool(reader.groups(labels))
    assert set(_Groups(reader, [Slot(group.label, 0, 0, Location(), False)])) == {group.id}


_SECTIONS = next(iter(TEMPLATES.values())).sections
_HEADING_TEXT = st.text(alphabet=st.sampled_from(sorted(
    {ch for sec in _SECTIONS for ch in sec.number + sec.heading} | set("、.．# （）()"))),
    max_size=20)


@given(_HEADING_TEXT)
def test_a_heading_without_its_numeral_up_front_is_no_heading_either_way(text: str) -> None:
    # what lets match_heading return at once: both of its ways of reading a heading need it
    for section in _SECTIONS:
        if section.number not in text[:12]:
            assert narrative._numeral(text, section.number, False) is None
            assert narrative._unmarked_heading(text, section) is None
            assert narrative.match_heading(text, section) is None
