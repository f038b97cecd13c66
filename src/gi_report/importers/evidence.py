"""Settling an ambiguous digit run with the report's own text (``split.by_text``).

Section 二 has no arithmetic, so ``5416`` in the normative-documents row splits as 5|4|16, 5|41|6 or
54|1|6. The report's narrative often states the numbers: the row's label, then ``5件`` …
``16件``.
A **statement** is a number with a unit printed right after the row's own label (or a variant of
it the form lists). Each statement keeps the candidates that hold its number in one of the open
cells; a statement that fits no candidate is about something else and is ignored. A split is
chosen only when the statements leave exactly one candidate; the notice quotes every sentence
used. Otherwise nothing changes: the cells stay blank with their candidates.

Only runs whose cells take part in no relation of the table are settled this way: where the
arithmetic links runs, choosing one would have to be checked against the others.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from decimal import Decimal

import attrs

from gi_report.form.spec import TableSpec
from gi_report.importers.normalize import core
from gi_report.importers.result import Notice, notice
from gi_report.table import CellValue

MAX_TEXT = 200_000
"""Characters of narrative searched for statements (a report's text is far shorter)."""
_UNITS = "件|条|个|项|万元|元"
_SENTENCE = re.compile(r"[^。；;！？\n]+")


@attrs.frozen
class Statement:
    """A number the text states for a row, and the sentence it is in."""

    value: Decimal
    sentence: str


def statements(text: str, terms: Sequence[str], others: Sequence[str] = ()) -> list[Statement]:
    """The numbers printed right after one of ``terms`` (``<label>16件``, ``…文件类11条``).

    A number with one of ``others`` (other rows' labels) between it and the term is that
    row's, not this one's (``…<label>和<other label>3件``): it is not a statement of this row.
    """
    if not terms:
        return []
    ordered = tuple(sorted(set(terms), key=len, reverse=True))
    pattern = _statement(ordered)
    named = _any_term(ordered).search
    out: list[Statement] = []
    for sentence in _sentences(text):
        if named(sentence) is None:  # no term in it
            continue
        for m in pattern.finditer(sentence):
            if not any(other in m.group(2) for other in others):
                out.append(Statement(Decimal(m.group(3)), sentence.strip()))
    return out


@functools.lru_cache(maxsize=256)
def _statement(terms: tuple[str, ...]) -> re.Pattern[str]:
    names = "|".join(re.escape(t) for t in terms)
    return re.compile(
        rf"({names})([^0-9０-９，,。；;、\s]{{0,4}}?)([0-9]+(?:\.[0-9]+)?)\s*(?:{_UNITS})")


@functools.lru_cache(maxsize=256)
def _any_term(terms: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile("|".join(re.escape(t) for t in terms))


@functools.lru_cache(maxsize=8)
def _sentences(text: str) -> tuple[str, ...]:
    return tuple(_SENTENCE.findall(text[:MAX_TEXT]))


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


@functools.lru_cache(maxsize=64)
def _related(spec: TableSpec) -> frozenset[tuple[str, str]]:
    """The cells of a table that take part in one of its relations."""
    return frozenset((c.row, c.column) for rel in spec.relations for c in (*rel.left, *rel.right))


def _holds(candidate: tuple[CellValue, ...], value: Decimal) -> bool:
    return any(v is not None and Decimal(v) == value for v in candidate)


def _narrow(candidates: Sequence[tuple[CellValue, ...]], found: Sequence[Statement]
            ) -> tuple[tuple[CellValue, ...] | None, list[Statement]]:
    """The one candidate the statements leave, and the statements that narrowed to it."""
    left = list(candidates)
    used: list[Statement] = []
    for statement in found:
        keep = [c for c in left if _holds(c, statement.value)]
        if keep and len(keep) < len(left):
            left = keep
            used.append(statement)
    return (left[0], used) if len(left) == 1 and used else (None, [])


def settle(spec: TableSpec, notices: Sequence[Notice], text: str | None
           ) -> tuple[dict[tuple[str, str], CellValue], list[Notice]]:
    """Values chosen by the text for ambiguous runs, and the notices with those runs' replaced."""
    if not text:
        return {}, list(notices)
    related = _related(spec)
    values: dict[tuple[str, str], CellValue] = {}
    out: list[Notice] = []
    for n in notices:
        if n.code != "split.ambiguous":  # only these are settled (:func:`_settled`)
            out.append(n)
            continue
        cells = [(p.split("/")[2], p.split("/")[3]) for p in n.cells]
        chosen = _settled(spec, n, cells, related, text)
        if chosen is None:
            out.append(n)
            continue
        values.update(zip(cells, chosen[0], strict=True))
        out.append(_notice(n, chosen))
    return values, out


def _settled(spec: TableSpec, n: Notice, cells: Sequence[tuple[str, str]],
             related: frozenset[tuple[str, str]], text: str
             ) -> tuple[tuple[CellValue, ...], list[Statement]] | None:
    """The candidate the text settles for an ambiguous run of one row, and the statements."""
    if (n.code != "split.ambiguous" or len({c[0] for c in cells}) != 1 or not n.candidates
            or any(c in related for c in cells)):
        return None
    own = _terms(spec, cells[0][0])
    chosen, used = _narrow(n.candidates, statements(text, own, _other_terms(spec, cells[0][0])))
    return None if chosen is None else (chosen, used)


def _notice(n: Notice, chosen: tuple[tuple[CellValue, ...], list[Statement]]) -> Notice:
    split, used = chosen
    quoted = "”“".join(dict.fromkeys(s.sentence for s in used))
    shown = ", ".join("空" if v is None else str(v) for v in split)
    return notice(
        "split.by_text",
        f"“{(n.found or '').strip()}” 有多种拆分，报告正文写明了其中的数字（“{quoted}”），"
        f"据此取 {shown}", location=n.location, cells=n.cells, candidates=[split], found=n.found)
