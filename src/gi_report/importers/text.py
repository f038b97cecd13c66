"""Plain-text dumps → text blocks and cell grids.

Three shapes are read:

* **one cell per line** (page text copied from a browser, like the Xicheng report): a table cell
  is a line that starts with a TAB, a blank line ends a table row, a line without a TAB right
  after a cell continues that cell (a header word broken across lines, ``商业`` / ``企业``);
* **one row per line**, cells separated by TABs or ``|`` (spreadsheet or console output);
* **crawler dumps** where the whole report is one line (the Pingtan files): the line is cut at
  the six section headings; sections 二–四 are cut into rows at the form's own labels (row labels,
  group labels, column headers — every layout's), and the text between two labels becomes the
  row's value cell, digits run together as printed (the grid mapper splits them).

Every other line is a paragraph of its own.
"""

from __future__ import annotations

import functools
import itertools
import re
import unicodedata
from collections.abc import Callable, Iterator, Sequence

import attrs

from gi_report.errors import UnrecognisedDocumentError
from gi_report.form import TEMPLATES, per_registry
from gi_report.form.units import UNIT_PATTERN, UNITS
from gi_report.importers.blocks import (
    LOCATION_SETTERS,
    Block,
    GridCell,
    Location,
    ParsedDocument,
    TableBlock,
    TextBlock,
    cell_location,
    grid_cell,
    located_cell,
    text_block,
)
from gi_report.importers.furniture import (
    PAGE_MARK_PATTERN,
    leading_mark_end,
    page_mark,
    page_mark_end,
    run_mark,
)
from gi_report.importers.glued import GLUED, marker_digits, names_one_row, row_numbered
from gi_report.importers.limits import MAX_CRAWL_CHARS, MAX_LINES, MAX_TABLE_ROWS, check_count
from gi_report.importers.narrative import (
    find_inline_headings,
    match_heading,
    split_inline_subsections,
)
from gi_report.importers.nearlabel import near_numbered
from gi_report.importers.normalize import fold, split_marker
from gi_report.importers.tablecaptions import MIN_LABELS, caption_heads
from gi_report.importers.tabrows import after_page_break, blank_row, lone_cell, tab_row
from gi_report.importers.unitnumbers import unit_cells
from gi_report.importers.values import run_segments

_SECTIONS = next(iter(TEMPLATES.values())).sections
_TABLE_SECTIONS = ("proactive", "applications", "review_litigation")
# No two adjacent parts may match the same spaces (``\s*\|?\s*``): on a line of many spaces
# that backtracks in quadratic time (8,000 spaces took 2 s). Same lines as the plain forms.
_PIPE_ROW = re.compile(r"^(?:\s*\|)?(?:[^|]*\|){2,}[^|]*(?:\|\s*)?$")
_PIPE_RULE = re.compile(r"^\s*(?:\|\s*)?:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*(?:\|\s*)?$")
MIN_CRAWL_LINE = 200
"""Shortest line tried as a whole report on one line (it must also hold three section headings)."""
MAX_LINE_TOKENS = 20_000
"""Most label tokens one crawler line may be cut into."""
_NUMBERS = r"(?>(?:\s*(?:[0-9０-９](?:[0-9０-９]|[.,](?=[0-9]))*|[—\-－/／]+))+)"
_VALUE_PREFIX = re.compile(
    rf"^{_NUMBERS}(?:\s*{UNIT_PATTERN}"
    rf"(?:{_NUMBERS}(?=\s*{UNIT_PATTERN}|\s*$|\s*{PAGE_MARK_PATTERN}))?)*")
"""The numbers (and dashes) at the start of a crawl text: a value cell ends where text begins.
A unit word after a number (``15条2个7个``) does not end the cell; numbers after a unit belong
to it only up to the next unit or the end of the text (``31条2023年…`` ends after 条); a page
mark (furniture, :func:`~gi_report.importers.furniture.page_mark_end`) ends the text too."""
_LAST_NUMBER = re.compile(r"[0-9０-９]+")
_NUMBERED_HEAD = re.compile(r"[一二三四五六][、.．]|第[一二三四五六]部分")
_PROSE = re.compile(r"[。，；：！？]|^[一二三四五六七八九十]{1,2}[、.．]")
"""Text that is a sentence or a numbered heading, not a label: kept as narrative."""


# --- lines to blocks ----------------------------------------------------------------------------


def _is_cell_line(line: str) -> bool:
    return line.startswith("\t") and "\t" not in line[1:].strip()


def _is_row_line(line: str) -> bool:
    body = line.rstrip("\r\n")
    if not body.strip():
        return False
    tabs = body.count("\t")
    if tabs >= 2 or (tabs == 1 and not body.startswith("\t")):
        return True
    return bool(_PIPE_ROW.match(line)) and not _PIPE_RULE.match(line)


def _row_cells(line: str) -> list[str]:
    body = line.rstrip("\r\n")
    if "\t" in body:
        return [c.strip() for c in body.split("\t")]
    cells = body.strip().strip("|").split("|")
    return [c.strip() for c in cells]


