"""The JSON form of a report: model <-> dict <-> JSON text <-> file.

Reading checks the document against the published JSON Schema first, so that every problem is
reported at once with its JSON Pointer; only a document that passes is turned into the model
(by a cattrs converter built here, never cattrs' global one). Amounts are exact decimals written
as strings; a blank cell is ``null``.
"""

from __future__ import annotations

import datetime
import json
import math
import re
import reprlib
from collections.abc import Iterator, Mapping
from decimal import Decimal
from typing import Any

import cattrs
import jsonschema
from cattrs.errors import ClassValidationError, IterableValidationError

from gi_report.codec.plan import DECIMAL, SECTIONS, read_clean, read_clean_counted
from gi_report.errors import MAX_PROBLEMS, CellError, DocumentError, Problem
from gi_report.fileio import (
    MAX_DOCUMENT_BYTES,
    Sink,
    Source,
    check_size,
    read_source,
    write_sink,
)
from gi_report.form import TABLE_IDS, TEMPLATES, get_template, per_registry
from gi_report.form.spec import CellKind, TableSpec
from gi_report.model import (
    DIVISION_CODE,
    Report,
    Subsection,
    text_problem,
)
from gi_report.numbers import MAX_SAFE_INTEGER, is_safe_integer
from gi_report.schema import DECIMAL_PATTERN, FORMAT_VERSION, json_schema
from gi_report.table import CellValue, Table, expected_for

JsonDict = dict[str, Any]


# --- the converter ---


def _strict_int(value: object, _: type) -> int:
    if type(value) is not int:
        raise TypeError(f"expected a whole number, got {_short(value)}")
    if not is_safe_integer(value):
        raise ValueError(f"expected a whole number within ±{MAX_SAFE_INTEGER}")
    return value


def _strict_str(value: object, _: type) -> str:
    if not isinstance(value, str):
        raise TypeError(f"expected a text, got {reprlib.repr(value)}")
    if reason := text_problem(value):
        raise ValueError(reason)
    return value


def _decimal(value: object, _: type) -> Decimal:
    if not isinstance(value, str) or not _DECIMAL.fullmatch(value):
        raise ValueError(f"expected a decimal written as a string, got {reprlib.repr(value)}")
    return Decimal(value)


def _date(value: object, _: type) -> datetime.date:
    if not isinstance(value, str) or not re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", value):
        raise ValueError(f"expected a date YYYY-MM-DD, got {reprlib.repr(value)}")
    return datetime.date.fromisoformat(value)


_DECIMAL = DECIMAL


def format_decimal(value: Decimal) -> str:
    """An amount as the JSON form writes it: plain digits, never an exponent."""
    return format(value, "f")


def make_converter() -> cattrs.Converter:
    """The cattrs converter for the report's narrative and metadata parts (strict, no coercion)."""
    converter = cattrs.Converter(forbid_extra_keys=True, detailed_validation=True)
    converter.register_structure_hook(int, _strict_int)
    converter.register_structure_hook(str, _strict_str)
    converter.register_structure_hook(Decimal, _decimal)
    converter.register_structure_hook(datetime.date, _date)
    # A list, strictly: cattrs would make a tuple of any iterable (a string, a dict's keys).
    subsections = converter.get_structure_hook(tuple[Subsection, ...])

    def strict_subsections(value: object, cls: Any) -> tuple[Subsection, ...]:
        if type(value) is not list:
            raise TypeError(f"expected a list of sub-sections, got {reprlib.repr(value)}")
        result: tuple[Subsection, ...] = subsections(value, cls)
        return result

    converter.register_structure_hook_func(
        lambda cls: cls == tuple[Subsection, ...], strict_subsections
    )
    converter.register_unstructure_hook(Decimal, format_decimal)
    converter.register_unstructure_hook(datetime.date, lambda d: d.isoformat())
    return converter


_CONVERTER = make_converter()


# --- model -> dict ---


def _cell_to_json(value: CellValue) -> Any:
    return format_decimal(value) if isinstance(value, Decimal) else value


