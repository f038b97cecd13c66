"""The official template, described once as data.

``TEMPLATES`` maps a template version to its :class:`TemplateSpec`, newest first (read-only;
``TEMPLATES.newest`` is the default layout). Everything else in gi-report asks this package for
the facts of the form: labels, relations and their wording, the mapping between templates.
"""

from __future__ import annotations

from gi_report.form.registry import (
    BUILTIN,
    TEMPLATES,
    ActiveTemplates,
    TemplateRegistry,
    newest_template,
    per_registry,
    registered,
)
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

TABLE_IDS: tuple[str, ...] = ("proactive", "applications", "review_litigation")


def get_template(version: str) -> TemplateSpec:
    """The template in force with this version id, or :class:`UnknownTemplateError`."""
    return TEMPLATES.get_template(version)


def template_for_year(year: int) -> TemplateSpec:
    """The template in force for reports on ``year`` (the newest whose years include it)."""
    return TEMPLATES.for_year(year)


__all__ = [
    "BUILTIN",
    "TABLE_IDS",
    "TEMPLATES",
    "ActiveTemplates",
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
    "TemplateRegistry",
    "TemplateSpec",
    "TopicSpec",
    "get_template",
    "newest_template",
    "per_registry",
    "registered",
    "template_for_year",
]
