"""The check page: the report in the official layout with every finding shown on its cells.

One self-contained HTML file (stylesheet embedded, no script, no network): the report as
:func:`~gi_report.render.html.render_html` prints it, with each value cell a finding or an
import notice names highlighted in the colour of its severity (``hl-error``, ``hl-warning``,
``hl-info``; cells a finding only involves, such as the operands of a sum, ``hl-involved``).
A highlighted cell carries the messages with the stated and computed values in its ``title``
(shown on hover) and numbered links to the list items; the list beside the tables gives each
finding and notice with links back to its cells (``#c-<table>-<row>-<column>``). The anchors
and ``:target`` do the linking, so everything works without JavaScript and prints.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from html import escape

import attrs

from gi_report.importers.result import INFERRED_CODES, UNDETERMINED_CODES, Level, Notice
from gi_report.model import Report
from gi_report.render.html import page, report_body, stylesheet
from gi_report.render.narrative import report_title
from gi_report.render.pointers import printed_pointer, value_pointers
from gi_report.validation.findings import Finding, Severity, Value
from gi_report.validation.labels import pointer_label

SEVERITY_NAMES = {"error": "错误", "warning": "警告", "info": "提示"}
"""How a severity is named for agency staff."""

NOTICE_KINDS = {"inferred": "推断的值", "undetermined": "无法确定，已留空", "import": "导入说明"}
"""What an import notice says about its cells."""

_RANK = {"error": 2, "warning": 1, "info": 0}


@attrs.frozen
class Mark:
    """One list item of the check page: a finding or a notice, and the cells it names."""

    number: int  #: 1-based, the anchor is ``f-<number>``
    severity: str  #: ``error``, ``warning`` or ``info``
    code: str
    kind: str  #: ``finding`` or one of :data:`NOTICE_KINDS`
    message: str
    values: str  #: stated and computed values (findings), candidates or text found (notices)
    cells: tuple[str, ...]  #: pointers of the value cells it is about (highlighted)
    involved: tuple[str, ...]  #: pointers of other cells it uses (outlined)
    sections: tuple[str, ...]  #: section ids named by a non-cell pointer

    @property
    def anchor(self) -> str:
        return f"f-{self.number}"

    @property
    def tooltip(self) -> str:
        head = f"[{SEVERITY_NAMES[self.severity]}] {self.code}: {self.message}"
        return f"{head}（{self.values}）" if self.values else head


def cell_id(pointer: str) -> str:
    """The HTML id of a value cell: ``c-<table>-<row>-<column>``."""
    return "c-" + pointer.strip("/").replace("/", "-")


def _show(value: Value) -> str:
    if value is None:
        return "空"
    return format(value, "f") if isinstance(value, Decimal) else str(value)


class _Cells:
    """The report's value cells: which pointer prints where."""

    def __init__(self, report: Report) -> None:
        self.report = report
        self.pointers = {p for t in report.tables.values() for p in value_pointers(t)}

    def printed(self, pointer: str) -> str | None:
        """The value cell printing ``pointer``, or ``None`` when it is not a table cell."""
        table_id = pointer.strip("/").split("/")[0]
        if table_id not in self.report.tables:
            return None
        found = printed_pointer(self.report.table(table_id), pointer)
        return found if found in self.pointers else None

    def split(self, pointers: Sequence[str]) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """(value cells, section ids) named by ``pointers``, each once, in order."""
        cells: dict[str, None] = {}
        sections: dict[str, None] = {}
        section_ids = {s.id for s in self.report.template_spec.sections}
        for pointer in pointers:
            cell = self.printed(pointer)
            if cell is not None:
                cells[cell] = None
                continue
            head = pointer.strip("/").split("/")[0]
            if head in section_ids:
                sections[head] = None
            elif head in self.report.tables:
                sections[self.report.table(head).spec.section] = None
        return tuple(cells), tuple(sections)


def _finding_mark(number: int, finding: Finding, cells: _Cells) -> Mark:
    main, sections = cells.split([finding.pointer])
    others, more = cells.split([*finding.pointers, *finding.missing])
    values = ""
    if finding.stated is not None or finding.computed is not None:
        values = f"填报 {_show(finding.stated)}，计算 {_show(finding.computed)}"
    return Mark(number=number, severity=finding.severity.value, code=finding.code,
                kind="finding", message=finding.message_zh, values=values, cells=main,
                involved=tuple(p for p in others if p not in main),
                sections=tuple(dict.fromkeys((*sections, *more))))


