"""Shared helpers of the XML tests: real reports, XML-hostile text, the committed XSD files."""

from __future__ import annotations

from decimal import Decimal
from functools import cache
from pathlib import Path

import attrs
from hypothesis import strategies as st
from lxml import etree

from gi_report import Report
from tests.corpus import corpus_report
from tests.corpus import names as corpus_names
from tests.strategies import reports

__all__ = ["corpus_names", "corpus_report"]

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "2022-beijing-xicheng-cgzx.json"
SCHEMAS = ROOT / "schemas"
ATTACKS = Path(__file__).resolve().parent / "attacks"

FORBIDDEN = [chr(c) for c in (*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20))] + [
    "\ufffe",
    "\uffff",
]
"""Every character XML 1.0 forbids that the model accepts (lone surrogates it refuses)."""

# Text that stresses XML: forbidden characters, CR (which parsers turn into LF unless escaped),
# markup characters, whitespace-only runs, and any other Unicode scalar value.
hostile_texts = st.lists(
    st.one_of(
        st.sampled_from([*FORBIDDEN, "\r", "\r\n", "\n", "\t", " ", "<", "&", "]]>", '"', "'",
                         "\u3000", "\x85", "\u2028", "\U0001fffe", "\U0010ffff"]),
        st.text(alphabet=st.characters(exclude_categories=("Cs",)), max_size=5),
    ),
    max_size=12,
).map("".join)


# Decimals in every written form: trailing zeros (0.350), exponents (1E+2, 5E-7), big and tiny.
lexical_decimals = st.from_regex(
    r"\A(0|[1-9][0-9]{0,20})(\.[0-9]{1,12})?([Ee][+-]?[0-9]{1,2})?\Z"
).map(Decimal) | st.sampled_from([Decimal("0.350"), Decimal("1E+2"), Decimal("0E-5")])


@st.composite
def hostile_reports(draw: st.DrawFn) -> Report:
    """A report of the shared strategy whose texts and amounts are rewritten to stress XML."""
    report = draw(reports())
    optional = st.none() | hostile_texts
    fees = report.other_matters
    report = attrs.evolve(report, other_matters=attrs.evolve(
        fees,
        processing_fee_notices_amount_yuan=draw(st.none() | lexical_decimals),
        processing_fee_collected_amount_yuan=draw(lexical_decimals),
    ))
    return attrs.evolve(
        report,
        preamble=draw(optional),
        closing=draw(optional),
        metadata=attrs.evolve(report.metadata, agency=draw(hostile_texts.filter(bool)),
                              title=draw(optional)),
        problems=attrs.evolve(report.problems, heading=draw(optional), text=draw(optional)),
    )


@cache
def committed_schema(version: str) -> etree.XMLSchema:
    """The XSD of ``version`` compiled from the committed file in ``schemas/``."""
    return etree.XMLSchema(etree.parse(str(SCHEMAS / f"gi-report-{version}.xsd")))
