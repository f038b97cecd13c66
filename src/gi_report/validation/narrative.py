"""R15: numbers the narrative states (收到申请…件, 行政复议…件, 结转…件, 主动公开规章…件…) equal
the tables.

Sentences of section 一, of the text beside the tables and of section 六 are searched for claims
about a quantity of the tables or of the 信息处理费 fields. The labels in the patterns (outcome
rows and groups, applicant columns, 行政复议/行政诉讼, 规章/规范性文件, the fee fields) come
from the form; only the verbs around them are written here. A claim the tables contradict is a
warning that quotes the sentence; a claim that a blank cell keeps from being checked is reported
as not evaluable. A clause starting 其中 is a breakdown and only read for applicant types.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence

import attrs

from gi_report.form.spec import RowTotal, TableSpec
from gi_report.model import Report
from gi_report.numbers import exact_number
from gi_report.table import Number
from gi_report.validation.findings import Finding, Operand, Severity, Status
from gi_report.validation.labels import (
    cell_label,
    listed,
    pointer_label,
    refs_label,
    without_numbering,
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
    formula="a number the text states for a table quantity equals it: 收到/受理申请 = "
    "new_this_year.total (or + carried_from_last_year.total); 办结/答复 = results_total.total; "
    "结转下年 = carried_to_next_year.total; 上年结转 = carried_from_last_year.total; an outcome "
    "label (予以公开, 不予公开…) = its rows' total; an applicant type = its columns of "
    "new_this_year (or + carried); 行政复议 = administrative_review.total; 行政诉讼 = "
    "litigation_direct.total + litigation_after_review.total; 规章/规范性文件 with a verb = the "
    "matching section-二 column; 收费通知/收取 = the section-六 fee fields; 无/未… = 0",
    basis="format-spec.md §4 R15 (evaluators flag 数据不一致); warnings only, because the text may "
    "count differently.",
    message_zh="正文称“{said}”，但表格中 {cells} 为 {computed}。原句：“{quote}”",
    message_en="the text [{text_pointer}] says “{said}” ({claimed}), but {cells_en} is "
    "{computed_en} in the tables. Sentence: “{quote}”",
)

RULES = (R15,)


Ref = tuple[str, str, str]
"""A value a claim refers to: (table id, row id, column id), or ("other_matters", field id, "")."""
Alternatives = tuple[tuple[Ref, ...], ...]
"""Ways the tables can express a claimed number: each a sum of refs; one of them must match."""
Build = Callable[[re.Match[str], re.Match[str]], list[Alternatives]]

_NUM = r"(?P<n>[0-9]+(?:,[0-9]{3})*)"
_AMOUNT = r"(?P<n>[0-9]+(?:,[0-9]{3})*(?:\.[0-9]+)?)"
_GAP = "[^。；;，,\\d]"
_JOIN = "(?:以及|及|和|与|、)"
_QUOTE_LIMIT = 90


@attrs.frozen
class Claim:
    """A number the text states about a quantity, and the ways the tables can express it."""

    said: str  #: the words of the claim, as written
    value: Number
    alternatives: Alternatives
    sentence: str


@attrs.frozen
class _Pattern:
    """A claim pattern: a regex, what its match refers to, and when to believe it."""

    regex: re.Pattern[str]
    build: Build  #: (item match, lead match) → the alternatives of each claim it makes
    amount: bool = False  #: the number is an amount (decimal), not a count
    any_clause: bool = False  #: also read inside a 其中 breakdown
    needs_word: str | None = None  #: the sentence must contain this word
    shun: tuple[str, ...] = ()  #: the clause must contain none of these words
    then: re.Pattern[str] | None = None  #: more list items after a match (same lead)

    def matches(self, sentence: str) -> Iterator[tuple[re.Match[str], re.Match[str]]]:
        """Each (item, lead) match in ``sentence``; the lead is the item itself but in lists."""
        for lead in self.regex.finditer(sentence):
            yield lead, lead
            if self.then is None:
                continue
            end = lead.end()
            while (item := self.then.match(sentence, end)) is not None:
                yield item, lead
                end = item.end()


def _alt(*alternatives: Sequence[Ref]) -> list[Alternatives]:
    return [tuple(tuple(a) for a in alternatives)]


def _each(refs: Sequence[Ref]) -> list[Alternatives]:
    return [((ref,),) for ref in refs]


def _labels_regex(labels: Sequence[str]) -> str:
    ordered = sorted(set(labels), key=len, reverse=True)
    return "(?:" + "|".join(re.escape(label) for label in ordered) + ")"


def _split(labels: str) -> list[str]:
    return [s for s in re.split(_JOIN, labels) if s]


# --- the patterns of one layout, built from the form ---------------------------------------------


def _application_patterns(spec: TableSpec) -> list[_Pattern]:
    app = spec.id
    new: Ref = (app, "new_this_year", "total")
    carried: Ref = (app, "carried_from_last_year", "total")
    handled: Ref = (app, "results_total", "total")
    forward: Ref = (app, "carried_to_next_year", "total")
    received = ("收到", "受理", "新收", "接收", "接到")
    verbs = _labels_regex(received)
    patterns = [
        _Pattern(re.compile(f"{verbs}{_GAP}{{0,16}}?申请{_GAP}{{0,8}}?{_NUM}\\s*件"),
                 lambda m, lead: _alt([new], [new, carried]), shun=("复议", "诉讼")),
        _Pattern(re.compile(f"{verbs}{_GAP}{{0,4}}?{_NUM}\\s*件{_GAP}{{0,8}}?申请"),
                 lambda m, lead: _alt([new], [new, carried]), shun=("复议", "诉讼")),
        _Pattern(
            re.compile(
                "(?:办结|办理|答复|(?<!不予)(?<!其他)处理)"
                f"(?:(?!予以公开|部分公开|不予|无法|结果){_GAP}){{0,12}}?{_NUM}\\s*件"
            ),
            lambda m, lead: _alt([handled]),
            needs_word="申请",
            shun=("复议", "诉讼", "案件", "建议", "提案", "信访", "咨询", "热线", "问政", "留言",
                  "结转", "顺延", "受理", "收到"),
        ),
        _Pattern(re.compile(f"结转(?:至|到)?下(?:一)?年(?:度)?{_GAP}{{0,8}}?{_NUM}\\s*件"),
                 lambda m, lead: _alt([forward])),
        _Pattern(re.compile(f"{_NUM}\\s*件{_GAP}{{0,10}}?(?:结转|顺延)(?:至|到)?下(?:一)?年"),
                 lambda m, lead: _alt([forward])),
        _Pattern(re.compile(f"(?:上年(?:度)?结转|结转上年(?:度)?){_GAP}{{0,8}}?{_NUM}\\s*件"),
                 lambda m, lead: _alt([carried])),
        _Pattern(re.compile("(?:无|未收到|没有收到|未接到)(?:政府信息公开|信息公开|依)申请"),
                 lambda m, lead: _alt([new], [new, carried])),
    ]
    # outcomes: the rows and groups that （七）总计 adds up, named by their labels
    results = next(d for d in spec.declarations if isinstance(d, RowTotal))
    outcome_rows: dict[str, tuple[Ref, ...]] = {}
    for row_id in results.parts:
        label = without_numbering(spec.row(row_id).label)
        if len(label) >= 4:
            outcome_rows.setdefault(label, ((app, row_id, "total"),))
    for group in spec.groups:
        rows = [r.id for r in spec.rows_in_group(group.id) if r.id in results.parts]
        if group.parent is not None and rows:
            outcome_rows[without_numbering(group.label)] = tuple((app, r, "total") for r in rows)
    names = _labels_regex(list(outcome_rows))

    def outcomes(m: re.Match[str], lead: re.Match[str]) -> list[Alternatives]:
        labels = _split(m.group("labels"))
        if not all(label in outcome_rows for label in labels):
            return []  # a label cut at a word inside it (危及…和…): not tied to cells, no claim
        refs = tuple(ref for label in labels for ref in outcome_rows[label])
        return _alt(refs)

    patterns.append(
        _Pattern(re.compile(f"(?P<labels>{names}(?:{_JOIN}{names})*){_GAP}{{0,6}}?{_NUM}\\s*件"),
                 outcomes, shun=("复议", "诉讼"))
    )
    # applicants: the applicant columns, singly or by their shared header (法人或其他组织)
    applicant_columns: dict[str, tuple[str, ...]] = {}
    for column in spec.columns:
        if column.id == "total":
            continue
        if len(column.label) >= 3:
            applicant_columns.setdefault(column.label, (column.id,))
        if len(column.header_path) >= 2:
            header = column.header_path[-1]
            applicant_columns[header] = (*applicant_columns.get(header, ()), column.id)
    applicants = _labels_regex(list(applicant_columns))

    def by_applicant(m: re.Match[str], lead: re.Match[str]) -> list[Alternatives]:
        columns = applicant_columns[m.group("label")]
        this_year = [(app, "new_this_year", c) for c in columns]
        with_carried = this_year + [(app, "carried_from_last_year", c) for c in columns]
        return _alt(this_year, with_carried)

    patterns.append(
        _Pattern(
            re.compile(f"(?P<label>{applicants})(?:提出(?:的)?)?(?:申请)?{_GAP}{{0,4}}?{_NUM}\\s*件"),
            by_applicant, any_clause=True, needs_word="申请", shun=("复议", "诉讼"),
        )
    )
    return patterns


def _review_patterns(spec: TableSpec) -> list[_Pattern]:
    table = spec.id
    review_row = next(r for r in spec.rows if r.group is None)
    litigation_rows = [r for r in spec.rows if r.group is not None]
    full = spec.group(litigation_rows[0].group or "").label  # 行政诉讼
    review = re.escape(review_row.label)
    litigation = f"(?:{re.escape(full[:2])})?{re.escape(full[2:])}"  # 行政诉讼 or 诉讼
    review_refs: list[Ref] = [(table, review_row.id, "total")]
    litigation_refs: list[Ref] = [(table, r.id, "total") for r in litigation_rows]
    outcome = f"(?!{_GAP}{{0,6}}(?:纠|维持|败诉|胜诉|撤销|确认违法|审结|结案))"
    negation = "(?:无|未(?:产生|发生|收到|出现|有|涉及))"
    tail = review_row.label[-2:]
    return [
        _Pattern(re.compile(f"{review}{_JOIN}{re.escape(full)}[^。]{{0,40}}?{_NUM}\\s*(?:件|起)"),
                 lambda m, lead: _alt(review_refs + litigation_refs)),
        _Pattern(re.compile(f"{review}(?!{_JOIN}{litigation}){outcome}{_GAP}{{0,8}}?"
                            f"{_NUM}\\s*(?:件|起)"),
                 lambda m, lead: _alt(review_refs)),
        _Pattern(re.compile(f"(?<!{tail}、)(?<!{tail}和){litigation}{outcome}{_GAP}{{0,8}}?"
                            f"{_NUM}\\s*(?:件|起)"),
                 lambda m, lead: _alt(litigation_refs)),
        _Pattern(re.compile(f"{negation}{_GAP}{{0,16}}?{review}{outcome}"),
                 lambda m, lead: _alt(review_refs)),
        _Pattern(re.compile(f"{negation}{_GAP}{{0,20}}?{litigation}{outcome}"),
                 lambda m, lead: _alt(litigation_refs)),
    ]


#: verbs, by the word of the section-二 column label they fill (制发 → 本年制发件数, …)
_VERBS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("制发", ("制发", "制定", "出台", "印发")),
    ("废止", ("废止",)),
    ("现行有效", ("现行有效",)),
    ("制作", ("制作", "制定")),
    ("公开", ("主动公开", "公开", "发布")),
)


def _proactive_patterns(spec: TableSpec) -> list[_Pattern]:
    table = spec.id
    rows = [r for r in spec.rows if r.group == "art20_1"]
    columns = [c for c in spec.columns if any(c.id in r.columns for r in rows)]
    verb_column: dict[str, str] = {}
    for key, words in _VERBS:
        column = next((c.id for c in columns if key in c.label), None)
        for word in words if column is not None else ():
            verb_column.setdefault(word, column or "")
    if not rows or not verb_column:
        return []
    label_row = {label: r.id for r in rows for label in (r.label, *r.aliases)}
    labels = _labels_regex(list(label_row))
    verbs = _labels_regex(list(verb_column))
    number = f"\\s*(?:共)?\\s*{_NUM}\\s*件"

    def item(m: re.Match[str], lead: re.Match[str]) -> list[Alternatives]:
        return _alt([(table, label_row[m.group("label")], verb_column[lead.group("verb")])])

    def none_made(m: re.Match[str], lead: re.Match[str]) -> list[Alternatives]:
        column = verb_column[m.group("verb")]
        return _each([(table, label_row[s], column) for s in _split(m.group("labels"))])

    return [
        _Pattern(
            re.compile(f"(?P<verb>{verbs}){_GAP}{{0,10}}?(?<!部门)(?P<label>{labels}){number}"),
            item,
            then=re.compile(f"\\s*[，、,]?\\s*(?:和|及)?(?<!部门)(?P<label>{labels}){number}"),
        ),
        _Pattern(re.compile(f"未(?P<verb>{verbs})(?:新的?)?(?P<labels>{labels}(?:{_JOIN}{labels})*)"),
                 none_made),
    ]


def _fee_patterns(count: str, amount: str, collected: str) -> list[_Pattern]:
    field = "other_matters"
    return [
        _Pattern(re.compile(f"收费通知(?:的)?(?:件数)?{_GAP}{{0,6}}?{_NUM}\\s*件"),
                 lambda m, lead: _alt([(field, count, "")])),
        _Pattern(re.compile(f"收费通知{_GAP}{{0,8}}?(?:总)?金额{_GAP}{{0,4}}?{_AMOUNT}\\s*元"),
                 lambda m, lead: _alt([(field, amount, "")]), amount=True),
        _Pattern(re.compile(f"(?:实际)?收取{_GAP}{{0,16}}?{_AMOUNT}\\s*元(?![/／每])"),
                 lambda m, lead: _alt([(field, collected, "")]), amount=True,
                 shun=("标准", "每件", "每页")),
        _Pattern(re.compile("收费通知[^。]*?均为\\s*(?:0|零)(?![0-9.])"),
                 lambda m, lead: _each([(field, f, "") for f in (count, amount, collected)])),
        _Pattern(re.compile(f"未(?:收取|发生|产生){_GAP}{{0,8}}?(?:信息处理费|收费)"),
                 lambda m, lead: _alt([(field, collected, "")])),
    ]


_PATTERNS: dict[tuple[int, int, int, tuple[str, str, str]],
                tuple[tuple[TableSpec, ...], tuple[_Pattern, ...]]] = {}


def patterns_for(applications: TableSpec, review: TableSpec, proactive: TableSpec,
                 fee_fields: tuple[str, str, str]) -> tuple[_Pattern, ...]:
    """The claim patterns of one combination of table layouts (cached by layout identity)."""
    key = (id(applications), id(review), id(proactive), fee_fields)
    found = _PATTERNS.get(key)
    specs = (applications, review, proactive)
    if found is not None and all(a is b for a, b in zip(found[0], specs, strict=True)):
        return found[1]
    patterns = tuple(
        _application_patterns(applications)
        + _review_patterns(review)
        + _proactive_patterns(proactive)
        + _fee_patterns(*fee_fields)
    )
    _PATTERNS[key] = (specs, patterns)
    return patterns


# --- finding claims in text ----------------------------------------------------------------------


_SENTENCE = re.compile(r"[^。！？!?]+[。！？!?]?")
_DIGIT = re.compile(r"[0-9]")
_PARAGRAPH = re.compile(r"\n[ \t\u3000]*\n")
_WRAP = re.compile(r"[ \t]*\r?\n[ \t]*")
_CLAUSE_MARKS = "，,；;：:（）()"


def sentences(text: str) -> Iterator[str]:
    """The sentences of a text: split at 。！？ and blank lines; single line breaks (wrapped
    lines of a PDF) are joined."""
    for paragraph in _PARAGRAPH.split(text):
        for m in _SENTENCE.finditer(_WRAP.sub("", paragraph)):
            sentence = m.group(0).strip()
            if sentence:
                yield sentence


def _clause(sentence: str, start: int, end: int) -> str:
    """The clause around ``sentence[start:end]``, between clause punctuation."""
    left = max(sentence.rfind(p, 0, start) for p in _CLAUSE_MARKS) + 1
    right = min((i for i in (sentence.find(p, end) for p in _CLAUSE_MARKS) if i != -1),
                default=len(sentence))
    return sentence[left:right]


def _number(text: str | None, *, amount: bool) -> Number:
    if text is None:
        return 0  # a negated claim: 无…, 未…, 均为0
    return exact_number(text.replace(",", ""), amount=amount)  # no int-string limit


MAX_SENTENCE = 2_000
"""Longest sentence read for claims; longer ones, and those with a run of more than 30 digits
(no count has that many), make no claim: the claim patterns' time grows with the square of a
digit run's length (a 6,000-digit run took 4 s)."""
_LONG_RUN = re.compile(r"[0-9]{31}")


