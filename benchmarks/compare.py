"""gi-report against the plain libraries, side by side in one process: every row of issue 14.

Each row times a gi-report path and its baseline(s) on the same input, interleaved (round 1 of
each, then round 2 of each, ...), so that a disturbance of the machine hits both. CPU time
(``time.process_time``) and wall time are printed, best and median per call; the ratio to a
target uses the best CPU time (the least disturbed), except for the batch, where the workers'
work is in other processes and the wall time is what a user waits. Each target of the issue is
printed with its measured ratio and PASS or MISS.

    PYTHONPATH=src python benchmarks/compare.py            # the full run (a few minutes)
    PYTHONPATH=src python benchmarks/compare.py --quick    # under 60 s, smaller samples
    PYTHONPATH=src python benchmarks/compare.py --only validate html
"""

from __future__ import annotations

import argparse
import functools
import io
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import attrs

CORPUS = Path(__file__).resolve().parents[1] / "tests" / "data" / "corpus"
SRC = Path(__file__).resolve().parents[1] / "src"


@attrs.frozen
class Timing:
    """Seconds per call of one contender over the rounds: CPU and wall, best and median."""

    cpu: tuple[float, ...]
    wall: tuple[float, ...]

    @property
    def best(self) -> float:
        return min(self.cpu)

    def text(self) -> str:
        return (f"cpu {_t(min(self.cpu))} (median {_t(statistics.median(self.cpu))}), "
                f"wall {_t(min(self.wall))} (median {_t(statistics.median(self.wall))})")


def _t(seconds: float) -> str:
    if seconds >= 1:
        return f"{seconds:.2f} s"
    if seconds >= 1e-3:
        return f"{seconds * 1e3:.2f} ms"
    return f"{seconds * 1e6:.1f} µs"


def interleaved(contenders: Sequence[Callable[[], object]], *, calls: int,
                rounds: int) -> list[Timing]:
    """Time each contender ``calls`` times per round, the contenders taking turns each round."""
    for run in contenders:
        run()  # warm caches, imports and compiled patterns
    cpu: list[list[float]] = [[] for _ in contenders]
    wall: list[list[float]] = [[] for _ in contenders]
    for _ in range(rounds):
        for i, run in enumerate(contenders):
            c0, w0 = time.process_time(), time.perf_counter()
            for _ in range(calls):
                run()
            cpu[i].append((time.process_time() - c0) / calls)
            wall[i].append((time.perf_counter() - w0) / calls)
    return [Timing(tuple(c), tuple(w)) for c, w in zip(cpu, wall, strict=True)]


RESULTS: list[tuple[str, str, float, str, bool]] = []
"""(row, target, measured, measured as text, met) for the closing summary."""


def target(row: str, wording: str, measured: float, shown: str, met: bool) -> None:
    """Print one target with its measured value and PASS/MISS, and keep it for the summary."""
    RESULTS.append((row, wording, measured, shown, met))
    print(f"    target {wording}: {shown} -> {'PASS' if met else 'MISS'}")


def show(names: Sequence[str], timings: Sequence[Timing]) -> None:
    for name, timing in zip(names, timings, strict=True):
        print(f"    {name:<38} {timing.text()}")


# --- the rows ------------------------------------------------------------------------------------


def row_html(calls: int, rounds: int) -> None:
    import pandas as pd  # type: ignore[import-untyped,unused-ignore]
    from lxml import html as lxml_html

    from gi_report import read_document

    data = (CORPUS / "2023-shuyang-drc.html").read_bytes()
    text = data.decode("utf-8")
    print(f"HTML import ({len(data) / 1024:.1f} KiB page, 2023-shuyang-drc.html)")
    timings = interleaved([
        lambda: read_document(data, kind="html", warn=False),
        lambda: pd.read_html(io.StringIO(text), flavor="lxml"),
        lambda: lxml_html.fromstring(data),
    ], calls=calls, rounds=rounds)
    show(["gi-report read_document", "pandas.read_html (lxml)", "lxml.html.fromstring"],
         timings)
    ours, pandas, lxml = (t.best for t in timings)
    target("HTML import", "<= 0.3x pandas.read_html", ours / pandas, f"{ours / pandas:.2f}x",
           ours / pandas <= 0.3)
    target("HTML import", "<= 8x lxml.html.fromstring", ours / lxml, f"{ours / lxml:.1f}x",
           ours / lxml <= 8)