def table_to_dict(table: Table) -> dict[str, dict[str, Any]]:
    """One fixed table as ``{row_id: {column_id: value}}`` (amounts as decimal strings)."""
    return {
        row.id: {c: _cell_to_json(v) for c, v in zip(row.columns, values, strict=True)}
        for row, values in zip(table.spec.rows, table.values, strict=True)
    }


def to_dict(report: Report) -> JsonDict:
    """The JSON form of a report as plain Python data, keys in the form's order."""
    out: JsonDict = {"format_version": FORMAT_VERSION, "template": report.template}
    if report.table_templates:
        out["table_templates"] = report.table_templates
    out["metadata"] = _CONVERTER.unstructure(report.metadata)
    out["preamble"] = report.preamble
    out["overview"] = _CONVERTER.unstructure(report.overview)
    for table_id in TABLE_IDS:
        out[table_id] = table_to_dict(report.table(table_id))
    out["table_sections"] = _CONVERTER.unstructure(report.table_sections)
    out["problems"] = _CONVERTER.unstructure(report.problems)
    out["other_matters"] = _CONVERTER.unstructure(report.other_matters)
    out["closing"] = report.closing
    return out


def to_json(report: Report, *, indent: int | None = 2) -> str:
    """The JSON text of a report (UTF-8 safe, Chinese kept as is, ending in a newline)."""
    return json.dumps(to_dict(report), ensure_ascii=False, indent=indent) + "\n"


def dump(report: Report, path: Sink, *, indent: int | None = 2) -> None:
    """Write the JSON form of ``report`` as UTF-8 to ``path``: a file path (``str`` or
    ``os.PathLike``, written atomically) or a binary or text stream (written as it is, not
    closed). A missing directory raises :class:`~gi_report.errors.OutputPathError`.
    """
    write_sink(path, to_json(report, indent=indent).encode("utf-8"))


# --- dict -> model ---


def _is_int(checker: Any, instance: object) -> bool:
    return type(instance) is int


@per_registry  # the schema depends on the templates in force
def _validator() -> Any:
    base = jsonschema.Draft202012Validator
    extend: Any = jsonschema.validators.extend
    strict = extend(base, type_checker=base.TYPE_CHECKER.redefine("integer", _is_int))
    return strict(json_schema(), format_checker=jsonschema.FormatChecker(formats=("date",)))


def _escape(token: object) -> str:
    return str(token).replace("~", "~0").replace("/", "~1")


def pointer(path: Any) -> str:
    """The JSON Pointer (RFC 6901) of a path of keys and indexes."""
    return "".join(f"/{_escape(p)}" for p in path)


def _short(value: object, limit: int = 60) -> str:
    try:
        text = json.dumps(value, ensure_ascii=False, default=str)
    except (TypeError, ValueError, RecursionError):
        text = reprlib.repr(value)  # bounded depth and length: never a RecursionError
    return text if len(text) <= limit else text[: limit - 1] + "…"


_TYPE_WORDS = {
    "integer": "a whole number",
    "string": "a text",
    "null": "null",
    "object": "an object",
    "array": "a list",
    "number": "a number",
    "boolean": "true or false",
}


_PATTERN_WORDS = {
    DECIMAL_PATTERN: 'an exact decimal >= 0 written as a string, e.g. "0.35"',
    f"^{DIVISION_CODE.pattern}$": "an administrative division code of 6, 9 or 12 digits",
    r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$": "a date written YYYY-MM-DD",
}


def _layout_of(table_id: str, document: Any) -> str | None:
    """The template version whose layout the document says ``table_id`` follows, if known."""
    if not isinstance(document, Mapping):
        return None
    version = document.get("template")
    layouts = document.get("table_templates")
    if isinstance(layouts, Mapping) and layouts.get(table_id) in TEMPLATES:
        version = layouts[table_id]
    return version if isinstance(version, str) and version in TEMPLATES else None


