"""The Word writer: the official template filled in, its formatting kept, values as stated."""

from __future__ import annotations

import io
import shutil
import subprocess
import zipfile
from decimal import Decimal
from pathlib import Path

import attrs
import pytest
from lxml import etree

from gi_report import read_document, render
from gi_report.errors import UnsupportedFormatError
from gi_report.form import get_template
from gi_report.importers.blocks import TableBlock, TextBlock
from gi_report.importers.docx import parse_docx
from gi_report.model import Report
from gi_report.render.docx import render_docx
from gi_report.table import Table
from tests.render.helpers import BLANK_TEMPLATE, CORPUS, WILD, differences, generated

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _tables(data: bytes) -> list[TableBlock]:
    return [b for b in parse_docx(data).blocks if isinstance(b, TableBlock)]


def _xml_tables(data: bytes) -> list[etree._Element]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        root = etree.fromstring(archive.read("word/document.xml"))
    return root.findall(f".//{W}tbl")


def _blank(report: Report) -> Report:
    return attrs.evolve(report, **{
        table_id: Table(spec=t.spec, values=tuple((None,) * len(r) for r in t.values))
        for table_id, t in report.tables.items()})


def test_tables_have_the_blank_templates_grid_merged_cells_and_all() -> None:
    written = _tables(render_docx(generated(1, "2021", 0.2)))
    official = _tables(BLANK_TEMPLATE.read_bytes())
    assert len(written) == len(official) == 3
    for mine, theirs in zip(written, official, strict=True):
        assert [[c.origin if c else None for c in row] for row in mine.rows] == [
            [c.origin if c else None for c in row] for row in theirs.rows]


def test_table_and_cell_formatting_is_the_templates() -> None:
    written = _xml_tables(render_docx(generated(2, "2021", 0.0)))
    official = _xml_tables(BLANK_TEMPLATE.read_bytes())

    def xml(element: etree._Element | None) -> bytes:
        return b"" if element is None else etree.tostring(element, method="c14n")

    for mine, theirs in zip(written, official, strict=True):
        assert xml(mine.find(f"{W}tblPr")) == xml(theirs.find(f"{W}tblPr"))
        assert xml(mine.find(f"{W}tblGrid")) == xml(theirs.find(f"{W}tblGrid"))
        for tr_mine, tr_theirs in zip(mine.findall(f"{W}tr"), theirs.findall(f"{W}tr"),
                                      strict=True):
            assert xml(tr_mine.find(f"{W}trPr")) == xml(tr_theirs.find(f"{W}trPr"))
            for tc_mine, tc_theirs in zip(tr_mine.findall(f"{W}tc"),
                                          tr_theirs.findall(f"{W}tc"), strict=True):
                # widths, spans, merges, borders, shading: the template's
                assert xml(tc_mine.find(f"{W}tcPr")) == xml(tc_theirs.find(f"{W}tcPr"))
                fonts = tc_theirs.find(f".//{W}r/{W}rPr")
                for run in tc_mine.iter(f"{W}r"):
                    assert xml(run.find(f"{W}rPr")) == xml(fonts)


def test_2019_tables_use_the_2019_rows_with_the_templates_look() -> None:
    data = render_docx(generated(3, "2019", 0.1))
    blocks = _tables(data)
    spec = get_template("2019")
    assert len(blocks[1].rows) == 3 + len(spec.table("applications").rows)  # 3 header rows
    assert len(blocks[0].rows[0]) == 4 and len(blocks[2].rows[0]) == 15
    for mine, theirs in zip(_xml_tables(data), _xml_tables(BLANK_TEMPLATE.read_bytes()),
                            strict=True):
        def fonts(tbl: etree._Element) -> set[tuple[str | None, str | None]]:
            return {(f.get(f"{W}ascii"), s.get(f"{W}val"))
                    for r in tbl.iter(f"{W}rPr")
                    for f in r.iter(f"{W}rFonts") for s in r.iter(f"{W}sz")}

        assert fonts(mine) <= fonts(theirs)
        assert mine.find(f"{W}tblGrid") is not None
        assert [g.get(f"{W}w") for g in mine.iter(f"{W}gridCol")] == [
            g.get(f"{W}w") for g in theirs.iter(f"{W}gridCol")]


def test_blank_cells_are_empty_never_zero() -> None:
    report = _blank(generated(4, "2021", 0.0))
    for block in _tables(render_docx(report)):
        texts = {c.text for row in block.rows for c in row if c is not None}
        assert "0" not in texts
    imported = read_document(render_docx(report), warn=False).report
    assert all(v is None for t in imported.tables.values() for _, _, v in t.cells())


def test_amounts_are_written_exactly_as_stated() -> None:
    report = generated(5, "2021", 0.0)
    table = report.table("proactive").with_cell("administrative_fees", "amount_10k_yuan",
                                                Decimal("12.50"))
    report = attrs.evolve(report, proactive=table)
    texts = {c.text for b in _tables(render_docx(report)) for row in b.rows for c in row if c}
    assert "12.50" in texts
    imported = read_document(render_docx(report), warn=False).report
    value = imported.table("proactive")["administrative_fees", "amount_10k_yuan"]
    assert (type(value), str(value)) == (Decimal, "12.50")


