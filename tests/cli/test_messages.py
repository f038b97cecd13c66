"""Messages name flags, not Python arguments; long problem lists are capped unless --verbose."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from gi_report.cli import main
from gi_report.cli.messages import SHOWN_PROBLEMS, flagged
from tests.corpus import CORPUS

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "2022-beijing-xicheng-cgzx.json"


def test_flagged_replaces_known_arguments_only() -> None:
    assert flagged("pass harmonise=True to carry them") == "pass --harmonise to carry them"
    assert flagged("cannot be summed without year=") == "cannot be summed without --year"
    assert flagged("kind='pdf' or blank_as_zero=False") == "--kind 'pdf' or --blank-as-zero"
    assert flagged("a=b and key=value stay") == "a=b and key=value stay"
    assert flagged("in/year=2023/to=x.json: year=2023.json") == (
        "in/year=2023/to=x.json: year=2023.json")


def test_totals_messages_name_flags(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Real reports of two years, and of two templates: the advice names --year, --harmonise."""
    years = [str(CORPUS / "2024-huaian-city.pdf"), str(CORPUS / "2025-shuyang-county.md")]
    assert main(["totals", *years]) == 2
    err = capsys.readouterr().err
    assert "--year" in err and "year=" not in err
    templates = [str(CORPUS / "2019-pingtan.txt"), str(CORPUS / "2024-huaian-city.pdf")]
    assert main(["totals", *templates, "--year", "2024"]) == 2
    err = capsys.readouterr().err
    assert "--harmonise" in err and "harmonise=" not in err


def _broken(tmp_path: Path, how_many: int) -> Path:
    """The example document with ``how_many`` unknown members: one problem each."""
    document = json.loads(EXAMPLE.read_text("utf-8"))
    for i in range(how_many):
        document["metadata"][f"extra_{i:03d}"] = i
    path = tmp_path / "broken.json"
    path.write_text(json.dumps(document, ensure_ascii=False), "utf-8")
    return path


@pytest.mark.parametrize("command", ["show", "convert"])
def test_many_problems_are_capped_unless_verbose(command: str, tmp_path: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    broken = _broken(tmp_path, 40)
    extra = [str(tmp_path / "out.xml")] if command == "convert" else []
    assert main([command, str(broken), *extra]) == 2
    err = capsys.readouterr().err
    assert err.count("extra_") == SHOWN_PROBLEMS
    assert f"… and {40 - SHOWN_PROBLEMS} more" in err and "--verbose" in err
    assert main([command, str(broken), *extra, "--verbose"]) == 2
    assert capsys.readouterr().err.count("extra_") == 40


def test_a_few_problems_are_all_listed(tmp_path: Path,
                                       capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["show", str(_broken(tmp_path, 3))]) == 2
    err = capsys.readouterr().err
    assert err.count("extra_") == 3 and "more" not in err
