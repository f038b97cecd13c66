"""The ways real reports depart from the template (issue 10), as changes to a neutral document.

Each damage changes a :class:`~benchmarks.fidelity_harness.document.Document` in place and sets
the truth of any cell whose information it removes to blank (a cell really missing, a row lost on
a page break, a cell holding two numbers). Labels and headings are taken from the form
(:mod:`gi_report.form`); only generic words (units, heading key words, filler text) are data here.
"""

from __future__ import annotations

import random
from collections.abc import Callable

from benchmarks.fidelity_harness.document import (
    Block,
    Cell,
    Document,
    Heading,
    Paragraph,
    Row,
    TableBlock,
)
from benchmarks.fidelity_harness.forms import _placed
from benchmarks.fidelity_harness.replay import Key, Unreplayable, plain
from benchmarks.fidelity_harness.stated import narrative_states
from gi_report.form import get_template
from gi_report.form.spec import CellKind, SectionSpec, TableSpec
from gi_report.render.layout import _header_levels

NUMERALS = "一二三四五六七八九十"
TYPO_CHARS = "的工作公开信息政府情况数量年度行"
"""Characters a typo may put in place of another (common characters of these reports)."""
EXTRA_SECTION_TITLE = "信息处理费收取情况"
"""The non-standard section some reports add after section 四 (not a section of the form)."""
EXTRA_ROWS = ("网站发布信息", "政务新媒体发布信息", "新闻发布会", "政策解读")
"""Row labels of an extra table of the kind reports print in section 一 (not form labels)."""
COUNT_UNITS = ("个", "件", "项", "条")
AMOUNT_UNIT = "万元"
PAGE_FURNITURE = ("— {} —", "- {} -", "第{}页")


def _sections(doc: Document) -> dict[str, Heading]:
    return {b.section: b for b in doc.blocks if isinstance(b, Heading) and b.section}


def _section_spec(doc: Document, section_id: str) -> SectionSpec:
    return get_template(doc.template).section(section_id)


def _tables(doc: Document) -> list[TableBlock]:
    return [b for b in doc.blocks if isinstance(b, TableBlock) and b.spec is not None]


def _table(doc: Document, table_id: str) -> TableBlock | None:
    return next((t for t in _tables(doc) if t.spec is not None and t.spec.id == table_id), None)


def _value_cells(doc: Document) -> list[tuple[TableBlock, Row, Cell]]:
    """Every printed value cell, but those a damage spared (``doc.passed``)."""
    return [(t, r, c) for t in _tables(doc) for r in t.rows for c in r.cells
            if c.ref and _pointer(t, c.ref) not in doc.passed]


def _pointer(table: TableBlock, ref: tuple[str, str]) -> str:
    assert table.spec is not None
    return f"/{table.spec.id}/{ref[0]}/{ref[1]}"


def _cell_key(item: tuple[TableBlock, Cell]) -> Key:
    """A value cell as a recorded choice names it: its pointer."""
    table, cell = item
    assert cell.ref is not None
    return (_pointer(table, cell.ref),)


def _spare(doc: Document, table: TableBlock, ref: tuple[str, str]) -> bool:
    """Whether a damage leaves the cell alone (``doc.spared``); later damages then pass it by."""
    pointer = _pointer(table, ref)
    if pointer in doc.spared:
        doc.passed.add(pointer)
        return True
    return False


def _label_cells(doc: Document) -> list[tuple[TableSpec, Cell, str]]:
    """Every printed row label of the form tables, with its row id."""
    out: list[tuple[TableSpec, Cell, str]] = []
    for table in _tables(doc):
        assert table.spec is not None
        labels = {r.label: r.id for r in table.spec.rows}
        for row in table.rows:
            out += [(table.spec, c, labels[c.text]) for c in row.cells
                    if c.header and c.text in labels and row.row_id == labels[c.text]]
    return out


def _heading(doc: Document, section_id: str, title: str, number: str | None = None,
             separator: str = "、") -> None:
    heading = _sections(doc)[section_id]
    number = number or _section_spec(doc, section_id).number
    heading.text = f"{number}{separator}{title}"


# --- 1. headings ----------------------------------------------------------------------------