def _cell_kind(path: tuple[Any, ...], document: Any) -> CellKind | None:
    """The kind of the table cell at ``path``, if it is one, in the document's layout."""
    if len(path) != 3 or path[0] not in TABLE_IDS:
        return None
    version = _layout_of(path[0], document)
    if version is None:
        return None
    spec = TEMPLATES[version].table(path[0])
    if not spec.has_cell(str(path[1]), str(path[2])):
        return None
    return spec.column(str(path[2])).kind


def _member_problems(error: jsonschema.ValidationError, here: str) -> Iterator[Problem]:
    """A ``required`` or ``additionalProperties`` error: one problem per member concerned."""
    instance: Any = error.instance
    required: Any = error.validator_value
    if error.validator == "required":
        for key in required:
            if key not in instance:
                yield Problem(pointer=f"{here}/{_escape(key)}", expected="this required member")
        return
    schema: Any = error.schema
    allowed = list(schema.get("properties", {}))
    listed = ", ".join(allowed[:8]) + (", …" if len(allowed) > 8 else "")
    for key in instance:
        if key not in allowed:
            yield Problem(
                pointer=f"{here}/{_escape(key)}",
                expected=f"no such member (allowed here: {listed})",
                got=_short(instance[key]),
            )


def _cell_problem(error: jsonschema.ValidationError, here: str, kind: CellKind) -> Problem:
    """A table cell's problem, worded by what the cell's kind accepts."""
    keyword: Any = error.validator
    value: Any = error.validator_value
    expected = (
        f"{_PATTERN_WORDS[DECIMAL_PATTERN]}, or null for a blank cell"
        if kind is CellKind.AMOUNT
        else f"a whole number within ±{MAX_SAFE_INTEGER}"
        if keyword == "maximum" or (keyword == "minimum" and value < 0)
        else expected_for(kind)
    )
    return Problem(pointer=here, expected=expected, got=_short(error.instance))


def _type_words(value: Any, instance: Any) -> tuple[str, str | None]:
    kinds = [value] if isinstance(value, str) else list(value)
    return " or ".join(_TYPE_WORDS.get(k, k) for k in kinds), _short(instance)


def _choice_words(value: Any, instance: Any, keyword: str) -> tuple[str, str | None]:
    options = value if keyword == "enum" else [value]
    return "one of " + ", ".join(_short(o) for o in options), _short(instance)


def _length_words(value: Any, instance: Any, keyword: str) -> tuple[str, str | None]:
    bound = "at most" if keyword == "maxLength" else "at least"
    got = f"{len(instance):,} characters" if isinstance(instance, str) else None
    return f"a text of {bound} {value:,} characters", got


def _bound_words(value: Any, instance: Any, keyword: str) -> tuple[str, str | None]:
    sign = ">=" if keyword == "minimum" else "<="
    return f"a number {sign} {value}", _short(instance)


_KEYWORD_WORDS: dict[str, Any] = {
    "type": lambda value, instance, keyword: _type_words(value, instance),
    "enum": _choice_words,
    "const": _choice_words,
    "pattern": lambda value, instance, keyword: (
        _PATTERN_WORDS.get(value, f"a text matching {value}"), _short(instance)),
    "format": lambda value, instance, keyword: (f"a valid {value}", _short(instance)),
    "maxLength": _length_words,
    "minLength": _length_words,
    "minimum": _bound_words,
    "maximum": _bound_words,
}
"""What a schema keyword expects and how the value found is shown: (expected, got)."""


def _problems_of(error: jsonschema.ValidationError, document: Any) -> Iterator[Problem]:
    path = tuple(error.absolute_path)
    here = pointer(path)
    keyword: Any = error.validator
    if keyword in ("required", "additionalProperties") and isinstance(error.instance, Mapping):
        yield from _member_problems(error, here)
        return
    kind = _cell_kind(path, document)
    if kind is not None:
        yield _cell_problem(error, here, kind)
        return
    words = _KEYWORD_WORDS.get(keyword)
    if words is not None:
        expected, got = words(error.validator_value, error.instance, keyword)
        yield Problem(pointer=here, expected=expected, got=got)
    else:  # the message may quote the value: keep it short
        message = error.message
        yield Problem(pointer=here, expected=message[:200] + ("…" if len(message) > 200 else ""),
                      got=None)


