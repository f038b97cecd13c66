"""The typed report model: what one annual report states, section by section.

Every class is frozen (use :func:`attrs.evolve` for changed copies). The model holds what the
document states: a blank cell is ``None``, a number that contradicts a total stays as stated
(the validators report it), and narrative text is kept verbatim.
"""

from __future__ import annotations

import datetime
import re
import reprlib
from decimal import Decimal
from typing import Any

import attrs

from gi_report.errors import CellError
from gi_report.form import TABLE_IDS, TEMPLATES, get_template, per_registry
from gi_report.form.spec import CellKind, TableSpec, TemplateSpec
from gi_report.numbers import MAX_TEXT_CHARS
from gi_report.table import Number, Table, expected_for, html_of, value_fits

AGENCY_LEVELS: dict[str, str] = {
    "national": "国务院部门及中央级单位",
    "provincial": "省级",
    "prefectural": "地市级",
    "county": "县级",
    "township": "乡镇（街道）级",
}
"""The codelist of ``Metadata.agency_level``: code → Chinese name of the administrative level."""

DIVISION_CODE = re.compile(r"[0-9]{6}(?:[0-9]{3}|[0-9]{6})?")
"""An administrative division code (行政区划代码): 6 digits, or 9/12 for townships and below."""

MIN_YEAR = 2007
MAX_YEAR = 2100


def _doc(title: str, description: str) -> dict[str, str]:
    return {"title": title, "description": description}


_SURROGATE = re.compile("[\ud800-\udfff]")


