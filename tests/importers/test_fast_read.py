"""The fast path of reading a table section (:mod:`gi_report.importers.fastread`) gives what the
general stages give: the same reading of every table section it takes, on the corpus's
documents and on generated ones (both templates, blank cells, every damage), and the same
import (report, notices, locations) with the fast path on and off."""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from pathlib import Path

import attrs
import pytest

from benchmarks.fidelity_harness import Case, build_case
from benchmarks.fidelity_harness.cases import _bytes, draw_cases
from benchmarks.fidelity_harness.damage import DAMAGES
from gi_report import read_document, to_json
from gi_report.form.spec import TableSpec
from gi_report.importers import fastread, grid
from gi_report.importers.align import Alignment
from gi_report.importers.blocks import Block, TableBlock, grid_cell
from gi_report.importers.result import ImportResult
from tests.conftest import needs_source

CORPUS = Path(__file__).resolve().parents[1] / "data" / "corpus"
_KINDS = {".html": "html", ".md": "markdown", ".txt": "text", ".docx": "docx"}
_DOCUMENTS = sorted(p for p in CORPUS.rglob("*") if p.suffix in _KINDS
                    and p.name != "SOURCES.md" and "expected" not in p.parts)
_GENERATED = [*draw_cases(2026, 90, list(DAMAGES), ["html", "markdown"]),
              *(Case(seed, (), form) for seed in range(12) for form in ("html", "markdown"))]
"""Damaged cases of every kind, and undamaged ones (both templates, blank cells)."""


def _document(item: Path | Case) -> tuple[Path | bytes, str]:
    """The document to import (a corpus file by its path: its name gives the year) and kind."""
    if isinstance(item, Path):
        return item, _KINDS[item.suffix]
    _, text, kind = build_case(item)
    return _bytes(text), kind


def _sections(data: Path | bytes, kind: str, monkeypatch: pytest.MonkeyPatch
              ) -> list[tuple[TableSpec, Sequence[Block]]]:
    """Every (layout, blocks) the import reads a section with."""
    needs_source(grid)
    seen: list[tuple[TableSpec, Sequence[Block]]] = []
    general = grid.read_section

    def spy(spec: TableSpec, blocks: Sequence[Block]) -> grid.Reading:
        seen.append((spec, tuple(blocks)))
        return general(spec, blocks)

    with monkeypatch.context() as m:
        m.setattr(grid, "read_section", spy)
        read_document(data, kind=kind, warn=False)
    return seen


def _readings(spec: TableSpec, blocks: Sequence[Block]
              ) -> tuple[grid.Reading | None, grid.Reading]:
    """The fast path's reading (``None``: not taken) and the general stages'."""
    general = grid._reading(spec, *grid._placed(spec, blocks))
    placed = fastread.place(spec, blocks)
    if placed is None:
        return None, general
    return grid._reading(spec, placed[0], Alignment(), placed[1]), general


def _same(fast: grid.Reading, general: grid.Reading) -> None:
    assert fast == general
    assert [repr(n) for n in fast.notices] == [repr(n) for n in general.notices]
    assert list(fast.sources.items()) == list(general.sources.items())
    assert list(fast.values.items()) == list(general.values.items())


def _compared(items: Sequence[Path | Case], monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """Each section read on the fast path, compared with the general stages (its table id)."""
    for item in items:
        for spec, blocks in _sections(*_document(item), monkeypatch):
            fast, general = _readings(spec, blocks)
            if fast is not None:
                _same(fast, general)
                yield spec.id


def test_corpus_sections_read_alike(monkeypatch: pytest.MonkeyPatch) -> None:
    taken = list(_compared(_DOCUMENTS, monkeypatch))
    # the HTML pages' plainly printed sections take it: 2023-shuyang-drc's 二 and 三,
    # 2019-shanghai-gov-office's 二 and 三
    assert taken.count("proactive") >= 2 and taken.count("applications") >= 2


def test_generated_sections_read_alike(monkeypatch: pytest.MonkeyPatch) -> None:
    taken = list(_compared(_GENERATED, monkeypatch))
    assert len(taken) >= 60
    assert {"proactive", "applications"} <= set(taken)  # 四 prints across: general path


def _outcome(result: ImportResult) -> tuple[str, list[str], list[tuple[str, str]]]:
    return (to_json(result.report), [repr(n) for n in result.notices],
            [(k, repr(v)) for k, v in result.locations.items()])


def _without_fast_path(data: Path | bytes, kind: str, monkeypatch: pytest.MonkeyPatch
                       ) -> ImportResult:
    needs_source(fastread)
    with monkeypatch.context() as m:
        m.setattr(fastread, "place", lambda spec, blocks: None)
        return read_document(data, kind=kind, warn=False)


@pytest.mark.parametrize("item", [*_DOCUMENTS, *_GENERATED[::3]], ids=str)
def test_import_alike_with_and_without_the_fast_path(item: Path | Case,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    data, kind = _document(item)
    try:
        fast = _outcome(read_document(data, kind=kind, warn=False))
    except Exception as exc:  # the same error either way
        with pytest.raises(type(exc)):
            _without_fast_path(data, kind, monkeypatch)
        return
    general = _outcome(_without_fast_path(data, kind, monkeypatch))
    assert json.loads(fast[0]) == json.loads(general[0])
    assert fast == general


def _applications(monkeypatch: pytest.MonkeyPatch) -> tuple[TableSpec, TableBlock]:
    """Section 三 of the corpus page as read (one table block, the fast path's case)."""
    for spec, blocks in _sections(CORPUS / "2023-shuyang-drc.html", "html", monkeypatch):
        if spec.id == "applications":
            (block,) = blocks
            assert isinstance(block, TableBlock)
            return spec, block
    raise AssertionError("no section 三")


def _edited(block: TableBlock, r: int, c: int, text: str | None) -> TableBlock:
    """The table with grid position (r, c) printing ``text`` (``None``: the cell removed and
    the row's later cells moved left, as a page that drops a cell prints it)."""
    rows = [list(row) for row in block.rows]
    old = rows[r][c]
    assert old is not None and old.origin == (r, c)
    if text is None:
        rows[r] = [*rows[r][:c], *rows[r][c + 1:], None]
    else:
        rows[r][c] = grid_cell(text, old.origin, old.location)
    return attrs.evolve(block, rows=tuple(tuple(row) for row in rows))


@pytest.mark.parametrize(("edit", "fast"), [
    ((5, 3, "2 6"), True),  # two numbers in a cell: the placer's own check, either way
    ((5, 9, "二十六"), True),  # text in a value cell after a number: unreadable, either way
    ((5, 3, "二十六"), False),  # text in the first value cell: a label naming no row
    ((5, 3, None), False),  # a row with a cell fewer than its form row
    ((5, 1, "不在表格中的行"), False),  # a label naming no row
    ((0, 3, "其他说明"), False),  # a header cell naming nothing of the form
])
def test_a_damaged_plain_table_read_alike(edit: tuple[int, int, str | None], fast: bool,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    spec, block = _applications(monkeypatch)
    damaged = (_edited(block, *edit),)
    taken, general = _readings(spec, damaged)
    assert (taken is not None) is fast
    if taken is not None:
        _same(taken, general)
    assert _readings(spec, (block,))[0] is not None  # the page as printed takes the fast path
