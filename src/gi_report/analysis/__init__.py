"""Analysis across reports: data frames, harmonisation, roll-ups, metrics, year-over-year.

pandas is needed only for :func:`to_frame` and :func:`metrics_frame` (extra ``pandas``); the rest
works on the model alone.
"""

from __future__ import annotations

from gi_report.analysis.compare import (
    CarryOver,
    CellDelta,
    Comparison,
    TextSimilarity,
    compare_reports,
    text_similarity,
)
from gi_report.analysis.frames import metrics_frame, to_frame
from gi_report.analysis.harmonise import HarmonisedResult, UnmappedCell, harmonise
from gi_report.analysis.mapping import CellMapping, MappingKind, mapping_rules
from gi_report.analysis.metrics import (
    CATALOGUE,
    METRICS,
    MetricDefinition,
    MetricValue,
    compute_metrics,
)
from gi_report.analysis.rollup import Child, Coverage, RollupResult, sum_reports

__all__ = [
    "CATALOGUE",
    "METRICS",
    "CarryOver",
    "CellDelta",
    "CellMapping",
    "Child",
    "Comparison",
    "Coverage",
    "HarmonisedResult",
    "MappingKind",
    "MetricDefinition",
    "MetricValue",
    "RollupResult",
    "TextSimilarity",
    "UnmappedCell",
    "compare_reports",
    "compute_metrics",
    "harmonise",
    "mapping_rules",
    "metrics_frame",
    "sum_reports",
    "text_similarity",
    "to_frame",
]
