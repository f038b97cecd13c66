"""The importers' fast paths build and read exactly what the plain code does: the direct
builders of grid cells and locations, and the row reader's slots of merged cells."""

from __future__ import annotations

import pickle
from pathlib import Path

import attrs
import lxml.etree
import pytest

from gi_report.importers import blocks, html
from gi_report.importers.blocks import GridCell, Location, cell_location, grid_cell
from gi_report.importers.rows import _split_labels, row_slots

CORPUS = Path(__file__).resolve().parents[1] / "data" / "corpus"


def test_builders_are_in_use() -> None:
    # the fast path is on for the classes as they are (else the builders only call the class)
    assert len(blocks._CELL) == len(attrs.fields(GridCell))
    assert len(blocks.LOCATION_SETTERS) == len(attrs.fields(Location))


def test_location_built_directly_is_the_same_location() -> None:
    built = cell_location("page.html", 12, 3, 4, 5)
    plain = Location(file="page.html", line=12, table=3, row=4, column=5)
    assert built == plain and hash(built) == hash(plain) and repr(built) == repr(plain)
    assert attrs.asdict(built) == attrs.asdict(plain)
    assert built.to_dict() == plain.to_dict() and str(built) == str(plain)
    assert pickle.loads(pickle.dumps(built)) == plain
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        built.row = 7  # type: ignore[misc]
    assert cell_location(None, None, 0, 0, 0) == Location(table=0, row=0, column=0)


def test_grid_cell_built_directly_is_the_same_cell() -> None:
    where = Location(file="x.html", line=2, table=0, row=1, column=2)
    built = grid_cell("13", (1, 2), where)
    plain = GridCell(text="13", origin=(1, 2), location=where)
    assert built == plain and hash(built) == hash(plain) and repr(built) == repr(plain)
    assert built.is_origin(1, 2) and not built.is_origin(0, 2)
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        built.text = "14"  # type: ignore[misc]


def test_a_class_with_a_validator_or_other_fields_is_built_by_its_constructor() -> None:
    @attrs.frozen
    class Checked:
        a: int = attrs.field(validator=attrs.validators.instance_of(int))

    @attrs.frozen
    class Plain:
        a: int

    assert blocks._slot_setters(Checked, ("a",)) == ()
    assert blocks._slot_setters(Plain, ("b",)) == ()
    assert len(blocks._slot_setters(Plain, ("a",))) == 1


def _cell(text: str, r: int, c: int) -> GridCell:
    return GridCell(text=text, origin=(r, c), location=Location(row=r, column=c))


def test_slots_of_merged_and_missing_cells() -> None:
    label = _cell("label", 0, 0)  # spans columns 0-1 and rows 0-1: one object (HTML's grid)
    # a span of two cell objects with one origin (as other readers build their grids)
    row = [label, label, _cell("5", 1, 2), _cell("5", 1, 2), None, _cell("6", 1, 5)]
    slots = row_slots(row, 1)
    assert [(s.text, s.col0, s.col1, s.above) for s in slots] == [
        ("label", 0, 1, True), ("5", 2, 3, False), ("6", 5, 5, False)]
    assert row_slots([None, None], 0) == []
    assert [(s.col0, s.col1) for s in row_slots([label, None, label], 0)] == [(0, 0), (2, 2)]


def test_text_block_built_directly_is_the_same_block() -> None:
    where = blocks.cell_location("a.html", 3)
    assert where == Location(file="a.html", line=3)
    built = blocks.text_block("一、总体情况", where)
    plain = blocks.TextBlock(text="一、总体情况", location=Location(file="a.html", line=3))
    assert built == plain and hash(built) == hash(plain) and repr(built) == repr(plain)


def test_labels_split_by_one_classification_as_by_the_slot_properties() -> None:
    texts = ["", " ", "\u3000", "13", "１３", "0-66", "15条2个7", "—", "/", "无", "12.5万元",
             "收到申请数", "（一）予以公开", "5个", "190.7787 7", "abc", "2023年"]
    for text in texts:
        slot = row_slots([_cell(text, 0, 0)], 0)[0]
        assert [slot.empty, slot.is_value, slot.is_text].count(True) == 1, text
    for i in range(len(texts) ** 2):
        row = [_cell(texts[i % len(texts)], 0, 0), _cell(texts[i // len(texts)], 0, 1),
               _cell(texts[(i * 7) % len(texts)], 0, 2)]
        slots = row_slots(row, 0)
        first = next((k for k, s in enumerate(slots) if s.is_value), None)
        zone = slots if first is None else slots[:first]
        last = max((k for k, s in enumerate(zone) if s.is_text), default=-1)
        assert _split_labels(slots) == (
            [s for s in zone[: last + 1] if s.is_text], slots[last + 1:], first)


def _tree(root: lxml.etree._Element) -> tuple[str, list[object]]:
    return lxml.etree.tostring(root, encoding="unicode"), [el.sourceline for el in root.iter()]


@pytest.mark.parametrize("text", [
    *(p.read_text(encoding="utf-8") for p in sorted(CORPUS.rglob("*.html"))[:4]),
    "<p>一、总体情况</p>\r\n<table><tr><td rowspan=2>a</td><td>1</td></tr></table>",
    "<p>\ud800 a lone surrogate</p>",  # not encodable as UTF-8: read as the string
])
def test_page_read_from_utf8_bytes_is_the_tree_read_from_the_string(text: str) -> None:
    try:
        expected: object = _tree(lxml.etree.fromstring(text, parser=html._PARSER))
    except ValueError as exc:
        expected = ("refused", str(exc))
    try:
        root, _ = html._parse(text)
        found: object = _tree(root)
    except ValueError as exc:
        found = ("refused", str(exc))
    assert found == expected


def test_an_xml_declaration_is_blanked_not_refused() -> None:
    """lxml refuses a string that declares an encoding; the page is already decoded, so its
    declaration is blanked out (lines and columns kept) and the page read."""
    body = "<p>中</p>\n<table><tr><td>1</td></tr></table>"
    declared = "<?xml version='1.0' encoding='gbk'?>" + body
    with pytest.raises(ValueError):
        lxml.etree.fromstring(declared, parser=html._PARSER)
    root, _ = html._parse(declared)
    tree, lines = _tree(root)
    assert (tree, lines) == _tree(lxml.etree.fromstring(body, parser=html._PARSER))