def _grid(rows: Sequence[Sequence[tuple[str, int]]], index: int, source: str | None,
          line: int) -> TableBlock:
    width = max((len(r) for r in rows), default=0)
    out: list[tuple[GridCell | None, ...]] = []
    for r, row in enumerate(rows):
        cells: list[GridCell | None] = [
            located_cell(text, source, at, index, r, c) for c, (text, at) in enumerate(row)]
        cells.extend([None] * (width - len(row)))
        out.append(tuple(cells))
    return TableBlock(rows=tuple(out), location=Location(file=source, line=line, table=index))


class _Lines:
    def __init__(self, lines: list[str], source: str | None) -> None:
        self.lines = lines
        self.source = source
        self.blocks: list[Block] = []
        self.tables = 0
        self.crawled = 0  #: characters of the lines read as crawler dumps so far
        self.table_rows = 0  #: rows of the tables read so far

    def loc(self, i: int) -> Location:
        return cell_location(self.source, i + 1)

    def run(self) -> list[Block]:
        i = 0
        n = len(self.lines)
        while i < n:
            line = self.lines[i]
            if _is_cell_line(line):
                i = self.cell_table(i)
            elif self.table_starts(i):
                i = self.row_table(i)
            elif _PIPE_RULE.match(line):
                i += 1
            else:
                if line.strip():
                    if len(line) > MIN_CRAWL_LINE:
                        self.crawled += len(line)
                        check_count("characters of crawler lines", self.crawled,
                                    MAX_CRAWL_CHARS, self.source)
                    crawl = (_crawl_line(line, self.loc(i), self)
                             if len(line) > MIN_CRAWL_LINE else None)
                    if crawl is not None:
                        self.blocks.extend(crawl)
                    else:
                        self.blocks.append(text_block(line.strip(), self.loc(i)))
                i += 1
        return self.blocks

    def cell_table(self, start: int) -> int:
        rows: list[list[tuple[str, int]]] = []
        row: list[tuple[str, int]] = []
        i = start
        n = len(self.lines)
        previous_cell = False
        while i < n:
            line = self.lines[i]
            if _is_cell_line(line) or (line.startswith("\t") and not line.strip()):
                row.append((line[1:].strip(" "), i + 1))
                previous_cell = True
            elif not line.strip():
                if row:
                    rows.append(row)
                    row = []
                previous_cell = False
            elif previous_cell and not any(match_heading(line, s) for s in _SECTIONS):
                text, at = row[-1]
                row[-1] = (f"{text}\n{line.strip()}", at)
            else:
                break
            i += 1
        if row:
            rows.append(row)
        self.blocks.append(_grid(rows, self.tables, self.source, start + 1))
        self.tables += 1
        return i

    def table_starts(self, i: int) -> bool:
        """Whether line ``i`` starts a table of one row per line: a row line followed by another
        (or by a Markdown rule, or, in a TAB table, by a one-cell row or a row of blank cells:
        :mod:`.tabrows`), or any row line after a table and its page number (a page break)."""
        line = self.lines[i]
        if not _is_row_line(line) or i + 1 >= len(self.lines):
            return False
        after = self.lines[i + 1]
        return bool(_is_row_line(after) or _PIPE_RULE.match(after)
                    or (tab_row(line) and self.in_table(i + 1, True))
                    or after_page_break(self.blocks))

    def in_table(self, i: int, tabbed: bool) -> bool:
        """Whether line ``i`` goes on with the table: a row line, a Markdown rule, or in a TAB
        table a one-cell row (a caption, a value printed alone) or a row of blank cells
        (:mod:`.tabrows`)."""
        line = self.lines[i]
        return bool(_is_row_line(line) or _PIPE_RULE.match(line)
                    or (tabbed and (lone_cell(self.lines, i) or blank_row(self.lines, i))))

    def row_table(self, start: int) -> int:
        rows: list[list[tuple[str, int]]] = []
        i = start
        tabbed = tab_row(self.lines[start])
        while i < len(self.lines) and self.in_table(i, tabbed):
            if not _PIPE_RULE.match(self.lines[i]):
                rows.append([(c, i + 1) for c in _row_cells(self.lines[i])])
            i += 1
        self.table_rows += len(rows)  # before the grid is built: its cost is per cell
        check_count("table rows", self.table_rows, MAX_TABLE_ROWS, self.source)
        self.blocks.append(_grid(rows, self.tables, self.source, start + 1))
        self.tables += 1
        return i


# --- crawler one-liners -------------------------------------------------------------------------


@attrs.frozen
class _Label:
    text: str  #: folded
    kind: str  #: ``row``, ``group``, ``header``


@per_registry  # the labels of every template in force
def _labels(table_id: str) -> dict[str, list[_Label]]:
    """Every label of every layout of a table, folded, by first character (longest first)."""
    found: dict[str, str] = {}

    def add(text: str, kind: str) -> None:
        folded = fold(text).translate(_SAME)
        if folded and folded not in found:
            found[folded] = kind
        # the label without its numbering, for dumps that drop it
        _, stripped = split_marker(folded)
        if len(stripped) >= 4 and stripped not in found:
            found[stripped] = kind

    for template in TEMPLATES.values():
        spec = template.table(table_id)
        for row in spec.rows:
            for label in (row.label, *row.aliases):
                add(label, "row")
        for group in spec.groups:
            for label in (group.label, *group.aliases):
                add(label, "group")
        for column in spec.columns:
            for label in (column.label, *column.aliases, *column.header_path):
                add(label, "header")
        if spec.note:
            add(spec.note, "header")
    by_first: dict[str, list[_Label]] = {}
    for text, kind in sorted(found.items(), key=lambda kv: -len(kv[0])):
        by_first.setdefault(text[0], []).append(_Label(text, kind))
    return by_first


