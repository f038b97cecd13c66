"""R15: numbers the narrative states (applications received, review cases, carried over,
documents issued …) equal the tables.

Sentences of section 一, of the text beside the tables and of section 六 are read as claims by the
claims grammar (:mod:`gi_report.claims`, whose words come from the form): each claim ties a number
to one cell, one group or a sum, about the agency as a whole. A claim the tables contradict is a
warning that quotes the sentence; a claim that a blank cell keeps from being checked is reported
as not evaluable. Claims the grammar cannot tie with certainty are not made, so never compared.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator, Mapping, Sequence
from decimal import Decimal

import attrs

import gi_report.claims as claims
from gi_report.form.claims import UNIT_SCALE
from gi_report.form.spec import TableSpec, TemplateSpec
from gi_report.model import Report
from gi_report.numbers import MAX_COUNT_DIGITS, exact_number
from gi_report.table import CellValue, Number
from gi_report.validation.findings import Finding, Operand, Severity, Status
from gi_report.validation.labels import (
    cell_label,
    listed,
    listed_pointers,
    refs_label,
)
from gi_report.validation.quantities import ZERO, Bound, sum_bound, value_bound
from gi_report.validation.rulespec import RuleSpec

FAMILY = "narrative"

R15 = RuleSpec(
    code="gi.text.R15",
    rule="R15",
    severity=Severity.WARNING,
    family=FAMILY,
    title_zh="正文数字与表格一致",
    title_en="Numbers in the text agree with the tables",
    formula="a number a sentence states about the agency as a whole equals its table quantity; "
    "the claims grammar (gi_report.claims) ties each number to the form category before it: "
    "收到/受理…申请 = new_this_year.total (or + carried_from_last_year.total); 办结/答复 = "
    "results_total.total; 结转下年 / 上年结转 = their rows; an outcome row or group = its rows' "
    "total, a list joined by 及/和/、 = the sum, X等Y = the group Y; an applicant type = its "
    "columns; the review and litigation rows = their rows (a 其中 breakdown: the result columns); "
    "a section-二 row label with a verb = the matching section-二 column; 收费通知/收取 = the "
    "section-六 fee fields; 未/无… = 0. Offices, sub-units, periods, channels and uncertain "
    "ties are not compared",
    basis="format-spec.md §4 R15 (evaluators flag 数据不一致); warnings only, because the text may "
    "count differently.",
    message_zh="正文称“{said}”，但表格中 {cells} 为 {computed}。原句：“{quote}”",
    message_en="the text [{text_pointer}] says “{said}” ({claimed}), but {cells_en} is "
    "{computed_en} in the tables. Sentence: “{quote}”",
)

RULES = (R15,)


Ref = claims.Ref
Alternatives = claims.Alternatives
sentences = claims.sentences

_QUOTE_LIMIT = 90


@attrs.frozen
class Claim:
    """A number the text states about a quantity, and the ways the tables can express it."""

    said: str  #: the words of the claim, as written
    value: Number
    alternatives: Alternatives
    sentence: str


_REMEMBERED = 4096
"""How many alternatives a grammar remembers with their fee field ids."""


@attrs.frozen
class Grammar:
    """The claims grammar of one combination of layouts, and the template's fee field ids."""

    vocabulary: claims.Vocabulary
    fee_fields: tuple[str, str, str]  #: notices count, notices amount, collected
    negation_cells: NegationCells | None = None
    """Where the cells of each of the vocabulary's :class:`claims.NegationGroup` are, with the
    search for its words (``None``: a group names a cell the layouts lack; statements are then
    read whole, as without it)."""
    fee_roles: dict[str, str] = attrs.field(init=False, eq=False, hash=False)
    """The fee field id of each role of the claims grammar (count, amount, collected)."""

    _with_ids: dict[Alternatives, Alternatives] = attrs.field(
        init=False, eq=False, hash=False, factory=dict)
    plans: dict[Alternatives, Plan] = attrs.field(init=False, eq=False, hash=False, factory=dict)
    """The plans :meth:`plan` has worked out, by alternatives (looked up first by callers)."""

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "fee_roles",
                           dict(zip(claims.FEE_ROLES, self.fee_fields, strict=True)))

    def with_fee_ids(self, alternatives: Alternatives) -> Alternatives:
        """``alternatives`` with each fee role replaced by the template's field id (remembered:
        the alternatives are sums of the form's cells, few in practice; at most
        :data:`_REMEMBERED` are kept)."""
        found = self._with_ids.get(alternatives)
        if found is None:
            if len(self._with_ids) >= _REMEMBERED:
                self._with_ids.clear()
            roles = self.fee_roles
            found = tuple(
                tuple((t, roles[r], c) if t == "other_matters" else (t, r, c) for t, r, c in alt)
                for alt in alternatives
            )
            self._with_ids[alternatives] = found
        return found


    def plan(self, alternatives: Alternatives, applications: TableSpec, review: TableSpec,
             proactive: TableSpec) -> Plan:
        """Where the cells of a claim's ``alternatives`` (as the grammar gives them, with fee
        roles) are: per alternative, (table id, row index, column index) of each cell, or
        ("other_matters", 0, the role's index in :data:`claims.FEE_ROLES`) for a fee field
        (remembered, as :meth:`with_fee_ids`; the layouts are the grammar's own, so the
        positions are always the same)."""
        found = self.plans.get(alternatives)
        if found is None:
            if len(self.plans) >= _REMEMBERED:
                self.plans.clear()
            layouts = {applications.id: applications, review.id: review, proactive.id: proactive}
            found = tuple(
                tuple((table, 0, claims.FEE_ROLES.index(row)) if table == "other_matters" else
                      (table, *_positions(layouts[table])[row, column])
                      for table, row, column in alternative)
                for alternative in alternatives)
            self.plans[alternatives] = found
        return found