def claims_in(sentence: str, patterns: Sequence[_Pattern]) -> list[Claim]:
    """Every claim a sentence makes, each (quantity, value) once."""
    found: list[Claim] = []
    if len(sentence) > MAX_SENTENCE or _LONG_RUN.search(sentence):
        return found  # no claim to compare, and bounded time: see MAX_SENTENCE
    seen: set[tuple[Alternatives, Number]] = set()
    has_digit = _DIGIT.search(sentence) is not None
    for pattern in patterns:
        if pattern.needs_word is not None and pattern.needs_word not in sentence:
            continue
        if not has_digit and "(?P<n>" in pattern.regex.pattern:
            continue  # a claim with a number needs a digit
        for item, lead in pattern.matches(sentence):
            clause = _clause(sentence, lead.start(), item.end())
            if not pattern.any_clause and clause.lstrip().startswith("其中"):
                continue
            if any(word in clause for word in pattern.shun):
                continue
            value = _number(item.groupdict().get("n"), amount=pattern.amount)
            said = sentence[lead.start() : item.end()] if item is not lead else item.group(0)
            for alternatives in pattern.build(item, lead):
                if (alternatives, value) in seen:
                    continue
                seen.add((alternatives, value))
                found.append(Claim(said=said.strip("，、, "), value=value,
                                   alternatives=alternatives, sentence=sentence))
    return found


