"""``validate_document(data)``: validate a raw document — never raises on what it is given.

``data`` may be a :class:`~gi_report.model.Report`, plain Python data (a dict from another
system), JSON or XML ``bytes``, a binary or text stream, or a path (a ``str`` is always a path).
The structure is checked first: values JSON cannot hold (NaN, infinities, non-text keys,
integers beyond ±(2^53−1)), absurd nesting or size, then the JSON Schema; every problem is a
``gi.schema.*`` finding with its JSON Pointer. When the whole document is valid every rule
runs; when only parts are broken the arithmetic and completeness rules still run on each fixed
table whose own structure is valid, and the report says it is partial. XML goes through
:mod:`gi_report.codec.xml` when it is installed.
"""

from __future__ import annotations

import json
import math
import os
from collections.abc import Mapping
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs

from gi_report.codec.json import (
    RepeatedMembersError,
    from_dict,
    parse_json,
    schema_problems,
    table_from_dict,
)
from gi_report.errors import (
    DocumentError,
    DocumentNotFoundError,
    GIReportError,
    InputTooLargeError,
    Problem,
)
from gi_report.fileio import (
    MAX_DOCUMENT_BYTES,
    is_stream,
    read_limited,
    read_stream,
    stream_name,
)
from gi_report.findings import Location
from gi_report.form import TABLE_IDS, TEMPLATES
from gi_report.form.spec import CellKind
from gi_report.model import Report
from gi_report.table import Table
from gi_report.validation import completeness
from gi_report.validation.engine import MAX_FINDINGS, build_report, check_tables, validate
from gi_report.validation.findings import Finding, Severity
from gi_report.validation.labels import cell_label
from gi_report.validation.report import ValidationReport
from gi_report.validation.rulespec import RuleSpec

FAMILY = "schema"
MAX_DEPTH = 64
"""Deepest nesting accepted in a document (a report needs 5 levels)."""
MAX_NODES = 1_000_000
"""Most values (objects, lists, scalars) scanned in a document (a report has about 500)."""
MAX_SAFE_INTEGER = 2**53 - 1
"""Largest integer magnitude exchanged safely between JSON implementations (RFC 7493 §2.2)."""

_WHAT = {"zh": "{where}：应为 {expected}{got}",
         "en": "{where_en}: expected {expected_en}{got_en}"}


_SIGNED = "/".join(dict.fromkeys(  # the labels of the signed columns, from the form
    c.label for t in TEMPLATES.values() for table in t.tables for c in table.columns
    if c.kind is CellKind.SIGNED_COUNT))


def _schema_rule(code: str, title_zh: str, title_en: str, formula: str, basis: str,
                 rule: str | None = None) -> RuleSpec:
    return RuleSpec(
        code=code, rule=rule, severity=Severity.ERROR, family=FAMILY,
        title_zh=title_zh, title_en=title_en, formula=formula, basis=basis,
        message_zh=_WHAT["zh"], message_en=_WHAT["en"],
    )


UNREADABLE = _schema_rule(
    "gi.schema.unreadable", "无法读取文件", "The file cannot be read",
    "the path names a readable file", "An input that is not there cannot be checked.")
TOO_LARGE = _schema_rule(
    "gi.schema.too_large", "文档过大", "The document is too large",
    f"at most {MAX_DOCUMENT_BYTES:,} bytes and {MAX_NODES:,} values",
    "gi-report bounds every input (a report is about 30 KiB).")
SYNTAX = _schema_rule(
    "gi.schema.syntax", "不是格式正确的 JSON 或 XML", "Not well-formed JSON or XML",
    "the text parses as JSON (RFC 8259) or XML 1.0",
    "The JSON and XML forms of gi-report (docs/validation.md).")
TOO_DEEP = _schema_rule(
    "gi.schema.too_deep", "嵌套层次过深", "Nested too deeply",
    f"no value is nested more than {MAX_DEPTH} levels deep",
    "A report needs 5 levels; deeper nesting is refused before it can exhaust the stack.")
NOT_JSON = _schema_rule(
    "gi.schema.not_json", "含有 JSON 不能表示的值", "Holds a value JSON cannot hold",
    f"every value is an object with text keys, a list, a text, true/false, null, or a finite "
    f"number; integers within ±{MAX_SAFE_INTEGER}",
    "RFC 8259 (no NaN or Infinity), RFC 7493 §2.2 (integers exchanged safely).")