Plan = tuple[tuple[tuple[str, int, int], ...], ...]
"""A claim's alternatives as positions: (table id, row index, column index) of each cell; the
fee fields are the one row of "other_matters", in the order of :data:`claims.FEE_ROLES`."""
NegationCells = tuple[tuple[re.Pattern[str], tuple[tuple[str, int, int], ...]], ...]
"""Each :class:`claims.NegationGroup` as (the search for its words, the positions of its cells,
as in a :data:`Plan`)."""


@functools.cache
def patterns_for(applications: TableSpec, review: TableSpec, proactive: TableSpec,
                 fee_fields: tuple[str, str, str]) -> Grammar:
    """The claims grammar of one combination of table layouts (cached: layouts are hashable)."""
    vocabulary = claims.vocabulary(applications, review, proactive)
    return Grammar(vocabulary, fee_fields,
                   _negation_cells(vocabulary, (applications, review, proactive)))


def _negation_cells(vocabulary: claims.Vocabulary,
                    layouts: tuple[TableSpec, TableSpec, TableSpec]) -> NegationCells | None:
    """Where the cells of each of the vocabulary's negation groups are in the layouts (a fee
    field: row 0 of "other_matters", as in a :data:`Plan`); ``None`` when a group names a cell
    the layouts lack (a claim about it is then read and fails as before)."""
    by_id = {layout.id: layout for layout in layouts}
    out = []
    for group in vocabulary.negation_groups:
        try:
            where = tuple((table, 0, claims.FEE_ROLES.index(row)) if table == "other_matters"
                          else (table, *_positions(by_id[table])[row, column])
                          for table, row, column in group.refs)
        except KeyError:
            return None
        out.append((group.words, where))
    return tuple(out)


def _number(text: str | None, *, amount: bool) -> Number:
    if text is None:
        return 0  # a negated claim: 无…, 未…, 均为0
    return exact_number(text.replace(",", ""), amount=amount)  # no int-string limit


MAX_SENTENCE = 2_000
"""Longest sentence read for claims; longer ones, and those with a run of more than 30 digits
(no count has that many), make no claim: the claim patterns' time grows with the square of a
digit run's length (a 6,000-digit run took 4 s)."""
_LONG_RUN = re.compile(r"[0-9][0-9]{30}")  # a first character to skip to: fast