def heading_variant(doc: Document, rng: random.Random) -> bool:
    """A section heading as real reports vary it: an alias, 与/和 for 、, another separator after
    the numeral, a key word added."""
    ids = list(_sections(doc))
    for section_id in rng.sample(ids, rng.randint(1, 3)):
        spec = _section_spec(doc, section_id)
        titles = [spec.title + rng.choice(("情况", "工作情况"))]
        if spec.aliases:
            titles.append(rng.choice(spec.aliases))
        if "、" in spec.title:
            titles.append(spec.title.replace("、", rng.choice(("与", "和", "及"))))
        if rng.random() < 0.3:
            _heading(doc, section_id, spec.title, separator=rng.choice(("．", ".", " ", "")))
        else:
            _heading(doc, section_id, rng.choice(titles))
    return True


def _typo(text: str, rng: random.Random, start: int = 0) -> str:
    if len(text) - start < 3:
        return text
    i = rng.randrange(start + 1, len(text))
    how = rng.choice(("replace", "drop", "double"))
    if how == "replace":
        return text[:i] + rng.choice([c for c in TYPO_CHARS if c != text[i]]) + text[i + 1:]
    if how == "drop":
        return text[:i] + text[i + 1:]
    return text[:i] + text[i] + text[i:]


def heading_typo(doc: Document, rng: random.Random) -> bool:
    """One character of a section title replaced, dropped or printed twice."""
    for section_id in rng.sample(list(_sections(doc)), rng.randint(1, 2)):
        spec = _section_spec(doc, section_id)
        _heading(doc, section_id, _typo(spec.title, rng))
    return True


def part_numbering(doc: Document, rng: random.Random) -> bool:
    """Sections numbered 第一部分 … instead of 一、…."""
    separator = rng.choice((" ", "", "："))
    for section_id in _sections(doc):
        spec = _section_spec(doc, section_id)
        _heading(doc, section_id, spec.title, number=f"第{spec.number}部分", separator=separator)
    return True


def title_broken(doc: Document, rng: random.Random) -> bool:
    """The title spaced out (``2023 年``) and broken over two lines."""
    title = doc.blocks[0]
    assert isinstance(title, Heading)
    text = title.text
    year = str(doc.truth["/metadata/year"])
    text = text.replace(year, year + " ", 1) if rng.random() < 0.7 else text
    cut = rng.randint(len(text) - 6, len(text) - 2)
    first, second = text[:cut], text[cut:]
    doc.blocks[0:1] = [Heading(first, level=1), Paragraph(second)] if rng.random() < 0.5 else [
        Paragraph(first), Paragraph(second)]
    return True


# --- 2. extra sections and tables -------------------------------------------------------------

def extra_section(doc: Document, rng: random.Random) -> bool:
    """A non-standard 五、 section with its own small table after section 四; later sections
    renumbered."""
    review = _table(doc, "review_litigation")
    if review is None:
        return False
    fields = get_template(doc.template).fee_fields
    header = Row([Cell(f.label, header=True) for f in fields])
    values = Row([Cell(str(rng.randint(0, 20)))] + [
        Cell(f"{rng.randint(0, 5000)}.{rng.randint(0, 99):02d}") for _ in fields[1:]])
    if rng.random() < 0.5:
        header.cells.insert(0, Cell("", header=True))
        values.cells.insert(0, Cell(EXTRA_SECTION_TITLE, header=True))
    at = doc.blocks.index(review) + 1
    doc.blocks[at:at] = [Heading(f"{NUMERALS[4]}、{EXTRA_SECTION_TITLE}"),
                         TableBlock([header, values])]
    for section_id in ("problems", "other_matters"):
        spec = _section_spec(doc, section_id)
        _heading(doc, section_id, spec.title, number=NUMERALS[NUMERALS.index(spec.number) + 1])
    return True


def _extra_table(rng: random.Random) -> TableBlock:
    rows = [Row([Cell("", header=True), Cell("数量", header=True)])]
    for label in rng.sample(EXTRA_ROWS, rng.randint(2, len(EXTRA_ROWS))):
        rows.append(Row([Cell(label, header=True), Cell(str(rng.randint(0, 3000)))]))
    return TableBlock(rows)


