"""R1–R6: every arithmetic relation (勾稽关系) the form declares, checked by one generic engine.

The relations are not written out here: they are the ``declarations`` of the form's tables
(:attr:`gi_report.form.TableSpec.relations`), compiled once per table layout into index tuples
over the table's values. A relation ``sum(left) == sum(right)`` whose cells are all stated is
checked exactly. With a blank cell it is *not evaluable* — unless the stated cells already prove it
wrong (counts are never negative, so a side whose stated cells exceed the other, fully stated,
side fails whatever the blanks hold). With ``blank_as_zero`` blanks count as 0.
"""

from __future__ import annotations

import functools
import itertools
import operator
from collections.abc import Callable, Sequence
from typing import Any

import attrs

from gi_report.form import TEMPLATES
from gi_report.form.spec import (
    Balance,
    CellKind,
    CellRef,
    ColumnTotal,
    Declaration,
    Relation,
    RowTotal,
    TableSpec,
)
from gi_report.table import CellValue, Table
from gi_report.validation.findings import Finding, Operand, Severity, Status
from gi_report.validation.labels import (
    cell_label,
    column_label,
    listed,
    row_label,
    without_note,
    without_numbering,
)
from gi_report.validation.rulespec import RuleSpec

FAMILY = "arithmetic"


def code_for(rule: str) -> str:
    """The finding code of a declared relation rule, e.g. ``R3`` → ``gi.sum.R3``."""
    return f"gi.sum.{rule}"


# --- compiled relations --------------------------------------------------------------------------


@attrs.frozen
class CompiledRelation:
    """A relation with its cells as positions in the table's flattened values."""

    relation: Relation
    kind: type  #: the declaration class it comes from (ColumnTotal, RowTotal, Balance)
    fetch: Callable[[Sequence[CellValue]], tuple[Any, ...]]
    n_left: int
    bounded: bool  #: every cell is a non-negative count (lower-bound reasoning allowed)
    pointers: tuple[str, ...]  #: the cells' JSON Pointers, left side first
    labels: tuple[str, ...]  #: the cells' labels (``row·column``)
    term_labels: tuple[str, ...]  #: the cells' names in a written-out sum
    weights: tuple[int, ...]  #: +1 left, -1 right


@attrs.frozen
class TablePlan:
    """Everything the engine needs for one table layout, computed once."""

    spec: TableSpec
    relations: tuple[CompiledRelation, ...]
    cells: tuple[tuple[str, str], ...]  #: (row, column) in flattened order
    rules_of_cell: dict[tuple[str, str], tuple[str, ...]]  #: rule ids a cell takes part in
    all_hold: Callable[[Sequence[CellValue]], bool]
    """Whether every relation holds: one compiled expression, so a consistent table costs one
    call (any other table is checked relation by relation). A blank (``None``) in a relation
    raises ``TypeError``; a blank in no relation changes nothing."""


def _all_hold(relations: Sequence[Relation], position: dict[tuple[str, str], int]) -> Callable[
        [Sequence[CellValue]], bool]:
    """One function testing ``sum(left) == sum(right)`` for every relation, generated from the
    cells' positions (only integers go into the source)."""
    def side(refs: Sequence[CellRef]) -> str:
        return "(0 + " + " + ".join(f"v[{position[(r.row, r.column)]:d}]" for r in refs) + ")"

    tests = [f"{side(rel.left)} == {side(rel.right)}" for rel in relations] or ["True"]
    code = "def all_hold(v):\n    return " + " and ".join(tests) + "\n"
    scope: dict[str, Any] = {}
    exec(compile(code, "<gi_report arithmetic plan>", "exec"), scope)
    function: Callable[[Sequence[CellValue]], bool] = scope["all_hold"]
    return function
def _declaration_kind(spec: TableSpec, rule: str) -> type:
    for decl in spec.declarations:
        if decl.rule == rule:
            return type(decl)
    raise KeyError(rule)  # pragma: no cover - relations come from declarations


