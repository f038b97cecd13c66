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
from gi_report.analysis.compare import CarryOver, CellDelta, TextSimilarity
from gi_report.analysis.harmonise import UnmappedCell
from gi_report.analysis.metrics import MetricDefinition, Term
from gi_report.analysis.rollup import Child
from gi_report.batch import BatchSummary, run_batch
from gi_report.codec.json import dump, from_dict, from_json, load, to_dict, to_json
from gi_report.codec.xml import dump_xml, from_xml, load_xml, to_xml
from gi_report.errors import (
    CellError,
    CorruptDocumentError,
    DocumentError,
    EncryptedDocumentError,
    GIReportError,
    GIReportWarning,
    IncompatibleReportsError,
    InputTooLargeError,
    MissingExtraError,
    NoTextLayerError,
    Problem,
    ReportImportError,
    ReportImportWarning,
    TemplateMismatchError,
    UnknownTemplateError,
    UnrecognisedDocumentError,
    UnsafeDocumentError,
    UnsafeXMLError,
    UnsupportedFormatError,
    UnsupportedKindError,
    XMLDocumentError,
    XMLProblem,
)
from gi_report.form import TEMPLATES, get_template, template_for_year
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
from gi_report.importers.api import read_document
from gi_report.importers.blocks import Location
from gi_report.importers.result import ImportResult, Level, Notice
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
from gi_report.render.html import render_html as _render_html
from gi_report.render.html import render_table_html as _render_table_html
from gi_report.schema import FORMAT_VERSION, SCHEMA_ID, json_schema
from gi_report.table import CellValue, RowValues, Table
from gi_report.table import register_html as _register_html
from gi_report.validation import (
    Finding,
    Severity,
    ValidationReport,
    validate,
    validate_document,
    validate_series,
)
from gi_report.validation.findings import Operand, Status
from gi_report.xsd import xsd_documents

_register_html(Report, _render_html)
_register_html(Table, _render_table_html)

__version__ = "0.1.0.dev0"

__all__ = [
    "FORMAT_VERSION",
    "SCHEMA_ID",
    "TEMPLATES",
    "Balance",
    "BatchSummary",
    "CarryOver",
    "CellDelta",
    "CellError",
    "CellKind",
    "CellRef",
    "CellValue",
    "Child",
    "ColumnSpec",
    "ColumnTotal",
    "Comparison",
    "CorruptDocumentError",
    "Coverage",
    "DocumentError",
    "EncryptedDocumentError",
    "FieldSpec",
    "Finding",
    "GIReportError",
    "GIReportWarning",
    "GroupSpec",
    "HarmonisedResult",
    "ImportResult",
    "IncompatibleReportsError",
    "InputTooLargeError",
    "Level",
    "Location",
    "Metadata",
    "MetricDefinition",
    "MetricValue",
    "MissingExtraError",
    "Narrative",
    "NoTextLayerError",
    "Notice",
    "Operand",
    "OtherMatters",
    "Overview",
    "Problem",
    "Relation",
    "Report",
    "ReportImportError",
    "ReportImportWarning",
    "RollupResult",
    "RowSpec",
    "RowTotal",
    "RowValues",
    "SectionSpec",
    "Severity",
    "Status",
    "Subsection",
    "Table",
    "TableSections",
    "TableSpec",
    "TemplateMismatchError",
    "TemplateSpec",
    "Term",
    "TextSimilarity",
    "TopicSpec",
    "UnknownTemplateError",
    "UnmappedCell",
    "UnrecognisedDocumentError",
    "UnsafeDocumentError",
    "UnsafeXMLError",
    "UnsupportedFormatError",
    "UnsupportedKindError",
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
    "read_document",
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