def test_narrative_paragraphs_follow_their_headings_verbatim() -> None:
    report = generated(6, "2021", 0.0)
    report = attrs.evolve(report, problems=attrs.evolve(
        report.problems, text="一是宣传不够。\n二是队伍薄弱，  需加强。"))
    texts = [b.text for b in parse_docx(render_docx(report)).blocks if isinstance(b, TextBlock)]
    heading = texts.index(report.problems.heading or "")
    assert texts[heading + 1: heading + 3] == ["一是宣传不够。", "二是队伍薄弱，  需加强。"]
    assert texts[0] == f"{report.metadata.agency}{report.metadata.year}年政府信息公开工作年度报告"
    imported = read_document(render_docx(report), warn=False).report
    assert imported.problems.text == report.problems.text


def test_the_package_keeps_every_part_of_the_template_and_is_reproducible() -> None:
    report = generated(7, "2019", 0.3)
    data = render(report, to="docx")
    assert isinstance(data, bytes)
    assert data == render_docx(report)
    with zipfile.ZipFile(io.BytesIO(data)) as mine, zipfile.ZipFile(BLANK_TEMPLATE) as theirs:
        assert mine.namelist() == theirs.namelist()
        for name in theirs.namelist():
            if name != "word/document.xml":
                assert mine.read(name) == theirs.read(name), name


def test_a_control_character_is_refused_with_its_place() -> None:
    report = attrs.evolve(generated(8, "2021", 0.0), preamble="依据\x01条例")
    with pytest.raises(UnsupportedFormatError, match=r"/preamble.*U\+0001"):
        render_docx(report)


REAL = sorted([*CORPUS.glob("*.txt"), *CORPUS.glob("*.html"), *CORPUS.glob("20*.md"),
               *WILD.glob("*.txt")])


@pytest.mark.parametrize("path", REAL, ids=[p.name for p in REAL])
def test_real_reports_read_back_from_their_word_document(path: object) -> None:
    report = read_document(path, warn=False).report  # type: ignore[arg-type]
    again = read_document(render_docx(report), warn=False)
    assert differences(report, again.report) == {}
    assert again.report.template == report.template
    assert again.report.table_templates == report.table_templates


def _looks(tc: etree._Element) -> tuple[str | None, str | None]:
    """A cell's shading and paragraph alignment."""
    shd = tc.find(f"{W}tcPr/{W}shd")
    jc = tc.find(f"{W}p/{W}pPr/{W}jc")
    return (None if shd is None else shd.get(f"{W}fill"),
            None if jc is None else jc.get(f"{W}val"))


def _looks_by_role(tbl: etree._Element, roles: dict[tuple[int, int], str]
                   ) -> dict[str, set[tuple[str | None, str | None]]]:
    out: dict[str, set[tuple[str | None, str | None]]] = {}
    for r, tr in enumerate(tbl.findall(f"{W}tr")):
        c = 0
        for tc in tr.findall(f"{W}tc"):
            span = tc.find(f"{W}tcPr/{W}gridSpan")
            if (r, c) in roles:
                out.setdefault(roles[(r, c)], set()).add(_looks(tc))
            c += 1 if span is None else int(span.get(f"{W}val") or 1)
    return out


@pytest.mark.parametrize("template", ["2019", "2021"])
def test_each_cell_looks_like_the_template_cells_of_its_role(template: str) -> None:
    from gi_report.render.docx_template import roles
    from gi_report.render.layout import table_layout

    report = generated(9, template, 0.2)
    official = get_template("2021")
    for mine, theirs, table in zip(_xml_tables(render_docx(report)),
                                   _xml_tables(BLANK_TEMPLATE.read_bytes()),
                                   report.tables.values(), strict=True):
        want = _looks_by_role(theirs, roles(table_layout(Table.blank(
            official.table(table.spec.id)))))
        got = _looks_by_role(mine, roles(table_layout(table)))
        for role, looks in got.items():
            assert looks <= want[role], (table.spec.id, role, looks - want[role])


SOFFICE = shutil.which("soffice")
PDFTOTEXT = shutil.which("pdftotext")


@pytest.mark.skipif(SOFFICE is None or PDFTOTEXT is None,
                    reason="LibreOffice (soffice) or poppler's pdftotext is not on PATH")
def test_libreoffice_opens_the_word_document(tmp_path: Path) -> None:
    report = read_document(CORPUS / "2021-pingtan.txt", warn=False).report
    source = tmp_path / "report.docx"
    source.write_bytes(render_docx(report))
    profile = f"-env:UserInstallation={(tmp_path / 'lo').as_uri()}"
    subprocess.run([str(SOFFICE), "--headless", profile, "--convert-to", "pdf", "--outdir",
                    str(tmp_path), str(source)],
                   capture_output=True, timeout=300, check=True)
    text = subprocess.run([str(PDFTOTEXT), "-layout", str(tmp_path / "report.pdf"), "-"],
                          capture_output=True, text=True, timeout=60, check=True).stdout
    for section in report.template_spec.sections:
        assert section.heading in text
    assert "24252.311082" in text  # 行政事业性收费, exactly as stated
    for group in report.table("proactive").spec.groups:  # captions across the whole table
        assert group.label in text
