"""gi-report: China's Government Information Disclosure Annual Reports as typed, validated data."""

from __future__ import annotations

from gi_report.codec.json import dump, from_dict, from_json, load, to_dict, to_json
from gi_report.errors import (
    CellError,
    DocumentError,
    GIReportError,
    InputTooLargeError,
    Problem,
    UnknownTemplateError,
)
from gi_report.form import TEMPLATES, get_template, template_for_year
from gi_report.model import (
    Metadata,
    Narrative,
    OtherMatters,
    Overview,
    Report,
    Subsection,
    TableSections,
    empty_report,
)
from gi_report.schema import FORMAT_VERSION, SCHEMA_ID, json_schema
from gi_report.table import CellValue, Table

__version__ = "0.1.0.dev0"

__all__ = [
    "FORMAT_VERSION",
    "SCHEMA_ID",
    "TEMPLATES",
    "CellError",
    "CellValue",
    "DocumentError",
    "GIReportError",
    "InputTooLargeError",
    "Metadata",
    "Narrative",
    "OtherMatters",
    "Overview",
    "Problem",
    "Report",
    "Subsection",
    "Table",
    "TableSections",
    "UnknownTemplateError",
    "__version__",
    "dump",
    "empty_report",
    "from_dict",
    "from_json",
    "get_template",
    "json_schema",
    "load",
    "template_for_year",
    "to_dict",
    "to_json",
]
