"""Keep every function's cyclomatic complexity (measured by radon) at or under the limit.

    python tools/complexity.py          # exit 1 on any function over the limit not allowed
    python tools/complexity.py --list   # print today's offenders in the allow-list's format

Functions over :data:`LIMIT` are allowed only when ``tools/complexity-allowlist.txt`` lists them
with their current complexity. The list is exact and can only shrink: the check also fails when a
listed function became more complex, changed its complexity, is back under the limit, or no
longer exists, so that the list is updated (downwards) with the code.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

import attrs
from radon.complexity import cc_visit
from radon.visitors import Function

ROOT = Path(__file__).resolve().parents[1]
LIMIT = 15
"""The highest cyclomatic complexity a function may have."""
PATHS = ("src/gi_report", "tools")
"""Where the functions are measured (relative to the project root)."""
ALLOW_LIST = Path(__file__).with_name("complexity-allowlist.txt")


@attrs.frozen
class Measured:
    """One function: ``path::Class.function`` and its cyclomatic complexity."""

    key: str
    complexity: int


def _functions(blocks: Iterable[object], prefix: str = "") -> Iterator[tuple[int, str, int]]:
    """(line, qualified name, complexity) of every function, method and closure."""
    for block in blocks:
        if not isinstance(block, Function):
            continue  # a class's figure is its methods', measured one by one
        owner = f"{block.classname}." if block.classname else ""
        name = f"{prefix}{owner}{block.name}"
        yield block.lineno, name, block.complexity
        yield from _functions(block.closures, prefix=f"{name}.")


def measure(root: Path = ROOT, paths: Sequence[str] = PATHS) -> list[Measured]:
    """Every function under ``paths``, in file order; a repeated name gets ``[2]``, ``[3]``…"""
    out: list[Measured] = []
    for base in paths:
        for path in sorted((root / base).rglob("*.py")):
            relative = path.relative_to(root).as_posix()
            seen: dict[str, int] = {}
            for _line, name, complexity in sorted(_functions(cc_visit(path.read_text("utf-8")))):
                seen[name] = seen.get(name, 0) + 1
                suffix = f"[{seen[name]}]" if seen[name] > 1 else ""
                out.append(Measured(f"{relative}::{name}{suffix}", complexity))
    return out


def read_allow_list(path: Path = ALLOW_LIST) -> dict[str, int]:
    """The allow-list: ``path::qualified.name complexity`` per line; ``#`` starts a comment."""
    allowed: dict[str, int] = {}
    for number, line in enumerate(path.read_text("utf-8").splitlines(), start=1):
        text = line.split("#", 1)[0].strip()
        if not text:
            continue
        key, _, value = text.rpartition(" ")
        if not key or not value.isdigit() or key.strip() in allowed:
            raise ValueError(
                f"{path}:{number}: expected 'path::name complexity' once, got {line!r}")
        allowed[key.strip()] = int(value)
    return allowed


def problems(measured: Iterable[Measured], allowed: dict[str, int], limit: int = LIMIT
             ) -> list[str]:
    """What is wrong, one line each: offenders not listed, and listed entries that are stale."""
    found = {m.key: m.complexity for m in measured}
    out = [f"{key}: complexity {value} is over {limit}; split it"
           for key, value in found.items() if value > limit and key not in allowed]
    for key, listed in allowed.items():
        if key not in found:
            out.append(f"{key}: listed with {listed} but no longer exists; remove it from the list")
        elif found[key] > listed:
            out.append(f"{key}: complexity {found[key]}, more than the {listed} listed; split it")
        elif found[key] <= limit:
            out.append(f"{key}: complexity {found[key]} is within {limit} now; remove it from "
                       "the list")
        elif found[key] < listed:
            out.append(f"{key}: complexity {found[key]}, less than the {listed} listed; write "
                       f"{found[key]} in the list")
    return out


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="tools/complexity.py", description=__doc__.split(
        "\n\n")[0])
    parser.add_argument("--list", action="store_true",
                        help="print every function over the limit, in the allow-list's format")
    args = parser.parse_args(argv)
    measured = measure()
    if args.list:
        for m in measured:
            if m.complexity > LIMIT:
                print(f"{m.key} {m.complexity}")
        return 0
    found = problems(measured, read_allow_list())
    for problem in found:
        print(problem, file=sys.stderr)
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
