"""gi-report: China's Government Information Disclosure Annual Reports as typed, validated data."""

from __future__ import annotations

from gi_report.analysis import (
    Comparison,
    Coverage,
    HarmonisedResult,
    MetricValue,
    RollupResult,
    compare_reports,
    compute_metrics,
    harmonise,
    metrics_frame,
    sum_reports,
    to_frame,
)
from gi_report.batch import BatchSummary, run_batch
from gi_report.codec.json import dump, from_dict, from_json, load, to_dict, to_json
from gi_report.codec.xml import dump_xml, from_xml, load_xml, to_xml
from gi_report.errors import (
    CellError,
    DocumentError,
    GIReportError,
    IncompatibleReportsError,
    InputTooLargeError,
    MissingExtraError,
    Problem,
    TemplateMismatchError,
    UnknownTemplateError,
    UnsafeXMLError,
    UnsupportedFormatError,
    XMLDocumentError,
    XMLProblem,
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
from gi_report.validation import (
    Finding,
    Severity,
    ValidationReport,
    validate,
    validate_document,
    validate_series,
)
from gi_report.xsd import xsd_documents

__version__ = "0.1.0.dev0"

__all__ = [
    "FORMAT_VERSION",
    "SCHEMA_ID",
    "TEMPLATES",
    "BatchSummary",
    "CellError",
    "CellValue",
    "Comparison",
    "Coverage",
    "DocumentError",
    "Finding",
    "GIReportError",
    "HarmonisedResult",
    "IncompatibleReportsError",
    "InputTooLargeError",
    "Metadata",
    "MetricValue",
    "MissingExtraError",
    "Narrative",
    "OtherMatters",
    "Overview",
    "Problem",
    "Report",
    "RollupResult",
    "Severity",
    "Subsection",
    "Table",
    "TableSections",
    "TemplateMismatchError",
    "UnknownTemplateError",
    "UnsafeXMLError",
    "UnsupportedFormatError",
    "ValidationReport",
    "XMLDocumentError",
    "XMLProblem",
    "__version__",
    "compare_reports",
    "compute_metrics",
    "dump",
    "dump_xml",
    "empty_report",
    "from_dict",
    "from_json",
    "from_xml",
    "get_template",
    "harmonise",
    "json_schema",
    "load",
    "load_xml",
    "metrics_frame",
    "run_batch",
    "sum_reports",
    "template_for_year",
    "to_dict",
    "to_frame",
    "to_json",
    "to_xml",
    "validate",
    "validate_document",
    "validate_series",
    "xsd_documents",
]
