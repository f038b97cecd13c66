"""Writes the documents the schema consumers of ``.ci/run`` check (Ajv, xmllint).

    python tools/consumers/documents.py OUT

``OUT/valid/*.json``: the bundled examples and synthetic reports of both templates (one mixing
layouts), which every consumer must accept. ``OUT/invalid/*.json``: each a valid document with
one thing wrong, each refused by :func:`gi_report.from_dict` (checked here), which every consumer
must refuse. ``OUT/xml/<template>/*.xml`` and ``OUT/xml-invalid/<template>/*.xml``: the XML form
of the valid documents, and a few broken ones, for the XSDs. ``OUT/mutated.jsonl``: valid
documents with one random place changed, one per line with what ``from_dict`` says of it
(``{"accepted": bool, "document": …}``), for a consumer to agree with line by line.
"""

from __future__ import annotations

import copy
import json
import random
import re
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "src"))

import gi_report as g  # noqa: E402
from gi_report.synthetic import random_report  # noqa: E402

SYNTHETIC_PER_TEMPLATE = 20
MUTATED = 600
ODD_VALUES: tuple[Any, ...] = (
    None, True, False, -5, -1, 0, 3, 10**20, 2.5, "", "x", "0.35", "1.5\n", "1e5", "01", "-0",
    "2019", "2021", "2020", [], {}, {"a": 1}, [None],
)
"""Values to put in a place of a valid document (no float that is a whole number: JavaScript
cannot tell 26.0 from 26, docs/json.md)."""
Change = Callable[[dict[str, Any]], None]


def _set(*path: Any, value: Any) -> Change:
    def change(document: dict[str, Any]) -> None:
        parent = document
        for key in path[:-1]:
            parent = parent[key]
        parent[path[-1]] = value

    return change


def _delete(*path: Any) -> Change:
    def change(document: dict[str, Any]) -> None:
        parent = document
        for key in path[:-1]:
            parent = parent[key]
        del parent[path[-1]]

    return change


def _other_layout(table_id: str) -> Change:
    def change(document: dict[str, Any]) -> None:
        other = "2019" if document["template"] == "2021" else "2021"
        document[table_id] = g.to_dict(g.empty_report(template=other, agency="x", year=2022))[
            table_id]

    return change


BROKEN: dict[str, Change] = {
    "fee-notice-count-negative": _set("other_matters", "processing_fee_notices_count", value=-5),
    "fee-amount-negative": _set("other_matters", "processing_fee_collected_amount_yuan",
                                value="-1"),
    "fee-amount-as-number": _set("other_matters", "processing_fee_notices_amount_yuan",
                                 value=0.5),
    "count-negative": _set("applications", "granted", "total", value=-1),
    "count-as-string": _set("applications", "granted", "total", value="3"),
    "count-as-boolean": _set("applications", "granted", "total", value=True),
    "count-fraction": _set("applications", "granted", "natural_person", value=2.5),
    "amount-exponent": _set("proactive", "administrative_fees", "amount_10k_yuan", value="1e5"),
    "amount-trailing-newline": _set("proactive", "administrative_fees", "amount_10k_yuan",
                                    value="1.5\n"),
    "amount-leading-zero": _set("proactive", "administrative_fees", "amount_10k_yuan",
                                value="01.5"),
    "cell-missing": _delete("applications", "granted", "total"),
    "cell-unknown": _set("applications", "granted", "bogus", value=1),
    "row-missing": _delete("review_litigation", "administrative_review"),
    "table-of-the-other-layout": _other_layout("applications"),
    "proactive-of-the-other-layout": _other_layout("proactive"),
    "layout-names-unknown-table": _set("table_templates", value={"tables": "2019"}),
    "layout-empty": _set("table_templates", value={}),
    "template-unknown": _set("template", value="2020"),
    "format-version-wrong": _set("format_version", value="2.0"),
    "member-unknown": _set("unknown_key", value={}),
    "agency-missing": _delete("metadata", "agency"),
    "year-out-of-range": _set("metadata", "year", value=1990),
    "year-as-string": _set("metadata", "year", value="2022"),
    "division-code-short": _set("metadata", "division_code", value="11010"),
    "division-code-newline": _set("metadata", "division_code", value="110102\n"),
    "date-impossible": _set("metadata", "publication_date", value="2022-02-30"),
    "agency-level-unknown": _set("metadata", "agency_level", value="city"),
    "subsections-not-a-list": _set("overview", "subsections", value={"heading": "x"}),
    "narrative-not-text": _set("problems", "text", value=5),
}