def extra_table(doc: Document, rng: random.Random) -> bool:
    """A table the form does not have, in section 一 or between two form tables."""
    places = [doc.blocks.index(_sections(doc)["proactive"])]
    proactive = _table(doc, "proactive")
    if proactive is not None:
        places.append(doc.blocks.index(proactive) + 1)
    at = rng.choice(places)
    doc.blocks[at:at] = [Paragraph("本年度各渠道发布信息情况如下："), _extra_table(rng)]
    return True


def narrative_between(doc: Document, rng: random.Random) -> bool:
    """A paragraph with numbers of its own between a table and the next heading, or between a
    heading and its table."""
    places = []
    for table in _tables(doc):
        at = doc.blocks.index(table)
        places += [at, at + 1]
    for at in sorted(rng.sample(places, rng.randint(1, 2)), reverse=True):
        text = (f"本年度共{rng.choice(('收到', '办结', '答复'))}{rng.randint(1, 999)}件，"
                f"较上年增长{rng.randint(1, 99)}%，其中{rng.randint(0, 50)}件已办结。")
        doc.blocks.insert(at, Paragraph(text))
    return True


# --- 3. row labels and cells ------------------------------------------------------------------

def _numbering_end(label: str) -> int:
    """Where a label's own numbering (``1.``, ``（三）``, ``一、``) ends."""
    for mark in (".", "）", "、"):
        i = label.find(mark)
        if 0 <= i <= 3:
            return i + 1
    return 0


def label_variant(doc: Document, rng: random.Random) -> bool:
    """A row label with words added or dropped, another numbering, or an alias of the form."""
    labels = _label_cells(doc)

    def draw(r: random.Random) -> list[tuple[tuple[TableSpec, Cell, str], str]]:
        chosen = r.sample(labels, min(len(labels), r.randint(1, 4)))
        return [(label, _label_variant(label, r)) for label in chosen]

    for (_, cell, _), text in doc.choices.pick(rng, labels, _label_key, draw):
        cell.text = text
    return True


def _label_key(label: tuple[TableSpec, Cell, str]) -> Key:
    """A printed row label as a recorded choice names it: its table and row."""
    return label[0].id, label[2]


def _label_variant(label: tuple[TableSpec, Cell, str], rng: random.Random) -> str:
    """One row label as :func:`label_variant` prints it."""
    spec, cell, row_id = label
    row = spec.row(row_id)
    start = _numbering_end(cell.text)
    options = [cell.text[start:] or cell.text, cell.text + rng.choice(("数量", "情况", "数")),
               cell.text.replace("、", "，")]
    if start and cell.text[0].isdigit():
        options.append(f"（{cell.text[0]}）{cell.text[start:]}")
    options += list(row.aliases)
    return rng.choice([o for o in options if o and o != cell.text])


def label_typo(doc: Document, rng: random.Random) -> bool:
    """A row label with one character replaced, dropped or doubled, or its first character
    printed twice."""
    labels = _label_cells(doc)

    def draw(r: random.Random) -> list[tuple[tuple[TableSpec, Cell, str], str]]:
        chosen = r.sample(labels, min(len(labels), r.randint(1, 3)))
        return [(label, _label_typo(label[1].text, r)) for label in chosen]

    for (_, cell, _), text in doc.choices.pick(rng, labels, _label_key, draw):
        cell.text = text
    return True


def _label_typo(text: str, rng: random.Random) -> str:
    """One row label as :func:`label_typo` prints it."""
    start = _numbering_end(text)
    if rng.random() < 0.4 or len(text) - start < 3:  # too short for a typo inside
        return text[:start] + text[start] + text[start:]
    return _typo(text, rng, start)


def unit_words(doc: Document, rng: random.Random) -> bool:
    """Value cells that print a unit word after the number (``5个``, ``12.5万元``)."""
    rate = rng.choice((0.2, 1.0))
    cells = [(t, c) for t, _, c in _value_cells(doc) if c.text and c.text[-1].isdigit()]

    def draw(r: random.Random) -> list[tuple[tuple[TableBlock, Cell], str]]:
        return [(item, AMOUNT_UNIT if _amount(*item) else r.choice(COUNT_UNITS))
                for item in cells if r.random() <= rate]

    for (table, cell), unit in doc.choices.pick(rng, cells, _cell_key, draw):
        assert table.spec is not None and cell.ref is not None
        if (unit == AMOUNT_UNIT) is not _amount(table, cell):  # a choice replayed elsewhere
            raise Unreplayable(f"{_cell_key((table, cell))} cannot print {unit}")
        cell.text += unit
        if not _amount(table, cell):
            continue
        spec = table.spec
        for column_id in spec.row(cell.ref[0]).columns:  # the unit the row now states
            if spec.column(column_id).kind is CellKind.TEXT:
                doc.truth[f"/{spec.id}/{cell.ref[0]}/{column_id}"] = AMOUNT_UNIT
    return True


