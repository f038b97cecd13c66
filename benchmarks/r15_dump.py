"""Everything R15 and the claims grammar decide, written to one file, to show a change moves none.

Run it once with the code before a change and once with the code after, then compare the two
files byte for byte (the inputs come from this checkout, so both runs read the same):

    PYTHONPATH=/path/to/old/src python benchmarks/r15_dump.py /tmp/before.txt
    PYTHONPATH=src python benchmarks/r15_dump.py /tmp/after.txt
    cmp /tmp/before.txt /tmp/after.txt

It writes, one line each: the import notices and the findings of ``narrative.check`` (with and
without ``blank_as_zero``) and of ``validate`` on every real corpus report; the claims of every
sentence of the corpus documents, the labelled claims and the test modules of
``tests/validation`` under each template, with the agency unknown and known; the candidate
sentences of every corpus document; and the findings on generated reports
(``gi_report.synthetic.random_report``: both templates, some inconsistent, some with blank cells)
given narratives of real sentences whose numbers are replaced by the report's own cells, 0 or
random numbers; and the same on generated reports whose narratives hold negations, with some
of their tables stated all 0 (what the negations claim is then true).
"""

from __future__ import annotations

import argparse
import ast
import json
import random
import re
import warnings
from collections.abc import Callable, Iterator, Sequence
from decimal import Decimal
from pathlib import Path
from typing import TextIO

import attrs

from gi_report import Report, claims
from gi_report.form import TEMPLATES
from gi_report.form import claims as words
from gi_report.form.spec import CellKind
from gi_report.importers.api import read_document
from gi_report.synthetic import random_report
from gi_report.table import Table
from gi_report.validation import narrative, validate

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "data" / "corpus"
_DIGITS = re.compile(r"[0-9]+(?:\.[0-9]+)?")
_AGENCIES = ("", "上海市人民政府办公厅", "测试县民政局")
_JOINS = ("", "\n", "\n\n", "；")


def corpus_paths() -> list[Path]:
    """The corpus documents the importers read as text, HTML or Markdown, and ``wild/``."""
    paths = [p for p in sorted(CORPUS.iterdir())
             if p.suffix in (".txt", ".html", ".md") and p.name != "SOURCES.md"]
    return paths + sorted((CORPUS / "wild").glob("*.txt"))


def sentence_pool(paths: Sequence[Path]) -> list[str]:
    """The sentences of the corpus documents (under 400 characters), of the labelled claims and
    of the string constants of the tests of the grammar."""
    pool: set[str] = set()
    for path in paths:
        pool.update(s for s in claims.sentences(path.read_text("utf-8", errors="replace"))
                    if len(s) < 400)
    for path in sorted((ROOT / "tests" / "data" / "claims").glob("*.json")):
        for item in json.loads(path.read_text("utf-8"))["sentences"]:
            pool.update(claims.sentences(item["text"]))
    for path in sorted((ROOT / "tests" / "validation").glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) \
                    and re.search("[\u4e00-\u9fff]", node.value):
                pool.update(claims.sentences(node.value))
    return sorted(pool)


def _real(out: TextIO, paths: Sequence[Path]) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for path in paths:
            document = read_document(path)
            report = document.report
            print("IMPORT", path.name, repr(document.notices), file=out)
            print("CHECK", path.name, repr(narrative.check(report)), file=out)
            print("CHECKZ", path.name, repr(narrative.check(report, blank_as_zero=True)),
                  file=out)
            print("VALIDATE", path.name, repr(validate(report).findings), file=out)


def _claims(out: TextIO, pool: Sequence[str], paths: Sequence[Path]) -> None:
    for version, spec in sorted(TEMPLATES.items()):
        vocabulary = claims.vocabulary(spec.table("applications"),
                                       spec.table("review_litigation"), spec.table("proactive"))
        for sentence in pool:
            for agency in (None, _AGENCIES[1]):
                print("CLAIMS", version, agency, sentence,
                      repr(claims.claims_in(sentence, vocabulary, agency)), file=out)
        for path in paths:
            text = path.read_text("utf-8", errors="replace")
            print("CANDIDATES", version, path.name,
                  repr(list(claims.claim_sentences(text, vocabulary))), file=out)


def _mutated(rng: random.Random, sentence: str, values: Sequence[int]) -> str:
    """``sentence`` with each number replaced by a cell of the report, kept, 0 or random."""
    def replace(m: re.Match[str]) -> str:
        r = rng.random()
        if r < 0.5 and values:
            return str(rng.choice(values))
        if r < 0.7:
            return m.group()
        return "0" if r < 0.8 else str(rng.randint(0, 999))
    return _DIGITS.sub(replace, sentence)


