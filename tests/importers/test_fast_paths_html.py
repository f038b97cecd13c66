"""The HTML path's shortcuts read exactly what the plain code they replace reads: a table's
label texts found once for every section it is tried against, the label zone's rest cells
skipped in one loop, blank cells' pointers made once per layout."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from gi_report.form import TABLE_IDS, TEMPLATES
from gi_report.importers import assemble, html, rows
from gi_report.importers.blocks import Location, TableBlock, located_cell
from gi_report.importers.cellnames import pointer, pointers
from gi_report.importers.html import parse_html
from gi_report.importers.markdown import parse_markdown
from gi_report.importers.rows import Slot
from gi_report.importers.text import parse_text
from gi_report.importers.values import looks_like_value
from gi_report.importers.vocabulary import vocabulary

CORPUS = Path(__file__).resolve().parents[1] / "data" / "corpus"


def _plain_affinity(block: TableBlock, table_id: str, *, enough: int) -> int:
    """The per-section scan the shortcut replaces (every cell looked at again per section)."""
    vocabularies = [vocabulary(t.table(table_id)) for t in TEMPLATES.values()]
    seen: set[str] = set()
    found = 0
    for row in block.rows:
        for cell in row:
            if cell is None or cell.text in seen or looks_like_value(cell.text):
                continue
            seen.add(cell.text)
            found += any(v.knows(cell.text) for v in vocabularies)
            if found >= enough or len(seen) >= 300:
                return found
    return found


_READERS = {".html": parse_html, ".md": parse_markdown, ".txt": parse_text}


def _real_tables() -> list[TableBlock]:
    """The tables of the corpus's HTML pages, Markdown reports and text dumps."""
    tables: list[TableBlock] = []
    for path in sorted(CORPUS.rglob("*")):
        if path.suffix not in _READERS or "expected" in path.parts:
            continue
        doc = _READERS[path.suffix](path.read_text(encoding="utf-8", errors="replace"),
                                    source=path.name)
        tables.extend(b for b in doc.blocks if isinstance(b, TableBlock))
    return tables


def test_affinity_of_real_tables_as_the_plain_scan() -> None:
    tables = _real_tables()
    assert len(tables) >= 20
    for block in tables:
        texts = list(assemble._label_texts(block))
        for table_id in TABLE_IDS:
            for enough in (1, 3, 5, 1000):
                plain = _plain_affinity(block, table_id, enough=enough)
                assert assemble._affinity(texts, table_id, enough=enough) == plain
                assert assemble._affinity(assemble._label_texts(block), table_id,
                                          enough=enough) == plain


def _labels() -> list[str]:
    spec = TEMPLATES.newest
    words = [r.label for t in TABLE_IDS for r in spec.table(t).rows][:40]
    return [*words, *(c.label for c in spec.table("applications").columns), "12", "—", "",
            "3.5", "页眉文字"]


@given(st.lists(st.lists(st.one_of(st.none(), st.sampled_from(_labels())), max_size=8),
                max_size=12),
       st.sampled_from(list(TABLE_IDS)), st.integers(1, 6))
def test_affinity_of_generated_tables_as_the_plain_scan(grid: list[list[str | None]],
                                                         table_id: str, enough: int) -> None:
    block = TableBlock(rows=tuple(
        tuple(None if text is None else located_cell(text, None, 1, 0, r, c)
              for c, text in enumerate(row)) for r, row in enumerate(grid)),
        location=Location())
    assert (assemble._affinity(list(assemble._label_texts(block)), table_id, enough=enough)
            == _plain_affinity(block, table_id, enough=enough))


def test_affinity_stops_at_300_texts() -> None:
    row = tuple(located_cell(f"不是表格的标题{i}", None, 1, 0, 0, i) for i in range(400))
    block = TableBlock(rows=(row,), location=Location())
    assert len(list(assemble._label_texts(block))) == 300


def _plain_after_zone(values: list[Slot], start: int) -> list[Slot]:
    first = next((i for i, s in enumerate(values) if not (s.empty and s.col1 < start)),
                 len(values))
    return values[first:]


@given(st.lists(st.tuples(st.sampled_from(["", " ", "\u3000", "1", "标题", "-"]),
                          st.integers(0, 6), st.integers(0, 2)), max_size=8),
       st.integers(0, 8))
def test_label_zone_rest_skipped_as_by_the_generator(cells: list[tuple[str, int, int]],
                                                      start: int) -> None:
    values = [Slot(text, col, col + width, Location(), False) for text, col, width in cells]
    assert rows._after_label_zone(values, start) == _plain_after_zone(values, start)


def test_blank_cells_pointers_made_once_are_the_pointers() -> None:
    for template in TEMPLATES.values():
        for table_id in TABLE_IDS:
            spec = template.table(table_id)
            names = pointers(spec)
            cells = [(r.id, c) for r in spec.rows for c in r.columns]
            assert len(names) == len(cells)
            assert all(names[cell] == pointer(spec, cell) for cell in cells)


@given(st.text(alphabet=st.sampled_from(list(" \t\r\n\f\v\u3000\xa0\u2029\u200b\x00a1申")),
               max_size=30))
def test_white_space_collapsed_as_by_the_regex(text: str) -> None:
    assert html._collapse(text) == html._SPACES.sub(" ", text)


def test_white_space_of_the_real_pages_collapsed_as_by_the_regex() -> None:
    for path in sorted(CORPUS.rglob("*.htm*")):
        page = path.read_text(encoding="utf-8", errors="replace")
        for piece in [*page.split("<"), *page.split(">")]:
            assert html._collapse(piece) == html._SPACES.sub(" ", piece)