REQUIRED = _schema_rule(
    "gi.schema.required", "缺少必需的成员", "A required member is missing",
    "the member is present (JSON Schema `required`)",
    "The published JSON Schema (`gi-report schema`): every table row and cell is required.")
UNKNOWN = _schema_rule(
    "gi.schema.unknown_member", "含有格式未定义的成员", "A member the format does not define",
    "no member outside the schema (`additionalProperties: false`)",
    "The published JSON Schema: an unknown member is a typo or another format.")
INVALID = _schema_rule(
    "gi.schema.invalid", "值的类型或取值不符合格式", "A value of the wrong type or range",
    "the value matches the schema (type, enum, pattern, range)",
    "The published JSON Schema (`gi-report schema`).")
CELL = _schema_rule(
    "gi.schema.R7", "单元格须为非负整数或非负金额", "A cell holds a count >= 0 or an amount >= 0",
    f"count cells: integer >= 0 or null; {_SIGNED}: integer or null; amounts: decimal string "
    ">= 0 or null; the fee fields likewise",
    "format-spec.md §4 R7 (the model enforces it; raw documents are checked by the schema).",
    rule="R7")
XML = _schema_rule(
    "gi.schema.xml", "XML 文档不符合格式", "The XML document is not valid",
    "the XML is well-formed, safe (no DOCTYPE) and valid against the gi-report XSD",
    "gi_report.codec.xml (docs/xml.md).")
RULES = (UNREADABLE, TOO_LARGE, SYNTAX, TOO_DEEP, NOT_JSON, REQUIRED, UNKNOWN, INVALID, CELL,
         XML)

_EXPECTED_ZH = {
    CellKind.COUNT: "不小于 0 的整数（空白为 null）",
    CellKind.SIGNED_COUNT: "整数，可为负（空白为 null）",
    CellKind.AMOUNT: "不小于 0 的金额，写作十进制数字字符串（空白为 null）",
    CellKind.TEXT: "文字（空白为 null）",
}


_REFUSED = "\x00refused"
"""Stands in for a refused value; the findings at its pointer say why."""


def _finding(spec: RuleSpec, pointer: str, expected: str, got: str | None, *,
             expected_zh: str | None = None, where: str | None = None,
             source: Location | None = None) -> Finding:
    segments = pointer.split("/")
    finding = spec.finding(
        pointer=pointer,
        section=segments[1] if len(segments) > 1 else None,
        params={
            "where": where or pointer or "（整个文档）",
            "where_en": where or pointer or "(document)",
            "expected": expected_zh or expected,
            "expected_en": expected,
            "got": f"，实为 {got}" if got is not None else "",
            "got_en": f", got {got}" if got is not None else "",
        },
    )
    return attrs.evolve(finding, source=source) if source is not None else finding


def _escape(key: str) -> str:
    return key.replace("~", "~0").replace("/", "~1")


def _short(value: object) -> str:
    if isinstance(value, float):
        return repr(value)
    if isinstance(value, int) and not isinstance(value, bool):
        digits = len(str(abs(value))) if value.bit_length() < 10_000 else None
        return f"an integer of {digits} digits" if digits else "an integer of over 3,000 digits"
    return type(value).__name__


def _refused(value: Any, pointer: str) -> Finding | None:
    """Why JSON cannot hold the scalar ``value`` (a finding at ``pointer``), or ``None``."""
    if value is None or isinstance(value, bool | str):
        return None
    if isinstance(value, int):
        if abs(value) <= MAX_SAFE_INTEGER:
            return None
        return _finding(NOT_JSON, pointer, f"an integer within ±{MAX_SAFE_INTEGER}",
                        _short(value), expected_zh=f"绝对值不超过 {MAX_SAFE_INTEGER} 的整数")
    if isinstance(value, float | Decimal):
        if value.is_finite() if isinstance(value, Decimal) else math.isfinite(value):
            return None
        return _finding(NOT_JSON, pointer, "a finite number (JSON has no NaN or Infinity)",
                        str(value), expected_zh="有限的数（JSON 没有 NaN 或 Infinity）")
    return _finding(NOT_JSON, pointer, "a JSON value (object, list, text, number, true/false, "
                    "null)", _short(value),
                    expected_zh="JSON 值（对象、列表、文字、数、true/false、null）")