def _narrated(rng: random.Random, report: Report, pool: Sequence[str]) -> Report:
    """``report`` with narratives of real sentences in section 一, beside section 三's table and
    in section 六, joined with nothing, line breaks, blank lines or semicolons."""
    values = [v for t in report.tables for row in report.table(t).values for v in row
              if isinstance(v, int)]

    def text(count: int) -> str:
        return "".join(_mutated(rng, rng.choice(pool), values) + rng.choice(_JOINS)
                       for _ in range(count))

    overview = report.overview
    overview = attrs.evolve(overview, text=text(rng.randint(1, 8)), subsections=tuple(
        attrs.evolve(s, text=text(rng.randint(0, 3))) for s in overview.subsections))
    sections = report.table_sections
    sections = attrs.evolve(sections, applications=attrs.evolve(
        sections.applications, text=text(rng.randint(0, 3)) or None))
    other = attrs.evolve(report.other_matters,
                         text=text(rng.randint(0, 2)) + (report.other_matters.text or ""))
    agency = rng.choice((report.metadata.agency, *_AGENCIES))
    return attrs.evolve(report, overview=overview, table_sections=sections, other_matters=other,
                        metadata=attrs.evolve(report.metadata, agency=agency))


def generated(count: int, pool: Sequence[str], seed: int) -> Iterator[Report]:
    """``count`` generated reports with narratives made from the sentences of ``pool`` that
    hold a number or a negation."""
    rng = random.Random(seed)
    claimy = [s for s in pool if _DIGITS.search(s) or any(n in s for n in words.NEGATIONS)]
    for i in range(count):
        report = random_report(rng, template="2021" if i % 3 else "2019",
                               consistent=i % 5 != 0, blank_rate=0.05 if i % 7 == 0 else 0.0)
        yield _narrated(rng, report, claimy)


def _zero(kind: CellKind, value: object) -> object:
    """0 as a cell of ``kind`` holds it (a text cell keeps ``value``)."""
    if kind is CellKind.AMOUNT:
        return Decimal(0)
    return 0 if kind in (CellKind.COUNT, CellKind.SIGNED_COUNT) else value


def _zeroed(rng: random.Random, report: Report) -> Report:
    """``report`` with some of its tables (each of the three, and the fee fields, with
    probability 1/2) stated all 0: what negations claim is then true of them."""
    changes: dict[str, object] = {}
    for table_id in ("applications", "review_litigation", "proactive"):
        if rng.random() < 0.5:
            table = report.table(table_id)
            spec = table.spec
            changes[table_id] = Table.of_rows(spec, tuple(
                tuple(_zero(spec.column(c).kind, v) for c, v in zip(r.columns, row, strict=True))
                for r, row in zip(spec.rows, table.values, strict=True)))
    if rng.random() < 0.5:
        fees = {f.id: _zero(f.kind, 0) for f in report.template_spec.fee_fields}
        changes["other_matters"] = attrs.evolve(report.other_matters, **fees)
    return attrs.evolve(report, **changes)


def zeroed(count: int, pool: Sequence[str], seed: int) -> Iterator[Report]:
    """``count`` generated reports with narratives of the sentences of ``pool`` that hold a
    negation, some of their tables stated all 0 (see :func:`_zeroed`)."""
    rng = random.Random(seed)
    negated = [s for s in pool if any(n in s for n in words.NEGATIONS)]
    for i in range(count):
        report = random_report(rng, template="2021" if i % 3 else "2019",
                               consistent=i % 5 != 0, blank_rate=0.05 if i % 7 == 0 else 0.0)
        yield _zeroed(rng, _narrated(rng, report, negated))


def main(argv: Sequence[str] | None = None) -> None:
    """Write the dump."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--generated", type=int, default=2_000)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)
    paths = corpus_paths()
    pool = sentence_pool(paths)
    with args.out.open("w", encoding="utf-8") as out:
        _real(out, paths)
        print("POOL", len(pool), file=out)
        _claims(out, pool, paths)
        runs: tuple[tuple[str, Callable[[Report], object]], ...] = (
            ("GCHECK", narrative.check),
            ("GCHECKZ", lambda r: narrative.check(r, blank_as_zero=True)),
            ("GVALIDATE", lambda r: validate(r).findings),
        )
        for i, report in enumerate(generated(args.generated, pool, args.seed)):
            for name, run in runs:
                print(name, i, repr(run(report)), file=out)
        for i, report in enumerate(zeroed(args.generated, pool, args.seed)):
            for name, run in runs:
                print("Z" + name, i, repr(run(report)), file=out)


if __name__ == "__main__":
    main()
