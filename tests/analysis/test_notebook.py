"""The example notebook runs from top to bottom outside the checkout (the notebook extra is a
test dependency): on the real reports bundled as package data, and on a directory given by its
one setting, ``REPORTS_DIR``. Its figures are checked against the hand-checked cell values."""

from __future__ import annotations

import ast
import json
import re
import shutil
import sys
from importlib.metadata import packages_distributions, requires
from importlib.resources import files
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
NOTEBOOK = ROOT / "examples" / "analysis.ipynb"
CORPUS = ROOT / "tests" / "data" / "corpus"
SETTING = "REPORTS_DIR = None"


def _run(notebook: Any, directory: Path) -> str:
    """Execute ``notebook`` with ``directory`` as the working directory; its printed text."""
    import nbclient

    nbclient.NotebookClient(
        notebook, timeout=120, kernel_name="python3",
        resources={"metadata": {"path": str(directory)}},
    ).execute()
    outputs = [o for cell in notebook.cells if cell.cell_type == "code" for o in cell.outputs]
    errors = [o for o in outputs if o.get("output_type") == "error"]
    assert not errors, errors[0].get("evalue")
    assert any("image/png" in o.get("data", {}) for o in outputs), "the chart was not drawn"
    return "".join(str(o.get("text", "")) for o in outputs)


def _expected_totals(folder: Path) -> dict[str, int | None]:
    """The hand-checked （七）总计·总计 of each report in ``folder``, by file name."""
    out: dict[str, int | None] = {}
    for path in sorted((folder / "expected").glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        out[data["file"]] = data["applications"]["results_total"]["total"]
    return out


def test_analysis_notebook_runs_outside_the_checkout(tmp_path: Path) -> None:
    """Every cell runs from a temporary directory; the importers read the bundled reports to
    the hand-checked totals, and the sum of the newest-template ones is theirs."""
    import nbformat

    from gi_report import TEMPLATES

    notebook = nbformat.read(NOTEBOOK, as_version=4)
    sources = "\n".join(cell.source for cell in notebook.cells if cell.cell_type == "code")
    assert "tests/" not in sources and "pyproject" not in sources and SETTING in sources
    work = tmp_path / "elsewhere"
    work.mkdir()
    text = _run(notebook, work)
    expected = _expected_totals(CORPUS)
    assert len(expected) == 7
    for index, total in enumerate(expected.values()):  # files sorted by name, as the notebook
        assert f"results_total.total #{index}: {total}\n" in text
    newest = [json.loads(p.read_text(encoding="utf-8")) for p in (CORPUS / "expected").iterdir()]
    stated = sum(d["applications"]["results_total"]["total"] for d in newest
                 if d["template"] == TEMPLATES.newest.version)
    assert stated == 3863  # 69 + 0 + 26 + 3050 + 718
    assert f"results_total.total (sum): {stated}\n" in text
    assert "blank if any blank: <NA>\n" in text  # the Shanghai report leaves it blank


def test_analysis_notebook_reads_the_directory_it_is_given(tmp_path: Path) -> None:
    """With ``REPORTS_DIR`` set, the notebook reads that directory (here two real reports)."""
    import nbformat

    folder = tmp_path / "my reports"
    folder.mkdir()
    names = ["2021-pingtan-jinjing.txt", "2023-pingtan-hzs.txt"]
    for name in names:
        shutil.copy(CORPUS / "wild" / name, folder / name)
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    first = next(c for c in notebook.cells if c.cell_type == "code" and SETTING in c.source)
    first.source = first.source.replace(SETTING, f"REPORTS_DIR = {str(folder)!r}")
    text = _run(notebook, tmp_path)
    expected = _expected_totals(CORPUS / "wild")
    for index, name in enumerate(names):
        assert f"results_total.total #{index}: {expected[name]}\n" in text
    assert "no agency has two reports here" in text


def test_the_bundled_reports_are_the_corpus_copies() -> None:
    """The package data the notebook reads is byte for byte the test corpus's real reports."""
    bundled = files("gi_report") / "samples"
    names = sorted(p.name for p in bundled.iterdir() if p.name != "SOURCES")
    assert names == sorted(_expected_totals(CORPUS))
    for name in names:
        assert (bundled / name).read_bytes() == (CORPUS / name).read_bytes(), name


_REQUIREMENT = re.compile(r"([A-Za-z0-9._-]+)(?:\[([^\]]*)\])?[^;]*(?:;\s*extra\s*==\s*\"(\w+)\")?")


def _extra(name: str | None, seen: set[str]) -> set[str]:
    """The distributions ``pip install 'gi-report[name]'`` installs (``None``: the core)."""
    out: set[str] = set()
    for requirement in requires("gi-report") or []:
        match = _REQUIREMENT.match(requirement)
        assert match, requirement
        distribution, extras, extra = match.groups()
        if extra != name:
            continue
        if distribution.lower() == "gi-report":
            for inner in (extras or "").split(","):
                if inner not in seen:
                    seen.add(inner)
                    out |= _extra(inner, seen)
        else:
            out.add(distribution.lower().replace("_", "-"))
    return out


def test_the_notebook_extra_installs_everything_the_notebook_imports() -> None:
    """Every module the notebook imports (and the kernel, and the PDF reader for the bundled
    PDF) comes with ``gi-report[notebook]``, the core or the standard library."""
    import nbformat

    notebook = nbformat.read(NOTEBOOK, as_version=4)
    modules = {"ipykernel", "pdfplumber"}
    for cell in notebook.cells:
        if cell.cell_type == "code":
            for node in ast.walk(ast.parse(cell.source)):
                if isinstance(node, ast.Import):
                    modules |= {a.name.split(".")[0] for a in node.names}
                elif isinstance(node, ast.ImportFrom) and node.module:
                    modules.add(node.module.split(".")[0])
    installed = _extra("notebook", set()) | _extra(None, set())
    providers = packages_distributions()
    for module in sorted(modules - set(sys.stdlib_module_names) - {"gi_report"}):
        names = {d.lower().replace("_", "-") for d in providers.get(module, [])}
        assert names & installed, f"{module} is not installed by gi-report[notebook]"
    assert {"matplotlib", "pandas", "pdfplumber", "ipykernel"} <= installed