def _readable(sentence: str) -> bool:
    """Whether a sentence is short enough, and free of digit runs long enough, to read claims."""
    return len(sentence) <= MAX_SENTENCE and _LONG_RUN.search(sentence) is None


def claims_in(sentence: str, grammar: Grammar, agency: str | None = None) -> list[Claim]:
    """Every claim a sentence makes about the agency as a whole, each (quantity, value) once."""
    if not _readable(sentence):
        return []
    return _valued(claims.claims_in(sentence, grammar.vocabulary, agency), grammar)


def _valued(found: list[claims.Claim], grammar: Grammar) -> list[Claim]:
    """The claims of the grammar with their value and the template's fee field ids."""
    return [_with_value(claim, grammar) for claim in found]


def _value_of(claim: claims.Claim | claims.Found) -> Number:
    """The number a claim states, scaled by its unit (万元 → yuan)."""
    return _stated(claim.number, claim.unit, claim.amount)


def _stated(text: str | None, unit: str, amount: bool) -> Number:
    """The number of a claim's digits as written (``None``: a negation, 0), scaled by its
    unit."""
    if text is not None and not amount and len(text) <= MAX_COUNT_DIGITS \
            and text.isdigit():  # the common case: a count of plain digits
        return int(text) * UNIT_SCALE.get(unit, 1)
    return _number(text, amount=amount) * UNIT_SCALE.get(unit, 1)


def _with_value(claim: claims.Claim, grammar: Grammar, value: Number | None = None,
                alternatives: Alternatives | None = None) -> Claim:
    """A claim of the grammar with its value and the template's fee field ids (given when the
    caller has worked them out already)."""
    return Claim(said=claim.said, value=_value_of(claim) if value is None else value,
                 alternatives=grammar.with_fee_ids(claim.alternatives)
                 if alternatives is None else alternatives,
                 sentence=claim.sentence)


_SUBSECTION_POINTERS = tuple(f"/overview/subsections/{i}/text" for i in range(32))
"""The pointers of the first subsections' texts, written once (not formatted per call)."""


def texts(report: Report) -> Iterator[tuple[str, str, str]]:
    """The narrative texts R15 reads: (JSON Pointer, section id, text)."""
    overview = report.overview
    if overview.text:
        yield "/overview/text", "overview", overview.text
    pointers = _SUBSECTION_POINTERS
    for i, sub in enumerate(overview.subsections):
        pointer = pointers[i] if i < len(pointers) else f"/overview/subsections/{i}/text"
        yield pointer, "overview", f"{sub.heading}\n\n{sub.text}"
    for section_id in ("proactive", "applications", "review_litigation"):
        text = getattr(report.table_sections, section_id).text
        if text:
            yield f"/table_sections/{section_id}/text", section_id, text
    if report.other_matters.text:
        yield "/other_matters/text", "other_matters", report.other_matters.text


# --- comparing claims with the tables ------------------------------------------------------------


def _bound(report: Report, ref: Ref, *, blank_as_zero: bool) -> Bound:
    table_id, row_id, column_id = ref
    if table_id == "other_matters":
        value = getattr(report.other_matters, row_id)
        return value_bound(value, f"/other_matters/{row_id}", blank_as_zero=blank_as_zero)
    return sum_bound(report.table(table_id), [(row_id, column_id)], blank_as_zero=blank_as_zero)


def _label(report: Report, ref: Ref) -> str:
    table_id, row_id, column_id = ref
    if table_id == "other_matters":
        return next(f.label for f in report.template_spec.fee_fields if f.id == row_id)
    return cell_label(report.table(table_id).spec, row_id, column_id)


def _refs_label(report: Report, refs: Sequence[Ref]) -> str:
    tables = {t for t, _, _ in refs}
    if len(tables) == 1 and "other_matters" not in tables:
        (table_id,) = tables
        return refs_label(report.table(table_id).spec, [(r, c) for _, r, c in refs])
    return " + ".join(_label(report, ref) for ref in refs)


def _pointer(ref: Ref) -> str:
    table_id, row_id, column_id = ref
    return f"/{table_id}/{row_id}" + (f"/{column_id}" if column_id else "")