_SAME = str.maketrans(",", "、")  # after fold: ，is ,
"""A label printed with ，where the form has 、 (or the reverse): one mark to the tokens."""


@functools.lru_cache(maxsize=8192)
def _fold_char(ch: str) -> str:
    """One character folded (nothing for whitespace)."""
    return "" if ch.isspace() else fold(ch).translate(_SAME)


_FOLDED: dict[int, str] = {}
"""Each character seen (by code point) folded by :func:`_fold_char`: a ``str.translate`` table."""
_SEEN: set[str] = set()
"""The characters in :data:`_FOLDED`."""
_UNEVEN: set[str] = set()
"""The characters seen that fold to other than one character (whitespace, expansions)."""
_UNEVEN_PATTERN: list[tuple[int, re.Pattern[str]]] = []
"""The pattern matching one of :data:`_UNEVEN`, with the count of characters it was built for."""
MAX_FOLDED = 16_384
"""Most characters kept in :data:`_FOLDED` (a text with more new ones is folded the slow way)."""


def _learn(text: str) -> bool:
    """Fold the characters of ``text`` not seen yet into :data:`_FOLDED`; ``False`` if the table
    has no room left for them."""
    new = set(text).difference(_SEEN)
    if len(_SEEN) + len(new) > MAX_FOLDED:
        return False
    for ch in new:
        folded = _fold_char(ch)
        if len(folded) != 1:
            _UNEVEN.add(ch)
        _FOLDED[ord(ch)] = folded
        _SEEN.add(ch)
    return True


def _uneven_pattern() -> re.Pattern[str]:
    """A pattern matching any character of :data:`_UNEVEN` (rebuilt when the set grows)."""
    chars = sorted(_UNEVEN)
    if not _UNEVEN_PATTERN or _UNEVEN_PATTERN[0][0] != len(chars):
        _UNEVEN_PATTERN[:] = [(len(chars), re.compile(
            "[" + "".join(re.escape(ch) for ch in chars) + "]" if chars else "(?!)"))]
    return _UNEVEN_PATTERN[0][1]


@functools.lru_cache(maxsize=8)
def _folded_with_index(text: str) -> tuple[str, list[int]]:
    """``text`` folded character by character, and the index in ``text`` of each folded
    character (a section is folded for its opening and again for its rows: cached)."""
    if not _learn(text):
        return _folded_one_by_one(text)
    folded = text.translate(_FOLDED)
    if _UNEVEN.isdisjoint(text):
        return folded, list(range(len(text)))
    index: list[int] = []
    done = 0
    for m in _uneven_pattern().finditer(text):
        at = m.start()
        index.extend(range(done, at))
        index.extend([at] * len(_FOLDED[ord(text[at])]))
        done = at + 1
    index.extend(range(done, len(text)))
    return folded, index


def _folded_one_by_one(text: str) -> tuple[str, list[int]]:
    """:func:`_folded_with_index` without the table (for a text of too many characters)."""
    chars: list[str] = []
    index: list[int] = []
    for i, ch in enumerate(text):
        folded = _fold_char(ch)
        chars.append(folded)
        index.extend([i] * len(folded))
    return "".join(chars), index


@per_registry
def _label_pattern(table_id: str) -> tuple[re.Pattern[str], dict[str, str]]:
    """The labels of :func:`_labels` as one pattern (the longest label first, as there), and
    each label's kind: a search finds the first place a label starts, with its longest."""
    kinds = {lab.text: lab.kind for labs in _labels(table_id).values() for lab in labs}
    ordered = sorted(kinds, key=len, reverse=True)
    return re.compile("|".join(re.escape(text) for text in ordered) or "(?!)"), kinds


def _tokens(text: str, table_id: str) -> Iterator[tuple[str, str, int, int]]:
    """``(kind, text, start, end)`` in ``text``: labels and the text between them."""
    folded, index = _folded_with_index(text)
    pattern, kinds = _label_pattern(table_id)
    last_end = 0  # in the original text
    for count, match in enumerate(pattern.finditer(folded), 1):
        start = index[match.start()]
        end = index[match.end() - 1] + 1
        if start > last_end:
            yield "text", text[last_end:start], last_end, start
        yield kinds[match.group()], text[start:end], start, end
        last_end = end
        if count > MAX_LINE_TOKENS:
            raise UnrecognisedDocumentError("a line with too many table labels to read",
                                            expected="a report of ordinary size")
    if last_end < len(text):
        yield "text", text[last_end:], last_end, len(text)


_CN = "一二三四五六七八九十"
_TAIL = re.compile(rf"(?:[（(](?:[0-9]{{1,2}}|[{_CN}]{{1,2}})[）)]|(?<![0-9.])[0-9]{{1,2}}[.．、]"
                   rf"|[{_CN}]{{1,2}}[、.．])?[^\s0-9０-９。，；：]*$")
