"""JSON Schema validation throughput: the reader's full schema check (what ``from_dict`` runs to
list the problems of an invalid document) on valid and on broken documents.

Generates N random reports (both templates, with blanks), and the same documents with one cell
made negative; times ``schema_problems`` on each set and prints documents per second. With
``--schema FILE`` it times another schema file the same way, and prints the ratio (e.g. the
schema of an earlier commit: ``git show REV:schemas/report.schema.json > old.json``).

    PYTHONPATH=src python benchmarks/schema.py
    PYTHONPATH=src python benchmarks/schema.py --schema old.json
"""

from __future__ import annotations

import argparse
import copy
import json
import random
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import jsonschema

import gi_report as g
from gi_report.synthetic import random_report


def _validator(schema: dict[str, Any]) -> Any:
    base = jsonschema.Draft202012Validator
    strict = jsonschema.validators.extend(base, type_checker=base.TYPE_CHECKER.redefine(
        "integer", lambda _checker, value: type(value) is int))
    return strict(schema, format_checker=jsonschema.FormatChecker(formats=("date",)))


def _rate(check: Callable[[Any], object], documents: list[Any], repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        for document in documents:
            check(document)
        best = min(best, time.perf_counter() - start)
    return len(documents) / best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reports", type=int, default=200)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--schema", type=Path, help="another schema file to compare with")
    args = parser.parse_args()
    rng = random.Random(7)
    valid = [g.to_dict(random_report(rng, template=rng.choice(["2019", "2021"]),
                                     blank_rate=0.1)) for _ in range(args.reports)]
    broken = copy.deepcopy(valid)
    for document in broken:
        document["applications"]["new_this_year"]["total"] = -1
    schemas = {"current": g.json_schema()}
    if args.schema:
        schemas["other"] = json.loads(args.schema.read_text(encoding="utf-8"))
    rates: dict[str, tuple[float, float]] = {}
    for name, schema in schemas.items():
        validator = _validator(schema)
        assert all(validator.is_valid(d) for d in valid[:5])
        assert not any(validator.is_valid(d) for d in broken[:5])
        rates[name] = (
            _rate(lambda d, v=validator: list(v.iter_errors(d)), valid, args.repeat),
            _rate(lambda d, v=validator: list(v.iter_errors(d)), broken, args.repeat),
        )
        print(f"{name}: valid {rates[name][0]:,.0f} docs/s, broken {rates[name][1]:,.0f} docs/s "
              f"(full schema check, {args.reports} documents, best of {args.repeat})")
    if "other" in rates:
        print("current/other: valid {:.2f}x, broken {:.2f}x".format(
            rates["current"][0] / rates["other"][0], rates["current"][1] / rates["other"][1]))


if __name__ == "__main__":
    main()
