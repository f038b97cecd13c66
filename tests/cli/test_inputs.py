"""``-`` is standard input and directories stand for their files, in every command."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from gi_report import from_json, read_document
from gi_report.cli import main
from gi_report.cli.inputs import InputError, expand, stream_documents
from gi_report.codec.json import to_json
from tests.cli.helpers import DRC, SHUYANG, XICHENG, copy, feed, without_source


def test_check_dash_reads_standard_input(monkeypatch: pytest.MonkeyPatch,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    """``check -`` used to check the one-character text "-"; now it reads stdin."""
    feed(monkeypatch, XICHENG.read_bytes())
    assert main(["check", "-", "--format", "json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["file"] == "<stdin>"
    assert without_source(from_json(json.dumps(result["report"]))) == without_source(
        read_document(XICHENG, warn=False).report)


def test_import_dash_reads_standard_input(monkeypatch: pytest.MonkeyPatch,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    feed(monkeypatch, DRC.read_bytes())
    assert main(["import", "-", "--notices", "none"]) == 0
    assert without_source(from_json(capsys.readouterr().out)) == without_source(
        read_document(DRC, warn=False).report)


def test_standard_input_named_twice_is_refused(monkeypatch: pytest.MonkeyPatch,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    feed(monkeypatch, b"")
    assert main(["validate", "-", "-"]) == 2
    assert "standard input named once" in capsys.readouterr().err


def test_directories_stand_for_their_files_sorted(tmp_path: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    inputs = tmp_path / "in"
    copy(SHUYANG, inputs / "b" / "shuyang.md")
    copy(XICHENG, inputs / "a" / "xicheng.txt")
    (inputs / "notes.csv").write_text("not a report", "utf-8")
    assert expand([str(inputs)], (".md", ".txt")) == [
        str(inputs / "a" / "xicheng.txt"), str(inputs / "b" / "shuyang.md")]
    assert main(["import", str(inputs), "--notices", "none"]) == 0
    agencies = [from_json(line).metadata.agency
                for line in capsys.readouterr().out.splitlines()]
    assert agencies == [read_document(p, warn=False).report.metadata.agency
                        for p in (XICHENG, SHUYANG)]
    reports = tmp_path / "reports"
    assert main(["import", str(inputs), "-o", f"{reports}/", "--notices", "none"]) == 0
    assert main(["show", str(reports)]) == 0
    shown = capsys.readouterr().out
    assert sorted(p.name for p in reports.iterdir()) == ["shuyang.json", "xicheng.json"]
    assert shown.index(agencies[1]) < shown.index(agencies[0])  # shuyang.json sorts first
    assert main(["check", str(inputs), "--format", "json"]) == 0
    assert len(capsys.readouterr().out.splitlines()) == 2


def test_a_directory_with_nothing_to_read_is_an_error(tmp_path: Path,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    (empty / "notes.csv").write_text("x", "utf-8")
    for command in ("show", "validate", "totals", "import", "check"):
        assert main([command, str(empty)]) == 2, command
        err = capsys.readouterr().err
        assert str(empty) in err and "expected a directory holding" in err, err
    with pytest.raises(InputError):
        expand([str(empty)], (".json",))


def test_json_lines_or_one_document_is_told_by_the_first_line() -> None:
    report = read_document(XICHENG, warn=False).report
    indented = to_json(report).encode()
    assert [s for s, _ in stream_documents(io.BytesIO(indented), "<stdin>")] == ["<stdin>"]
    line = to_json(report, indent=None).rstrip().encode()
    assert [s for s, _ in stream_documents(io.BytesIO(line), "<stdin>")] == ["<stdin>"]
    lines = b"\n" + line + b"\n\n" + line + b"\n"
    found = list(stream_documents(io.BytesIO(lines), "<stdin>"))
    assert [s for s, _ in found] == ["<stdin>:2", "<stdin>:4"]
    assert all(from_json(d) == report for _, d in found)
    assert list(stream_documents(io.BytesIO(b""), "<stdin>")) == [("<stdin>", b"")]


def test_show_reads_a_json_lines_file(tmp_path: Path,
                                      capsys: pytest.CaptureFixture[str]) -> None:
    lines = tmp_path / "two.jsonl"
    assert main(["import", str(XICHENG), str(DRC), "-o", str(lines), "--notices", "none"]) == 0
    assert len(lines.read_text("utf-8").splitlines()) == 2
    assert main(["show", str(lines)]) == 0
    out = capsys.readouterr().out
    for path in (XICHENG, DRC):
        assert read_document(path, warn=False).report.metadata.agency in out


def test_batch_dash_reads_paths_from_standard_input(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    first = copy(XICHENG, tmp_path / "in" / "x.txt")
    second = copy(DRC, tmp_path / "in" / "d.html")
    feed(monkeypatch, f"{first}\n\n{second}\n".encode())
    results = tmp_path / "rows.jsonl"
    assert main(["batch", "-", "-o", str(results), "--jobs", "1", "--no-progress"]) == 0
    rows = [json.loads(line) for line in results.read_text("utf-8").splitlines()]
    assert sorted(r["path"] for r in rows) == sorted([str(first), str(second)])


def test_a_missing_file_is_reported_missing_not_read_as_text(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    missing = tmp_path / "report-without-extension"
    for command in ("import", "check"):
        assert main([command, str(missing)]) == 2
        err = capsys.readouterr().err
        assert f"{missing}: No such file or directory" in err, err
