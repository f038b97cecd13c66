"""Every blank cell of an imported report has a stated reason, and ``check`` prints it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from gi_report import read_document
from gi_report.cli import main
from gi_report.importers.blanks import UNEXPLAINED, blank_cells
from tests.importers.expected import CORPUS, WILD

DOCUMENTS = sorted(
    p for p in [*CORPUS.iterdir(), *WILD.iterdir()]
    if p.is_file() and p.suffix in {".txt", ".html", ".md", ".pdf", ".docx"}
    and p.name != "SOURCES.md")


@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda p: p.name)
def test_no_blank_cell_without_a_reason(path: Path) -> None:
    result = read_document(path, warn=False)
    blanks = blank_cells(result)
    assert [b.pointer for b in blanks if b.code == UNEXPLAINED] == []
    got = {f"/{t}/{r}/{c}" for t, table in result.report.tables.items()
           for r, c, v in table.cells() if v is None}
    assert {b.pointer for b in blanks} == got
    for b in blanks:
        assert b.notice is not None and b.pointer in b.notice.cells


def test_check_names_the_reason_of_each_blank_cell(capsys: pytest.CaptureFixture[str]) -> None:
    path = str(WILD / "2022-pingtan-nyn.txt")
    assert main(["check", path]) == 1
    out = capsys.readouterr().out
    section = out[out.index("空白单元格（3 个）"):]
    assert "/proactive/normative_documents/issued_this_year" in section
    assert "split.ambiguous" in section and "5125" in section
    assert main(["check", path, "--format", "json"]) == 1
    record = json.loads(capsys.readouterr().out)
    assert [(b["pointer"].split("/")[2], b["code"]) for b in record["blank_cells"]] == [
        ("normative_documents", "split.ambiguous")] * 3