def _amount(table: TableBlock, cell: Cell) -> bool:
    """Whether a value cell states an amount (its unit is 万元)."""
    assert table.spec is not None and cell.ref is not None
    return table.spec.column(cell.ref[1]).kind is CellKind.AMOUNT


def two_numbers(doc: Document, rng: random.Random) -> bool:
    """A cell holding two numbers (a lost border, a merged continuation cell): its truth is
    blank. A cell of ``doc.spared`` is left as it is (the same random draws)."""
    cells = [(t, c) for t, _, c in _value_cells(doc) if c.text and c.text[-1].isdigit()]

    def draw(r: random.Random) -> list[tuple[tuple[TableBlock, Cell], str]]:
        chosen = r.sample(cells, min(len(cells), r.randint(1, 2)))
        return [(item, r.choice(("\n", " ")) + str(r.randint(0, 30))) for item in chosen]

    for (table, cell), second in doc.choices.pick(rng, cells, _cell_key, draw):
        assert cell.ref is not None
        if _spare(doc, table, cell.ref):
            continue
        cell.text += second
        doc.truth[_pointer(table, cell.ref)] = None
    return True


def cell_missing(doc: Document, rng: random.Random) -> bool:
    """A value cell that is not printed at all (a crawl dropped it): its truth is blank. A cell
    of ``doc.spared`` is left printed (the same random draws)."""
    cells = _value_cells(doc)

    def draw(r: random.Random) -> list[tuple[tuple[TableBlock, Row, Cell], None]]:
        return plain(r.sample(cells, min(len(cells), r.randint(1, 2))))

    picked = doc.choices.pick(rng, cells, lambda c: _cell_key((c[0], c[2])), draw)
    for (table, row, cell), _ in picked:
        assert cell.ref is not None
        if _spare(doc, table, cell.ref):
            continue
        row.cells.remove(cell)
        doc.truth[_pointer(table, cell.ref)] = None
    return True


# --- 4. layout --------------------------------------------------------------------------------

def _spans_cross(table: TableBlock, boundary: int) -> bool:
    """Whether a merged cell of a row above ``boundary`` reaches into it or beyond."""
    return any(r + c.rowspan > boundary for r, row in enumerate(table.rows[:boundary])
               for c in row.cells)


def _drop_row(table: TableBlock, index: int) -> None:
    """Remove a printed row, keeping the merged cells that span it consistent."""
    dropped = table.rows.pop(index)
    for r, row in enumerate(table.rows[:index]):
        for c in row.cells:
            if r + c.rowspan > index:
                c.rowspan -= 1
    moved = [c for c in dropped.cells if c.rowspan > 1]
    for c in moved:
        c.rowspan -= 1
    if moved and index < len(table.rows):
        table.rows[index].cells[0:0] = moved


def page_break_row_lost(doc: Document, rng: random.Random) -> bool:
    """The last row of a page missing where the next page starts with the following row: the
    table goes on in a second table after page furniture; the lost row's truth is blank."""
    table = _table(doc, rng.choice(("applications", "proactive")))
    if table is None:
        return False
    candidates = [i for i, row in enumerate(table.rows) if row.row_id and i > 0]
    [(index, _)] = doc.choices.pick(rng, candidates, lambda i: (i,),
                                    lambda r: plain([r.choice(candidates)]))
    row_id = table.rows[index].row_id
    assert table.spec is not None and row_id is not None
    for column_id in table.spec.row(row_id).columns:
        doc.truth[f"/{table.spec.id}/{row_id}/{column_id}"] = None
    _drop_row(table, index)
    if 0 < index < len(table.rows) and not _spans_cross(table, index):
        rest = TableBlock(table.rows[index:], table.spec)
        del table.rows[index:]
        at = doc.blocks.index(table) + 1
        furniture = rng.choice(PAGE_FURNITURE).format(rng.randint(2, 9))
        doc.blocks[at:at] = [Paragraph(furniture), rest]
    return True


