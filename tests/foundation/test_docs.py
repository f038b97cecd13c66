"""Generated documentation is current, and the README's Python example runs."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tools.gen.data_model import PAGE, render

ROOT = Path(__file__).resolve().parents[2]


def test_data_model_page_is_current() -> None:
    committed = (ROOT / "docs" / PAGE).read_text(encoding="utf-8")
    assert committed == render(), (
        "run: python tools/generate.py"
    )


def test_data_model_page_lists_every_identifier() -> None:
    from gi_report.form import TEMPLATES

    page = (ROOT / "docs" / PAGE).read_text(encoding="utf-8")
    for template in TEMPLATES.values():
        for table in template.tables:
            for row in table.rows:
                assert f"`{row.id}` | {row.label}" in page


def test_readme_python_examples_run_and_print_what_they_say(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```python\n(.*?)```", readme, flags=re.S)
    assert len(blocks) == 2, "the README has its two Python examples"
    assert len([line for line in blocks[0].splitlines() if line.strip()]) <= 5
    monkeypatch.chdir(ROOT)
    namespace: dict[str, object] = {}
    for block in blocks:
        exec(compile(block, "README.md", "exec"), namespace)
    assert capsys.readouterr().out.splitlines() == [
        "西城区城市管理指挥中心 0 0",
        "True True",
        "8 None",
    ]
