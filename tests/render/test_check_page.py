"""The check page: every cell a finding or notice names is highlighted, linked both ways."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import attrs
import lxml.html
import pytest

from gi_report import read_document, render, validate
from gi_report.cli import main
from gi_report.errors import UnsupportedFormatError
from gi_report.form.spec import CellKind
from gi_report.importers.result import Level, notice
from gi_report.model import Report
from gi_report.render.check_page import render_check_page
from gi_report.validation.findings import Finding
from tests.render.helpers import WITH_ERRORS, generated


def _table_cell(report: Report, pointer: str) -> str | None:
    """The printed cell of ``pointer`` when it is a table cell (a unit prints with its amount)."""
    parts = pointer.strip("/").split("/")
    if len(parts) != 3 or parts[0] not in report.tables:
        return None
    spec = report.table(parts[0]).spec
    if not spec.has_cell(parts[1], parts[2]):
        return None
    if spec.column(parts[2]).kind is CellKind.TEXT:
        amount = next(c for c in spec.row(parts[1]).columns
                      if spec.column(c).kind is CellKind.AMOUNT)
        return f"/{parts[0]}/{parts[1]}/{amount}"
    return pointer


def _named(report: Report, pointers: list[str]) -> set[str]:
    return {c for p in pointers if (c := _table_cell(report, p)) is not None}


def _highlighted(page: str) -> dict[str, str]:
    """Highlighted value cells of a page: pointer → class."""
    root = lxml.html.fromstring(page)
    out: dict[str, str] = {}
    for td in root.iter("td"):
        cls = td.get("class") or ""
        if cls.startswith("hl-"):
            out["/" + (td.get("id") or "").removeprefix("c-").replace("-", "/")] = cls
    return out


@pytest.fixture(scope="module")
def checked(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, Report, list[Finding], list]:
    out = tmp_path_factory.mktemp("check") / "check.html"
    assert main(["check", str(WITH_ERRORS), "--html", str(out)]) == 1  # it has errors
    result = read_document(WITH_ERRORS, warn=False)
    validation = validate(result.report, locations=result.locations, source=str(WITH_ERRORS))
    findings = [f for f in validation.findings if f.severity.value != "info"]
    notices = list(result.at_least(Level.WARNING))
    return out.read_text("utf-8"), result.report, findings, notices


def test_the_corpus_report_has_real_sum_errors(checked: tuple) -> None:
    _, _, findings, _ = checked
    assert {f.code for f in findings if f.severity.value == "error"} >= {"gi.sum.R1",
                                                                         "gi.sum.R3"}


def test_check_page_highlights_exactly_the_cells_named(checked: tuple) -> None:
    page, report, findings, notices = checked
    expected: set[str] = set()
    for f in findings:
        expected |= _named(report, [f.pointer, *f.pointers, *f.missing])
    for n in notices:
        expected |= _named(report, list(n.cells))
    assert set(_highlighted(page)) == expected


def test_error_cells_get_the_error_colour(checked: tuple) -> None:
    page, report, findings, _ = checked
    highlighted = _highlighted(page)
    errors = _named(report, [f.pointer for f in findings if f.severity.value == "error"])
    assert errors
    assert all(highlighted[p] == "hl-error" for p in errors)
    warnings = _named(report, [f.pointer for f in findings if f.severity.value == "warning"])
    assert all(highlighted[p] in ("hl-error", "hl-warning") for p in warnings)


def test_findings_link_to_their_cells_and_back(checked: tuple) -> None:
    page, _, findings, notices = checked
    root = lxml.html.fromstring(page)
    ids = {el.get("id") for el in root.iter() if el.get("id")}
    items = root.findall(".//aside//li")
    assert len(items) == len(findings) + len(notices)
    for li in items:
        for a in li.iter("a"):
            assert (a.get("href") or "").removeprefix("#") in ids
    refs = [a for td in root.iter("td") for a in td.iter("a")]
    assert refs
    for a in refs:
        target = (a.get("href") or "").removeprefix("#")
        assert target in ids and target.startswith("f-")
    for td in root.iter("td"):
        if (td.get("class") or "").startswith("hl-"):
            assert td.get("title"), td.get("id")  # messages, stated and computed on hover


def test_stated_and_computed_values_are_shown(checked: tuple) -> None:
    page, _, findings, _ = checked
    root = lxml.html.fromstring(page)
    failed = next(f for f in findings if f.code == "gi.sum.R3")
    text = root.find(".//aside").text_content()
    assert f"填报 {failed.stated}，计算 {failed.computed}" in text


def test_self_contained_and_works_without_script(checked: tuple) -> None:
    page, _, _, _ = checked
    assert "<script" not in page and "<link" not in page
    assert "http://" not in page.split("</style>")[0] and "@media print" in page


def test_notices_show_inferred_and_undetermined_cells() -> None:
    report = generated(5, "2021", 0.0)
    inferred = notice("split.unique", "拆分唯一", cells=["/applications/granted/natural_person"])
    blank = notice("row.missing", "缺少一行",
                   cells=["/review_litigation/administrative_review/total"])
    page = render(report, to="html", notices=[inferred, blank])
    assert isinstance(page, str)
    assert _highlighted(page) == {"/applications/granted/natural_person": "hl-warning",
                                  "/review_litigation/administrative_review/total": "hl-error"}
    assert "推断的值" in page and "无法确定，已留空" in page


def test_render_with_findings_is_the_check_page() -> None:
    report = generated(6, "2021", 0.0)
    table = report.table("applications").with_cell("results_total", "total", 10**6)
    report = attrs.evolve(report, applications=table)
    validation = validate(report)
    assert any(f.severity.value == "error" for f in validation.findings)
    page = render(report, to="html", findings=validation)
    assert page == render_check_page(report, findings=validation.findings)
    assert _highlighted(page)["/applications/results_total/total"] == "hl-error"
    with pytest.raises(UnsupportedFormatError):
        render(report, to="docx", findings=validation)
    with pytest.raises(UnsupportedFormatError):
        render(report, to="pdf")


def test_html_check_page_needs_exactly_one_file(tmp_path: Path) -> None:
    out = tmp_path / "x.html"
    assert main(["check", str(WITH_ERRORS), str(WITH_ERRORS), "--html", str(out)]) == 2
    assert not out.exists()


# --- in a real browser ------------------------------------------------------------------------

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")

_PROBE = """<pre id="probe-result"></pre><script>
const out = [];
for (const td of document.querySelectorAll('td[class^="hl-"]')) {
  td.scrollIntoView({block: 'center', inline: 'center'});
  const r = td.getBoundingClientRect();
  const s = getComputedStyle(td);
  const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
  out.push({id: td.id, cls: td.className, w: r.width, h: r.height,
            visible: s.visibility === 'visible' && s.display !== 'none',
            background: s.backgroundColor, outline: s.outlineStyle,
            onTop: hit !== null && (hit === td || td.contains(hit))});
}
document.getElementById('probe-result').textContent = JSON.stringify(out);
</script>"""


@pytest.mark.skipif(CHROMIUM is None, reason="chromium is not on PATH (apt-get install chromium)")
def test_every_highlighted_cell_is_visible_in_chromium(checked: tuple, tmp_path: Path) -> None:
    page, _, _, _ = checked
    probe = tmp_path / "probe.html"
    probe.write_text(page.replace("</body>", _PROBE + "</body>"), "utf-8")
    done = subprocess.run(
        [str(CHROMIUM), "--headless", "--no-sandbox", "--disable-gpu", "--window-size=1400,1000",
         "--virtual-time-budget=5000", "--dump-dom", probe.as_uri()],
        capture_output=True, text=True, timeout=120, check=True)
    dom = lxml.html.fromstring(done.stdout)
    results = json.loads(dom.get_element_by_id("probe-result").text_content())
    assert len(results) == len(_highlighted(page)) > 0
    for cell in results:
        assert cell["visible"] and cell["w"] > 5 and cell["h"] > 5, cell
        assert cell["onTop"], cell  # nothing covers it
        if cell["cls"] == "hl-involved":
            assert cell["outline"] == "dashed", cell
        else:
            assert cell["background"] not in ("rgba(0, 0, 0, 0)", "rgb(255, 255, 255)"), cell


def test_a_unit_finding_highlights_the_amount_it_prints_beside() -> None:
    from gi_report.validation.findings import Severity

    report = generated(14, "2019", 0.0)
    unit = "/proactive/centralized_procurement/unit"
    finding = Finding(code="test.unit", severity=Severity.WARNING, pointer=unit,
                      pointers=(unit,), message_zh="单位", message_en="unit")
    page = render_check_page(report, findings=[finding])
    assert _highlighted(page) == {"/proactive/centralized_procurement/total_amount": "hl-warning"}


def test_a_finding_about_narrative_links_to_its_section() -> None:
    from gi_report.validation.findings import Severity

    report = generated(15, "2021", 0.0)
    finding = Finding(code="test.text", severity=Severity.ERROR, pointer="/problems/text",
                      pointers=("/problems/text",), message_zh="文字", message_en="text")
    page = render_check_page(report, findings=[finding])
    assert _highlighted(page) == {}
    root = lxml.html.fromstring(page)
    links = [a.get("href") for a in root.find(".//aside//li").iter("a")]
    assert links == ["#s-problems"]
    assert root.get_element_by_id("s-problems").tag == "h2"
