"""R8, R13, R14: one agency's reports of consecutive years agree with each other.

- R8: what a year carries over (``carried_to_next_year``) is what the next year takes
  over (``carried_from_last_year``), column by column.
- R13: documents in force (``currently_valid``) = last year's + issued this year − repealed
  this year.
- R14: repealed this year ≤ last year's in force + issued this year.

All are warnings: mergers, restructuring and counting of revisions break them legitimately.
The reports are taken in year order; a missing year, a repeated year or a change of agency name
is reported, and no pair is guessed.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable

from gi_report.carryover import CARRIED_FROM, CARRIED_TO, CarryStatus, carry_over
from gi_report.form import TEMPLATES
from gi_report.model import Report
from gi_report.table import Number
from gi_report.validation.findings import Finding, Operand, Severity, Status, as_value
from gi_report.validation.labels import cell_label, listed
from gi_report.validation.quantities import Bound
from gi_report.validation.rulespec import RuleSpec

FAMILY = "series"

_FROM = CARRIED_FROM
_TO = CARRIED_TO
_VALID = "currently_valid"
_ISSUED = "issued_this_year"
_REPEALED = "repealed_this_year"

_PROACTIVE = TEMPLATES.newest.table("proactive")
_ITEM = _PROACTIVE.group("art20_1").label  # the caption of item (一) of Article 20
_LABEL = {c: _PROACTIVE.column(c).label for c in (_VALID, _ISSUED, _REPEALED)}

R8 = RuleSpec(
    code="gi.series.R8",
    rule="R8",
    severity=Severity.WARNING,
    family=FAMILY,
    title_zh="上年结转等于上一年度的结转下年度",
    title_en="Carried over from last year equals last year's carried forward",
    formula=f"for every column c: applications.{_FROM}.c (year Y) == applications.{_TO}.c "
    "(year Y−1)",
    basis="The labels 上年结转 / 结转下年度继续办理 (format-spec.md §4 R8; breaks legitimately "
    "on mergers or restructuring, hence a warning).",
    message_zh="{year} 年 {cell} 为 {stated}，但 {prev_year} 年 {prev_cell} 为 {computed}",
    message_en="{year}: {cell} [{pointer}] is {stated}, but {prev_year}: {prev_cell} "
    "[{prev_pointer}] is {computed}",
)

R13 = RuleSpec(
    code="gi.series.R13",
    rule="R13",
    severity=Severity.WARNING,
    family=FAMILY,
    title_zh=f"{_LABEL[_VALID]}与上年、本年制发和废止相衔接",
    title_en="Documents in force follow from last year's, issued and repealed",
    formula=f"for every row r of {_ITEM}: proactive.r.{_VALID} (Y) == "
    f"proactive.r.{_VALID} (Y−1) + proactive.r.{_ISSUED} (Y) − proactive.r.{_REPEALED} (Y) "
    "(layouts with these columns in both years)",
    basis=f"The columns {_LABEL[_ISSUED]} / {_LABEL[_REPEALED]} / {_LABEL[_VALID]} "
    "(format-spec.md §4 R13; revisions and transfers break it, hence a warning).",
    message_zh="{year} 年 {cell} 为 {stated}，但按 {prev_year} 年 {prev} + 本年制发 {issued} − "
    "本年废止 {repealed} 计算为 {computed}",
    message_en="{year}: {cell} [{pointer}] is {stated}, but {prev_year}'s {prev} + {issued} "
    "issued − {repealed} repealed gives {computed}",
)

R14 = RuleSpec(
    code="gi.series.R14",
    rule="R14",
    severity=Severity.WARNING,
    family=FAMILY,
    title_zh=f"{_LABEL[_REPEALED]}不多于可废止的件数",
    title_en="No more documents repealed than were in force or issued",
    formula=f"for every row r of {_ITEM}: proactive.r.{_REPEALED} (Y) <= "
    f"proactive.r.{_VALID} (Y−1) + proactive.r.{_ISSUED} (Y) "
    "(layouts with these columns in both years)",
    basis="Only a document in force can be repealed (format-spec.md §4 R14).",
    message_zh="{year} 年 {cell} 为 {stated}，多于 {prev_year} 年现行有效 {prev} 与本年制发 "
    "{issued} 之和 {computed}",
    message_en="{year}: {cell} [{pointer}] is {stated}, more than {prev_year}'s {prev} in force "
    "plus {issued} issued = {computed}",
)

GAP = RuleSpec(
    code="gi.series.gap",
    severity=Severity.INFO,
    family=FAMILY,
    title_zh="缺少某一年度的报告",
    title_en="A year is missing from the series",
    formula="the report years are consecutive",
    basis="Cross-year rules compare consecutive years only.",
    message_zh="缺少 {missing_years} 年度的报告：{prev_year} 年与 {year} 年之间的跨年度核对未进行",
    message_en="no report for {missing_years}: the cross-year rules between {prev_year} and "
    "{year} were not run",
)

DUPLICATE_YEAR = RuleSpec(
    code="gi.series.duplicate_year",
    severity=Severity.WARNING,
    family=FAMILY,
    title_zh="同一年度有多份报告",
    title_en="Several reports for one year",
    formula="one report per year",
    basis="Cross-year rules need one report per year; none is chosen by guess.",
    message_zh="{year} 年度有 {count} 份报告：涉及 {year} 年的跨年度核对未进行",
    message_en="{count} reports for {year}: the cross-year rules involving {year} were not run",
)

AGENCY_CHANGED = RuleSpec(
    code="gi.series.agency_changed",
    severity=Severity.INFO,
    family=FAMILY,
    title_zh="前后年度的机关名称不同",
    title_en="The agency name differs between consecutive years",
    formula="metadata.agency (Y) == metadata.agency (Y−1)",
    basis="Cross-year rules assume one agency; a renamed or merged agency may differ legitimately.",
    message_zh="{prev_year} 年为“{prev_agency}”，{year} 年为“{agency}”：请确认是同一机关",
    message_en="{prev_year} is “{prev_agency}” and {year} is “{agency}”: check that they are one "
    "agency",
)

RULES = (R8, R13, R14, GAP, DUPLICATE_YEAR, AGENCY_CHANGED)


def _subject(report: Report) -> str:
    return f"{report.metadata.agency} {report.metadata.year}"


def check(reports: Iterable[Report], *, blank_as_zero: bool = False) -> list[Finding]:
    """Cross-year findings over reports of one agency (any order)."""
    by_year: dict[int, list[Report]] = {}
    for report in reports:
        by_year.setdefault(report.metadata.year, []).append(report)
    out: list[Finding] = []
    years = sorted(by_year)
    for year in years:
        if len(by_year[year]) > 1:
            out.append(DUPLICATE_YEAR.finding(
                pointer="/metadata/year", section="metadata",
                subject=f"{by_year[year][0].metadata.agency} {year}",
                params={"year": year, "count": len(by_year[year])},
            ))
    for prev_year, year in itertools.pairwise(years):
        current = by_year[year][0]
        if year - prev_year > 1:
            missing = "、".join(str(y) for y in range(prev_year + 1, year))
            out.append(GAP.finding(
                pointer="/metadata/year", section="metadata", subject=_subject(current),
                params={"missing_years": missing, "prev_year": prev_year, "year": year},
            ))
            continue
        if len(by_year[year]) > 1 or len(by_year[prev_year]) > 1:
            continue
        previous = by_year[prev_year][0]
        if previous.metadata.agency != current.metadata.agency:
            out.append(AGENCY_CHANGED.finding(
                pointer="/metadata/agency", section="metadata", subject=_subject(current),
                params={"prev_year": prev_year, "year": year,
                        "prev_agency": previous.metadata.agency,
                        "agency": current.metadata.agency},
            ))
        out += _carried(previous, current, blank_as_zero=blank_as_zero)
        out += _in_force(previous, current, blank_as_zero=blank_as_zero)
    return out


def _carried(previous: Report, current: Report, *, blank_as_zero: bool) -> list[Finding]:
    out: list[Finding] = []
    before, now = previous.applications, current.applications
    year, prev_year = current.metadata.year, previous.metadata.year
    for check in carry_over(before, now, blank_as_zero=blank_as_zero):
        if check.status is CarryStatus.OK:
            continue
        column = check.column
        stated, earlier = check.carried_from_last_year, check.carried_to_next_year
        pointer = f"/applications/{_FROM}/{column}"
        prev_pointer = f"/applications/{_TO}/{column}"
        cell = cell_label(now.spec, _FROM, column)
        prev_cell = cell_label(before.spec, _TO, column)
        params = {"year": year, "prev_year": prev_year, "cell": cell, "prev_cell": prev_cell,
                  "pointer": pointer, "prev_pointer": prev_pointer}
        common = {
            "pointer": pointer,
            "pointers": (pointer, prev_pointer),
            "section": "applications",
            "table": "applications",
            "row": _FROM,
            "column": column,
            "subject": _subject(current),
            "operands": (
                Operand(pointer=pointer, value=as_value(now[_FROM, column]), label=cell, year=year),
                Operand(pointer=prev_pointer, value=as_value(before[_TO, column]), weight=-1,
                        label=prev_cell, year=prev_year),
            ),
        }
        if check.status is CarryStatus.NOT_EVALUABLE:
            missing = stated.missing + earlier.missing
            out.append(R8.finding(
                status=Status.NOT_EVALUABLE, missing=missing,
                params={**params, "what": f"{year} 年 {cell} 与 {prev_year} 年 {prev_cell}",
                        "what_en": f"{year} {pointer} against {prev_year} {prev_pointer}",
                        "missing": _missing_text(stated, earlier, year, prev_year, cell,
                                                 prev_cell),
                        "missing_en": listed(list(missing), lang="en")},
                **common,  # type: ignore[arg-type]
            ))
            continue
        out.append(R8.finding(
            stated=stated.low, computed=earlier.low,
            params={**params, "stated": stated.text()[0], "computed": earlier.text()[0]},
            **common,  # type: ignore[arg-type]
        ))
    return out


def _missing_text(stated: Bound, earlier: Bound, year: int, prev_year: int, cell: str,
                  prev_cell: str) -> str:
    parts = []
    if not stated.exact:
        parts.append(f"{year} 年 {cell}")
    if not earlier.exact:
        parts.append(f"{prev_year} 年 {prev_cell}")
    return "、".join(parts)


def _number(value: object, blank_as_zero: bool) -> Number | None:
    if value is None:
        return 0 if blank_as_zero else None
    return value if isinstance(value, int) else None


def _in_force(previous: Report, current: Report, *, blank_as_zero: bool) -> list[Finding]:
    out: list[Finding] = []
    before, now = previous.proactive, current.proactive
    needed = (_VALID, _ISSUED, _REPEALED)
    for row in now.spec.rows:
        if not all(now.spec.has_cell(row.id, c) for c in needed) or not before.spec.has_cell(
            row.id, _VALID
        ):
            continue
        out += _in_force_row(previous, current, row.id, blank_as_zero=blank_as_zero)
    return out


def _in_force_row(previous: Report, current: Report, row_id: str, *,
                  blank_as_zero: bool) -> list[Finding]:
    """R13 and R14 for one row of section 二 that both years have."""
    before, now = previous.proactive, current.proactive
    year, prev_year = current.metadata.year, previous.metadata.year
    needed = (_VALID, _ISSUED, _REPEALED)
    valid = _number(now[row_id, _VALID], blank_as_zero)
    issued = _number(now[row_id, _ISSUED], blank_as_zero)
    repealed = _number(now[row_id, _REPEALED], blank_as_zero)
    prev = _number(before[row_id, _VALID], blank_as_zero)
    pointers = {c: f"/proactive/{row_id}/{c}" for c in needed}
    prev_pointer = f"/proactive/{row_id}/{_VALID}"
    labels = {c: cell_label(now.spec, row_id, c) for c in needed}
    prev_label = cell_label(before.spec, row_id, _VALID)
    operands = (
        Operand(pointer=pointers[_VALID], value=as_value(now[row_id, _VALID]),
                label=labels[_VALID], year=year),
        Operand(pointer=prev_pointer, value=as_value(before[row_id, _VALID]), weight=-1,
                label=prev_label, year=prev_year),
        Operand(pointer=pointers[_ISSUED], value=as_value(now[row_id, _ISSUED]), weight=-1,
                label=labels[_ISSUED], year=year),
        Operand(pointer=pointers[_REPEALED], value=as_value(now[row_id, _REPEALED]), weight=1,
                label=labels[_REPEALED], year=year),
    )
    all_pointers = (pointers[_VALID], prev_pointer, pointers[_ISSUED], pointers[_REPEALED])
    params = {"year": year, "prev_year": prev_year, "prev": prev, "issued": issued,
              "repealed": repealed}
    common = {"section": "proactive", "table": "proactive", "row": row_id,
              "subject": _subject(current), "operands": operands}
    blanks = [
        (p, text) for p, text, v in (
            (pointers[_VALID], f"{year} 年 {labels[_VALID]}", valid),
            (prev_pointer, f"{prev_year} 年 {prev_label}", prev),
            (pointers[_ISSUED], f"{year} 年 {labels[_ISSUED]}", issued),
            (pointers[_REPEALED], f"{year} 年 {labels[_REPEALED]}", repealed),
        ) if v is None
    ]
    if blanks:
        return [R13.finding(
            status=Status.NOT_EVALUABLE, pointer=pointers[_VALID], pointers=all_pointers,
            column=_VALID, missing=tuple(p for p, _ in blanks),
            params={**params, "what": f"{year} 年 {labels[_VALID]} 的跨年度衔接",
                    "what_en": f"{year} {pointers[_VALID]} against {prev_year}",
                    "missing": listed([text for _, text in blanks]),
                    "missing_en": listed([p for p, _ in blanks], lang="en")},
            **common,  # type: ignore[arg-type]
        )]
    assert valid is not None and issued is not None and repealed is not None
    assert prev is not None
    out: list[Finding] = []
    expected = prev + issued - repealed
    if valid != expected:
        out.append(R13.finding(
            pointer=pointers[_VALID], pointers=all_pointers, column=_VALID,
            stated=valid, computed=expected,
            params={**params, "cell": labels[_VALID], "pointer": pointers[_VALID],
                    "stated": valid, "computed": expected},
            **common,  # type: ignore[arg-type]
        ))
    if repealed > prev + issued:
        out.append(R14.finding(
            pointer=pointers[_REPEALED], pointers=all_pointers[1:], column=_REPEALED,
            stated=repealed, computed=prev + issued,
            params={**params, "cell": labels[_REPEALED], "pointer": pointers[_REPEALED],
                    "stated": repealed, "computed": prev + issued},
            **common,  # type: ignore[arg-type]
        ))
    return out