"""The label text ending a crawl text, with its numbering mark (``… 2.<word>``)."""
_HEAD = re.compile(r"^[^\s0-9０-９。，；：]*")
"""The label text starting a crawl text (the rest of a label, before its numbers)."""
Token = tuple[str, str, int, int]
MAX_LABEL = 60
"""Longest label text looked for around a column word (the form's longest label is shorter)."""


def _header_in_label(tokens: list[Token], table_id: str) -> list[Token]:
    """A column word inside a row label the tokens missed (``（3）<column word>``,
    ``2.<column word><rest>``, a typo next to the word): the text glued to the word on either
    side, with the word, is a row label when it names exactly one row of the form
    (:func:`glued.names_one_row`)."""
    out: list[Token] = []
    for n, (kind, piece, start, end) in enumerate(tokens):
        if kind != "header":
            out.append((kind, piece, start, end))
            continue
        before = out[-1] if out and out[-1][0] == "text" else None
        after = tokens[n + 1] if n + 1 < len(tokens) and tokens[n + 1][0] == "text" else None
        # the end of the text only: an end-anchored search from every start is quadratic
        head = _HEAD.match(after[1]).group() if after else ""  # type: ignore[union-attr]
        tail = _marker_back(before[1], piece + head, table_id) if before else ""
        if not (tail or head) or not names_one_row(
                tail.strip() + piece + head, table_id):
            out.append((kind, piece, start, end))
            continue
        label_start = start - len(tail)
        if before is not None:
            out.pop()
            if before[1][: len(before[1]) - len(tail)].strip():
                out.append(("text", before[1][: len(before[1]) - len(tail)], before[2],
                            label_start))
        out.append(("row", tail.lstrip() + piece + head, label_start + len(tail) - len(
            tail.lstrip()), end + len(head)))
        if after is not None:
            tokens[n + 1] = ("text", after[1][len(head):], after[2] + len(head), after[3])
    return out


def _marker_back(text: str, rest: str, table_id: str) -> str:
    """The label text ending ``text`` (:data:`_TAIL`), with its numbering digits when they are
    glued to the digits of the value before them (``…2945`` + ``3.`` + a label with a typo):
    taken back only when exactly one count of digits makes a row label of the form numbered so
    (:func:`glued.marker_digits`, ``rest`` being the label's rest); otherwise without them."""
    tail = _TAIL.search(text[-MAX_LABEL:]).group()  # type: ignore[union-attr]  # matches ""
    if not tail or not GLUED.match(tail):
        return tail
    value = text[: len(text) - len(tail)]
    digits = marker_digits(value, tail + rest, table_id)
    return value[len(value) - digits:] + tail if digits else tail


_OPEN_REMARK = re.compile(r"^\s*[（(][^0-9０-９（）()]*$")
_CLOSE_REMARK = re.compile(r"^[^0-9０-９（）()]*[）)]")


def _remark_in_label(tokens: list[Token], table_id: str) -> list[Token]:
    """A row label's bracketed remark that a column word cut short (a typo inside the remark,
    so the whole label was no token): the row token, the texts and words up to the closing
    bracket are one row label when it names exactly one row of the form
    (:func:`glued.names_one_row`)."""
    out: list[Token] = []
    n = 0
    while n < len(tokens):
        merged = _remark_at(tokens, n, table_id)
        if merged is None:
            out.append(tokens[n])
            n += 1
            continue
        label, rest, n = merged
        out.append(label)
        if rest is not None:
            out.append(rest)
    return out


def _remark_at(tokens: Sequence[Token], n: int, table_id: str
               ) -> tuple[Token, Token | None, int] | None:
    """The row label at ``tokens[n]`` with its remark, the text after the remark, and the
    index of the token after them; ``None`` if ``tokens[n]`` starts no such label."""
    kind, piece, start, _ = tokens[n]
    if kind != "row" or n + 1 >= len(tokens) or tokens[n + 1][0] != "text" or not (
            _OPEN_REMARK.match(tokens[n + 1][1])):
        return None
    text = piece
    for m in range(n + 1, min(n + 6, len(tokens))):
        kind_m, piece_m, start_m, end_m = tokens[m]
        close = _CLOSE_REMARK.match(piece_m) if kind_m == "text" and m > n + 1 else None
        if close is not None:
            label = text + close.group()
            if not names_one_row(label, table_id):
                return None
            rest = piece_m[close.end():]
            after = ("text", rest, start_m + close.end(), end_m) if rest else None
            return ("row", label, start, start_m + close.end()), after, m + 1
        if kind_m not in ("text", "header"):
            return None
        text += piece_m
    return None


def _value_cut(piece: str, after_label: bool) -> int:
    """Where the numbers at the start of a crawl text end, if the text is to be cut there.

    Right after a row label the numbers are the row's value cell and whatever follows is other
    text; elsewhere the text is cut only before a numbered heading or a bracket (``0000…五、信息
    处理费…``), or before a sentence after fifteen digits or more (:data:`_TABLE_RUN`,
    :func:`_unit_run`), so a sentence such as ``2024年，…`` stays whole.
    """
    m = _VALUE_PREFIX.match(piece)
    if m is None or not piece[m.end():].strip():
        return 0
    rest = piece[m.end():]
    if after_label or _AFTER_NUMBERS.match(rest) or (
            (_TABLE_RUN.match(piece) or _unit_run(m.group(), rest)) and _PROSE.search(rest)):
        return m.end()
    return 0