def detached_labels(doc: Document, rng: random.Random) -> bool:
    """A PDF text extraction: the labels of section 三 (or 二) printed apart from their numbers,
    the table's body rows holding only numbers, in the form's row order."""
    table = _table(doc, rng.choice(("applications", "proactive")))
    if table is None:
        return False
    labels: list[str] = []
    for row in table.rows:
        if not any(c.ref for c in row.cells):
            continue
        labels += [c.text for c in row.cells if c.header]
        row.cells = [c for c in row.cells if not c.header]
        for c in row.cells:
            c.rowspan = 1
    at = doc.blocks.index(table)
    doc.blocks.insert(at, Paragraph("\n".join(labels)))
    return True


def header_broken(doc: Document, rng: random.Random) -> bool:
    """Header cells broken over several lines, as narrow PDF columns print them."""
    for table in _tables(doc):
        for row in table.rows:
            if any(c.ref for c in row.cells):
                continue
            for cell in row.cells:
                if len(cell.text) >= 4 and rng.random() < 0.7:
                    step = rng.randint(2, 4)
                    cell.text = "\n".join(cell.text[i:i + step]
                                          for i in range(0, len(cell.text), step))
    return True


def _reorder_applications(parts: list[TableBlock], order: list[str]) -> None:
    """Every part of the table in ``order`` (a table broken over pages keeps its columns'
    order on every page); the header rows are those of the first part."""
    table = parts[0]
    spec = table.spec
    assert spec is not None
    header_count = next((i for i, r in enumerate(table.rows) if r.row_id), len(table.rows))
    corner = table.rows[0].cells[0]
    paths = [(*spec.column(c).header_path, spec.column(c).label) for c in order]
    headers = [[Cell(h.text, h.rowspan, h.colspan, True) for h in row]
               for row in _header_levels(paths)]
    corner.rowspan = len(headers)
    headers[0].insert(0, corner)
    table.rows[:header_count] = [Row(cells) for cells in headers]
    for row in (r for part in parts for r in part.rows):
        # a row lacking a cell (cell_missing) keeps the others in order
        values = {c.ref[1]: c for c in row.cells if c.ref}
        if values:
            row.cells = [c for c in row.cells if not c.ref] + [
                values[c] for c in order if c in values]


def column_order(doc: Document, rng: random.Random) -> bool:
    """Section 三's columns printed in another order (总计 first, two applicant columns swapped),
    with headers that name them."""
    table = _table(doc, "applications")
    if table is None or table.spec is None:
        return False
    order = [c.id for c in table.spec.columns]
    how = rng.choice(("total_first", "swap"))
    if how == "total_first":
        order = [order[-1], *order[:-1]]
    else:
        i, j = rng.sample(range(len(order) - 1), 2)
        order[i], order[j] = order[j], order[i]
    if doc.reorder is not None:
        order = list(doc.reorder)
    parts = [t for t in _tables(doc) if t.spec is not None and t.spec.id == "applications"]
    _reorder_applications(parts, order)
    return True


# --- 5. tables numbered apart, merged value cells ---------------------------------------------

TABLE_CAPTIONS = ("表{n}：{title}", "表{n} {title}", "附表{k}：{title}", "附表{k} {title}",
                  "（{n}）{title}", "{n}、{title}")
"""How reports caption the form's tables, numbered apart from the sections (``n``: 一, 二 …;
``k``: 1, 2 …); ``title`` is the title of the section the table belongs to."""
APPENDIX_HEADINGS = ("附表", "附表：", "附件：统计表")
"""The heading of an appendix holding the form's tables at the end of a report."""
APPENDIX_POINTER = "详见附表{k}。"
"""The sentence a section whose table sits in the appendix is left with."""
STATISTICS_SECTION = "政府信息公开工作数据统计"
"""A section of the report's own holding the form's tables under their captions (not a title of
the form)."""


def _first_parts(doc: Document) -> list[TableBlock]:
    """The first printed part of each form table, in reading order."""
    seen: set[str] = set()
    out: list[TableBlock] = []
    for table in _tables(doc):
        assert table.spec is not None
        if table.spec.id not in seen:
            seen.add(table.spec.id)
            out.append(table)
    return out


