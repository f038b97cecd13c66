"""Text import throughput on the fidelity harness's documents: reports per second on one core.

Draws damaged generated reports (every damage kind) in the harness's text forms (one cell per
line, tab rows, pipe rows, one-line crawl dumps), renders them once, then times
``read_document`` on all of them, round after round, and prints per form and overall the CPU
milliseconds per document and documents per second (best round), against the 200 documents/s
of issue 10. ``--src`` measures the gi_report under another folder (an older ``src``), for
before/after figures.

    PYTHONPATH=src:. python benchmarks/text_forms.py
    PYTHONPATH=src:. python benchmarks/text_forms.py --cases 400 --rounds 5 --src /tmp/old/src
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

TARGET = 200.0
"""Documents per second on one core (issue 10: HTML and text import no slower than that)."""
TEXT_FORMS = ("cell_per_line", "tab_rows", "pipe_rows", "one_line")


def main(argv: list[str] | None = None) -> None:
    """Measure and print."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=400, help="documents drawn")
    parser.add_argument("--rounds", type=int, default=5, help="rounds (best is kept)")
    parser.add_argument("--seed", type=int, default=4242)
    parser.add_argument("--src", type=Path, help="import gi_report from this folder")
    args = parser.parse_args(argv)
    if args.src is not None:
        sys.path.insert(0, str(args.src.resolve()))
    from benchmarks.fidelity_harness.cases import _bytes, build_case, draw_cases
    from benchmarks.fidelity_harness.damage import DAMAGES
    from gi_report import read_document

    cases = draw_cases(args.seed, args.cases, list(DAMAGES), list(TEXT_FORMS))
    documents: dict[str, list[tuple[bytes, str]]] = {form: [] for form in TEXT_FORMS}
    for case in cases:
        _, text, kind = build_case(case)
        documents[case.form].append((_bytes(text), kind))
    for data, kind in (d for docs in documents.values() for d in docs):
        read_document(data, kind=kind, warn=False)  # warm the caches of the form's vocabulary
    best = {form: float("inf") for form in TEXT_FORMS}
    for _ in range(args.rounds):
        for form, docs in documents.items():
            start = time.process_time()
            for data, kind in docs:
                read_document(data, kind=kind, warn=False)
            best[form] = min(best[form], (time.process_time() - start) / len(docs))
    print(f"gi_report from {sys.modules['gi_report'].__file__}")
    print(f"{'form':<14} {'docs':>5} {'CPU ms/doc':>11} {'docs/s':>8}")
    for form, seconds in best.items():
        print(f"{form:<14} {len(documents[form]):>5} {seconds * 1000:>11.2f} {1 / seconds:>8.0f}")
    total = sum(best[f] * len(documents[f]) for f in TEXT_FORMS) / len(cases)
    verdict = "PASS" if 1 / total >= TARGET else "MISS"
    print(f"{'all':<14} {len(cases):>5} {total * 1000:>11.2f} {1 / total:>8.0f}   "
          f">= {TARGET:.0f} documents/s on one core: {verdict}")


if __name__ == "__main__":
    main()
