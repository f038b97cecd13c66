"""The house of docs/architecture.md holds: every import goes down (or stays on its floor), the
middle floor's packages are independent, and the package never imports the development tools."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "src" / "gi_report"

FLOORS: tuple[frozenset[str], ...] = (
    frozenset({"__init__", "__main__", "cli"}),
    frozenset({"batch"}),
    frozenset({"render"}),
    frozenset({"importers", "validation", "analysis"}),
    frozenset({"codec"}),
    frozenset({"schema", "xsd"}),
    frozenset({"model", "table", "synthetic", "bounds", "carryover", "claims"}),
    frozenset({"form"}),
    frozenset({"errors", "findings", "fileio", "xmlsafety", "exact", "numbers"}),
)
"""Top floor first, as docs/architecture.md draws them."""
MIDDLE = FLOORS[2]
PENDING: set[tuple[str, str]] = set()
"""Imports against the flow still to be removed (none: validation takes Location from
findings.py, not from the importers)."""


def _unit(path: Path) -> str:
    """The package (or top-level module) of ``gi_report`` a source file belongs to."""
    return path.relative_to(PACKAGE).with_suffix("").parts[0]


def _imports(path: Path) -> Iterator[str]:
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            yield node.module
        elif isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)


def _edges() -> set[tuple[str, str, str]]:
    edges = set()
    for path in PACKAGE.rglob("*.py"):
        for module in _imports(path):
            parts = module.split(".")
            if parts[0] == "tools":
                edges.add((_unit(path), "tools", path.name))
            elif parts[0] == "gi_report":
                target = parts[1] if len(parts) > 1 else "__init__"
                if target != _unit(path):
                    edges.add((_unit(path), target, path.name))
    return edges


def _floor(unit: str) -> int:
    (floor,) = [i for i, members in enumerate(FLOORS) if unit in members]
    return floor


def test_every_package_is_on_a_floor() -> None:
    units = {_unit(p) for p in PACKAGE.rglob("*.py")} | {
        p.name for p in PACKAGE.iterdir() if p.is_dir() and (p / "__init__.py").exists()}
    placed = set().union(*FLOORS)
    assert units - placed == set(), "add the new package to FLOORS and docs/architecture.md"
    page = (ROOT / "docs" / "architecture.md").read_text("utf-8")
    for unit in placed - {"__init__", "__main__"}:
        assert unit in page


def test_imports_go_down_and_the_middle_floor_is_independent() -> None:
    upward = sorted((a, b, f) for a, b, f in _edges()
                    if b != "tools" and _floor(b) < _floor(a))
    assert upward == []
    across = sorted((a, b, f) for a, b, f in _edges()
                    if a in MIDDLE and b in MIDDLE and (a, b) not in PENDING)
    assert across == []


def test_the_package_never_imports_the_development_tools() -> None:
    assert sorted(e for e in _edges() if e[1] == "tools") == []
