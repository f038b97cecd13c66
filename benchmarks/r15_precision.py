"""R15 on the hand-labelled narrative claims of the real corpus: precision, recall, cost.

``tests/data/claims/<report>.json`` lists real sentences (verbatim), the claims a careful reader
finds in each (cells or group, number) and whether the tables agree, labelled by hand from the
document and its ``expected/`` cells. This script reads every sentence with R15 and prints:

* claims: of the claims R15 compares, how many are labelled (same cells, same number) — precision;
  of the labelled claims, how many R15 compares — recall;
* warnings: of R15's warnings, how many are on a claim labelled as contradicting the tables —
  precision; of those claims, how many R15 warns about — recall;
* the CPU time of R15 on each real report imported from the corpus (µs per report, best of
  rounds; CPU time so that the other processes of a shared machine weigh less), and with
  ``--stages`` how it divides: finding the candidate sentences, reading them (a sentence whose
  only claim numbers count items, with no receiving verb and no negation, is left unread: it
  can make no claim), the rest.

    PYTHONPATH=src python benchmarks/r15_precision.py
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import attrs

from gi_report import Metadata, Overview, Report, Subsection, claims
from gi_report.codec.json import table_from_dict
from gi_report.form import TABLE_IDS, get_template
from gi_report.validation import Status, narrative

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # run as a script from anywhere: the timer and reports are shared
from benchmarks.validate import cpu_microseconds, real_reports  # noqa: E402

CLAIMS = ROOT / "tests" / "data" / "claims"
CORPUS = ROOT / "tests" / "data" / "corpus"
TARGET_PRECISION = 0.95
TARGET_RECALL = 0.80
TARGET_MICROSECONDS = 50.0


@attrs.frozen
class Score:
    """Counts of one comparison (R15 against the labels) and the mismatches, for reading."""

    produced: int
    correct: int
    labelled: int
    found: int
    wrong: tuple[str, ...] = ()
    missed: tuple[str, ...] = ()

    @property
    def precision(self) -> float:
        """Share of R15's output that the labels confirm (1.0 when R15 says nothing)."""
        return self.correct / self.produced if self.produced else 1.0

    @property
    def recall(self) -> float:
        """Share of the labelled items R15 finds (1.0 when nothing is labelled)."""
        return self.found / self.labelled if self.labelled else 1.0


def labelled_sets() -> list[dict[str, Any]]:
    """Every labelled report, in file-name order."""
    return [json.loads(p.read_text(encoding="utf-8")) for p in sorted(CLAIMS.glob("*.json"))]


def report_for(labels: dict[str, Any], text: str) -> Report:
    """The report of the labelled file's expected cells, with ``text`` as its only narrative."""
    data = json.loads((CORPUS / labels["expected"]).read_text(encoding="utf-8"))
    template = get_template(data["template"])
    tables = {t: table_from_dict(template.table(t), data[t]) for t in TABLE_IDS}
    return Report(
        template=template.version,
        metadata=Metadata(agency=data["agency"], year=data["year"], source=data["file"]),
        overview=Overview(heading="一", subsections=(Subsection(heading="（一）", text=text),)),
        **tables,  # type: ignore[arg-type]
    )


def _pointer(ref: tuple[str, str, str]) -> str:
    table, row, column = ref
    return f"/{table}/{row}" + (f"/{column}" if column else "")


def score() -> tuple[Score, Score, int]:
    """(claims score, warnings score, number of sentences) of R15 on every labelled sentence."""
    produced = correct = labelled = found = 0
    warned = true_warnings = contradictions = caught = sentences = 0
    wrong: list[str] = []
    missed: list[str] = []
    wrong_warnings: list[str] = []
    missed_warnings: list[str] = []
    for labels in labelled_sets():
        for item in labels["sentences"]:
            sentences += 1
            text = item["text"]
            report = report_for(labels, text)
            spec = report.template_spec
            grammar = narrative.patterns_for(
                report.applications.spec, report.review_litigation.spec, report.proactive.spec,
                (spec.fee_fields[0].id, spec.fee_fields[1].id, spec.fee_fields[2].id))
            claims = [c for s in narrative.sentences(text)
                      for c in narrative.claims_in(s, grammar, report.metadata.agency)]
            expected = [(frozenset(c["refs"]), c["value"], c) for c in item["claims"]]
            matched: set[int] = set()
            for claim in claims:
                produced += 1
                ways = {frozenset(_pointer(r) for r in alt) for alt in claim.alternatives}
                hit = next((i for i, (refs, value, _) in enumerate(expected)
                            if refs in ways and value == claim.value), None)
                if hit is None:
                    wrong.append(f"{labels['report']}: {claim.said} = {claim.value}")
                else:
                    correct += 1
                    matched.add(hit)
            labelled += len(expected)
            found += len(matched)
            missed += [f"{labels['report']}: {c['words']}" for i, (_, _, c) in enumerate(expected)
                       if i not in matched]
            failed = [f for f in narrative.check(report) if f.status is Status.FAILED]
            contradicting = [c for c in item["claims"] if c["matches"] is False]
            contradictions += len(contradicting)
            hit_claims: set[int] = set()
            for finding in failed:
                warned += 1
                hit = next((i for i, c in enumerate(contradicting)
                            if c["value"] == finding.stated
                            and set(c["refs"]) <= set(finding.pointers)), None)
                if hit is None:
                    wrong_warnings.append(f"{labels['report']}: {finding.message_zh[:60]}")
                else:
                    true_warnings += 1
                    hit_claims.add(hit)
            caught += len(hit_claims)
            missed_warnings += [f"{labels['report']}: {c['words']}"
                                for i, c in enumerate(contradicting) if i not in hit_claims]
    return (
        Score(produced, correct, labelled, found, tuple(wrong), tuple(missed)),
        Score(warned, true_warnings, contradictions, caught, tuple(wrong_warnings),
              tuple(missed_warnings)),
        sentences,
    )


