"""Regenerate every file derived from the form, or check that the committed ones are current.

    python tools/generate.py            # check the form, then rewrite every derived file
    python tools/generate.py --check    # check the form, then exit 1 if any file is stale

The form description (:mod:`gi_report.form`) is checked first (:mod:`tools.formcheck`); nothing
is written while it is inconsistent. The derived files are the published JSON Schema and XSDs
(``schemas/``, and the copies the runtime reads in ``src/gi_report/schemas/``) and the generated
documentation pages. This is a development tool: the installed package never imports it.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

import attrs

ROOT = Path(__file__).resolve().parents[1]
# ``tools``, and gi_report from this tree (not an installed copy)
for _path in (ROOT, ROOT / "src"):
    if str(_path) not in sys.path:
        sys.path.insert(0, str(_path))

from gi_report.fileio import write_atomic  # noqa: E402
from gi_report.form import TEMPLATES  # noqa: E402
from gi_report.xsd import xsd_filename  # noqa: E402
from tools.formcheck import form_problems  # noqa: E402
from tools.gen import (  # noqa: E402
    analysis_docs,
    data_model,
    json_schema,
    notice_catalogue,
    rules_doc,
    xml_reference,
    xsd,
)

PUBLISHED = "schemas"
"""The published copy of the schemas, for other tools to reuse."""
SHIPPED = "src/gi_report/schemas"
"""The copy shipped as package data, which the runtime reads."""
SCHEMA = "report.schema.json"
_RESTARTED = "GI_REPORT_GENERATE_RESTARTED"


@attrs.frozen
class Derived:
    """One generated file: where it lives and how its content is made from the current one
    (pages with a generated section keep the rest of their text)."""

    path: str  #: relative to the project root
    make: Callable[[str | None], bytes]
    reload: bool = False  #: the runtime reads it, and later files are derived from that view


def _whole(text: Callable[[], str]) -> Callable[[str | None], bytes]:
    return lambda _current: text().encode("utf-8")


def _section(replace: Callable[[str], str], path: str) -> Callable[[str | None], bytes]:
    def make(current: str | None) -> bytes:
        if current is None:
            raise FileNotFoundError(f"{path}: the page holding the generated section is missing")
        return replace(current).encode("utf-8")

    return make


def _xsd(name: str) -> Callable[[str | None], bytes]:
    return lambda _current: xsd.xsd_documents()[name]


def derived_files() -> list[Derived]:
    """Every generated file, the JSON Schema first (the XSDs are built from the shipped one)."""
    out = [Derived(f"{d}/{SCHEMA}", _whole(json_schema.schema_text), reload=d == SHIPPED)
           for d in (SHIPPED, PUBLISHED)]
    for version in TEMPLATES:
        name = xsd_filename(version)
        out += [Derived(f"{d}/{name}", _xsd(name)) for d in (SHIPPED, PUBLISHED)]
    out += [
        Derived("docs/data-model.md", _whole(data_model.render)),
        Derived("docs/rules.md", _whole(rules_doc.render_markdown)),
        *(Derived(f"docs/{name}", _whole(make))
          for name, make in analysis_docs.GENERATED_DOCS.items()),
        Derived("docs/xml.md", _section(xml_reference.replace_section, "docs/xml.md")),
        Derived("docs/importers.md", _section(notice_catalogue.with_table, "docs/importers.md")),
    ]
    return out


def _current(path: Path) -> bytes | None:
    return path.read_bytes() if path.is_file() else None


def stale_files(root: Path = ROOT) -> list[str]:
    """The derived files (relative paths) that are missing or differ from a fresh generation."""
    stale = []
    for target in derived_files():
        current = _current(root / target.path)
        fresh = target.make(None if current is None else current.decode("utf-8"))
        if current != fresh:
            stale.append(target.path)
    return stale


def write_all(root: Path = ROOT) -> tuple[list[str], bool]:
    """Rewrite every stale derived file; returns the paths written and whether a file the runtime
    reads changed (then the runtime's view is out of date in this process)."""
    written: list[str] = []
    for target in derived_files():
        path = root / target.path
        current = _current(path)
        fresh = target.make(None if current is None else current.decode("utf-8"))
        if current == fresh:
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(path, fresh)
        written.append(target.path)
        if target.reload:
            return written, True
    return written, False


def main(argv: Sequence[str] | None = None) -> int:
    """The command line; exit 0 when everything is current (or was rewritten), 1 otherwise."""
    parser = argparse.ArgumentParser(
        prog="tools/generate.py",
        description="Check the form, then regenerate every derived file (schemas, XSDs, "
        "generated documentation).",
    )
    parser.add_argument("--check", action="store_true",
                        help="write nothing; exit 1 if a derived file is missing or stale")
    args = parser.parse_args(argv)
    problems = form_problems(TEMPLATES)
    for problem in problems:
        print(f"form: {problem}", file=sys.stderr)
    if problems:
        print(f"the form has {len(problems)} problem(s); nothing generated", file=sys.stderr)
        return 1
    if args.check:
        stale = stale_files()
        for path in stale:
            print(f"{path}: stale or missing; run python tools/generate.py", file=sys.stderr)
        return 1 if stale else 0
    written, reload = write_all()
    for path in written:
        print(f"wrote {path}")
    if reload and not os.environ.get(_RESTARTED):
        # The runtime read the old shipped schema when it was imported: start again so that what
        # is derived from it (the XML vocabulary, the XSDs) is built from the new one.
        os.environ[_RESTARTED] = "1"
        os.execv(sys.executable, [sys.executable, str(Path(__file__).resolve()), *sys.argv[1:]])
    return 0


if __name__ == "__main__":
    sys.exit(main())