def _lines(path: Path) -> list[str]:
    return path.read_bytes().decode("utf-8").splitlines()


def row_text(calls: int, rounds: int) -> None:
    from gi_report import read_document

    for name in ("2021-pingtan.txt", "2019-pingtan.txt"):
        path = CORPUS / name
        data = path.read_bytes()
        print(f"text import, one-line crawl dump ({len(data) / 1024:.1f} KiB, {name})")
        timings = interleaved([
            functools.partial(read_document, data, kind="text", warn=False),
            functools.partial(_lines, path),
        ], calls=calls, rounds=rounds)
        show(["gi-report read_document", "read + splitlines()"], timings)
        ours, base = (t.best for t in timings)
        print(f"    ratio to read + splitlines(): {ours / base:.0f}x")
        target(f"text import {name}", "<= 1 ms per report (one core)", ours, _t(ours),
               ours <= 1e-3)


def _real_report() -> Any:
    from gi_report import read_document

    return read_document(CORPUS / "2023-shuyang-drc.html", warn=False).report


def row_json(calls: int, rounds: int) -> None:
    from gi_report import from_json, to_json

    text = to_json(_real_report())
    print(f"from_json ({len(text.encode()) / 1024:.1f} KiB, 2023-shuyang-drc as imported)")
    timings = interleaved([lambda: from_json(text), lambda: json.loads(text)],
                          calls=calls, rounds=rounds)
    show(["gi-report from_json", "json.loads"], timings)
    ours, base = (t.best for t in timings)
    target("from_json", "<= 3x json.loads", ours / base, f"{ours / base:.1f}x", ours / base <= 3)


def row_xml(calls: int, rounds: int) -> None:
    from lxml import etree

    from gi_report import from_xml, to_xml

    text = to_xml(_real_report())
    data = text.encode() if isinstance(text, str) else text
    print(f"from_xml ({len(data) / 1024:.1f} KiB, 2023-shuyang-drc as imported)")
    parser = etree.XMLParser(resolve_entities=False, no_network=True)
    timings = interleaved([lambda: from_xml(data), lambda: etree.fromstring(data, parser)],
                          calls=calls, rounds=rounds)
    show(["gi-report from_xml", "lxml.etree.fromstring"], timings)
    ours, base = (t.best for t in timings)
    target("from_xml", "<= 3x etree.fromstring", ours / base, f"{ours / base:.1f}x",
           ours / base <= 3)


def row_validate(calls: int, rounds: int) -> None:
    from gi_report import read_document
    from gi_report.validation import validate

    name = "2022-beijing-xicheng-cgzx.txt"
    report = read_document(CORPUS / name, warn=False).report
    found = len(validate(report).findings)
    print(f"validate, clean real report ({name}, {found} findings)")
    timings = interleaved([
        lambda: validate(report),
        lambda: validate(report, select=("gi.sum",)),
    ], calls=calls, rounds=rounds)
    show(["full validate", "R1–R6 alone (select gi.sum)"], timings)
    full, sums = (1 / t.best for t in timings)
    target("validate", ">= 10,000 reports/s (full)", full, f"{full:,.0f}/s", full >= 10_000)
    target("validate", ">= 50,000 reports/s (R1–R6 alone)", sums, f"{sums:,.0f}/s",
           sums >= 50_000)


def row_pdf(calls: int, rounds: int) -> None:
    import pdfplumber

    from gi_report import read_document

    path = CORPUS / "2024-huaian-city.pdf"

    def plumber() -> None:
        with pdfplumber.open(path) as pdf:
            for page in pdf.pages:
                page.extract_tables()
                page.extract_text()

    with pdfplumber.open(path) as pdf:
        pages = len(pdf.pages)
    print(f"PDF import ({pages} pages, {path.name})")
    timings = interleaved([lambda: read_document(path, kind="pdf", warn=False), plumber],
                          calls=calls, rounds=rounds)
    show(["gi-report read_document", "pdfplumber extract_tables+text"], timings)
    ours, base = (t.best for t in timings)
    target("PDF import", "<= 1.05x pdfplumber's own parse", ours / base, f"{ours / base:.2f}x",
           ours / base <= 1.05)