def _in_its_layout(
    error: jsonschema.ValidationError, document: Any
) -> list[jsonschema.ValidationError]:
    """The errors to report for one schema error: for a table that fits none of its layouts
    (the schema's ``oneOf``), the errors against the layout the document says it follows, each
    at its own place; any other error as it is."""
    path = tuple(error.absolute_path)
    if error.validator != "oneOf" or len(path) != 1:
        return [error]
    version = _layout_of(str(path[0]), document)
    if version is None:
        return [error]
    rows = [r.id for r in TEMPLATES[version].table(str(path[0])).rows]
    defs = json_schema()["$defs"]
    options: Any = error.validator_value
    for index, option in enumerate(options):
        if defs[str(option["$ref"]).rsplit("/", 1)[-1]]["required"] == rows:
            return [e for e in error.context or () if e.relative_schema_path[0] == index]
    return [error]


def schema_problems(document: Any, *, limit: int | None = None) -> list[Problem]:
    """Every way ``document`` departs from the JSON Schema, as located problems (may be empty);
    with ``limit``, the search stops once that many are found (a bounded error list)."""
    problems: list[Problem] = []
    seen: set[Problem] = set()
    for error in _validator().iter_errors(document):
        for told in _in_its_layout(error, document):
            for problem in _problems_of(told, document):
                if problem not in seen:
                    seen.add(problem)
                    problems.append(problem)
        if limit is not None and len(problems) >= limit:
            break
    problems.sort(key=lambda p: p.pointer)
    return problems


MAX_DEPTH = 64
"""Deepest nesting of a document read (a report's is 4; as ``validate_document``'s)."""

_JSON_SCALARS = (str, bool, type(None))


def _scalar_problem(value: Any, here: str) -> Problem | None:
    """What is wrong with a scalar no JSON holds (or beyond the contract), or ``None``."""
    if isinstance(value, int) and not isinstance(value, bool):
        if is_safe_integer(value):
            return None
        return Problem(pointer=here, expected=f"a whole number within ±{MAX_SAFE_INTEGER}",
                       got=_short_int(value))
    if isinstance(value, float | Decimal):
        if value.is_finite() if isinstance(value, Decimal) else math.isfinite(value):
            return None
        return Problem(pointer=here, expected="a finite number", got=str(value))
    if isinstance(value, _JSON_SCALARS):
        return None
    return Problem(pointer=here, expected="a JSON value (object, list, text, number, "
                   "true/false or null)", got=type(value).__name__)


def _members_to_check(value: dict[Any, Any], here: str, depth: int,
                      stack: list[tuple[Any, str, int]], problems: list[Problem]) -> None:
    for key, item in value.items():
        if isinstance(key, str):
            stack.append((item, f"{here}/{_escape(key)}", depth + 1))
        else:
            problems.append(Problem(pointer=f"{here}/{_escape(key)}",
                                    expected="a member name that is a text",
                                    got=type(key).__name__))


def value_problems(document: Any) -> list[Problem]:
    """What no JSON document can hold, or what is beyond the project's contract, located:
    nesting deeper than :data:`MAX_DEPTH`, member names that are not texts, values that are
    not JSON (a ``complex``, a ``set``…), integers beyond ±(2^53 − 1), NaN and infinities.

    Iterative (no recursion on the document's depth) and capped at
    :data:`~gi_report.errors.MAX_PROBLEMS` problems.
    """
    problems: list[Problem] = []
    stack: list[tuple[Any, str, int]] = [(document, "", 0)]
    while stack and len(problems) < MAX_PROBLEMS:
        value, here, depth = stack.pop()
        if depth > MAX_DEPTH:
            problems.append(Problem(pointer=here, expected=f"nesting of at most {MAX_DEPTH} "
                                    "levels", got="deeper nesting"))
        elif isinstance(value, dict):
            _members_to_check(value, here, depth, stack, problems)
        elif isinstance(value, list):
            stack.extend((item, f"{here}/{i}", depth + 1) for i, item in enumerate(value))
        elif (problem := _scalar_problem(value, here)) is not None:
            problems.append(problem)
    return problems


