"""The tests test the working tree: ``gi_report`` is imported from ``src/``, in this process and
in the processes the tests start, whatever copy is installed in the environment."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import gi_report

SRC = Path(__file__).resolve().parents[2] / "src"


def test_gi_report_is_imported_from_src() -> None:
    assert Path(gi_report.__file__).resolve().is_relative_to(SRC / "gi_report")


def test_subprocesses_import_gi_report_from_src(tmp_path: Path) -> None:
    done = subprocess.run([sys.executable, "-c", "import gi_report; print(gi_report.__file__)"],
                          cwd=tmp_path, capture_output=True, text=True, check=True)
    assert Path(done.stdout.strip()).resolve().is_relative_to(SRC / "gi_report")