# --- batch: child processes, so each run's figures are its own ------------------------------------

_PEAK = """
def peak_mib():  # VmHWM: ru_maxrss would keep the high-water mark of the process before exec
    with open("/proc/self/status") as status:
        return next(int(l.split()[1]) for l in status if l.startswith("VmHWM")) / 1024
"""

_BATCH_CHILD = _PEAK + """
import json, resource, sys, time
from gi_report.batch import run_batch
c0, w0 = time.process_time(), time.perf_counter()
summary = run_batch([sys.argv[1]], sys.argv[2], jobs=int(sys.argv[3]))
kids = resource.getrusage(resource.RUSAGE_CHILDREN)
print(json.dumps({"wall": time.perf_counter() - w0, "parent_cpu": time.process_time() - c0,
                  "workers_cpu": kids.ru_utime + kids.ru_stime,
                  "files": summary.files, "ok": summary.statuses["ok"], "rss_mib": peak_mib()}))
"""

_MEMORY_CHILD = _PEAK + """
import json, os, sys, time
import gi_report.batch.runner as runner
discover = sys.modules["gi_report.batch.discover"]
from gi_report.batch.process import RESULT_FIELDS
count, root, resume = int(sys.argv[1]), sys.argv[2], sys.argv[3] == "resume"

def walk(directory):  # a simulated directory of `count` files (names only, nothing on disk)
    for i in range(count):
        yield discover.Entry(os.path.join(directory, f"d{i // 1000:04d}", f"r{i:07d}.json"))

def stub(task, time_limit=None):  # a worker doing no work: the parent's own cost is measured
    return {**dict.fromkeys(RESULT_FIELDS), "path": task[0], "status": "error", "message": "x"}

discover._walk = walk
runner.process_task = stub
base = peak_mib()
w0 = time.perf_counter()
summary = runner.run_batch([root], os.path.join(root, "out.csv"), jobs=2, resume=resume)
print(json.dumps({"files": summary.files, "wall": time.perf_counter() - w0, "base_mib": base,
                  "rss_mib": peak_mib()}))
"""


def _child(code: str, *args: str) -> dict[str, float]:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(
        p for p in (str(SRC), os.environ.get("PYTHONPATH", "")) if p)}
    done = subprocess.run([sys.executable, "-c", code, *args], check=True,
                          capture_output=True, text=True, env=env)
    result: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def row_batch(files: int, rounds: int) -> None:
    from gi_report import to_json
    from gi_report.synthetic import random_report

    with tempfile.TemporaryDirectory(prefix="gi-report-compare-") as tmp:
        folder = Path(tmp) / "in"
        folder.mkdir()
        rng = random.Random(1)
        for i in range(files):
            report = random_report(rng, year=2023, blank_rate=0.02)
            (folder / f"r{i:06d}.json").write_text(to_json(report, indent=None), "utf-8")
        print(f"gi-report batch ({files:,} generated JSON files, a fresh interpreter per run)")
        runs: dict[int, list[dict[str, float]]] = {1: [], 2: []}
        for r in range(rounds):
            for jobs in (1, 2):
                runs[jobs].append(_child(_BATCH_CHILD, str(folder), str(Path(tmp) / f"o{r}{jobs}"
                                                                         ".jsonl"), str(jobs)))
        for jobs, got in runs.items():
            walls = [g["wall"] for g in got]
            rate = files / min(walls)
            cpu = min(g["parent_cpu"] + g["workers_cpu"] for g in got)
            print(f"    {jobs} process(es): {rate:8,.0f} docs/s (wall best {min(walls):.2f} s, "
                  f"median {statistics.median(walls):.2f} s), CPU parent "
                  f"{min(g['parent_cpu'] for g in got):.2f} s + workers "
                  f"{min(g['workers_cpu'] for g in got):.2f} s ({cpu / files * 1e3:.2f} ms per "
                  f"doc in all), parent peak RSS {max(g['rss_mib'] for g in got):.0f} MiB")
        cpu1, cpu2 = (min(g["parent_cpu"] + g["workers_cpu"] for g in runs[j]) for j in (1, 2))
        print(f"    with two free cores the CPU times allow {2 * cpu1 / cpu2:.2f}x (the work of 2 "
              f"processes costs {cpu2 / cpu1:.2f}x the CPU of 1)")
        speedup = min(g["wall"] for g in runs[1]) / min(g["wall"] for g in runs[2])
        target("batch", ">= 1.8x with 2 processes", speedup, f"{speedup:.2f}x", speedup >= 1.8)


