"""``gi-report import a b | gi-report CMD -`` end to end, in real subprocesses, on real reports."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from gi_report import from_json, from_xml, read_document
from gi_report.codec.json import to_json
from gi_report.validation import validate_document
from tests.cli.helpers import PUBLISHED

COMMAND = [sys.executable, "-m", "gi_report"]


def _run(args: list[str], stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([*COMMAND, *args], input=stdin, capture_output=True, check=False,
                          timeout=300)


def _imported() -> bytes:
    """What ``gi-report import`` writes for the three real reports: JSON Lines."""
    done = _run(["import", *map(str, PUBLISHED), "--notices", "none"])
    assert done.returncode == 0, done.stderr.decode()
    return done.stdout


def test_import_several_writes_one_report_per_line() -> None:
    lines = _imported().decode("utf-8").splitlines()
    assert len(lines) == len(PUBLISHED)
    for line, path in zip(lines, PUBLISHED, strict=True):
        assert from_json(line) == read_document(path, warn=False).report


def test_import_then_validate_through_a_pipe() -> None:
    """The issue's pipe: every report is validated, each as a line of JSON Lines, with the same
    findings as validating the report on its own."""
    first = subprocess.Popen([*COMMAND, "import", *map(str, PUBLISHED), "--notices", "none"],
                             stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    second = subprocess.run([*COMMAND, "validate", "-", "--format", "json"], stdin=first.stdout,
                            capture_output=True, check=False, timeout=300)
    assert first.stdout is not None
    first.stdout.close()
    assert first.wait(timeout=300) == 0
    assert second.returncode == 0, second.stderr.decode()
    results = [json.loads(line) for line in second.stdout.decode("utf-8").splitlines()]
    assert [r["source"] for r in results] == ["<stdin>:1", "<stdin>:2", "<stdin>:3"]
    for result, path in zip(results, PUBLISHED, strict=True):
        alone = validate_document(to_json(read_document(path, warn=False).report).encode())
        assert result["subject"] == alone.subject
        assert [f["code"] for f in result["findings"]] == [f.code for f in alone.findings]


def test_show_totals_render_and_convert_read_json_lines() -> None:
    stream = _imported()
    agencies = [read_document(p, warn=False).report.metadata.agency for p in PUBLISHED]
    shown = _run(["show", "-"], stream)
    assert shown.returncode == 0, shown.stderr.decode()
    assert all(agency in shown.stdout.decode("utf-8") for agency in agencies)
    totals = _run(["totals", "-", "--year", "2025", "--format", "json"], stream)
    assert totals.returncode == 0, totals.stderr.decode()
    assert len(json.loads(totals.stdout)["coverage"]["children"]) == len(PUBLISHED)
    text = _run(["render", "-", "--to", "text"], stream)
    assert text.returncode == 0, text.stderr.decode()
    assert all(agency in text.stdout.decode("utf-8") for agency in agencies)
    converted = _run(["convert", "-", "--compact"], stream)
    assert converted.returncode == 0 and converted.stdout == stream


def test_convert_json_lines_into_a_directory_of_xml(tmp_path: Path) -> None:
    out = tmp_path / "xml"
    done = _run(["convert", "-", "-o", f"{out}/", "--to", "xml"], _imported())
    assert done.returncode == 0, done.stderr.decode()
    assert sorted(p.name for p in out.iterdir()) == ["stdin-1.xml", "stdin-2.xml", "stdin-3.xml"]
    for number, path in enumerate(PUBLISHED, start=1):
        assert from_xml((out / f"stdin-{number}.xml").read_bytes()) == read_document(
            path, warn=False).report


def test_one_indented_document_on_stdin_is_one_report() -> None:
    document = to_json(read_document(PUBLISHED[0], warn=False).report).encode()
    done = _run(["validate", "-"], document)
    assert done.returncode == 0, done.stderr.decode()
    assert done.stdout.decode("utf-8").startswith("== <stdin> — ")
