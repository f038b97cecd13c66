"""A value cell merged over several form rows: one printed number, whose rows are not said.

A table grid repeats a merged cell's text at every position its span covers (HTML
``rowspan``, a Word ``<w:vMerge/>`` continuation, a PDF cell across ruled rows), so each row
it covers would read the number as its own. But one number printed across two rows states
either each row's value or their sum; the document does not say which. The cells are
therefore blank (``cell.merged_rows``), except a 0 in columns that cannot be negative: each
row is then 0 whichever is meant, and 0 is read for each (``cell.merged_zero``). Digits run
together in such a cell, left for the splitter, are never split: blank too.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence

from gi_report.form.spec import CellKind, TableSpec
from gi_report.importers.blocks import Block, Location, TableBlock
from gi_report.importers.cellnames import Cell, describe, pointer
from gi_report.importers.place import Placer
from gi_report.importers.result import notice
from gi_report.importers.rows import value_text

Span = tuple[int, tuple[int, int], str]
"""A merged cell: the index of its table among the section's blocks, its origin, its text."""

_NOT_NEGATIVE = frozenset({CellKind.COUNT, CellKind.AMOUNT})


def merged_spans(blocks: Sequence[Block]) -> dict[Location, Span]:
    """Every grid position of a value cell whose span covers more than one grid row, by its
    location (the key the placer records a read value's source under)."""
    out: dict[Location, Span] = {}
    for index, block in enumerate(blocks):
        if isinstance(block, TableBlock):
            origins = _row_spanning_values(block)
            if origins:
                out.update(_positions(block, index, origins))
    return out


def _row_spanning_values(block: TableBlock) -> set[tuple[int, int]]:
    """The origins of value cells that reach below their first row."""
    return {cell.origin for r, row in enumerate(block.rows) for cell in row
            if cell is not None and cell.origin[0] != r and value_text(cell.text)}


def _positions(block: TableBlock, index: int, origins: set[tuple[int, int]]
               ) -> Iterable[tuple[Location, Span]]:
    for row in block.rows:
        for cell in row:
            if cell is not None and cell.origin in origins:
                yield cell.location, (index, cell.origin, cell.text)


def settle_merged(spec: TableSpec, placer: Placer, spans: Mapping[Location, Span]) -> None:
    """The cells read from one value cell merged over several form rows: kept where the
    cell prints 0 in columns that cannot be negative, else blank; a notice either way."""
    if not spans:
        return
    groups: dict[Span, list[Cell]] = defaultdict(list)
    for cell, location in placer.sources.items():
        span = spans.get(location)
        if span is not None:
            groups[span].append(cell)
    for span, cells in groups.items():
        if len({row for row, _ in cells}) > 1:
            _settle(spec, placer, cells, " ".join(span[2].split()))


def _settle(spec: TableSpec, placer: Placer, cells: list[Cell], printed: str) -> None:
    if _unsplit(placer, cells):
        _blank(spec, placer, cells, printed)
        return
    values = [placer.values.get(cell) for cell in cells]
    if all(v is None for v in values):
        return  # a dash or an unreadable text: blank already, with its own notice
    location = placer.sources[cells[0]]
    named = describe(spec, cells)
    if all(v == 0 for v in values) and all(
            spec.column(column).kind in _NOT_NEGATIVE for _, column in cells):
        placer.notices.append(notice(
            "cell.merged_zero",
            f"{named} 为跨行合并的一个单元格，印作 0：各行的数不小于 0，无论 0 是各行之数还是"
            "合计，各行皆为 0，按 0 读取", location=location,
            cells=[pointer(spec, c) for c in cells], found="0"))
        return
    _blank(spec, placer, cells, printed)


def _unsplit(placer: Placer, cells: Sequence[Cell]) -> bool:
    """Whether digit runs still to be split hold some of ``cells``: they are dropped (their
    every cell is one of the merged cell's, read from its text), so no split reads them."""
    merged = set(cells)
    kept = [run for run in placer.runs if merged.isdisjoint(run.cells)]
    dropped = len(kept) < len(placer.runs)
    placer.runs = kept
    return dropped


def _blank(spec: TableSpec, placer: Placer, cells: Sequence[Cell], printed: str) -> None:
    """Every cell read from the merged cell blank, with the ``cell.merged_rows`` notice."""
    named = describe(spec, cells)
    location = placer.sources[cells[0]]
    for cell in cells:
        placer.values[cell] = None
    placer.notices.append(notice(
        "cell.merged_rows",
        f"{named} 为跨行合并的一个单元格，印作“{printed}”：文档未说明这是各行之数还是合计，"
        "留空", location=location, cells=[pointer(spec, c) for c in cells], found=printed))
