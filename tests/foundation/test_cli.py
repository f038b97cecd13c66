"""The `gi-report` command: show and schema."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import gi_report as g
from gi_report.cli import main
from gi_report.render.text import BLANK

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "2022-beijing-xicheng-cgzx.json"


def test_show_prints_the_tables_with_official_labels(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["show", str(EXAMPLE)]) == 0
    out = capsys.readouterr().out
    assert "西城区城市管理指挥中心 2022年政府信息公开工作年度报告" in out
    assert "三、收到和处理政府信息公开申请情况" in out
    assert "（二）部分公开（区分处理的，只计这一情形，不计其他情形）" in out
    assert "复议后起诉" in out
    cells = {c.strip() for line in out.splitlines() for c in line.split("|")}
    assert BLANK not in cells  # every cell of this report is stated


def test_show_marks_blank_cells_differently_from_zero(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    report = g.empty_report(agency="某局", year=2023)
    report = report.with_table(report.applications.with_row("granted", [0, 1, 2, 3, 4, 5, 15]))
    g.dump(report, tmp_path / "r.json")
    assert main(["show", str(tmp_path / "r.json")]) == 0
    out = capsys.readouterr().out
    rows = [[c.strip() for c in line.strip().strip("|").split("|")] for line in out.splitlines()]
    granted = next(cells for cells in rows if cells[0] == "（一）予以公开")
    assert granted[1:] == ["0", "1", "2", "3", "4", "5", "15"]
    partly = next(cells for cells in rows if cells[0].startswith("（二）部分公开"))
    assert partly[1:] == [BLANK] * 7


def test_show_unreadable_input_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"template": "2021"}', encoding="utf-8")
    assert main(["show", str(bad), str(tmp_path / "missing.json")]) == 2
    err = capsys.readouterr().err
    assert "/metadata: expected this required member" in err
    assert "missing.json" in err


def test_schema_prints_the_published_schema(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema"]) == 0
    assert json.loads(capsys.readouterr().out) == g.json_schema()


def test_schema_out_writes_the_committed_file(tmp_path: Path) -> None:
    assert main(["schema", "-o", str(tmp_path / "s.json")]) == 0
    committed = (ROOT / "schemas" / "report.schema.json").read_text(encoding="utf-8")
    assert (tmp_path / "s.json").read_text(encoding="utf-8") == committed


@pytest.mark.parametrize("version", sorted(g.TEMPLATES))
def test_schema_xsd_prints_the_published_xsd(
    version: str, capsysbinary: pytest.CaptureFixture[bytes], tmp_path: Path
) -> None:
    committed = (ROOT / "schemas" / f"gi-report-{version}.xsd").read_bytes()
    assert main(["schema", "--xsd", version]) == 0
    assert capsysbinary.readouterr().out == committed
    assert main(["schema", "--xsd", version, "-o", str(tmp_path / "s.xsd")]) == 0
    assert (tmp_path / "s.xsd").read_bytes() == committed


def test_schema_xsd_refuses_an_unknown_template(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["schema", "--xsd", "2020"])
    assert exit_.value.code == 2
    assert "invalid choice: '2020'" in capsys.readouterr().err


def test_broken_pipe_is_quiet() -> None:
    command = (
        f"{sys.executable} -m gi_report schema | head -c 10 > /dev/null; "
        "exit ${PIPESTATUS[0]}"
    )
    done = subprocess.run(["bash", "-c", command], capture_output=True, text=True,
                          cwd=ROOT, check=False)
    assert "Traceback" not in done.stderr
    assert done.returncode == 0


def test_show_reads_the_xml_form_too(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["show", str(EXAMPLE)]) == 0
    from_json = capsys.readouterr().out
    g.dump_xml(g.load(EXAMPLE), tmp_path / "r.xml")
    assert main(["show", str(tmp_path / "r.xml")]) == 0
    assert capsys.readouterr().out == from_json
