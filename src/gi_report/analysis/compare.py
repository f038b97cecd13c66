"""Year over year: two reports of one agency compared cell by cell and text by text.

``compare_reports(previous, current)`` gives the change of every cell the two layouts share, the
carry-over check (R8: this year's 上年结转 equals last year's 结转下年度, column by column) and how
similar the narrative sections are — evaluators flag a report that copies last year's (内容雷同).

Text similarity is the **Jaccard index of character 4-gram shingles** (|A ∩ B| / |A ∪ B| over the
sets of 4-character substrings), computed after removing whitespace and replacing every digit with
``#`` so that a text copied with only its year and figures changed still scores 1.0. Shingles
ignore paragraph order and run in linear time (difflib's ratio is quadratic on long texts).
"""

from __future__ import annotations

import re
from decimal import Decimal

import attrs

from gi_report.carryover import CARRIED_FROM, CARRIED_TO, CarryStatus, carry_over
from gi_report.exact import subtract
from gi_report.form import TABLE_IDS
from gi_report.form.spec import CellRef
from gi_report.model import Report
from gi_report.table import CellValue

SHINGLE_SIZE = 4
"""Characters per shingle of the text-similarity score."""

COPY_THRESHOLD = 0.9
"""A narrative section at least this similar to last year's is flagged as a likely copy."""

SIMILARITY_METHOD = f"jaccard-char-{SHINGLE_SIZE}gram"
"""The name of the text-similarity method, recorded with every score."""


@attrs.frozen(kw_only=True)
class CellDelta:
    """One cell in both reports: the two stated values and their change."""

    cell: CellRef
    previous: CellValue
    current: CellValue

    @property
    def delta(self) -> int | Decimal | None:
        """``current − previous`` for numbers stated on both sides, else ``None``."""
        a, b = self.previous, self.current
        if a is None or b is None or isinstance(a, str) or isinstance(b, str):
            return None
        return subtract(b, a)

    @property
    def changed(self) -> bool:
        """Whether the stated values differ (a blank differs from 0)."""
        return self.previous != self.current


@attrs.frozen(kw_only=True)
class CarryOver:
    """R8 for one column of section 三: last year's 结转下年度 vs this year's 上年结转.

    The outcome is :func:`gi_report.carryover.carry_over`'s, the one ``validate_series`` reports
    too: a blank total counts as the sum of its stated parts; a blank that could hide either
    outcome makes the column not evaluable, and ``missing`` names it.
    """

    column: str
    carried_to_next_year: CellValue  #: stated in the previous report
    carried_from_last_year: CellValue  #: stated in the current report
    status: CarryStatus  #: ``"ok"``, ``"mismatch"`` or ``"not_evaluable"`` (a ``str``)
    reason: str | None = None
    missing: tuple[str, ...] = ()  #: ``<year> <pointer>`` of each blank cell in the way


@attrs.frozen(kw_only=True)
class TextSimilarity:
    """How similar one narrative section is in the two reports (``None``: a side is empty)."""

    section: str
    score: float | None
    method: str = SIMILARITY_METHOD

    @property
    def flagged(self) -> bool:
        """Whether the score reaches :data:`COPY_THRESHOLD` (a likely copy of last year's text)."""
        return self.score is not None and self.score >= COPY_THRESHOLD


@attrs.frozen(kw_only=True)
class Comparison:
    """The year-over-year comparison of two reports."""

    previous: tuple[str, int]  #: (agency, year)
    current: tuple[str, int]
    same_agency: bool
    consecutive: bool  #: whether ``current`` is the year after ``previous``
    deltas: tuple[CellDelta, ...]
    only_previous: tuple[CellRef, ...]  #: cells the previous layout has and the current lacks
    only_current: tuple[CellRef, ...]
    carry_over: tuple[CarryOver, ...]
    text: tuple[TextSimilarity, ...]

    @property
    def changed(self) -> tuple[CellDelta, ...]:
        """The cells whose stated value changed."""
        return tuple(d for d in self.deltas if d.changed)

    @property
    def carry_over_ok(self) -> bool | None:
        """True if every column passed R8, False if one failed, None if none was evaluable."""
        statuses = {c.status for c in self.carry_over}
        if "mismatch" in statuses:
            return False
        return True if "ok" in statuses else None

    @property
    def flagged_sections(self) -> tuple[str, ...]:
        """Narrative sections likely copied from the previous report."""
        return tuple(t.section for t in self.text if t.flagged)


