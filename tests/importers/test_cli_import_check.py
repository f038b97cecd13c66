"""``gi-report import`` and ``gi-report check`` on the real corpus and on bad input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from gi_report.cli import main
from gi_report.codec.json import from_dict, from_json
from gi_report.render.text import BLANK
from tests.importers.expected import CORPUS, assert_matches_expected

XICHENG = str(CORPUS / "2022-beijing-xicheng-cgzx.txt")
DRC = str(CORPUS / "2023-shuyang-drc.html")
PINGTAN = str(CORPUS / "2021-pingtan.txt")


def test_import_one_file_writes_json_to_stdout(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["import", XICHENG]) == 0
    out = capsys.readouterr()
    assert_matches_expected(from_json(out.out), "2022-beijing-xicheng-cgzx")
    assert "Traceback" not in out.err


def test_import_several_files_as_json_lines_and_into_a_directory(
        capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    assert main(["import", XICHENG, DRC, "--notices", "none"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [from_dict(json.loads(line)).metadata.year for line in lines] == [2022, 2023]
    target = tmp_path / "out"
    target.mkdir()
    assert main(["import", XICHENG, DRC, "-o", str(target), "--notices", "none"]) == 0
    assert sorted(p.name for p in target.iterdir()) == [
        "2022-beijing-xicheng-cgzx.json", "2023-shuyang-drc.json"]
    assert_matches_expected(from_json((target / "2023-shuyang-drc.json").read_bytes()),
                            "2023-shuyang-drc")


def test_import_to_xml_when_the_xml_form_exists(tmp_path: Path) -> None:
    from gi_report.codec import xml

    out = tmp_path / "report.xml"
    assert main(["import", DRC, "-o", str(out), "--notices", "none"]) == 0
    assert_matches_expected(xml.from_xml(out.read_bytes()), "2023-shuyang-drc")


def test_import_notices_and_exit_code(capsys: pytest.CaptureFixture[str],
                                      tmp_path: Path) -> None:
    notices = tmp_path / "notices.jsonl"
    assert main(["import", PINGTAN, "--notices-out", str(notices)]) == 1  # a cell undetermined
    err = capsys.readouterr().err
    assert "[错误] split.ambiguous" in err and "693665" in err
    assert "[警告] split.unique" in err
    [line] = notices.read_text("utf-8").splitlines()
    record = json.loads(line)
    assert record["content_hash"].startswith("sha256:")
    assert any(n["code"] == "split.ambiguous" and [69, 3, 665] in n["candidates"]
               for n in record["notices"])
    assert main(["import", PINGTAN, "--fail-on", "never", "--notices", "none"]) == 0


def test_import_unreadable_input_exits_2_without_traceback(
        capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    junk = tmp_path / "junk.html"
    junk.write_bytes(b"\x00\x01\x02binary\xff" * 100)
    missing = tmp_path / "missing.txt"
    assert main(["import", str(junk), str(missing)]) == 2
    err = capsys.readouterr().err
    assert "junk.html" in err and "binary" in err and "missing.txt" in err
    assert "Traceback" not in err
    assert main(["import", XICHENG, DRC, "-o", str(tmp_path / "one.json")]) == 2


def test_check_prints_tables_notices_and_findings(capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["check", DRC])
    out = capsys.readouterr().out
    assert code in (0, 1)
    assert "沭阳县发展和改革局 2023 年度" in out
    cells = {c.strip() for line in out.splitlines() for c in line.split("|")}
    assert "（一）予以公开" in cells and BLANK in cells  # official labels; blank is not 0
    assert "导入说明" in out and "核查结果" in out
    assert "gi.completeness.blank" in out  # the blank 法人或其他组织 columns


def test_check_json_and_the_exit_code_of_undetermined_cells(
        capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", PINGTAN, "--format", "json"]) == 1
    record = json.loads(capsys.readouterr().out)
    assert record["report"]["metadata"]["agency"] == "平潭综合实验区"
    assert {n["code"] for n in record["import"]["notices"]} >= {"split.unique",
                                                                "split.ambiguous"}
    assert record["validation"] is None or "findings" in record["validation"]
    assert main(["check", str(CORPUS / "no-such-file.html")]) == 2