def _caption(doc: Document, table: TableBlock, k: int, styles: tuple[str, ...]) -> str:
    """The caption of the ``k``-th table (from 1) in the first of ``styles``."""
    assert table.spec is not None
    title = _section_spec(doc, table.spec.section).title
    return styles[0].format(n=NUMERALS[k - 1], k=k, title=title)


def _caption_block(text: str, rng: random.Random) -> Heading | Paragraph:
    return Heading(text, level=3) if rng.random() < 0.5 else Paragraph(text)


def _captioned(doc: Document, rng: random.Random) -> None:
    """Each form table in its section, under a caption numbered 一/二/三 (or 1/2/3)."""
    style = (rng.choice(TABLE_CAPTIONS),)
    for k, table in enumerate(_first_parts(doc), start=1):
        at = doc.blocks.index(table)
        doc.blocks.insert(at, _caption_block(_caption(doc, table, k, style), rng))


def _section_end(doc: Document, start: int) -> int:
    """Where the section holding the block at ``start`` ends: its next heading of a section."""
    for i in range(start + 1, len(doc.blocks)):
        block = doc.blocks[i]
        if isinstance(block, Heading) and block.level <= 2:
            return i
    return len(doc.blocks)


def _appendix(doc: Document, rng: random.Random) -> None:
    """The form tables moved out of their sections into an appendix at the end, each under a
    caption numbered 一/二/三; each section keeps its text and a pointer to its table."""
    style = (rng.choice(TABLE_CAPTIONS),)
    moved: list[Block] = [Heading(rng.choice(APPENDIX_HEADINGS))
                          if rng.random() < 0.5 else Paragraph(rng.choice(APPENDIX_HEADINGS))]
    for k, table in enumerate(_first_parts(doc), start=1):
        start = doc.blocks.index(table)
        end = _section_end(doc, start)
        moved += [_caption_block(_caption(doc, table, k, style), rng), *doc.blocks[start:end]]
        doc.blocks[start:end] = [Paragraph(APPENDIX_POINTER.format(k=k))]
    doc.blocks += moved


def _sections_as_captions(doc: Document, rng: random.Random) -> None:
    """The report's own sections: the form's table sections become captions numbered
    （一）/（二）/（三） (or 一、/二、/三、) under one section of the report's own, and the sections
    after them are renumbered."""
    style = rng.choice(("（{n}）{title}", "{n}、{title}", "表{n} {title}"))
    sections = _sections(doc)
    table_sections = [s for s in ("proactive", "applications", "review_litigation")
                      if s in sections]
    if not table_sections:
        return
    for k, section_id in enumerate(table_sections, start=1):
        title = _section_spec(doc, section_id).title
        sections[section_id].text = style.format(n=NUMERALS[k - 1], title=title)
        sections[section_id].level = 3
    at = doc.blocks.index(sections[table_sections[0]])
    doc.blocks.insert(at, Heading(f"{NUMERALS[1]}、{STATISTICS_SECTION}"))
    for number, section_id in enumerate(("problems", "other_matters"), start=2):
        spec = _section_spec(doc, section_id)
        _heading(doc, section_id, spec.title, number=NUMERALS[number])


def table_numbering(doc: Document, rng: random.Random) -> bool:
    """The form's tables under captions numbered apart from the report's sections: in their
    sections (表一, 附表1：…), in an appendix at the end, or as the only headings of the form's
    table sections under a section of the report's own."""
    if not _first_parts(doc):
        return False
    how = rng.choice((_captioned, _appendix, _sections_as_captions))
    how(doc, rng)
    return True


def _vertical_pairs(doc: Document) -> list[tuple[TableBlock, Cell, Cell]]:
    """Every two value cells stacked in one grid column of a form table, the lower holding a
    number, the upper a number or nothing, the lower not merged already: (table, upper,
    lower)."""
    pairs: list[tuple[TableBlock, Cell, Cell]] = []
    for table in _tables(doc):
        placed, _ = _placed(table)
        starts = {(r, c): cell for r, c, cell in placed}
        for (r, c), lower in starts.items():
            upper = starts.get((r - 1, c))
            if upper is None or not (_stackable(doc, table, upper, empty=True)
                                     and _stackable(doc, table, lower)):
                continue
            if upper.colspan == lower.colspan and not lower.merged_above:
                pairs.append((table, upper, lower))
    return pairs


