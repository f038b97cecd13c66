"""The importers' docs: the generated notice table is current, and every code used is catalogued."""

from __future__ import annotations

import re
from pathlib import Path

from gi_report.importers.result import NOTICE_CODES
from tools.gen.notice_catalogue import with_table

ROOT = Path(__file__).resolve().parents[2]
DOC = ROOT / "docs" / "importers.md"


def test_the_notice_table_in_the_docs_is_current() -> None:
    text = DOC.read_text(encoding="utf-8")
    assert with_table(text) == text, (
        "docs/importers.md is stale: run python tools/generate.py")


def test_every_notice_code_the_code_emits_is_catalogued_and_documented() -> None:
    used: set[str] = set()
    for path in (ROOT / "src" / "gi_report" / "importers").glob("*.py"):
        used |= set(re.findall(r'notice\(\s*"([a-z_]+\.[a-z_]+)"', path.read_text("utf-8")))
    assert used, "no notice(...) calls found"
    assert used <= set(NOTICE_CODES), used - set(NOTICE_CODES)
    text = DOC.read_text(encoding="utf-8")
    for code in NOTICE_CODES:
        assert f"`{code}`" in text


def test_each_kind_has_its_page() -> None:
    for kind in ("html", "text", "markdown"):
        page = ROOT / "docs" / f"import-{kind}.md"
        assert "## Supported" in page.read_text("utf-8") or "## One" in page.read_text("utf-8")
        assert "## Not supported" in page.read_text("utf-8")
