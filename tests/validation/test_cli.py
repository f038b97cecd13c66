"""``gi-report validate``: output, exit codes, directories, JSON Lines, stdin, series."""

from __future__ import annotations

import io
import json
import random
import sys
from pathlib import Path
from types import SimpleNamespace

import attrs
import pytest

from gi_report import Report, to_dict
from gi_report.cli import main
from gi_report.synthetic import random_report
from tests.validation.corpus import report_from_expected


def _write(path: Path, report: Report) -> Path:
    path.write_text(json.dumps(to_dict(report), ensure_ascii=False), encoding="utf-8")
    return path


@pytest.fixture
def files(tmp_path: Path) -> dict[str, Path]:
    clean = random_report(random.Random(1), template="2019", year=2019)
    late = attrs.evolve(clean, metadata=attrs.evolve(clean.metadata, year=2021))
    bad = tmp_path / "bad.json"
    bad.write_text('{"template": ', encoding="utf-8")
    return {
        "clean": _write(tmp_path / "clean.json", clean),
        "warning": _write(tmp_path / "late.json", late),
        "shanghai": _write(tmp_path / "shanghai.json",
                           report_from_expected("2019-shanghai-gov-office")),
        "bad": bad,
    }


def test_a_clean_report_exits_0(files: dict[str, Path], capsys: pytest.CaptureFixture[str]
                                ) -> None:
    assert main(["validate", str(files["clean"])]) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"== {files['clean']} — ")
    assert ": valid — 0 error(s), 0 warning(s), 0 info" in out


def test_fail_on_sets_the_level_that_fails(files: dict[str, Path],
                                          capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", str(files["warning"])]) == 0
    out = capsys.readouterr().out
    assert "gi.template.year_mismatch" in out
    assert main(["validate", "--fail-on", "warning", str(files["warning"])]) == 1
    assert main(["validate", "--fail-on", "info", str(files["clean"])]) == 0


def test_errors_exit_1_and_the_table_names_cells(files: dict[str, Path],
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", str(files["shanghai"])]) == 1
    out = capsys.readouterr().out
    header, columns = out.splitlines()[:2]
    assert "NOT VALID — 3 error(s), 135 warning(s), 38 info" in header
    assert columns.split() == ["severity", "code", "where", "message"]
    assert "error     gi.section.missing     /overview" in out
    assert "info*" in out and "(* not evaluable" in out
    assert main(["validate", "--lang", "en", str(files["shanghai"])]) == 1
    assert "section 一 (overview, “一、总体情况”) is missing" in capsys.readouterr().out


def test_blank_as_zero_from_the_command_line(files: dict[str, Path],
                                             capsys: pytest.CaptureFixture[str]) -> None:
    main(["validate", "--blank-as-zero", "--format", "json", str(files["shanghai"])])
    data = json.loads(capsys.readouterr().out)
    assert data["blank_as_zero"] is True
    assert any(f["code"] == "gi.sum.R3" and f["status"] == "failed" for f in data["findings"])


def test_unreadable_input_exits_2_and_says_so(files: dict[str, Path],
                                              capsys: pytest.CaptureFixture[str]) -> None:
    missing = files["clean"].parent / "missing.json"
    assert main(["validate", str(files["clean"]), str(files["bad"]), str(missing)]) == 2
    captured = capsys.readouterr()
    assert f"{files['bad']}: could not be read" in captured.err
    assert f"{missing}: could not be read" in captured.err
    assert "gi.schema.syntax" in captured.out and "gi.schema.unreadable" in captured.out


def test_a_directory_in_json_lines(files: dict[str, Path],
                                   capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", "--format", "json", str(files["clean"].parent)]) == 2
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [Path(d["source"]).name for d in lines] == ["bad.json", "clean.json", "late.json",
                                                       "shanghai.json"]
    assert [d["valid"] for d in lines] == [False, True, True, False]


def test_json_lines_input_one_document_per_line(tmp_path: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    documents = [to_dict(random_report(random.Random(i), template="2019")) for i in range(2)]
    path = tmp_path / "many.jsonl"
    path.write_text("\n".join([json.dumps(documents[0], ensure_ascii=False), "",
                               json.dumps(documents[1], ensure_ascii=False), "[1,"]) + "\n",
                    encoding="utf-8")
    assert main(["validate", "--format", "json", str(path)]) == 2
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [d["source"] for d in lines] == [f"{path}:1", f"{path}:3", f"{path}:4"]
    assert [d["readable"] for d in lines] == [True, True, False]


def test_standard_input(files: dict[str, Path], monkeypatch: pytest.MonkeyPatch,
                        capsys: pytest.CaptureFixture[str]) -> None:
    data = files["clean"].read_bytes()
    monkeypatch.setattr(sys, "stdin", SimpleNamespace(buffer=io.BytesIO(data)))
    assert main(["validate", "-"]) == 0
    assert capsys.readouterr().out.startswith("== <stdin> — ")


def test_series_across_files(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    now = report_from_expected("2025-shuyang-county")
    before = attrs.evolve(now, metadata=attrs.evolve(now.metadata, year=2024))
    before = before.with_table(before.applications.with_row(
        "carried_to_next_year", {"natural_person": 30, "total": 30}))
    paths = [_write(tmp_path / "2024.json", before), _write(tmp_path / "2025.json", now)]
    code = main(["validate", "--series", "--summary", "--fail-on", "warning",
                 *map(str, paths)])
    out = capsys.readouterr().out
    assert code == 1
    assert "gi.series.R8" in out and "沐阳县人民政府 2024–2025" in out