@functools.cache
def plan_for(spec: TableSpec) -> TablePlan:
    """The compiled relations of a table layout (cached per layout)."""
    cells = tuple((row.id, column.id) for row, column in spec.cells())
    position = {cell: i for i, cell in enumerate(cells)}
    compiled: list[CompiledRelation] = []
    rules_of_cell: dict[tuple[str, str], list[str]] = {}
    for relation in spec.relations:
        indexes = [position[(ref.row, ref.column)] for ref in relation.cells]
        if len(indexes) < 2:  # pragma: no cover - a relation always has two sides
            raise ValueError(f"{spec.id}: relation {relation.rule} has fewer than two cells")
        fetch: Callable[[Sequence[CellValue]], tuple[Any, ...]] = operator.itemgetter(*indexes)
        bounded = all(spec.column(ref.column).kind is CellKind.COUNT for ref in relation.cells)
        kind = _declaration_kind(spec, relation.rule)
        compiled.append(
            CompiledRelation(
                relation=relation,
                kind=kind,
                fetch=fetch,
                n_left=len(relation.left),
                bounded=bounded,
                pointers=tuple(ref.pointer for ref in relation.cells),
                labels=tuple(cell_label(spec, ref.row, ref.column) for ref in relation.cells),
                term_labels=tuple(_term_label(spec, kind, ref) for ref in relation.cells),
                weights=(1,) * len(relation.left) + (-1,) * len(relation.right),
            )
        )
        for ref in relation.cells:
            rules = rules_of_cell.setdefault((ref.row, ref.column), [])
            if relation.rule not in rules:
                rules.append(relation.rule)
    return TablePlan(
        spec=spec,
        relations=tuple(compiled),
        cells=cells,
        rules_of_cell={cell: tuple(rules) for cell, rules in rules_of_cell.items()},
        all_hold=_all_hold(spec.relations, position),
    )


def flat_values(table: Table) -> tuple[CellValue, ...]:
    """The table's values row by row, in the order of :attr:`TablePlan.cells`."""
    return tuple(itertools.chain.from_iterable(table.values))


# --- evaluation ----------------------------------------------------------------------------------


def check_table(table: Table, *, blank_as_zero: bool = False,
                values: tuple[CellValue, ...] | None = None) -> list[Finding]:
    """Findings for every relation of ``table`` that fails or cannot be evaluated (``values``:
    its :func:`flat_values`, if the caller has them)."""
    plan = plan_for(table.spec)
    if values is None:
        values = flat_values(table)
    try:
        if plan.all_hold(values):
            return []  # a blank outside every relation changes no relation's outcome
    except TypeError:
        pass  # a blank cell (None) in some relation: each relation says what it can
    out: list[Finding] = []
    for compiled in plan.relations:
        got = compiled.fetch(values)
        if None not in got:
            k = compiled.n_left
            if sum(got[:k]) == sum(got[k:]):
                continue
            out.append(_failure(table, compiled, got, blank_as_zero=blank_as_zero))
            continue
        finding = _with_blanks(table, compiled, got, blank_as_zero=blank_as_zero)
        if finding is not None:
            out.append(finding)
    return out


def _with_blanks(
    table: Table, compiled: CompiledRelation, got: tuple[Any, ...], *, blank_as_zero: bool
) -> Finding | None:
    k = compiled.n_left
    left, right = got[:k], got[k:]
    if blank_as_zero:
        if sum(v or 0 for v in left) == sum(v or 0 for v in right):
            return None
        return _failure(table, compiled, got, blank_as_zero=True)
    if compiled.bounded and _proved_wrong(left, right):
        return _failure(table, compiled, got, blank_as_zero=False)
    return _not_evaluable(table, compiled, got)


def _proved_wrong(left: Sequence[Any], right: Sequence[Any]) -> bool:
    """Whether the stated cells already break ``sum(left) == sum(right)`` whatever the blanks
    hold (counts are never negative): a side without a blank is below the other's stated sum."""
    left_known = sum(v for v in left if v is not None)
    right_known = sum(v for v in right if v is not None)
    return (None not in left and right_known > left_known) or (
        None not in right and left_known > right_known
    )


# --- messages ------------------------------------------------------------------------------------


