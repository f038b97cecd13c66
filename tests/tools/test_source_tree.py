"""The tests test the working tree: ``gi_report`` is imported from ``src/``, in this process and
in the processes the tests start, whatever copy is installed in the environment; or, when the
suite is run against the installed package on purpose (``GI_REPORT_TEST_INSTALLED=1``, the
compiled build), from the installed package and never from ``src/``."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import gi_report
from tests.conftest import INSTALLED

SRC = Path(__file__).resolve().parents[2] / "src"


def _from_src(path: str) -> bool:
    return Path(path).resolve().is_relative_to(SRC / "gi_report")


def test_gi_report_is_imported_from_src() -> None:
    assert _from_src(gi_report.__file__) is not INSTALLED


def test_subprocesses_import_gi_report_from_src(tmp_path: Path) -> None:
    done = subprocess.run([sys.executable, "-c", "import gi_report; print(gi_report.__file__)"],
                          cwd=tmp_path, capture_output=True, text=True, check=True)
    assert _from_src(done.stdout.strip()) is not INSTALLED