def _notice_mark(number: int, notice: Notice, cells: _Cells) -> Mark:
    main, sections = cells.split(notice.cells)
    if notice.code in INFERRED_CODES:
        kind = "inferred"
    elif notice.code in UNDETERMINED_CODES:
        kind = "undetermined"
    else:
        kind = "import"
    values = f"原文：{notice.found}" if notice.found else ""
    if notice.candidates:
        options = "；".join("、".join(_show(v) if not isinstance(v, str) else v for v in option)
                           for option in notice.candidates)
        values = (values + "；" if values else "") + f"可能的值：{options}"
    return Mark(number=number, severity=notice.level.value, code=notice.code, kind=kind,
                message=notice.message, values=values, cells=main, involved=(),
                sections=sections)


def marks(report: Report, findings: Sequence[Finding], notices: Sequence[Notice]) -> list[Mark]:
    """The list items of the check page: findings first, then import notices, numbered."""
    cells = _Cells(report)
    out = [_finding_mark(i + 1, f, cells) for i, f in enumerate(findings)]
    out += [_notice_mark(len(out) + i + 1, n, cells) for i, n in enumerate(notices)]
    return out


def highlighted_cells(report: Report, findings: Sequence[Finding],
                      notices: Sequence[Notice]) -> dict[str, str]:
    """Each highlighted value cell's pointer → its class (``hl-error`` … ``hl-involved``)."""
    named: dict[str, str] = {}
    involved: set[str] = set()
    for mark in marks(report, findings, notices):
        for pointer in mark.cells:
            old = named.get(pointer)
            if old is None or _RANK[mark.severity] > _RANK[old]:
                named[pointer] = mark.severity
        involved.update(mark.involved)
    out = {p: f"hl-{severity}" for p, severity in named.items()}
    out.update({p: "hl-involved" for p in involved if p not in named})
    return out


def _item(mark: Mark, report: Report) -> str:
    links = [f'<a href="#{cell_id(p)}">{escape(pointer_label(report, p))}</a>'
             for p in mark.cells]
    links += [f'<a href="#{cell_id(p)}" class="involved">{escape(pointer_label(report, p))}</a>'
              for p in mark.involved]
    links += [f'<a href="#s-{s}">{escape(report.template_spec.section(s).heading)}</a>'
              for s in mark.sections]
    kind = "" if mark.kind == "finding" else f"{NOTICE_KINDS[mark.kind]} "
    parts = [f'<li id="{mark.anchor}" class="sev-{mark.severity}">',
             f"<strong>[{SEVERITY_NAMES[mark.severity]}]</strong> {escape(kind)}"
             f'<span class="code">{escape(mark.code)}</span><br>{escape(mark.message)}']
    if mark.values:
        parts.append(f'<br><span class="values">{escape(mark.values)}</span>')
    if links:
        parts.append("<br>" + " · ".join(links))
    parts.append("</li>")
    return "".join(parts)


def render_check_page(report: Report, *, findings: Sequence[Finding] = (),
                      notices: Sequence[Notice] = (), source: str | None = None) -> str:
    """The check page of ``report`` with ``findings`` and import ``notices`` on its cells."""
    items = marks(report, findings, notices)
    classes = highlighted_cells(report, findings, notices)
    by_cell: dict[str, list[Mark]] = {}
    for mark in items:
        for pointer in (*mark.cells, *mark.involved):
            by_cell.setdefault(pointer, []).append(mark)

    def decorate(pointer: str) -> tuple[str, str]:
        attributes = f' id="{cell_id(pointer)}"'
        found = by_cell.get(pointer, [])
        if pointer in classes:
            attributes += f' class="{classes[pointer]}"'
        if found:
            title = "\n".join(m.tooltip for m in found)
            attributes += f' title="{escape(title)}"'
        refs = "".join(f'<a class="ref" href="#{m.anchor}">[{m.number}]</a>'
                       for m in found if pointer in m.cells)
        return attributes, refs

    counts = {s.value: sum(1 for f in findings if f.severity is s) for s in Severity}
    notice_counts = {lv.value: sum(1 for n in notices if n.level is lv) for lv in Level}
    title = report_title(report)
    summary = [
        '<aside class="gi-findings">',
        '<h2 id="findings">核查结果</h2>',
        '<p class="gi-summary">'
        + (f"{escape(source)}<br>" if source else "")
        + f"错误 {counts['error']} 条，警告 {counts['warning']} 条，提示 {counts['info']} 条；"
        f"导入说明 {sum(notice_counts.values())} 条</p>",
        '<p class="legend"><span class="hl-error">错误</span><span class="hl-warning">警告'
        '</span><span class="hl-info">提示</span><span class="hl-involved">相关单元格</span></p>',
        "<ol>",
        *(_item(m, report) for m in items),
        "</ol>",
        "</aside>",
    ]
    body = ['<div class="gi-check">', '<article class="gi-report">',
            *report_body(report, decorate=decorate), "</article>", *summary, "</div>"]
    return page(f"核查：{title}", body, css=stylesheet())
