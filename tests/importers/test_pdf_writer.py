"""The minimal PDF writer (:mod:`benchmarks.fidelity_harness.pdfwriter`) checked: what it writes
reads back with pdfplumber. The writer lives with the fidelity harness, which renders damaged
documents as PDF with it; the tests import it from here or from there."""

from __future__ import annotations

import io

import pdfplumber

from benchmarks.fidelity_harness.pdfwriter import DESCENT, HEIGHT, WIDTH, PageSpec, pdf_bytes

__all__ = ["DESCENT", "HEIGHT", "WIDTH", "PageSpec", "pdf_bytes"]


# --- the writer's own tests ---------------------------------------------------------------------


def test_written_chinese_text_reads_back_with_pdfplumber() -> None:
    page = PageSpec()
    page.text(100, 100, "一、总体情况 2024年")
    pdf = pdfplumber.open(io.BytesIO(pdf_bytes([page])))
    with pdf:
        chars = pdf.pages[0].chars
        assert "".join(c["text"] for c in chars) == "一、总体情况 2024年"
        assert abs(chars[0]["top"] - 100) < 0.5
        assert abs(chars[0]["x0"] - 100) < 0.5


def test_polylines_read_back_as_curves() -> None:
    page = PageSpec()
    page.polylines.append([(50, 100), (50, 150), (50, 200)])
    with pdfplumber.open(io.BytesIO(pdf_bytes([page]))) as pdf:
        (curve,) = pdf.pages[0].curves
        assert [(round(x), round(t)) for x, t in curve["pts"]] == [(50, 100), (50, 150), (50, 200)]


def test_written_rules_read_back_as_lines() -> None:
    page = PageSpec()
    page.rule(50, 100, 300, 100)
    page.rule(50, 100, 50, 200)
    with pdfplumber.open(io.BytesIO(pdf_bytes([page]))) as pdf:
        lines = pdf.pages[0].lines
        assert len(lines) == 2
        assert {(round(ln["x0"]), round(ln["top"]), round(ln["x1"]), round(ln["bottom"]))
                for ln in lines} == {(50, 100, 300, 100), (50, 100, 50, 200)}