def _value(report: Report, ref: Ref) -> Number | None:
    table_id, row_id, column_id = ref
    if table_id == "other_matters":
        value: Number | None = getattr(report.other_matters, row_id)
        return value
    cell = report.table(table_id)[row_id, column_id]
    return None if isinstance(cell, str) else cell


def _quote(sentence: str, said: str) -> str:
    if len(sentence) <= _QUOTE_LIMIT:
        return sentence
    at = max(sentence.find(said), 0)
    start = max(0, at - 30)
    end = min(len(sentence), at + len(said) + 30)
    return ("…" if start else "") + sentence[start:end] + ("…" if end < len(sentence) else "")


def check(report: Report, *, blank_as_zero: bool = False) -> list[Finding]:
    """Findings for every claim of the narrative that the tables contradict or cannot confirm."""
    layouts = report.applications.spec, report.review_litigation.spec, report.proactive.spec
    grammar = _grammar_of(report, layouts)
    vocabulary, plans = grammar.vocabulary, grammar.plans
    agency = report.metadata.agency
    cells = _Cells(report, grammar.fee_fields)
    settled = None if grammar.negation_cells is None else _Settled(cells, grammar.negation_cells)
    out: list[Finding] = []
    candidate = claims.CANDIDATE.search
    for text_pointer, section, text in texts(report):
        first = candidate(text)
        if first is None:
            continue  # the common case: a text with no claim sentence (no call, no list)
        for sentence, counted in claims.compared_sentences(text, vocabulary, first):
            if len(sentence) > MAX_SENTENCE or _LONG_RUN.search(sentence) is not None:
                continue  # not _readable (inlined: a call per sentence)
            for found in claims.read_found_tuples(sentence, vocabulary, agency,
                                                  counted=counted, settled=settled):
                # a negation states 0
                value = 0 if found[1] is None else _stated(found[1], found[2], found[3])
                plan = plans.get(found[0]) or grammar.plan(found[0], *layouts)
                if cells.agrees(plan, value):
                    continue  # the common case: the stated cells agree
                out += _disagreeing(report, cells, grammar, sentence, claims.Found(*found),
                                    value, text_pointer, section, blank_as_zero=blank_as_zero)
    return out


_GRAMMARS: dict[tuple[int, int, int, int],
                tuple[TemplateSpec, TableSpec, TableSpec, TableSpec, Grammar]] = {}
"""The grammar of each template object and combination of layout objects :func:`check` has
met (a few: the layouts are the form's), so neither the fee fields nor the layouts are hashed
each call. Keyed by their identities (a registry may hold another template of the same version
id); the entry keeps the objects, so no id is reused while it is there, and they are checked
to be the same objects."""


def _grammar_of(report: Report, layouts: tuple[TableSpec, TableSpec, TableSpec]) -> Grammar:
    """The claims grammar of a report's template and layouts."""
    template = report.template_spec
    applications, review, proactive = layouts
    entry = _GRAMMARS.get((id(template), id(applications), id(review), id(proactive)))
    if entry is not None and entry[0] is template and entry[1] is applications \
            and entry[2] is review and entry[3] is proactive:
        return entry[4]
    if len(_GRAMMARS) >= _REMEMBERED:
        _GRAMMARS.clear()
    grammar = patterns_for(*layouts, _fee_ids(template))
    _GRAMMARS[id(template), id(applications), id(review), id(proactive)] = (
        template, applications, review, proactive, grammar)
    return grammar


def _fee_ids(template: TemplateSpec) -> tuple[str, str, str]:
    """The template's fee field ids: notices count, notices amount, collected."""
    count, amount, collected = (f.id for f in template.fee_fields)
    return count, amount, collected