def _optional_str(instance: Any, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None and not _is_text(value):
        _str(instance, attribute, value)


def text_problem(value: str) -> str | None:
    """Why ``value`` cannot be report text (a lone surrogate is not Unicode text, or longer than
    :data:`~gi_report.numbers.MAX_TEXT_CHARS`), or ``None``."""
    if len(value) > MAX_TEXT_CHARS:
        return f"a text of at most {MAX_TEXT_CHARS:,} characters (got {len(value):,})"
    if not value.isascii() and _SURROGATE.search(value):
        return (
            "text without lone surrogate code points (they are not Unicode text and cannot be "
            "written as UTF-8)"
        )
    return None


def _is_text(value: object) -> bool:
    """Whether ``value`` is report text: what :func:`text_problem` finds nothing in, tested
    inline (a validator runs for every text of every report read). Strict UTF-8 encoding
    refuses exactly the surrogate code points, at C speed (faster than the regex search)."""
    if not isinstance(value, str) or len(value) > MAX_TEXT_CHARS:
        return False
    if value.isascii():
        return True
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _str(instance: Any, attribute: attrs.Attribute[Any], value: object) -> None:
    if _is_text(value):
        return
    if not isinstance(value, str):
        raise TypeError(f"{attribute.name} must be a str, got {reprlib.repr(value)}")
    if reason := text_problem(value):
        raise ValueError(f"{attribute.name}: expected {reason}")


def _year(instance: Any, attribute: attrs.Attribute[Any], value: object) -> None:
    if type(value) is not int or not MIN_YEAR <= value <= MAX_YEAR:
        raise ValueError(
            f"year must be a whole number from {MIN_YEAR} to {MAX_YEAR}, got {reprlib.repr(value)}"
        )


def _division_code(instance: Any, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None and not (isinstance(value, str) and DIVISION_CODE.fullmatch(value)):
        raise ValueError(f"division_code must be 6, 9 or 12 digits, got {reprlib.repr(value)}")


def _agency_level(instance: Any, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None and value not in AGENCY_LEVELS:
        raise ValueError(
            f"agency_level must be one of {sorted(AGENCY_LEVELS)}, got {reprlib.repr(value)}")


def _date(instance: Any, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None and (
        type(value) is not datetime.date
    ):
        raise TypeError(
            f"{attribute.name} must be a datetime.date or None, got {reprlib.repr(value)}")


@attrs.frozen(kw_only=True)
class Metadata:
    """Who reports, on which year, and where the report was found."""

    agency: str = attrs.field(
        validator=_str,
        metadata=_doc("机关名称", "The reporting agency's name, as printed in the report."),
    )
    year: int = attrs.field(
        validator=_year,
        metadata={
            **_doc("报告年度", "The calendar year the report covers (1 January–31 December)."),
            "schema": {"minimum": MIN_YEAR, "maximum": MAX_YEAR},
        },
    )
    division_code: str | None = attrs.field(
        default=None,
        validator=_division_code,
        metadata={
            **_doc(
                "行政区划代码",
                "Administrative division code (GB/T 2260) of the agency's area: 6 digits, or "
                "9/12 below county level.",
            ),
            "schema": {"pattern": f"^{DIVISION_CODE.pattern}$"},
        },
    )
    agency_level: str | None = attrs.field(
        default=None,
        validator=_agency_level,
        metadata={
            **_doc(
                "机关层级",
                "Administrative level of the agency, one of: "
                + ", ".join(f"{k} ({v})" for k, v in AGENCY_LEVELS.items())
                + ".",
            ),
            "schema": {"enum": [*AGENCY_LEVELS, None]},
        },
    )
    publication_date: datetime.date | None = attrs.field(
        default=None,
        validator=_date,
        metadata={
            **_doc("发布日期", "Date the report was published (ISO 8601, YYYY-MM-DD)."),
            "schema": {"format": "date", "pattern": r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"},
        },
    )
    source: str | None = attrs.field(
        default=None,
        validator=_optional_str,
        metadata=_doc("来源", "Where the report was found: a URL or a file name."),
    )
    title: str | None = attrs.field(
        default=None,
        validator=_optional_str,
        metadata=_doc("标题", "The report's title as printed, verbatim."),
    )


@attrs.frozen(kw_only=True)
class Subsection:
    """A numbered sub-section of section 一 (e.g. proactive disclosure): heading, text verbatim."""

    heading: str = attrs.field(
        validator=_str, metadata=_doc("小标题", "The sub-heading as printed, verbatim.")
    )
    text: str = attrs.field(
        validator=_str, metadata=_doc("正文", "The sub-section's text, verbatim.")
    )


@attrs.frozen(kw_only=True)
class Narrative:
    """A section's heading as printed and its free text, verbatim (``None`` if absent)."""

    heading: str | None = attrs.field(
        default=None,
        validator=_optional_str,
        metadata=_doc("标题", "The section heading as printed, verbatim."),
    )
    text: str | None = attrs.field(
        default=None,
        validator=_optional_str,
        metadata=_doc("正文", "The section's free text, verbatim; null if there is none."),
    )


def _subsections(instance: Any, attribute: attrs.Attribute[Any], value: object) -> None:
    if type(value) is not tuple or not all(isinstance(s, Subsection) for s in value):
        raise TypeError(f"subsections must be a tuple of Subsection, got {reprlib.repr(value)}")


@attrs.frozen(kw_only=True)
class Overview:
    """Section 一 (the overview): lead text, then numbered sub-sections, all verbatim."""

    heading: str | None = attrs.field(
        default=None,
        validator=_optional_str,
        metadata=_doc("标题", "The section heading as printed, verbatim."),
    )
    text: str | None = attrs.field(
        default=None,
        validator=_optional_str,
        metadata=_doc("正文", "Text before the first sub-heading, verbatim; null if none."),
    )
    subsections: tuple[Subsection, ...] = attrs.field(
        default=(),
        validator=_subsections,
        metadata=_doc("分项", "The numbered sub-sections, in order."),
    )


def _fee(kind: CellKind) -> Any:
    def check(instance: Any, attribute: attrs.Attribute[Any], value: object) -> None:
        if not value_fits(kind, value):
            raise CellError(f"/other_matters/{attribute.name}", expected_for(kind), value)

    return check


def _fee_field(field_id: str) -> Any:
    spec = next(f for f in TEMPLATES.newest.fee_fields if f.id == field_id)
    return attrs.field(
        default=None,
        validator=_fee(spec.kind),
        metadata=_doc(spec.label, f"{spec.description} Unit: {spec.unit}."),
    )


@attrs.frozen(kw_only=True)
class OtherMatters:
    """Section 六 (other matters): verbatim text and the processing-fee figures it states."""

    heading: str | None = attrs.field(
        default=None,
        validator=_optional_str,
        metadata=_doc("标题", "The section heading as printed, verbatim."),
    )
    text: str | None = attrs.field(
        default=None,
        validator=_optional_str,
        metadata=_doc("正文", "The section's text, verbatim; null if there is none."),
    )
    processing_fee_notices_count: int | None = _fee_field(
        "processing_fee_notices_count"
    )
    processing_fee_notices_amount_yuan: Decimal | None = _fee_field(  # noqa: RUF009
        "processing_fee_notices_amount_yuan"
    )
    processing_fee_collected_amount_yuan: Decimal | None = _fee_field(  # noqa: RUF009
        "processing_fee_collected_amount_yuan"
    )


@attrs.frozen(kw_only=True)
class TableSections:
    """Headings and any free text printed in sections 二, 三 and 四 beside their tables."""

    proactive: Narrative = attrs.field(
        factory=Narrative, metadata=_doc("二", "Section 二's heading and text outside its tables.")
    )
    applications: Narrative = attrs.field(
        factory=Narrative, metadata=_doc("三", "Section 三's heading and text outside its table.")
    )
    review_litigation: Narrative = attrs.field(
        factory=Narrative, metadata=_doc("四", "Section 四's heading and text outside its table.")
    )


def _template(instance: Any, attribute: attrs.Attribute[Any], value: object) -> None:
    get_template(value)  # type: ignore[arg-type]  # raises UnknownTemplateError


@per_registry
def _layouts(table_id: str) -> tuple[TableSpec, ...]:
    """The layouts of a table in the templates in force (looked up once per registry)."""
    return tuple(t.table(table_id) for t in TEMPLATES.values())


def _table_of(table_id: str) -> Any:
    def check(instance: Any, attribute: attrs.Attribute[Any], value: object) -> None:
        if not isinstance(value, Table) or value.spec.id != table_id:
            raise TypeError(f"{table_id} must be a Table of the form's {table_id} table")
        if not any(spec is value.spec for spec in _layouts(table_id)):
            raise ValueError(f"{table_id}: the table's layout is not one of a known template")

    return check


@attrs.frozen(kw_only=True)
class Report:
    """One 政府信息公开工作年度报告, as stated.

    ``template`` is the template version the report follows (a key of ``TEMPLATES``). Each
    fixed table carries its own layout, which normally is the same template's; a report that
    mixes layouts (e.g. one template's section 二 with another's section 三) is held as stated, and
    :attr:`table_templates` says which tables depart from ``template``.
    """

    template: str = attrs.field(validator=_template)
    metadata: Metadata
    preamble: str | None = attrs.field(default=None, validator=_optional_str)
    overview: Overview = attrs.field(factory=Overview)
    proactive: Table = attrs.field(validator=_table_of("proactive"))
    applications: Table = attrs.field(validator=_table_of("applications"))
    review_litigation: Table = attrs.field(validator=_table_of("review_litigation"))
    table_sections: TableSections = attrs.field(factory=TableSections)
    problems: Narrative = attrs.field(factory=Narrative)
    other_matters: OtherMatters = attrs.field(factory=OtherMatters)
    closing: str | None = attrs.field(default=None, validator=_optional_str)

    @property
    def template_spec(self) -> TemplateSpec:
        """The description of the template this report follows."""
        return get_template(self.template)

    @property
    def tables(self) -> dict[str, Table]:
        """The three fixed tables by id: ``proactive``, ``applications``, ``review_litigation``."""
        return {t: getattr(self, t) for t in TABLE_IDS}

    @property
    def table_templates(self) -> dict[str, str]:
        """Tables whose layout is not the report's template, mapped to the layout's version."""
        out: dict[str, str] = {}
        for table_id, table in self.tables.items():
            # A table both templates share (section 四) follows either: not a departure.
            if self.template_spec.table(table_id) is not table.spec:
                out[table_id] = layout_version(table.spec)
        return out

    def table(self, table_id: str) -> Table:
        """One fixed table by id."""
        if table_id not in TABLE_IDS:
            raise KeyError(f"no table {table_id!r}; the tables are {', '.join(TABLE_IDS)}")
        table: Table = getattr(self, table_id)
        return table

    # --- derived values a notebook needs ------------------------------------------------------

    def applicant_sum(self, row_id: str, *, blank_as_zero: bool = False) -> Number | None:
        """Section 三: the sum of the six applicant columns of a row (what ``total`` should be)."""
        return self.applications.computed(row_id, "total", blank_as_zero=blank_as_zero)

    def outcome_sum(self, column_id: str, *, blank_as_zero: bool = False) -> Number | None:
        """Section 三: the sum of the outcome rows in a column (``results_total``'s due value)."""
        return self.applications.computed("results_total", column_id, blank_as_zero=blank_as_zero)

    def subtotal(self, group_id: str, column_id: str = "total", *, blank_as_zero: bool = False
                 ) -> Number | None:
        """Section 三: a group's subtotal, e.g. ``subtotal("denied")`` over the ``denied`` rows."""
        return self.applications.subtotal(group_id, column_id, blank_as_zero=blank_as_zero)

    def review_litigation_sum(self, row_id: str, *, blank_as_zero: bool = False
                              ) -> Number | None:
        """Section 四: the sum of the four outcomes of a group (what its ``total`` should be)."""
        return self.review_litigation.computed(row_id, "total", blank_as_zero=blank_as_zero)

    def with_table(self, table: Table) -> Report:
        """A copy with one fixed table replaced (chosen by the table's id)."""
        changes: dict[str, Any] = {table.spec.id: table}
        return attrs.evolve(self, **changes)

    def _repr_html_(self) -> str:
        """The report as an HTML page with its tables in the official layout, for notebooks."""
        return html_of(self)


def layout_version(spec: TableSpec, prefer: str | None = None) -> str:
    """The template version whose description ``spec`` is.

    A table that several templates share (section 四) belongs to each of them: ``prefer`` (e.g.
    the report's own template) is returned when it is one of them, else the newest.
    """
    if prefer is not None and prefer in TEMPLATES and TEMPLATES[prefer].table(spec.id) is spec:
        return prefer
    for template in TEMPLATES.values():
        if template.table(spec.id) is spec:
            return template.version
    raise ValueError(f"table {spec.id} is not part of a known template")


def empty_report(
    template: str | None = None,
    *,
    agency: str,
    year: int,
    **metadata: Any,
) -> Report:
    """A report of ``template`` with every table cell blank and no narrative text.

    ``template``: a version id (default: the newest template,
    :attr:`gi_report.form.TEMPLATES.newest <gi_report.form.TemplateRegistry.newest>`). Extra
    keyword arguments go to :class:`Metadata` (``division_code``, ``source``…).
    """
    spec = TEMPLATES.newest if template is None else get_template(template)
    return Report(
        template=spec.version,
        metadata=Metadata(agency=agency, year=year, **metadata),
        proactive=Table.blank(spec.table("proactive")),
        applications=Table.blank(spec.table("applications")),
        review_litigation=Table.blank(spec.table("review_litigation")),
    )