def _operands(compiled: CompiledRelation, got: tuple[Any, ...]) -> tuple[Operand, ...]:
    return tuple(
        Operand(pointer=pointer, value=value, weight=weight, label=label)
        for pointer, value, weight, label in zip(
            compiled.pointers, got, compiled.weights, compiled.labels, strict=True
        )
    )


def _term_label(spec: TableSpec, kind: type, ref: CellRef) -> str:
    if kind is ColumnTotal:
        return spec.column(ref.column).label
    if kind is RowTotal:
        return without_numbering(spec.row(ref.row).label)
    return without_note(spec.row(ref.row).label)


_SHOW_ALL = 4  #: up to this many terms, zeros are listed too


def terms(pairs: Sequence[tuple[str, Any]], *, blank_as_zero: bool) -> tuple[str, str]:
    """A sum written out in Chinese and English: ``予以公开 7 + 部分公开 6，其余 19 项为 0``."""
    shown, zeros, blanks = _shown(pairs)
    zh = " + ".join(f"{label} {value}" for label, value in shown)
    en = zh
    extra_zh, extra_en = _not_shown(zeros, blanks, blank_as_zero=blank_as_zero)
    if extra_zh:
        zh = f"{zh}，{'，'.join(extra_zh)}" if zh else "，".join(extra_zh)
        en = f"{en}; {'; '.join(extra_en)}" if en else "; ".join(extra_en)
    return zh or "无", en or "none"


def _shown(pairs: Sequence[tuple[str, Any]]) -> tuple[list[tuple[str, Any]], int, int]:
    """The terms a written-out sum lists (not the blanks; not the zeros of a long sum), how
    many zeros it leaves out, how many blanks."""
    shown = [
        (label, value)
        for label, value in pairs
        if value is not None and (value != 0 or len(pairs) <= _SHOW_ALL)
    ]
    zeros = sum(1 for _, v in pairs if v is not None and v == 0) if len(pairs) > _SHOW_ALL else 0
    blanks = sum(1 for _, v in pairs if v is None)
    return shown, zeros, blanks


def _not_shown(zeros: int, blanks: int, *, blank_as_zero: bool) -> tuple[list[str], list[str]]:
    """What a written-out sum says of the terms it does not list: the zeros and the blanks
    (in Chinese and in English)."""
    extra_zh: list[str] = []
    extra_en: list[str] = []
    if zeros:
        extra_zh.append(f"其余 {zeros} 项为 0")
        extra_en.append(f"the other {zeros} are 0")
    if blanks:
        if blank_as_zero:
            extra_zh.append(f"空白 {blanks} 项按 0 计")
            extra_en.append(f"{blanks} blank counted as 0")
        else:
            extra_zh.append(f"另有空白 {blanks} 项")
            extra_en.append(f"{blanks} more blank")
    return extra_zh, extra_en


def _side_sum(values: Sequence[Any]) -> int:
    return sum(v for v in values if v is not None)


def _sum_text(values: Sequence[Any], *, blank_as_zero: bool) -> tuple[str, str]:
    total = _side_sum(values)
    if None in values and not blank_as_zero:
        return f"至少 {total}", f"at least {total}"
    return str(total), str(total)


def _what(table: Table, compiled: CompiledRelation, got: tuple[Any, ...]) -> dict[str, Any]:
    """The fields every message of the relation uses: what it is about, which cells are blank."""
    first = compiled.relation.cells[0]
    column = column_label(table.spec, first.column)
    missing = [i for i, v in enumerate(got) if v is None]
    if compiled.kind is Balance:
        what = f"{column} 列的勾稽关系"
        what_en = f"the balance of column {column} [{first.column}]"
    else:
        what = f"{compiled.labels[0]} 与其组成项之和"
        what_en = f"{compiled.labels[0]} [{first.pointer}] against the sum of its parts"
    return {
        "cell": compiled.labels[0],
        "pointer": first.pointer,
        "column": column,
        "column_id": first.column,
        "what": what,
        "what_en": what_en,
        "missing": listed([compiled.labels[i] for i in missing]),
        "missing_en": listed([compiled.pointers[i] for i in missing], lang="en"),
    }


