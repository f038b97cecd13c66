"""The text, Markdown and DOCX readers build their blocks, cells and locations by the slot
builders of :mod:`gi_report.importers.blocks`: the same documents as with the builders switched
off (each then calls the class), block for block, on real and generated documents."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from benchmarks.fidelity_harness import Case, build_case
from gi_report.importers import blocks
from gi_report.importers.blocks import ParsedDocument
from gi_report.importers.docx import parse_docx
from gi_report.importers.encoding import decode
from gi_report.importers.markdown import parse_markdown
from gi_report.importers.text import parse_text

CORPUS = Path(__file__).resolve().parents[1] / "data" / "corpus"


def _read(kind: str, data: bytes) -> ParsedDocument:
    if kind == "docx":
        return parse_docx(data, source="doc")
    reader: Callable[..., ParsedDocument] = parse_markdown if kind == "markdown" else parse_text
    return reader(decode(data).text, source="doc")


def _documents() -> list[tuple[str, str, bytes]]:
    """Real documents of the three kinds, and generated ones of every text form and DOCX."""
    found = [(path.name, {".txt": "text", ".md": "markdown", ".docx": "docx"}[path.suffix],
              path.read_bytes())
             for path in sorted(CORPUS.glob("*.*")) if path.suffix in (".txt", ".md", ".docx")]
    for seed, damages, form in [
            (7, (), "cell_per_line"), (8, (), "tab_rows"), (9, (), "pipe_rows"),
            (10, (), "one_line"), (11, (), "markdown"), (12, (), "docx"),
            (13, ("extra_table", "narrative_between"), "cell_per_line"),
            (14, ("table_numbering", "header_broken"), "markdown"),
            (15, ("vmerge_number", "extra_table"), "docx")]:
        _, text, kind = build_case(Case(seed, damages, form))
        found.append((f"{form}-{seed}", kind, text.encode() if isinstance(text, str) else text))
    return found


@pytest.mark.parametrize(("name", "kind", "data"), _documents(), ids=lambda v: str(v)[:24])
def test_blocks_built_by_the_builders_are_those_the_classes_build(
        name: str, kind: str, data: bytes, monkeypatch: pytest.MonkeyPatch) -> None:
    fast = _read(kind, data)
    for plain in ("_CELL", "_TEXT", "LOCATION_SETTERS"):  # every builder calls its class
        monkeypatch.setattr(blocks, plain, ())
    slow = _read(kind, data)
    assert fast == slow
    assert repr(fast) == repr(slow)
    assert [type(b) for b in fast.blocks] == [type(b) for b in slow.blocks]
