"""The parts of a report every document renderer writes, in order, with their headings.

Shared by the HTML and Markdown renderers: the title, and for each of the six sections its
heading (as the report prints it, else the official one), text, sub-sections and fixed table.
"""

from __future__ import annotations

from collections.abc import Iterator

import attrs

from gi_report.model import Narrative, OtherMatters, Report
from gi_report.table import Table


@attrs.frozen
class RenderedSection:
    """One numbered section as a renderer writes it."""

    heading: str
    text: str | None
    subsections: tuple[tuple[str, str], ...] = ()
    table: Table | None = None


def report_title(report: Report) -> str:
    """The report's title as printed, else one made of the agency and the year."""
    meta = report.metadata
    return meta.title or f"{meta.agency}{meta.year}年政府信息公开工作年度报告"


def sections(report: Report) -> Iterator[RenderedSection]:
    """The six sections in order, each with what the report states for it."""
    spec = report.template_spec
    narratives: dict[str, Narrative | OtherMatters] = {
        "problems": report.problems,
        "other_matters": report.other_matters,
        "proactive": report.table_sections.proactive,
        "applications": report.table_sections.applications,
        "review_litigation": report.table_sections.review_litigation,
    }
    for section in spec.sections:
        if section.id == "overview":
            yield RenderedSection(
                heading=report.overview.heading or section.heading,
                text=report.overview.text,
                subsections=tuple((s.heading, s.text) for s in report.overview.subsections),
            )
            continue
        narrative = narratives[section.id]
        table = report.table(section.id) if section.id in report.tables else None
        yield RenderedSection(heading=narrative.heading or section.heading,
                              text=narrative.text, table=table)