def _params(
    table: Table, compiled: CompiledRelation, got: tuple[Any, ...], *, blank_as_zero: bool
) -> dict[str, Any]:
    k = compiled.n_left
    term_pairs = list(zip(compiled.term_labels, got, strict=True))
    left_zh, left_en = terms(term_pairs[:k], blank_as_zero=blank_as_zero)
    right_zh, right_en = terms(term_pairs[k:], blank_as_zero=blank_as_zero)
    left_sum_zh, left_sum_en = _sum_text(got[:k], blank_as_zero=blank_as_zero)
    right_sum_zh, right_sum_en = _sum_text(got[k:], blank_as_zero=blank_as_zero)
    stated = got[0]
    blanks = None in got
    return {
        **_what(table, compiled, got),
        "stated": "空白" if stated is None else stated,
        "stated_en": "blank" if stated is None else stated,
        "computed": right_sum_zh,
        "computed_en": right_sum_en,
        "terms": right_zh,
        "terms_en": right_en,
        "left_terms": left_zh,
        "left_terms_en": left_en,
        "left_sum": left_sum_zh,
        "left_sum_en": left_sum_en,
        "right_terms": right_zh,
        "right_terms_en": right_en,
        "right_sum": right_sum_zh,
        "right_sum_en": right_sum_en,
        "blank_note": "（空白按 0 计）" if blank_as_zero and blanks else "",
        "blank_note_en": " (blank cells counted as 0)" if blank_as_zero and blanks else "",
    }


def _common(table: Table, compiled: CompiledRelation, got: tuple[Any, ...]) -> dict[str, Any]:
    first = compiled.relation.cells[0]
    k = compiled.n_left
    return {
        "pointer": compiled.pointers[0],
        "pointers": compiled.pointers,
        "section": table.spec.section,
        "table": table.spec.id,
        "row": None if compiled.kind is Balance else first.row,
        "column": first.column,
        "operands": _operands(compiled, got),
        "missing": tuple(p for p, v in zip(compiled.pointers, got, strict=True) if v is None),
        "stated": _side_sum(got[:k]) if compiled.kind is Balance else got[0],
        "computed": _side_sum(got[k:]),
    }


def _failure(
    table: Table, compiled: CompiledRelation, got: tuple[Any, ...], *, blank_as_zero: bool
) -> Finding:
    spec = rule_spec(compiled.relation.rule)
    return spec.finding(
        params=_params(table, compiled, got, blank_as_zero=blank_as_zero),
        **_common(table, compiled, got),
    )


def _not_evaluable(table: Table, compiled: CompiledRelation, got: tuple[Any, ...]) -> Finding:
    spec = rule_spec(compiled.relation.rule)
    common = _common(table, compiled, got)
    common["computed"] = None
    return spec.finding(
        status=Status.NOT_EVALUABLE,
        params=_what(table, compiled, got),
        **common,
    )


# --- the rule catalogue entries, generated from the form -----------------------------------------

_TOTAL_ZH = "{cell} 填报 {stated}，但{parts}之和为 {computed}（{terms}）{blank_note}"
_TOTAL_EN = (
    "{cell} [{pointer}] states {stated_en}, but {parts_en} add up to {computed_en} "
    "({terms_en}){blank_note_en}"
)
_BALANCE_ZH = (
    "{column} 列：{left_terms} = {left_sum}，但 {right_terms} = {right_sum}；"
    "{statement}{blank_note}"
)
_BALANCE_EN = (
    "column {column} [{column_id}]: {left_terms_en} = {left_sum_en}, but {right_terms_en} = "
    "{right_sum_en}; {statement_en}{blank_note_en}"
)


def _declarations() -> dict[str, list[tuple[str, TableSpec, Declaration]]]:
    found: dict[str, list[tuple[str, TableSpec, Declaration]]] = {}
    for version in sorted(TEMPLATES):
        template = TEMPLATES[version]
        for table in template.tables:
            for decl in table.declarations:
                found.setdefault(decl.rule, []).append((version, table, decl))
    return found


def _ids(ids: Sequence[str]) -> str:
    return " + ".join(ids)