def _short_int(value: int) -> str:
    digits = len(str(abs(value))) if value.bit_length() < 10_000 else None
    return f"an integer of {digits} digits" if digits else "an integer of over 3,000 digits"


def _amount(spec: TableSpec, row: str, column: str, value: object) -> Decimal:
    # The schema's pattern runs on Python's re, where "$" also matches before a final newline,
    # and Decimal() accepts surrounding spaces: check the exact form here, never coerce.
    if not isinstance(value, str) or not _DECIMAL.fullmatch(value):
        raise CellError(f"/{spec.id}/{row}/{column}", _PATTERN_WORDS[DECIMAL_PATTERN], value)
    return Decimal(value)


def table_from_dict(spec: TableSpec, cells: Mapping[str, Mapping[str, Any]]) -> Table:
    """One fixed table from its JSON form (amounts as exact decimal strings, checked strictly)."""
    rows: dict[str, dict[str, CellValue]] = {}
    for row in spec.rows:
        given = cells[row.id]
        rows[row.id] = {
            c: (
                _amount(spec, row.id, c, given[c])
                if spec.column(c).kind is CellKind.AMOUNT and given[c] is not None
                else _count(spec, row.id, c, given[c])
            )
            for c in row.columns
        }
    return Table.from_mapping(spec, rows)


def _count(spec: TableSpec, row: str, column: str, value: Any) -> Any:
    """A cell's value as given, unless it is a whole number beyond ±(2^53 − 1)."""
    if type(value) is int and not is_safe_integer(value):
        raise CellError(f"/{spec.id}/{row}/{column}",
                        f"a whole number within ±{MAX_SAFE_INTEGER}", _short_int(value))
    return value


def _cattrs_problems(error: BaseException, path: tuple[Any, ...]) -> Iterator[Problem]:
    """Located problems from a cattrs exception group (a safety net behind the schema)."""
    if isinstance(error, ClassValidationError | IterableValidationError):
        with_notes, without_notes = error.group_exceptions()
        for inner, note in with_notes:
            key = getattr(note, "name", None)
            if key is None:
                key = getattr(note, "index", None)
            yield from _cattrs_problems(inner, (*path, key) if key is not None else path)
        for inner in without_notes:  # raised by the class itself (an attrs validator)
            yield from _cattrs_problems(inner, path)
    else:
        yield Problem(pointer=pointer(path), expected=str(error), got=None)


def from_dict(document: Any, *, source: str | None = None) -> Report:
    """A report from its JSON form as plain Python data.

    Raises :class:`~gi_report.errors.DocumentError` listing every problem with its JSON Pointer.
    """
    report = _read_valid(document)
    if report is not None:
        return report
    # Values no JSON holds (or too deep to check) first: the schema cannot judge them.
    problems = value_problems(document)
    if problems:
        raise DocumentError(problems, source=source)
    # Not a clean document: the JSON Schema says what is wrong, each at its pointer.
    problems = schema_problems(document, limit=MAX_PROBLEMS)
    if problems:
        raise DocumentError(problems, source=source)
    return _structure(document, source=source)


def _read_valid(document: Any) -> Report | None:
    """The report if ``document`` is valid, read without the (slow) schema check; else None.

    As strict as the schema or stricter (the precompiled plan of :mod:`gi_report.codec.plan`):
    anything it refuses goes the slow way, where the schema lists every problem.
    """
    return read_clean(document)


