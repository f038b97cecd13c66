"""``gi-report render``: every output kind, told by --to or the extension; errors exit 2."""

from __future__ import annotations

from pathlib import Path

import pytest

from gi_report import dump, read_document
from gi_report.cli import main
from tests.render.helpers import CORPUS, differences, generated


@pytest.mark.parametrize(("name", "kind"), [("r.docx", "docx"), ("r.html", "html"),
                                            ("r.md", "markdown"), ("r.txt", "text")])
def test_render_from_json_by_extension_reads_back(tmp_path: Path, name: str, kind: str) -> None:
    report = generated(11, "2019", 0.2, "applications")
    source = tmp_path / "r.json"
    dump(report, source)
    out = tmp_path / name
    assert main(["render", str(source), "-o", str(out)]) == 0
    result = read_document(out, warn=False)
    assert result.kind == kind
    assert differences(report, result.report) == {}
    assert result.report.table_templates == {"applications": "2021"}


def test_render_a_published_report_to_word_directly(tmp_path: Path) -> None:
    source = CORPUS / "2022-beijing-xicheng-cgzx.txt"
    out = tmp_path / "xicheng.docx"
    assert main(["render", str(source), "--to", "docx", "-o", str(out)]) == 0
    want = read_document(source, warn=False).report
    assert differences(want, read_document(out, warn=False).report) == {}


def test_fragment_and_stdout(tmp_path: Path, capsysbinary: pytest.CaptureFixture[bytes]) -> None:
    source = tmp_path / "r.json"
    dump(generated(12, "2021", 0.0), source)
    assert main(["render", str(source), "--to", "html", "--fragment"]) == 0
    out = capsysbinary.readouterr().out.decode("utf-8")
    assert out.startswith("<article") and "<style" not in out


def test_unknown_output_kind_and_unreadable_input_exit_2(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "r.json"
    dump(generated(13, "2021", 0.0), source)
    assert main(["render", str(source), "-o", str(tmp_path / "r.pdf")]) == 2
    assert "--to" in capsys.readouterr().err
    assert main(["render", str(tmp_path / "missing.json"), "-o", str(tmp_path / "x.docx")]) == 2
    assert not (tmp_path / "x.docx").exists()
    bad = tmp_path / "bad.json"
    bad.write_text('{"template": "2021"}', "utf-8")
    assert main(["render", str(bad), "-o", str(tmp_path / "y.docx")]) == 2
    assert "bad.json" in capsys.readouterr().err