def _disagreeing(report: Report, cells: _Cells, grammar: Grammar, sentence: str,
                 found: claims.Found, value: Number, text_pointer: str, section: str, *,
                 blank_as_zero: bool) -> list[Finding]:
    """The finding of a claim the stated cells do not confirm (none when a table it names is
    blank: an empty table is reported once, as such)."""
    alternatives = _with_fee_ids(found.alternatives, grammar)
    claim = _with_value(claims.made(sentence, found), grammar, value, alternatives)
    blank_tables = cells.blank_tables()
    if any(ref[0] in blank_tables for alt in claim.alternatives for ref in alt):
        return []
    finding = _compare(report, claim, text_pointer, section, blank_as_zero=blank_as_zero)
    return [] if finding is None else [finding]


def _with_fee_ids(alternatives: Alternatives, grammar: Grammar) -> Alternatives:
    """A claim's refs with the template's fee field ids: only a fee claim (whose one ref is a
    fee role) has any to change, so the others are not looked up."""
    if alternatives and alternatives[0] and alternatives[0][0][0] == "other_matters":
        return grammar.with_fee_ids(alternatives)
    return alternatives


@functools.cache
def _positions(spec: TableSpec) -> dict[tuple[str, str], tuple[int, int]]:
    """Where each cell of a layout is in its table's values: (row index, column index)."""
    return {(row.id, column): (i, j) for i, row in enumerate(spec.rows)
            for j, column in enumerate(row.columns)}


class _Cells:
    """The stated values the claims refer to, for one :func:`check` (each table's rows looked
    up once, not per cell; the fee fields as one row of "other_matters")."""

    __slots__ = ("_blank_tables", "_fee_fields", "_report", "_rows")

    def __init__(self, report: Report, fee_fields: tuple[str, str, str]) -> None:
        self._report = report
        self._fee_fields = fee_fields
        self._rows: dict[str, Sequence[Sequence[CellValue | Number]]] = {}
        self._blank_tables: set[str] | None = None

    def _load(self, table_id: str) -> Sequence[Sequence[CellValue | Number]]:
        """A table's rows of values, or the fee fields' one row (``table_id`` "other_matters"),
        looked up once."""
        if table_id == "other_matters":
            other = self._report.other_matters
            fees: tuple[Number | None, ...] = tuple(getattr(other, f) for f in self._fee_fields)
            rows: Sequence[Sequence[CellValue | Number]] = (fees,)
        else:  # a table id of the grammar's layouts: no look-up by name needed
            rows = getattr(self._report, table_id).values
        self._rows[table_id] = rows
        return rows

    def agrees(self, plan: Plan, value: Number) -> bool:
        """Whether one of the alternatives sums to ``value`` with every cell stated (a blank
        or text cell: that alternative does not agree)."""
        rows_of = self._rows
        for alternative in plan:
            total: Number = 0
            for table_id, i, j in alternative:
                rows = rows_of.get(table_id)
                cell = (rows if rows is not None else self._load(table_id))[i][j]
                if cell is None or isinstance(cell, str):
                    break
                total += cell
            else:
                if total == value:
                    return True
        return False

    def zero(self, where: tuple[tuple[str, int, int], ...]) -> bool:
        """Whether every cell at ``where`` is stated 0 (an int or a Decimal; not blank, not
        text)."""
        rows_of = self._rows
        for table_id, i, j in where:
            rows = rows_of.get(table_id)
            cell = (rows if rows is not None else self._load(table_id))[i][j]
            if type(cell) is int:
                if cell:
                    return False
            elif not isinstance(cell, Decimal) or not cell.is_zero():
                return False
        return True

    def blank_tables(self) -> set[str]:
        """The tables whose every cell is blank (worked out once, when a claim disagrees)."""
        if self._blank_tables is None:
            report = self._report
            self._blank_tables = {t for t in report.tables if report.table(t).is_blank}
        return self._blank_tables


