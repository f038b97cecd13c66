"""gi-report totals: summed tables with coverage, as text or JSON; refusals exit 2."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from gi_report import dump, from_dict
from gi_report.cli import main
from gi_report.render.text import BLANK
from tests.corpus import corpus_report


@pytest.fixture()
def files(tmp_path: Path) -> dict[str, Path]:
    """The real Huai'an 2024, Shuyang 2025 and Shuyang DRC 2023 reports as gi-report JSON."""
    out = {}
    for name in ("2024-huaian-city", "2025-shuyang-county", "2023-shuyang-drc", "2019-pingtan"):
        path = tmp_path / f"{name}.json"
        dump(corpus_report(name), path)
        out[name] = path
    return out


def test_totals_text(files: dict[str, Path], capsys: pytest.CaptureFixture[str]) -> None:
    """The summed 总计 is printed with the official labels; blanks and coverage are shown."""
    code = main(["totals", str(files["2024-huaian-city"]), str(files["2023-shuyang-drc"]),
                 "--year", "2024", "--agency", "两单位合计"])
    out = capsys.readouterr().out
    assert code == 0
    assert "两单位合计 2024年政府信息公开工作年度报告" in out
    assert "（七）总计" in out and str(3050 + 26) in out
    cells = {c.strip() for line in out.splitlines() for c in line.split("|")}
    assert BLANK in cells  # the DRC's blank 法人或其他组织 columns keep the sums blank
    assert "blank in report(s) 1" in out


def test_totals_json(files: dict[str, Path], capsys: pytest.CaptureFixture[str]) -> None:
    """--format json gives the summed report (a valid document) and the coverage."""
    code = main(["totals", str(files["2024-huaian-city"]), str(files["2025-shuyang-county"]),
                 "--year", "2025", "--format", "json", "--blank-as-zero"])
    document = json.loads(capsys.readouterr().out)
    assert code == 0
    report = from_dict(document["report"])
    assert report.applications["results_total", "total"] == 3050 + 718
    assert document["coverage"]["blank_as_zero"] is True
    assert [c["agency"] for c in document["coverage"]["children"]] == [
        "淮安市人民政府", "沐阳县人民政府"]


def test_totals_refusals(files: dict[str, Path], tmp_path: Path,
                         capsys: pytest.CaptureFixture[str]) -> None:
    """Mixed templates, mixed years and unreadable files exit 2 with the reason on stderr."""
    assert main(["totals", str(files["2024-huaian-city"]), str(files["2019-pingtan"]),
                 "--year", "2024"]) == 2
    assert "harmonise" in capsys.readouterr().err
    assert main(["totals", str(files["2024-huaian-city"]), str(files["2019-pingtan"]),
                 "--year", "2024", "--harmonise"]) == 0
    capsys.readouterr()
    assert main(["totals", str(files["2024-huaian-city"]),
                 str(files["2025-shuyang-county"])]) == 2
    assert "year" in capsys.readouterr().err
    broken = tmp_path / "broken.json"
    broken.write_text("{", "utf-8")
    assert main(["totals", str(files["2024-huaian-city"]), str(broken)]) == 2
    err = capsys.readouterr().err
    assert "broken.json" in err and "no totals" in err