def _formula(table: TableSpec, decl: Declaration) -> str:
    if isinstance(decl, ColumnTotal):
        rows = "every row r" if decl.rows is None else "row r = " + ", ".join(decl.rows)
        parts = _ids([f"r.{p}" for p in decl.parts])
        return f"{table.id}: for {rows}: r.{decl.total} = {parts}"
    if isinstance(decl, RowTotal):
        parts = _ids([f"{p}.c" for p in decl.parts])
        return f"{table.id}: for every column c: {decl.total}.c = {parts}"
    left = _ids([f"{r}.c" for r in decl.left])
    right = _ids([f"{r}.c" for r in decl.right])
    return f"{table.id}: for every column c: {left} = {right}"


def _basis(table: TableSpec, decl: Declaration) -> str:
    if isinstance(decl, Balance):
        return f"{table.title}，表注：{decl.note}"
    if isinstance(decl, ColumnTotal):
        total = table.column(decl.total).label
        parts = "、".join(f"「{table.column(p).label}」" for p in decl.parts)
        rows = (
            "各行"
            if decl.rows is None
            else "、".join(f"「{row_label(table, r)}」" for r in decl.rows) + "行"
        )
        return f"{table.title}：{rows}的「{total}」等于 {parts} 之和"
    total_label = row_label(table, decl.total)
    return (
        f"{table.title}：「{total_label}」等于其上 {len(decl.parts)} 个办理结果行"
        f"（「{row_label(table, decl.parts[0])}」至「{row_label(table, decl.parts[-1])}」）之和"
    )


def _title(table: TableSpec, decl: Declaration, parts: str, rule: str) -> str:
    """A title from the form's labels, e.g. ``<row>·<column>`` and the relation's wording."""
    if isinstance(decl, ColumnTotal) and decl.rows is not None and len(decl.rows) == 1:
        total = cell_label(table, decl.rows[0], decl.total)
        return f"{total}等于{parts}之和"
    return f"{rule} 勾稽关系"


def _rule_spec(rule: str, uses: list[tuple[str, TableSpec, Declaration]]) -> RuleSpec:
    wording = uses[-1][2].wording  # the rule's wording, declared beside it in the form
    kinds = {type(decl) for _, _, decl in uses}
    balance = kinds == {Balance}
    formulas: dict[str, list[str]] = {}
    bases: dict[str, list[str]] = {}
    for version, table, decl in uses:
        formulas.setdefault(_formula(table, decl), []).append(version)
        bases.setdefault(_basis(table, decl), []).append(version)

    def joined(variants: dict[str, list[str]]) -> str:
        if len(variants) == 1:
            return next(iter(variants))
        return "; ".join(
            f"template {'/'.join(versions)}: {text}" for text, versions in variants.items()
        )

    if balance:
        message_zh = _BALANCE_ZH.replace("{statement}", wording.statement_zh or "")
        message_en = _BALANCE_EN.replace("{statement_en}", wording.statement_en or "")
    else:
        message_zh = _TOTAL_ZH.replace("{parts}", wording.parts_zh)
        message_en = _TOTAL_EN.replace("{parts_en}", wording.parts_en)
    title_zh = wording.title_zh or _title(uses[-1][1], uses[-1][2], wording.parts_zh, rule)
    return RuleSpec(
        code=code_for(rule),
        rule=rule,
        severity=Severity.ERROR,
        family=FAMILY,
        title_zh=title_zh,
        title_en=wording.title_en,
        formula=joined(formulas),
        basis=joined(bases) + f" (format-spec.md §4 {rule})",
        message_zh=message_zh,
        message_en=message_en,
    )


def _build_rules() -> tuple[RuleSpec, ...]:
    found = _declarations()
    return tuple(_rule_spec(rule, found[rule]) for rule in sorted(found, key=_rule_order))


def _rule_order(rule: str) -> tuple[int, str]:
    digits = "".join(ch for ch in rule if ch.isdigit())
    return (int(digits) if digits else 0, rule)


RULES: tuple[RuleSpec, ...] = _build_rules()
"""One catalogue entry per relation rule the form declares (R1–R6), generated from the form."""

_BY_RULE = {spec.rule: spec for spec in RULES}


def rule_spec(rule: str) -> RuleSpec:
    """The catalogue entry of a declared relation rule (``R1``…)."""
    return _BY_RULE[rule]