def r15_microseconds(reports: Sequence[Report], rounds: int, repeat: int = 20) -> list[float]:
    """Best CPU time of R15 (``narrative.check``) per report, in µs, over ``rounds`` passes of
    ``repeat`` runs each."""
    for report in reports:
        narrative.check(report)  # warm the per-layout caches
    best = [float("inf")] * len(reports)
    for _ in range(rounds):
        for i, report in enumerate(reports):
            start = time.process_time()
            for _ in range(repeat):
                narrative.check(report)
            best[i] = min(best[i], (time.process_time() - start) / repeat * 1e6)
    return best


def r15_stages(report: Report, rounds: int) -> tuple[int, int, int, float, float]:
    """(candidate sentences, of them those counting only items that are not read, claims
    found, µs finding the candidate sentences, µs reading them) of R15 on a report: the first
    two of its three stages (the third compares the claims with the cells and makes the
    findings)."""
    spec = report.template_spec
    grammar = narrative.patterns_for(
        report.applications.spec, report.review_litigation.spec, report.proactive.spec,
        (spec.fee_fields[0].id, spec.fee_fields[1].id, spec.fee_fields[2].id))
    vocabulary, agency = grammar.vocabulary, report.metadata.agency

    def candidates() -> list[tuple[str, bool]]:
        """R15's candidate sentences, found as ``check`` finds them."""
        out: list[tuple[str, bool]] = []
        for _, _, text in narrative.texts(report):
            first = claims.CANDIDATE.search(text)
            if first is not None:
                out += claims.compared_sentences(text, vocabulary, first)
        return out

    found = candidates()
    unread = sum(1 for s, counted in found if not counted and claims._items_without_receipt(s))
    claimed = sum(len(claims.read_found_tuples(s, vocabulary, agency, counted=counted))
                  for s, counted in found)

    def read() -> list[list[claims.FoundTuple]]:
        """What R15 runs: the claims as plain tuples, a statement of negations whose groups'
        cells the tables state 0 not read (one test per report, as in ``check``)."""
        groups = grammar.negation_cells
        settled = None if groups is None else narrative._Settled(
            narrative._Cells(report, grammar.fee_fields), groups)
        return [claims.read_found_tuples(s, vocabulary, agency, counted=counted, settled=settled)
                for s, counted in found]

    reading = cpu_microseconds(read, rounds, repeat=20)
    return len(found), unread, claimed, cpu_microseconds(candidates, rounds, repeat=20), reading


def main(argv: Sequence[str] | None = None) -> None:
    """Print precision and recall of claims and warnings, the set's size, and R15's cost."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--verbose", action="store_true", help="list the misses")
    parser.add_argument("--stages", action="store_true",
                        help="also print where R15's time goes on each report")
    args = parser.parse_args(argv)
    claims, warned, sentences = score()
    print(f"labelled set: {len(labelled_sets())} reports, {sentences} sentences, "
          f"{claims.labelled} claims ({warned.labelled} contradicting the tables)")
    print(f"  claims compared:  precision {claims.precision:6.1%} ({claims.correct}/"
          f"{claims.produced}), recall {claims.recall:6.1%} ({claims.found}/{claims.labelled})")
    print(f"  warnings raised:  precision {warned.precision:6.1%} ({warned.correct}/"
          f"{warned.produced}), recall {warned.recall:6.1%} ({warned.found}/{warned.labelled})")
    print(f"  targets: precision >= {TARGET_PRECISION:.0%}, recall >= {TARGET_RECALL:.0%}")
    if args.verbose:
        for line in (*claims.wrong, *warned.wrong):
            print("  wrong: ", line)
        for line in (*claims.missed, *warned.missed):
            print("  missed:", line)
    named = real_reports()
    times = r15_microseconds([report for _, report in named], args.rounds)
    print(f"R15 CPU time on {len(named)} imported real reports, best of {args.rounds}:")
    for (name, report), took in zip(named, times, strict=True):
        characters = sum(len(text) for _, _, text in narrative.texts(report))
        print(f"  {name:28} {took:8.1f} µs  ({characters:6,} characters of narrative, "
              f"{took / TARGET_MICROSECONDS:.2f}x the {TARGET_MICROSECONDS:.0f} µs budget)")
    print(f"  mean {sum(times) / len(times):.1f} µs, max {max(times):.1f} µs per report "
          f"({max(times) / TARGET_MICROSECONDS:.2f}x the {TARGET_MICROSECONDS:.0f} µs budget)")
    within = sum(1 for took in times if took <= TARGET_MICROSECONDS)
    print(f"  {within} of {len(times)} reports at or under the {TARGET_MICROSECONDS:.0f} µs "
          "budget")
    if args.stages:
        print("R15's stages (µs): candidate sentences, reading them, the rest (comparing the "
              "claims with the cells, findings):")
        for (name, report), took in zip(named, times, strict=True):
            read, unread, found, finding, reading = r15_stages(report, args.rounds)
            print(f"  {name:28} {finding:7.1f} {reading:7.1f} ({read} sentences, {unread} of "
                  f"them items only, {found:2} claims, {reading / max(read, 1):5.1f} per "
                  f"sentence) {max(took - finding - reading, 0.0):7.1f}")


if __name__ == "__main__":
    main()