def _stackable(doc: Document, table: TableBlock, cell: Cell, *, empty: bool = False) -> bool:
    """A value cell of one printed row holding a number (or nothing, if ``empty``), not passed
    by an earlier damage."""
    if cell.ref is None or cell.rowspan != 1 or _pointer(table, cell.ref) in doc.passed:
        return False
    return cell.text[-1:].isdigit() or (empty and not cell.text)


def _pair_key(pair: tuple[TableBlock, Cell, Cell]) -> Key:
    """Two stacked cells as a recorded choice names them: their pointers."""
    table, upper, lower = pair
    return _cell_key((table, upper)) + _cell_key((table, lower))


def vmerge_number(doc: Document, rng: random.Random) -> bool:
    """Two stacked value cells merged (a Word ``vMerge``) with the continuation cell still
    holding its own number: Word shows the numbers of both in one cell spanning both rows, and
    both truths are blank (two numbers in one cell); where the upper cell is empty, the merged
    cell shows the lower's number alone, which stays the lower's truth. Printed
    by the ``docx`` form only (:data:`ONLY_FORMS`). A pair with a cell of ``doc.spared`` is
    left as it is (the same random draws)."""
    pairs = _vertical_pairs(doc)

    def draw(r: random.Random) -> list[tuple[tuple[TableBlock, Cell, Cell], None]]:
        return plain(r.sample(pairs, min(len(pairs), r.randint(1, 2))))

    for (table, upper, lower), _ in doc.choices.pick(rng, pairs, _pair_key, draw):
        assert upper.ref is not None and lower.ref is not None
        if [_spare(doc, table, upper.ref), _spare(doc, table, lower.ref)] != [False, False]:
            continue
        lower.merged_above = True
        if upper.text:  # two numbers in one cell; under an empty cell, the lower's own alone
            doc.truth[_pointer(table, upper.ref)] = None
            doc.truth[_pointer(table, lower.ref)] = None
    return bool(pairs)


Damage = Callable[[Document, random.Random], bool]

DAMAGES: dict[str, Damage] = {
    "heading_variant": heading_variant,
    "heading_typo": heading_typo,
    "part_numbering": part_numbering,
    "title_broken": title_broken,
    "extra_section": extra_section,
    "extra_table": extra_table,
    "narrative_between": narrative_between,
    "label_variant": label_variant,
    "label_typo": label_typo,
    "unit_words": unit_words,
    "two_numbers": two_numbers,
    "cell_missing": cell_missing,
    "page_break_row_lost": page_break_row_lost,
    "detached_labels": detached_labels,
    "header_broken": header_broken,
    "column_order": column_order,
    "table_numbering": table_numbering,
    "vmerge_number": vmerge_number,
}
"""Every damage kind by name, in the order the issue lists them."""

ONLY_FORMS: dict[str, frozenset[str]] = {"vmerge_number": frozenset({"docx"})}
"""Damage kinds that only some forms can print, with those forms: a Word merge of two value
cells exists only in a Word document. Elsewhere such a kind is never drawn, and a case naming it
is built without it (no draw made)."""


def applies(kind: str, form: str) -> bool:
    """Whether damage ``kind`` is one that ``form`` prints (:data:`ONLY_FORMS`)."""
    return form in ONLY_FORMS.get(kind, (form,))

DAMAGES["narrative_states"] = narrative_states  # item 4: the text states section 二 numbers


def blank_units(doc: Document) -> None:
    """A unit printed beside an amount cannot be printed once the amount is gone."""
    for table in _tables(doc):
        spec = table.spec
        assert spec is not None
        for row in spec.rows:
            amounts = [c for c in row.columns if spec.column(c).kind is CellKind.AMOUNT]
            units = [c for c in row.columns if spec.column(c).kind is CellKind.TEXT]
            if units and all(doc.truth.get(f"/{spec.id}/{row.id}/{a}") is None
                             for a in amounts):
                for unit in units:
                    doc.truth[f"/{spec.id}/{row.id}/{unit}"] = None


__all__ = ["DAMAGES", "ONLY_FORMS", "Damage", "applies", "blank_units"]
