"""``gi-report convert``: JSON <-> XML by extension or --to, with exit 2 on unreadable input."""

from __future__ import annotations

import io
import random
import re
import sys
from pathlib import Path

import pytest

from gi_report import from_xml, load, load_xml, to_json, to_xml
from gi_report.cli import main
from gi_report.synthetic import random_report
from tests.xml.helpers import ATTACKS

REPORT = random_report(random.Random(31), template="2019", blank_rate=0.2)


@pytest.fixture
def json_file(tmp_path: Path) -> Path:
    path = tmp_path / "report.json"
    path.write_text(to_json(REPORT), "utf-8")
    return path


def test_json_to_xml_and_back_by_extension(json_file: Path, tmp_path: Path,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    """The formats come from the extensions; the round trip gives back the same JSON bytes."""
    xml_path = tmp_path / "report.xml"
    assert main(["convert", str(json_file), str(xml_path)]) == 0
    assert xml_path.read_bytes() == to_xml(REPORT)
    assert load_xml(xml_path) == REPORT
    back = tmp_path / "back.json"
    assert main(["convert", str(xml_path), str(back)]) == 0
    assert back.read_bytes() == json_file.read_bytes()
    captured = capsys.readouterr()
    assert captured.out == "" and captured.err == ""


def test_to_overrides_the_extension_and_input_is_sniffed(json_file: Path, tmp_path: Path
                                                         ) -> None:
    """--to chooses the output form; an input without extension is recognised by content."""
    odd = tmp_path / "report.data"
    odd.write_bytes(json_file.read_bytes())
    out = tmp_path / "out.txt"
    assert main(["convert", str(odd), str(out), "--to", "xml", "--compact"]) == 0
    assert out.read_bytes() == to_xml(REPORT, pretty=False)
    again = tmp_path / "again.txt"
    assert main(["convert", str(out), str(again), "--to", "json"]) == 0
    assert again.read_text("utf-8") == to_json(REPORT)
    assert load(again.rename(tmp_path / "again.json")) == REPORT


def test_stdin_to_stdout(json_file: Path, monkeypatch: pytest.MonkeyPatch,
                         capsysbinary: pytest.CaptureFixture[bytes]) -> None:
    """- reads stdin and writes stdout; the output format then needs --to."""
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(json_file.read_bytes())))
    assert main(["convert", "-", "-", "--to", "xml"]) == 0
    out = capsysbinary.readouterr().out
    assert from_xml(out) == REPORT


def test_unknown_output_format_is_a_usage_error(json_file: Path, tmp_path: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    """OUT without a known extension and without --to: exit 2, nothing written."""
    out = tmp_path / "out.bin"
    assert main(["convert", str(json_file), str(out)]) == 2
    assert "--to" in capsys.readouterr().err
    assert not out.exists()


def test_missing_input(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A missing input: exit 2 and the reason on stderr."""
    assert main(["convert", str(tmp_path / "nope.json"), str(tmp_path / "x.xml")]) == 2
    err = capsys.readouterr().err
    assert "nope.json" in err and "No such file" in err


def test_invalid_input_leaves_output_untouched(tmp_path: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    """A bad document: exit 2, its located problems on stderr, the old OUT kept."""
    bad = tmp_path / "bad.xml"
    bad.write_bytes(re.sub(rb"<total (label=[^>]*)>(\d*)</total>", rb"<totl \1>\2</totl>",
                           to_xml(REPORT), count=1))
    out = tmp_path / "out.json"
    out.write_text("old", "utf-8")
    assert main(["convert", str(bad), str(out)]) == 2
    err = capsys.readouterr().err
    assert "bad.xml" in err and "line " in err and "/report/" in err
    assert out.read_text("utf-8") == "old"


def test_attack_file_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """An XXE document is refused with exit 2 and a clear reason."""
    out = tmp_path / "out.json"
    assert main(["convert", str(ATTACKS / "billion-laughs.xml"), str(out)]) == 2
    assert "DOCTYPE" in capsys.readouterr().err
    assert not out.exists()


def test_neither_json_nor_xml(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Content that is neither: exit 2 with a hint."""
    odd = tmp_path / "report.dat"
    odd.write_text("hello", "utf-8")
    assert main(["convert", str(odd), str(tmp_path / "x.xml")]) == 2
    assert "--from" in capsys.readouterr().err
