"""Batch throughput and memory: documents per second on 1 and 2 processes, peak RSS, 1k vs 10k.

Generates N random but well-formed gi-report JSON documents in a temporary directory and runs
``gi-report batch`` over them (in a fresh Python process per measurement, so that peak memory is
that run's). Prints the figures and the ratios; memory must stay flat as N grows.

    PYTHONPATH=src python benchmarks/batch.py            # 1,000 and 10,000 documents
    PYTHONPATH=src python benchmarks/batch.py --sizes 200 2000
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from gi_report import to_json
from gi_report.synthetic import random_report

CHILD = """
import json, resource, sys, time
from gi_report.batch import run_batch
start, cpu = time.perf_counter(), time.process_time()
summary = run_batch([sys.argv[1]], sys.argv[2], jobs=int(sys.argv[3]))
elapsed = time.perf_counter() - start
with open("/proc/self/status") as status:  # VmHWM: ru_maxrss keeps the mark from before exec
    hwm = next(int(line.split()[1]) for line in status if line.startswith("VmHWM")) / 1024
print(json.dumps({
    "seconds": elapsed,
    "parent_cpu": time.process_time() - cpu,
    "files": summary.files,
    "ok": summary.statuses["ok"],
    "rss_self_mib": hwm,
    "rss_workers_mib": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024,
}))
"""


def generate(directory: Path, count: int, seed: int = 1) -> None:
    """Write ``count`` random reports as JSON files (plain writes: this is setup, not measured)."""
    rng = random.Random(seed)
    for i in range(count):
        report = random_report(rng, year=2023, blank_rate=0.02)
        (directory / f"r{i:05d}.json").write_text(to_json(report, indent=None), "utf-8")


def measure(directory: Path, out: Path, jobs: int) -> dict[str, float]:
    """One batch run in a fresh interpreter: seconds, files, peak RSS of the parent and workers."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(
        p for p in (str(Path(__file__).resolve().parents[1] / "src"),
                    os.environ.get("PYTHONPATH", "")) if p)}
    done = subprocess.run(
        [sys.executable, "-c", CHILD, str(directory), str(out), str(jobs)],
        check=True, capture_output=True, text=True, env=env,
    )
    result: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def main() -> int:
    """Run the measurements and print a table and the ratios."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    args = parser.parse_args()
    results: dict[tuple[int, int], dict[str, float]] = {}
    with tempfile.TemporaryDirectory(prefix="gi-report-bench-") as tmp:
        for size in args.sizes:
            folder = Path(tmp) / f"n{size}"
            folder.mkdir()
            start = time.perf_counter()
            generate(folder, size)
            print(f"generated {size} documents in {time.perf_counter() - start:.1f} s",
                  flush=True)
            for jobs in args.jobs:
                out = Path(tmp) / f"results-{size}-{jobs}.jsonl"
                r = measure(folder, out, jobs)
                results[size, jobs] = r
                print(f"  N={size:>6} jobs={jobs}: {r['seconds']:7.1f} s  "
                      f"{r['files'] / r['seconds']:7.1f} docs/s  ok={int(r['ok'])}  parent CPU "
                      f"{r['parent_cpu'] / r['files'] * 1e6:5.0f} us/doc  "
                      f"peak RSS parent {r['rss_self_mib']:6.1f} MiB, "
                      f"largest worker {r['rss_workers_mib']:6.1f} MiB", flush=True)
            for path in folder.iterdir():
                path.unlink()
    print()
    small, large = min(args.sizes), max(args.sizes)
    for jobs in args.jobs:
        a, b = results[small, jobs], results[large, jobs]
        print(f"jobs={jobs}: peak RSS parent {large}/{small} = "
              f"{b['rss_self_mib'] / a['rss_self_mib']:.2f}x, largest worker "
              f"{b['rss_workers_mib'] / max(a['rss_workers_mib'], 1e-9):.2f}x "
              f"(flat memory: close to 1.0)")
    if len(args.jobs) > 1:
        one, two = min(args.jobs), max(args.jobs)
        for size in args.sizes:
            speedup = results[size, one]["seconds"] / results[size, two]["seconds"]
            print(f"N={size}: speed-up {two} vs {one} process(es) = {speedup:.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