_Entry = tuple[Any, Any, Any, str, int]
"""(value, container, key in the container, pointer, depth) of a value still to scan."""


def _members_of(value: Mapping[Any, Any], pointer: str, depth: int,
                findings: list[Finding]) -> tuple[dict[str, Any], list[_Entry]]:
    """An object's copy (members to be filled in) and its members to scan, in order; a member
    name that is not a text is a finding and left out."""
    members: dict[str, Any] = {}
    children: list[_Entry] = []
    for k, v in value.items():
        if not isinstance(k, str):
            findings.append(_finding(NOT_JSON, f"{pointer}/{_escape(str(k))}",
                                     "a member name that is a text", _short(k),
                                     expected_zh="文字形式的成员名"))
            continue
        members[k] = None
        children.append((v, members, k, f"{pointer}/{_escape(k)}", depth + 1))
    return members, children


def _scan_one(entry: _Entry, stack: list[_Entry], findings: list[Finding]) -> None:
    """Copy one value into its container, pushing its members or items to scan."""
    value, container, key, pointer, depth = entry
    if depth > MAX_DEPTH:
        findings.append(_finding(TOO_DEEP, pointer, f"nesting of at most {MAX_DEPTH} levels",
                                 "deeper nesting", expected_zh=f"嵌套不超过 {MAX_DEPTH} 层"))
        container[key] = _REFUSED
    elif isinstance(value, Mapping):
        container[key], children = _members_of(value, pointer, depth, findings)
        stack.extend(reversed(children))
    elif isinstance(value, list | tuple):
        items: list[Any] = [None] * len(value)
        container[key] = items
        for i in range(len(value) - 1, -1, -1):
            stack.append((value[i], items, i, f"{pointer}/{i}", depth + 1))
    else:
        refused = _refused(value, pointer)
        if refused is not None:
            findings.append(refused)
        container[key] = value if refused is None else _REFUSED


def prescan(document: Any) -> tuple[Any, list[Finding], bool]:
    """A copy of ``document`` JSON Schema can check, the findings, and whether the scan finished.

    Values JSON cannot hold are replaced by a marker the schema refuses; nesting deeper than
    :data:`MAX_DEPTH` is cut; the scan stops after :data:`MAX_NODES` values. Iterative: no
    recursion on the document's depth.
    """
    findings: list[Finding] = []
    nodes = 0
    root: list[Any] = [None]
    stack: list[_Entry] = [(document, root, 0, "", 0)]
    while stack:
        nodes += 1
        if nodes > MAX_NODES:
            findings.append(_finding(TOO_LARGE, "", f"at most {MAX_NODES:,} values",
                                     "more", expected_zh=f"不超过 {MAX_NODES:,} 个值"))
            return root[0], findings, False
        _scan_one(stack.pop(), stack, findings)
    return root[0], findings, True


# --- schema problems as findings -----------------------------------------------------------------


def _cell_of(document: Any, pointer: str) -> tuple[str, str, str, CellKind, str] | None:
    """(table, row, column, kind, label) if ``pointer`` is a table cell of the document's layout
    (of any template's layout when the document does not say which, e.g. an XML document)."""
    parts = pointer.split("/")[1:]
    if len(parts) != 3 or parts[0] not in TABLE_IDS:
        return None
    versions = list(TEMPLATES)  # newest first
    if isinstance(document, Mapping):
        version = document.get("template")
        layouts = document.get("table_templates")
        if isinstance(layouts, Mapping) and layouts.get(parts[0]) in TEMPLATES:
            version = layouts[parts[0]]
        if not isinstance(version, str) or version not in TEMPLATES:
            return None
        versions = [version]
    for version in versions:
        spec = TEMPLATES[version].table(parts[0])
        if spec.has_cell(parts[1], parts[2]):
            kind = spec.column(parts[2]).kind
            return parts[0], parts[1], parts[2], kind, cell_label(spec, parts[1], parts[2])
    return None


def _fee_of(pointer: str) -> tuple[CellKind, str] | None:
    parts = pointer.split("/")[1:]
    if len(parts) != 2 or parts[0] != "other_matters":
        return None
    for field in TEMPLATES.newest.fee_fields:
        if field.id == parts[1]:
            return field.kind, field.label
    return None


