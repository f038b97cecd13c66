"""Build script: pure Python by default; ``GI_REPORT_COMPILE=1`` compiles hot modules with mypyc.

The metadata is in ``pyproject.toml``; this file only adds the optional C extensions, so a plain
``pip install .`` builds exactly the pure-Python package. See docs/performance.md, "A compiled
build (mypyc)".
"""

from __future__ import annotations

import os
from pathlib import Path

from setuptools import setup

ROOT = Path(__file__).resolve().parent
PACKAGE = Path("src", "gi_report")

#: the modules compiled, as globs under the package: the importers' stages (docs/performance.md,
#: "A compiled build (mypyc)", says why the codecs and the validators are not among them)
COMPILED = ("importers/*.py",)
#: left as Python: the PDF reader's modules (pdfplumber does the work), the DOCX and zip readers
#: (lxml and zipfile do), and the package's ``__init__``
INTERPRETED = frozenset({
    "importers/__init__.py", "importers/_pdf_dedupe.py", "importers/_pdf_inflate.py",
    "importers/_pdf_tables.py", "importers/_pdf_text.py", "importers/pdf.py",
    "importers/docx.py", "importers/_zip.py",
})
#: what the build environment needs to type-check the package (pip installs it first)
BUILD_REQUIRES = ["mypy>=1.10", "attrs>=23.1", "cattrs>=23.2", "jsonschema>=4.18", "lxml>=5.0",
                  "lxml-stubs", "types-jsonschema"]


def compiled_paths() -> list[str]:
    """The source files mypyc compiles, relative to the project's root, in a stable order."""
    found = {p for pattern in COMPILED for p in (ROOT / PACKAGE).glob(pattern)}
    names = sorted(p.relative_to(ROOT / PACKAGE).as_posix() for p in found)
    return [str(PACKAGE / n) for n in names if n not in INTERPRETED]


def ext_modules() -> list[object]:
    """The mypyc extensions when ``GI_REPORT_COMPILE=1``, else none (the pure-Python build)."""
    if os.environ.get("GI_REPORT_COMPILE") != "1":
        return []
    try:
        from mypyc.build import mypycify
    except ImportError:  # the build back end's first pass: ask for the build requirements
        setup(setup_requires=BUILD_REQUIRES)
        raise
    return list(mypycify(["--config-file", "tools/compiled/mypy.ini", *compiled_paths()],
                         opt_level="3", multi_file=True))


if __name__ == "__main__":
    os.chdir(ROOT)
    setup(ext_modules=ext_modules())
