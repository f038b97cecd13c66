"""Settling an ambiguous digit run with the report's own text (``split.by_text``).

Section 二 has no arithmetic, so ``5416`` in the normative-documents row splits as 5|4|16, 5|41|6 or
54|1|6. The report's narrative often states the numbers: ``制定<row>5件`` … ``现行有效的<row>16件``.
A **statement** is a count stated for one of the row's cells: the row's own label (or a variant
the form lists), then the number and a count unit, with nothing between them but filler words or
the words of a column; the column is named there (``<row>现行有效16件``, ``<row>处理决定3件``) or
right before the label in the same clause (``现行有效的<row>16件``); a clause that goes on with
another column of the same row (``，废止2件``) states that cell too. A number with other words
between it and the label (``<row>备案审查15件``, ``<row>中3件为…``), one naming no column, a
breakdown (``其中…``), a clause about a part of the agency, a list (``废止和修改<row>…``) and a
sentence about a plan or another year (``拟制定…``, ``较上年…``) state nothing.

A split is chosen only when the statements leave exactly one candidate; the notice quotes every
sentence used. The text is not used for a table at all when it contradicts itself (two numbers
for one cell) or the table (a number for a cell the table prints unambiguously otherwise, or
for a run that no candidate holds): a report whose text disagrees with its table may disagree
where it would pick a split too. Otherwise nothing changes: the cells stay blank with their
candidates.

Only runs whose cells take part in no relation of the table are settled this way: where the
arithmetic links runs, choosing one would have to be checked against the others.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping, Sequence
from decimal import Decimal

import attrs

from gi_report.form import claims as words
from gi_report.form.spec import CellKind, TableSpec
from gi_report.importers.cellnames import Cell, cell_of, related_cells
from gi_report.importers.normalize import core
from gi_report.importers.result import Notice, notice
from gi_report.table import CellValue

MAX_TEXT = 200_000
"""Characters of narrative searched for statements (a report's text is far shorter)."""
_UNITS = "件|条|个|项|万元|元"
_COUNT_UNITS = ("件", "个", "项")
"""The units of a statement of a count of section 二 (documents, decisions, items)."""
_SENTENCE = re.compile(r"[^。；;！？\n]+")
_CLAUSE_MARKS = "，,、：:（）()"
_FILLERS = (*words.FILLERS, *words.STATEMENT_FILLERS)
"""Words that may stand between a row's label, a column word and the number."""
_REACH = 4
"""Characters at most between a column word and the row's label after it (``现行有效的``)."""


@attrs.frozen
class Statement:
    """A number the text states for a row, and the sentence it is in.

    ``columns``: the row's columns the words name (empty: no column named; such a number is
    not used to settle a run). ``plain``: nothing but filler or column words stands between the
    label and the number, the unit is a count's, and the sentence does not put it in a plan or
    another year."""

    value: Decimal
    sentence: str
    columns: frozenset[str] = frozenset()
    plain: bool = False
    after: str = attrs.field(default="", eq=False, repr=False)
    """The sentence after the number (where a clause may go on with another column)."""


def statements(text: str, terms: Sequence[str], others: Sequence[str] = (),
               columns: Mapping[str, frozenset[str]] | None = None) -> list[Statement]:
    """The numbers printed right after one of ``terms`` (``<label>16件``, ``…文件类11条``).

    A number with one of ``others`` (other rows' labels) between it and the term is that
    row's, not this one's (``…<label>和<other label>3件``): it is not a statement of this row.
    ``columns`` (column word → the row's columns it names) tells each statement the columns
    it names and whether it is plain (see :class:`Statement`)."""
    if not terms:
        return []
    ordered = tuple(sorted(set(terms), key=len, reverse=True))
    pattern = _statement(ordered)
    named = _any_term(ordered).search
    out: list[Statement] = []
    at = -1  #: where the next term of the text starts, searched from a sentence's start
    for start, end, sentence in _sentences(text):
        if at < start:
            found = named(text, start, MAX_TEXT)
            if found is None:  # none from here on: none in any later sentence
                break
            at = found.start()
        if at >= end or named(sentence) is None:  # no term starts in it, or none fits in it
            continue
        for m in pattern.finditer(sentence):
            if not any(other in m.group(2) for other in others):
                out.append(_read(sentence, m, columns or {}))
    return out


def _read(sentence: str, m: re.Match[str], columns: Mapping[str, frozenset[str]]) -> Statement:
    """One loose match as a statement: the columns its words name, and whether it is plain."""
    value, gap = Decimal(m.group(3)), m.group(2)
    rest, named = _strip_words(gap, columns)
    plain = not rest and m.group(4) in _COUNT_UNITS and not _elsewhere(sentence[:m.start(1)],
                                                                       columns)
    if plain and not named:
        named = _named_before(sentence, m.start(1), columns)
    return Statement(value, sentence.strip(), named, plain, sentence[m.end():])


def _strip_words(gap: str, columns: Mapping[str, frozenset[str]]) -> tuple[str, frozenset[str]]:
    """The gap without its column words and fillers, and the columns those words name."""
    named: set[str] = set()
    for word in _longest_first(tuple(columns)):
        if word in gap:
            named |= columns[word]
            gap = gap.replace(word, "")
    for filler in _longest_first(_FILLERS):
        gap = gap.replace(filler, "")
    return gap.strip(), frozenset(named)


def _named_before(sentence: str, start: int, columns: Mapping[str, frozenset[str]]
                  ) -> frozenset[str]:
    """The columns the last column word of the clause names, when it stands at most
    :data:`_REACH` characters before the label with no join word between (``废止和修改<row>``
    is a sum); none in a breakdown (其中…) or a clause about a part of the agency."""
    clause_start = max(sentence.rfind(mark, 0, start) for mark in _CLAUSE_MARKS) + 1
    before = sentence[clause_start:start]
    if before.lstrip().startswith(words.BREAKDOWN) or any(
            part in before for part in words.NOT_WHOLE_SUBJECTS):
        return frozenset()
    best = _last_word(before, columns)
    if best is None or any(join in before[best[0]:] for join in words.JOINS):
        return frozenset()
    return columns[best[1]]


def _last_word(before: str, columns: Mapping[str, frozenset[str]]) -> tuple[int, str] | None:
    """The column word of ``before`` that ends last, at most :data:`_REACH` characters before
    its end, and where it starts."""
    best: tuple[int, str] | None = None
    for word in columns:
        at = before.rfind(word)
        if at >= 0 and len(before) - (at + len(word)) <= _REACH and (
                best is None or at + len(word) > best[0] + len(best[1])):
            best = (at, word)
    return best


_ELSEWHERE = words.OTHER_TIME_WORDS


def _elsewhere(before: str, columns: Mapping[str, frozenset[str]]) -> bool:
    """Whether the sentence before the label speaks of a plan or another year (once the column
    words are taken out: a column may name the year before, 上一年项目)."""
    for word in _longest_first(tuple(columns)):
        before = before.replace(word, "")
    return any(w in before for w in _ELSEWHERE)


def continued(statement: Statement, after: str, columns: Mapping[str, frozenset[str]]
              ) -> list[Statement]:
    """The clauses right after a statement that state another column of its row
    (``…<row>5件，废止2件，现行有效16件``): each is ``<column word><number><unit>``."""
    out: list[Statement] = []
    for clause in re.split(f"[{_CLAUSE_MARKS}]", after)[1:]:
        m = _continuation(tuple(columns)).fullmatch(clause.strip())
        if m is None:
            break
        out.append(Statement(Decimal(m.group(2)), statement.sentence, columns[m.group(1)], True))
    return out


@functools.lru_cache(maxsize=64)
def _continuation(column_words: tuple[str, ...]) -> re.Pattern[str]:
    names = "|".join(re.escape(w) for w in _longest_first(column_words))
    fillers = "|".join(re.escape(f) for f in _longest_first(_FILLERS))
    units = "|".join(_COUNT_UNITS)
    return re.compile(rf"(?:{fillers})*({names})(?:{fillers})*([0-9]+)\s*(?:{units})")


@functools.lru_cache(maxsize=64)
def _longest_first(texts: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(sorted(texts, key=len, reverse=True))


@functools.lru_cache(maxsize=256)
def _statement(terms: tuple[str, ...]) -> re.Pattern[str]:
    names = "|".join(re.escape(t) for t in terms)
    return re.compile(
        rf"({names})([^0-9０-９，,。；;、\s]{{0,8}}?)([0-9]+(?:\.[0-9]+)?)\s*({_UNITS})")


@functools.lru_cache(maxsize=256)
def _any_term(terms: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile("|".join(re.escape(t) for t in terms))


@functools.lru_cache(maxsize=8)
def _sentences(text: str) -> tuple[tuple[int, int, str], ...]:
    """The sentences of ``text`` (up to :data:`MAX_TEXT`), each with where it starts and ends:
    a row's terms are searched for in the text, and only the sentences a term starts in are
    read (a term found in the text starts in no sentence before it)."""
    return tuple((m.start(), m.end(), m.group()) for m in _SENTENCE.finditer(text[:MAX_TEXT]))


@functools.lru_cache(maxsize=512)
def _terms(spec: TableSpec, row_id: str) -> tuple[str, ...]:
    """The row's label and its variants, as the text may print them."""
    row = spec.row(row_id)
    return tuple(t for t in (core(row.label), *(core(a) for a in row.aliases)) if len(t) >= 2)


@functools.lru_cache(maxsize=512)
def _other_terms(spec: TableSpec, row_id: str) -> tuple[str, ...]:
    """The other rows' terms that are not part of one of this row's."""
    own = _terms(spec, row_id)
    return tuple(t for r in spec.rows if r.id != row_id for t in _terms(spec, r.id)
                 if t not in own and not any(t in term for term in own))


@functools.lru_cache(maxsize=512)
def column_words(spec: TableSpec, row_id: str) -> dict[str, frozenset[str]]:
    """The words that name the row's columns in a narrative (the form's verbs of a column, and
    the column's label), each with the columns it names (``公开`` may name two)."""
    out: dict[str, set[str]] = {}
    for column_id in spec.row(row_id).columns:
        column = spec.column(column_id)
        if column.kind is not CellKind.COUNT:
            continue  # a statement is a count (:data:`_COUNT_UNITS`)
        said = [v for key, verbs in (*words.PROACTIVE_VERBS, *words.PROACTIVE_ITEM_WORDS)
                if key in column.label for v in verbs]
        for word in (*said, core(column.label), *(core(a) for a in column.aliases)):
            if len(word) >= 2:
                out.setdefault(word, set()).add(column_id)
    return {w: frozenset(c) for w, c in out.items()}


def row_statements(spec: TableSpec, row_id: str, text: str) -> list[Statement]:
    """The statements of the row that name a column, continued clauses included."""
    columns = column_words(spec, row_id)
    out: list[Statement] = []
    for s in statements(text, _terms(spec, row_id), _other_terms(spec, row_id), columns):
        if s.plain and s.columns:
            out += [s, *continued(s, s.after, columns)]
    return out


def _holds(candidate: tuple[CellValue, ...], at: Sequence[int], value: Decimal) -> bool:
    return any(candidate[i] is not None and Decimal(candidate[i]) == value  # type: ignore[arg-type]
               for i in at)


def _agrees(statement: Statement, row_id: str, known: Mapping[Cell, CellValue]) -> bool:
    """Whether one of the statement's cells outside the run holds its number."""
    return any(_equal(known.get((row_id, c)), statement.value) for c in statement.columns)


def _equal(value: CellValue, number: Decimal) -> bool:
    return isinstance(value, int | Decimal) and Decimal(value) == number


def _narrow(candidates: Sequence[tuple[CellValue, ...]], cells: Sequence[Cell],
            found: Sequence[Statement], known: Mapping[Cell, CellValue]
            ) -> tuple[tuple[CellValue, ...] | None, list[Statement]] | None:
    """The one candidate the statements leave and the statements that narrowed to it;
    ``None`` when a statement fits no candidate (the text contradicts every reading)."""
    left = list(candidates)
    used: list[Statement] = []
    row_id = cells[0][0]
    for statement in found:
        at = [i for i, (_, c) in enumerate(cells) if c in statement.columns]
        if not at or _agrees(statement, row_id, known):
            continue
        keep = [c for c in left if _holds(c, at, statement.value)]
        if not keep:
            return None
        if len(keep) < len(left):
            left = keep
            used.append(statement)
    return (left[0], used) if len(left) == 1 and used else (None, [])


def _table_statements(spec: TableSpec, text: str) -> dict[str, list[Statement]]:
    """Every row's statements that name a column."""
    return {row.id: row_statements(spec, row.id, text) for row in spec.rows}


def trusted(found: Mapping[str, Sequence[Statement]], known: Mapping[Cell, CellValue],
            open_cells: frozenset[Cell]) -> bool:
    """Whether the text may settle runs: no cell stated twice with two numbers, and no number
    stated for cells the table prints (outside the open runs) that none of them holds."""
    for row_id, stated in found.items():
        said: dict[str, set[Decimal]] = {}
        for s in stated:
            if len(s.columns) == 1:
                said.setdefault(next(iter(s.columns)), set()).add(s.value)
            cells = [(row_id, c) for c in s.columns]
            printed = [c for c in cells if c not in open_cells and known.get(c) is not None]
            if printed and len(printed) == len(cells) and not _agrees(s, row_id, known):
                return False
        if any(len(values) > 1 for values in said.values()):
            return False
    return True


def settle(spec: TableSpec, notices: Sequence[Notice], text: str | None,
           known: Mapping[Cell, CellValue] | None = None
           ) -> tuple[dict[Cell, CellValue], list[Notice]]:
    """Values chosen by the text for ambiguous runs, and the notices with those runs' replaced.

    ``known``: the table's cells read without the text (a statement contradicting one of them
    turns the text's evidence off for the table)."""
    runs = [n for n in notices if n.code == "split.ambiguous"]
    if not text or not runs:
        return {}, list(notices)
    known = known or {}
    found = _table_statements(spec, text)
    open_cells = frozenset(c for n in runs for c in _cells_of(n))
    if not trusted(found, known, open_cells):
        return {}, list(notices)
    related = related_cells(spec)
    values: dict[Cell, CellValue] = {}
    out: list[Notice] = []
    for n in notices:
        chosen = _settled(n, found, related, known) if n.code == "split.ambiguous" else None
        if chosen is None:
            out.append(n)
            continue
        values.update(zip(_cells_of(n), chosen[0], strict=True))
        out.append(_notice(n, chosen))
    return values, out


def _cells_of(n: Notice) -> list[Cell]:
    return [cell_of(p) for p in n.cells]


def _settled(n: Notice, found: Mapping[str, Sequence[Statement]],
             related: frozenset[Cell], known: Mapping[Cell, CellValue]
             ) -> tuple[tuple[CellValue, ...], list[Statement]] | None:
    """The candidate the text settles for an ambiguous run of one row, and the statements."""
    cells = _cells_of(n)
    if len({c[0] for c in cells}) != 1 or not n.candidates or any(c in related for c in cells):
        return None
    narrowed = _narrow(n.candidates, cells, found.get(cells[0][0], ()), known)
    if narrowed is None or narrowed[0] is None:
        return None
    return narrowed[0], narrowed[1]


def _notice(n: Notice, chosen: tuple[tuple[CellValue, ...], list[Statement]]) -> Notice:
    split, used = chosen
    quoted = "”“".join(dict.fromkeys(s.sentence for s in used))
    shown = ", ".join("空" if v is None else str(v) for v in split)
    return notice(
        "split.by_text",
        f"“{(n.found or '').strip()}” 有多种拆分，报告正文写明了其中的数字（“{quoted}”），"
        f"据此取 {shown}", location=n.location, cells=n.cells, candidates=[split], found=n.found)