def schema_findings(document: Any, problems: list[Problem], *,
                    source: str | None = None) -> list[Finding]:
    """A finding per schema problem, with the cell's label where the pointer is a cell."""
    out: list[Finding] = []
    for problem in problems:
        pointer, expected, got = problem.pointer, problem.expected, problem.got
        line = getattr(problem, "line", None)
        path = getattr(problem, "path", None)
        where = f"{path} [{pointer}]" if path else None
        location = Location(file=source, line=line) if line is not None else None
        if expected == "this required member":
            spec, expected_zh = REQUIRED, "必需的成员（空白单元格写 null）"
        elif expected.startswith("no such member"):
            spec, expected_zh = UNKNOWN, "不存在此成员（" + expected.split("(", 1)[-1]
        else:
            spec, expected_zh = INVALID, None
        cell = _cell_of(document, pointer)
        fee = _fee_of(pointer)
        if spec is INVALID and cell is not None:
            spec, expected_zh, where = CELL, _EXPECTED_ZH[cell[3]], f"{cell[4]} [{pointer}]"
        elif spec is INVALID and fee is not None:
            spec, expected_zh, where = CELL, _EXPECTED_ZH[fee[0]], f"{fee[1]} [{pointer}]"
        out.append(_finding(spec, pointer, expected, got, expected_zh=expected_zh,
                            where=where, source=location))
    return out


# --- the tables a broken document still allows ---------------------------------------------------


def _table_from(document: Mapping[str, Any], table_id: str) -> Table | None:
    version = document.get("template")
    layouts = document.get("table_templates")
    if isinstance(layouts, Mapping) and table_id in layouts:
        version = layouts[table_id]
    if not isinstance(version, str) or version not in TEMPLATES:
        return None
    spec = TEMPLATES[version].table(table_id)
    cells = document.get(table_id)
    if not isinstance(cells, Mapping):
        return None
    try:
        return table_from_dict(spec, cells)
    except (GIReportError, KeyError, TypeError, ArithmeticError, ValueError):
        return None


def table_findings(document: Any, broken: set[str], *, blank_as_zero: bool
                   ) -> tuple[list[Finding], list[str]]:
    """Completeness and arithmetic findings for the tables whose structure is intact."""
    if not isinstance(document, Mapping) or "template" in broken or "table_templates" in broken:
        return [], []
    tables: dict[str, Table] = {}
    for table_id in TABLE_IDS:
        if table_id in broken:
            continue
        table = _table_from(document, table_id)
        if table is not None:
            tables[table_id] = table
    findings: list[Finding] = []
    for table in tables.values():
        template = TEMPLATES[document["template"]]
        heading = template.section(table.spec.section).heading
        findings += completeness.check_table(table, heading, blank_as_zero=blank_as_zero)
    findings += check_tables(tables, blank_as_zero=blank_as_zero)
    return findings, list(tables)


def _broken_parts(findings: list[Finding]) -> set[str]:
    parts = set()
    for finding in findings:
        segments = finding.pointer.split("/")
        parts.add(segments[1] if len(segments) > 1 else "")
    return parts


# --- entry point ---------------------------------------------------------------------------------


def _unreadable(spec: RuleSpec, source: str | None, expected: str, got: str | None,
                expected_zh: str, blank_as_zero: bool) -> ValidationReport:
    finding = _finding(spec, "", expected, got, expected_zh=expected_zh,
                       where=source or "（整个文档）")
    return build_report([finding], readable=False, source=source, blank_as_zero=blank_as_zero,
                        partial_reasons=("the document could not be read; no rule ran",))


def _validate_xml(data: bytes, *, source: str | None, blank_as_zero: bool,
                  max_findings: int) -> ValidationReport:
    from gi_report.codec.xml import from_xml, parse_xml  # imported here: XML is optional input

    try:
        report = from_xml(data, source=source)
    except DocumentError as error:
        findings = schema_findings(None, list(error.problems), source=source)
        findings = [_as_xml(f) for f in findings]
        reasons = ["the XML document is not valid; only the tables whose structure is intact "
                   "were checked"]
        readable = True
        try:
            document = parse_xml(data, source=source)
        except (GIReportError, ValueError):
            document = None
        if document is None:
            readable = not all(f.pointer == "" for f in findings)
            reasons = ["the XML document could not be read as a report; no rule ran"]
            return build_report(findings, readable=readable, source=source,
                                blank_as_zero=blank_as_zero, partial_reasons=reasons,
                                max_findings=max_findings)
        more, checked = table_findings(document, _broken_parts(findings),
                                       blank_as_zero=blank_as_zero)
        return build_report(findings + more, source=source, blank_as_zero=blank_as_zero,
                            partial_reasons=[*reasons, f"tables checked: {', '.join(checked)}"
                                             if checked else "no table checked"],
                            template=document.get("template")
                            if document.get("template") in TEMPLATES else None,
                            max_findings=max_findings)
    except (GIReportError, ValueError, TypeError) as error:
        return _unreadable(XML, source, "a gi-report XML document", str(error),
                           "gi-report XML 文档", blank_as_zero)
    return validate(report, blank_as_zero=blank_as_zero, max_findings=max_findings,
                    source=source)


