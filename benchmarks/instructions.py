"""Instructions per import, counted by valgrind: a speed figure a loaded machine does not disturb.

Runs ``read_document`` on a corpus document under valgrind's ``callgrind`` twice, in a fresh
interpreter each time (3 warm-up imports, then 7 and then 2 imports) and prints the difference
divided by 5: the instructions of one import, without start-up, module imports and first-call
caches. ``PYTHONHASHSEED=0`` fixes the hashing; what is left varies by about ±0.5 % from run
to run. CPU times on a shared machine spread by more than most changes; these counts do not.

    PYTHONPATH=src python benchmarks/instructions.py 2021-pingtan.txt
    python benchmarks/instructions.py --src /tmp/before/src 2021-pingtan.txt 2023-shuyang-drc.html
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "tests" / "data" / "corpus"
KINDS = {".html": "html", ".txt": "text", ".md": "markdown", ".docx": "docx", ".pdf": "pdf"}
WARM_UPS = 3


def _imports(path: Path, count: int) -> None:
    """The child's work: ``WARM_UPS`` imports, then ``count`` more (what callgrind counts)."""
    from gi_report import read_document

    data, kind = path.read_bytes(), KINDS[path.suffix]
    for _ in range(WARM_UPS + count):
        read_document(data, kind=kind, warn=False)


def _collected(src: str, path: Path, count: int) -> int:
    """Instructions valgrind counted for a child interpreter doing ``count`` imports."""
    env = {**os.environ, "PYTHONHASHSEED": "0", "PYTHONPATH": src}
    done = subprocess.run(
        ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", sys.executable,
         __file__, "--child", str(path), str(count)],
        env=env, capture_output=True, text=True, check=True)
    found = re.search(r"Collected\s*:\s*(\d+)", done.stderr)
    if found is None:
        raise SystemExit(f"valgrind printed no instruction count:\n{done.stderr[-2000:]}")
    return int(found.group(1))


def per_import(src: str, path: Path) -> float:
    """Instructions of one import of ``path`` with the code under ``src`` (7 less 2, over 5)."""
    return (_collected(src, path, 7) - _collected(src, path, 2)) / 5


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("documents", nargs="*", default=["2021-pingtan.txt"],
                        help="file names under tests/data/corpus, or paths")
    parser.add_argument("--src", default=str(ROOT / "src"),
                        help="the package's src directory to measure (default: this checkout's)")
    parser.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        _imports(Path(args.child[0]), int(args.child[1]))
        return
    if shutil.which("valgrind") is None:
        raise SystemExit("valgrind is not on PATH")
    for name in args.documents:
        path = Path(name) if Path(name).exists() else CORPUS / name
        print(f"{path.name:32} {per_import(args.src, path) / 1e6:8.2f} M instructions an import"
              f"  ({args.src})")


if __name__ == "__main__":
    main()