def _places(node: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [path] if path else []
    if isinstance(node, dict):
        for key, value in node.items():
            found += _places(value, (*path, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            found += _places(value, (*path, index))
    return found


def _accepted(document: Any) -> bool:
    try:
        g.from_dict(document)
    except g.DocumentError:
        return False
    return True


def mutated_lines(reports: dict[str, g.Report], rng: random.Random) -> list[str]:
    """Valid documents with one place replaced, deleted or given a new member, each with the
    reader's verdict."""
    cleans = [g.to_dict(r) for r in reports.values()]
    lines = []
    for _ in range(MUTATED):
        document = copy.deepcopy(rng.choice(cleans))
        *where, last = rng.choice(_places(document))
        parent = document
        for key in where:
            parent = parent[key]
        action = rng.choice(["replace", "replace", "delete", "add"])
        if action == "replace":
            parent[last] = copy.deepcopy(rng.choice(ODD_VALUES))
        elif action == "delete":
            del parent[last]
        elif isinstance(parent, dict):
            parent[rng.choice(["x", "total", "granted", "other"])] = rng.choice(ODD_VALUES)
        lines.append(json.dumps({"accepted": _accepted(document), "document": document},
                                ensure_ascii=False))
    return lines


def valid_reports() -> dict[str, g.Report]:
    reports = {p.stem: g.load(p) for p in sorted((ROOT / "examples").glob("*.json"))}
    rng = random.Random(20221)
    for template in sorted(g.TEMPLATES):
        for index in range(SYNTHETIC_PER_TEMPLATE):
            blank_rate = 0.2 if index % 2 else 0.0
            reports[f"synthetic-{template}-{index:02d}"] = random_report(
                rng, template=template, blank_rate=blank_rate)
    base = random_report(rng, template="2021")
    mixed = base.with_table(random_report(rng, template="2019").applications)
    reports["synthetic-mixed-layouts"] = mixed
    return reports


def main(out: Path) -> None:
    reports = valid_reports()
    for sub in ("valid", "invalid"):
        (out / sub).mkdir(parents=True, exist_ok=True)
    for name, report in reports.items():
        (out / "valid" / f"{name}.json").write_text(g.to_json(report), encoding="utf-8")
        folder = out / "xml" / report.template
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"{name}.xml").write_bytes(g.to_xml(report))
    clean = g.to_dict(reports["synthetic-2021-00"])
    for name, change in BROKEN.items():
        document = copy.deepcopy(clean)
        change(document)
        try:
            g.from_dict(document)
        except g.DocumentError:
            pass
        else:
            raise SystemExit(f"{name}: from_dict accepts it, so it is no broken document")
        (out / "invalid" / f"{name}.json").write_text(
            json.dumps(document, ensure_ascii=False, indent=2), encoding="utf-8")
    lines = mutated_lines(reports, random.Random(2024))
    (out / "mutated.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    xml = g.to_xml(reports["synthetic-2021-00"])
    broken_xml = {
        "fee-notice-count-negative": re.sub(
            rb"(<processing_fee_notices_count[^>]*>)[0-9]+<", rb"\g<1>-5<", xml, count=1),
        "count-fraction": re.sub(rb"(<total[^>]*>)[0-9]+<", rb"\g<1>26.0<", xml, count=1),
        "element-unknown": xml.replace(b"</metadata>", b"<bogus/></metadata>", 1),
    }
    folder = out / "xml-invalid" / "2021"
    folder.mkdir(parents=True, exist_ok=True)
    for name, data in broken_xml.items():
        if data == xml:
            raise SystemExit(f"{name}: the change found nothing to change")
        (folder / f"{name}.xml").write_bytes(data)
    accepted = sum('"accepted": true' in line for line in lines)
    print(f"documents: {len(reports)} valid (JSON and XML), {len(BROKEN)} broken JSON, "
          f"{len(lines)} mutated ({accepted} of them still valid), {len(broken_xml)} broken XML "
          f"in {out}")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