class _Settled:
    """:func:`check`'s ``settled`` test (see :func:`claims.read_found_tuples`): a statement
    whose claims can only be its negations' (each states 0) is settled when every negation
    group whose words it holds has all its cells stated 0, since no such claim can then
    disagree. A group's words are searched for first, and whether its cells are all 0 is
    worked out once per check, when a statement first holds its words (most reports' tables
    need not all be looked at)."""

    __slots__ = ("_cells", "_groups", "_zero")

    def __init__(self, cells: _Cells, groups: NegationCells) -> None:
        self._cells = cells
        self._groups = groups
        self._zero: list[bool | None] = [None] * len(groups)  #: per group, once known

    def __call__(self, sentence: str, start: int, end: int) -> bool:
        """Whether the claims of ``sentence[start:end]``'s negations all agree with the
        tables: it holds no word of a group with a cell not stated 0."""
        known = self._zero
        for index, (words, where) in enumerate(self._groups):
            zero = known[index]
            if zero or words.search(sentence, start, end) is None:
                continue  # its cells are all 0, or the statement cannot claim about them
            if zero is None:
                zero = known[index] = self._cells.zero(where)
            if not zero:
                return False
        return True


def _compare(report: Report, claim: Claim, text_pointer: str, section: str, *,
             blank_as_zero: bool) -> Finding | None:
    bounds = _bounds(report, claim, blank_as_zero=blank_as_zero)
    if bounds is None:
        return None
    first = claim.alternatives[0]
    cells = _refs_label(report, first)
    cells_en = " + ".join(_pointer(ref) for ref in first)
    refs = [ref for alternative in claim.alternatives for ref in alternative]
    pointers = (text_pointer, *dict.fromkeys(_pointer(ref) for ref in refs))
    operands = tuple(
        Operand(pointer=_pointer(ref), value=_value(report, ref), label=_label(report, ref))
        for ref in first
    )
    computed_zh, computed_en = _computed_text(report, claim, bounds)
    params = {
        "said": claim.said,
        "claimed": claim.value,
        "cells": cells,
        "cells_en": cells_en,
        "computed": computed_zh,
        "computed_en": computed_en,
        "quote": _quote(claim.sentence, claim.said),
        "text_pointer": text_pointer,
    }
    common = {
        "pointer": text_pointer,
        "pointers": pointers,
        "section": section,
        "table": first[0][0] if first[0][0] != "other_matters" else None,
        "stated": claim.value,
        "operands": operands,
        "quote": claim.sentence,
    }
    if any(b.could_be(claim.value) for b in bounds):
        return _not_evaluable(report, claim, bounds, params, common)
    return R15.finding(
        computed=bounds[0].low,
        missing=bounds[0].missing,
        params=params,
        **common,  # type: ignore[arg-type]
    )


def _bounds(report: Report, claim: Claim, *, blank_as_zero: bool) -> list[Bound] | None:
    """What the tables give for each alternative of the claim; ``None`` when one of them is
    known exactly and equals the claimed value."""
    bounds: list[Bound] = []
    for alternative in claim.alternatives:
        total = ZERO
        for ref in alternative:
            total = total + _bound(report, ref, blank_as_zero=blank_as_zero)
        if total.exact and total.low == claim.value:
            return None
        bounds.append(total)
    return bounds


def _computed_text(report: Report, claim: Claim, bounds: list[Bound]) -> tuple[str, str]:
    """What the tables give, in Chinese and English: the first alternative, then the others
    in brackets."""
    computed_zh, computed_en = bounds[0].text()
    for alternative, bound in zip(claim.alternatives[1:], bounds[1:], strict=True):
        alt_zh, alt_en = bound.text()
        computed_zh += f"（{_refs_label(report, alternative)} 为 {alt_zh}）"
        computed_en += f" ({' + '.join(_pointer(r) for r in alternative)} = {alt_en})"
    return computed_zh, computed_en


def _not_evaluable(report: Report, claim: Claim, bounds: list[Bound],
                   params: Mapping[str, object], common: Mapping[str, object]) -> Finding:
    """The finding of a claim that blank cells keep from being checked."""
    missing = tuple(dict.fromkeys(p for b in bounds for p in b.missing))
    return R15.finding(
        status=Status.NOT_EVALUABLE,
        missing=missing,
        params={
            **params,
            "what": f"正文“{claim.said}”与 {params['cells']}",
            "what_en": f"the text “{claim.said}” [{params['text_pointer']}] against "
            f"{params['cells_en']}",
            "missing": listed_pointers(report, missing),
            "missing_en": listed(list(missing), lang="en"),
        },
        **common,  # type: ignore[arg-type]
    )