_DIGITS = re.compile(r"[0-9０-９〇一二三四五六七八九十]")  # year and figures, Arabic or Chinese
_SPACE = re.compile(r"\s+")


def shingles(text: str, size: int = SHINGLE_SIZE) -> set[str]:
    """The set of ``size``-character shingles of ``text`` (whitespace removed, digits as ``#``)."""
    norm = _DIGITS.sub("#", _SPACE.sub("", text))
    if len(norm) < size:
        return {norm} if norm else set()
    return {norm[i : i + size] for i in range(len(norm) - size + 1)}


def text_similarity(a: str | None, b: str | None) -> float | None:
    """Jaccard index of the two texts' shingles; ``None`` if either text is empty."""
    sa, sb = shingles(a or ""), shingles(b or "")
    if not sa or not sb:
        return None
    return len(sa & sb) / len(sa | sb)


def narrative_sections(report: Report) -> dict[str, str]:
    """The report's free text by section id (section 一 with its sub-sections joined)."""
    overview = report.overview
    parts = [overview.text or ""]
    parts += [f"{s.heading}\n{s.text}" for s in overview.subsections]
    sections = {
        "overview": "\n".join(p for p in parts if p),
        "proactive": report.table_sections.proactive.text or "",
        "applications": report.table_sections.applications.text or "",
        "review_litigation": report.table_sections.review_litigation.text or "",
        "problems": report.problems.text or "",
        "other_matters": report.other_matters.text or "",
    }
    sections["all"] = "\n".join(v for v in sections.values() if v)
    return sections


def _carry_over(previous: Report, current: Report) -> tuple[CarryOver, ...]:
    last, this = previous.applications, current.applications
    consecutive = current.metadata.year == previous.metadata.year + 1
    to_label = last.spec.row(CARRIED_TO).label
    from_label = this.spec.row(CARRIED_FROM).label
    out = []
    for check in carry_over(last, this):
        before = last[CARRIED_TO, check.column]
        now = this[CARRIED_FROM, check.column]
        missing = (*(f"{previous.metadata.year} {p}" for p in check.missing_previous),
                   *(f"{current.metadata.year} {p}" for p in check.missing_current))
        status, reason = check.status, None
        if not consecutive:
            status = CarryStatus.NOT_EVALUABLE
            reason, missing = "the reports are not of consecutive years", ()
        elif status is CarryStatus.NOT_EVALUABLE:
            reason = "a blank cell: " + ", ".join(missing) if missing else "a cell is not a number"
        elif status is CarryStatus.MISMATCH:
            reason = (f"{to_label} {check.carried_to_next_year.text()[0]} ≠ "
                      f"{from_label} {check.carried_from_last_year.text()[0]}")
        out.append(CarryOver(column=check.column, carried_to_next_year=before,
                             carried_from_last_year=now, status=status, reason=reason,
                             missing=missing))
    return tuple(out)


def compare_reports(previous: Report, current: Report) -> Comparison:
    """Compare an agency's report (``current``) with the one before (``previous``).

    Cells are compared where both layouts have the same (table, row, column) ids; cells only one
    layout has are listed. The carry-over check runs only for consecutive years.
    """
    deltas: list[CellDelta] = []
    only_previous: list[CellRef] = []
    only_current: list[CellRef] = []
    for table_id in TABLE_IDS:
        a, b = previous.table(table_id), current.table(table_id)
        for row, column, value in a.cells():
            ref = CellRef(table=table_id, row=row, column=column)
            if b.spec.has_cell(row, column):
                deltas.append(CellDelta(cell=ref, previous=value, current=b[row, column]))
            else:
                only_previous.append(ref)
        for row, column, _ in b.cells():
            if not a.spec.has_cell(row, column):
                only_current.append(CellRef(table=table_id, row=row, column=column))
    texts_a, texts_b = narrative_sections(previous), narrative_sections(current)
    similarity = tuple(
        TextSimilarity(section=s, score=text_similarity(texts_a[s], texts_b[s])) for s in texts_a
    )
    pm, cm = previous.metadata, current.metadata
    return Comparison(
        previous=(pm.agency, pm.year),
        current=(cm.agency, cm.year),
        same_agency=pm.agency == cm.agency,
        consecutive=cm.year == pm.year + 1,
        deltas=tuple(deltas),
        only_previous=tuple(only_previous),
        only_current=tuple(only_current),
        carry_over=_carry_over(previous, current),
        text=similarity,
    )
