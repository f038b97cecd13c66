"""One ``--fail-on`` and one ``-o/--output`` in every command; old spellings still work."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import pytest

from gi_report.cli import build_parser, main
from gi_report.cli.options import FAIL_ON, fails
from gi_report.schema import schema_text
from tests.cli.helpers import XICHENG, copy
from tests.corpus import CORPUS

REPORTING = ("batch", "validate", "import", "check", "render")
"""The commands that report findings or import notices."""

PINGTAN = CORPUS / "2019-pingtan.txt"
"""A real report with a cell the importer cannot determine (an error notice)."""


def _commands() -> dict[str, argparse.ArgumentParser]:
    actions = [a for a in build_parser()._actions if isinstance(a, argparse._SubParsersAction)]
    return dict(actions[0].choices)


def _option(parser: argparse.ArgumentParser, flag: str) -> argparse.Action | None:
    return next((a for a in parser._actions if flag in a.option_strings), None)


def test_fail_on_is_the_same_option_in_every_reporting_command() -> None:
    for name, parser in _commands().items():
        action = _option(parser, "--fail-on")
        if name in REPORTING:
            assert action is not None, name
            assert tuple(action.choices or ()) == FAIL_ON == ("error", "warning", "info", "never")
        else:
            assert action is None, name


def test_output_is_dash_o_and_double_dash_output_everywhere() -> None:
    for name, parser in _commands().items():
        action = _option(parser, "-o")
        assert action is not None and action.option_strings == ["-o", "--output"], name
        assert action.dest == "output"


def test_fails_means_at_or_above() -> None:
    assert fails(["warning"], "warning") and fails(["error"], "warning")
    assert not fails(["info"], "warning") and fails(["info"], "info")
    assert not fails(["error"], "never") and not fails([], "info")


def test_fail_on_levels_on_a_real_report(capsys: pytest.CaptureFixture[str]) -> None:
    """2019-pingtan imports with an error notice: exit 1 unless --fail-on never; check, import
    and render agree."""
    for argv in (["import", str(PINGTAN), "--notices", "none"], ["check", str(PINGTAN)],
                 ["render", str(PINGTAN), "--to", "text"]):
        assert main([*argv, "--fail-on", "error"]) == 1, argv
        assert main([*argv, "--fail-on", "never"]) == 0, argv
    capsys.readouterr()


def test_old_out_spelling_works_and_says_what_replaces_it(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "schema.json"
    assert main(["schema", "--out", str(target)]) == 0
    assert target.read_text("utf-8") == schema_text()
    err = capsys.readouterr().err
    assert "--out is deprecated; use -o/--output" in err
    results = tmp_path / "rows.jsonl"
    assert main(["batch", str(copy(XICHENG, tmp_path / "in" / "r.txt")), "--out", str(results),
                 "--no-progress"]) == 0
    assert "--out is deprecated" in capsys.readouterr().err
    assert json.loads(results.read_text("utf-8").splitlines()[0])["status"] == "ok"


def test_batch_still_needs_an_output(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["batch", str(tmp_path)]) == 2
    assert "-o/--output is required" in capsys.readouterr().err


def test_output_option_writes_what_stdout_would_show(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    report = tmp_path / "r.json"
    assert main(["import", str(XICHENG), "-o", str(report), "--notices", "none"]) == 0
    for command in (["show"], ["validate"], ["totals"], ["render", "--to", "markdown"]):
        assert main([*command, str(report)]) in (0, 1)
        printed = capsys.readouterr().out
        target = tmp_path / f"{command[0]}.out"
        assert main([*command, str(report), "-o", str(target)]) in (0, 1)
        assert capsys.readouterr().out == ""
        assert target.read_text("utf-8") == printed, command
