"""The official template, described once as data.

``TEMPLATES`` maps a template version (``"2019"``, ``"2021"``) to its :class:`TemplateSpec`.
"""

from __future__ import annotations

from gi_report.errors import UnknownTemplateError
from gi_report.form import v2019, v2021
from gi_report.form.spec import (
    Balance,
    CellKind,
    CellRef,
    ColumnSpec,
    ColumnTotal,
    FieldSpec,
    GroupSpec,
    Relation,
    RowSpec,
    RowTotal,
    SectionSpec,
    TableSpec,
    TemplateSpec,
    TopicSpec,
)

TEMPLATES: dict[str, TemplateSpec] = {t.version: t for t in (v2021.TEMPLATE, v2019.TEMPLATE)}
TABLE_IDS: tuple[str, ...] = ("proactive", "applications", "review_litigation")


def get_template(version: str) -> TemplateSpec:
    """The template with this version id, or :class:`UnknownTemplateError`."""
    try:
        return TEMPLATES[version]
    except (KeyError, TypeError):
        raise UnknownTemplateError(version, sorted(TEMPLATES)) from None


def template_for_year(year: int) -> TemplateSpec:
    """The template in force for reports on ``year`` (2019–2020: 2019; 2021 on: 2021)."""
    for template in TEMPLATES.values():
        if template.applies_to(year):
            return template
    raise UnknownTemplateError(
        f"no template for report year {year}", sorted(TEMPLATES)
    )


__all__ = [
    "TABLE_IDS",
    "TEMPLATES",
    "Balance",
    "CellKind",
    "CellRef",
    "ColumnSpec",
    "ColumnTotal",
    "FieldSpec",
    "GroupSpec",
    "Relation",
    "RowSpec",
    "RowTotal",
    "SectionSpec",
    "TableSpec",
    "TemplateSpec",
    "TopicSpec",
    "get_template",
    "template_for_year",
]
