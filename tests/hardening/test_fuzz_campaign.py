"""A few hundred cases of the fuzzing harness (``benchmarks/fuzz.py``) in the suite: every
mutated document or value is read cleanly or refused with a documented error, and the readers
agree with each other. The harness runs the full campaign (10,000 cases a kind) with timeouts
and memory limits; here the cases run in this process, without them."""

from __future__ import annotations

import pytest

from benchmarks import fuzz

SEED = 7  # not the campaign's seed (11): these cases are others
COUNTS = {"html": 35, "text": 35, "markdown": 35, "docx": 20, "pdf": 10, "json": 50, "xml": 15}
CASES = [(kind, index) for kind, count in COUNTS.items() for index in range(count)]


@pytest.mark.parametrize(("kind", "index"), CASES, ids=[f"{k}:{i}" for k, i in CASES])
def test_fuzz_case_is_clean_or_a_documented_error(kind: str, index: int) -> None:
    outcome, detail = fuzz.run_case(SEED, kind, index)
    assert outcome in ("clean", "documented"), f"{kind}:{index} {outcome}: {detail}"


def test_the_harness_makes_each_case_the_same_way_every_time() -> None:
    assert fuzz.make_document(SEED, "html", 3) == fuzz.make_document(SEED, "html", 3)
    assert fuzz.make_document(SEED, "html", 3) != fuzz.make_document(SEED, "html", 4)


def test_the_harness_classifies_an_undocumented_exception_as_a_crash(
        monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(kind: str, data: bytes, given: bool) -> None:
        raise KeyError("boom")

    monkeypatch.setattr(fuzz, "_import_case", broken)
    outcome, detail = fuzz.run_case(SEED, "html", 0)
    assert outcome == "crash" and "KeyError" in detail


def test_the_small_pdf_seeds_are_reports_that_import() -> None:
    """Most PDF cases start from small PDFs (cheap enough for 10,000 cases): each must be a
    report fragment the importer reads, so mutations reach the table and text readers, not only
    the refusals."""
    from gi_report import read_document

    groups = fuzz.pdf_seeds()
    assert all(groups[name] for name in fuzz.PDF_WEIGHTS)
    for data in groups["small"]:
        assert len(data) < 4096
        result = read_document(data, kind="pdf", warn=False)
        assert any(v is not None for t in result.report.tables.values() for *_, v in t.cells())
