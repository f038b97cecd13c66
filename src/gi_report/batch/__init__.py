"""Batch processing: thousands of report files into one table of results (``gi-report batch``)."""

from __future__ import annotations

from gi_report.batch.discover import discover, iter_entries
from gi_report.batch.output import FORMATS, ResultWriter, output_format, read_rows
from gi_report.batch.process import RESULT_FIELDS, STATUSES, process_file
from gi_report.batch.runner import BatchSummary, default_jobs, run_batch

__all__ = [
    "FORMATS",
    "RESULT_FIELDS",
    "STATUSES",
    "BatchSummary",
    "ResultWriter",
    "default_jobs",
    "discover",
    "iter_entries",
    "output_format",
    "process_file",
    "read_rows",
    "run_batch",
]
