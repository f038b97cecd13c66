"""R15 on every real corpus report, as recorded from the claims reader before its rewrite.

``tests/data/r15/recorded.json`` holds, for each real report of ``tests/data/corpus`` (and
``wild/``): the report as the importers read it (in the JSON format), the findings of R15 on it
(with and without ``blank_as_zero``) and the claims of every sentence of its narrative (with the
agency known and unknown). The test runs the current code on the recorded reports and compares;
``python -m tests.validation.r15_record`` records it again (only when a change of R15's findings
is intended).
"""

from __future__ import annotations

import functools
import json
import warnings
from pathlib import Path
from typing import Any

from gi_report import Report
from gi_report import claims as reader
from gi_report.codec.json import from_dict, to_dict
from gi_report.validation import narrative
from tests.corpus import CORPUS

RECORDED = Path(__file__).resolve().parent.parent / "data" / "r15" / "recorded.json"
_SUFFIXES = (".txt", ".html", ".md", ".pdf")


def report_paths() -> list[Path]:
    """Every real report document of the corpus (the top level and ``wild/``), by name."""
    found = [*sorted(CORPUS.iterdir()), *sorted((CORPUS / "wild").iterdir())]
    return [p for p in found if p.suffix in _SUFFIXES and p.name != "SOURCES.md"]


@functools.cache
def imported(path: Path) -> Report:
    """The report of a corpus document as the importers read it (their notices silenced)."""
    from gi_report.importers.api import read_document

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return read_document(path).report


def grammar_of(report: Report) -> narrative.Grammar:
    """The claims grammar of a report's layouts (as :func:`narrative.check` builds it)."""
    spec = report.template_spec
    fees = tuple(f.id for f in spec.fee_fields)
    return narrative.patterns_for(report.applications.spec, report.review_litigation.spec,
                                  report.proactive.spec, (fees[0], fees[1], fees[2]))


def claims_of(sentence: str, vocabulary: reader.Vocabulary, agency: str | None) -> list[Any]:
    """The claims the reader finds in a sentence, as JSON-ready data."""
    return [{"said": c.said, "number": c.number, "unit": c.unit, "amount": c.amount,
             "alternatives": [[list(ref) for ref in alt] for alt in c.alternatives]}
            for c in reader.claims_in(sentence, vocabulary, agency)]


def record_of(report: Report) -> dict[str, Any]:
    """R15's findings on a report and the claims of each sentence of its narrative."""
    vocabulary = grammar_of(report).vocabulary
    agency = report.metadata.agency
    sentences = []
    for pointer, _, text in narrative.texts(report):
        for sentence in narrative.sentences(text):
            with_agency = claims_of(sentence, vocabulary, agency)
            without = claims_of(sentence, vocabulary, None)
            if with_agency or without:
                sentences.append({"pointer": pointer, "sentence": sentence,
                                  "claims": with_agency, "claims_without_agency": without})
    return {
        "report": to_dict(report),
        "findings": [f.to_dict() for f in narrative.check(report)],
        "findings_blank_as_zero": [f.to_dict()
                                   for f in narrative.check(report, blank_as_zero=True)],
        "sentences": sentences,
    }


def current() -> dict[str, Any]:
    """The record of every real report, keyed by its path under the corpus."""
    return {p.relative_to(CORPUS).as_posix(): record_of(imported(p)) for p in report_paths()}


def recorded_report(record: dict[str, Any]) -> Report:
    """The report of a record as it was imported when recorded (so that a later change of an
    importer does not change what R15 is compared on)."""
    return from_dict(record["report"])


def main() -> None:
    """Record R15 on the corpus (overwrites :data:`RECORDED`)."""
    RECORDED.write_text(json.dumps(current(), ensure_ascii=False, sort_keys=True) + "\n",
                        encoding="utf-8")


if __name__ == "__main__":
    main()
