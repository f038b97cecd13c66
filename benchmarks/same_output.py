"""The same output before and after a speed-up: every import compared exactly, document by document.

Imports every document of ``tests/data/`` (the corpus, the wild crawl dumps) and ``--cases``
harness documents of every form (``draw_cases``/``build_case``) once with the code under
``--before`` (a ``git archive`` copy: its ``src`` and ``benchmarks``) and once with this checkout's
code, each in a fresh interpreter, and compares per document the report's JSON, the notices
(``repr``, in order), ``ImportResult.locations`` (``repr``, in order) and any exception raised.
Exits 1 and names each document that differs.

    mkdir /tmp/before && git archive HEAD src benchmarks tests/data | tar -x -C /tmp/before
    PYTHONPATH=src:. python benchmarks/same_output.py --before /tmp/before --cases 300
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import subprocess
import sys
import warnings
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data" / "corpus"
SUFFIX_KIND = {".html": "html", ".txt": "text", ".md": "markdown", ".docx": "docx",
               ".pdf": "pdf"}


def _documents(cases: int, seed: int, pdf: bool) -> Iterator[tuple[str, bytes | str, str]]:
    """Every document to import: its name, content and kind (corpus, wild, harness)."""
    from benchmarks.fidelity_harness import FORMS, build_case, draw_cases
    from benchmarks.fidelity_harness.damage import DAMAGES

    for path in sorted([*DATA.glob("*.*"), *(DATA / "wild").glob("*.*")]):
        kind = SUFFIX_KIND.get(path.suffix)
        if kind is not None and (pdf or kind != "pdf"):
            yield str(path.relative_to(ROOT)), path.read_bytes(), kind
    forms = [form for form in FORMS if pdf or form != "pdf"]
    for case in draw_cases(seed, cases * len(forms), sorted(DAMAGES), forms):
        _, text, kind = build_case(case)
        yield f"case {case.seed} {case.form} {'+'.join(case.damages) or 'none'}", text, kind


def _fingerprint(content: bytes | str, kind: str) -> str:
    """One import's output as text: the report JSON, notices and locations, or the error."""
    from gi_report import read_document, to_json

    data = content.encode("utf-8") if isinstance(content, str) else content
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            result = read_document(data, kind=kind, warn=False)
    except Exception as exc:  # an import that raises must raise alike
        return f"raised {type(exc).__name__}: {exc}"
    return "\n".join([to_json(result.report), repr(result.notices),
                      repr(list(result.locations.items()))])


def _child(cases: int, seed: int, pdf: bool) -> None:
    """Print one line per document: its name and the SHA-256 of its fingerprint (JSON)."""
    import gi_report

    print(json.dumps(["<package>", gi_report.__file__]), flush=True)
    for name, content, kind in _documents(cases, seed, pdf):
        text = _fingerprint(content, kind)
        digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
        print(json.dumps([name, digest]), flush=True)


def _run(src_root: Path, args: argparse.Namespace) -> dict[str, str]:
    """The fingerprints of every document imported with the code under ``src_root``."""
    # The harness and this script are this checkout's; only ``src`` differs.
    env = dict(os.environ, PYTHONPATH=f"{src_root / 'src'}{os.pathsep}{ROOT}",
               PYTHONHASHSEED="0")
    command = [sys.executable, "-m", "benchmarks.same_output", "--child", "--before", ".",
               "--cases", str(args.cases), "--seed", str(args.seed), *(["--pdf"] * args.pdf)]
    out = subprocess.run(command, env=env, cwd=ROOT, check=True, capture_output=True, text=True)
    rows = dict(json.loads(line) for line in out.stdout.splitlines())
    package = rows.pop("<package>")
    if not Path(package).is_relative_to(src_root / "src"):
        raise SystemExit(f"{src_root}: imported {package} instead")
    return rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--before", type=Path, required=True,
                        help="root of the code before (its src/ is imported)")
    parser.add_argument("--cases", type=int, default=300, help="harness cases per form")
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--pdf", action="store_true", help="also the PDF form and document")
    parser.add_argument("--child", action="store_true",
                        help="(internal) print the fingerprints of the code on the path")
    args = parser.parse_args()
    if args.child:
        _child(args.cases, args.seed, args.pdf)
        return 0
    before = _run(args.before, args)
    after = _run(ROOT, args)
    differ = [name for name in before if before[name] != after.get(name)]
    missing = sorted(set(after) ^ set(before))
    for name in differ:
        print(f"DIFFERS: {name}")
    for name in missing:
        print(f"ONLY ONE SIDE: {name}")
    print(f"{len(before)} documents, {len(differ)} differ, {len(missing)} on one side only")
    return 1 if differ or missing else 0


if __name__ == "__main__":
    sys.exit(main())