def _unit_run(numbers: str, rest: str) -> bool:
    """Whether numbers printed with unit words (``0条1件1项…0条1个``) are a table's run before
    the text ``rest``: fifteen digits or more in several numbers (one number with its unit is a
    sentence's), the last ended by its unit word and the text starting with no digit, so that no
    digit of the run is the text's (``…0条1本年度…`` is not cut: the ``1`` may be the
    sentence's)."""
    return (sum(c.isdigit() for c in numbers) >= _RUN_DIGITS and numbers.rstrip().endswith(UNITS)
            and len(_UNIT.findall(numbers)) > 1 and not rest.lstrip()[:1].isdigit())


_AFTER_NUMBERS = re.compile(r"\s*(?:[一二三四五六七八九十]{1,2}[、.．]|[（(【\[])")
_UNIT = re.compile(UNIT_PATTERN)
_RUN_DIGITS = 15
"""Digits a table's run holds at least (section 四's fifteen cells), a sentence's number fewer."""
_TABLE_RUN = re.compile(r"\s*[0-9]{15,}(?![0-9.,]|\s*[0-9]|\s*" + UNIT_PATTERN + ")")
"""Fifteen digits or more run together, then a sentence: the numbers of a table (section 四's
fifteen cells under its header, ``2243644030400430…``), not a number a sentence starts with, so
the sentence printed right after them (``…042本年度共收到…件，…``) is cut off as narrative (page
furniture between two parts of a run, ``…0048第6页3201…``, is no sentence: not cut)."""
_WORDS = re.compile(r"(?:[^\W\d_]\s*){3,}")
"""Three letters or more with no digit or mark, whitespace among them allowed (a header word such
as the row labels' column title, broken over lines): never a row's value cell (a dash, ``无`` or
a unit word alone are)."""
_DASHED_IN_RUN = re.compile(r"[0-9０-９][-—–]*\s*[-—–]\s+[0-9]{1,4}\s+[-—–]")
"""A dashed page mark's shape after a digit (dash cells between them allowed)."""
_SIGNED_ROW = re.compile(r"[+-]?[0-9][0-9.]*(?:(?:\s+[+-]?|[+-])[0-9][0-9.]*)*")
"""Numbers with signs between them (``0-701-21``: a row with a signed change column) and nothing
else: a row of numbers, like digits alone (:func:`_signed_row`). Each number after the first
starts after white space or a sign, so a long digit run matches one way only (a pattern letting
numbers follow each other with nothing between took exponential time on a run of 60 digits
that fails at its end)."""
_LABEL_TEXT = re.compile(r"[^0-9０-９]*")
_LABEL_TAIL = re.compile(r"([^\W\d_]{1,2})(?=\s*[0-9０-９])")
"""A word or two right after a row label and before its numbers (``<label>数量5913…``, a label
printed with a word added or its last character twice): the label's, not the value's."""
_REMARK_TAIL = re.compile(r"\s*(?:（[^（）]{1,40}）|\([^()]{1,40}\))(?=\s*[0-9０-９])")
"""A bracketed remark right after a row label and before its numbers: the label's remark, its
token cut short by a typo inside the remark."""
_TYPO_LABEL = re.compile(
    r"\s*(?:[1-9][0-9]?[.．、]|[一二三四五六七八九十]{1,2}[、.．]|[（(][一二三四五六七八九十]{1,2}[）)])"
    r"[^\W\d_][^0-9０-９]{0,60}?(?=\s*[0-9０-９])")
"""A numbered label and the digits after it, in a text that starts no value (the label has a
typo, so no token matched it)."""


def _marked_run(text: str) -> bool:
    """Whether a text is numbers with a dashed page mark's shape among them that could not be
    told from dash cells (``…100—— 6 —001…``, :func:`~gi_report.importers.furniture.run_mark`
    takes none there): never a header word; kept as the section's text, so that cells left
    without values say they may be these numbers (:mod:`~gi_report.importers.novalues`)."""
    return _DASHED_IN_RUN.search(text) is not None and _VALUE_PREFIX.fullmatch(text) is not None


def _signed_row(text: str) -> bool:
    """Whether a text with no label before it is numbers with a sign among them and nothing
    else, each perhaps with its unit word (``0件-2项``): a row printed without its label (a
    table whose labels are printed apart)."""
    folded = fold(text)
    return ("-" in folded or "+" in folded) and (
        _SIGNED_ROW.fullmatch(folded) is not None or unit_cells(folded) is not None)


