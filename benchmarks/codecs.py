"""Codec throughput: XML write and read beside JSON's, on the same generated reports.

Generates N random reports (both templates, with blanks; see ``gi_report.synthetic``) and times,
for each form, writing (model → bytes) and reading (bytes → model, every check included), plus
the reading steps of the XML form alone (hardened parse, XSD validation, to the JSON form's
data). Prints reports per second, milliseconds per report, document sizes and the XML/JSON
ratios. Each figure is the best CPU time of a few repeats.

    PYTHONPATH=src python benchmarks/codecs.py
    PYTHONPATH=src python benchmarks/codecs.py --reports 500 --repeat 5
"""

from __future__ import annotations

import argparse
import random
import time
from collections.abc import Callable, Sequence
from typing import Any

from gi_report import from_json, from_xml, to_json, to_xml
from gi_report.codec.json import from_dict, parse_json
from gi_report.codec.xml import parse_tree, parse_xml
from gi_report.model import Report
from gi_report.synthetic import random_report
from gi_report.xsd import compiled_schema


def _best(run: Callable[[], Any], repeat: int) -> float:
    """The best CPU time of ``repeat`` runs (``process_time``: other processes on a shared
    machine disturb it least)."""
    times = []
    for _ in range(repeat):
        start = time.process_time()
        run()
        times.append(time.process_time() - start)
    return min(times)


def _reports(count: int, seed: int) -> list[Report]:
    rng = random.Random(seed)
    return [
        random_report(rng, template=rng.choice(("2019", "2021")), blank_rate=0.1)
        for _ in range(count)
    ]


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reports", type=int, default=200, help="reports per run (200)")
    parser.add_argument("--repeat", type=int, default=3, help="runs; the best is kept (3)")
    parser.add_argument("--seed", type=int, default=2024)
    args = parser.parse_args(argv)

    reports = _reports(args.reports, args.seed)
    json_docs = [to_json(r).encode("utf-8") for r in reports]
    xml_docs = [to_xml(r) for r in reports]
    xml_compact = [to_xml(r, pretty=False) for r in reports]
    for version in ("2019", "2021"):
        compiled_schema(version)  # built once per process; not part of a read
    assert [from_xml(d) for d in xml_docs] == reports == [from_json(d) for d in json_docs]

    n = len(reports)
    timings = {
        "JSON write": _best(lambda: [to_json(r).encode("utf-8") for r in reports], args.repeat),
        "XML write": _best(lambda: [to_xml(r) for r in reports], args.repeat),
        "XML write (compact)": _best(lambda: [to_xml(r, pretty=False) for r in reports],
                                     args.repeat),
        "JSON read": _best(lambda: [from_json(d) for d in json_docs], args.repeat),
        "XML read": _best(lambda: [from_xml(d) for d in xml_docs], args.repeat),
        "  JSON parse only": _best(lambda: [parse_json(d) for d in json_docs], args.repeat),
        "  XML parse only (hardened)": _best(lambda: [parse_tree(d) for d in xml_docs],
                                              args.repeat),
        "  XML parse + XSD + to data": _best(lambda: [parse_xml(d) for d in xml_docs],
                                             args.repeat),
        "  from_dict (to the model)": _best(
            lambda: [from_dict(parse_json(d)) for d in json_docs], args.repeat
        ),
    }
    print(f"{n} generated reports (every template, 10% blank cells), best CPU time "
          f"of {args.repeat} runs, one core")
    size = {name: sum(map(len, docs)) / n for name, docs in
            (("JSON", json_docs), ("XML", xml_docs), ("XML compact", xml_compact))}
    print("mean size: " + ", ".join(f"{k} {v / 1024:.1f} KiB" for k, v in size.items())
          + f" (XML/JSON {size['XML'] / size['JSON']:.2f})")
    print()
    print(f"{'step':36} {'reports/s':>10} {'ms/report':>10}")
    for name, seconds in timings.items():
        print(f"{name:36} {n / seconds:10.0f} {1000 * seconds / n:10.2f}")
    print()
    write = timings["XML write"] / timings["JSON write"]
    read = timings["XML read"] / timings["JSON read"]
    print(f"XML/JSON time ratio: write {write:.2f}x, read {read:.2f}x "
          f"(XML-only reading steps: {timings['  XML parse + XSD + to data'] / n * 1000:.2f} "
          f"ms/report before the same from_dict JSON uses)")


if __name__ == "__main__":
    main()
