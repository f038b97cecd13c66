"""Outputs never overwrite each other, and every file is written by the one atomic writer."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from gi_report.cli import main
from gi_report.cli.outputs import OutputCollisionError, output_stem, targets
from tests.cli.helpers import DRC, XICHENG, copy

CLI = Path(__file__).resolve().parents[2] / "src" / "gi_report" / "cli"


def test_two_inputs_with_one_name_are_refused_before_anything_is_written(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """``import a/r.txt b/r.txt -o out/`` used to write both to ``out/r.json``."""
    first = copy(XICHENG, tmp_path / "a" / "r.txt")
    second = copy(XICHENG, tmp_path / "b" / "r.txt")
    out = tmp_path / "out"
    out.mkdir()
    assert main(["import", str(first), str(second), "-o", str(out), "--notices", "none"]) == 2
    err = capsys.readouterr().err
    assert str(first) in err and str(second) in err and str(out / "r.json") in err
    assert err.count("\n") == 1 and "Traceback" not in err
    assert list(out.iterdir()) == []


def test_names_differing_only_in_case_collide(tmp_path: Path) -> None:
    with pytest.raises(OutputCollisionError) as caught:
        targets(["a/R.txt", "b/r.html"], tmp_path, ".json")
    assert caught.value.inputs == ("a/R.txt", "b/r.html")
    assert targets(["a/r.txt", "b/s.txt", "-"], tmp_path, ".xml") == {
        "a/r.txt": tmp_path / "r.xml", "b/s.txt": tmp_path / "s.xml", "-": tmp_path / "stdin.xml"}


def test_lines_of_json_lines_get_their_own_names() -> None:
    assert output_stem("in/two.jsonl:3") == "two-3"
    assert output_stem("<stdin>:12") == "stdin-12"
    assert output_stem("<stdin>") == "stdin"
    assert output_stem("a/report.2023.json") == "report.2023"


def test_convert_into_a_directory_refuses_colliding_inputs(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    reports = tmp_path / "reports"
    (reports / "a").mkdir(parents=True)
    assert main(["import", str(XICHENG), "-o", str(reports / "a" / "r.json"),
                 "--notices", "none"]) == 0
    copy(reports / "a" / "r.json", reports / "b" / "r.json")
    out = tmp_path / "xml"
    assert main(["convert", str(reports), "-o", f"{out}/", "--to", "xml"]) == 2
    assert "would both be written here" in capsys.readouterr().err
    assert not out.exists()


def test_different_names_go_side_by_side(tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert main(["import", str(XICHENG), str(DRC), "-o", f"{out}/", "--format", "xml",
                 "--notices", "none"]) == 0
    assert sorted(p.name for p in out.iterdir()) == [
        "2022-beijing-xicheng-cgzx.xml", "2023-shuyang-drc.xml"]


def test_the_command_line_writes_files_only_through_the_atomic_writer() -> None:
    """No ``open(…, "w")``, ``write_text`` or ``write_bytes`` in the CLI: ``write_atomic``."""
    offenders = []
    for path in sorted(CLI.glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            name = getattr(node.func, "attr", getattr(node.func, "id", ""))
            modes = [a.value for a in node.args[1:2] if isinstance(a, ast.Constant)]
            if name in ("write_text", "write_bytes") or (
                    name == "open" and any("w" in str(m) or "a" in str(m) for m in modes)):
                offenders.append(f"{path.name}:{node.lineno}")
    assert offenders == []