class _CrawlTable:
    """One table section of a crawl line cut into grid rows at the form's labels.

    A row label starts a data row and the numbers right after it are its value cell (text ends
    a digit run: the rest is read on its own); group labels go before the next row's label;
    header labels make header rows; numbers with no label make an unlabelled row; sentences
    and numbered headings of the report's own (an extra section) are narrative.
    """

    def __init__(self, narrative: list[str], table_id: str) -> None:
        self.table_id = table_id
        self.pending: tuple[str, int] | None = None  #: a glued label's start, before its token
        self.rows: list[list[tuple[str, int]]] = []
        self.current: list[tuple[str, int]] = []
        self.data = False  #: the current row is a labelled data row
        self.valued = False  #: … and has its value
        self.groups: list[tuple[str, int]] = []
        self.narrative = narrative
        self.marks: list[tuple[str, int]] = []  #: page marks taken out of a digit run, at
        self.numbers = False  #: the last text read was a row of numbers under group labels

    def close(self) -> None:
        if self.current:
            self.rows.append(self.current)
        self.current, self.data, self.valued = [], False, False

    def flush_groups(self) -> None:
        if self.groups:
            self.rows.append(self.groups)
            self.groups = []

    def text(self, piece: str, at: int, following: str = "") -> None:
        """A text between labels; ``following`` is the row label token right after it, if any."""
        stripped = piece.strip()
        if not stripped:
            return
        if self.page_mark(piece, at, following):
            return
        tail = self.label_tail(piece)
        if tail is not None:
            target = self.current if self.data and not self.valued else self.groups
            label, start = target[-1]
            target[-1] = (label + tail.group(), start)
            self.text(piece[tail.end():], at + tail.end(), following)
            return
        if not (self.data and not self.valued) and self.typo_label(piece, at):
            return
        cut = self.value_end(piece)
        if cut:
            if self.data and not self.valued and self.glued(piece, cut, at, following):
                return
            self.text(piece[:cut], at)
            self.text(piece[cut:], at + cut)
            return
        self.cell(stripped, at)

    def page_mark(self, piece: str, at: int, following: str) -> bool:
        """Read a text holding a page mark (page furniture, listed as such): one the text starts
        with is no value nor a label's word, nor is one alone where no row waits for its value
        (after a header or a row's value, before the next label); one inside a digit run (a
        table broken over pages,
        :func:`~gi_report.importers.furniture.run_mark`) is taken out and the digits on either
        side are read apart: the break falls between two rows, as between a table's two parts.
        A dashed one glued to the numbers after it starts a text only after a label (glued onto
        its end, :func:`~gi_report.importers.furniture.leading_mark_end`): where no row waits for
        its value it is furniture too, never a digit of the run after it."""
        waits = self.data and not self.valued
        mark = page_mark_end(piece) or (0 if waits else leading_mark_end(piece))
        if mark:
            self.narrative.append(piece[:mark].strip())
            self.text(piece[mark:], at + mark, following)
            return True
        if not waits and page_mark(piece):
            self.narrative.append(piece.strip())
            return True
        inside = run_mark(piece)
        if inside is None:
            return False
        start, end = inside
        self.marks.append((piece[start:end], at + start))
        self.text(piece[:start], at)
        self.text(piece[end:], at + end, following)
        return True

    def label_tail(self, piece: str) -> re.Match[str] | None:
        """The words at the start of a text that belong to the label before it: a word or two,
        or a row label's bracketed remark (printed with a typo, so the token stopped short)."""
        if not self.waiting():
            return None
        tail = _LABEL_TAIL.match(piece)
        if tail is None and self.data and not self.valued:
            tail = _REMARK_TAIL.match(piece)
        return tail

    def typo_label(self, piece: str, at: int) -> bool:
        """Read a numbered row label the tokens missed (a typo) and the digits right after it,
        when no row label waits for its value: only if the label names exactly one row of the
        form, numbered as printed (:func:`~gi_report.importers.glued.row_numbered`)."""
        m = _TYPO_LABEL.match(piece)
        if m is None or not (row_numbered(m.group().strip(), self.table_id)
                             or near_numbered(m.group().strip(), self.table_id)):
            return False
        lead = len(m.group()) - len(m.group().lstrip())
        self.label("row", m.group().strip(), at + lead)
        self.text(piece[m.end():], at + m.end())
        return True

    def value_end(self, piece: str) -> int:
        """Where the numbers at the start of ``piece`` are cut off (:func:`_value_cut`); right
        after a row label, past the number before a numbered label with a typo
        (:meth:`before_typo_label`)."""
        waits = self.data and not self.valued
        cut = _value_cut(piece, waits)
        return self.before_typo_label(piece, cut) if cut and waits else cut

    def before_typo_label(self, piece: str, cut: int) -> int:
        """Where a row's value ends when the number after its last unit word (printed with
        none) comes right before a numbered label the tokens missed (``…303条19二、上年…``,
        ``…件004 3.危及…``): after that number, which is the row's last cell, never text of
        its own, when the label names exactly one row of the form, numbered as printed (as
        :meth:`typo_label`); otherwise ``cut``."""
        number = _LAST_NUMBER.match(piece, cut)
        if number is None:
            return cut
        label = _TYPO_LABEL.match(piece, number.end())
        if label is None or not (row_numbered(label.group().strip(), self.table_id)
                                 or near_numbered(label.group().strip(), self.table_id)):
            return cut
        return number.end()

    def row_word(self, kind: str, piece: str, after: Token | None) -> str:
        """The kind of a label token: a column word printed right after a row's value (or the
        numbers read under a group label: the other layout's single row) and right before digits
        is a row label with its numbering dropped (the total row named like the total column),
        when it names exactly one row of the form."""
        if (kind == "header" and ((self.data and self.valued) or self.numbers)
                and after is not None and after[0] == "text"
                and after[1].lstrip()[:1].isdigit() and names_one_row(piece, self.table_id)):
            return "row"
        return kind

    def waiting(self) -> bool:
        """Whether the text read next follows a label right away: a row label still without its
        value, or a group label (a row of another layout: the single other-handling row of
        section 三 is a group of three rows in the other) printed with a word added."""
        return (self.data and not self.valued) or bool(self.groups)

    def cell(self, stripped: str, at: int) -> None:
        """One text with nothing to cut: a row's value, a row of numbers, narrative or a cell.
        Words with no digit after a row label are no value of it (:data:`_WORDS`): the row
        printed none (a crawl prints a row of blank cells as nothing), and the words are the
        next header's."""
        self.numbers = False
        if self.data and not self.valued and not _WORDS.fullmatch(stripped):
            self.current.append((stripped, at))
            self.valued = True
        elif run_segments(stripped) is not None or _signed_row(stripped):
            self.close()
            self.numbers = bool(self.groups)
            self.rows.append([*self.groups, (stripped, at)])
            self.groups = []
        elif (not self.rows and not self.current and not self.groups) or _PROSE.search(
                stripped) or _marked_run(stripped):
            self.close()
            self.narrative.append(stripped)
        else:
            if self.data or self.groups:
                self.close()
            self.flush_groups()
            self.current.append((stripped, at))

    def glued(self, piece: str, cut: int, at: int, following: str) -> bool:
        """Read a row's value followed by a numbered label the tokens missed (a typo): the
        marker's digits go back to the label (:mod:`glued`); if they cannot be told apart the
        value is kept with the mark, unreadable as a number, so the cell stays blank."""
        rest = piece[cut:]
        label = _LABEL_TEXT.match(rest).group()  # type: ignore[union-attr]  # matches ""
        # the label ends the text: the row label token after it is its rest (a typo cut it),
        # unless that token is numbered, a label of its own
        ends = not rest[len(label):].strip() and split_marker(fold(following))[0] is None
        digits = marker_digits(piece[:cut].rstrip(), label.rstrip() + following * ends,
                               self.table_id)
        if digits == 0:
            return False
        if digits is None:
            self.current.append((piece[: cut + 1].strip(), at))
            self.valued = True
            self.text(rest[1:], at + cut + 1)
            return True
        value = piece[:cut].rstrip()
        start = len(value) - digits
        if value[:start].strip():
            self.current.append((value[:start].strip(), at))
        self.valued = True
        if ends and following:
            self.pending = (piece[start:].rstrip(), at + start)
        else:
            self.label("row", piece[start: cut + len(label)].rstrip(), at + start)
            self.text(rest[len(label):], at + cut + len(label))
        return True

    def label(self, kind: str, piece: str, at: int) -> None:
        self.numbers = False
        if kind == "row":
            self.close()
            if self.pending is not None:
                piece, at = self.pending[0] + piece, self.pending[1]
                self.pending = None
            self.current = [*self.groups, (piece, at)]
            self.groups = []
            self.data = True
        elif kind == "group":
            self.groups.append((piece, at))
        else:  # a header label
            if self.groups:
                self.close()
                self.flush_groups()
            if self.data:
                self.close()
            self.current.append((piece, at))

    def finish(self) -> list[list[tuple[str, int]]]:
        self.close()
        self.flush_groups()
        return self.rows


