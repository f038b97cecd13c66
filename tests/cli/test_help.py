"""``--help`` says every command and option in Chinese and English."""

from __future__ import annotations

import argparse
import re

import pytest

from gi_report.cli import build_parser, main

CJK = re.compile(r"[\u4e00-\u9fff]")
LATIN = re.compile(r"[A-Za-z]")


def _subparsers(parser: argparse.ArgumentParser) -> argparse._SubParsersAction:  # type: ignore[type-arg]
    found = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    assert len(found) == 1
    return found[0]


def _bilingual(text: str | None) -> bool:
    return text is not None and bool(CJK.search(text)) and bool(LATIN.search(text))


def test_every_option_of_every_command_is_described_in_both_languages() -> None:
    parser = build_parser()
    commands = _subparsers(parser)
    offenders = [f"gi-report {a.option_strings}" for a in parser._actions
                 if a is not commands and not _bilingual(a.help)]
    assert set(commands.choices) == {"show", "schema", "batch", "totals", "validate", "convert",
                                     "import", "check", "render"}
    for choice in commands._choices_actions:
        if not _bilingual(choice.help):
            offenders.append(f"{choice.dest}: {choice.help}")
    for name, sub in commands.choices.items():
        for action in sub._actions:
            if action.help == argparse.SUPPRESS:
                continue  # a deprecated alias: hidden from --help
            if not _bilingual(action.help):
                offenders.append(f"{name} {action.option_strings or action.metavar}: "
                                 f"{action.help}")
    assert offenders == []


def test_help_prints_both_languages(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["import", "--help"])
    assert exit_.value.code == 0
    out = capsys.readouterr().out
    assert "输出文件" in out and "output file" in out and "--fail-on" in out
