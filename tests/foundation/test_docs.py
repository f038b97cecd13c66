"""Generated documentation is current, and the README's Python example runs."""

from __future__ import annotations

import re
from pathlib import Path

from gi_report.form.reference import PAGE, render

ROOT = Path(__file__).resolve().parents[2]


def test_data_model_page_is_current() -> None:
    committed = (ROOT / "docs" / PAGE).read_text(encoding="utf-8")
    assert committed == render(), (
        "run: python -c \"from gi_report.form.reference import write; write('docs')\""
    )


def test_data_model_page_lists_every_identifier() -> None:
    from gi_report.form import TEMPLATES

    page = (ROOT / "docs" / PAGE).read_text(encoding="utf-8")
    for template in TEMPLATES.values():
        for table in template.tables:
            for row in table.rows:
                assert f"`{row.id}` | {row.label}" in page


def test_readme_python_example_runs() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```python\n(.*?)```", readme, flags=re.S)
    assert blocks, "the README has a Python example"
    namespace: dict[str, object] = {}
    import os

    cwd = os.getcwd()
    os.chdir(ROOT)
    try:
        exec(compile(blocks[0], "README.md", "exec"), namespace)
    finally:
        os.chdir(cwd)