def _structure(document: Mapping[str, Any], *, source: str | None) -> Report:
    template = get_template(document["template"])
    layouts = document.get("table_templates", {})
    parts: dict[str, Any] = {}
    problems: list[Problem] = []
    for key, cls in SECTIONS.items():
        try:
            parts[key] = _CONVERTER.structure(document.get(key, {}), cls)
        except (ClassValidationError, IterableValidationError) as error:
            problems += _cattrs_problems(error, (key,))
        except (TypeError, ValueError) as error:
            problems.append(Problem(pointer=f"/{key}", expected=str(error)))
    for key in ("preamble", "closing"):
        text = document.get(key)
        if isinstance(text, str) and (reason := text_problem(text)):
            problems.append(Problem(pointer=f"/{key}", expected=reason))
        parts[key] = text
    for table_id in TABLE_IDS:
        layout = get_template(layouts.get(table_id, template.version))
        try:
            parts[table_id] = table_from_dict(layout.table(table_id), document[table_id])
        except CellError as error:
            problems.append(Problem(pointer=error.pointer, expected=error.expected,
                                    got=_short(error.got)))
    if problems:
        raise DocumentError(problems, source=source)
    try:
        return Report(template=template.version, **parts)
    except (TypeError, ValueError) as error:  # a safety net: the schema and hooks cover the rest
        raise DocumentError([Problem(pointer="", expected=str(error))], source=source) from None


def _reject_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a number JSON allows")


class _Repeated(dict[str, Any]):
    """An object whose text names a member more than once (the names are in ``repeated``)."""

    repeated: list[str]