def texts(report: Report) -> Iterator[tuple[str, str, str]]:
    """The narrative texts R15 reads: (JSON Pointer, section id, text)."""
    overview = report.overview
    if overview.text:
        yield "/overview/text", "overview", overview.text
    for i, sub in enumerate(overview.subsections):
        yield f"/overview/subsections/{i}/text", "overview", f"{sub.heading}\n\n{sub.text}"
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
    count, amount, collected = (f.id for f in report.template_spec.fee_fields)
    patterns = patterns_for(
        report.applications.spec,
        report.review_litigation.spec,
        report.proactive.spec,
        (count, amount, collected),
    )
    blank_tables = {t for t in report.tables if report.table(t).is_blank}
    out: list[Finding] = []
    for text_pointer, section, text in texts(report):
        for sentence in sentences(text):
            for claim in claims_in(sentence, patterns):
                if any(ref[0] in blank_tables for alt in claim.alternatives for ref in alt):
                    continue  # an empty table is reported once, as such
                finding = _compare(report, claim, text_pointer, section,
                                   blank_as_zero=blank_as_zero)
                if finding is not None:
                    out.append(finding)
    return out


def _compare(report: Report, claim: Claim, text_pointer: str, section: str, *,
             blank_as_zero: bool) -> Finding | None:
    bounds: list[Bound] = []
    for alternative in claim.alternatives:
        total = ZERO
        for ref in alternative:
            total = total + _bound(report, ref, blank_as_zero=blank_as_zero)
        if total.exact and total.low == claim.value:
            return None
        bounds.append(total)
    first = claim.alternatives[0]
    cells = _refs_label(report, first)
    cells_en = " + ".join(_pointer(ref) for ref in first)
    refs = [ref for alternative in claim.alternatives for ref in alternative]
    pointers = (text_pointer, *dict.fromkeys(_pointer(ref) for ref in refs))
    operands = tuple(
        Operand(pointer=_pointer(ref), value=_value(report, ref), label=_label(report, ref))
        for ref in first
    )
    quote = _quote(claim.sentence, claim.said)
    computed_zh, computed_en = bounds[0].text()
    for alternative, bound in zip(claim.alternatives[1:], bounds[1:], strict=True):
        alt_zh, alt_en = bound.text()
        computed_zh += f"（{_refs_label(report, alternative)} 为 {alt_zh}）"
        computed_en += f" ({' + '.join(_pointer(r) for r in alternative)} = {alt_en})"
    params = {
        "said": claim.said,
        "claimed": claim.value,
        "cells": cells,
        "cells_en": cells_en,
        "computed": computed_zh,
        "computed_en": computed_en,
        "quote": quote,
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
        missing = tuple(dict.fromkeys(p for b in bounds for p in b.missing))
        return R15.finding(
            status=Status.NOT_EVALUABLE,
            missing=missing,
            params={
                **params,
                "what": f"正文“{claim.said}”与 {cells}",
                "what_en": f"the text “{claim.said}” [{text_pointer}] against {cells_en}",
                "missing": listed([pointer_label(report, p) for p in missing]),
                "missing_en": listed(list(missing), lang="en"),
            },
            **common,  # type: ignore[arg-type]
        )
    return R15.finding(
        computed=bounds[0].low,
        missing=bounds[0].missing,
        params=params,
        **common,  # type: ignore[arg-type]
    )