def row_batch_memory(sizes: Sequence[int]) -> None:
    print("batch parent memory, simulated file list (workers do no work), 2 processes")
    got: dict[tuple[int, str], dict[str, float]] = {}
    for n in sizes:
        with tempfile.TemporaryDirectory(prefix="gi-report-compare-") as tmp:
            folder = Path(tmp) / "in"
            folder.mkdir()
            for mode in ("new", "resume"):  # then --resume over the output of the first run
                got[n, mode] = _child(_MEMORY_CHILD, str(n), str(folder), mode)
    for (n, mode), r in got.items():
        what = "--resume over as many rows" if mode == "resume" else "new output"
        print(f"    {n:>9,} files, {what:<27}: parent peak RSS {r['rss_mib']:6.1f} MiB (at "
              f"start {r['base_mib']:.1f} MiB), {r['wall']:.1f} s, {r['files']:,.0f} rows")
    small, large = min(sizes), max(sizes)
    for mode in ("new", "resume"):
        per_file = ((got[large, mode]["rss_mib"] - got[small, mode]["rss_mib"]) * 2**20
                    / (large - small))
        print(f"    {mode}: growth {per_file:.0f} bytes per file between {small:,} and {large:,}")
        peak = got[large, mode]["rss_mib"]
        shown = f"{peak:.0f} MiB"
        if large < 1_000_000:  # --quick: the growth per file carried on to 1M files
            peak += max(per_file, 0) * (1_000_000 - large) / 2**20
            shown = f"{peak:.0f} MiB (extrapolated from {large:,})"
        wording = "parent <= 100 MB at 1,000,000 files" + (", --resume" if mode == "resume"
                                                             else "")
        target("batch memory" + (" (resume)" if mode == "resume" else ""), wording, peak, shown,
               peak * 2**20 <= 100e6)


# --- main ----------------------------------------------------------------------------------------

ROWS = ("html", "text", "json", "xml", "validate", "pdf", "batch", "memory")


def main(argv: Sequence[str] | None = None) -> int:
    """Run the rows (all, or ``--only``) and print the targets with PASS/MISS."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="smaller samples, under 60 s")
    parser.add_argument("--only", nargs="+", choices=ROWS, default=list(ROWS))
    parser.add_argument("--src", type=Path, help="measure the gi_report under this folder "
                        "(e.g. an older checkout's src), for before/after figures")
    args = parser.parse_args(argv)
    if args.src is not None:
        global SRC  # the children import from the same place
        SRC = args.src.resolve()
        sys.path.insert(0, str(SRC))
    q = args.quick
    load = os.getloadavg()
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} CPUs, load average "
          f"{load[0]:.1f} {load[1]:.1f} {load[2]:.1f}{' (quick)' if q else ''}\n")
    rounds = 3 if q else 7
    if "html" in args.only:
        row_html(10 if q else 40, rounds)
    if "text" in args.only:
        row_text(10 if q else 40, rounds)
    if "json" in args.only:
        row_json(100 if q else 500, rounds)
    if "xml" in args.only:
        row_xml(50 if q else 200, rounds)
    if "validate" in args.only:
        row_validate(300 if q else 2000, rounds)
    if "pdf" in args.only:
        row_pdf(1, 2 if q else 5)
    if "batch" in args.only:
        row_batch(1500 if q else 10_000, 1 if q else 2)
    if "memory" in args.only:
        row_batch_memory((20_000, 100_000) if q else (100_000, 1_000_000))
    print("\nsummary")
    for row, wording, _, shown, met in RESULTS:
        print(f"  {'PASS' if met else 'MISS'}  {row:<28} {wording:<36} {shown}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