def _lead_prose(text: str, table_id: str) -> tuple[int, list[Token]]:
    """Where the section's opening sentences end (before its first column header), or 0; and
    the tokens of ``text`` read to find it (the table's own when the section opens with no
    narrative: not read twice).

    A section that opens with a sentence naming labels of the form (``2024年，没有…情况。`` with
    section 四's row labels in it) opens with narrative, not rows. A column header inside such
    a sentence (``<row><column label>16件。``: a sentence mark before the next label) is the
    sentence's, not the table's: the table's first header is a later one.
    """
    tokens = list(_tokens(text, table_id))
    first = next((start for n, (kind, _, start, _) in enumerate(tokens)
                  if kind == "header" and not _in_sentence(tokens, n)), None)
    if first is None:
        return _all_prose(text, tokens), tokens
    return text.rfind("。", 0, first) + 1, tokens


def _all_prose(text: str, tokens: Sequence[Token]) -> int:
    """A section with no column header whose every label stands inside a sentence
    (``<row>0件。<row>中22件为…。``, its table printed elsewhere): the end of its last sentence,
    all of it narrative; else 0 (a table printed without its header)."""
    labels = [n for n, token in enumerate(tokens) if token[0] != "text"]
    if not labels or not all(_in_sentence(tokens, n) for n in labels):
        return 0
    return text.rfind("。") + 1


def _in_sentence(tokens: Sequence[Token], n: int) -> bool:
    """Whether the text right after token ``n`` (up to the next label) ends a sentence."""
    after = tokens[n + 1] if n + 1 < len(tokens) else None
    return after is not None and after[0] == "text" and "。" in after[1]


