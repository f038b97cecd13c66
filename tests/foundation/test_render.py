"""Every renderer on one layout (gi_report.render.layout) and one value formatter.

Text (``gi-report show``/``check``), Markdown and HTML output of real corpus reports and of
generated ones reads back with ``read_document`` to the same tables, cell for cell; amounts print
exactly as stated in plain decimal notation in every output.
"""

from __future__ import annotations

import json
import random
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import pytest

from gi_report import Metadata, Report, dump, empty_report, get_template, read_document, to_dict
from gi_report.cli import main
from gi_report.codec.json import table_from_dict
from gi_report.render.html import render_html
from gi_report.render.layout import flat_layout, format_cell
from gi_report.render.markdown import render_markdown
from gi_report.render.text import BLANK, render_report
from gi_report.synthetic import random_report
from tests.corpus import CORPUS, corpus_report, names
from tests.render.helpers import cells as _cells

RENDERERS: dict[str, tuple[Callable[[Report], str], str]] = {
    "text": (render_report, "text"),
    "markdown": (render_markdown, "markdown"),
    "html": (render_html, "html"),
}


def _assert_reads_back(report: Report, renderer: str) -> None:
    render, kind = RENDERERS[renderer]
    result = read_document(render(report).encode("utf-8"), kind=kind, warn=False)
    assert result.report.template == report.template
    want, got = _cells(report), _cells(result.report)
    wrong = {p: (want[p], got[p]) for p in want
             if want[p] != got[p] or type(want[p]) is not type(got[p])}
    assert wrong == {}
    blanks = {p for p, v in want.items() if v is None}
    assert result.undetermined_cells == ()
    if renderer == "text":  # the blank marker reads back as a printed blank, not as unreadable
        marked = {p for n in result.with_code("cell.dash") for p in n.cells}
        assert marked == blanks - {"/proactive/centralized_procurement/unit"}


WILD = sorted((CORPUS / "wild" / "expected").glob("*.json"))


def _wild_report(path: Path) -> Report:
    """A report holding the hand-checked cells of one of the eight wild corpus reports."""
    data = json.loads(path.read_text(encoding="utf-8"))
    template = get_template(data["template"])
    tables = {t.id: table_from_dict(t, data[t.id]) for t in template.tables}
    return Report(template=template.version, metadata=Metadata(
        agency=data["agency"], year=data["year"], source=data["file"]), **tables)


@pytest.mark.parametrize("renderer", sorted(RENDERERS))
@pytest.mark.parametrize("name", names())
def test_real_reports_read_back_from_every_renderer(name: str, renderer: str) -> None:
    _assert_reads_back(corpus_report(name), renderer)


@pytest.mark.parametrize("renderer", sorted(RENDERERS))
@pytest.mark.parametrize("path", WILD, ids=[p.stem for p in WILD])
def test_wild_reports_read_back_from_every_renderer(path: Path, renderer: str) -> None:
    _assert_reads_back(_wild_report(path), renderer)


@pytest.mark.parametrize("renderer", sorted(RENDERERS))
@pytest.mark.parametrize("template", ["2021", "2019"])
@pytest.mark.parametrize("seed", range(4))
@pytest.mark.parametrize("blank_rate", [0.0, 0.3])
def test_generated_reports_read_back_from_every_renderer(
    renderer: str, template: str, seed: int, blank_rate: float
) -> None:
    report = random_report(random.Random(seed), template=template, blank_rate=blank_rate)
    _assert_reads_back(report, renderer)


def test_text_and_markdown_print_the_same_flat_tables() -> None:
    """Both print flat_layout's rows: the same labels and values, line for line."""
    report = corpus_report("2024-huaian-city")
    text, markdown = render_report(report), render_markdown(report)
    for table in report.tables.values():
        for flat in flat_layout(table):
            for row in flat.rows:
                md = "| " + " | ".join(row) + " |"
                assert md in markdown
                cells = [c.strip() for c in md.strip("|").split("|")]
                assert any([c.strip() for c in line.strip("|").split("|")] == cells
                           for line in text.splitlines())


def _with_amount(amount: Decimal) -> Report:
    report = empty_report(agency="某局", year=2023)
    return report.with_table(
        report.proactive.with_row("administrative_fees", {"amount_10k_yuan": amount}))


@pytest.mark.parametrize(("amount", "printed"), [
    (Decimal("1E+2"), "100"), (Decimal("1.50"), "1.50"), (Decimal("2.5E-3"), "0.0025"),
    (Decimal("0"), "0"),
])
def test_amounts_print_as_stated_in_plain_notation_everywhere(
    amount: Decimal, printed: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    report = _with_amount(amount)
    assert format_cell(amount) == printed
    assert to_dict(report)["proactive"]["administrative_fees"]["amount_10k_yuan"] == printed
    for render in (render_report, render_markdown, render_html):
        out = render(report)
        assert f" {printed} |" in out or f">{printed}<" in out
        assert "E+" not in out and "E-" not in out
    dump(report, tmp_path / "r.json")
    assert main(["show", str(tmp_path / "r.json")]) == 0
    shown = capsys.readouterr().out
    fee = next(line for line in shown.splitlines() if "行政事业性收费" in line)
    assert fee.strip("| ").split()[-1] == printed


def test_blank_prints_as_blank_marker_in_text_and_empty_elsewhere() -> None:
    report = empty_report(agency="某局", year=2023)
    assert format_cell(None) == "" and format_cell(None, BLANK) == BLANK
    assert BLANK in render_report(report)
    assert BLANK not in render_markdown(report) and BLANK not in render_html(report)


def test_finding_values_print_in_plain_notation_too() -> None:
    """Rule messages and finding JSON use the same formatter as the renderers."""
    from gi_report.bounds import Bound
    from gi_report.validation.findings import json_value

    assert Bound(Decimal("1E+2"), True).text() == ("100", "100")
    assert Bound(Decimal("2.50"), False).text() == ("至少 2.50", "at least 2.50")
    assert json_value(Decimal("1E+2")) == "100" and json_value(7) == 7
