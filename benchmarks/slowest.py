"""The slowest documents of a harness run: CPU seconds per case, and a line to replay each.

A search without a bound in the importer shows as one document that never finishes, which
stops a whole run of ``benchmarks/fidelity.py``. This runs the same cases (the same draw for
``--seed``, ``--cases``, ``--kinds`` and ``--forms``), measures each case in CPU seconds of its
worker (build, import, compare and, with ``--tries``, the proof of blanks), stops a case at
``--limit`` CPU seconds (listed as over the limit: the run goes on), and prints right / blank /
wrong as ``fidelity.py`` does, then the ``--top`` slowest cases with their ``Case(...)`` lines
(``run_case(Case(...), tries=0)`` from ``benchmarks.fidelity_harness`` replays one).

    PYTHONPATH=src:. python benchmarks/slowest.py --seed 2048 --forms one_line_blanks \\
        --cases 1000 --tries 0 --top 10 --wrong /tmp/wrong.json
"""

from __future__ import annotations

import argparse
import functools
import multiprocessing
import signal
import statistics
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from types import FrameType

import attrs

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # run as a script from anywhere

from benchmarks.fidelity import HEADER, Totals, _names, _write_json, _wrong_rows
from benchmarks.fidelity_harness import DAMAGES, FORMS, Case, Outcome, draw_cases, run_case


class _OverLimit(BaseException):
    """A case's CPU time ran over ``--limit`` (a ``BaseException``: ``run_case`` turns every
    ``Exception`` of an import into an outcome)."""


def _over_limit(signum: int, frame: FrameType | None) -> None:
    raise _OverLimit


@attrs.frozen
class Timed:
    """One case's outcome (``None`` when stopped at the limit) and the CPU seconds it took."""

    index: int  #: its place in the run's draw
    case: Case
    outcome: Outcome | None
    seconds: float


def timed(item: tuple[int, Case], *, tries: int, limit: float) -> Timed:
    """Run one case, measured in this process's CPU seconds and stopped after ``limit``
    (user CPU seconds, ``ITIMER_VIRTUAL``: the machine's other load does not count)."""
    index, case = item
    signal.signal(signal.SIGVTALRM, _over_limit)
    start = time.process_time()
    outcome: Outcome | None = None
    try:
        signal.setitimer(signal.ITIMER_VIRTUAL, limit)
        outcome = run_case(case, tries=tries)
    except _OverLimit:
        outcome = None
    finally:
        signal.setitimer(signal.ITIMER_VIRTUAL, 0)
    return Timed(index, case, outcome, time.process_time() - start)


def replay(case: Case) -> str:
    """The line that rebuilds a case (``Case`` from ``benchmarks.fidelity_harness``)."""
    return f"Case({case.seed}, {case.damages!r}, {case.form!r})"


def _line(t: Timed, limit: float) -> str:
    if t.outcome is None:
        result = f"over the {limit:g} s limit"
    elif t.outcome.tally is None:
        result = f"raised {t.outcome.error}"
    else:
        tally = t.outcome.tally
        result = f"right {tally.right}, blank {tally.blank}, wrong {len(tally.wrong)}"
    return f"{t.seconds:>9.3f} s  #{t.index:<6}{replay(t.case)}  # {result}"


def report(timings: Sequence[Timed], top: int, limit: float) -> None:
    """Totals as ``fidelity.py`` prints them, the spread of CPU times, the slowest cases."""
    overall = Totals()
    for t in timings:
        if t.outcome is not None:
            overall.add(t.outcome)
    over = [t for t in timings if t.outcome is None]
    print(HEADER)
    print(overall.line("overall"))
    seconds = sorted(t.seconds for t in timings)
    if seconds:
        print(f"\nCPU seconds per case: total {sum(seconds):.1f}, median "
              f"{statistics.median(seconds):.4f}, 99th percentile "
              f"{seconds[min(len(seconds) - 1, int(0.99 * len(seconds)))]:.3f}, "
              f"max {seconds[-1]:.3f}; over the {limit:g} s limit: {len(over)}")
    print(f"\nthe {min(top, len(timings))} slowest cases (CPU s, place in the draw, replay line):")
    for t in sorted(timings, key=lambda t: -t.seconds)[:top]:
        print(_line(t, limit))


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cases", type=int, default=1000, help="damaged documents (1000)")
    parser.add_argument("--seed", type=int, default=2026, help="seed of the whole run")
    parser.add_argument("--kinds", help="comma-separated damage kinds (default: all)")
    parser.add_argument("--forms", help="comma-separated document forms (default: all)")
    parser.add_argument("--jobs", type=int, default=1, help="worker processes")
    parser.add_argument("--tries", type=int, default=0,
                        help="alternative reports rendered per case by the proof of blanks (0)")
    parser.add_argument("--top", type=int, default=10, help="slowest cases listed (10)")
    parser.add_argument("--limit", type=float, default=120.0,
                        help="CPU seconds after which a case is stopped (120)")
    parser.add_argument("--wrong", type=Path, default=None,
                        help="where to write the wrong cells and raised documents (JSON)")
    args = parser.parse_args(argv)
    kinds = _names(args.kinds, list(DAMAGES), "damage kinds")
    forms = _names(args.forms, list(FORMS), "forms")
    cases = list(enumerate(draw_cases(args.seed, args.cases, kinds, forms)))
    run = functools.partial(timed, tries=args.tries, limit=args.limit)
    start = time.perf_counter()
    if args.jobs > 1:
        with multiprocessing.Pool(args.jobs) as pool:
            timings = pool.map(run, cases, chunksize=4)
    else:
        timings = [run(c) for c in cases]
    print(f"{len(cases)} documents, seed {args.seed}, {len(kinds)} damage kinds × {len(forms)} "
          f"forms, {time.perf_counter() - start:.1f} s, {args.jobs} job(s), --tries {args.tries}")
    report(timings, args.top, args.limit)
    if args.wrong is not None:
        rows = _wrong_rows([t.outcome for t in timings if t.outcome is not None])
        _write_json(args.wrong, rows)
        print(f"\n{len(rows)} wrong and indistinguishable cells and raised documents written to "
              f"{args.wrong}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