def _crawl_table(text: str, table_id: str, base: int, loc: Location, index: int,
                 narrative: list[str], marks: list[tuple[str, int]] | None = None
                 ) -> TableBlock:
    """One table section of a crawl line as a grid; its narrative and the page marks taken out
    of its digit runs (text, offset in the line) are added to ``narrative`` and ``marks``."""
    lead, tokens = _lead_prose(text, table_id)
    if text[:lead].strip():
        narrative.append(text[:lead].strip())
    if lead:  # the table's tokens start after the narrative
        tokens = list(_tokens(text[lead:], table_id))
    reader = _CrawlTable(narrative, table_id)
    tokens = _remark_in_label(_header_in_label(tokens, table_id), table_id)
    for n, (kind, piece, start, _) in enumerate(tokens):
        after = tokens[n + 1] if n + 1 < len(tokens) else None
        if kind == "text":
            reader.text(piece, base + lead + start,
                        after[1] if after is not None and after[0] == "row" else "")
        else:
            reader.label(reader.row_word(kind, piece, after), piece, base + lead + start)
    rows = reader.finish()
    if marks is not None:
        marks += reader.marks
    width = max((len(r) for r in rows), default=0)
    at = _evolver(loc, table=index)
    return TableBlock(
        rows=tuple(_grid_row(row, r, width, at) for r, row in enumerate(rows)),
        location=attrs.evolve(loc, table=index, offset=base),
    )


def _grid_row(row: list[tuple[str, int]], r: int, width: int, at: Callable[..., Location]
              ) -> tuple[GridCell | None, ...]:
    """Row ``r`` of a crawl table as grid cells, padded with ``None`` to ``width``."""
    cells: list[GridCell | None] = [
        grid_cell(text, (r, c), at(row=r, column=c, offset=offset))
        for c, (text, offset) in enumerate(row)]
    cells.extend([None] * (width - len(row)))
    return tuple(cells)


def _evolver(loc: Location, **changes: int) -> Callable[..., Location]:
    """``attrs.evolve(loc, **changes, ...)`` for many cells: the fields are read once, and each
    cell's location (``row``, ``column``, ``offset``) is built by the slots' own setters while
    the class is plain (as :func:`~gi_report.importers.blocks.cell_location`): the same object."""
    fields = {f.alias: getattr(loc, f.name) for f in attrs.fields(type(loc)) if f.init}
    fields.update(changes)
    if type(loc) is not Location or not LOCATION_SETTERS:
        return functools.partial(type(loc), **fields)
    file, page, line, table = fields["file"], fields["page"], fields["line"], fields["table"]
    set_file, set_page, set_line, set_table, set_row, set_column, set_offset = LOCATION_SETTERS
    new = object.__new__

    def build(*, row: int, column: int, offset: int) -> Location:
        where = new(Location)
        set_file(where, file)
        set_page(where, page)
        set_line(where, line)
        set_table(where, table)
        set_row(where, row)
        set_column(where, column)
        set_offset(where, offset)
        return where

    return build


_CAPTIONED = tuple(s for s in _SECTIONS if s.id in _TABLE_SECTIONS)


def _labels_in(text: str, table_id: str) -> int:
    """How many labels of the table ``text`` holds, counted up to :data:`MIN_LABELS`."""
    found = 0
    for kind, *_ in _tokens(text, table_id):
        found += kind != "text"
        if found >= MIN_LABELS:
            break
    return found


def _crawl_line(line: str, loc: Location, doc: _Lines) -> list[Block] | None:
    """A whole report on one line, as blocks; ``None`` if the line is not one."""
    if sum(1 for _ in itertools.islice(_NUMBERED_HEAD.finditer(line, 0, 100_000), 3)) < 3:
        return None  # fewer than three numbered headings: a paragraph, not a whole report
    heads = list(find_inline_headings(line, _SECTIONS))
    heads = caption_heads(line, heads, _CAPTIONED, _labels_in)  # tables numbered apart
    if len(heads) < 3:
        return None
    blocks: list[Block] = []

    def add_text(text: str) -> None:
        if text.strip():
            blocks.append(text_block(text.strip(), loc))

    add_text(line[: heads[0][1]])
    for n, (section, start, end) in enumerate(heads):
        stop = heads[n + 1][1] if n + 1 < len(heads) else len(line)
        add_text(line[start:end])
        body = line[end:stop]
        if section.id in _TABLE_SECTIONS:
            narrative: list[str] = []
            marks: list[tuple[str, int]] = []
            table = _crawl_table(body, section.id, end, loc, doc.tables, narrative, marks)
            for text in narrative:
                add_text(text)
            blocks += [TextBlock(text=mark, location=attrs.evolve(loc, table=doc.tables, offset=at))
                       for mark, at in marks]  # located in the table: furniture of its runs
            doc.tables += 1
            blocks.append(table)
        elif section.id == "overview":
            for piece in split_inline_subsections(body):
                add_text(piece)
        else:
            add_text(body)
    return blocks


def parse_text(text: str, *, source: str | None = None, encoding: str | None = None
               ) -> ParsedDocument:
    """The blocks of a plain-text dump (already decoded), in reading order."""
    if not text.strip():
        raise UnrecognisedDocumentError("an empty document", source=source,
                                        expected="the text of an annual report")
    check_count("lines", text.count("\n") + text.count("\r"), MAX_LINES, source)
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    blocks = _Lines(text.split("\n"), source).run()
    return ParsedDocument(kind="text", blocks=tuple(blocks), source=source, encoding=encoding)
