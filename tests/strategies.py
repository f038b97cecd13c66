"""Hypothesis strategies for arbitrary valid reports of both templates (shared by all tests)."""

from __future__ import annotations

from decimal import Decimal
from functools import cache

from hypothesis import strategies as st

from gi_report import Metadata, Narrative, OtherMatters, Overview, Report, Subsection, Table
from gi_report.form import TABLE_IDS, TEMPLATES
from gi_report.form.spec import CellKind, TableSpec
from gi_report.model import AGENCY_LEVELS, MAX_YEAR, MIN_YEAR, TableSections
from gi_report.table import CellValue

# Any Unicode scalar value (no lone surrogates: they are not text and cannot be UTF-8).
texts = st.text(alphabet=st.characters(exclude_categories=("Cs",)))
optional_texts = st.none() | texts

amounts = st.decimals(min_value=0, max_value=Decimal("1e15"), allow_nan=False,
                      allow_infinity=False).filter(lambda d: not d.is_signed())

_CELLS = {
    CellKind.COUNT: st.integers(min_value=0, max_value=10**15),
    CellKind.SIGNED_COUNT: st.integers(min_value=-(10**9), max_value=10**9),
    CellKind.AMOUNT: amounts,
    CellKind.TEXT: texts,
}


def cell_values(kind: CellKind, blank: float = 0.3) -> st.SearchStrategy[CellValue]:
    """A cell of ``kind``: often blank, else small, sometimes very large numbers."""
    return st.one_of(st.none(), _CELLS[kind]) if blank else _CELLS[kind]


@cache  # built (and validated by Hypothesis) once per layout, not at every draw
def tables(spec: TableSpec) -> st.SearchStrategy[Table]:
    """A table of the given layout with arbitrary cell values (no arithmetic implied)."""
    rows = [
        st.tuples(*(cell_values(spec.column(c).kind) for c in row.columns)) for row in spec.rows
    ]
    return st.tuples(*rows).map(lambda values: Table(spec=spec, values=tuple(values)))


metadata = st.builds(
    Metadata,
    agency=texts.filter(bool),
    year=st.integers(min_value=MIN_YEAR, max_value=MAX_YEAR),
    division_code=st.none() | st.from_regex(r"\A[0-9]{6}([0-9]{3}|[0-9]{6})?\Z"),
    agency_level=st.none() | st.sampled_from(sorted(AGENCY_LEVELS)),
    publication_date=st.none() | st.dates(),
    source=optional_texts,
    title=optional_texts,
)
narratives = st.builds(Narrative, heading=optional_texts, text=optional_texts)
overviews = st.builds(
    Overview,
    heading=optional_texts,
    text=optional_texts,
    subsections=st.lists(st.builds(Subsection, heading=texts, text=texts), max_size=4).map(tuple),
)
table_sections = st.builds(TableSections, proactive=narratives, applications=narratives,
                           review_litigation=narratives)
other_matters = st.builds(
    OtherMatters,
    heading=optional_texts,
    text=optional_texts,
    processing_fee_notices_count=cell_values(CellKind.COUNT),
    processing_fee_notices_amount_yuan=cell_values(CellKind.AMOUNT),
    processing_fee_collected_amount_yuan=cell_values(CellKind.AMOUNT),
)


@st.composite
def reports(draw: st.DrawFn, templates: tuple[str, ...] = ("2019", "2021"),
            mixed: bool = True) -> Report:
    """An arbitrary valid report; with ``mixed``, tables may follow the other template's layout."""
    version = draw(st.sampled_from(templates))
    layouts = {t: version for t in TABLE_IDS}
    if mixed and draw(st.booleans()):
        layouts["applications"] = draw(st.sampled_from(sorted(TEMPLATES)))
    return Report(
        template=version,
        metadata=draw(metadata),
        preamble=draw(optional_texts),
        overview=draw(overviews),
        table_sections=draw(table_sections),
        problems=draw(narratives),
        other_matters=draw(other_matters),
        closing=draw(optional_texts),
        **{t: draw(tables(TEMPLATES[layouts[t]].table(t))) for t in TABLE_IDS},
    )