def _members(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """``object_pairs_hook``: a dict, marked when a member name is repeated (never last-wins)."""
    members = dict(pairs)
    if len(members) == len(pairs):
        return members
    marked = _Repeated(members)
    seen: set[str] = set()
    marked.repeated = []
    for key, _ in pairs:
        if key in seen:
            marked.repeated.append(key)
        seen.add(key)
    return marked


REPEATED_MEMBER = "each member name once in an object"
"""What a :class:`RepeatedMembersError` problem expects."""


class RepeatedMembersError(DocumentError):
    """JSON text that names a member more than once in one object (JSON leaves the meaning
    open; Python would keep the last silently). Each problem is at the repeated member's JSON
    Pointer; ``repeated`` lists each as (pointer of the object that holds it, member name)."""

    def __init__(self, repeated: list[tuple[str, str]], *, source: str | None = None) -> None:
        self.repeated = repeated
        super().__init__(
            [Problem(pointer=f"{holder}/{_escape(name)}", expected=REPEATED_MEMBER,
                     got="the name again") for holder, name in repeated],
            source=source,
        )


def _repeated_members(document: Any) -> list[tuple[str, str]]:
    """Every repeated member name in a parsed document: (pointer of its object, name), capped."""
    found: list[tuple[str, str]] = []
    stack: list[tuple[Any, str]] = [(document, "")]
    while stack and len(found) < MAX_PROBLEMS:
        value, here = stack.pop()
        if isinstance(value, dict):
            if isinstance(value, _Repeated):
                found += [(here, k) for k in dict.fromkeys(value.repeated)]
            stack.extend((v, f"{here}/{_escape(k)}") for k, v in value.items())
        elif isinstance(value, list):
            stack.extend((v, f"{here}/{i}") for i, v in enumerate(value))
    return found[:MAX_PROBLEMS]


def parse_json(text: str | bytes, *, source: str | None = None) -> Any:
    """Parse JSON text exactly (decimals as ``Decimal``), or raise :class:`DocumentError`.

    A member name repeated in one object is refused at its JSON Pointer
    (:class:`RepeatedMembersError`; JSON leaves the meaning of a repeated name open; Python
    would keep the last silently).
    """
    check_size(source or "JSON document", text, MAX_DOCUMENT_BYTES)
    repeated: list[bool] = []

    def members(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        out = dict(pairs)  # called once per object: kept to one call in the common case
        if len(out) == len(pairs):
            return out
        repeated.append(True)
        return _members(pairs)

    document = _loads(text, source, members)
    if repeated:
        raise RepeatedMembersError(_repeated_members(document), source=source)
    return document


_DECODER = json.JSONDecoder(parse_float=Decimal, parse_constant=_reject_constant)
"""The decoder ``json.loads`` would make for each text (it keeps no state between texts)."""


def _loads(text: str | bytes, source: str | None, hook: Any = None) -> Any:
    """``json.loads`` exactly (decimals as ``Decimal``, no NaN or infinities), its errors as a
    :class:`DocumentError`; ``hook`` is the ``object_pairs_hook`` (``None``: plain dicts)."""
    try:
        if hook is None and type(text) is str and not text.startswith("\ufeff"):
            return _DECODER.decode(text)  # what json.loads does, without a new decoder
        return json.loads(text, parse_float=Decimal, parse_constant=_reject_constant,
                          object_pairs_hook=hook)
    except json.JSONDecodeError as error:
        got = f"{error.msg} at line {error.lineno}, column {error.colno}"
        raise DocumentError(
            [Problem(pointer="", expected="well-formed JSON", got=got)], source=source
        ) from None
    except (ValueError, RecursionError, UnicodeDecodeError) as error:
        raise DocumentError(
            [
                Problem(
                    pointer="",
                    expected="well-formed JSON",
                    got=str(error) or type(error).__name__,
                )
            ],
            source=source,
        ) from None


def _u_escape(text: str) -> bool:
    """Whether JSON ``text`` holds a ``\\u`` escape, found escape by escape (a backslash
    only starts an escape in JSON; a search for one character beats one for two)."""
    start = text.find("\\")
    while start >= 0:
        if text[start + 1 : start + 2] == "u":
            return True
        start = text.find("\\", start + 2)
    return False


def _names_once(text: str | bytes, members: int, in_texts: int) -> bool:
    """Whether no object of the JSON ``text`` names a member twice, given the ``members`` of
    the objects it was parsed into (a repeated name leaves one) and ``in_texts``, at most the
    ``":"`` in its texts and names; ``False`` also when unsure.

    Exact without a hook per object: each member written has one ``":"`` after its name and
    every other ``":"`` is in a text or a name, where, with no ``\\u`` escape in the text (the
    only escape that can write a ``":"``), a parsed text holds as many as its written form. So
    ``colons - in_texts`` is at least the members written, which are at least the ``members``
    parsed: equal, no name was repeated. UTF-8 only: in UTF-16 or UTF-32 (NUL bytes) a ``":"``
    byte may be part of another character.
    """
    if isinstance(text, str):
        if _u_escape(text):
            return False
        colons = text.count(":")
    else:  # bytes, or a bytearray (json.loads takes both)
        if b"\\u" in text or b"\x00" in text:
            return False
        colons = text.count(b":")
    return colons - in_texts == members


def from_json(text: str | bytes, *, source: str | None = None) -> Report:
    """A report from JSON text; raises :class:`DocumentError` listing every problem."""
    check_size(source or "JSON document", text, MAX_DOCUMENT_BYTES)
    read = read_clean_counted(_loads(text, source))
    if read is None:  # not clean: the thorough way, which also refuses a repeated name
        return from_dict(parse_json(text, source=source), source=source)
    report, counted = read
    if counted is None or not _names_once(text, *counted):
        parse_json(text, source=source)  # a hook on every object: raises for a repeated name
    return report


def load(path: Source) -> Report:
    """A report from a JSON document of at most 32 MiB.

    ``path`` is a file path (a ``str`` is always a path), the document's ``bytes``, or a binary
    or text stream (``sys.stdin.buffer``, ``io.BytesIO``, an open file), read up to the limit.
    Raises :class:`~gi_report.errors.DocumentNotFoundError` for a path that is not a file,
    :class:`~gi_report.errors.InputTooLargeError` over the limit and
    :class:`~gi_report.errors.DocumentError` for a document that is not a valid report.
    """
    data, name = read_source(path, MAX_DOCUMENT_BYTES, "JSON document")
    return from_json(data, source=name)