def _as_xml(finding: Finding) -> Finding:
    """A document-level problem of an XML document (not well-formed, unsafe, wrong root)."""
    return attrs.evolve(finding, code=XML.code) if finding.pointer == "" else finding


def _is_xml(data: bytes) -> bool:
    head = data[:64].lstrip(b"\xef\xbb\xbf \t\r\n")
    return head.startswith(b"<")


def validate_document(
    data: Any,
    *,
    blank_as_zero: bool = False,
    source: str | None = None,
    max_findings: int = MAX_FINDINGS,
) -> ValidationReport:
    """Validate a raw document: a dict, JSON/XML ``bytes``, a stream, a path, or a Report.

    Never raises on the document: every problem — unreadable file, malformed text, a value JSON
    cannot hold, a schema violation — is a finding with its JSON Pointer. A ``str`` is always a
    path, as in :func:`~gi_report.read_document` and :func:`~gi_report.load` (where a ``str``
    naming no file raises :class:`~gi_report.errors.DocumentNotFoundError`); here it is a
    ``gi.schema.unreadable`` finding that says to pass document text as ``bytes`` or a stream.
    A stream is read up to the size limit (over it, a ``gi.schema.too_large`` finding). A file
    named ``*.xml`` is read as XML, any other document as XML when it starts with ``<``.
    """
    if isinstance(data, Report):
        return validate(data, blank_as_zero=blank_as_zero, max_findings=max_findings,
                        source=source)
    if isinstance(data, str):
        if not _exists(data):
            return _no_such_file(data, source, blank_as_zero)
        data = Path(data)
    if isinstance(data, os.PathLike) or is_stream(data):
        return _validate_file(data, source=source, blank_as_zero=blank_as_zero,
                              max_findings=max_findings)
    if isinstance(data, bytes | bytearray | memoryview):
        return _validate_bytes(bytes(data), source=source, blank_as_zero=blank_as_zero,
                               max_findings=max_findings)
    return _validate_value(data, blank_as_zero=blank_as_zero, source=source,
                           max_findings=max_findings)


def _no_such_file(text: str, source: str | None, blank_as_zero: bool) -> ValidationReport:
    """The finding for a ``str`` that names no file: perhaps document text passed as a ``str``."""
    shown = DocumentNotFoundError(text).path  # shortened as that error shows it
    return _unreadable(UNREADABLE, source or shown,
                       "an existing file (a str is read as a path: pass bytes or a stream for "
                       "document text)", "no such file",
                       "存在的文件（字符串一律视为路径：文档文本请以 bytes 或流传入）",
                       blank_as_zero)


def _too_large(name: str | None, error: InputTooLargeError,
               blank_as_zero: bool) -> ValidationReport:
    return _unreadable(TOO_LARGE, name, f"at most {error.limit:,} bytes",
                       f"{error.size:,} bytes", f"不超过 {error.limit:,} 字节", blank_as_zero)


def _validate_file(data: Any, *, source: str | None, blank_as_zero: bool,
                   max_findings: int) -> ValidationReport:
    """A path or a stream: read under the size limit (a file named ``*.xml`` is XML)."""
    path = isinstance(data, os.PathLike)
    name = source or (os.fspath(data) if path else stream_name(data))
    try:
        raw = read_limited(data) if path else read_stream(data, name or "document")
    except InputTooLargeError as error:
        return _too_large(name, error, blank_as_zero)
    except (OSError, ValueError) as error:
        reason = getattr(error, "strerror", None) or str(error)
        return _unreadable(UNREADABLE, name, "a readable file", reason, "可读取的文件",
                           blank_as_zero)
    if name is not None and name.endswith(".xml"):
        return _validate_xml(raw, source=name, blank_as_zero=blank_as_zero,
                             max_findings=max_findings)
    return _validate_bytes(raw, source=name, blank_as_zero=blank_as_zero,
                           max_findings=max_findings)


