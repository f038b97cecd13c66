"""Shared by the command-line tests: real corpus documents and a way to feed standard input."""

from __future__ import annotations

import io
import sys
from pathlib import Path
from types import SimpleNamespace

import attrs
import pytest

from gi_report import Report
from tests.corpus import CORPUS

XICHENG = CORPUS / "2022-beijing-xicheng-cgzx.txt"
DRC = CORPUS / "2023-shuyang-drc.html"
SHUYANG = CORPUS / "2025-shuyang-county.md"
PUBLISHED = (XICHENG, DRC, SHUYANG)
"""Real published reports (text, HTML, Markdown) that import without an error notice."""


def feed(monkeypatch: pytest.MonkeyPatch, data: bytes) -> None:
    """Make ``data`` the standard input of the next ``main`` call."""
    monkeypatch.setattr(sys, "stdin", SimpleNamespace(buffer=io.BytesIO(data)))


def copy(source: Path, target: Path) -> Path:
    """``source`` copied to ``target`` (its directories made), for tests that need a layout."""
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(source.read_bytes())
    return target


def without_source(report: Report) -> Report:
    """The report without the file name it was read from (standard input has none)."""
    return attrs.evolve(report, metadata=attrs.evolve(report.metadata, source=None))