def _validate_bytes(data: bytes, *, source: str | None, blank_as_zero: bool,
                    max_findings: int) -> ValidationReport:
    """JSON or XML text (XML when it starts with ``<``)."""
    if _is_xml(data):
        return _validate_xml(data, source=source, blank_as_zero=blank_as_zero,
                             max_findings=max_findings)
    try:
        document = parse_json(data, source=source)
    except InputTooLargeError as error:
        return _too_large(source, error, blank_as_zero)
    except RepeatedMembersError as error:
        return _repeated(error, source, blank_as_zero=blank_as_zero, max_findings=max_findings)
    except DocumentError as error:
        problem = error.problems[0]
        return _unreadable(SYNTAX, source, problem.expected, problem.got,
                           "格式正确的 JSON", blank_as_zero)
    return _validate_value(document, blank_as_zero=blank_as_zero, source=source,
                           max_findings=max_findings)


def _repeated(error: RepeatedMembersError, source: str | None, *, blank_as_zero: bool,
              max_findings: int) -> ValidationReport:
    """A finding per member named twice, at the object that holds it, naming the member."""
    findings = [
        _finding(SYNTAX, holder, f"each member name once in an object (the member "
                 f"{json.dumps(name, ensure_ascii=False)} is named again)", "the name again",
                 expected_zh=f"对象中每个成员名只出现一次（成员 "
                 f"{json.dumps(name, ensure_ascii=False)} 重复出现）")
        for holder, name in error.repeated
    ]
    return build_report(findings, readable=False, source=source,
                        blank_as_zero=blank_as_zero, max_findings=max_findings,
                        partial_reasons=("the JSON text names a member twice in one object: "
                                         "which value it means is unknown; no rule ran",))


def _exists(text: str) -> bool:
    """Whether a ``str`` names something on disk (a text passed by mistake names nothing)."""
    try:
        return len(text) < 4096 and "\x00" not in text and os.path.exists(text)
    except (OSError, ValueError):
        return False


def _validate_value(document: Any, *, blank_as_zero: bool, source: str | None,
                    max_findings: int) -> ValidationReport:
    try:
        clean, findings, finished = prescan(document)
    except RecursionError:  # pragma: no cover - the scan is iterative
        clean, findings, finished = None, [], False
    if not finished:
        return build_report(findings, source=source, blank_as_zero=blank_as_zero,
                            readable=False, max_findings=max_findings,
                            partial_reasons=("the document is too large to check; no rule ran",))
    subject = _subject(clean)
    template = clean.get("template") if isinstance(clean, Mapping) else None
    template = template if isinstance(template, str) and template in TEMPLATES else None
    if not findings:
        try:  # from_dict checks the JSON Schema first: its problems are the findings
            report = from_dict(clean, source=source)
        except DocumentError as error:
            findings = schema_findings(clean, list(error.problems), source=source)
        except (GIReportError, ValueError, TypeError) as error:  # pragma: no cover - safety net
            findings = [_finding(INVALID, "", "a gi-report document", str(error))]
        else:
            return validate(report, blank_as_zero=blank_as_zero, max_findings=max_findings,
                            source=source)
    else:
        reported = {f.pointer for f in findings}
        findings += schema_findings(
            clean, [p for p in schema_problems(clean) if p.pointer not in reported],
            source=source,
        )
    more, checked = table_findings(clean, _broken_parts(findings), blank_as_zero=blank_as_zero)
    reasons = ["the document does not match the JSON Schema: rules that need the whole report "
               "did not run",
               f"tables checked: {', '.join(checked)}" if checked else "no table checked"]
    return build_report(findings + more, source=source, blank_as_zero=blank_as_zero,
                        partial_reasons=reasons, template=template, subject=subject,
                        max_findings=max_findings)


def _subject(document: Any) -> str | None:
    if not isinstance(document, Mapping):
        return None
    metadata = document.get("metadata")
    if not isinstance(metadata, Mapping):
        return None
    agency, year = metadata.get("agency"), metadata.get("year")
    if isinstance(agency, str) and isinstance(year, int) and not isinstance(year, bool):
        return f"{agency} {year}"
    return agency if isinstance(agency, str) else None
